import { z } from 'zod';
import { assignmentCreateSchema, assignmentDetailSchema, assignmentSchema, assignmentUpdateSchema, idSchema } from '../domain';
import { channel, noInput } from './define';

export const assignmentsContract = {
  list: channel(z.object({ clientId: idSchema }), z.array(assignmentSchema)),
  get: channel(z.object({ id: idSchema }), assignmentDetailSchema),
  create: channel(assignmentCreateSchema, assignmentSchema),
  update: channel(assignmentUpdateSchema, assignmentSchema),
  /** Across every active client: active homework that is overdue or due soon, most urgent first. */
  attention: channel(
    noInput,
    z.array(assignmentSchema.extend({ clientName: z.string(), clientPreferredName: z.string().nullable() })),
  ),
  setStatus: channel(z.object({ id: idSchema, status: z.enum(['active', 'completed', 'discontinued']) }), assignmentSchema),
};
