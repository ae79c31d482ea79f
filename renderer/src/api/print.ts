import { useQuery } from '@tanstack/react-query';
import type { OutputTarget } from '../../../shared/contract';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** What a print page is about: an assignment (its title and client) or a client's packet. */
export function usePrintSubject(assignmentId: string | null, clientId: string | null) {
  return useQuery({
    queryKey: queryKeys.print.subject(assignmentId, clientId),
    queryFn: async () => {
      if (assignmentId) {
        const a = await unwrap(api().assignments.get({ id: assignmentId }));
        return { title: a.title, who: a.clientName, clientId: a.clientId };
      }
      const c = await unwrap(api().clients.get({ id: clientId! }));
      return { title: 'Homework packet', who: c.name, clientId: c.id };
    },
    enabled: !!(assignmentId || clientId),
  });
}

/** The PDF the core makes for a target: rendered afresh each time (never kept in the cache). */
export function usePdf(target: OutputTarget | null) {
  return useQuery({
    queryKey: queryKeys.print.pdf(target),
    queryFn: () =>
      target!.kind === 'assignment'
        ? unwrap(
            api().print.assignment({
              assignmentId: target!.assignmentId,
              fillable: target!.fillable ?? false,
              options: target!.options,
            }),
          )
        : unwrap(api().print.packet({ clientId: target!.clientId, options: target!.options })),
    enabled: !!target,
    staleTime: 0,
    gcTime: 0,
  });
}
