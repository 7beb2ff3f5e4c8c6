/**
 * Slows down guessing at the sign-in screen: a few wrong tries are free, then each further one
 * makes the next wait twice as long (1 s, 2 s, 4 s … up to 5 minutes). A right one clears it.
 * Counted in main for the whole screen (one person sits at the computer), whatever the page does.
 */
export class SignInThrottle {
  private failures = 0;
  private until = 0;

  constructor(
    private readonly freeTries = 5,
    private readonly maxDelayMs = 5 * 60_000,
  ) {}

  /** How long before the next try is taken, in milliseconds (0: now). */
  waitMs(now: number): number {
    return Math.max(0, this.until - now);
  }

  failed(now: number): void {
    this.failures++;
    if (this.failures >= this.freeTries)
      this.until = now + Math.min(this.maxDelayMs, 1000 * 2 ** (this.failures - this.freeTries));
  }

  succeeded(): void {
    this.failures = 0;
    this.until = 0;
  }
}
