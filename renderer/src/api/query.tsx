// The renderer's data layer: contract methods read through TanStack Query, keyed [feature, method, input, screen],
// kept current by the pushed events (api/invalidation.ts) instead of a hand-wired "load on mount, reload on event"
// effect per panel. A newer input's answer always wins over an older one's (no race tickets), a panel mounted
// twice shares one request, and an answer that failed keeps the last good one on screen.
import { useEffect, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Api } from '../../../shared/contract';
import { kioskClient, staffClient, type ApiClient } from './client';
import { connectInvalidation, type Feature } from './invalidation';

type MethodOf<F extends Feature> = keyof Api[F] & string;
type Call<F extends Feature, M extends MethodOf<F>> = Api[F][M] extends (input: infer I) => Promise<infer O> ? { input: I; output: O } : never;

export const queryClient = new QueryClient({
  defaultOptions: {
    // Events keep answers current; a refetch on focus or every remount would only add load on the desk.
    queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
  },
});

export function apiQueryKey(feature: Feature, method: string, input: unknown, client: ApiClient = staffClient): readonly unknown[] {
  return [feature, method, input ?? null, client === kioskClient ? 'visitor' : 'staff'];
}

export interface ApiQueryOptions {
  enabled?: boolean;
  /** The visitor screen reads through its own client (its device token only). */
  client?: ApiClient;
  /** Heals a missed event on a screen that stays open all day. */
  refetchInterval?: number;
}

/** Reads `feature.method(input)`; fetched again when an event makes the feature stale or the input changes. */
export function useApiQuery<F extends Feature, M extends MethodOf<F>>(feature: F, method: M, input: Call<F, M>['input'], options: ApiQueryOptions = {}) {
  const client = options.client ?? staffClient;
  return useQuery<Call<F, M>['output']>({
    queryKey: apiQueryKey(feature, method, input, client),
    queryFn: () => (client.api[feature][method] as (input: unknown) => Promise<Call<F, M>['output']>)(input),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
    placeholderData: keepPreviousData,
  });
}

/** After a mutation on this screen: the answers of these features are stale (the event would say so too, later). */
export function useInvalidate(): (...features: Feature[]) => void {
  const queries = useQueryClient();
  return (...features) => features.forEach((feature) => void queries.invalidateQueries({ queryKey: [feature] }));
}

/** Around every screen: the cache. */
export function ApiProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** Mounted with the staff screens (signed in): pushed events mark the matching queries stale. */
export function LiveQueries() {
  useEffect(() => connectInvalidation(queryClient, (event, listener) => staffClient.on(event, listener)), []);
  return null;
}
