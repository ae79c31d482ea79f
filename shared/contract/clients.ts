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
};

export const goalsContract = {
  list: channel(z.object({ clientId: idSchema }), z.array(goalSchema)),
  create: channel(z.object({ clientId: idSchema, goal: goalInputSchema }), goalSchema),
  update: channel(z.object({ id: idSchema, goal: goalInputSchema }), goalSchema),
};
