import { z } from 'zod';
import { idSchema, libraryFilterSchema, worksheetDetailSchema, worksheetSummarySchema } from '../domain';
import { worksheetDefinitionSchema } from '../worksheet';
import { channel } from './define';

export const libraryContract = {
  list: channel(libraryFilterSchema, z.array(worksheetSummarySchema)),
  get: channel(z.object({ id: idSchema, versionId: idSchema.optional() }), worksheetDetailSchema),
  /** A new worksheet of the clinician's own. */
  create: channel(z.object({ definition: worksheetDefinitionSchema }), worksheetDetailSchema),
  /** A copy of any worksheet (built-in or own) that the clinician can change. */
  duplicate: channel(z.object({ id: idSchema }), worksheetDetailSchema),
  /**
   * Saves changes as a new version. `baseVersion` is the version the designer started from: if
   * someone saved in between, the save is refused instead of silently overwriting.
   */
  update: channel(
    z.object({ id: idSchema, baseVersion: z.number().int().min(1), definition: worksheetDefinitionSchema }),
    worksheetDetailSchema,
  ),
  archive: channel(z.object({ id: idSchema }), worksheetSummarySchema),
  restore: channel(z.object({ id: idSchema }), worksheetSummarySchema),
};
