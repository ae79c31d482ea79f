import { z } from 'zod';
import { idSchema } from '../domain';
import { channel } from './define';

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
});
export type PdfOutput = z.infer<typeof pdfOutputSchema>;

/** Rendering only (for the in-app preview): no file is written, nothing recorded. */
export const printContract = {
  assignment: channel(printAssignmentSchema, pdfOutputSchema),
  packet: channel(printPacketSchema, pdfOutputSchema),
  handout: channel(printHandoutSchema, pdfOutputSchema),
};

export const auditEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
});

export const auditContract = {
  list: channel(z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional(), z.array(auditEventSchema)),
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
        entity: z.enum(['assignment', 'packet', 'handout', 'client', 'vault']),
        /** The assignment, client or session; null for the whole vault. */
        entityId: idSchema.nullable(),
        detail: z.string().max(120).nullable(),
      }),
      z.object({ recorded: z.literal(true) }),
    ),
  },
};
