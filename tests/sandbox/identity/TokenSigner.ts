import { SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from '../crypto/ensureSigningKey';

/** RS256 signing with Entra's header shape: typ, alg, kid and x5t (facts §11.2). */
export class TokenSigner {
  constructor(readonly key: SigningKey) {}

  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: this.key.kid, x5t: this.key.x5t })
      .sign(this.key.privateKey);
  }

  /** JWKS document (facts §11.2). */
  jwks(issuer: string): { keys: Array<Record<string, unknown>> } {
    return {
      keys: [
        {
          kty: 'RSA',
          use: 'sig',
          kid: this.key.kid,
          x5t: this.key.x5t,
          n: this.key.n,
          e: this.key.e,
          x5c: [this.key.x5c],
          issuer,
        },
      ],
    };
  }
}
