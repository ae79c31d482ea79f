import { z } from 'zod';
import { idSchema, libraryFilterSchema, worksheetDetailSchema, worksheetSummarySchema } from '../domain';
import { CATEGORIES, worksheetDefinitionSchema, worksheetDraftDefinitionSchema } from '../worksheet';
import { channel, noInput } from './define';

// ---- drafts (issue 11)
/** A worksheet saved as a draft: a new worksheet, or changes kept aside for one in the library. */
export const worksheetDraftSummarySchema = z.object({
  id: idSchema,
  /** The worksheet in the library these are changes to; null for a new worksheet. */
  worksheetId: idSchema.nullable(),
  /** The version the changes started from (null for a new worksheet). */
  baseVersion: z.number().int().nullable(),
  /** As typed so far ('' while it has none). */
  title: z.string(),
  category: z.enum(CATEGORIES).nullable(),
  /** What the worksheet still needs before it can be saved and assigned, one line each, in the clinician's words. */
  missing: z.array(z.string().max(20_000)).max(2_000),
  /** Complete: saving it as a worksheet would succeed. */
  ready: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorksheetDraftSummary = z.infer<typeof worksheetDraftSummarySchema>;
export const worksheetDraftSchema = worksheetDraftSummarySchema.extend({ definition: worksheetDraftDefinitionSchema });
export type WorksheetDraft = z.infer<typeof worksheetDraftSchema>;
// ---- end drafts

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
  // ---- drafts (issue 11)
  /** Every worksheet saved as a draft, the most recently changed first. */
  drafts: channel(noInput, z.array(worksheetDraftSummarySchema)),
  getDraft: channel(z.object({ id: idSchema }), worksheetDraftSchema),
  /**
   * Keeps a worksheet as it is, complete or not. `id`: an existing draft (changed in place).
   * Without it: `worksheetId` + `baseVersion` keep changes to a worksheet in the library aside
   * (its saved version stays as it is; one draft per worksheet, replaced); neither: a new draft.
   */
  saveDraft: channel(
    z.object({
      id: idSchema.optional(),
      worksheetId: idSchema.optional(),
      baseVersion: z.number().int().min(1).optional(),
      definition: worksheetDraftDefinitionSchema,
    }),
    worksheetDraftSchema,
  ),
  /**
   * Saves a draft as a worksheet (the designer's "Save"): `definition` must be complete. A new
   * worksheet keeps the draft's id; changes make the next version (refused if the worksheet
   * changed since they began). The draft is removed in the same transaction.
   */
  publishDraft: channel(z.object({ id: idSchema, definition: worksheetDefinitionSchema }), worksheetDetailSchema),
  discardDraft: channel(z.object({ id: idSchema }), z.object({ discarded: z.boolean() })),
  // ---- end drafts
};
