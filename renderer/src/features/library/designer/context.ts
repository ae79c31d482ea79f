import { flushSync } from 'react-dom';
import { createContext, useContext } from 'react';
import type { Draft, Path } from './draft';

export interface DesignerApi {
  draft: Draft;
  /** Replaces the value at a path (and marks that part of the form as edited). */
  set: (path: Path, value: unknown) => void;
  /** Replaces the value at a path with a function of the old one. */
  update: (path: Path, fn: (old: unknown) => unknown) => void;
  /** Moves an item of the list at `path`; focus stays on the same control of the moved item. */
  move: (path: Path, from: number, to: number, what: string) => void;
  /** Makes a new draft from the latest one without marking anything as edited (adding or removing a part). */
  change: (fn: (d: Draft) => Draft) => void;
  /** The message to show at a path now (after an edit of that part, or after trying to save). */
  errorFor: (path: Path) => string | undefined;
  announce: (message: string) => void;
}

export const DesignerContext = createContext<DesignerApi | null>(null);

export function useDesigner(): DesignerApi {
  const ctx = useContext(DesignerContext);
  if (!ctx) throw new Error('useDesigner outside the designer');
  return ctx;
}

/**
 * Commits the state updates made so far in this event, then runs `fn` (typically: focus the new
 * or moved control). Synchronous, so that a key typed right after lands in the right place.
 */
export function afterUpdate(fn: () => void): void {
  flushSync(() => undefined);
  fn();
}
