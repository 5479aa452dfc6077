// Which cached answers a pushed event makes stale. Queries are keyed by contract method — [feature, method,
// input, screen] — so an event names the contract features whose queries must be fetched again. Every event is
// listed (the compiler holds a new one to it): most change their own feature's data, some another's too (a saved
// call may open a callback; a shift's change shows on the handover), and a few carry no data at all (a key press,
// a scan, a card read) and stale nothing.
import type { QueryClient } from '@tanstack/react-query';
import type { Api, EventName } from '../../../shared/contract';

export type Feature = keyof Api;

export const INVALIDATES: Record<EventName, readonly Feature[]> = {
  'settings.buildingChanged': ['settings', 'visitors'],
  'devices.changed': ['devices'],
  'calls.changed': ['calls', 'callbacks'],
  'calls.settingsChanged': ['calls'],
  'calls.hotkeyPressed': [],
  'records.changed': ['records'],
  'records.notice': ['records'],
  'records.assigned': ['records'],
  'directory.changed': ['directory', 'visitors'],
  'visitors.changed': ['visitors', 'expected'],
  'visitors.pendingWaiting': ['visitors'],
  'visitors.refused': ['visitors'],
  'visitors.roll': ['visitors'],
  'visitors.overstay': ['visitors'],
  'visitors.registrationDecided': ['visitors'],
  'callbacks.changed': ['callbacks'],
  'callbacks.due': ['callbacks'],
  'notices.changed': ['notices', 'visitors'],
  'shifts.changed': ['shifts', 'handover'],
  'incidents.changed': ['incidents', 'handover'],
  'keys.changed': ['keys', 'handover'],
  'handover.changed': ['handover', 'shifts'],
  'hardware.settingsChanged': ['hardware'],
  'hardware.cardRead': [],
  'hardware.scanned': [],
  'expected.changed': ['expected', 'visitors'],
  'parcels.changed': ['parcels', 'handover'],
  'notify.changed': ['notify'],
};

/** The features an event makes stale. */
export function staleFeatures(event: EventName): readonly Feature[] {
  return INVALIDATES[event];
}

type Subscribe = (event: EventName, listener: () => void) => () => void;

/**
 * Keeps a query cache in step with the pushed events: each event marks the queries of the features it names as
 * stale, and those on screen are fetched again. Returns the unsubscribe function.
 */
export function connectInvalidation(queries: QueryClient, subscribe: Subscribe): () => void {
  const offs = (Object.keys(INVALIDATES) as EventName[])
    .filter((event) => INVALIDATES[event].length > 0)
    .map((event) =>
      subscribe(event, () => {
        for (const feature of INVALIDATES[event]) void queries.invalidateQueries({ queryKey: [feature] });
      }),
    );
  return () => offs.forEach((off) => off());
}
