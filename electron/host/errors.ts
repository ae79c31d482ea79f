import { z } from 'zod';
import { AppError, INTERNAL_MESSAGE, type AppErrorData } from '../../shared/result';

export type Logger = (line: string) => void;

/** A refusal names at most this many fields: a million bad elements give a handful, not a million. */
export const MAX_REPORTED_ISSUES = 8;

/** zod issues → a message and per-field messages (a handful at most), in the words the schemas carry. */
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  let n = 0;
  for (const issue of error.issues) {
    const key = issue.path.slice(0, 8).join('.').slice(0, 200) || '_';
    if (key in fields) continue;
    fields[key] = issue.message.slice(0, 300);
    if (++n >= MAX_REPORTED_ISSUES) break;
  }
  const first = error.issues[0]?.message ?? 'Some of the details are not valid.';
  return new AppError('VALIDATION', first, fields);
}

const SQLITE_CODES: Record<string, AppErrorData> = {
  SQLITE_BUSY: { code: 'CONFLICT', message: 'The vault is busy with another task. Please try again in a moment.' },
  SQLITE_FULL: { code: 'IO', message: 'The disk is full. Free some space, then try again. Nothing was saved.' },
  SQLITE_READONLY: { code: 'IO', message: 'The vault folder cannot be written to. Check that the disk is not read-only.' },
  SQLITE_CORRUPT: {
    code: 'DAMAGED',
    message: 'Part of the vault is damaged. Run “Verify vault” and restore from a backup if needed.',
  },
  SQLITE_NOTADB: { code: 'DAMAGED', message: 'The vault file is damaged or is not a Stepwise vault.' },
};

/**
 * A full disk or a folder that cannot be written, in the clinician's words; null for any other
 * failure. For places that must tell these apart from damage (opening or creating a vault).
 */
export function diskProblem(e: unknown): AppErrorData | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) return SQLITE_CODES.SQLITE_FULL!;
  if (code.startsWith('SQLITE_READONLY')) return SQLITE_CODES.SQLITE_READONLY!;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return NOT_ALLOWED;
  return null;
}

const NOT_ALLOWED: AppErrorData = {
  code: 'IO',
  message: 'Stepwise is not allowed to write to that folder. Choose another folder or check its permissions.',
};

/**
 * Turns anything a handler threw into error data: an AppError as it is, a zod error as VALIDATION,
 * the database's and the file system's failures in plain words, anything else INTERNAL. Unknown
 * errors never leak their message or stack.
 */
export function toErrorData(e: unknown, log: Logger, channel: string): AppErrorData {
  if (e instanceof AppError) return e.toData();
  if (e instanceof z.ZodError) return validationError(e).toData();
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const base = Object.keys(SQLITE_CODES).find((k) => code === k || code.startsWith(`${k}_`));
    if (base) return SQLITE_CODES[base]!;
    if (code === 'ENOSPC') return SQLITE_CODES.SQLITE_FULL!;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return NOT_ALLOWED;
  }
  // Only the channel and the kind of error: never its message, which could hold client data.
  log(`stepwise: unexpected ${e instanceof Error ? e.name : typeof e} in ${channel}`);
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE };
}
