import { useEffect, useState, type RefObject } from 'react';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage, fieldErrors } from '../api/client';

/*
 * Forms: react-hook-form, validated by zodResolver with the shared schema of what the form
 * sends (shared/domain, shared/worksheet), so the form and the core give the same messages.
 * What the core still refuses (a record gone, a conflict) comes back as per-field messages
 * (showServerErrors) or as the message above the form (formMessage).
 */

/**
 * The per-field messages of a failed save, keyed by field path. `prefix` strips the wrapper of
 * the call's input (e.g. 'client.' for clients.update) so keys match the form's own fields.
 */
export function fieldsOf(error: unknown, prefix = ''): Record<string, string> {
  const all = fieldErrors(error);
  if (!prefix) return all;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) out[k.startsWith(prefix) ? k.slice(prefix.length) : k] = v;
  return out;
}

/**
 * The message above a form: for field problems, a pointer to the messages next to the fields
 * (when every problem has a field on screen); otherwise what happened, in plain words.
 */
export function formMessage(error: unknown, shown: readonly string[], prefix = ''): string | null {
  if (!error) return null;
  const keys = Object.keys(fieldsOf(error, prefix));
  if (error instanceof ApiError && keys.length > 0 && keys.every((k) => shown.includes(k))) return checkFields(keys.length);
  return errorMessage(error);
}

/** "Please check the field marked below." (or fields), or null when nothing is marked. */
export function checkFields(count: number): string | null {
  if (count === 0) return null;
  return count === 1 ? 'Please check the field marked below.' : 'Please check the fields marked below.';
}

const ERROR_KEYS = new Set(['type', 'message', 'ref', 'types']);

/** A react-hook-form errors object as messages by field path ('step.current'), the first message of each field. */
export function errorMessages(errors: object, path = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    if (ERROR_KEYS.has(k) || !v || typeof v !== 'object') continue;
    const at = k === 'root' ? path : path ? `${path}.${k}` : k;
    const message = (v as { message?: unknown }).message;
    if (typeof message === 'string' && message && !(at in out)) out[at] = message;
    for (const [p, m] of Object.entries(errorMessages(v as object, at))) if (!(p in out)) out[p] = m;
  }
  return out;
}

/** Shows the core's per-field messages of a failed save at the form's fields. */
export function showServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: unknown, prefix = ''): void {
  for (const [path, message] of Object.entries(fieldsOf(error, prefix))) {
    setError(path as FieldPath<T>, { type: 'server', message });
  }
}

/**
 * A token that changes each time a submit fails (in the form or at the core), for
 * useFocusFirstInvalid: `failed()` after the messages are set.
 */
export function useFailedSubmits(): [unknown, () => void] {
  const [token, setToken] = useState<object | null>(null);
  return [token, () => setToken({})];
}

/** After a failed save, moves focus to the first field with a message, so the keyboard lands where the work is. */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return;
    const el = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, [form, error]);
}
