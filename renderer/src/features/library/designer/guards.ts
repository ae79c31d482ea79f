import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';

/** Ctrl+S (⌘S) calls `save`, unless a dialog is open. */
export function useSaveShortcut(save: () => void) {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        if (document.querySelector('dialog[open]')) return;
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Asks before leaving with unsaved changes: not after saving (`leaving`), and not when the vault
 * locks (that always goes through: it goes back to '/').
 */
export function useLeaveGuard(dirty: boolean, leaving: RefObject<boolean>) {
  return useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation, historyAction }) =>
        dirty &&
        !leaving.current &&
        currentLocation.pathname !== nextLocation.pathname &&
        !(historyAction === 'POP' && nextLocation.pathname === '/'),
      [dirty, leaving],
    ),
  );
}
