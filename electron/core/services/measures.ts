/**
 * Outcome measures (issue 9): recording and correcting results, the PHQ-9 item 9 flag and its
 * acknowledgement, the client's own problems (idiographic measure), life events, change
 * summaries and the caseload's "needs attention" flags. All scoring is shared/measures'.
 */
import type { Handlers, Item9Open, LifeEvent, MeasureProblem, MeasureResult, RciSetting } from '../../../shared/contract';
import {
  answersProblem,
  caseloadFlags,
  type CaseloadFlag,
  FREQUENCY_OPTIONS,
  MEASURES,
  PHQ9_ITEM9_NUMBER,
  rciCriterion,
  rciParametersProblem,
  scoreAnswers,
  STANDARD_MEASURE_KEYS,
  summarizeChange,
  type Administration,
  type RciOverrides,
  type SessionAdherence,
  type StandardMeasureKey,
} from '../../../shared/measures';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import type { ReadDb, WriteDb } from '../db/handle';
import { sql, sqlEmpty, sqlFragment } from '../db/sql';
import type {
  ClientRow,
  HomeworkReviewRow,
  LifeEventRow,
  MeasureProblemRow,
  MeasureResultRow,
  MeasureSettingRow,
  SessionRow,
} from '../db/tables';
import { nowIso, todayIso } from '../util/clock';
import { newId } from '../util/ids';
import { requireClient } from './clients';
import { requireSession } from './sessions';
import { printMeasurePdf, readMeasurePdf } from './measurePdf';

export const RESULT_NOT_FOUND = 'That questionnaire result could not be found. It may have been deleted.';
const EVENT_NOT_FOUND = 'That life event could not be found. It may have been deleted.';
const CLIENT_ARCHIVED = 'This client is archived, so a new questionnaire cannot be saved. Restore the client first.';

// ---- results ----

function problemsOf(db: ReadDb, ids: readonly string[]): NonNullable<MeasureResult['problems']> {
  return ids.map((id) => {
    const p = db.get(sql<MeasureProblemRow>`SELECT * FROM measure_problem WHERE id = ${id}`);
    return { id, text: p?.text ?? '(problem removed)', archived: p ? p.archived_at !== null : true };
  });
}

/** A stored result in the contract's words, scored from its answers. Export uses it too. */
export function toResult(db: ReadDb, r: MeasureResultRow): MeasureResult {
  const answers = JSON.parse(r.answers) as (number | null)[];
  const score = scoreAnswers(r.measure, answers);
  const problemIds = r.problem_ids ? (JSON.parse(r.problem_ids) as string[]) : null;
  return {
    id: r.id,
    clientId: r.client_id,
    sessionId: r.session_id,
    measure: r.measure,
    administeredOn: r.administered_on,
    answers,
    problems: problemIds ? problemsOf(db, problemIds) : null,
    total: r.total,
    complete: score.complete,
    band: score.band ? { key: score.band.key, label: score.band.label, min: score.band.min, max: score.band.max } : null,
    missingItems: score.missingItems,
    item9Flag: (r.item9 ?? 0) > 0,
    item9Acknowledgement: r.item9_ack_at ? { note: r.item9_ack_note ?? '', at: r.item9_ack_at } : null,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function requireResult(db: ReadDb, id: string): MeasureResultRow {
  const row = db.get(sql<MeasureResultRow>`SELECT * FROM measure_result WHERE id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', RESULT_NOT_FOUND);
  return row;
}

function fail(field: string, message: string): never {
  throw new AppError('VALIDATION', message, { [field]: message });
}

function checkDate(core: CoreContext, date: string): void {
  if (date > todayIso(core)) fail('administeredOn', 'That date is in the future. Please enter the day it was filled in.');
}

/** Checks the answers (and, for the idiographic measure, the problems rated); returns what to store. */
function checkedAnswers(
  db: ReadDb,
  clientId: string,
  measure: MeasureResultRow['measure'],
  answers: readonly (number | null)[],
  problemIds: readonly string[] | null,
  allowArchivedProblems: boolean,
): { total: number | null; item9: number | null } {
  if (measure === 'idiographic') {
    if (!problemIds || problemIds.length === 0) fail('answers', 'Please add the client’s problems before rating them.');
    if (new Set(problemIds).size !== problemIds.length) fail('answers', 'Each problem can be rated only once.');
    for (const id of problemIds) {
      const p = db.get(sql<MeasureProblemRow>`SELECT * FROM measure_problem WHERE id = ${id}`);
      if (!p || p.client_id !== clientId) fail('answers', 'One of the problems rated is not this client’s.');
      if (p.archived_at !== null && !allowArchivedProblems) fail('answers', 'One of the problems rated has been archived.');
    }
  }
  const problem = answersProblem(measure, answers, problemIds?.length);
  if (problem) fail('answers', problem);
  const score = scoreAnswers(measure, answers);
  const item9 = measure === 'phq9' ? (answers[PHQ9_ITEM9_NUMBER - 1] ?? null) : null;
  return { total: score.total, item9 };
}

function listResults(
  db: ReadDb,
  q: { clientId: string; measure?: string; from?: string; to?: string; sessionId?: string },
): MeasureResultRow[] {
  return db.all(
    sql<MeasureResultRow>`
      SELECT * FROM measure_result
       WHERE client_id = ${q.clientId}
         ${q.measure ? sqlFragment`AND measure = ${q.measure}` : sqlEmpty}
         ${q.from ? sqlFragment`AND administered_on >= ${q.from}` : sqlEmpty}
         ${q.to ? sqlFragment`AND administered_on <= ${q.to}` : sqlEmpty}
         ${q.sessionId ? sqlFragment`AND session_id = ${q.sessionId}` : sqlEmpty}
       ORDER BY administered_on, created_at, rowid`,
  );
}

// ---- problems ----

const toProblem = (p: MeasureProblemRow): MeasureProblem => ({
  id: p.id,
  text: p.text,
  position: p.position,
  archivedAt: p.archived_at,
});

function readProblems(db: ReadDb, clientId: string) {
  const rows = db.all(
    sql<MeasureProblemRow>`SELECT * FROM measure_problem WHERE client_id = ${clientId} ORDER BY archived_at IS NOT NULL, position, archived_at, created_at`,
  );
  return {
    active: rows.filter((p) => p.archived_at === null).map(toProblem),
    archived: rows.filter((p) => p.archived_at !== null).map(toProblem),
  };
}

function problemIsRated(db: ReadDb, clientId: string, problemId: string): boolean {
  const rows = db.all(
    sql<Pick<MeasureResultRow, 'problem_ids'>>`
      SELECT problem_ids FROM measure_result WHERE client_id = ${clientId} AND measure = 'idiographic'`,
  );
  return rows.some((r) => r.problem_ids !== null && (JSON.parse(r.problem_ids) as string[]).includes(problemId));
}

// ---- RCI settings ----

export function rciOverrides(db: ReadDb): RciOverrides {
  const out: RciOverrides = {};
  for (const r of db.all(sql<MeasureSettingRow>`SELECT * FROM measure_setting`)) out[r.measure] = { sd: r.rci_sd, r: r.rci_r };
  return out;
}

function rciSetting(db: ReadDb, measure: StandardMeasureKey): RciSetting {
  const def = MEASURES[measure].rci;
  const row = db.get(sql<MeasureSettingRow>`SELECT * FROM measure_setting WHERE measure = ${measure}`);
  const sd = row?.rci_sd ?? def.sd;
  const r = row?.rci_r ?? def.r;
  return {
    measure,
    sd,
    r,
    defaultSd: def.sd,
    defaultR: def.r,
    custom: row !== undefined,
    criterion: Math.round(rciCriterion({ sd, r }) * 100) / 100,
  };
}

// ---- caseload ----

const toAdministration = (
  r: Pick<MeasureResultRow, 'id' | 'measure' | 'administered_on' | 'session_id' | 'total' | 'created_at'>,
): Administration => ({
  id: r.id,
  measure: r.measure,
  administeredOn: r.administered_on,
  sessionId: r.session_id,
  total: r.total,
  createdAt: r.created_at,
});

/** A review's practice done/expected; without amounts, its completion stands for one practice. */
function reviewAmounts(
  r: Pick<HomeworkReviewRow, 'completion' | 'amount_done' | 'amount_expected'>,
): { done: number; expected: number } | null {
  if (r.amount_expected !== null && r.amount_expected > 0)
    return { done: Math.min(r.amount_done ?? 0, r.amount_expected), expected: r.amount_expected };
  if (r.completion === 'full') return { done: 1, expected: 1 };
  if (r.completion === 'partial') return { done: 0.5, expected: 1 };
  if (r.completion === 'not-done' || r.completion === 'not-attempted') return { done: 0, expected: 1 };
  return null;
}

/** Each attended session's practice done/expected from its reviews, in session order (first to last). */
function adherenceOf(
  attended: readonly Pick<SessionRow, 'id' | 'date' | 'number'>[],
  reviews: readonly Pick<HomeworkReviewRow, 'session_id' | 'completion' | 'amount_done' | 'amount_expected'>[],
): SessionAdherence[] {
  const bySession = new Map<string, { done: number; expected: number }>();
  for (const r of reviews) {
    const a = reviewAmounts(r);
    if (!a) continue;
    const sum = bySession.get(r.session_id) ?? { done: 0, expected: 0 };
    sum.done += a.done;
    sum.expected += a.expected;
    bySession.set(r.session_id, sum);
  }
  const ordered = [...attended].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number));
  const out: SessionAdherence[] = [];
  ordered.forEach((s, i) => {
    const sum = bySession.get(s.id);
    if (sum && sum.expected > 0) {
      out.push({ date: s.date, previousDate: i > 0 ? ordered[i - 1]!.date : null, done: sum.done, expected: sum.expected });
    }
  });
  return out;
}

type CaseloadResultRow = Pick<
  MeasureResultRow,
  'id' | 'client_id' | 'measure' | 'administered_on' | 'session_id' | 'total' | 'created_at' | 'item9' | 'item9_ack_at'
>;

/** Rows of a query over many clients, grouped by client (in the query's order). */
function byClient<R extends { client_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.client_id);
    if (list) list.push(r);
    else out.set(r.client_id, [r]);
  }
  return out;
}

/**
 * Who needs attention, and why (Today and the client list). The whole answer is kept until any of
 * the vault's data changes (`ReadDb.memo`, the same keeping as the client list's; the day is its
 * key; a lock drops it with the connection). Under it, each client's flags are kept until a row of that client changes
 * (util/clientChanges marks them, exactly, with TEMP triggers): after a write only the clients it
 * touched are worked out again; the first call of a vault session, a new day or new RCI settings
 * work out everyone.
 */
export function caseloadOf(core: CoreContext) {
  const today = todayIso(core);
  return core.read.memo('caseload flags', today, () => computeCaseload(core, today));
}

interface ClientFlags {
  today: string;
  rci: string;
  byClient: Map<string, CaseloadFlag[]>;
}

/** Each client's flags, for the vault session (the vault object goes with the lock). */
const clientFlags = new WeakMap<object, ClientFlags>();

function computeCaseload(core: CoreContext, today: string) {
  const db = core.read;
  const vault = core.requireVault();
  const changed = core.takeChangedClients();
  const rci = rciOverrides(db);
  const rciKey = JSON.stringify(rci);
  let state = clientFlags.get(vault);
  if (changed === null || !state || state.today !== today || state.rci !== rciKey) {
    state = { today, rci: rciKey, byClient: new Map() };
    clientFlags.set(vault, state);
  } else {
    for (const id of changed) state.byClient.delete(id);
  }
  const clients = db.all(
    sql<Pick<ClientRow, 'id' | 'name' | 'preferred_name' | 'status'>>`
      SELECT c.id, c.name, c.preferred_name, c.status FROM client c
       WHERE c.status = 'active'
          OR EXISTS (SELECT 1 FROM measure_result m WHERE m.client_id = c.id AND m.item9 > 0 AND m.item9_ack_at IS NULL)
       ORDER BY c.name COLLATE NOCASE, c.id`,
  );
  const unknown = clients.filter((c) => !state.byClient.has(c.id));
  if (unknown.length > 0) {
    for (const [id, flags] of flagsOf(db, today, rci, unknown)) state.byClient.set(id, flags);
  }
  const out = [];
  for (const c of clients) {
    const flags = state.byClient.get(c.id)!;
    if (flags.length > 0) {
      out.push({ clientId: c.id, clientName: c.name, clientPreferredName: c.preferred_name, clientStatus: c.status, flags });
    }
  }
  return out;
}

/**
 * The flags of these clients, in two queries for all of them (their attended sessions with their
 * reviews, their results — only the columns the flags need, never the answers' JSON).
 */
function flagsOf(
  db: ReadDb,
  today: string,
  rci: RciOverrides,
  clients: readonly Pick<ClientRow, 'id' | 'status'>[],
): Map<string, CaseloadFlag[]> {
  const ids = JSON.stringify(clients.map((c) => c.id));
  // Each of these reads the clients' rows through an index on client_id, one seek per client.
  // The attended sessions and their reviews come in one pass (a session without a review gives one
  // row of NULLs, which counts for nothing: see reviewAmounts).
  const sessionRows = db.all(
    sql<
      Pick<SessionRow, 'id' | 'client_id' | 'date' | 'number'> &
        Pick<HomeworkReviewRow, 'completion' | 'amount_done' | 'amount_expected'>
    >`
      SELECT s.id, s.client_id, s.date, s.number, r.completion, r.amount_done, r.amount_expected FROM json_each(${ids}) j
        JOIN session s INDEXED BY session_attended ON s.client_id = j.value AND s.attendance = 'attended'
        LEFT JOIN homework_review r ON r.session_id = s.id`,
  );
  const sessions = new Map<string, Pick<SessionRow, 'id' | 'client_id' | 'date' | 'number'>[]>();
  const reviews = new Map<string, Pick<HomeworkReviewRow, 'session_id' | 'completion' | 'amount_done' | 'amount_expected'>[]>();
  const seen = new Set<string>();
  for (const r of sessionRows) {
    if (!seen.has(r.id)) {
      seen.add(r.id);
      const list = sessions.get(r.client_id);
      const s = { id: r.id, client_id: r.client_id, date: r.date, number: r.number };
      if (list) list.push(s);
      else sessions.set(r.client_id, [s]);
    }
    const review = { session_id: r.id, completion: r.completion, amount_done: r.amount_done, amount_expected: r.amount_expected };
    const list = reviews.get(r.client_id);
    if (list) list.push(review);
    else reviews.set(r.client_id, [review]);
  }
  const results = byClient(
    db.all(
      sql<CaseloadResultRow>`
        SELECT m.id, m.client_id, m.measure, m.administered_on, m.session_id, m.total, m.created_at, m.item9, m.item9_ack_at
          FROM json_each(${ids}) j JOIN measure_result m ON m.client_id = j.value
         ORDER BY j.key, m.administered_on, m.created_at, m.rowid`,
    ),
  );
  const out = new Map<string, CaseloadFlag[]>();
  for (const c of clients) {
    const attended = sessions.get(c.id) ?? [];
    const mine = results.get(c.id) ?? [];
    out.set(
      c.id,
      caseloadFlags({
        today,
        active: c.status === 'active',
        attendedSessionDates: attended.map((s) => s.date),
        administrations: mine.map(toAdministration),
        openItem9: mine
          .filter((r) => (r.item9 ?? 0) > 0 && r.item9_ack_at === null)
          .map((r) => ({ resultId: r.id, administeredOn: r.administered_on, answer: r.item9! })),
        adherence: adherenceOf(attended, reviews.get(c.id) ?? []),
        rci,
      }),
    );
  }
  return out;
}

export function item9Open(db: ReadDb, clientId?: string): Item9Open[] {
  return db
    .all(
      sql<MeasureResultRow & { client_name: string; client_preferred_name: string | null }>`
        SELECT m.*, c.name AS client_name, c.preferred_name AS client_preferred_name
          FROM measure_result m JOIN client c ON c.id = m.client_id
         WHERE m.item9 > 0 AND m.item9_ack_at IS NULL
           ${clientId ? sqlFragment`AND m.client_id = ${clientId}` : sqlEmpty}
         ORDER BY m.administered_on, m.created_at`,
    )
    .map((r) => ({
      resultId: r.id,
      clientId: r.client_id,
      clientName: r.client_name,
      clientPreferredName: r.client_preferred_name,
      administeredOn: r.administered_on,
      answer: r.item9!,
      answerLabel: FREQUENCY_OPTIONS.find((o) => o.score === r.item9)?.label ?? String(r.item9),
    }));
}

const toEvent = (e: LifeEventRow): LifeEvent => ({
  id: e.id,
  clientId: e.client_id,
  date: e.date,
  note: e.note,
  createdAt: e.created_at,
});

function insertResult(
  w: WriteDb,
  core: CoreContext,
  id: string,
  input: {
    clientId: string;
    sessionId: string | null;
    measure: MeasureResultRow['measure'];
    administeredOn: string;
    answers: readonly (number | null)[];
    problemIds: readonly string[] | null;
    source: MeasureResultRow['source'];
  },
): void {
  const client = requireClient(w, input.clientId);
  if (client.status !== 'active') throw new AppError('CONFLICT', CLIENT_ARCHIVED);
  if (input.sessionId !== null) {
    const s = requireSession(w, input.sessionId);
    if (s.client_id !== input.clientId) fail('sessionId', 'That session belongs to another client.');
  }
  checkDate(core, input.administeredOn);
  const problemIds = input.measure === 'idiographic' ? input.problemIds : null;
  const { total, item9 } = checkedAnswers(w, input.clientId, input.measure, input.answers, problemIds, false);
  const at = nowIso(core);
  w.run(sql`
    INSERT INTO measure_result (id, client_id, session_id, measure, administered_on, answers, problem_ids, total, item9, source,
                                item9_ack_note, item9_ack_at, created_at, updated_at)
    VALUES (${id}, ${input.clientId}, ${input.sessionId}, ${input.measure}, ${input.administeredOn}, ${JSON.stringify(input.answers)},
            ${problemIds ? JSON.stringify(problemIds) : null}, ${total}, ${item9}, ${input.source}, NULL, NULL, ${at}, ${at})`);
}

export const measuresHandlers: Handlers<CoreContext>['measures'] = {
  record: (input, core) => {
    const id = newId();
    return core.write({ action: 'created', entity: 'measure-result', entityId: id, detail: input.measure }, (w) => {
      insertResult(w, core, id, input);
      return toResult(w, requireResult(w, id));
    });
  },

  list: (q, core) => {
    requireClient(core.read, q.clientId);
    return listResults(core.read, q).map((r) => toResult(core.read, r));
  },

  get: ({ id }, core) => toResult(core.read, requireResult(core.read, id)),

  correct: ({ id, administeredOn, answers }, core) =>
    core.write({ action: 'changed', entity: 'measure-result', entityId: id, detail: 'corrected' }, (w) => {
      const row = requireResult(w, id);
      const date = administeredOn ?? row.administered_on;
      if (administeredOn !== undefined) checkDate(core, administeredOn);
      const problemIds = row.problem_ids ? (JSON.parse(row.problem_ids) as string[]) : null;
      const { total, item9 } = checkedAnswers(w, row.client_id, row.measure, answers, problemIds, true);
      // A changed item 9 answer needs a fresh acknowledgement; an unchanged one keeps it.
      const keepAck = item9 === row.item9;
      w.run(sql`
        UPDATE measure_result
           SET administered_on = ${date}, answers = ${JSON.stringify(answers)}, total = ${total}, item9 = ${item9},
               item9_ack_note = ${keepAck ? row.item9_ack_note : null}, item9_ack_at = ${keepAck ? row.item9_ack_at : null},
               updated_at = ${nowIso(core)}
         WHERE id = ${id}`);
      return toResult(w, requireResult(w, id));
    }),

  delete: ({ id }, core) =>
    core.write({ action: 'deleted', entity: 'measure-result', entityId: id }, (w) => {
      requireResult(w, id);
      w.run(sql`DELETE FROM measure_result WHERE id = ${id}`);
      return { id };
    }),

  acknowledgeItem9: ({ id, note }, core) =>
    core.write({ action: 'changed', entity: 'measure-result', entityId: id, detail: 'item 9 acknowledged' }, (w) => {
      const row = requireResult(w, id);
      if ((row.item9 ?? 0) === 0) throw new AppError('CONFLICT', 'This questionnaire has no item 9 answer to acknowledge.');
      w.run(sql`UPDATE measure_result SET item9_ack_note = ${note}, item9_ack_at = ${nowIso(core)} WHERE id = ${id}`);
      return toResult(w, requireResult(w, id));
    }),

  item9Open: (input, core) => {
    if (input?.clientId) requireClient(core.read, input.clientId);
    return item9Open(core.read, input?.clientId);
  },

  problems: ({ clientId }, core) => {
    requireClient(core.read, clientId);
    return readProblems(core.read, clientId);
  },

  setProblems: ({ clientId, problems }, core) =>
    core.write({ action: 'changed', entity: 'measure-problems', entityId: clientId }, (w) => {
      requireClient(w, clientId);
      const at = nowIso(core);
      const current = readProblems(w, clientId).active;
      const kept = new Set(problems.flatMap((p) => (p.id ? [p.id] : [])));
      for (const p of problems) {
        if (p.id && !current.some((c) => c.id === p.id))
          fail('problems', 'One of the problems is not this client’s current problem.');
      }
      // Positions are unique among active problems only in spirit; park the kept ones first.
      for (const c of current) {
        if (kept.has(c.id)) continue;
        if (problemIsRated(w, clientId, c.id)) {
          w.run(sql`UPDATE measure_problem SET archived_at = ${at}, updated_at = ${at} WHERE id = ${c.id}`);
        } else {
          w.run(sql`DELETE FROM measure_problem WHERE id = ${c.id}`);
        }
      }
      problems.forEach((p, i) => {
        if (p.id) {
          w.run(sql`UPDATE measure_problem SET text = ${p.text}, position = ${i + 1}, updated_at = ${at} WHERE id = ${p.id}`);
        } else {
          w.run(sql`
            INSERT INTO measure_problem (id, client_id, text, position, archived_at, created_at, updated_at)
            VALUES (${newId()}, ${clientId}, ${p.text}, ${i + 1}, NULL, ${at}, ${at})`);
        }
      });
      return readProblems(w, clientId);
    }),

  events: ({ clientId, from, to }, core) => {
    const db = core.read;
    requireClient(db, clientId);
    return db
      .all(
        sql<LifeEventRow>`
          SELECT * FROM life_event WHERE client_id = ${clientId}
             ${from ? sqlFragment`AND date >= ${from}` : sqlEmpty}
             ${to ? sqlFragment`AND date <= ${to}` : sqlEmpty}
           ORDER BY date, created_at`,
      )
      .map(toEvent);
  },

  addEvent: ({ clientId, date, note }, core) => {
    const id = newId();
    return core.write({ action: 'created', entity: 'life-event', entityId: id }, (w) => {
      requireClient(w, clientId);
      w.run(
        sql`INSERT INTO life_event (id, client_id, date, note, created_at) VALUES (${id}, ${clientId}, ${date}, ${note}, ${nowIso(core)})`,
      );
      return toEvent(w.get(sql<LifeEventRow>`SELECT * FROM life_event WHERE id = ${id}`)!);
    });
  },

  deleteEvent: ({ id }, core) =>
    core.write({ action: 'deleted', entity: 'life-event', entityId: id }, (w) => {
      if (!w.get(sql<LifeEventRow>`SELECT * FROM life_event WHERE id = ${id}`)) throw new AppError('NOT_FOUND', EVENT_NOT_FOUND);
      w.run(sql`DELETE FROM life_event WHERE id = ${id}`);
      return { id };
    }),

  summary: ({ clientId }, core) => {
    const db = core.read;
    requireClient(db, clientId);
    return summarizeChange(listResults(db, { clientId }).map(toAdministration), rciOverrides(db));
  },

  rciSettings: (_input, core) => STANDARD_MEASURE_KEYS.map((k) => rciSetting(core.read, k)),

  setRci: ({ measure, sd, r, reset }, core) =>
    core.write({ action: 'changed', entity: 'measure-setting', entityId: null, detail: measure }, (w) => {
      if (reset) {
        w.run(sql`DELETE FROM measure_setting WHERE measure = ${measure}`);
        return rciSetting(w, measure);
      }
      const now = rciSetting(w, measure);
      const next = { sd: sd ?? now.sd, r: r ?? now.r };
      const sdProblem = rciParametersProblem({ sd: next.sd, r: 0 });
      if (sdProblem) fail('sd', sdProblem);
      const rProblem = rciParametersProblem(next);
      if (rProblem) fail('r', rProblem);
      w.run(sql`
        INSERT INTO measure_setting (measure, rci_sd, rci_r, updated_at) VALUES (${measure}, ${next.sd}, ${next.r}, ${nowIso(core)})
        ON CONFLICT (measure) DO UPDATE SET rci_sd = excluded.rci_sd, rci_r = excluded.rci_r, updated_at = excluded.updated_at`);
      return rciSetting(w, measure);
    }),

  caseload: (_input, core) => caseloadOf(core),

  // ---- questionnaires on paper (client mode helper): printed fillable, read back, recorded ----
  printPdf: (input, core) => printMeasurePdf(core, input),
  previewPdf: (input, core) => readMeasurePdf(core, input),
  importPdf: async (input, core) => {
    const read = await readMeasurePdf(core, input);
    const id = newId();
    return core.write(
      { action: 'imported', entity: 'measure-result', entityId: id, detail: `${read.measure} from a filled PDF` },
      (w) => {
        insertResult(w, core, id, {
          clientId: read.clientId,
          sessionId: input.sessionId,
          measure: read.measure,
          administeredOn: input.administeredOn ?? todayIso(core),
          answers: read.answers,
          problemIds: read.problemIds,
          source: 'pdf',
        });
        return toResult(w, requireResult(w, id));
      },
    );
  },
};
