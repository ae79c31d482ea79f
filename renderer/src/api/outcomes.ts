import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StandardMeasureKey } from '../../../shared/measures';
import { afterChange } from './changes';
import { api, unwrap } from './client';

/**
 * The Progress tab's outcome pieces (issue 9): life events and the Jacobson–Truax settings.
 * Their keys sit under 'measures', so every measures change (afterChange.measures) refreshes them.
 */
const keys = {
  rci: () => ['measures', 'rci'] as const,
  events: (clientId: string, from: string | null, to: string | null) => ['measures', 'events', clientId, { from, to }] as const,
};

/** The SD and r in use per measure, with their built-in defaults. */
export function useRciSettings() {
  return useQuery({ queryKey: keys.rci(), queryFn: () => unwrap(api().measures.rciSettings()) });
}

/** Sets a measure's SD and r (or, with reset, goes back to the built-in default). */
export function useSetRci() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { measure: StandardMeasureKey; sd?: number; r?: number; reset?: boolean }) =>
      unwrap(api().measures.setRci(input)),
    onSuccess: () => afterChange.measures(qc),
  });
}

/** Life events in the range, oldest first (dated notes on the measure charts). */
export function useLifeEvents(clientId: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: keys.events(clientId, from, to),
    queryFn: () => unwrap(api().measures.events({ clientId, ...(from ? { from } : {}), ...(to ? { to } : {}) })),
  });
}
