import { z } from 'zod';
import { birthDateProblem, clientStartProblem, goalTargetProblem } from '../dateBounds';
import { TEXT_LIMITS } from '../limits';
import { idSchema, isoDateSchema, optionalDate, optionalText, requiredText } from './fields';

export const CLIENT_STATUSES = ['active', 'archived'] as const;
export const GOAL_STATUSES = ['active', 'met', 'dropped'] as const;
export const GOAL_STATUS_LABELS = { active: 'Active', met: 'Met', dropped: 'Dropped' } as const;

/** What the clinician enters about a client. No contact or billing details, by design. */
export const clientInputSchema = z
  .object({
    name: requiredText('the client’s name', TEXT_LIMITS.name),
    preferredName: optionalText('the preferred name', TEXT_LIMITS.name),
    dateOfBirth: optionalDate('the date of birth'),
    pronouns: optionalText('the pronouns', TEXT_LIMITS.line),
    preferredLanguage: optionalText('the preferred language', TEXT_LIMITS.line),
    presentingConcerns: optionalText('the presenting concerns', TEXT_LIMITS.long),
    startDate: isoDateSchema('the start date'),
  })
  .superRefine((c, ctx) => {
    // Dates that cannot be (shared/dateBounds.ts): the same messages in the form and the core.
    const start = clientStartProblem(c.startDate);
    if (start) ctx.addIssue({ code: 'custom', path: ['startDate'], message: start });
    if (c.dateOfBirth && c.dateOfBirth > c.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'The date of birth is after the start date. Please check it.',
      });
    } else {
      const birth = birthDateProblem(c.dateOfBirth);
      if (birth) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: birth });
    }
  });
export type ClientInput = z.input<typeof clientInputSchema>;

export const clientSchema = z.object({
  id: idSchema,
  name: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  pronouns: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  presentingConcerns: z.string().nullable(),
  startDate: z.string(),
  status: z.enum(CLIENT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof clientSchema>;

export const goalInputSchema = z.object({
  title: requiredText('a goal title', TEXT_LIMITS.line),
  description: optionalText('the description', TEXT_LIMITS.long),
  status: z.enum(GOAL_STATUSES).default('active'),
  targetDate: optionalDate('the target date').superRefine((d, ctx) => {
    const problem = goalTargetProblem(d);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});
export type GoalInput = z.input<typeof goalInputSchema>;

export const goalSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  targetDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Goal = z.infer<typeof goalSchema>;

export const clientSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  preferredName: z.string().nullable(),
  status: z.enum(CLIENT_STATUSES),
  startDate: z.string(),
  /** Tells namesakes apart in lists and the quick search. */
  dateOfBirth: z.string().nullable(),
  activeAssignments: z.number().int(),
  overdueAssignments: z.number().int(),
  /** Empty until sessions exist. */
  lastSessionDate: z.string().nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const clientDetailSchema = clientSchema.extend({ goals: z.array(goalSchema) });
export type ClientDetail = z.infer<typeof clientDetailSchema>;
