import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { tooLongMessage } from '../limits';

export const idSchema = z
  .string()
  .max(32, 'That record could not be found.')
  .regex(/^[0-9a-f]{32}$/, 'That record could not be found.');

export const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Please enter ${what}.` })
    .trim()
    .min(1, `Please enter ${what}.`)
    .max(max, tooLongMessage(what, max));

/** Optional free text: empty becomes null. */
export const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLongMessage(what, max))
    .nullish()
    .transform((v) => (v ? v : null));

export const isoDateSchema = (what: string) =>
  z
    .string({ error: `Please enter ${what}.` })
    .max(10, `Please enter ${what} as a real calendar date.`)
    .refine(isValidIsoDate, `Please enter ${what} as a real calendar date.`);

/** Optional calendar date: missing, null or empty becomes null. */
export const optionalDate = (what: string) =>
  // `.nullish()` (not a union member z.undefined()) is what lets the key be left out of an object in zod 4.
  z
    .union([z.literal(''), isoDateSchema(what)])
    .nullish()
    .transform((v) => (v ? v : null));
