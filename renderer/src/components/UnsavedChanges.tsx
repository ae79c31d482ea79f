import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { ConfirmDialog } from './Dialog';

/*
 * "Nothing typed is ever lost": every form with unsaved input asks before it is left — by a
 * link, the back button, a Cancel, or closing the window. One provider (in the app's layout)
 * holds the app's only router blocker and the window's beforeunload; each form tells it whether
 * it holds unsaved input with useUnsavedChanges. Locking always goes through (the vault locks
 * and the window forgets; the forms that keep drafts offer them back after unlocking).
 */

interface Entry {
  dirty: boolean;
  /** Set once the form is saved: it may be left now, even before it knows it is clean. */
  saved: boolean;
  what: string;
  /** Called when the clinician chooses to leave without saving (e.g. to drop a kept draft). */
  onLeave?: (() => void) | undefined;
}

interface Registry {
  set(id: string, entry: Entry | null): void;
  markSaved(id: string): void;
  /** Asks (when `id`'s form, or any form if no id, holds unsaved input) before calling `then`. */
  confirm(id: string | null, then: () => void): void;
}

const UnsavedContext = createContext<Registry | null>(null);

/** The words of the question, also used by the tests. */
export const LEAVE_TITLE = 'Leave without saving?';
export const LEAVE_CONFIRM = 'Leave without saving';
export const LEAVE_CANCEL = 'Keep editing';

export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const entries = useRef(new Map<string, Entry>());
  const [asking, setAsking] = useState<{ id: string | null; what: string; then: () => void } | null>(null);
  const [blockedWhat, setBlockedWhat] = useState('this form');

  const dirtyEntries = useCallback(
    (id: string | null) => [...entries.current.entries()].filter(([k, e]) => e.dirty && !e.saved && (id === null || k === id)),
    [],
  );

  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation, historyAction }) => {
        const open = dirtyEntries(null);
        const block =
          open.length > 0 &&
          currentLocation.pathname !== nextLocation.pathname &&
          // Locking goes back to '/' (App.tsx): that always goes through.
          !(historyAction === 'POP' && nextLocation.pathname === '/');
        if (block) setBlockedWhat(open[0]![1].what);
        return block;
      },
      [dirtyEntries],
    ),
  );

  // Closing the window (or reloading it): the browser asks; in Electron the main process shows
  // the question (will-prevent-unload).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirtyEntries(null).length === 0) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirtyEntries]);

  const registry = useMemo<Registry>(
    () => ({
      set(id, entry) {
        if (entry) entries.current.set(id, entry);
        else entries.current.delete(id);
      },
      markSaved(id) {
        const e = entries.current.get(id);
        if (e) e.saved = true;
      },
      confirm(id, then) {
        const open = dirtyEntries(id);
        if (open.length === 0) then();
        else setAsking({ id, what: open[0]![1].what, then });
      },
    }),
    [dirtyEntries],
  );

  const blocked = blocker.state === 'blocked';
  const what = asking?.what ?? blockedWhat;
  return (
    <UnsavedContext.Provider value={registry}>
      {children}
      <ConfirmDialog
        open={blocked || !!asking}
        title={LEAVE_TITLE}
        confirmLabel={LEAVE_CONFIRM}
        cancelLabel={LEAVE_CANCEL}
        danger
        onConfirm={() => {
          // What was typed is let go: drafts kept for it go too.
          for (const [, e] of dirtyEntries(asking?.id ?? null)) e.onLeave?.();
          if (asking) {
            const then = asking.then;
            setAsking(null);
            then();
          } else blocker.proceed?.();
        }}
        onCancel={() => {
          setAsking(null);
          blocker.reset?.();
        }}
      >
        <p>What you typed in {what} has not been saved. If you leave now, it is lost.</p>
      </ConfirmDialog>
    </UnsavedContext.Provider>
  );
}

/**
 * For a control that leaves whatever forms are open without navigating (session mode's stages):
 * asks first when any form holds unsaved input, then calls `then`.
 */
export function useConfirmLeave(): (then: () => void) => void {
  const registry = useContext(UnsavedContext);
  return useCallback((then: () => void) => (registry ? registry.confirm(null, then) : then()), [registry]);
}

export interface UnsavedChanges {
  /** Call once the form is saved, before navigating away: the form may be left without asking. */
  saved(): void;
  /** Asks before `then` (a Cancel, closing an inline form) when the form holds unsaved input. */
  confirmLeave(then: () => void): void;
}

/**
 * Tells the app whether this form holds unsaved input. `what` names the form in the question
 * ("the new client form", "this goal"). While `dirty`, leaving asks first.
 */
export function useUnsavedChanges(dirty: boolean, what: string, onLeave?: () => void): UnsavedChanges {
  const registry = useContext(UnsavedContext);
  const id = useId();
  const savedRef = useRef(false);
  const onLeaveRef = useRef(onLeave);
  useLayoutEffect(() => {
    onLeaveRef.current = onLeave;
  });
  // Kept up to date right after each change is on screen, before the next click or key.
  useLayoutEffect(() => {
    registry?.set(id, { dirty, saved: savedRef.current, what, onLeave: () => onLeaveRef.current?.() });
    return () => registry?.set(id, null);
  }, [registry, id, dirty, what]);
  return useMemo(
    () => ({
      saved() {
        savedRef.current = true;
        registry?.markSaved(id);
      },
      confirmLeave(then: () => void) {
        if (registry) registry.confirm(id, then);
        else then();
      },
    }),
    [registry, id],
  );
}
