/**
 * The data of each screen, as the renderer asks for it: one row of the scale benchmark each.
 * A screen is the calls its page makes when it opens, through the core's typed client (the
 * dispatcher, its input and output validation included: what the worker does for the window).
 *
 * Plugging in issue 9 (measures, progress tab): replace the two `pending` rows below with the
 * calls the progress tab makes (every chart's data of one client) and the caseload flags (the
 * Today/client-list flags from measure results) — nothing else in the bench changes.
 */
import type { CoreContract, DoOf } from '../../../shared/contract';

export interface ScreenTarget {
  /** The active client with the most practice records (the heaviest client page). */
  clientId: string;
  /** A search a clinician types: part of a first name. */
  search: string;
}

export interface Screen {
  name: string;
  /** Core-side goal for the 95th percentile, in milliseconds. */
  goalMs: number;
  /** Not measurable yet (what it waits for). */
  pending?: string;
  run(calls: DoOf<CoreContract>, t: ScreenTarget): Promise<unknown>;
}

export const SCREEN_GOAL_MS = 16;

export const SCREENS: Screen[] = [
  {
    name: 'Today',
    goalMs: SCREEN_GOAL_MS,
    // Exactly what renderer/src/features/home/Today.tsx asks for when it opens: every group's first
    // rows and counts in one call (item 9, needs attention, unfinished, to review, overdue, due
    // soon), and the backup line.
    run: (c) => Promise.all([c.today.overview(), c.backup.status()]),
  },
  { name: 'Client list (active)', goalMs: SCREEN_GOAL_MS, run: (c) => c.clients.list({ status: 'active' }) },
  { name: 'Client list (all)', goalMs: SCREEN_GOAL_MS, run: (c) => c.clients.list({ status: 'all' }) },
  { name: 'Client search', goalMs: SCREEN_GOAL_MS, run: (c, t) => c.clients.list({ status: 'all', search: t.search }) },
  {
    name: 'Client page',
    goalMs: SCREEN_GOAL_MS,
    run: (c, t) => Promise.all([c.clients.get({ id: t.clientId }), c.assignments.list({ clientId: t.clientId })]),
  },
  { name: 'Timeline (first page)', goalMs: SCREEN_GOAL_MS, run: (c, t) => c.timeline.list({ clientId: t.clientId, limit: 100 }) },
  {
    name: 'Practice list (first page)',
    goalMs: SCREEN_GOAL_MS,
    run: (c, t) => c.practice.list({ clientId: t.clientId, limit: 200 }),
  },
  { name: 'Library', goalMs: SCREEN_GOAL_MS, run: (c) => c.library.list({}) },
  {
    name: 'Progress tab (all charts)',
    goalMs: SCREEN_GOAL_MS,
    pending: 'issue 9',
    run: async () => undefined,
  },
  {
    name: 'Caseload flags',
    goalMs: SCREEN_GOAL_MS,
    pending: 'issue 9',
    run: async () => undefined,
  },
];
