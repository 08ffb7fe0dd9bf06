import { htmlReply, redirectReply, type Reply } from '../../http/Reply';
import { formPostPage } from '../pages/formPostPage';

export type ResponseMode = 'form_post' | 'query' | 'fragment';

/** Sends authorization response parameters to the client's redirect URI in the requested response mode. */
export function respondToRedirect(redirectUri: string, mode: ResponseMode, fields: Record<string, string | undefined>, headers: Record<string, string> = {}): Reply {
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) defined[k] = v;
  if (mode === 'form_post') return htmlReply(200, formPostPage(redirectUri, defined), headers);
  const url = new URL(redirectUri);
  const params = new URLSearchParams(defined);
  if (mode === 'fragment') {
    url.hash = params.toString();
  } else {
    for (const [k, v] of params) url.searchParams.append(k, v);
  }
  return redirectReply(url.toString(), headers);
}
