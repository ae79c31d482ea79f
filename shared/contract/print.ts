import { z } from 'zod';
import { idSchema } from '../domain';
import { channel } from './define';
import { AUTO_LOCK_MAX, AUTO_LOCK_MIN } from '../settings';

export const printOptionsSchema = z.object({
  paper: z.enum(['a4', 'letter']).default('a4'),
  largePrint: z.boolean().default(false),
  /** On the page: the client's full name or initials only (the clinician's privacy setting). */
  nameOnWorksheets: z.enum(['full', 'initials']).default('full'),
  /** BCP 47 locale for dates on paper, e.g. 'en-GB'. */
  locale: z.string().max(35).optional(),
});
export type PrintOptionsInput = z.input<typeof printOptionsSchema>;

export const printAssignmentSchema = z.object({
  assignmentId: idSchema,
  fillable: z.boolean().default(false),
  options: printOptionsSchema.default({ paper: 'a4', largePrint: false, nameOnWorksheets: 'full' }),
});
export const printPacketSchema = z.object({
  clientId: idSchema,
  /** Form fields the client can type in (each worksheet's under its own prefix; not for import). */
  fillable: z.boolean().default(false),
  options: printOptionsSchema.default({ paper: 'a4', largePrint: false, nameOnWorksheets: 'full' }),
});

/** A session handout for the client (built from a client-safe view: never notes, obstacles or ratings). */
export const printHandoutSchema = z.object({
  sessionId: idSchema,
  options: printOptionsSchema.default({ paper: 'a4', largePrint: false, nameOnWorksheets: 'full' }),
});

export const pdfOutputSchema = z.object({
  bytes: z.instanceof(Uint8Array),
  pages: z.number().int().min(1),
  /** A suggested file name (initials only, never the full name). */
  fileName: z.string(),
  /** Characters no font of Stepwise has: they print as an empty box, and the print dialog says so. */
  unprintable: z.array(z.string().max(4)).max(50).default([]),
});
export type PdfOutput = z.infer<typeof pdfOutputSchema>;

/** Rendering only (for the in-app preview): no file is written, nothing recorded. */
export const printContract = {
  assignment: channel(printAssignmentSchema, pdfOutputSchema),
  packet: channel(printPacketSchema, pdfOutputSchema),
  handout: channel(printHandoutSchema, pdfOutputSchema),
};

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string().max(40),
  action: z.string().max(40),
  entity: z.string().max(40),
  entityId: z.string().max(64).nullable(),
  detail: z.string().max(200).nullable(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

/** What the activity log shows: by client (its own events and those of its goals, assignments, sessions), kind, dates. */
export const auditFilterSchema = z.object({
  clientId: idSchema.optional(),
  action: z.string().max(40).optional(),
  entity: z.string().max(40).optional(),
  /** From this day on (YYYY-MM-DD, UTC), inclusive. */
  from: z
    .string()
    .max(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Please enter the first day as YYYY-MM-DD.')
    .optional(),
  /** Up to this day (YYYY-MM-DD, UTC), inclusive. */
  to: z
    .string()
    .max(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Please enter the last day as YYYY-MM-DD.')
    .optional(),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export const auditContract = {
  list: channel(
    auditFilterSchema
      .extend({
        limit: z.number().int().min(1).max(500).default(100),
        /** Events older than this one (the next page). */
        beforeId: z.number().int().min(1).optional(),
      })
      .optional(),
    z.array(auditEventSchema).max(500),
  ),
  /** The filtered activity log as CSV (newest first, at most 100,000 events), for the clinician to save. */
  csv: channel(auditFilterSchema.optional(), z.object({ csv: z.string().max(50_000_000), rows: z.number().int() })),
  /** The clinician opened a record: a 'viewed' event (once a minute per record at most). */
  viewed: channel(z.object({ entity: z.enum(['client']), entityId: idSchema }), z.object({ recorded: z.boolean() })),
};

/**
 * Channels only the main process calls, after the clinician saved or printed a file: never
 * exposed to the renderer (no IPC handler, not in the preload).
 */
export const internalContract = {
  audit: {
    record: channel(
      z.object({
        action: z.enum(['exported', 'printed']),
        entity: z.enum(['assignment', 'packet', 'handout', 'client', 'vault', 'report']),
        /** The assignment, client or session; null for the whole vault. */
        entityId: idSchema.nullable(),
        detail: z.string().max(120).nullable(),
      }),
      z.object({ recorded: z.literal(true) }),
    ),
  },
  // --- the core's own auto-lock (issue 10) ---
  idle: {
    /** The clinician's auto-lock minutes, for the core's own idle lock (sent at start and on change). */
    setMinutes: channel(
      z.object({ minutes: z.number().int().min(AUTO_LOCK_MIN).max(AUTO_LOCK_MAX) }),
      z.object({ minutes: z.number().int() }),
    ),
  },
};
