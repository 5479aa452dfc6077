// Ring arithmetic of the phone desk (P-1), shared by the core (answer latency, within target) and the lobby
// (ring number, colour, bell). A ring is one cadence period: Chinese ring-back is 1 s on, 4 s off = 5 s.
// Ring 1 runs from 0 to just before one period, ring 2 from one period on, and so on. "Within three rings"
// means answered before the third ring is over: latency < 3 × period (14.9 s is within, 15.0 s is not).

export interface RingCadence {
  /** Length of one ring (tone plus silence), whole seconds. */
  secondsPerRing: number;
  /** The standard: answer within this many rings. */
  targetRings: number;
}

export const DEFAULT_CADENCE: RingCadence = { secondsPerRing: 5, targetRings: 3 };

/** How long the ring tone sounds at the start of each ring (the "1 s on" of 1 s on / 4 s off). */
export const BELL_ON_MS = 1000;

/** calm for ring 1, amber at ring 2, red from ring 3, overdue (flashing) once the target has passed. */
export type RingLevel = 'calm' | 'amber' | 'red' | 'overdue';

export function ringPeriodMs(cadence: RingCadence): number {
  return cadence.secondsPerRing * 1000;
}

/** Milliseconds after the start at which the target is missed (3 rings × 5 s = 15 000 ms). */
export function targetMs(cadence: RingCadence): number {
  return cadence.targetRings * ringPeriodMs(cadence);
}

function clampElapsed(elapsedMs: number): number {
  return Number.isFinite(elapsedMs) && elapsedMs > 0 ? elapsedMs : 0;
}

/** Which ring is sounding `elapsedMs` after the phone started ringing: 1, 2, 3 … */
export function ringNumber(elapsedMs: number, cadence: RingCadence): number {
  return Math.floor(clampElapsed(elapsedMs) / ringPeriodMs(cadence)) + 1;
}

/** Milliseconds until the next ring begins. */
export function msUntilNextRing(elapsedMs: number, cadence: RingCadence): number {
  const period = ringPeriodMs(cadence);
  return period - (clampElapsed(elapsedMs) % period);
}

/** Whether a call answered after `latencyMs` met the standard. */
export function isWithinTarget(latencyMs: number, cadence: RingCadence): boolean {
  return clampElapsed(latencyMs) < targetMs(cadence);
}

export function ringLevel(elapsedMs: number, cadence: RingCadence): RingLevel {
  if (!isWithinTarget(elapsedMs, cadence)) return 'overdue';
  const ring = ringNumber(elapsedMs, cadence);
  if (ring <= 1) return 'calm';
  if (ring === 2) return 'amber';
  return 'red';
}

/** Whether the ring tone is sounding at this moment (the lobby's bell animates with it). */
export function isBellSounding(elapsedMs: number, cadence: RingCadence): boolean {
  return clampElapsed(elapsedMs) % ringPeriodMs(cadence) < Math.min(BELL_ON_MS, ringPeriodMs(cadence));
}

export interface RingView {
  ring: number;
  /** Whole seconds since the phone started ringing. */
  seconds: number;
  level: RingLevel;
  bellOn: boolean;
  msToNextRing: number;
}

/** Everything the lobby shows about a ringing line at one moment. */
export function describeRing(elapsedMs: number, cadence: RingCadence): RingView {
  const elapsed = clampElapsed(elapsedMs);
  return {
    ring: ringNumber(elapsed, cadence),
    seconds: Math.floor(elapsed / 1000),
    level: ringLevel(elapsed, cadence),
    bellOn: isBellSounding(elapsed, cadence),
    msToNextRing: msUntilNextRing(elapsed, cadence),
  };
}

/** Share of calls answered within target: within / (answered + missed); null when no call counted. */
export function withinTargetShare(withinTarget: number, counted: number): number | null {
  return counted > 0 ? withinTarget / counted : null;
}
