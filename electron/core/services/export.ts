import Papa from 'papaparse';
import type { Handlers } from '../../../shared/contract';
import { EXPORT_FORMAT_VERSION, type ExportFiles } from '../../../shared/contract/data';
import { localIsoDate } from '../../../shared/dates';
import { initialsOf, safeFilePart } from '../../../shared/names';
import type { Block, WorksheetDefinition } from '../../../shared/worksheet';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql } from '../db/sql';
import type {
  AssignmentRow,
  ClientRow,
  GoalRow,
  HomeworkReviewRow,
  LifeEventRow,
  MeasureProblemRow,
  MeasureResultRow,
  PracticeRecordRow,
  SessionRow,
  WorksheetDraftRow,
  WorksheetRow,
  WorksheetVersionRow,
} from '../db/tables';
import { requireClient, toClient } from './clients';
import { readDefinition } from './library';
import { sessionFields } from './sessions';
import { rciParametersFor } from '../../../shared/measures';
import { rciOverrides, toResult } from './measures';

/**
 * The clinician's data, out: one client or the whole vault, as one JSON file (complete, with a
 * format version; documented in docs/EXPORT.md) or as CSV files (a file per table, practice
 * answers flattened to one column per field of each worksheet version). The core only builds the
 * text; the main process or the CLI writes it where the clinician chose, and records the export.
 */

const CSV_BOM = '\uFEFF';

const goal = (r: GoalRow) => ({
  id: r.id,
  clientId: r.client_id,
  title: r.title,
  description: r.description,
  status: r.status,
  targetDate: r.target_date,
  position: r.position,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const assignment = (r: AssignmentRow) => {
  const frequency = JSON.parse(r.frequency) as { kind: string; times?: number };
  return {
    id: r.id,
    clientId: r.client_id,
    worksheetVersionId: r.worksheet_version_id,
    goalId: r.goal_id,
    personalInstructions: r.personal_instructions,
    agreedRationale: r.agreed_rationale,
    frequency,
    startDate: r.start_date,
    dueDate: r.due_date,
    stepCurrent: r.step_current,
    stepTotal: r.step_total,
    phase: r.phase,
    status: r.status,
    followsId: r.follows_id,
    endedReason: r.ended_reason,
    endedAt: r.ended_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

const review = (r: HomeworkReviewRow) => ({
  id: r.id,
  sessionId: r.session_id,
  assignmentId: r.assignment_id,
  completion: r.completion,
  amountDone: r.amount_done,
  amountExpected: r.amount_expected,
  quality: r.quality,
  understood: r.understood,
  rationaleBelief: r.rationale_belief,
  obstacles: JSON.parse(r.obstacles) as string[],
  obstacleOther: r.obstacle_other,
  learning: r.learning,
  plan: r.plan,
  planNote: r.plan_note,
  nextAssignmentId: r.next_assignment_id,
  position: r.position,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const practice = (r: PracticeRecordRow) => ({
  id: r.id,
  clientId: r.client_id,
  assignmentId: r.assignment_id,
  worksheetVersionId: r.worksheet_version_id,
  practicedOn: r.practiced_on,
  practicedTime: r.practiced_time,
  source: r.source,
  durationMinutes: r.duration_minutes,
  ladderStep: r.ladder_step,
  note: r.note,
  answers: JSON.parse(r.answers) as Record<string, unknown>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A measure result with every item score (issue 9). */
const measureResult = (db: ReadDb, r: MeasureResultRow) => {
  const x = toResult(db, r);
  return {
    id: x.id,
    clientId: x.clientId,
    sessionId: x.sessionId,
    measure: x.measure,
    administeredOn: x.administeredOn,
    answers: x.answers,
    problemIds: x.problems?.map((p) => p.id) ?? null,
    total: x.total,
    complete: x.complete,
    band: x.band?.label ?? null,
    source: x.source,
    item9AcknowledgedAt: x.item9Acknowledgement?.at ?? null,
    item9AcknowledgementNote: x.item9Acknowledgement?.note ?? null,
    createdAt: x.createdAt,
    updatedAt: x.updatedAt,
  };
};

const measureProblem = (r: MeasureProblemRow) => ({
  id: r.id,
  clientId: r.client_id,
  text: r.text,
  position: r.position,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const lifeEvent = (r: LifeEventRow) => ({ id: r.id, clientId: r.client_id, date: r.date, note: r.note, createdAt: r.created_at });

type VersionRow = WorksheetVersionRow & Pick<WorksheetRow, 'builtin_key'>;

/** Everything the export holds, read in one go from the read handle. */
function gather(db: ReadDb, clientId: string | undefined) {
  const clients = clientId
    ? [requireClient(db, clientId)]
    : db.all(sql<ClientRow>`SELECT * FROM client ORDER BY start_date, created_at, id`);
  const out = clients.map((c) => ({
    ...toClient(c),
    goals: db.all(sql<GoalRow>`SELECT * FROM goal WHERE client_id = ${c.id} ORDER BY position, created_at, id`).map(goal),
    assignments: db
      .all(sql<AssignmentRow>`SELECT * FROM assignment WHERE client_id = ${c.id} ORDER BY created_at, rowid`)
      .map(assignment),
    sessions: db
      .all(sql<SessionRow>`SELECT * FROM session WHERE client_id = ${c.id} ORDER BY date, number, created_at`)
      .map((s) => ({
        ...sessionFields(s),
        reviews: db
          .all(sql<HomeworkReviewRow>`SELECT * FROM homework_review WHERE session_id = ${s.id} ORDER BY position, created_at`)
          .map(review),
      })),
    practiceRecords: db
      .all(
        sql<PracticeRecordRow>`
          SELECT * FROM practice_record WHERE client_id = ${c.id} AND deleted_at IS NULL
           ORDER BY practiced_on, practiced_time, created_at, id`,
      )
      .map(practice),
    measureResults: db
      .all(
        sql<MeasureResultRow>`SELECT * FROM measure_result WHERE client_id = ${c.id} ORDER BY administered_on, created_at, rowid`,
      )
      .map((r) => measureResult(db, r)),
    measureProblems: db
      .all(
        sql<MeasureProblemRow>`SELECT * FROM measure_problem WHERE client_id = ${c.id} ORDER BY archived_at IS NOT NULL, position, created_at`,
      )
      .map(measureProblem),
    lifeEvents: db
      .all(sql<LifeEventRow>`SELECT * FROM life_event WHERE client_id = ${c.id} ORDER BY date, created_at`)
      .map(lifeEvent),
  }));
  // The worksheet versions those assignments and records use (each once, with its definition).
  const versionIds = new Set<string>();
  for (const c of out) {
    for (const a of c.assignments) versionIds.add(a.worksheetVersionId);
    for (const p of c.practiceRecords) versionIds.add(p.worksheetVersionId);
  }
  const versions: VersionRow[] = [];
  for (const id of versionIds) {
    const v = db.get(
      sql<VersionRow>`
        SELECT v.*, w.builtin_key FROM worksheet_version v JOIN worksheet w ON w.id = v.worksheet_id WHERE v.id = ${id}`,
    );
    if (v) versions.push(v);
  }
  versions.sort((a, b) => a.worksheet_id.localeCompare(b.worksheet_id) || a.version - b.version);
  const worksheets = versions.map((v) => ({
    id: v.id,
    worksheetId: v.worksheet_id,
    builtinKey: v.builtin_key,
    version: v.version,
    createdAt: v.created_at,
    definition: readDefinition(v.definition),
  }));
  return { clients: out, worksheets, single: clientId ? clients[0]! : null, rciParameters: rciParametersFor(rciOverrides(db)) };
}

type Gathered = ReturnType<typeof gather>;

// ------------------------------------------------------------------------------ CSV

/** A CSV table: a BOM first (Excel then reads UTF-8), CRLF line ends, quotes where needed. */
export function csvText(fields: string[], rows: unknown[][]): string {
  return CSV_BOM + Papa.unparse({ fields, data: rows }, { newline: '\r\n' });
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
};

/** A table from objects: the fields named, nested values as JSON. */
function table(fields: string[], objects: Record<string, unknown>[]): string {
  return csvText(
    fields,
    objects.map((o) => fields.map((f) => cell(o[f]))),
  );
}

interface FlatColumn {
  header: string;
  value: (answers: Record<string, unknown>) => string;
}

const at = (answers: Record<string, unknown>, blockId: string, index: number, key: string): unknown => {
  const rows = answers[blockId];
  if (!Array.isArray(rows)) return undefined;
  const row = rows[index] as Record<string, unknown> | undefined;
  return row?.[key];
};

/**
 * One column per field of a worksheet version, its label as the header. A table gives a column
 * per row and column, a daily grid one per day and item, a ladder one per step (and its rating).
 */
export function flatColumns(def: WorksheetDefinition): FlatColumn[] {
  const cols: FlatColumn[] = [];
  const add = (b: Block) => {
    switch (b.type) {
      case 'prompt':
        return;
      case 'checklist':
        cols.push({
          header: b.label,
          value: (a) => (Array.isArray(a[b.id]) ? (a[b.id] as string[]).join('; ') : ''),
        });
        return;
      case 'table':
        for (let i = 0; i < b.rows; i++)
          for (const c of b.columns)
            cols.push({ header: `${b.label} — row ${i + 1} — ${c.label}`, value: (a) => cell(at(a, b.id, i, c.id)) });
        return;
      case 'dailyGrid':
        for (let i = 0; i < b.days; i++)
          for (const it of b.items)
            cols.push({ header: `${b.label} — day ${i + 1} — ${it.label}`, value: (a) => cell(at(a, b.id, i, it.id)) });
        return;
      case 'hierarchy':
        for (let i = 0; i < b.steps; i++) {
          cols.push({ header: `${b.label} — step ${i + 1}`, value: (a) => cell(at(a, b.id, i, 'step')) });
          cols.push({ header: `${b.label} — step ${i + 1} — rating`, value: (a) => cell(at(a, b.id, i, 'rating')) });
        }
        return;
      default:
        cols.push({ header: b.label, value: (a) => cell(a[b.id]) });
    }
  };
  for (const b of def.blocks) add(b);
  // Two fields with the same label get " (2)", " (3)": every header names one column.
  const seen = new Map<string, number>();
  for (const c of cols) {
    const n = (seen.get(c.header) ?? 0) + 1;
    seen.set(c.header, n);
    if (n > 1) c.header = `${c.header} (${n})`;
  }
  return cols;
}

const CLIENT_FIELDS = [
  'id',
  'name',
  'preferredName',
  'dateOfBirth',
  'pronouns',
  'preferredLanguage',
  'presentingConcerns',
  'startDate',
  'status',
  'createdAt',
  'updatedAt',
];
const GOAL_FIELDS = ['id', 'clientId', 'title', 'description', 'status', 'targetDate', 'position', 'createdAt', 'updatedAt'];
const ASSIGNMENT_FIELDS = [
  'id',
  'clientId',
  'worksheetId',
  'worksheetVersionId',
  'worksheetTitle',
  'worksheetVersion',
  'goalId',
  'personalInstructions',
  'agreedRationale',
  'frequency',
  'timesPerWeek',
  'startDate',
  'dueDate',
  'stepCurrent',
  'stepTotal',
  'phase',
  'status',
  'followsId',
  'endedReason',
  'endedAt',
  'createdAt',
  'updatedAt',
];
const SESSION_FIELDS = [
  'id',
  'clientId',
  'number',
  'date',
  'time',
  'durationMinutes',
  'attendance',
  'modality',
  'notes',
  'takeaways',
  'stage',
  'finishedAt',
  'createdAt',
  'updatedAt',
];
const REVIEW_FIELDS = [
  'id',
  'sessionId',
  'assignmentId',
  'completion',
  'amountDone',
  'amountExpected',
  'quality',
  'understood',
  'rationaleBelief',
  'obstacles',
  'obstacleOther',
  'learning',
  'plan',
  'planNote',
  'nextAssignmentId',
  'position',
  'createdAt',
  'updatedAt',
];
const PRACTICE_FIELDS = [
  'id',
  'clientId',
  'assignmentId',
  'worksheetVersionId',
  'practicedOn',
  'practicedTime',
  'source',
  'durationMinutes',
  'ladderStep',
  'note',
];

const MEASURE_RESULT_FIELDS = [
  'id',
  'clientId',
  'sessionId',
  'measure',
  'administeredOn',
  'total',
  'complete',
  'band',
  'source',
  'problemIds',
  'item9AcknowledgedAt',
  'item9AcknowledgementNote',
  'createdAt',
  'updatedAt',
];
/** The longest questionnaire (PCL-5) has 20 items: item1 … item20, blank where a form has fewer. */
const MEASURE_ITEM_COLUMNS = Array.from({ length: 20 }, (_, i) => `item${i + 1}`);

function csvFiles(g: Gathered): ExportFiles['files'] {
  const byVersion = new Map(g.worksheets.map((w) => [w.id, w]));
  const assignments = g.clients.flatMap((c) =>
    c.assignments.map((a) => {
      const w = byVersion.get(a.worksheetVersionId);
      return {
        ...a,
        worksheetId: w?.worksheetId ?? null,
        worksheetTitle: w?.definition.title ?? null,
        worksheetVersion: w?.version ?? null,
        frequency: a.frequency.kind,
        timesPerWeek: a.frequency.times ?? null,
      };
    }),
  );
  const reviews = g.clients.flatMap((c) =>
    c.sessions.flatMap((s) => s.reviews.map((r) => ({ ...r, obstacles: r.obstacles.join('; ') }))),
  );
  const records = g.clients.flatMap((c) => c.practiceRecords);
  const files: ExportFiles['files'] = [
    { name: 'clients.csv', text: table(CLIENT_FIELDS, g.clients) },
    {
      name: 'goals.csv',
      text: table(
        GOAL_FIELDS,
        g.clients.flatMap((c) => c.goals),
      ),
    },
    { name: 'assignments.csv', text: table(ASSIGNMENT_FIELDS, assignments) },
    {
      name: 'sessions.csv',
      text: table(
        SESSION_FIELDS,
        g.clients.flatMap((c) => c.sessions),
      ),
    },
    { name: 'reviews.csv', text: table(REVIEW_FIELDS, reviews) },
    { name: 'practice-records.csv', text: table(PRACTICE_FIELDS, records) },
    {
      name: 'measure-results.csv',
      text: csvText(
        [...MEASURE_RESULT_FIELDS, ...MEASURE_ITEM_COLUMNS],
        g.clients.flatMap((c) =>
          c.measureResults.map((m) => [
            ...MEASURE_RESULT_FIELDS.map((f) =>
              f === 'problemIds' ? (m.problemIds ?? []).join('; ') : cell((m as Record<string, unknown>)[f]),
            ),
            ...MEASURE_ITEM_COLUMNS.map((_, i) => cell(m.answers[i])),
          ]),
        ),
      ),
    },
    {
      name: 'measure-problems.csv',
      text: table(
        ['id', 'clientId', 'text', 'position', 'archivedAt', 'createdAt', 'updatedAt'],
        g.clients.flatMap((c) => c.measureProblems),
      ),
    },
    {
      name: 'life-events.csv',
      text: table(
        ['id', 'clientId', 'date', 'note', 'createdAt'],
        g.clients.flatMap((c) => c.lifeEvents),
      ),
    },
  ];
  // Practice answers: one file per worksheet version that has records.
  const names = new Set(files.map((f) => f.name));
  for (const w of g.worksheets) {
    const mine = records.filter((r) => r.worksheetVersionId === w.id);
    if (!mine.length) continue;
    const cols = flatColumns(w.definition);
    let name = `practice - ${safeFilePart(w.definition.title)} v${w.version}.csv`;
    for (let n = 2; names.has(name); n++) name = `practice - ${safeFilePart(w.definition.title)} v${w.version} (${n}).csv`;
    names.add(name);
    files.push({
      name,
      text: csvText(
        ['recordId', 'clientId', 'assignmentId', 'practicedOn', ...cols.map((c) => c.header)],
        mine.map((r) => [r.id, r.clientId, r.assignmentId, r.practicedOn, ...cols.map((c) => c.value(r.answers))]),
      ),
    });
  }
  return files;
}

// ------------------------------------------------------------------------------ build

export function buildExport(
  core: CoreContext,
  input: { clientId?: string | undefined; format: 'json' | 'csv'; appVersion?: string | undefined },
): ExportFiles {
  const g = gather(core.read, input.clientId);
  const exportedAt = core.now().toISOString();
  const who = g.single ? safeFilePart(initialsOf(g.single.name)) || 'client' : 'all clients';
  const suggestedName = `Stepwise export - ${who} - ${localIsoDate(core.now())}`;
  if (input.format === 'csv') return { files: csvFiles(g), suggestedName };
  const doc = {
    format: 'stepwise-export',
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt,
    appVersion: input.appVersion ?? null,
    scope: g.single ? 'client' : 'vault',
    clients: g.clients,
    worksheets: g.worksheets,
    measureRciParameters: g.rciParameters,
    // ---- drafts (issue 11): the clinician's worksheets saved as drafts (library, not client data).
    ...(g.single ? {} : { worksheetDrafts: worksheetDrafts(core.read) }),
  };
  return {
    files: [{ name: `${suggestedName}.json`, text: `${JSON.stringify(doc, null, 2)}\n` }],
    suggestedName: `${suggestedName}.json`,
  };
}

/** Worksheets saved as drafts, as they were typed (a vault export only: they belong to no client). */
function worksheetDrafts(db: ReadDb) {
  return db.all(sql<WorksheetDraftRow>`SELECT * FROM worksheet_draft ORDER BY created_at, id`).map((r) => ({
    id: r.id,
    worksheetId: r.worksheet_id,
    baseVersion: r.base_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    definition: JSON.parse(r.definition) as unknown,
  }));
}

export const exportHandlers: Handlers<CoreContext>['export'] = {
  build: (input, core) => buildExport(core, input),
};
