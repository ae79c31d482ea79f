import { z } from 'zod';
import { idSchema, isoDateSchema, optionalDate, optionalText, requiredText } from './fields';

export const CLIENT_STATUSES = ['active', 'archived'] as const;
export const GOAL_STATUSES = ['active', 'met', 'dropped'] as const;
export const GOAL_STATUS_LABELS = { active: 'Active', met: 'Met', dropped: 'Dropped' } as const;

/** What the clinician enters about a client. No contact or billing details, by design. */
export const clientInputSchema = z
  .object({
    name: requiredText('the client’s name', 120),
    preferredName: optionalText('the preferred name', 60),
    dateOfBirth: optionalDate('the date of birth'),
    pronouns: optionalText('the pronouns', 40),
    preferredLanguage: optionalText('the preferred language', 40),
    presentingConcerns: optionalText('the presenting concerns', 4000),
    startDate: isoDateSchema('the start date'),
  })
  .superRefine((c, ctx) => {
    if (c.dateOfBirth && c.dateOfBirth > c.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'The date of birth is after the start date. Please check it.',
      });
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
  title: requiredText('a goal title', 160),
  description: optionalText('the description', 2000),
  status: z.enum(GOAL_STATUSES).default('active'),
  targetDate: optionalDate('the target date'),
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
  activeAssignments: z.number().int(),
  overdueAssignments: z.number().int(),
  /** Empty until sessions exist. */
  lastSessionDate: z.string().nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const clientDetailSchema = clientSchema.extend({ goals: z.array(goalSchema) });
export type ClientDetail = z.infer<typeof clientDetailSchema>;
