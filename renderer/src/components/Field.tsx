import { useCallback, useId, useState, type ChangeEvent, type ComponentPropsWithRef, type ReactNode, type Ref } from 'react';
import { counterText } from '../../../shared/limits';

interface FieldShellProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
  /** The length of the text typed and the field's limit: a counter shows as the limit nears. */
  count?: { length: number; limit: number } | undefined;
}

/** A label, the control, an optional hint and the field's error message, wired for screen readers. */
export function FieldShell({ label, hint, error, children, className, count }: FieldShellProps) {
  const id = useId();
  const counter = count ? counterText(count.length, count.limit) : null;
  const hintId = hint ? `${id}-hint` : undefined;
  const countId = counter ? `${id}-count` : undefined;
  // Past its limit, the counter is the field's message (it says more than "too long").
  const shownError = counter?.over ? undefined : error;
  const errorId = shownError ? `${id}-error` : undefined;
  const invalid = !!error || !!counter?.over;
  const describedBy = [hintId, countId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid })}
      {counter ? (
        <p
          className={counter.over ? 'field-count field-error' : 'field-count field-hint'}
          id={countId}
          aria-live={counter.over ? 'polite' : undefined}
        >
          {counter.text}
        </p>
      ) : null}
      <FieldMessages hint={hint} hintId={hintId} error={shownError} errorId={errorId} />
    </div>
  );
}

/**
 * The length of a text control's value, for its counter: from its events, and after each render
 * (a form may set the value itself, e.g. when a draft is restored). Nothing is ever cut: there is
 * no `maxLength`; past the limit the counter says so and the form refuses to save.
 */
function useTextLength<E extends HTMLInputElement | HTMLTextAreaElement>(
  limit: number | undefined,
  outerRef: Ref<E> | undefined,
  onChange: ((e: ChangeEvent<E>) => void) | undefined,
  value: unknown,
) {
  const [typed, setTyped] = useState(0);
  // A new ref when the form gives a new one: react-hook-form's register does on each render, and
  // relies on it being called again (it puts values back after reset(), e.g. a restored draft).
  const ref = useCallback(
    (el: E | null) => {
      setRef(outerRef, el);
      if (el && limit) setTyped(el.value.length);
    },
    [outerRef, limit],
  );
  const change = (e: ChangeEvent<E>) => {
    if (limit) setTyped(e.target.value.length);
    onChange?.(e);
  };
  // A controlled field knows its value; an uncontrolled one counts what was typed.
  const length = typeof value === 'string' ? value.length : typed;
  return { ref, onChange: change, count: limit ? { length, limit } : undefined };
}

function setRef<E>(ref: Ref<E> | undefined, el: E | null): void {
  if (typeof ref === 'function') ref(el);
  else if (ref) ref.current = el;
}

/** The hint and the error message under a control (or a group of them), with their IDs. */
export function FieldMessages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: ReactNode;
  hintId?: string | undefined;
  error?: string | undefined;
  errorId?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Props of the control itself, with its ref (so that react-hook-form's `register` can be spread in). */
type InputProps = Omit<ComponentPropsWithRef<'input'>, 'id' | 'maxLength'> & {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** The most characters the field takes (shared/limits.ts): shown as it nears, never cut. */
  limit?: number;
};

export function TextField({ label, hint, error, className, limit, ref, onChange, ...rest }: InputProps) {
  const t = useTextLength<HTMLInputElement>(limit, ref, onChange, rest.value);
  return (
    <FieldShell label={label} hint={hint} error={error} className={className} count={t.count}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...rest}
          ref={t.ref}
          onChange={t.onChange}
        />
      )}
    </FieldShell>
  );
}

type AreaProps = Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'maxLength'> & {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** The most characters the field takes (shared/limits.ts): shown as it nears, never cut. */
  limit?: number;
};

export function TextArea({ label, hint, error, className, limit, ref, onChange, ...rest }: AreaProps) {
  const t = useTextLength<HTMLTextAreaElement>(limit, ref, onChange, rest.value);
  return (
    <FieldShell label={label} hint={hint} error={error} className={className} count={t.count}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...rest}
          ref={t.ref}
          onChange={t.onChange}
        />
      )}
    </FieldShell>
  );
}

type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'id'> & {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
};

export function SelectField({ label, hint, error, options, className, ...rest }: SelectProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={className}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A form-level message: what happened and what to do. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}
