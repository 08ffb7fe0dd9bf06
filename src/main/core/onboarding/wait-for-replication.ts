import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';

export interface ReplicationWaitOptions {
  /** True for errors that mean "Microsoft has not caught up yet" (404 after create, 7000215, ...). */
  isTransient(error: unknown): boolean;
  /** Told while waiting, so the UI can say "waiting for Microsoft to replicate (12 s)". */
  onWait(elapsedMs: number): void;
  /** Give up after this long; Microsoft documents "several minutes" for new secrets. */
  maxMs?: number;
  sleep?(ms: number): Promise<void>;
  now?(): number;
}

const backoffMs = [500, 1000, 2000, 4000, 8000];
const capMs = 10_000;

/**
 * Runs `attempt` until it stops failing with replication errors, with capped exponential backoff
 * (facts §4.2; anchors: Terraform and CIPP wait the same way). Other errors pass straight through.
 */
export async function waitForReplication<T>(attempt: () => Promise<T>, options: ReplicationWaitOptions): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const maxMs = options.maxMs ?? 5 * 60_000;
  const started = now();
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!options.isTransient(error)) throw error;
      const elapsed = now() - started;
      if (elapsed >= maxMs) {
        throw new AppError(ErrorCode.ReplicationTimeout, `Microsoft had not finished replicating after ${Math.round(elapsed / 1000)} seconds.`, {
          fix: 'Nothing needs to be recreated. Run the wizard again in a few minutes; it continues where it stopped.',
          cause: error,
        });
      }
      options.onWait(elapsed);
      await sleep(Math.min(backoffMs[i] ?? capMs, capMs, maxMs - elapsed));
    }
  }
}
