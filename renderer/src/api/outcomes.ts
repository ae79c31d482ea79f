import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

/**
 * The Progress tab's life events (issue 9). The key sits under 'measures', so every measures
 * change (afterChange.measures) refreshes it. The RCI settings hooks are in ./measures.
 */
const eventsKey = (clientId: string, from: string | null, to: string | null) =>
  ['measures', 'events', clientId, { from, to }] as const;

/** Life events in the range, oldest first (dated notes on the measure charts). */
export function useLifeEvents(clientId: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: eventsKey(clientId, from, to),
    queryFn: () => unwrap(api().measures.events({ clientId, ...(from ? { from } : {}), ...(to ? { to } : {}) })),
  });
}
