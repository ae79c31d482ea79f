import type { StepwiseApi } from '../../../shared/contract';
import type { AppErrorData, ErrorCode, Result } from '../../../shared/result';

/** A failed call, with the message written for the clinician and per-field messages. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.fields = data.fields ?? {};
  }
}

export function api(): StepwiseApi {
  return window.stepwise;
}

/** The value of a call, or an ApiError carrying its message. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let r: Result<T>;
  try {
    r = await call;
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: 'Stepwise could not complete that request. Please try again.' });
  }
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}

export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : 'Something went wrong. Please try again.';
}

export function fieldErrors(e: unknown): Record<string, string> {
  return e instanceof ApiError ? e.fields : {};
}
