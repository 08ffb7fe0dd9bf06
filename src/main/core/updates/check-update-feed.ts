import { AppError } from '../errors/app-error';
import { decideUpdate, type UpdateContext, type UpdateDecision } from './decide-update';
import { feedFileName } from './update-channel';
import { parseUpdateFeed } from './update-feed';

export interface FeedCheckOptions extends UpdateContext {
  /** The feed's folder, e.g. https://updates.example.com/desktop (electron-builder's publish.url). */
  feedUrl: string;
  platform?: NodeJS.Platform;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/** Feeds are small; anything bigger is not a feed, and is not read into memory. */
const maxFeedBytes = 256 * 1024;

/**
 * Reads the channel's feed over HTTPS and decides, in plain Node: what the desktop app's
 * "Check for updates" does before it lets electron-updater download anything.
 */
export async function checkUpdateFeed(options: FeedCheckOptions): Promise<UpdateDecision> {
  const base = new URL(options.feedUrl.endsWith('/') ? options.feedUrl : `${options.feedUrl}/`);
  if (base.protocol !== 'https:') {
    throw new AppError('UPDATE_FEED_NOT_HTTPS', `The update feed ${base.origin} is not HTTPS, so it is not used.`, {
      fix: 'Publish the update feed over HTTPS (electron-builder.yml, publish.url).',
    });
  }
  const url = new URL(feedFileName(options.channel, options.platform), base).toString();
  let text: string;
  try {
    const response = await (options.fetch ?? fetch)(url, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxFeedBytes) throw new Error(`the feed is ${declared} bytes`);
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length > maxFeedBytes) throw new Error(`the feed is ${body.length} bytes`);
    text = body.toString('utf8');
  } catch (error) {
    throw new AppError('UPDATE_FEED_UNREACHABLE', `Could not check for updates at ${base.host} (${error instanceof Error ? error.message : String(error)}).`, {
      fix: 'Check your internet connection (and any proxy), then choose Help > Check for Updates again.',
      cause: error,
    });
  }
  return decideUpdate(parseUpdateFeed(text), options);
}
