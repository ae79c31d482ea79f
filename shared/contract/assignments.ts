import { z } from 'zod';
import { assignmentCreateSchema, assignmentDetailSchema, assignmentSchema, assignmentUpdateSchema, idSchema } from '../domain';
import { channel } from './define';

export const assignmentsContract = {
  list: channel(z.object({ clientId: idSchema }), z.array(assignmentSchema)),
  get: channel(z.object({ id: idSchema }), assignmentDetailSchema),
  create: channel(assignmentCreateSchema, assignmentSchema),
  update: channel(assignmentUpdateSchema, assignmentSchema),
  // ---- tailoring (issue 11)
  /**
   * Moves active homework to the newest version of its worksheet, the one the clinician compared
   * (`toVersionId`; refused if the worksheet changed again since). What was filled in ahead moves
   * with it where its part still exists; `notCarried` says, in plain words, what could not.
   */
  moveToLatest: channel(
    z.object({ id: idSchema, toVersionId: idSchema }),
    z.object({ assignment: assignmentSchema, notCarried: z.array(z.string().max(400)).max(60) }),
  ),
  // ---- end tailoring
  setStatus: channel(z.object({ id: idSchema, status: z.enum(['active', 'completed', 'discontinued']) }), assignmentSchema),
};
