/**
 * Errors are data. Every call across the bridge returns a Result; a failure carries a code
 * from this closed list and a message written for a therapist, never a stack trace.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'LOCKED',
  'CONFLICT',
  'WRONG_PASSPHRASE',
  'DAMAGED',
  'NEWER_VERSION',
  'CANCELLED',
  'IO',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Optional per-field messages (form field path → message), for VALIDATION errors. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** A failure the core means to report. Its message is shown to the clinician as it is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }
  toData(): AppErrorData {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** The message shown when something unexpected happens. Says what to do; reveals nothing. */
export const INTERNAL_MESSAGE =
  'Something went wrong inside Stepwise. Nothing was changed. Please try again; if it keeps happening, restart Stepwise.';
