import { z } from 'zod';
import { TEXT_LIMITS, tooLongMessage } from '../limits';
import {
  assignmentFieldsSchema,
  assignmentSchema,
  idSchema,
  PLANS,
  practiceCreateManySchema,
  practiceCreateSchema,
  practiceRecordSchema,
  practiceUpdateSchema,
  reviewSaveSchema,
  reviewSchema,
  sessionCreateSchema,
  sessionSchema,
  sessionUpdateSchema,
} from '../domain';
import { worksheetDefinitionSchema } from '../worksheet';
import { channel } from './define';

/** One assignment to review in a session, with what the practice records suggest. */
export const reviewItemSchema = z.object({
  assignment: assignmentSchema,
  definition: worksheetDefinitionSchema,
  review: reviewSchema.nullable(),
  /** Proposed from the practice records entered between the previous session and this one. */
  proposal: z.object({
    from: z.string(),
    to: z.string(),
    /** Days (or times) practised, and how many the frequency asked for in that period. */
    done: z.number().int(),
    expected: z.number().int(),
    records: z.number().int(),
  }),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const sessionDetailSchema = sessionSchema.extend({
  clientName: z.string(),
  clientPreferredName: z.string().nullable(),
  /** The session before this one (for "since the last session"), if any. */
  previousDate: z.string().nullable(),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const sessionsContract = {
  /** A client's sessions, newest first. */
  list: channel(z.object({ clientId: idSchema }), z.array(sessionSchema)),
  get: channel(z.object({ id: idSchema }), sessionDetailSchema),
  /** Starts a session (number counted when not given). */
  create: channel(sessionCreateSchema, sessionSchema),
  /** Saves what session mode has so far: fields and the stage reached. */
  update: channel(sessionUpdateSchema, sessionSchema),
  finish: channel(z.object({ id: idSchema }), sessionSchema),
  /** Reopens a finished session to correct it. */
  reopen: channel(z.object({ id: idSchema }), sessionSchema),
  /** A session recorded by mistake: removed with its reviews (practice records stay). */
  remove: channel(z.object({ id: idSchema }), z.object({ id: idSchema })),
};

const planInputSchema = z.object({
  sessionId: idSchema,
  assignmentId: idSchema,
  plan: z.enum(PLANS),
  note: z.string().trim().max(TEXT_LIMITS.long, tooLongMessage('the note', TEXT_LIMITS.long)).nullish(),
  /**
   * For "modify": the follow-on assignment's tailoring (same worksheet version); what is left out
   * is carried over from the assignment it follows (it starts on the session's day). For
   * "replace": the same, plus the worksheet to use instead (its current version). For "continue":
   * optionally a new due date only.
   */
  next: assignmentFieldsSchema.partial().extend({ worksheetId: idSchema.optional() }).optional(),
});
export type PlanInput = z.input<typeof planInputSchema>;
export type PlanRequest = z.output<typeof planInputSchema>;

export const reviewsContract = {
  /** What session mode reviews: every assignment active or due since the last session, oldest first. */
  items: channel(z.object({ sessionId: idSchema }), z.array(reviewItemSchema)),
  /** Saves (creates or updates) the review of one assignment in one session. */
  save: channel(reviewSaveSchema, reviewSchema),
  /** Carries out the plan: continue, modify (a linked follow-on), replace, completed, discontinued. */
  plan: channel(planInputSchema, z.object({ review: reviewSchema, nextAssignment: assignmentSchema.nullable() })),
  /** Every review of one assignment, oldest first. */
  ofAssignment: channel(z.object({ assignmentId: idSchema }), z.array(reviewSchema.extend({ sessionDate: z.string() }))),
};

export const practiceListSchema = z.object({
  clientId: idSchema.optional(),
  assignmentId: idSchema.optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  /** The next page: the records after this one, in the list's order (newest first). */
  before: idSchema.optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const practiceContract = {
  list: channel(practiceListSchema, z.array(practiceRecordSchema)),
  get: channel(z.object({ id: idSchema }), practiceRecordSchema),
  create: channel(practiceCreateSchema, practiceRecordSchema),
  /** A week of a daily log at once: all saved, or none. */
  createMany: channel(practiceCreateManySchema, z.array(practiceRecordSchema)),
  update: channel(practiceUpdateSchema, practiceRecordSchema),
  delete: channel(z.object({ id: idSchema }), z.object({ id: idSchema })),
  /** Undoes the last delete (only the most recent one can be undone). */
  undoDelete: channel(z.object({ id: idSchema }), practiceRecordSchema),
};

export const TIMELINE_KINDS = ['session', 'review', 'practice', 'assignment'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineItemSchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  /** The calendar date it belongs to (YYYY-MM-DD). */
  date: z.string(),
  /** The record it points to (session, review, practice record or assignment). */
  id: idSchema,
  /** Plain words: "Session 4 — attended", "Thought record: done fully", "Assigned: Fear ladder, step 2 of 8". */
  title: z.string(),
  detail: z.string().nullable(),
  assignmentId: idSchema.nullable(),
  sessionId: idSchema.nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelineContract = {
  list: channel(
    z.object({
      clientId: idSchema,
      kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional(),
      limit: z.number().int().min(1).max(2000).default(300),
    }),
    z.array(timelineItemSchema),
  ),
};
