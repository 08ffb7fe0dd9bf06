/** How long a revealed secret stays on screen before it is masked again. */
export const SECRET_REVEAL_MS = 60_000;

/**
 * Holds revealed secret values and forgets each one `ms` after it was revealed, so a secret shown
 * on a screen left open (a shared desk, a screen share) does not stay readable. Plain TypeScript,
 * so its timing is tested without a browser.
 */
export class SecretMasker {
  private readonly values = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly onChange: (revealed: Record<string, string>) => void,
    private readonly ms = SECRET_REVEAL_MS,
  ) {}

  reveal(key: string, value: string): void {
    this.values.set(key, value);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => this.mask(key), this.ms),
    );
    this.emit();
  }

  mask(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.values.delete(key)) this.emit();
  }

  /** On unmount: no timers left behind, nothing kept. */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.values.clear();
  }

  private emit(): void {
    this.onChange(Object.fromEntries(this.values));
  }
}
