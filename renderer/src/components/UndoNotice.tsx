import { useCallback, useEffect, useRef } from 'react';
import './UndoNotice.css';

/** A new object for every message (the timer restarts with each). */
export interface UndoMessage {
  text: string;
  /** Present when the change can be undone from here. */
  undo?: () => void;
}

/**
 * A quiet status line after a change ("Zoë Martin was archived.") with an Undo button that stays
 * for `seconds` (the timer pauses while the pointer or the keyboard focus is on it). The live
 * region is always present so that screen readers announce the message.
 */
export function UndoNotice({
  message,
  onDismiss,
  seconds = 10,
}: {
  message: UndoMessage | null;
  onDismiss: () => void;
  seconds?: number;
}) {
  const dismiss = useRef(onDismiss);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    dismiss.current = onDismiss;
  }, [onDismiss]);

  const stop = useCallback(() => window.clearTimeout(timer.current), []);
  const start = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => dismiss.current(), seconds * 1000);
  }, [seconds]);

  useEffect(() => {
    if (!message) return;
    start();
    return stop;
  }, [message, start, stop]);

  const resume = () => {
    if (message) start();
  };

  return (
    <div
      role="status"
      className={message ? 'undo-notice' : 'undo-notice empty-status'}
      onFocus={stop}
      onBlur={resume}
      onMouseEnter={stop}
      onMouseLeave={resume}
    >
      {message ? (
        <>
          <span>{message.text}</span>
          {message.undo ? (
            <button type="button" className="small" onClick={message.undo}>
              Undo
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
