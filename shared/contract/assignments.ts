import { z } from 'zod';
import { assignmentCreateSchema, assignmentDetailSchema, assignmentSchema, assignmentUpdateSchema, idSchema } from '../domain';
import { channel } from './define';

export const assignmentsContract = {
  list: channel(z.object({ clientId: idSchema }), z.array(assignmentSchema)),
  get: channel(z.object({ id: idSchema }), assignmentDetailSchema),
  create: channel(assignmentCreateSchema, assignmentSchema),
  update: channel(assignmentUpdateSchema, assignmentSchema),
  setStatus: channel(z.object({ id: idSchema, status: z.enum(['active', 'completed', 'discontinued']) }), assignmentSchema),
};
