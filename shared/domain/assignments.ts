import { z } from 'zod';
import { frequencySchema, PHASES, prefillSchema, worksheetDefinitionSchema } from '../worksheet';
import { assignmentDateProblem } from '../dateBounds';
import { TEXT_LIMITS } from '../limits';
import { idSchema, isoDateSchema, optionalDate, optionalText } from './fields';

export const ASSIGNMENT_STATUSES = ['active', 'completed', 'discontinued'] as const;
/** How an assignment shows on the client page: its status, refined by its due date. */
export const ASSIGNMENT_STATES = ['active', 'due-soon', 'overdue', 'completed', 'discontinued'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = {
  active: 'Active',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  completed: 'Completed',
  discontinued: 'Discontinued',
};
/** An active assignment due within this many days is "due soon". */
export const DUE_SOON_DAYS = 3;

const stepSchema = z
  .object({
    current: z.number({ error: 'Enter the step number.' }).int().min(1, 'Steps start at 1.').max(50),
    total: z
      .number({ error: 'Enter the number of steps.' })
      .int()
      .min(1, 'There must be at least one step.')
      .max(50, 'At most 50 steps.'),
  })
  .refine((s) => s.current <= s.total, { message: 'The current step cannot be above the number of steps.', path: ['current'] });

/** What the clinician tailors when assigning homework. */
export const assignmentFieldsSchema = z.object({
  goalId: idSchema.nullish().transform((v) => v ?? null),
  personalInstructions: optionalText('the personal instructions', TEXT_LIMITS.long),
  agreedRationale: optionalText('the agreed rationale', TEXT_LIMITS.long),
  frequency: frequencySchema,
  // Within a few years of today (shared/dateBounds.ts): 1900 or 2199 is a slip of the keyboard.
  startDate: isoDateSchema('the start date').superRefine((d, ctx) => {
    const problem = assignmentDateProblem('The start date', d);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  dueDate: optionalDate('the due date').superRefine((d, ctx) => {
    const problem = assignmentDateProblem('The due date', d);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  step: stepSchema.nullish().transform((v) => v ?? null),
  phase: z.enum(PHASES, { error: 'Please choose the phase of therapy.' }),
  /**
   * What the assignment fills in ahead (ladder steps, table rows, a goal's fear), checked against
   * the worksheet version in the core. Left out: kept as it is (on update); null: nothing.
   */
  prefill: prefillSchema.nullable().optional(),
});

const checkDates = (a: { startDate: string; dueDate: string | null }, ctx: z.RefinementCtx) => {
  // Runs even when other fields have problems (see `allAtOnce`), so every message shows at once.
  if (typeof a.dueDate === 'string' && typeof a.startDate === 'string' && a.dueDate && a.dueDate < a.startDate) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'The due date is before the start date.' });
  }
};

const allAtOnce = { when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null };

export const assignmentCreateSchema = assignmentFieldsSchema
  .extend({
    clientId: idSchema,
    worksheetId: idSchema,
    /** Default: the worksheet's current version. */ worksheetVersionId: idSchema.optional(),
  })
  .superRefine(checkDates, allAtOnce);
export type AssignmentCreateInput = z.input<typeof assignmentCreateSchema>;

export const assignmentUpdateSchema = assignmentFieldsSchema.extend({ id: idSchema }).superRefine(checkDates, allAtOnce);
export type AssignmentUpdateInput = z.input<typeof assignmentUpdateSchema>;

export const assignmentSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  worksheetId: idSchema,
  worksheetVersionId: idSchema,
  worksheetVersion: z.number().int(),
  /** A newer version of the worksheet exists than the one assigned. */
  newerVersionAvailable: z.boolean(),
  title: z.string(),
  category: z.string(),
  goalId: idSchema.nullable(),
  goalTitle: z.string().nullable(),
  personalInstructions: z.string().nullable(),
  agreedRationale: z.string().nullable(),
  frequency: frequencySchema,
  startDate: z.string(),
  dueDate: z.string().nullable(),
  step: z.object({ current: z.number().int(), total: z.number().int() }).nullable(),
  phase: z.enum(PHASES),
  status: z.enum(ASSIGNMENT_STATUSES),
  state: z.enum(ASSIGNMENT_STATES),
  /** The assignment this one follows (a modified step or a replacement): graded steps as a chain. */
  followsId: idSchema.nullable(),
  /** Why it ended: "modified", "replaced", "completed", or the clinician's reason for discontinuing. */
  endedReason: z.string().nullable(),
  /** When it was completed or discontinued (UTC instant). */
  endedAt: z.string().nullable(),
  /** What is filled in ahead; null when nothing. */
  prefill: prefillSchema.nullable(),
  /** When it last moved to a newer version of its worksheet (UTC instant). */
  movedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentDetailSchema = assignmentSchema.extend({ definition: worksheetDefinitionSchema, clientName: z.string() });
export type AssignmentDetail = z.infer<typeof assignmentDetailSchema>;
