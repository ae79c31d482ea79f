import { z } from 'zod';
import { ASSIGNMENT_STATES, idSchema } from '../domain';
import { CASELOAD_FLAG_KINDS } from '../measures';
import { channel, noInput } from './define';
import { item9OpenSchema } from './measures';

/**
 * Today (issue 12): one call for the whole screen. Each group comes with its first rows (what the
 * screen shows before its tail is collapsed) and its count ("and 140 more overdue"); `today.more`
 * pages through one group when the clinician asks to see the rest. A caseload of hundreds no
 * longer sends every overdue item to draw ten.
 */

/** How many rows of each group `today.overview` sends (and the screen shows before "and N more"). */
export const TODAY_FIRST_ROWS = 10;
/** The most rows one `today.more` page sends. */
export const TODAY_PAGE_MAX = 100;

export const TODAY_GROUPS = ['item9', 'attention', 'unfinished', 'review', 'overdue', 'dueSoon'] as const;
export type TodayGroup = (typeof TODAY_GROUPS)[number];

/**
 * A client as a Today row names them. `tellApart` is set when another client of the vault has the
 * same name (accents and case aside, shared/names.ts nameKey): the screen then shows the date of
 * birth and start date beside the name, as Ctrl+K and the client list do.
 */
export const todayClientSchema = z.object({
  id: idSchema,
  name: z.string(),
  preferredName: z.string().nullable(),
  tellApart: z.object({ dateOfBirth: z.string().nullable(), startDate: z.string() }).nullable(),
});
export type TodayClient = z.infer<typeof todayClientSchema>;

/** Homework overdue, due soon, or waiting for its review at the next session. */
export const todayHomeworkSchema = z.object({
  id: idSchema,
  client: todayClientSchema,
  title: z.string(),
  dueDate: z.string(),
  state: z.enum(ASSIGNMENT_STATES),
  /** The client's last attended session (rows of the "To review" group; null there: no session yet). */
  lastSessionDate: z.string().nullable(),
});
export type TodayHomework = z.infer<typeof todayHomeworkSchema>;

export const todaySessionSchema = z.object({
  id: idSchema,
  client: todayClientSchema,
  number: z.number().int(),
  date: z.string(),
});
export type TodaySession = z.infer<typeof todaySessionSchema>;

/** A client who needs attention, with one line per reason (item 9 has its own notices). */
export const todayAttentionSchema = z.object({
  client: todayClientSchema,
  flags: z.array(z.object({ kind: z.enum(CASELOAD_FLAG_KINDS), line: z.string() })).max(CASELOAD_FLAG_KINDS.length),
});
export type TodayAttention = z.infer<typeof todayAttentionSchema>;

export const todayItem9Schema = item9OpenSchema.extend({ client: todayClientSchema });
export type TodayItem9 = z.infer<typeof todayItem9Schema>;

const group = <R extends z.ZodType>(row: R, max: number) =>
  z.object({ total: z.number().int().nonnegative(), rows: z.array(row).max(max) });

const first = <R extends z.ZodType>(row: R) => group(row, TODAY_FIRST_ROWS);

export const todayOverviewSchema = z.object({
  /** The core's calendar date the groups were worked out for. */
  today: z.string(),
  item9: first(todayItem9Schema),
  attention: first(todayAttentionSchema),
  unfinished: first(todaySessionSchema),
  review: first(todayHomeworkSchema),
  overdue: first(todayHomeworkSchema),
  dueSoon: first(todayHomeworkSchema),
});
export type TodayOverview = z.infer<typeof todayOverviewSchema>;

const page = <G extends TodayGroup, R extends z.ZodType>(g: G, row: R) =>
  group(row, TODAY_PAGE_MAX).extend({ group: z.literal(g) });

export const todayPageSchema = z.discriminatedUnion('group', [
  page('item9', todayItem9Schema),
  page('attention', todayAttentionSchema),
  page('unfinished', todaySessionSchema),
  page('review', todayHomeworkSchema),
  page('overdue', todayHomeworkSchema),
  page('dueSoon', todayHomeworkSchema),
]);
export type TodayPage = z.infer<typeof todayPageSchema>;

export const todayMoreInputSchema = z.object({
  group: z.enum(TODAY_GROUPS),
  /** Rows to skip, in the group's order (the overview's first rows are rows 0 to 9). */
  offset: z.number().int().min(0).max(100_000),
  limit: z.number().int().min(1).max(TODAY_PAGE_MAX),
});
export type TodayMoreInput = z.infer<typeof todayMoreInputSchema>;

export const todayContract = {
  /** Every group of Today: its first rows and its count. */
  overview: channel(noInput, todayOverviewSchema),
  /** One page of one group, in the overview's order (the screen's "and N more"). */
  more: channel(todayMoreInputSchema, todayPageSchema),
};
