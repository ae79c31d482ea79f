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

export interface FlatError {
  /** The field path, e.g. 'step.current' or 'blocks.2.scale.max'. */
  path: string;
  message: string;
  /** The kind of problem; 'server' for a message the core gave (showServerErrors). */
  type: string;
}

/** A react-hook-form errors object as a list, in the order of the form's values, one message per path. */
export function flattenErrors(errors: object, path = ''): FlatError[] {
  const out: FlatError[] = [];
  for (const [k, v] of Object.entries(errors)) {
    if (ERROR_KEYS.has(k) || !v || typeof v !== 'object') continue;
    const at = k === 'root' ? path : path ? `${path}.${k}` : k;
    const { message, type } = v as { message?: unknown; type?: unknown };
    if (typeof message === 'string' && message) out.push({ path: at, message, type: String(type ?? '') });
    out.push(...flattenErrors(v as object, at));
  }
  return out.filter((e, i) => out.findIndex((o) => o.path === e.path) === i);
}

/** A react-hook-form errors object as messages by field path ('step.current'), the first message of each field. */
export function errorMessages(errors: object): Record<string, string> {
  return Object.fromEntries(flattenErrors(errors).map((e) => [e.path, e.message]));
}

/** Shows the core's per-field messages of a failed save at the form's fields. */
export function showServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: unknown, prefix = ''): void {
  for (const [path, message] of Object.entries(fieldsOf(error, prefix))) {
    setError(path as FieldPath<T>, { type: 'server', message });
  }
}

/**
 * After each failed submit, moves focus to the first field with a message (in the order of the
 * page), so the keyboard lands where the work is. `submitCount` is react-hook-form's (it changes
 * in the same render as the form's own messages); call the function it returns when the core
 * refused a save and its messages were set with showServerErrors.
 */
export function useFocusAfterFailedSubmit(form: RefObject<HTMLElement | null>, submitCount: number): () => void {
  const [refused, setRefused] = useState(0);
  const attempt = `${submitCount}/${refused}`;
  useEffect(() => {
    if (attempt === '0/0') return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt]);
  return () => setRefused((n) => n + 1);
}
