// The renderer's data layer (issue 19): pushed events mark the matching queries stale, and the queries on screen
// are fetched again — against a real TanStack QueryClient and the contract's real event and feature names.
import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { contract, events, type EventName } from '../../../shared/contract';
import { connectInvalidation, INVALIDATES, staleFeatures } from '../../../renderer/src/api/invalidation';

/** The pushed-event channel's subscribe, as the staff client offers it. */
function channel() {
  const listeners = new Map<EventName, Set<() => void>>();
  return {
    subscribe(event: EventName, listener: () => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
    push(event: EventName) {
      listeners.get(event)?.forEach((l) => l());
    },
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

/** A query on screen: an observer, and how many times its answer was fetched. */
function onScreen(queries: QueryClient, key: unknown[]) {
  const fetched = { count: 0 };
  const observer = new QueryObserver(queries, { queryKey: key, queryFn: async () => ++fetched.count, staleTime: 60_000 });
  const off = observer.subscribe(() => undefined);
  return { fetched, off };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('data layer invalidation', () => {
  let queries: QueryClient;
  afterEach(() => queries?.clear());

  it('X-5 every pushed event of the contract is listed, and names only features the contract has', () => {
    expect(Object.keys(INVALIDATES).sort()).toEqual(Object.keys(events).sort());
    for (const [event, features] of Object.entries(INVALIDATES)) {
      for (const feature of features) expect(Object.keys(contract), `${event} → ${feature}`).toContain(feature);
    }
    // An event changes at least its own feature's data, unless it carries none.
    for (const event of Object.keys(events) as EventName[]) {
      const own = event.split('.')[0]!;
      const stale = staleFeatures(event);
      if (stale.length > 0 && own in contract) expect(stale, event).toContain(own);
    }
    expect(staleFeatures('hardware.scanned')).toEqual([]);
  });

  it('X-5 keys.changed fetches the key register again, and the handover that lists what is out — not the visitors', async () => {
    queries = new QueryClient();
    const events = channel();
    const keys = onScreen(queries, ['keys', 'list', { state: 'out' }, 'staff']);
    const handover = onScreen(queries, ['handover', 'current', null, 'staff']);
    const visitors = onScreen(queries, ['visitors', 'lobby', null, 'staff']);
    await settle();
    expect([keys.fetched.count, handover.fetched.count, visitors.fetched.count]).toEqual([1, 1, 1]);

    const off = connectInvalidation(queries, events.subscribe);
    events.push('keys.changed');
    await settle();
    expect([keys.fetched.count, handover.fetched.count, visitors.fetched.count]).toEqual([2, 2, 1]);

    // A scan carries no data: nothing is fetched.
    events.push('hardware.scanned');
    await settle();
    expect([keys.fetched.count, handover.fetched.count, visitors.fetched.count]).toEqual([2, 2, 1]);

    // Disconnected, the events reach nothing.
    expect(events.count()).toBeGreaterThan(0);
    off();
    expect(events.count()).toBe(0);
    events.push('keys.changed');
    await settle();
    expect(keys.fetched.count).toBe(2);
    [keys, handover, visitors].forEach((q) => q.off());
  });

  it('X-5 a query not on screen is only marked stale, and fetched when it is shown again', async () => {
    queries = new QueryClient();
    const events = channel();
    connectInvalidation(queries, events.subscribe);
    const notices = onScreen(queries, ['notices', 'list', null, 'staff']);
    await settle();
    notices.off();
    events.push('notices.changed');
    await settle();
    expect(notices.fetched.count).toBe(1);
    expect(queries.getQueryState(['notices', 'list', null, 'staff'])?.isInvalidated).toBe(true);
    const again = new QueryObserver(queries, { queryKey: ['notices', 'list', null, 'staff'], queryFn: async () => ++notices.fetched.count, staleTime: 60_000 });
    const off = again.subscribe(() => undefined);
    await settle();
    expect(notices.fetched.count).toBe(2);
    off();
  });
});
