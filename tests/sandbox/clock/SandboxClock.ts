import { performance } from 'node:perf_hooks';

/**
 * The sandbox's notion of "now". It runs at real speed from a start instant, plus an offset that tests move
 * forward (token expiry, secret expiry, device-code expiry, GDAP end dates all read it).
 * It is built on performance.now() rather than Date.now() on purpose: a test may fake Date (so that MSAL's
 * cache sees the same jump) without the sandbox clock moving twice.
 */
export class SandboxClock {
  private readonly startEpochMs: number;
  private readonly startPerfMs: number;
  private offsetMs = 0;

  constructor(startEpochMs: number = performance.timeOrigin + performance.now()) {
    this.startEpochMs = startEpochMs;
    this.startPerfMs = performance.now();
  }

  /** Milliseconds since the Unix epoch, sandbox time. */
  now(): number {
    return this.startEpochMs + (performance.now() - this.startPerfMs) + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('The sandbox clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  /** Jumps to an absolute instant (forward or back; going back is allowed for setting up "not yet valid" cases). */
  set(epochMs: number): number {
    this.offsetMs += epochMs - this.now();
    return this.now();
  }

  offset(): number {
    return this.offsetMs;
  }
}
