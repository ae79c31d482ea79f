import { z } from 'zod';
import { TEXT_LIMITS } from '../limits';
import { idSchema, isoDateSchema, optionalText } from './fields';

// ------------------------------------------------------------------------------------ sessions

export const ATTENDANCE = ['attended', 'cancelled', 'did-not-attend'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  attended: 'Attended',
  cancelled: 'Cancelled',
  'did-not-attend': 'Did not attend',
};

export const MODALITIES = ['in-person', 'video', 'phone'] as const;
export type Modality = (typeof MODALITIES)[number];
export const MODALITY_LABELS: Record<Modality, string> = { 'in-person': 'In person', video: 'Video', phone: 'Phone' };

/** The steps of session mode, in order. Saved as the session goes, so reopening resumes there. */
export const SESSION_STAGES = ['review', 'measures', 'notes', 'homework', 'finish'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];
export const SESSION_STAGE_LABELS: Record<SessionStage, string> = {
  review: 'Homework review',
  measures: 'Measures',
  notes: 'Notes',
  homework: 'New homework',
  finish: 'Finish',
};

/** Long texts a clinician writes: limits they will rarely meet, always stated, never cut silently. */
export const SESSION_TEXT_LIMIT = TEXT_LIMITS.long;

const clockTime = z
  .string()
  .max(5, 'Please enter the time like 14:30.')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Please enter the time like 14:30.')
  .nullish()
  .transform((v) => v ?? null);

const duration = z
  .number({ error: 'Please enter the length in minutes.' })
  .int('Please enter whole minutes.')
  .min(1, 'A session lasts at least 1 minute.')
  .max(600, 'A session of more than 10 hours is not possible here. Please check the minutes.')
  .nullish()
  .transform((v) => v ?? null);

/** What the clinician records about a session (all of it can change later). */
export const sessionFieldsSchema = z.object({
  date: isoDateSchema('the session date'),
  time: clockTime,
  durationMinutes: duration,
  /** Counted for the client; editable (e.g. sessions before Stepwise). */
  number: z
    .number({ error: 'Please enter the session number.' })
    .int('The session number is a whole number.')
    .min(1, 'Session numbers start at 1.')
    .max(1000, 'The session number looks too large. Please check it.')
    .optional(),
  attendance: z.enum(ATTENDANCE, { error: 'Please choose whether the client attended.' }).default('attended'),
  modality: z.enum(MODALITIES, { error: 'Please choose how you met.' }).default('in-person'),
  notes: optionalText('the session notes', SESSION_TEXT_LIMIT),
  takeaways: optionalText('what the client takes away', SESSION_TEXT_LIMIT),
});
export type SessionFields = z.input<typeof sessionFieldsSchema>;

export const sessionCreateSchema = sessionFieldsSchema.extend({ clientId: idSchema });
export type SessionCreateInput = z.input<typeof sessionCreateSchema>;

/** A patch of the session: what session mode saves as the clinician goes. */
export const sessionUpdateSchema = z.object({
  id: idSchema,
  fields: sessionFieldsSchema.partial().optional(),
  stage: z.enum(SESSION_STAGES).optional(),
});
export type SessionUpdateInput = z.input<typeof sessionUpdateSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  number: z.number().int(),
  date: z.string(),
  time: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  attendance: z.enum(ATTENDANCE),
  modality: z.enum(MODALITIES),
  notes: z.string().nullable(),
  takeaways: z.string().nullable(),
  stage: z.enum(SESSION_STAGES),
  finishedAt: z.string().nullable(),
  reviewCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

// ------------------------------------------------------------------------------ homework review

export const COMPLETIONS = ['full', 'partial', 'not-done', 'not-attempted'] as const;
export type Completion = (typeof COMPLETIONS)[number];
export const COMPLETION_LABELS: Record<Completion, string> = {
  full: 'Done fully',
  partial: 'Done partly',
  'not-done': 'Not done',
  'not-attempted': 'Not attempted',
};

/** Quality of engagement, 0–4, with anchors (after Kazantzis et al.'s homework rating). */
export const QUALITY_ANCHORS: readonly { value: number; label: string }[] = [
  { value: 0, label: 'No engagement' },
  { value: 1, label: 'Minimal' },
  { value: 2, label: 'Some' },
  { value: 3, label: 'Good' },
  { value: 4, label: 'Excellent' },
];

export const UNDERSTOOD = ['yes', 'partly', 'no'] as const;
export type Understood = (typeof UNDERSTOOD)[number];
export const UNDERSTOOD_LABELS: Record<Understood, string> = { yes: 'Yes', partly: 'Partly', no: 'No' };

export const OBSTACLES = [
  'forgot',
  'no-time',
  'too-difficult',
  'unclear',
  'anxiety-avoidance',
  'no-point',
  'life-events',
  'other',
] as const;
export type Obstacle = (typeof OBSTACLES)[number];
/** The clinician's words for what got in the way. */
export const OBSTACLE_LABELS: Record<Obstacle, string> = {
  forgot: 'Forgot',
  'no-time': 'No time',
  'too-difficult': 'Too difficult',
  unclear: 'Task was unclear',
  'anxiety-avoidance': 'Anxiety or avoidance',
  'no-point': 'Did not see the point',
  'life-events': 'Life events',
  other: 'Other',
};

export const PLANS = ['continue', 'modify', 'replace', 'completed', 'discontinued'] as const;
export type Plan = (typeof PLANS)[number];
export const PLAN_LABELS: Record<Plan, string> = {
  continue: 'Continue as it is',
  modify: 'Modify (step, frequency or instructions)',
  replace: 'Replace with another worksheet',
  completed: 'Completed',
  discontinued: 'Discontinue',
};

export const REVIEW_TEXT_LIMIT = TEXT_LIMITS.long;

/** What one homework review records; every part optional until the clinician fills it in. */
export const reviewFieldsSchema = z
  .object({
    completion: z.enum(COMPLETIONS).nullish(),
    amountDone: z.number().int().min(0, 'The amount done cannot be negative.').max(1000).nullish(),
    amountExpected: z.number().int().min(1, 'The amount expected is at least 1.').max(1000).nullish(),
    quality: z.number().int().min(0, 'Quality is rated 0 to 4.').max(4, 'Quality is rated 0 to 4.').nullish(),
    understood: z.enum(UNDERSTOOD).nullish(),
    rationaleBelief: z
      .number()
      .int()
      .min(0, 'Belief in the rationale is 0 to 100 %.')
      .max(100, 'Belief in the rationale is 0 to 100 %.')
      .nullish(),
    obstacles: z.array(z.enum(OBSTACLES)).max(OBSTACLES.length).nullish(),
    obstacleOther: optionalText('the other obstacle', TEXT_LIMITS.line),
    learning: optionalText('what the client learned', REVIEW_TEXT_LIMIT),
    plan: z.enum(PLANS).nullish(),
    planNote: optionalText('the note on the plan', TEXT_LIMITS.long),
  })
  .superRefine((r, ctx) => {
    if (r.amountDone != null && r.amountExpected != null && r.amountDone > r.amountExpected * 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountDone'],
        message: `${r.amountDone} of ${r.amountExpected} looks like a typing slip. Please check the amount done.`,
      });
    }
  });
export type ReviewFields = z.input<typeof reviewFieldsSchema>;

export const reviewSaveSchema = z.object({ sessionId: idSchema, assignmentId: idSchema, review: reviewFieldsSchema });
export type ReviewSaveInput = z.input<typeof reviewSaveSchema>;

export const reviewSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  assignmentId: idSchema,
  completion: z.enum(COMPLETIONS).nullable(),
  amountDone: z.number().int().nullable(),
  amountExpected: z.number().int().nullable(),
  quality: z.number().int().nullable(),
  understood: z.enum(UNDERSTOOD).nullable(),
  rationaleBelief: z.number().int().nullable(),
  obstacles: z.array(z.enum(OBSTACLES)),
  obstacleOther: z.string().nullable(),
  learning: z.string().nullable(),
  plan: z.enum(PLANS).nullable(),
  planNote: z.string().nullable(),
  nextAssignmentId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;
