import { useEffect, type RefObject } from 'react';
import { ApiError, errorMessage, fieldErrors } from '../api/client';

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
  if (error instanceof ApiError && keys.length > 0 && keys.every((k) => shown.includes(k))) {
    return keys.length === 1 ? 'Please check the field marked below.' : 'Please check the fields marked below.';
  }
  return errorMessage(error);
}

/** After a failed save, moves focus to the first field with a message, so the keyboard lands where the work is. */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return;
    const el = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, [form, error]);
}
