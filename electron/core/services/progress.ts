import type { Handlers, ProgressOverview, ProgressWorksheet } from '../../../shared/contract';
import type { AdherenceWeek } from '../../../shared/charts';
import { addDays, daysBetween, localIsoDate, weekday } from '../../../shared/dates';
import { AppError } from '../../../shared/result';
import { seriesOf, type Answers, type Frequency, type Series, type WorksheetDefinition } from '../../../shared/worksheet';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql } from '../db/sql';
import type {
  AssignmentRow,
  ClientRow,
  HomeworkReviewRow,
  PracticeRecordRow,
  SessionRow,
  WorksheetVersionRow,
} from '../db/tables';
import { todayIso } from '../util/clock';
import { requireClient } from './clients';
import { readDefinition } from './library';
import { expectedPractices } from './reviews';

/**
 * The data behind the client's Progress tab (issue 9), for a date range: homework week by week
 * (practice records against what the frequencies asked for, completion and quality from the
 * reviews), every assigned worksheet's numbers over time (its own series), and the exposure
 * ladders. Each result is the input of a chart definition in shared/charts.
 */

type Range = { from: string; to: string };

/** The Monday of the week a date falls in. */
export const mondayOf = (iso: string): string => addDays(iso, -((weekday(iso) + 6) % 7));

/** A review's completion as a share, 0–1: the amounts when given, else the rating's words. */
export function reviewCompletion(r: Pick<HomeworkReviewRow, 'completion' | 'amount_done' | 'amount_expected'>): number | null {
  if (r.amount_done !== null && r.amount_expected !== null && r.amount_expected > 0) {
    return Math.min(1, r.amount_done / r.amount_expected);
  }
  switch (r.completion) {
    case 'full':
      return 1;
    case 'partial':
      return 0.5;
    case 'not-done':
    case 'not-attempted':
      return 0;
    default:
      return null;
  }
}

type AssignmentWithDef = AssignmentRow & Pick<WorksheetVersionRow, 'worksheet_id'>;

function assignmentsOf(db: ReadDb, clientId: string): AssignmentWithDef[] {
  return db.all(
    sql<AssignmentWithDef>`
      SELECT a.*, v.worksheet_id FROM assignment a JOIN worksheet_version v ON v.id = a.worksheet_version_id
       WHERE a.client_id = ${clientId}
       ORDER BY a.start_date, a.created_at, a.rowid`,
  );
}

/** The last day an assignment asked for practice: its end, its due date, or today. */
function lastDay(a: AssignmentRow, today: string): string {
  const ended = a.status !== 'active' && a.ended_at ? localIsoDate(new Date(a.ended_at)) : today;
  return a.due_date && a.due_date < ended ? a.due_date : ended;
}

function resolveRange(
  db: ReadDb,
  client: ClientRow,
  from: string | null | undefined,
  to: string | null | undefined,
  today: string,
): Range {
  const first = db.pluck(sql<{ d: string | null }>`SELECT min(start_date) AS d FROM assignment WHERE client_id = ${client.id}`);
  const start = first && first < client.start_date ? first : client.start_date;
  const f = from ?? start;
  const t = to ?? today;
  if (t < f)
    throw new AppError('VALIDATION', 'The last day is before the first day. Please check the dates.', {
      to: 'The last day is before the first day.',
    });
  return { from: f, to: t };
}

function sessionsIn(db: ReadDb, clientId: string, r: Range): string[] {
  return db
    .all(
      sql<Pick<SessionRow, 'date'>>`
        SELECT date FROM session
         WHERE client_id = ${clientId} AND attendance = 'attended' AND date >= ${r.from} AND date <= ${r.to}
         ORDER BY date`,
    )
    .map((s) => s.date);
}

/** (2) Homework week by week, Monday to Sunday, over the range. */
function weeksOf(db: ReadDb, clientId: string, assignments: AssignmentWithDef[], r: Range, today: string): AdherenceWeek[] {
  const weeks: AdherenceWeek[] = [];
  const byStart = new Map<string, AdherenceWeek>();
  for (let w = mondayOf(r.from); w <= r.to; w = addDays(w, 7)) {
    const week = { weekStart: w, done: 0, expected: 0, completion: null, quality: null, reviews: 0 };
    weeks.push(week);
    byStart.set(w, week);
  }
  if (weeks.length === 0) return weeks;
  const first = weeks[0]!.weekStart;
  const last = addDays(weeks.at(-1)!.weekStart, 6);

  // Expected: each assignment's frequency over the days of the week it asked for practice.
  for (const a of assignments) {
    const freq = JSON.parse(a.frequency) as Frequency;
    const end = lastDay(a, today);
    if (end < a.start_date) continue;
    if (freq.kind === 'once') {
      const w = byStart.get(mondayOf(end));
      if (w) w.expected += 1;
      continue;
    }
    // Only the weeks the assignment spans (weeks[i] starts i·7 days after the first Monday).
    const firstWeek = Math.max(0, Math.floor(daysBetween(first, a.start_date) / 7));
    const lastWeek = Math.min(weeks.length - 1, Math.floor(daysBetween(first, end) / 7));
    for (let i = firstWeek; i <= lastWeek; i++) {
      const w = weeks[i]!;
      const s = a.start_date > w.weekStart ? a.start_date : w.weekStart;
      const e = end < addDays(w.weekStart, 6) ? end : addDays(w.weekStart, 6);
      const days = daysBetween(s, e) + 1;
      if (days > 0) w.expected += expectedPractices(freq, days);
    }
  }

  // Done: distinct days practised, per assignment, in the week.
  const practised = db.all(
    sql<{ practiced_on: string; n: number }>`
      SELECT practiced_on, count(DISTINCT assignment_id) AS n FROM practice_record
       WHERE client_id = ${clientId} AND deleted_at IS NULL AND practiced_on >= ${first} AND practiced_on <= ${last}
       GROUP BY practiced_on`,
  );
  for (const p of practised) {
    const w = byStart.get(mondayOf(p.practiced_on));
    if (w) w.done += p.n;
  }

  // Completion and quality: the reviews of the sessions held that week.
  const reviews = db.all(
    sql<Pick<HomeworkReviewRow, 'completion' | 'amount_done' | 'amount_expected' | 'quality'> & Pick<SessionRow, 'date'>>`
      SELECT r.completion, r.amount_done, r.amount_expected, r.quality, s.date
        FROM homework_review r JOIN session s ON s.id = r.session_id
       WHERE s.client_id = ${clientId} AND s.date >= ${first} AND s.date <= ${last}`,
  );
  const sums = new Map<string, { c: number; cn: number; q: number; qn: number; n: number }>();
  for (const rv of reviews) {
    const k = mondayOf(rv.date);
    const s = sums.get(k) ?? { c: 0, cn: 0, q: 0, qn: 0, n: 0 };
    const c = reviewCompletion(rv);
    if (c !== null) {
      s.c += c;
      s.cn++;
    }
    if (rv.quality !== null) {
      s.q += rv.quality;
      s.qn++;
    }
    s.n++;
    sums.set(k, s);
  }
  for (const [k, s] of sums) {
    const w = byStart.get(k);
    if (!w) continue;
    w.reviews = s.n;
    w.completion = s.cn ? s.c / s.cn : null;
    w.quality = s.qn ? s.q / s.qn : null;
  }
  return weeks;
}

/** The numbers one series holds in one record's answers (a table or grid gives one per row). */
export function valuesOf(series: Series, answers: Answers): number[] {
  const v = (answers as Record<string, unknown>)[series.blockId];
  if (series.part === undefined) return typeof v === 'number' && Number.isFinite(v) ? [v] : [];
  if (!Array.isArray(v)) return [];
  const out: number[] = [];
  for (const row of v) {
    const x = row && typeof row === 'object' ? (row as Record<string, unknown>)[series.part] : undefined;
    if (typeof x === 'number' && Number.isFinite(x)) out.push(x);
  }
  return out;
}

/** Over time only: a ladder's own ratings (a hierarchy block) are a plan, not practice. */
const overTime = (def: WorksheetDefinition): Series[] =>
  seriesOf(def).filter((s) => def.blocks.find((b) => b.id === s.blockId)?.type !== 'hierarchy');

type RecordRow = Pick<
  PracticeRecordRow,
  'assignment_id' | 'practiced_on' | 'practiced_time' | 'ladder_step' | 'answers' | 'created_at' | 'worksheet_version_id'
> &
  Pick<WorksheetVersionRow, 'worksheet_id'>;

function recordsIn(db: ReadDb, clientId: string, r: Range, worksheetId: string | null = null): RecordRow[] {
  return db.all(
    sql<RecordRow>`
      SELECT p.assignment_id, p.practiced_on, p.practiced_time, p.ladder_step, p.answers, p.created_at, p.worksheet_version_id,
             v.worksheet_id
        FROM practice_record p JOIN worksheet_version v ON v.id = p.worksheet_version_id
       WHERE p.client_id = ${clientId} AND p.deleted_at IS NULL AND p.practiced_on >= ${r.from} AND p.practiced_on <= ${r.to}
         AND (${worksheetId} IS NULL OR v.worksheet_id = ${worksheetId})
       ORDER BY p.practiced_on, coalesce(p.practiced_time, ''), p.created_at, p.rowid`,
  );
}

/** A worksheet version's definition and its series over time, parsed once. */
interface VersionInfo {
  def: WorksheetDefinition;
  series: Series[];
}

/** Parsed versions of each open vault (keyed by the open vault: gone with it when it locks). */
const versions = new WeakMap<object, Map<string, VersionInfo>>();

/**
 * Definitions by version id, read and parsed once per open vault: versions never change once
 * written (issue 12: each record's row used to carry its version's whole definition, parsed and
 * its series worked out again per record).
 */
function definitions(core: CoreContext, db: ReadDb): (versionId: string) => VersionInfo {
  const vault = core.requireVault();
  let cache = versions.get(vault);
  if (!cache) versions.set(vault, (cache = new Map()));
  const known = cache;
  return (versionId) => {
    let v = known.get(versionId);
    if (!v) {
      const json = db.pluck(
        sql<Pick<WorksheetVersionRow, 'definition'>>`SELECT definition FROM worksheet_version WHERE id = ${versionId}`,
      );
      if (json === undefined) throw new AppError('NOT_FOUND', 'That worksheet could not be found.');
      const def = readDefinition(json);
      v = { def, series: overTime(def) };
      known.set(versionId, v);
    }
    return v;
  };
}

/** (3) The assigned worksheets with numbers, newest definition's words, counting values in the range. */
function worksheetsOf(
  assignments: AssignmentWithDef[],
  records: RecordRow[],
  def: (versionId: string) => VersionInfo,
): ProgressWorksheet[] {
  const out = new Map<string, ProgressWorksheet>();
  // The newest assignment of a worksheet names it and its series.
  for (const a of [...assignments].reverse()) {
    if (out.has(a.worksheet_id)) continue;
    const d = def(a.worksheet_version_id).def;
    const series = def(a.worksheet_version_id).series.map((s) => ({
      key: s.key,
      label: s.label,
      unit: s.unit ?? null,
      min: s.scale?.min ?? null,
      max: s.scale?.max ?? null,
      values: 0,
    }));
    if (series.length) out.set(a.worksheet_id, { worksheetId: a.worksheet_id, title: d.title, series });
  }
  for (const r of records) {
    const w = out.get(r.worksheet_id);
    if (!w) continue;
    const answers = JSON.parse(r.answers) as Answers;
    for (const s of def(r.worksheet_version_id).series) {
      const target = w.series.find((x) => x.key === s.key);
      if (target) target.values += valuesOf(s, answers).length;
    }
  }
  return [...out.values()];
}

/** The series a ladder's attempts are rated with: SUDS peak when there is one. */
function ladderSeries(d: WorksheetDefinition): Series | null {
  const all = overTime(d);
  const words = (s: Series) => `${s.key} ${s.label}`.toLowerCase();
  return (
    all.find((s) => words(s).includes('peak')) ??
    all.find((s) => words(s).includes('suds') || s.unit === 'SUDS') ??
    all.find((s) => s.scale) ??
    null
  );
}

/** (4) The ladders: each chain of graded steps (assignments with a step count), attempts per step. */
function laddersOf(
  assignments: AssignmentWithDef[],
  records: RecordRow[],
  def: (versionId: string) => VersionInfo,
): ProgressOverview['ladders'] {
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const rootOf = (a: AssignmentWithDef): AssignmentWithDef => {
    const seen = new Set<string>();
    let x = a;
    while (x.follows_id && byId.has(x.follows_id) && !seen.has(x.id)) {
      seen.add(x.id);
      x = byId.get(x.follows_id)!;
    }
    return x;
  };
  const chains = new Map<string, AssignmentWithDef[]>();
  for (const a of assignments) {
    if (a.step_total === null) continue;
    const root = rootOf(a);
    chains.set(root.id, [...(chains.get(root.id) ?? []), a]);
  }
  const out: ProgressOverview['ladders'] = [];
  for (const [rootId, chain] of chains) {
    const latest = chain.find((a) => a.status === 'active') ?? chain.at(-1)!;
    const d = def(latest.worksheet_version_id).def;
    const series = ladderSeries(d);
    if (!series) continue;
    const total = Math.max(...chain.map((a) => a.step_total ?? 0));
    const ids = new Set(chain.map((a) => a.id));
    const steps = Array.from({ length: total }, (_, i) => ({
      step: i + 1,
      label: `Step ${i + 1}`,
      attempts: [] as { date: string; value: number }[],
    }));
    for (const r of records) {
      if (!ids.has(r.assignment_id) || r.ladder_step === null || r.ladder_step < 1 || r.ladder_step > total) continue;
      const rd = def(r.worksheet_version_id);
      const s = rd.series.find((x) => x.key === series.key) ?? ladderSeries(rd.def);
      const answers = JSON.parse(r.answers) as Answers;
      const values = s ? valuesOf(s, answers) : [];
      if (!values.length) continue;
      const step = steps[r.ladder_step - 1]!;
      step.attempts.push({ date: r.practiced_on, value: Math.max(...values) });
      // The step's words, when the record's table names them (a column called "step").
      if (step.label === `Step ${step.step}` && s?.part !== undefined) {
        const rows = (answers as Record<string, unknown>)[s.blockId];
        const text = Array.isArray(rows) ? (rows[0] as Record<string, unknown> | undefined)?.step : undefined;
        if (typeof text === 'string' && text.trim()) step.label = text.trim().slice(0, 80);
      }
    }
    out.push({
      assignmentId: rootId,
      title: `${d.title}: ladder`,
      valueLabel: series.label.includes(': ') ? series.label.split(': ').slice(1).join(': ') : series.label,
      min: series.scale?.min ?? null,
      max: series.scale?.max ?? null,
      steps,
      currentStep: latest.step_current,
    });
  }
  return out;
}

/**
 * Both answers are kept until any of the vault's data changes (`ReadDb.memo`: any row written, or
 * the vault locked), one per input; today's date is the key, as the default range ends today.
 */
const sessionKey = (...parts: unknown[]) => JSON.stringify(parts);

export const progressHandlers: Handlers<CoreContext>['progress'] = {
  overview: (input, core) =>
    core.read.memo(sessionKey('progress tab: overview', input), todayIso(core), () => overviewOf(input, core)),
  series: (input, core) =>
    core.read.memo(sessionKey('progress tab: series', input), todayIso(core), () => seriesOfWorksheet(input, core)),
};

type OverviewInput = Parameters<Handlers<CoreContext>['progress']['overview']>[0];
type SeriesInput = Parameters<Handlers<CoreContext>['progress']['series']>[0];

function overviewOf({ clientId, from, to }: OverviewInput, core: CoreContext): ProgressOverview {
  const db = core.read;
  const client = requireClient(db, clientId);
  const today = todayIso(core);
  const range = resolveRange(db, client, from, to, today);
  const assignments = assignmentsOf(db, clientId);
  const records = recordsIn(db, clientId, range);
  const def = definitions(core, db);
  return {
    range,
    sessions: sessionsIn(db, clientId, range),
    weeks: weeksOf(db, clientId, assignments, range, today),
    worksheets: worksheetsOf(assignments, records, def),
    ladders: laddersOf(assignments, records, def),
  };
}

function seriesOfWorksheet({ clientId, worksheetId, keys, from, to }: SeriesInput, core: CoreContext) {
  const db = core.read;
  const client = requireClient(db, clientId);
  const range = resolveRange(db, client, from, to, todayIso(core));
  const assignments = assignmentsOf(db, clientId).filter((a) => a.worksheet_id === worksheetId);
  if (assignments.length === 0) {
    throw new AppError('NOT_FOUND', 'This worksheet is not assigned to this client, so there is nothing to chart.');
  }
  const def = definitions(core, db);
  const newest = def(assignments.at(-1)!.worksheet_version_id).def;
  const known = def(assignments.at(-1)!.worksheet_version_id).series;
  const chosen = keys.map((k) => known.find((s) => s.key === k));
  if (chosen.some((s) => !s)) {
    throw new AppError('VALIDATION', 'One of the chosen numbers is not part of this worksheet any more. Please choose again.');
  }
  const lines = (chosen as Series[]).map((s) => ({
    key: s.key,
    label: s.label,
    points: [] as { date: string; value: number }[],
  }));
  for (const r of recordsIn(db, clientId, range, worksheetId)) {
    const answers = JSON.parse(r.answers) as Answers;
    const rs = def(r.worksheet_version_id).series;
    lines.forEach((l) => {
      const s = rs.find((x) => x.key === l.key);
      if (s) for (const v of valuesOf(s, answers)) l.points.push({ date: r.practiced_on, value: v });
    });
  }
  const scales = (chosen as Series[]).map((s) => s.scale).filter((s) => s !== undefined);
  const units = new Set((chosen as Series[]).map((s) => s.unit ?? null));
  return {
    title: newest.title,
    unit: units.size === 1 ? [...units][0]! : null,
    min: scales.length === chosen.length && scales.length ? Math.min(...scales.map((s) => s.min)) : null,
    max: scales.length === chosen.length && scales.length ? Math.max(...scales.map((s) => s.max)) : null,
    lines,
    sessions: sessionsIn(db, clientId, range),
    range,
  };
}
