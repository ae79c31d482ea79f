import { useQuery } from '@tanstack/react-query';
import type { OutputTarget } from '../../../shared/contract';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** What a print page is about: an assignment (its title and client), a client's packet, or a session's handout. */
export function usePrintSubject(assignmentId: string | null, clientId: string | null, sessionId: string | null = null) {
  return useQuery({
    queryKey: queryKeys.print.subject(assignmentId, clientId, sessionId),
    queryFn: async () => {
      if (sessionId) {
        const s = await unwrap(api().sessions.get({ id: sessionId }));
        return { title: 'Session handout', who: s.clientName, clientId: s.clientId };
      }
      if (assignmentId) {
        const a = await unwrap(api().assignments.get({ id: assignmentId }));
        return { title: a.title, who: a.clientName, clientId: a.clientId };
      }
      const c = await unwrap(api().clients.get({ id: clientId! }));
      return { title: 'Homework packet', who: c.name, clientId: c.id };
    },
    enabled: !!(assignmentId || clientId || sessionId),
  });
}

/** The PDF the core makes for a target: rendered afresh each time (never kept in the cache). */
export function usePdf(target: OutputTarget | null) {
  return useQuery({
    queryKey: queryKeys.print.pdf(target),
    queryFn: () => {
      const t = target!;
      switch (t.kind) {
        case 'assignment':
          return unwrap(
            api().print.assignment({ assignmentId: t.assignmentId, fillable: t.fillable ?? false, options: t.options }),
          );
        case 'packet':
          return unwrap(api().print.packet({ clientId: t.clientId, fillable: t.fillable ?? false, options: t.options }));
        case 'handout':
          return unwrap(api().print.handout({ sessionId: t.sessionId, options: t.options }));
        // issue 9: the progress report
        case 'progressReport': {
          const { kind: _kind, ...input } = t;
          return unwrap(api().reports.progress(input));
        }
      }
    },
    enabled: !!target,
    staleTime: 0,
    gcTime: 0,
  });
}
