import { useEffect, useRef } from 'react';

/** Ctrl+S (⌘S) calls `save`, and Ctrl+Shift+S `saveDraft` (when given), unless a dialog is open. */
export function useSaveShortcut(save: () => void, saveDraft?: () => void) {
  const saveRef = useRef(save);
  const draftRef = useRef(saveDraft);
  useEffect(() => {
    saveRef.current = save;
    draftRef.current = saveDraft;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        if (document.querySelector('dialog[open]')) return;
        const run = e.shiftKey ? draftRef.current : saveRef.current;
        if (!run) return;
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
