import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CADENCE,
  describeRing,
  isBellSounding,
  isWithinTarget,
  msUntilNextRing,
  ringLevel,
  ringNumber,
  targetMs,
  withinTargetShare,
} from '../../../shared/rules/rings';

const fast = { secondsPerRing: 2, targetRings: 4 };

describe('ring arithmetic', () => {
  it('P-1 default cadence (5 s a ring): just before and at each ring change', () => {
    expect(ringNumber(0, DEFAULT_CADENCE)).toBe(1);
    expect(ringNumber(4_999, DEFAULT_CADENCE)).toBe(1);
    expect(ringNumber(5_000, DEFAULT_CADENCE)).toBe(2);
    expect(ringNumber(9_999, DEFAULT_CADENCE)).toBe(2);
    expect(ringNumber(10_000, DEFAULT_CADENCE)).toBe(3);
    expect(ringNumber(14_999, DEFAULT_CADENCE)).toBe(3);
    expect(ringNumber(15_000, DEFAULT_CADENCE)).toBe(4);
    expect(msUntilNextRing(4_999, DEFAULT_CADENCE)).toBe(1);
    expect(msUntilNextRing(5_000, DEFAULT_CADENCE)).toBe(5_000);
  });

  it('P-1 a non-default cadence (2 s a ring, target 4): just before and at each ring change', () => {
    expect(ringNumber(1_999, fast)).toBe(1);
    expect(ringNumber(2_000, fast)).toBe(2);
    expect(ringNumber(3_999, fast)).toBe(2);
    expect(ringNumber(4_000, fast)).toBe(3);
    expect(ringNumber(7_999, fast)).toBe(4);
    expect(ringNumber(8_000, fast)).toBe(5);
    expect(targetMs(fast)).toBe(8_000);
    expect(isWithinTarget(7_999, fast)).toBe(true);
    expect(isWithinTarget(8_000, fast)).toBe(false);
  });

  it('P-1 answered at 14.9 s is within three rings, at 15.0 s it is not (default cadence)', () => {
    expect(isWithinTarget(14_900, DEFAULT_CADENCE)).toBe(true);
    expect(isWithinTarget(14_999, DEFAULT_CADENCE)).toBe(true);
    expect(isWithinTarget(15_000, DEFAULT_CADENCE)).toBe(false);
  });

  it('P-1 colour: calm for ring 1, amber at ring 2, red from ring 3, overdue (flashing) past the target', () => {
    expect(ringLevel(4_999, DEFAULT_CADENCE)).toBe('calm');
    expect(ringLevel(5_000, DEFAULT_CADENCE)).toBe('amber');
    expect(ringLevel(9_999, DEFAULT_CADENCE)).toBe('amber');
    expect(ringLevel(10_000, DEFAULT_CADENCE)).toBe('red');
    expect(ringLevel(14_999, DEFAULT_CADENCE)).toBe('red');
    expect(ringLevel(15_000, DEFAULT_CADENCE)).toBe('overdue');
    // A longer target keeps ring 3 and 4 red; past ring 4 it flashes.
    expect(ringLevel(6_000, fast)).toBe('red');
    expect(ringLevel(7_999, fast)).toBe('red');
    expect(ringLevel(8_000, fast)).toBe('overdue');
    // A target of one ring: ring 1 is calm, then overdue at once.
    expect(ringLevel(4_999, { secondsPerRing: 5, targetRings: 1 })).toBe('calm');
    expect(ringLevel(5_000, { secondsPerRing: 5, targetRings: 1 })).toBe('overdue');
  });

  it('P-1 the bell sounds for the first second of each ring (1 s on, 4 s off)', () => {
    expect(isBellSounding(0, DEFAULT_CADENCE)).toBe(true);
    expect(isBellSounding(999, DEFAULT_CADENCE)).toBe(true);
    expect(isBellSounding(1_000, DEFAULT_CADENCE)).toBe(false);
    expect(isBellSounding(4_999, DEFAULT_CADENCE)).toBe(false);
    expect(isBellSounding(5_000, DEFAULT_CADENCE)).toBe(true);
    expect(isBellSounding(999, { secondsPerRing: 1, targetRings: 3 })).toBe(true);
  });

  it('P-1 describeRing gives the lobby ring, whole seconds and level; nonsense elapsed times count as zero', () => {
    expect(describeRing(12_345, DEFAULT_CADENCE)).toEqual({ ring: 3, seconds: 12, level: 'red', bellOn: false, msToNextRing: 2_655 });
    expect(describeRing(-50, DEFAULT_CADENCE)).toMatchObject({ ring: 1, seconds: 0, level: 'calm' });
    expect(describeRing(Number.NaN, DEFAULT_CADENCE)).toMatchObject({ ring: 1, seconds: 0 });
  });

  it('P-5 within-target share is null with nothing counted', () => {
    expect(withinTargetShare(0, 0)).toBeNull();
    expect(withinTargetShare(3, 4)).toBe(0.75);
  });
});
