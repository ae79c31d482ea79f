import { randomBytes } from 'node:crypto';

/** A new record ID: 128 random bits as 32 lower-case hex digits (matches `idSchema`). */
export function newId(): string {
  return randomBytes(16).toString('hex');
}
