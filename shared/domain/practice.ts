import { z } from 'zod';
import { TEXT_LIMITS } from '../limits';
import { idSchema, isoDateSchema, optionalText } from './fields';

export const PRACTICE_SOURCES = ['paper', 'pdf', 'session'] as const;
export type PracticeSource = (typeof PRACTICE_SOURCES)[number];
export const PRACTICE_SOURCE_LABELS: Record<PracticeSource, string> = {
  paper: 'Typed from paper',
  pdf: 'Filled PDF',
  session: 'In session',
};

/**
 * What one practice record holds besides its answers. The answers themselves are checked against
 * the worksheet version's own definition (`answersSchemaFor`) by the core, which knows the version.
 */
export const practiceFieldsSchema = z.object({
  practicedOn: isoDateSchema('the day of the practice'),
  practicedTime: z
    .string()
    .max(5, 'Please enter the time like 07:30.')
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Please enter the time like 07:30.')
    .nullish()
    .transform((v) => v ?? null),
  source: z.enum(PRACTICE_SOURCES).default('paper'),
  durationMinutes: z
    .number({ error: 'Please enter the minutes.' })
    .int('Please enter whole minutes.')
    .min(0, 'The time spent cannot be negative.')
    .max(24 * 60, 'The time spent is more than 24 hours. Please check the minutes.')
    .nullish()
    .transform((v) => v ?? null),
  /** Exposure: the step of the ladder practised (1 = the first step). */
  ladderStep: z
    .number()
    .int()
    .min(1, 'Ladder steps start at 1.')
    .max(50)
    .nullish()
    .transform((v) => v ?? null),
  note: optionalText('the note', TEXT_LIMITS.long),
  answers: z.record(z.string().max(40), z.unknown()).default({}),
});
export type PracticeFields = z.input<typeof practiceFieldsSchema>;

export const practiceCreateSchema = practiceFieldsSchema.extend({ assignmentId: idSchema });
export type PracticeCreateInput = z.input<typeof practiceCreateSchema>;

/** Several records at once (a week of a daily log): all saved, or none. */
export const practiceCreateManySchema = z.object({
  assignmentId: idSchema,
  records: z.array(practiceFieldsSchema).min(1, 'There is nothing to save yet.').max(62, 'Save at most 62 records at once.'),
});

export const practiceUpdateSchema = z.object({ id: idSchema, record: practiceFieldsSchema });

export const practiceRecordSchema = z.object({
  id: idSchema,
  assignmentId: idSchema,
  clientId: idSchema,
  worksheetVersionId: idSchema,
  title: z.string(),
  practicedOn: z.string(),
  practicedTime: z.string().nullable(),
  source: z.enum(PRACTICE_SOURCES),
  durationMinutes: z.number().int().nullable(),
  ladderStep: z.number().int().nullable(),
  note: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PracticeRecord = z.infer<typeof practiceRecordSchema>;
