// Reloading a crashed renderer, with a limit so a crash loop does not spin.
import { describe, expect, it } from 'vitest';
import { ReloadLimiter } from '../../../main/app/crash-recovery';

describe('crash recovery', () => {
  it('X-5 a crashed screen is reloaded up to three times a minute, then waits', () => {
    const limiter = new ReloadLimiter();
    const t0 = 1_000_000;
    expect([limiter.allow(t0), limiter.allow(t0 + 1000), limiter.allow(t0 + 2000)]).toEqual([true, true, true]);
    expect(limiter.allow(t0 + 3000)).toBe(false);
    expect(limiter.allow(t0 + 59_999)).toBe(false);
    // A refused attempt does not count: once the first reload is a minute old, one more is allowed.
    expect(limiter.allow(t0 + 60_000)).toBe(true);
    expect(limiter.allow(t0 + 60_500)).toBe(false);
    expect(limiter.allow(t0 + 62_000)).toBe(true);
  });

  it('X-5 the limits are configurable', () => {
    const limiter = new ReloadLimiter(1, 10_000);
    expect(limiter.allow(0)).toBe(true);
    expect(limiter.allow(9_999)).toBe(false);
    expect(limiter.allow(10_000)).toBe(true);
  });
});
