import { z } from 'zod';
import { clientSchema, idSchema, isoDateSchema, practiceRecordSchema } from '../domain';
import { channel } from './define';

/** A filled PDF is at most this large (a 20-page worksheet with answers is well under 5 MB). */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
const pdfBytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength > 0, 'The file is empty.')
  .refine((b) => b.byteLength <= MAX_PDF_BYTES, 'This file is larger than any worksheet Stepwise makes (20 MB at most).');

/** One answer as the confirmation screen shows it: the worksheet's own label beside the value. */
export const importedFieldSchema = z.object({ label: z.string(), value: z.string() });

export const pdfPreviewSchema = z.object({
  clientId: idSchema,
  clientName: z.string(),
  assignmentId: idSchema,
  title: z.string(),
  /** This very file was imported before: saving it again is refused. */
  alreadyImported: z.boolean(),
  /** The practice records that saving will make (a daily log makes one per filled day). */
  records: z.array(
    z.object({
      practicedOn: z.string(),
      fields: z.array(importedFieldSchema),
    }),
  ),
  /** How many answers the PDF held. */
  filledCount: z.number().int(),
  /** Nothing was filled in: there is nothing to save. */
  empty: z.boolean(),
});
export type PdfPreview = z.infer<typeof pdfPreviewSchema>;

/**
 * Which client's page the file was opened on (a PDF of another client is refused), and the day
 * of the practice for a worksheet without a daily grid (default today).
 */
const pdfImportInput = z.object({
  bytes: pdfBytes,
  clientId: idSchema.optional(),
  practicedOn: isoDateSchema('the day of the practice').optional(),
});

export const importsContract = {
  /** Reads a filled PDF and shows what would be saved; saves nothing. */
  previewPdf: channel(pdfImportInput, pdfPreviewSchema),
  /** Saves a filled PDF's answers as practice records with source "filled PDF". */
  savePdf: channel(pdfImportInput, z.object({ records: z.array(practiceRecordSchema) })),
};

export const EXPORT_FORMAT_VERSION = 1;
export const exportRequestSchema = z.object({
  /** One client, or the whole vault. */
  clientId: idSchema.optional(),
  format: z.enum(['json', 'csv']),
  /** The app's version, written into the export when the host knows it (the main process, the CLI). */
  appVersion: z.string().max(40).optional(),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;

/** An export: one JSON file, or a CSV file per table. Never written by the core itself. */
export const exportFilesSchema = z.object({
  /** JSON: one file. CSV: a file per table, meant for a new folder (named `suggestedName`). */
  files: z.array(z.object({ name: z.string(), text: z.string() })),
  /** A suggested file or folder name (initials only, never the full name). */
  suggestedName: z.string(),
});
export type ExportFiles = z.infer<typeof exportFilesSchema>;

export const exportContract = {
  build: channel(exportRequestSchema, exportFilesSchema),
};

/** At most this much CSV text at once (tens of thousands of clients). */
export const MAX_CSV_CHARS = 10_000_000;
const csvText = z
  .string()
  .min(1, 'The file is empty.')
  .max(MAX_CSV_CHARS, 'This file is too large to import at once (10 MB at most).');

export const clientImportRowSchema = z.object({
  /** 1-based line in the file, for the clinician. */
  line: z.number().int(),
  name: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  startDate: z.string().nullable(),
  /** Why this row cannot be imported, in plain words (null when it can). */
  problem: z.string().nullable(),
  /**
   * The same name (accents and case aside) and date of birth as a client already here (its id)
   * or as an earlier row of the file (its line).
   */
  duplicateOf: z.object({ id: idSchema.nullable(), line: z.number().int().nullable(), name: z.string() }).nullable(),
});
export type ClientImportRow = z.infer<typeof clientImportRowSchema>;

export const clientImportContract = {
  /** Reads a CSV of clients and shows what would be imported; saves nothing. */
  preview: channel(
    z.object({ csv: csvText }),
    z.object({
      rows: z.array(clientImportRowSchema),
      /** How the file's columns were read, e.g. "Surname → last name"; unread columns are named too. */
      columns: z.array(z.string()),
      /** The date formats this import reads, in words (shown above the preview). */
      dateFormats: z.string(),
    }),
  ),
  /** Imports the rows the clinician confirmed (by line), all or none. */
  save: channel(
    z.object({ csv: csvText, lines: z.array(z.number().int().min(1)).min(1, 'Choose at least one row to import.').max(100_000) }),
    z.object({ created: z.array(clientSchema) }),
  ),
};
