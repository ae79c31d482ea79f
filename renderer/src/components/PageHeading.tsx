import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. It takes focus when the page opens (or when `focusKey` changes), so that a
 * screen reader announces the new page and Tab continues from the top of it.
 */
export function PageHeading({
  children,
  focusKey,
  id,
  focus = true,
}: {
  children: ReactNode;
  focusKey?: string;
  id?: string;
  /** False when the page puts focus on its first field instead. */
  focus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Leave focus where it is when a dialog is open.
    if (!focus || document.activeElement?.closest('dialog')) return;
    ref.current?.focus();
  }, [focusKey, focus]);
  return (
    <h1 id={id} tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
