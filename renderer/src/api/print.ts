import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { OutputTarget } from '../../../shared/contract';
import { api, errorMessage, unwrap } from './client';
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

/**
 * Save PDF… (the native save dialog) and Print… (the system print dialog) for a target, through
 * the main process, which records the export without its content: `busy` while it runs, then a
 * line saying what happened (`status`) or the therapist's message of a failure (`error`).
 */
export function useOutputActions() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (what: 'save' | 'print', target: OutputTarget | null) => {
    if (!target) return;
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      if (what === 'save') {
        const r = await unwrap(api().output.save(target));
        setStatus(r.saved ? `Saved “${r.fileName}”.` : 'Not saved: you closed the save dialog.');
      } else {
        const r = await unwrap(api().output.print(target));
        setStatus(r.opened ? 'The print window is open. Choose your printer there.' : 'The print window could not be opened.');
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, status, error, run };
}
