/**
 * The data of each screen, as the renderer asks for it: one row of the scale benchmark each.
 * A screen is the calls its page makes when it opens, through the core's typed client (the
 * dispatcher, its input and output validation included: what the worker does for the window).
 *
 * The progress tab and the caseload flags (issue 9) are the calls renderer/src/features/progress
 * and features/measures make when they open: see `progressTab` below.
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
  /**
   * Its answers are kept until the vault's data changes (`ReadDb.memo`): the bench also times the
   * first call after a write to the target client.
   */
  keptUntilChange?: boolean;
  run(calls: DoOf<CoreContract>, t: ScreenTarget): Promise<unknown>;
}

export const SCREEN_GOAL_MS = 16;

export const SCREENS: Screen[] = [
  {
    name: 'Today',
    goalMs: SCREEN_GOAL_MS,
    keptUntilChange: true,
    // Exactly what renderer/src/features/home/Today.tsx asks for when it opens: every group's first
    // rows and counts in one call (item 9, needs attention, unfinished, to review, overdue, due
    // soon), and the backup line.
    run: (c) => Promise.all([c.today.overview(), c.backup.status()]),
  },
  {
    name: 'Client list (active)',
    goalMs: SCREEN_GOAL_MS,
    keptUntilChange: true,
    run: (c) => c.clients.list({ status: 'active' }),
  },
  { name: 'Client list (all)', goalMs: SCREEN_GOAL_MS, keptUntilChange: true, run: (c) => c.clients.list({ status: 'all' }) },
  {
    name: 'Client search',
    goalMs: SCREEN_GOAL_MS,
    keptUntilChange: true,
    run: (c, t) => c.clients.list({ status: 'all', search: t.search }),
  },
  {
    name: 'Client page',
    goalMs: SCREEN_GOAL_MS,
    run: (c, t) => Promise.all([c.clients.get({ id: t.clientId }), c.assignments.list({ clientId: t.clientId })]),
  },
  // The first pages as the tabs ask for them (50 items each; older pages by "Show older …").
  { name: 'Timeline (first page)', goalMs: SCREEN_GOAL_MS, run: (c, t) => c.timeline.list({ clientId: t.clientId, limit: 50 }) },
  {
    name: 'Practice list (first page)',
    goalMs: SCREEN_GOAL_MS,
    run: (c, t) => c.practice.list({ clientId: t.clientId, limit: 50 }),
  },
  { name: 'Library', goalMs: SCREEN_GOAL_MS, run: (c) => c.library.list({}) },
  {
    name: 'Progress tab (all charts)',
    goalMs: SCREEN_GOAL_MS,
    keptUntilChange: true,
    run: progressTab,
  },
  {
    name: 'Caseload flags',
    goalMs: SCREEN_GOAL_MS,
    keptUntilChange: true,
    // Today (the "Needs attention" lines and the item 9 notices) and the client list (the same
    // caseload call, its lines under each name).
    run: (c) => Promise.all([c.measures.caseload(), c.measures.item9Open({})]),
  },
];

/**
 * The Progress tab as it opens (renderer/src/features/progress, period "Since the start"): the
 * overview (homework weeks, worksheets with numbers, ladders), the client's measure results (the
 * outcome charts, the change panel, the heat maps and the homework chart's outcome line) and the
 * RCI settings; then, with the overview's range, the life events on the measure charts and the
 * numbers of the most practised worksheet (its rated numbers, at most three), as WorksheetNumbers
 * asks for them.
 */
async function progressTab(c: DoOf<CoreContract>, t: ScreenTarget): Promise<unknown> {
  const [o, results, rci] = await Promise.all([
    c.progress.overview({ clientId: t.clientId, from: null, to: null }),
    c.measures.list({ clientId: t.clientId }),
    c.measures.rciSettings(),
  ]);
  const total = (w: (typeof o.worksheets)[number]) => w.series.reduce((n, s) => n + s.values, 0);
  const top = o.worksheets.filter((w) => total(w) > 0).sort((a, b) => total(b) - total(a))[0];
  const available = top ? top.series.filter((s) => s.values > 0) : [];
  const rated = available.filter((s) => s.max !== null);
  const keys = (rated.length ? rated : available).slice(0, 3).map((s) => s.key);
  const [events, series] = await Promise.all([
    c.measures.events({ clientId: t.clientId, from: o.range.from, to: o.range.to }),
    top && keys.length
      ? c.progress.series({ clientId: t.clientId, worksheetId: top.worksheetId, keys, from: o.range.from, to: o.range.to })
      : null,
  ]);
  return [o, results, rci, events, series];
}
