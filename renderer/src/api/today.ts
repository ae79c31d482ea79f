import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { TODAY_PAGE_MAX, type TodayGroup } from '../../../shared/contract';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** Today in one call: every group's first rows and its count (issue 12). */
export function useTodayOverview() {
  return useQuery({ queryKey: queryKeys.today.overview(), queryFn: () => unwrap(api().today.overview()), staleTime: 0 });
}

/**
 * The rest of one Today group, a page at a time from its first row, once `enabled` (the
 * clinician asked to see it): `fetchNextPage` loads the next page while rows remain.
 */
export function useTodayMore(group: TodayGroup, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.today.more(group),
    queryFn: ({ pageParam }) => unwrap(api().today.more({ group, offset: pageParam, limit: TODAY_PAGE_MAX })),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return last.rows.length > 0 && loaded < last.total ? loaded : undefined;
    },
    enabled,
  });
}
