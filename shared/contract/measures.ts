/**
 * The `measures.*` channels (issue 9): outcome measure results, the PHQ-9 item 9 flag, the
 * client's own problems (idiographic measure), life events on the time line, change summaries
 * with the Jacobson–Truax parameters used, and the caseload's "needs attention" flags.
 *
 * The measure definitions and all scoring live in shared/measures; these schemas only carry them.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText } from '../domain/fields';
import { CASELOAD_FLAG_KINDS, IDIOGRAPHIC, MEASURE_KEYS, STANDARD_MEASURE_KEYS, type ChangeSummary } from '../measures';
import { channel, noInput } from './define';
import { pdfOutputSchema, printOptionsSchema } from './print';

export const MEASURE_SOURCES = ['paper', 'client-mode', 'pdf'] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];
export const MEASURE_SOURCE_LABELS: Record<MeasureSource, string> = {
  paper: 'Typed from paper',
  'client-mode': 'Client mode',
  pdf: 'Imported PDF',
};

const measureKeySchema = z.enum(MEASURE_KEYS);
const standardKeySchema = z.enum(STANDARD_MEASURE_KEYS);

/** Item answers in item order; null = left blank. The longest form (PCL-5) has 20 items. */
const answersSchema = z
  .array(z.number().int('Answers are whole numbers.').min(0).max(10).nullable())
  .min(1, 'There are no answers to save yet.')
  .max(20, 'Too many answers for one questionnaire.');

const ackNoteSchema = requiredText('a note (what you did or decided)', 2000);
/** The acknowledgement form's values (the renderer's form validates with it too). */
export const item9AckFormSchema = z.object({ note: ackNoteSchema });

export const measureRecordSchema = z.object({
  clientId: idSchema,
  /** The session it was given in, if any (session mode passes it). */
  sessionId: idSchema.nullish().transform((v) => v ?? null),
  measure: measureKeySchema,
  administeredOn: isoDateSchema('the date it was filled in'),
  answers: answersSchema,
  /** Idiographic only: the problems rated, aligned with `answers`. */
  problemIds: z
    .array(idSchema)
    .max(IDIOGRAPHIC.maxProblems)
    .nullish()
    .transform((v) => v ?? null),
  source: z.enum(MEASURE_SOURCES).default('paper'),
});
export type MeasureRecordInput = z.input<typeof measureRecordSchema>;

export const measureCorrectSchema = z.object({
  id: idSchema,
  administeredOn: isoDateSchema('the date it was filled in').optional(),
  answers: answersSchema,
});
export type MeasureCorrectInput = z.input<typeof measureCorrectSchema>;

const bandSchema = z.object({ key: z.string(), label: z.string(), min: z.number().int(), max: z.number().int() });

/** One stored result, scored. */
export const measureResultSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  sessionId: idSchema.nullable(),
  measure: measureKeySchema,
  administeredOn: z.string(),
  answers: z.array(z.number().int().nullable()),
  /** Idiographic: the problems rated (aligned with answers), with their words at the time of reading. */
  problems: z.array(z.object({ id: idSchema, text: z.string(), archived: z.boolean() })).nullable(),
  /** Null when incomplete (and always for the idiographic measure). */
  total: z.number().int().nullable(),
  complete: z.boolean(),
  band: bandSchema.nullable(),
  missingItems: z.array(z.number().int()),
  /** PHQ-9 item 9 answered above 0. Never put on anything made for the client. */
  item9Flag: z.boolean(),
  item9Acknowledgement: z.object({ note: z.string(), at: z.string() }).nullable(),
  source: z.enum(MEASURE_SOURCES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeasureResult = z.infer<typeof measureResultSchema>;

export const measureListSchema = z.object({
  clientId: idSchema,
  measure: measureKeySchema.optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  sessionId: idSchema.optional(),
});

export const problemSchema = z.object({
  id: idSchema,
  text: z.string(),
  position: z.number().int(),
  archivedAt: z.string().nullable(),
});
export type MeasureProblem = z.infer<typeof problemSchema>;

export const problemsSetSchema = z.object({
  clientId: idSchema,
  /** The active problems, in order (at most three). An id keeps (and may reword) an existing one. */
  problems: z
    .array(z.object({ id: idSchema.optional(), text: requiredText('the problem, in the client’s words', 200) }))
    .max(IDIOGRAPHIC.maxProblems, `At most ${IDIOGRAPHIC.maxProblems} problems.`),
});

export const lifeEventSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  date: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type LifeEvent = z.infer<typeof lifeEventSchema>;

export const rciSettingSchema = z.object({
  measure: standardKeySchema,
  sd: z.number(),
  r: z.number(),
  defaultSd: z.number(),
  defaultR: z.number(),
  /** The clinician changed it from the built-in default. */
  custom: z.boolean(),
  /** The smallest reliable change in points under these values (1.96·SD·√2·√(1 − r)). */
  criterion: z.number(),
});
export type RciSetting = z.infer<typeof rciSettingSchema>;

export const item9OpenSchema = z.object({
  resultId: idSchema,
  clientId: idSchema,
  clientName: z.string(),
  clientPreferredName: z.string().nullable(),
  administeredOn: z.string(),
  /** The answer to item 9, 1–3, and its wording ("Several days"). */
  answer: z.number().int(),
  answerLabel: z.string(),
});
export type Item9Open = z.infer<typeof item9OpenSchema>;

export const caseloadEntrySchema = z.object({
  clientId: idSchema,
  clientName: z.string(),
  clientPreferredName: z.string().nullable(),
  clientStatus: z.enum(['active', 'archived']),
  flags: z.array(z.object({ kind: z.enum(CASELOAD_FLAG_KINDS), line: z.string() })),
});
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;

// ---- change summary (shape of shared/measures ChangeSummary) ----

const scorePointSchema = z.object({
  id: z.string(),
  administeredOn: z.string(),
  sessionId: z.string().nullable(),
  total: z.number(),
});
const directionSchema = z.enum(['reliable-improvement', 'reliable-deterioration', 'no-reliable-change']);
const measureChangeSchema = z.object({
  measure: standardKeySchema,
  from: scorePointSchema,
  to: scorePointSchema,
  difference: z.number(),
  direction: directionSchema,
  basis: z.enum(['nhs-points', 'rci']),
  caseAtStart: z.boolean().nullable(),
  caseAtEnd: z.boolean().nullable(),
  rci: z.object({
    value: z.number(),
    sd: z.number(),
    r: z.number(),
    criterion: z.number(),
    reliable: z.boolean(),
    direction: directionSchema,
  }),
});
const pairedPointSchema = z.object({
  occasion: z.string(),
  administeredOn: z.string(),
  sessionId: z.string().nullable(),
  phq9: scorePointSchema,
  gad7: scorePointSchema,
  caseness: z.boolean(),
});
const pairedChangeSchema = z.object({
  from: pairedPointSchema,
  to: pairedPointSchema,
  phq9: measureChangeSchema,
  gad7: measureChangeSchema,
  caseAtStart: z.boolean(),
  caseAtEnd: z.boolean(),
  reliableImprovement: z.boolean(),
  reliableDeterioration: z.boolean(),
  recovery: z.boolean().nullable(),
  reliableRecovery: z.boolean().nullable(),
  outcome: z.enum(['reliable-recovery', 'recovery', 'reliable-improvement', 'reliable-deterioration', 'no-reliable-change']),
});
const rciParamsSchema = z.object({ sd: z.number(), r: z.number() });
export const changeSummarySchema = z.object({
  measures: z.array(
    z.object({
      measure: standardKeySchema,
      points: z.array(scorePointSchema),
      incompleteCount: z.number().int(),
      pairs: z.array(measureChangeSchema),
      overall: measureChangeSchema.nullable(),
    }),
  ),
  paired: z.object({
    points: z.array(pairedPointSchema),
    pairs: z.array(pairedChangeSchema),
    overall: pairedChangeSchema.nullable(),
  }),
  rciParameters: z.object({ phq9: rciParamsSchema, gad7: rciParamsSchema, pcl5: rciParamsSchema }),
  formula: z.string(),
});
// The schema and shared/measures' type describe the same thing.
const summaryShapeMatches: z.infer<typeof changeSummarySchema> extends ChangeSummary
  ? ChangeSummary extends z.infer<typeof changeSummarySchema>
    ? true
    : false
  : false = true;
void summaryShapeMatches;

// ---- questionnaires on paper: a fillable PDF, and its answers read back (client mode helper) ----

const measurePdfBytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength > 0, 'The file is empty.')
  .refine((b) => b.byteLength <= 20 * 1024 * 1024, 'This file is larger than any questionnaire Stepwise makes (20 MB at most).');

export const measurePrintSchema = z.object({
  clientId: idSchema,
  measure: measureKeySchema,
  /** With form fields the client can fill on a computer (the default), or for pen and paper. */
  fillable: z.boolean().default(true),
  options: printOptionsSchema.default({ paper: 'a4', largePrint: false, nameOnWorksheets: 'full' }),
});

const measurePdfImportInput = z.object({
  bytes: measurePdfBytes,
  /** The client whose page the file was opened on (a questionnaire of another client is refused). */
  clientId: idSchema.optional(),
  administeredOn: isoDateSchema('the date it was filled in').optional(),
  sessionId: idSchema.nullish().transform((v) => v ?? null),
});

export const measurePdfPreviewSchema = z.object({
  clientId: idSchema,
  clientName: z.string(),
  measure: measureKeySchema,
  /** The answers read from the form, in item order; null = left blank. */
  answers: z.array(z.number().int().nullable()),
  problemIds: z.array(idSchema).nullable(),
  /** Each question with the answer read, as the clinician confirms it. */
  items: z.array(z.object({ number: z.number().int(), text: z.string(), answer: z.string().nullable() })),
  missingItems: z.array(z.number().int()),
  complete: z.boolean(),
});
export type MeasurePdfPreview = z.infer<typeof measurePdfPreviewSchema>;

const measurePdfContract = {
  /** A questionnaire as a PDF (fillable by default) with its exact wording, for one client. */
  printPdf: channel(measurePrintSchema, pdfOutputSchema),
  /** Reads a filled questionnaire PDF and shows its answers; saves nothing. */
  previewPdf: channel(measurePdfImportInput, measurePdfPreviewSchema),
  /** Saves a filled questionnaire PDF's answers as a result with source "Imported PDF". */
  importPdf: channel(measurePdfImportInput, measureResultSchema),
};

export const measuresContract = {
  /** Saves one administration (scored on save). Item 9 above 0 raises the flag at once. */
  record: channel(measureRecordSchema, measureResultSchema),
  /** A client's results, oldest first, optionally of one measure, a date range or a session. */
  list: channel(measureListSchema, z.array(measureResultSchema)),
  get: channel(z.object({ id: idSchema }), measureResultSchema),
  /** Corrects the answers (or date) of a result typed wrongly. Audited. */
  correct: channel(measureCorrectSchema, measureResultSchema),
  /** Removes a result entered by mistake. Audited. */
  delete: channel(z.object({ id: idSchema }), z.object({ id: idSchema })),
  /** Acknowledges a PHQ-9 item 9 above 0, with the clinician's note. */
  acknowledgeItem9: channel(z.object({ id: idSchema, note: ackNoteSchema }), measureResultSchema),
  /** PHQ-9 item 9 answers above 0 not yet acknowledged: one client's, or across the caseload. */
  item9Open: channel(z.object({ clientId: idSchema.optional() }).optional(), z.array(item9OpenSchema)),
  /** The client's own problems (idiographic): the active ones in order, and archived ones. */
  problems: channel(
    z.object({ clientId: idSchema }),
    z.object({ active: z.array(problemSchema), archived: z.array(problemSchema) }),
  ),
  /** Sets the active problems. One left out is archived if a result rated it, otherwise removed. */
  setProblems: channel(problemsSetSchema, z.object({ active: z.array(problemSchema), archived: z.array(problemSchema) })),
  /** Life events on the client's time line, oldest first. */
  events: channel(
    z.object({ clientId: idSchema, from: z.string().max(10).optional(), to: z.string().max(10).optional() }),
    z.array(lifeEventSchema),
  ),
  addEvent: channel(
    z.object({ clientId: idSchema, date: isoDateSchema('the date'), note: requiredText('a short note', 200) }),
    lifeEventSchema,
  ),
  deleteEvent: channel(z.object({ id: idSchema }), z.object({ id: idSchema })),
  /** Change per measure and paired (NHS Talking Therapies), with the RCI parameters used. */
  summary: channel(z.object({ clientId: idSchema }), changeSummarySchema),
  /** The Jacobson–Truax SD and r per measure, with their defaults. */
  rciSettings: channel(noInput, z.array(rciSettingSchema)),
  /** Sets a measure's SD and r; `reset` goes back to the built-in default. */
  setRci: channel(
    z.object({ measure: standardKeySchema, sd: z.number().optional(), r: z.number().optional(), reset: z.boolean().optional() }),
    rciSettingSchema,
  ),
  /** Clients who need attention, each flag with one line saying why (Today, client list). */
  caseload: channel(noInput, z.array(caseloadEntrySchema)),
  ...measurePdfContract,
};
