import { addDays, daysBetween, localIsoDate } from '../../shared/dates';
import type { CoreContract, DoOf } from '../../shared/contract';
import type { Assignment, AssignmentDetail } from '../../shared/domain';
import type { Block, Frequency, Scale, WorksheetDefinition } from '../../shared/worksheet';
import type { CoreContext } from './core';
import { writeHistory, type HistoryPractice, type HistoryReview, type HistorySession } from './history';

/**
 * Months of fictional history for the demo clients (after `seedDemo`): weekly sessions (some
 * cancelled, one not attended), a homework review of each assignment in the sessions of its
 * weeks, and the clients' practice (well over 300 records): Zoë climbing her exposure ladder with
 * SUDS falling within each step and from step to step; a mood diary, a sleep diary, thought
 * records with belief rated before and after; Алёна's assertiveness homework missed with
 * obstacles and then adjusted (a smaller step that follows it in a chain); and outcome measures
 * at most sessions (`seedDemoMeasures`).
 *
 * Earlier assignments are made through the core's typed calls, like anything a clinician types.
 * Sessions, reviews and practice records are written by `writeHistory` (one `core.write`, the
 * same invariants as the services): the sessions and practice channels are built in parallel
 * and were not on main yet. Once they are, this module should call them instead.
 */

interface PastAssignment {
  client: string;
  key: string;
  instructions: string;
  frequency: Frequency;
  start: number;
  due: number;
  step?: { current: number; total: number };
  /** The current assignment of this worksheet follows this one (a modified step). */
  followedBy?: boolean;
  /** How much of it the client did (1: all of it). */
  adherence?: number;
  obstacles?: HistoryReview['obstacles'];
}

const ZOE = 'Zoë Łukasiewicz';
const ALENA = 'Алёна Смирнова';

const PAST: PastAssignment[] = [
  {
    client: ZOE,
    key: 'exposure-practice-log',
    instructions: 'Step 1: stand at the station entrance for ten minutes at a quiet time.',
    frequency: { kind: 'weekly', times: 5 },
    start: -34,
    due: -21,
    step: { current: 1, total: 8 },
  },
  {
    client: ZOE,
    key: 'exposure-practice-log',
    instructions: 'Step 2: go down to the platform and watch two trains come and go.',
    frequency: { kind: 'weekly', times: 5 },
    start: -20,
    due: -7,
    step: { current: 2, total: 8 },
    followedBy: true,
  },
  {
    client: 'Øyvind Ødegård',
    key: 'activity-mood-diary',
    instructions: 'Each evening: what you did, hour by hour, and your mood from 0 to 10.',
    frequency: { kind: 'daily' },
    start: -28,
    due: -22,
    adherence: 1,
  },
  {
    client: 'Ελένη Παπαδοπούλου',
    key: 'sleep-diary',
    instructions: 'Fill in each morning, before looking at your phone.',
    frequency: { kind: 'daily' },
    start: -49,
    due: -8,
    adherence: 0.85,
  },
  {
    client: 'Kenji Watanabe',
    key: 'dbt-diary-card',
    instructions: 'Every evening, before bed.',
    frequency: { kind: 'daily' },
    start: -84,
    due: -7,
    adherence: 0.85,
  },
  {
    client: 'Aiyana Redcloud',
    key: 'mindfulness-log',
    instructions: 'Ten minutes of breathing space, five mornings a week.',
    frequency: { kind: 'weekly', times: 5 },
    start: -150,
    due: -4,
    adherence: 0.75,
  },
  {
    client: 'Priya Raman',
    key: 'thought-record-7',
    instructions: 'When you notice the urge to re-check, catch the thought first.',
    frequency: { kind: 'weekly', times: 3 },
    start: -63,
    due: -5,
    adherence: 0.9,
  },
  {
    client: ALENA,
    key: 'assertiveness-practice',
    instructions: 'Ask your manager for the Friday afternoon off, using the script.',
    frequency: { kind: 'weekly', times: 4 },
    start: -27,
    due: -6,
    adherence: 0.1,
    obstacles: ['anxiety-avoidance', 'too-difficult'],
    followedBy: true,
  },
];

/** A small deterministic random source: the same demo every time. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PHRASES = [
  'Noticed it early and wrote it down.',
  'Harder on a busy day, easier at the weekend.',
  'It helped to do it at the same time each day.',
  'Felt a bit silly at first, then it was useful.',
  'Tired, but did it anyway.',
];

const within = (scale: Scale, v: number) => Math.min(scale.max, Math.max(scale.min, Math.round(v)));

/** Plausible answers to any worksheet, generated from its own definition (rule 1: one schema). */
export function genericAnswers(
  def: WorksheetDefinition,
  day: string,
  rnd: () => number,
  progress: number,
): Record<string, unknown> {
  const phrase = () => PHRASES[Math.floor(rnd() * PHRASES.length)]!;
  // Ratings drift towards the calmer end as the weeks go by (progress 0 → 1).
  const rating = (scale: Scale) =>
    within(scale, scale.min + (scale.max - scale.min) * (0.65 - 0.35 * progress + (rnd() - 0.5) * 0.2));
  const cell = (kind: string, scale?: Scale): unknown => {
    switch (kind) {
      case 'number':
        return Math.round(5 + rnd() * 40);
      case 'rating':
        return rating(scale!);
      case 'date':
        return day;
      case 'time':
        return `${String(19 + Math.floor(rnd() * 4)).padStart(2, '0')}:${rnd() < 0.5 ? '00' : '30'}`;
      case 'check':
        return rnd() < 0.5;
      default:
        return phrase();
    }
  };
  const a: Record<string, unknown> = {};
  for (const b of def.blocks as Block[]) {
    switch (b.type) {
      case 'prompt':
        break;
      case 'shortText':
      case 'longText':
        a[b.id] = phrase();
        break;
      case 'number':
        a[b.id] = within({ min: b.min ?? 0, max: b.max ?? 60 } as Scale, (b.min ?? 0) + rnd() * 20);
        break;
      case 'duration':
        a[b.id] = 10 + Math.floor(rnd() * 30);
        break;
      case 'date':
        a[b.id] = day;
        break;
      case 'time':
        a[b.id] = cell('time');
        break;
      case 'rating':
        a[b.id] = rating(b.scale);
        break;
      case 'checklist':
        a[b.id] = b.options.filter(() => rnd() < 0.4);
        break;
      case 'choice':
        a[b.id] = b.options[Math.floor(rnd() * b.options.length)]!;
        break;
      case 'table':
        a[b.id] = Array.from({ length: Math.min(b.rows, 1 + Math.floor(rnd() * 2)) }, () =>
          Object.fromEntries(b.columns.map((c) => [c.id, cell(c.kind, c.scale)])),
        );
        break;
      case 'dailyGrid':
        // One record per day: the day's row.
        a[b.id] = [Object.fromEntries(b.items.map((it) => [it.id, cell(it.kind, it.scale)]))];
        break;
      case 'hierarchy':
        a[b.id] = Array.from({ length: Math.min(b.steps, 6) }, (_, i) => ({
          step: `Step ${i + 1}`,
          rating: within(b.scale, 20 + i * 12),
        }));
        break;
    }
  }
  return a;
}

/** The worksheet-specific parts that tell the story; the rest comes from the definition. */
function answersFor(
  a: AssignmentDetail,
  key: string,
  day: string,
  index: number,
  rnd: () => number,
  progress: number,
): { answers: Record<string, unknown>; ladderStep?: number; durationMinutes?: number } {
  const answers = genericAnswers(a.definition as WorksheetDefinition, day, rnd, progress);
  switch (key) {
    case 'exposure-practice-log': {
      // SUDS fall within a step (practice by practice) and from step to step.
      const step = a.step?.current ?? 1;
      const start = 82 - (step - 1) * 6;
      const peak = Math.max(25, start - index * 7);
      const minutes = 25 + Math.floor(rnd() * 20);
      answers.practice = [
        {
          date: day,
          step: ['Station entrance, 10 minutes', 'Platform, two trains', 'One stop at a quiet time'][step - 1] ?? `Step ${step}`,
          minutes,
          'suds-before': Math.max(15, peak - 15),
          'suds-peak': peak,
          'suds-after': Math.max(5, Math.round(peak * 0.45)),
          notes: index === 0 ? 'Wanted to leave after two minutes; stayed.' : 'Came down faster than last time.',
        },
      ];
      return { answers, ladderStep: step, durationMinutes: minutes };
    }
    case 'evidence-for-against':
    case 'behavioural-experiment': {
      answers['belief-before'] = within({ min: 0, max: 100 } as Scale, 85 - index * 5);
      answers['belief-after'] = within({ min: 0, max: 100 } as Scale, 45 - index * 5);
      return { answers };
    }
    case 'thought-record-7': {
      // Feeling rated before and after the balanced thought.
      answers['thought-record'] = [
        {
          situation: 'Sent the report without re-reading it a third time',
          feelings: 'anxious',
          intensity: within({ min: 0, max: 100 } as Scale, 80 - progress * 20),
          thoughts: 'They will find a mistake and think I am careless',
          'evidence-for': 'I once sent a typo to a client',
          'evidence-against': 'Nobody has mentioned a mistake in months',
          'balanced-thought': 'Good enough is good enough; one typo is not carelessness',
          rerated: within({ min: 0, max: 100 } as Scale, 45 - progress * 20),
        },
      ];
      return { answers };
    }
    default:
      return { answers };
  }
}

/** The days a client practised an assignment between two dates (both included). */
function practiceDays(f: Frequency, from: string, to: string, adherence: number, rnd: () => number): string[] {
  const days: string[] = [];
  const n = daysBetween(from, to);
  if (n < 0) return days;
  if (f.kind === 'once') return [addDays(from, Math.min(2, n))];
  for (let i = 0; i <= n; i++) {
    // Daily: any day; N times a week: the first N days of each week from the start.
    const due = f.kind === 'daily' || i % 7 < f.times;
    if (due && rnd() < adherence) days.push(addDays(from, i));
  }
  return days;
}

const expected = (f: Frequency, days: number) =>
  f.kind === 'daily' ? Math.max(1, days) : f.kind === 'once' ? 1 : Math.max(1, Math.round((f.times * days) / 7));

export interface DemoHistorySummary {
  sessions: number;
  reviews: number;
  practiceRecords: number;
  /** Questionnaire results (PHQ-9, GAD-7, own problems). */
  measures: number;
}

export async function seedDemoHistory(calls: DoOf<CoreContract>, core: CoreContext, now: Date): Promise<DemoHistorySummary> {
  const today = localIsoDate(now);
  const clients = await calls.clients.list({ status: 'all' });
  const library = await calls.library.list({ includeArchived: true });
  const byKey = new Map(library.filter((w) => w.builtInKey).map((w) => [w.builtInKey!, w.id]));
  const keyOf = new Map(library.filter((w) => w.builtInKey).map((w) => [w.id, w.builtInKey!]));
  const rnd = random(20260310);

  // Earlier homework, through the typed calls; chained to the current one where it was modified.
  const chains: { id: string; followsId: string; endedReason: string }[] = [];
  const meta = new Map<string, PastAssignment>();
  for (const p of PAST) {
    const client = clients.find((c) => c.name === p.client);
    const worksheetId = byKey.get(p.key);
    if (!client || !worksheetId) continue;
    const current = (await calls.assignments.list({ clientId: client.id })).filter((a) => a.worksheetId === worksheetId);
    const made = await calls.assignments.create({
      clientId: client.id,
      worksheetId,
      goalId: current[0]?.goalId ?? null,
      personalInstructions: p.instructions,
      agreedRationale: null,
      frequency: p.frequency,
      startDate: addDays(today, p.start),
      dueDate: addDays(today, p.due),
      step: p.step ?? null,
      phase: 'skill-practice',
    });
    await calls.assignments.setStatus({ id: made.id, status: 'completed' });
    meta.set(made.id, p);
    // Zoë's steps: step 2 follows step 1, the current step 3 follows step 2.
    const earlier = [...meta.entries()].find(([id, m]) => id !== made.id && m.client === p.client && m.key === p.key);
    if (earlier) chains.push({ id: made.id, followsId: earlier[0], endedReason: 'modified' });
    if (p.followedBy) {
      const next = current.find((a) => a.status === 'active');
      if (next) chains.push({ id: next.id, followsId: made.id, endedReason: 'modified' });
    }
  }
  // Алёна's homework, adjusted after it was missed: a smaller step, twice a week.
  const alena = clients.find((c) => c.name === ALENA);
  if (alena) {
    const adjusted = (await calls.assignments.list({ clientId: alena.id })).find(
      (a) => a.status === 'active' && keyOf.get(a.worksheetId) === 'assertiveness-practice',
    );
    if (adjusted) {
      await calls.assignments.update({
        id: adjusted.id,
        goalId: adjusted.goalId,
        personalInstructions:
          'A smaller step: ask a colleague to swap one task this week, using the first two parts of the script.',
        agreedRationale: adjusted.agreedRationale,
        frequency: { kind: 'weekly', times: 2 },
        startDate: adjusted.startDate,
        dueDate: adjusted.dueDate,
        step: adjusted.step,
        phase: adjusted.phase,
      });
    }
  }

  const sessions: HistorySession[] = [];
  const practice: HistoryPractice[] = [];
  let clientIndex = 0;
  for (const c of clients) {
    clientIndex++;
    const assignments: Assignment[] = await calls.assignments.list({ clientId: c.id });
    const details = new Map<string, AssignmentDetail>();
    for (const a of assignments) details.set(a.id, await calls.assignments.get({ id: a.id }));

    // The practice, assignment by assignment.
    const recordsOf = new Map<string, string[]>();
    for (const a of assignments) {
      const p = meta.get(a.id);
      const end = a.dueDate && a.dueDate < today ? a.dueDate : addDays(today, -1);
      const adherence = p?.adherence ?? (keyOf.get(a.worksheetId) === 'exposure-practice-log' ? 0.9 : 0.8);
      let days = practiceDays(a.frequency, a.startDate, end, adherence, rnd);
      if (p?.obstacles) days = days.slice(0, 1); // missed: one try in three weeks
      recordsOf.set(a.id, days);
      const key = keyOf.get(a.worksheetId) ?? '';
      const span = Math.max(1, daysBetween(a.startDate, end));
      days.forEach((day, i) => {
        const extra = answersFor(details.get(a.id)!, key, day, i, rnd, daysBetween(a.startDate, day) / span);
        practice.push({
          assignmentId: a.id,
          practicedOn: day,
          source: i % 9 === 4 ? 'session' : 'paper',
          answers: extra.answers,
          ...(extra.ladderStep ? { ladderStep: extra.ladderStep } : {}),
          ...(extra.durationMinutes ? { durationMinutes: extra.durationMinutes } : {}),
          ...(i % 6 === 2 ? { note: 'Typed from the paper sheet.' } : {}),
        });
      });
    }

    // Weekly sessions from the start (at most four months back), up to the last week.
    const first = c.startDate > addDays(today, -120) ? c.startDate : addDays(today, -119);
    let previous: string | null = null;
    let number = 0;
    // An archived client's sessions ended a week after their last homework.
    const lastDue =
      assignments
        .map((a) => a.dueDate ?? today)
        .sort()
        .at(-1) ?? today;
    const until = c.status === 'archived' && lastDue < today ? addDays(lastDue, 8) : today;
    for (let date = first; date < until; date = addDays(date, 7)) {
      number++;
      const attendance: HistorySession['attendance'] =
        c.name === 'Marcus Adeyemi' && number === 2
          ? 'did-not-attend'
          : (number + clientIndex) % 7 === 0 && number > 1
            ? 'cancelled'
            : 'attended';
      if (attendance !== 'attended') {
        sessions.push({ clientId: c.id, number, date, time: '10:00', attendance, modality: 'in-person' });
        continue;
      }
      const since: string = previous ?? addDays(date, -7);
      const reviews: HistoryReview[] = [];
      for (const a of assignments) {
        // Homework set before this session and running in the week(s) since the last one.
        const end = a.dueDate ?? today;
        if (!(a.startDate < date && end > since)) continue;
        const p = meta.get(a.id);
        const from = a.startDate > since ? a.startDate : since;
        const to = end < date ? end : date;
        const done = (recordsOf.get(a.id) ?? []).filter((d) => d >= from && d < to).length;
        const exp = expected(a.frequency, daysBetween(from, to));
        const ratio = done / exp;
        const last = !!a.dueDate && a.dueDate <= addDays(date, 6);
        const completion = ratio >= 0.85 ? 'full' : done > 0 ? 'partial' : 'not-done';
        const chainedNext = chains.find((ch) => ch.followsId === a.id);
        reviews.push({
          assignmentId: a.id,
          completion,
          amountDone: Math.min(done, exp),
          amountExpected: exp,
          quality: completion === 'full' ? 3 + (done % 2) : completion === 'partial' ? 2 : 0,
          understood: completion === 'not-done' && p?.obstacles ? 'partly' : 'yes',
          rationaleBelief: completion === 'full' ? 80 : 60,
          obstacles: completion === 'full' ? [] : (p?.obstacles ?? (done % 2 ? ['no-time'] : ['forgot'])),
          learning:
            completion === 'not-done' ? 'Asking felt too big a step for now.' : 'The numbers came down when I stayed with it.',
          plan: last ? (chainedNext ? 'modify' : a.status === 'active' ? 'continue' : a.status) : 'continue',
          ...(last && chainedNext ? { planNote: 'Next step agreed together.', nextAssignmentId: chainedNext.id } : {}),
        });
      }
      sessions.push({
        clientId: c.id,
        number,
        date,
        time: '10:00',
        durationMinutes: 50,
        attendance,
        modality: number % 4 === 0 ? 'video' : 'in-person',
        notes: `[Demo] Session ${number}: reviewed the week's practice; mood and sleep discussed.`,
        takeaways: reviews.length
          ? 'Practice a little every day; the feeling rises and then settles on its own.'
          : 'We agreed what to try this week.',
        reviews,
      });
      previous = date;
    }
  }
  const written = writeHistory(core, { sessions, practice, chains });
  const measures = await seedDemoMeasures(calls, rnd);
  return {
    sessions: written.sessions.length,
    reviews: written.reviews.length,
    practiceRecords: written.records.length,
    measures,
  };
}

/**
 * PHQ-9 and GAD-7 at most attended sessions (every fifth one skipped), along a course per client:
 * most improve reliably, Priya does not respond, Marcus deteriorates, Kenji answers PHQ-9 item 9
 * above 0 once (left unacknowledged, so Today shows it). Zoë also rates her own problems (the
 * idiographic measure). Entered through the measures channel, like a clinician typing from paper.
 */
interface MeasureCourse {
  phq9: [number, number];
  gad7: [number, number];
  /** The attended session (0-based, among those measured) whose PHQ-9 has item 9 above 0. */
  item9At?: number;
  problems?: { text: string; from: number; to: number }[];
  events?: { offset: number; note: string }[];
}

const MEASURE_COURSES: Record<string, MeasureCourse> = {
  [ZOE]: {
    phq9: [11, 5],
    gad7: [16, 6],
    problems: [
      { text: 'Can’t get on the underground', from: 9, to: 4 },
      { text: 'Scared my heart will give out', from: 8, to: 3 },
    ],
    events: [{ offset: -20, note: 'Started a new job' }],
  },
  'Øyvind Ødegård': { phq9: [18, 8], gad7: [9, 5], events: [{ offset: -25, note: 'Rejoined the running club' }] },
  'Ελένη Παπαδοπούλου': { phq9: [10, 5], gad7: [15, 6] },
  'Kenji Watanabe': { phq9: [19, 9], gad7: [14, 7], item9At: 2 },
  'Aiyana Redcloud': { phq9: [12, 3], gad7: [8, 3] },
  'Priya Raman': { phq9: [15, 14], gad7: [13, 12], events: [{ offset: -30, note: 'Exams started' }] },
  'Marcus Adeyemi': { phq9: [8, 16], gad7: [7, 12], events: [{ offset: -10, note: 'Separated from partner' }] },
  'Алёна Смирнова': { phq9: [9, 7], gad7: [12, 9] },
  'Hannah Becker': { phq9: [14, 12], gad7: [8, 7] },
};

/** Item scores (0–3) summing to `total` over `n` items, spread at random; `fixed` items held. */
function spread(total: number, n: number, rnd: () => number, fixed: Record<number, number> = {}): number[] {
  const out = Array.from({ length: n }, (_, i) => fixed[i] ?? 0);
  let left = total - out.reduce((a, b) => a + b, 0);
  const free = out.map((_, i) => i).filter((i) => fixed[i] === undefined);
  while (left > 0 && free.some((i) => out[i]! < 3)) {
    const i = free[Math.floor(rnd() * free.length)]!;
    if (out[i]! < 3) {
      out[i]!++;
      left--;
    }
  }
  return out;
}

async function seedDemoMeasures(calls: DoOf<CoreContract>, rnd: () => number): Promise<number> {
  let count = 0;
  const clients = await calls.clients.list({ status: 'active' });
  for (const c of clients) {
    const course = MEASURE_COURSES[c.name];
    if (!course) continue;
    const attended = (await calls.sessions.list({ clientId: c.id }))
      .filter((s) => s.attendance === 'attended')
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number));
    const measured = attended.filter((_, i) => i === 0 || i === attended.length - 1 || i % 5 !== 4);
    const problems = course.problems
      ? (await calls.measures.setProblems({ clientId: c.id, problems: course.problems.map((p) => ({ text: p.text })) })).active
      : [];
    const along = (range: [number, number], i: number, max: number) => {
      const f = measured.length > 1 ? i / (measured.length - 1) : 0;
      const noise = i === 0 || i === measured.length - 1 ? 0 : Math.round(rnd() * 2 - 1);
      return Math.max(0, Math.min(max, Math.round(range[0] + (range[1] - range[0]) * f) + noise));
    };
    for (const [i, s] of measured.entries()) {
      const phqTotal = along(course.phq9, i, 24);
      const item9 = course.item9At === i ? 1 : 0;
      const phq = spread(phqTotal, 9, rnd, { 8: item9 });
      const difficulty = phqTotal < 5 ? 0 : phqTotal < 10 ? 1 : phqTotal < 20 ? 2 : 3;
      const base = { clientId: c.id, sessionId: s.id, administeredOn: s.date, source: 'paper' as const };
      await calls.measures.record({ ...base, measure: 'phq9', answers: [...phq, difficulty] });
      await calls.measures.record({ ...base, measure: 'gad7', answers: spread(along(course.gad7, i, 21), 7, rnd) });
      count += 2;
      if (problems.length && course.problems) {
        await calls.measures.record({
          ...base,
          measure: 'idiographic',
          problemIds: problems.map((p) => p.id),
          answers: course.problems.map((p) => along([p.from, p.to], i, 10)),
        });
        count++;
      }
    }
    const today = attended.at(-1)?.date;
    for (const e of course.events ?? []) {
      if (!today) break;
      const date = addDays(today, e.offset);
      if (date >= c.startDate) await calls.measures.addEvent({ clientId: c.id, date, note: e.note });
    }
  }
  return count;
}
