import type { Reply } from '../http/Reply';

/** What a platform route answers before serialisation: kept as a value so the contract check can read the body. */
export interface PlatformAnswer {
  status: number;
  contentType: 'application/json' | 'application/problem+json';
  body: unknown;
  headers?: Record<string, string>;
}

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): PlatformAnswer {
  return { status, contentType: 'application/json', body, headers };
}

export function toReply(answer: PlatformAnswer): Reply {
  return {
    status: answer.status,
    headers: { 'content-type': `${answer.contentType}; charset=utf-8`, 'cache-control': 'no-store', ...answer.headers },
    body: JSON.stringify(answer.body),
  };
}
