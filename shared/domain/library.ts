import { z } from 'zod';
import { APPROACHES, CATEGORIES, PHASES, worksheetDefinitionSchema } from '../worksheet';
import { idSchema } from './fields';

export const worksheetSummarySchema = z.object({
  id: idSchema,
  /** Stable key of a built-in worksheet; null for the clinician's own. */
  builtInKey: z.string().nullable(),
  builtIn: z.boolean(),
  title: z.string(),
  summary: z.string(),
  category: z.enum(CATEGORIES),
  approach: z.enum(APPROACHES),
  phases: z.array(z.enum(PHASES)).max(PHASES.length),
  version: z.number().int(),
  versionId: idSchema,
  blockCount: z.number().int(),
  /** How many assignments use any version of it. */
  assignmentCount: z.number().int(),
  archived: z.boolean(),
  derivedFromTitle: z.string().nullable(),
  updatedAt: z.string(),
});
export type WorksheetSummary = z.infer<typeof worksheetSummarySchema>;

export const worksheetVersionSchema = z.object({
  id: idSchema,
  worksheetId: idSchema,
  version: z.number().int(),
  definition: worksheetDefinitionSchema,
  createdAt: z.string(),
});
export type WorksheetVersion = z.infer<typeof worksheetVersionSchema>;

export const worksheetDetailSchema = z.object({
  worksheet: worksheetSummarySchema,
  /** The version asked for (default: the current one). */
  version: worksheetVersionSchema,
  versions: z.array(
    z.object({ id: idSchema, version: z.number().int(), createdAt: z.string(), assignmentCount: z.number().int() }),
  ),
});
export type WorksheetDetail = z.infer<typeof worksheetDetailSchema>;

export const libraryFilterSchema = z
  .object({
    search: z.string().trim().max(100).optional(),
    category: z.enum(CATEGORIES).optional(),
    approach: z.enum(APPROACHES).optional(),
    phase: z.enum(PHASES).optional(),
    includeArchived: z.boolean().optional(),
  })
  .optional();
