import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionFields } from '../../../../shared/domain';
import { errorMessage, fieldErrors } from '../../api/client';
import { useUpdateSession } from '../../api/sessions';

/** How long typing pauses before the notes are saved. */
const DEBOUNCE_MS = 700;

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Saves a session's fields as the clinician types: changes gather for a moment, then go in one
 * patch; what is still waiting is saved when the stage closes (leaving the page, locking).
 */
export function useAutosave(sessionId: string) {
  const update = useUpdateSession();
  const pending = useRef<Partial<SessionFields>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const { mutateAsync } = update;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    setState('saving');
    try {
      await mutateAsync({ id: sessionId, fields: patch });
      setState('saved');
      setError(null);
      setFields({});
    } catch (e) {
      setState('error');
      setError(`Not saved: ${errorMessage(e)}`);
      setFields(fieldErrors(e));
    }
  }, [mutateAsync, sessionId]);

  const queue = useCallback(
    (patch: Partial<SessionFields>) => {
      pending.current = { ...pending.current, ...patch };
      setState('saving');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  const now = useCallback(
    (patch: Partial<SessionFields>) => {
      pending.current = { ...pending.current, ...patch };
      void flush();
    },
    [flush],
  );

  // Whatever is still waiting is saved when the stage closes, or the window does.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return { state, error, fieldErrors: fields, queue, now, flush };
}
