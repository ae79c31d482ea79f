import { z } from 'zod';
import { channel, noInput } from './define';

/** Which form a draft belongs to: 'client:new', 'client:<id>', 'assign:<clientId>', 'designer:<id>' … */
export const formKeySchema = z
  .string()
  .max(120)
  .regex(/^[a-z][a-z-]{0,30}(:[A-Za-z0-9_-]{1,64}){0,2}$/, 'That is not a form of Stepwise.');

/** A form's unsaved contents, as the form's own JSON (at most 256 KB). */
export const draftDataSchema = z
  .string()
  .min(2)
  .max(256 * 1024, 'That draft is too large to keep.');

export const draftSchema = z.object({ formKey: formKeySchema, data: draftDataSchema, savedAt: z.string().max(40) });
export type Draft = z.infer<typeof draftSchema>;

/**
 * Unsaved form contents, kept in the vault (so encrypted) when Stepwise locks, and offered back
 * after unlocking. One draft per form; saving replaces it; it goes when the form is saved or the
 * clinician discards it.
 */
export const draftsContract = {
  save: channel(z.object({ formKey: formKeySchema, data: draftDataSchema }), z.object({ savedAt: z.string().max(40) })),
  get: channel(z.object({ formKey: formKeySchema }), draftSchema.nullable()),
  discard: channel(z.object({ formKey: formKeySchema }), z.object({ discarded: z.boolean() })),
  list: channel(noInput, z.array(draftSchema.omit({ data: true })).max(1000)),
};
