import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** The Progress tab's data for a client and range (null: the defaults, the client's start to today). */
export function useProgressOverview(clientId: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: queryKeys.progress.overview(clientId, from, to),
    queryFn: () => unwrap(api().progress.overview({ clientId, from, to })),
    placeholderData: keepPreviousData,
  });
}

/** Chosen numbers of one worksheet over time (nothing asked while no number is chosen). */
export function useProgressSeries(
  clientId: string,
  worksheetId: string | null,
  keys: readonly string[],
  from: string | null,
  to: string | null,
) {
  return useQuery({
    queryKey: queryKeys.progress.series(clientId, worksheetId ?? '', keys, from, to),
    queryFn: () => unwrap(api().progress.series({ clientId, worksheetId: worksheetId!, keys: [...keys], from, to })),
    enabled: Boolean(worksheetId) && keys.length > 0,
    placeholderData: keepPreviousData,
  });
}
