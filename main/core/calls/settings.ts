// The phone desk's settings section ('calls'): ring cadence, target rings, give-up time, hotkey.
import type { ReadableDB } from '../store/sql';
import { CallSettings, DEFAULT_CALL_SETTINGS, type CallSettings as CallSettingsT } from '../../../shared/contract/calls';
import type { RingCadence } from '../../../shared/rules/rings';
import { readSection } from '../settings';

export const CALLS_SECTION = 'calls';

export function callSettings(db: ReadableDB): CallSettingsT {
  return readSection(db, CALLS_SECTION, CallSettings, DEFAULT_CALL_SETTINGS);
}

/** The cadence a call rang with (stored on the call, so later setting changes do not rewrite it). */
export function cadenceOf(row: { seconds_per_ring: number; target_rings: number }): RingCadence {
  return { secondsPerRing: row.seconds_per_ring, targetRings: row.target_rings };
}
