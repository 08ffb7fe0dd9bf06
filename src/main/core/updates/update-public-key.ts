/**
 * The release key's public half: an update is installed only if its feed entry is signed by the
 * matching private key (held by whoever publishes releases, given to `npm run dist` as
 * ENTRA_ONBOARD_UPDATE_SIGNING_KEY, never committed). To rotate: `npx tsx scripts/sign-update-feed.ts --new-key`
 * prints a new pair; put the public half here and ship that version before signing with the new key.
 */
export const updatePublicKeyPem = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAZ2Uyor/rA8fQralWpbw03I7L4w9iaLkk+BMdhAqhFTg=
-----END PUBLIC KEY-----
`;
