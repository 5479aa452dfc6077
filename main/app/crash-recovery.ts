// Reloading a window whose renderer crashed, at most a few times a minute (a crash loop shows a notice instead).

export class ReloadLimiter {
  private readonly times: number[] = [];
  constructor(
    private readonly maxReloads = 3,
    private readonly windowMs = 60_000,
  ) {}

  /** Whether a reload at `now` is allowed; records it when it is. */
  allow(now: number): boolean {
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift();
    if (this.times.length >= this.maxReloads) return false;
    this.times.push(now);
    return true;
  }
}
