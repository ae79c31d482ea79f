import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './Dialog.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  open: boolean;
  /** The dialog's heading; also its accessible name. */
  title: string;
  /** Called on Escape, and by the dialog's own close controls. */
  onClose: () => void;
  children: ReactNode;
  /** `alertdialog` for confirmations that interrupt. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  /** Hide the visible heading (it still names the dialog for screen readers). */
  hideTitle?: boolean;
}

/**
 * A modal dialog: the rest of the window is inert while it is open, Tab stays inside, Escape
 * closes it, and focus goes back to where it was. The first element marked `data-autofocus`
 * (or else the first control) gets focus when it opens.
 */
export function Dialog({ open, title, onClose, children, role = 'dialog', className, hideTitle }: DialogProps) {
  if (!open) return null;
  return (
    <OpenDialog title={title} onClose={onClose} role={role} className={className} hideTitle={hideTitle}>
      {children}
    </OpenDialog>
  );
}

function OpenDialog({ title, onClose, children, role, className, hideTitle }: Omit<DialogProps, 'open'>) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    const first = d.querySelector<HTMLElement>('[data-autofocus]') ?? d.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    // If the browser closes the dialog itself (a second Escape in quick succession), keep React in step.
    const onNativeClose = () => onCloseRef.current();
    d.addEventListener('close', onNativeClose);
    return () => {
      d.removeEventListener('close', onNativeClose);
      if (d.open) d.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      className={`dialog${className ? ` ${className}` : ''}`}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'dialog-title'}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks once before something that changes a record's standing. Focus starts on the safe choice. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger,
  busy,
  error,
  onConfirm,
  onCancel,
}: ConfirmProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel} role="alertdialog" className="confirm">
      <div className="dialog-body">{children}</div>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="actions dialog-actions">
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel} data-autofocus>
          {cancelLabel}
        </button>
      </div>
    </Dialog>
  );
}
