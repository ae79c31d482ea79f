/**
 * Who needs attention, and why, in one line each (Today and the client list). Pure: the core
 * gathers the facts of one client (core/services/measures.ts) and this decides.
 *
 * The rules:
 * - item 9: a PHQ-9 with item 9 above 0 not yet acknowledged with a note (any client, archived
 *   too: it is a safety matter);
 * - reliable deterioration: any measure reliably worse from its first to its last complete result
 *   (NHS points for PHQ-9/GAD-7, the Jacobson–Truax index for PCL-5);
 * - no reliable improvement after six sessions: six or more attended sessions, at least two
 *   complete results of a measure, and no measure reliably better first → last (not raised when
 *   the client deteriorated: that flag says more);
 * - homework under half for three weeks: the most recent sessions whose homework reviews cover at
 *   least 21 days all found less than half of the expected practice done;
 * - no measure for four weeks: the client was seen (an attended session) in the last 28 days but
 *   has no result dated in those 28 days, and either has had measures before or has been coming
 *   for at least 28 days.
 * Only the item 9 flag is raised for archived clients.
 */
import { addDays, daysBetween } from '../dates';
import { measureCourse, type Administration, type MeasureChange } from './change';
import { FREQUENCY_OPTIONS, MEASURES } from './definitions';
import { STANDARD_MEASURE_KEYS, type RciParameters, type StandardMeasureKey } from './types';

export const CASELOAD_FLAG_KINDS = [
  'item9',
  'reliable-deterioration',
  'no-reliable-improvement',
  'low-adherence',
  'no-recent-measure',
] as const;
export type CaseloadFlagKind = (typeof CASELOAD_FLAG_KINDS)[number];

export interface CaseloadFlag {
  kind: CaseloadFlagKind;
  /** Why, in one line the clinician reads at a glance. */
  line: string;
}

/** One session's homework review, summed over its assignments. */
export interface SessionAdherence {
  /** The session's date, `YYYY-MM-DD`. */
  date: string;
  /** The attended session before it (the start of the period reviewed), if any. */
  previousDate: string | null;
  /** Practices done and expected, summed over the reviews that recorded amounts. */
  done: number;
  expected: number;
}

export interface OpenItem9 {
  resultId: string;
  administeredOn: string;
  /** The answer to item 9, 1–3. */
  answer: number;
}

export interface CaseloadFacts {
  /** Today's calendar date. */
  today: string;
  active: boolean;
  /** Attended sessions, any date order. */
  attendedSessionDates: readonly string[];
  administrations: readonly Administration[];
  openItem9: readonly OpenItem9[];
  /** Reviewed sessions, any order. */
  adherence: readonly SessionAdherence[];
  rci?: Partial<Record<StandardMeasureKey, RciParameters>>;
}

export const NO_IMPROVEMENT_SESSIONS = 6;
export const ADHERENCE_WINDOW_DAYS = 21;
export const ADHERENCE_THRESHOLD = 0.5;
export const MEASURE_GAP_DAYS = 28;

/** "3 March 2026" without time zones, for one-line reasons. */
function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${d} ${months[m - 1]} ${y}`;
}

function fromTo(c: MeasureChange): string {
  return `${MEASURES[c.measure].name} ${c.from.total} → ${c.to.total}`;
}

/**
 * The sessions, newest first, whose reviews together cover at least `ADHERENCE_WINDOW_DAYS`,
 * or null when the reviews do not reach back that far.
 */
export function adherenceWindow(adherence: readonly SessionAdherence[]): SessionAdherence[] | null {
  const newest = [...adherence].filter((a) => a.expected > 0).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  if (newest.length === 0) return null;
  const latest = newest[0]!.date;
  const out: SessionAdherence[] = [];
  for (const s of newest) {
    out.push(s);
    const start = s.previousDate ?? addDays(s.date, -7);
    if (daysBetween(start, latest) >= ADHERENCE_WINDOW_DAYS) return out;
  }
  return null;
}

export function caseloadFlags(f: CaseloadFacts): CaseloadFlag[] {
  const flags: CaseloadFlag[] = [];

  if (f.openItem9.length > 0) {
    const latest = [...f.openItem9].sort((a, b) => (a.administeredOn < b.administeredOn ? 1 : -1))[0]!;
    const label = FREQUENCY_OPTIONS.find((o) => o.score === latest.answer)?.label ?? String(latest.answer);
    const more = f.openItem9.length > 1 ? ` (${f.openItem9.length} not yet acknowledged)` : '';
    flags.push({
      kind: 'item9',
      line: `PHQ-9 item 9 answered “${label}” on ${day(latest.administeredOn)}, not yet acknowledged${more}.`,
    });
  }
  if (!f.active) return flags;

  const courses = STANDARD_MEASURE_KEYS.map((k) => measureCourse(k, f.administrations, f.rci?.[k])).filter(
    (c) => c.overall !== null,
  );
  const worse = courses.filter((c) => c.overall!.direction === 'reliable-deterioration');
  if (worse.length > 0) {
    flags.push({
      kind: 'reliable-deterioration',
      line: `Reliable deterioration since the first measure: ${worse.map((c) => fromTo(c.overall!)).join(', ')}.`,
    });
  }

  const sessions = f.attendedSessionDates.length;
  if (
    worse.length === 0 &&
    sessions >= NO_IMPROVEMENT_SESSIONS &&
    courses.length > 0 &&
    !courses.some((c) => c.overall!.direction === 'reliable-improvement')
  ) {
    flags.push({
      kind: 'no-reliable-improvement',
      line: `No reliable improvement after ${sessions} sessions: ${courses.map((c) => fromTo(c.overall!)).join(', ')}.`,
    });
  }

  const window = adherenceWindow(f.adherence);
  if (window && window.every((s) => s.done / s.expected < ADHERENCE_THRESHOLD)) {
    const done = window.reduce((n, s) => n + s.done, 0);
    const expected = window.reduce((n, s) => n + s.expected, 0);
    flags.push({
      kind: 'low-adherence',
      line: `Homework under half for three weeks: ${done} of ${expected} practices done.`,
    });
  }

  const since = addDays(f.today, -MEASURE_GAP_DAYS);
  const seenRecently = f.attendedSessionDates.some((d) => d > since && d <= f.today);
  const dated = f.administrations.map((a) => a.administeredOn).sort();
  const last = dated[dated.length - 1];
  const firstSession = [...f.attendedSessionDates].sort()[0];
  if (seenRecently && !(last !== undefined && last > since)) {
    if (last !== undefined) {
      flags.push({
        kind: 'no-recent-measure',
        line: `No measure for ${Math.floor(daysBetween(last, f.today) / 7)} weeks (last on ${day(last)}).`,
      });
    } else if (firstSession !== undefined && firstSession <= since) {
      flags.push({ kind: 'no-recent-measure', line: `No measure recorded yet, after ${sessions} sessions.` });
    }
  }
  return flags;
}
