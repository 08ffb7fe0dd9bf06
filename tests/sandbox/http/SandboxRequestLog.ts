/** One request as the sandbox saw it: when it arrived, and when its answer was about to leave. */
export interface SandboxRequestEvent {
  phase: 'received' | 'answered';
  /** The same number for a request's two events, in arrival order. */
  seq: number;
  method: string;
  /** The full path, e.g. `/graph/v1.0/applications/{id}/addPassword`. */
  path: string;
  /** The answer's status; 0 for a dropped connection (fault injection's reset). */
  status?: number;
}

export type SandboxRequestListener = (event: SandboxRequestEvent) => void;

/**
 * Lets an in-process test watch the traffic and act at exact moments. Listeners run synchronously:
 * "received" before any latency or handler, "answered" after the handler changed the directory and
 * before the answer is written, so a test can end a client between Microsoft's write and the client
 * hearing of it, which is when a client's own bookkeeping is most likely to be behind.
 */
export class SandboxRequestLog {
  private readonly listeners = new Set<SandboxRequestListener>();
  private nextSeq = 0;

  listen(listener: SandboxRequestListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called by the server; returns the request's seq for its "answered" event. */
  received(method: string, path: string): number {
    const seq = this.nextSeq++;
    this.emit({ phase: 'received', seq, method, path });
    return seq;
  }

  answered(seq: number, method: string, path: string, status: number): void {
    this.emit({ phase: 'answered', seq, method, path, status });
  }

  private emit(event: SandboxRequestEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // A test's listener must not take the sandbox down with it.
        console.error('[sandbox] request listener failed', error);
      }
    }
  }
}
