import { z } from 'zod';
import {
  clientDetailSchema,
  clientInputSchema,
  clientSchema,
  clientSummarySchema,
  goalInputSchema,
  goalSchema,
  idSchema,
} from '../domain';
import { channel } from './define';

export const clientsContract = {
  list: channel(
    z
      .object({
        search: z.string().trim().max(100).optional(),
        status: z.enum(['active', 'archived', 'all']).default('active'),
      })
      .optional(),
    z.array(clientSummarySchema),
  ),
  get: channel(z.object({ id: idSchema }), clientDetailSchema),
  create: channel(clientInputSchema, clientSchema),
  update: channel(z.object({ id: idSchema, client: clientInputSchema }), clientSchema),
  archive: channel(z.object({ id: idSchema }), clientSchema),
  restore: channel(z.object({ id: idSchema }), clientSchema),
  // Erasure and retention (issue 11).
  /**
   * Deletes an archived client and every record of theirs for good (the right to erasure), then
   * overwrites what the deletion left on disk. `tracesOverwritten` is false when the vault was
   * busy; the next lock finishes it. Backups made before stay as they were.
   */
  delete: channel(z.object({ id: idSchema }), z.object({ deleted: z.literal(true), tracesOverwritten: z.boolean() })),
  /** Archived clients whose last contact is at least `years` ago (oldest first). */
  pastRetention: channel(
    z.object({ years: z.number().int().min(1).max(100) }),
    z.array(
      z.object({
        id: idSchema,
        name: z.string(),
        preferredName: z.string().nullable(),
        /** `YYYY-MM-DD` */
        lastContact: z.string(),
        /** `YYYY-MM-DD`: the last contact plus the retention period. */
        keptUntil: z.string(),
      }),
    ),
  ),
};

export const goalsContract = {
  list: channel(z.object({ clientId: idSchema }), z.array(goalSchema)),
  create: channel(z.object({ clientId: idSchema, goal: goalInputSchema }), goalSchema),
  update: channel(z.object({ id: idSchema, goal: goalInputSchema }), goalSchema),
  // Erasure (issue 11): a goal nothing points to can be deleted; otherwise CONFLICT says why.
  delete: channel(z.object({ id: idSchema }), z.object({ deleted: z.literal(true) })),
};
