/**
 * The rows of every table, in one place: one interface per table, matching the columns the
 * migrations create (in `vault/migrations/`). Every query of a table uses its row type, or a
 * `Pick` of it; a query that joins tables spells its row as an intersection of theirs.
 *
 * `COLUMNS` lists the same columns at run time: the type checker holds it equal to the
 * interfaces, and `tests/unit/sql.test.ts` holds it equal to what the migrations create. A new
 * migration that adds or changes a table changes both, here.
 */

/** Vault metadata: `vault_id`, `created_at`. */
export interface MetaRow {
  key: string;
  value: string;
}

/** What happened and when, never the content. */
export interface AuditEventRow {
  id: number;
  /** UTC ISO-8601 instant. */
  at: string;
  action: string;
  entity: string;
  /** An ID, never a name or any content. */
  entity_id: string | null;
  /** A short non-identifying note (e.g. "pdf, 3 pages"). */
  detail: string | null;
  /** The hash of the event before it ('' for the first): the chain (db/audit.ts). */
  prev_hash: string | null;
  /** SHA-256 over this event's fields and prev_hash. */
  hash: string | null;
}

/** A form's unsaved contents, kept while Stepwise is locked. */
export interface DraftRow {
  form_key: string;
  /** The form's contents as JSON. */
  data: string;
  saved_at: string;
}

export interface ClientRow {
  id: string;
  name: string;
  preferred_name: string | null;
  /** `YYYY-MM-DD` */
  date_of_birth: string | null;
  pronouns: string | null;
  preferred_language: string | null;
  presenting_concerns: string | null;
  /** `YYYY-MM-DD` */
  start_date: string;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}

export interface GoalRow {
  id: string;
  client_id: string;
  title: string;
  description: string | null;
  status: 'active' | 'met' | 'dropped';
  /** `YYYY-MM-DD` */
  target_date: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface WorksheetRow {
  id: string;
  /** Set for built-in worksheets (read-only). */
  builtin_key: string | null;
  current_version: number;
  archived: 0 | 1;
  derived_from: string | null;
  created_at: string;
  updated_at: string;
}

/** An immutable snapshot of a worksheet's definition. */
export interface WorksheetVersionRow {
  id: string;
  worksheet_id: string;
  version: number;
  /** JSON, validated by the shared worksheet schema before it was written. */
  definition: string;
  created_at: string;
}

export interface AssignmentRow {
  id: string;
  client_id: string;
  worksheet_version_id: string;
  goal_id: string | null;
  personal_instructions: string | null;
  agreed_rationale: string | null;
  /** JSON: `{kind: once|daily|weekly, times?}` */
  frequency: string;
  /** `YYYY-MM-DD` */
  start_date: string;
  /** `YYYY-MM-DD` */
  due_date: string | null;
  step_current: number | null;
  step_total: number | null;
  phase: 'baseline' | 'skill-practice' | 'relapse-prevention';
  status: 'active' | 'completed' | 'discontinued';
  created_at: string;
  updated_at: string;
  /** The assignment this one follows (a modified or replacing step): the chain of graded steps. */
  follows_id: string | null;
  /** Why it ended (e.g. "modified", "replaced", or the clinician's reason for discontinuing). */
  ended_reason: string | null;
  /** UTC ISO-8601 instant it was completed or discontinued. */
  ended_at: string | null;
  /** JSON `{values, rows}`: what the assignment fills in ahead (shared/worksheet/prefill.ts); NULL when nothing. */
  prefill: string | null;
  /** UTC ISO-8601 instant it last moved to a newer version of its worksheet. */
  moved_at: string | null;
}

export interface SessionRow {
  id: string;
  client_id: string;
  number: number;
  /** `YYYY-MM-DD`, as the clinician picked it. */
  date: string;
  /** `HH:MM` local time, as the clinician picked it. */
  time: string | null;
  duration_minutes: number | null;
  attendance: 'attended' | 'cancelled' | 'did-not-attend';
  modality: 'in-person' | 'video' | 'phone';
  /** The clinician's private notes: never on anything made for the client. */
  notes: string | null;
  /** What the client takes away, in their words (for the handout). */
  takeaways: string | null;
  stage: 'review' | 'measures' | 'notes' | 'homework' | 'finish';
  /** UTC ISO-8601; null while the session is under way. */
  finished_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HomeworkReviewRow {
  id: string;
  session_id: string;
  assignment_id: string;
  completion: 'full' | 'partial' | 'not-done' | 'not-attempted' | null;
  amount_done: number | null;
  amount_expected: number | null;
  quality: number | null;
  understood: 'yes' | 'partly' | 'no' | null;
  rationale_belief: number | null;
  /** JSON array of obstacle codes. */
  obstacles: string;
  obstacle_other: string | null;
  learning: string | null;
  plan: 'continue' | 'modify' | 'replace' | 'completed' | 'discontinued' | null;
  plan_note: string | null;
  next_assignment_id: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

/** A filled PDF that came back: its hash recognises the same file twice. */
export interface PdfImportRow {
  id: string;
  client_id: string;
  assignment_id: string;
  file_sha256: string;
  records: number;
  imported_at: string;
}

export interface PracticeRecordRow {
  id: string;
  assignment_id: string;
  client_id: string;
  worksheet_version_id: string;
  /** `YYYY-MM-DD` */
  practiced_on: string;
  /** `HH:MM` local */
  practiced_time: string | null;
  source: 'paper' | 'pdf' | 'session';
  duration_minutes: number | null;
  ladder_step: number | null;
  note: string | null;
  /** JSON answers, checked against the worksheet version's definition before they were written. */
  answers: string;
  pdf_import_id: string | null;
  /** Set by delete; only the most recent delete can be undone, older ones are purged. */
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An idiographic problem in the client's own words (up to three active, ordered). */
export interface MeasureProblemRow {
  id: string;
  client_id: string;
  text: string;
  /** 1..3 */
  position: number;
  /** Set when replaced or removed; results that rated it still point here. */
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One administration of an outcome measure (shared/measures). */
export interface MeasureResultRow {
  id: string;
  client_id: string;
  session_id: string | null;
  measure: 'phq9' | 'gad7' | 'pcl5' | 'idiographic';
  /** `YYYY-MM-DD` */
  administered_on: string;
  /** JSON array in item order; null = left blank. */
  answers: string;
  /** Idiographic: JSON array of measure_problem ids aligned with answers; null otherwise. */
  problem_ids: string | null;
  /** Null when incomplete, and always for the idiographic measure. */
  total: number | null;
  /** PHQ-9 item 9 as answered; null for other measures or when blank. */
  item9: number | null;
  source: 'paper' | 'client-mode' | 'pdf';
  item9_ack_note: string | null;
  item9_ack_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A life event on the client's time line (shown on charts). */
export interface LifeEventRow {
  id: string;
  client_id: string;
  /** `YYYY-MM-DD` */
  date: string;
  note: string;
  created_at: string;
}

/** The clinician's Jacobson–Truax parameters for a measure (absent: the built-in default). */
export interface MeasureSettingRow {
  measure: 'phq9' | 'gad7' | 'pcl5';
  rci_sd: number;
  rci_r: number;
  updated_at: string;
}

/** A worksheet saved as a draft (migration 008): a new worksheet, or changes to one in the library. */
export interface WorksheetDraftRow {
  id: string;
  /** The worksheet these are changes to; null for a new worksheet. */
  worksheet_id: string | null;
  /** The version the changes started from (set with worksheet_id). */
  base_version: number | null;
  /** JSON, checked by the shared worksheet draft schema before it was written. */
  definition: string;
  created_at: string;
  updated_at: string;
}

/** Every table of the latest schema and its row. */
export interface Tables {
  meta: MetaRow;
  audit_event: AuditEventRow;
  client: ClientRow;
  goal: GoalRow;
  worksheet: WorksheetRow;
  worksheet_version: WorksheetVersionRow;
  assignment: AssignmentRow;
  session: SessionRow;
  homework_review: HomeworkReviewRow;
  pdf_import: PdfImportRow;
  practice_record: PracticeRecordRow;
  draft: DraftRow;
  measure_problem: MeasureProblemRow;
  measure_result: MeasureResultRow;
  life_event: LifeEventRow;
  measure_setting: MeasureSettingRow;
  worksheet_draft: WorksheetDraftRow;
}

export type TableName = keyof Tables;

/** The columns of every table, in the order the migrations create them. */
export const COLUMNS = {
  meta: ['key', 'value'],
  audit_event: ['id', 'at', 'action', 'entity', 'entity_id', 'detail', 'prev_hash', 'hash'],
  client: [
    'id',
    'name',
    'preferred_name',
    'date_of_birth',
    'pronouns',
    'preferred_language',
    'presenting_concerns',
    'start_date',
    'status',
    'created_at',
    'updated_at',
  ],
  goal: ['id', 'client_id', 'title', 'description', 'status', 'target_date', 'position', 'created_at', 'updated_at'],
  worksheet: ['id', 'builtin_key', 'current_version', 'archived', 'derived_from', 'created_at', 'updated_at'],
  worksheet_version: ['id', 'worksheet_id', 'version', 'definition', 'created_at'],
  assignment: [
    'id',
    'client_id',
    'worksheet_version_id',
    'goal_id',
    'personal_instructions',
    'agreed_rationale',
    'frequency',
    'start_date',
    'due_date',
    'step_current',
    'step_total',
    'phase',
    'status',
    'created_at',
    'updated_at',
    'follows_id',
    'ended_reason',
    'ended_at',
    'prefill',
    'moved_at',
  ],
  session: [
    'id',
    'client_id',
    'number',
    'date',
    'time',
    'duration_minutes',
    'attendance',
    'modality',
    'notes',
    'takeaways',
    'stage',
    'finished_at',
    'created_at',
    'updated_at',
  ],
  homework_review: [
    'id',
    'session_id',
    'assignment_id',
    'completion',
    'amount_done',
    'amount_expected',
    'quality',
    'understood',
    'rationale_belief',
    'obstacles',
    'obstacle_other',
    'learning',
    'plan',
    'plan_note',
    'next_assignment_id',
    'position',
    'created_at',
    'updated_at',
  ],
  pdf_import: ['id', 'client_id', 'assignment_id', 'file_sha256', 'records', 'imported_at'],
  practice_record: [
    'id',
    'assignment_id',
    'client_id',
    'worksheet_version_id',
    'practiced_on',
    'practiced_time',
    'source',
    'duration_minutes',
    'ladder_step',
    'note',
    'answers',
    'pdf_import_id',
    'deleted_at',
    'created_at',
    'updated_at',
  ],
  draft: ['form_key', 'data', 'saved_at'],
  measure_problem: ['id', 'client_id', 'text', 'position', 'archived_at', 'created_at', 'updated_at'],
  measure_result: [
    'id',
    'client_id',
    'session_id',
    'measure',
    'administered_on',
    'answers',
    'problem_ids',
    'total',
    'item9',
    'source',
    'item9_ack_note',
    'item9_ack_at',
    'created_at',
    'updated_at',
  ],
  life_event: ['id', 'client_id', 'date', 'note', 'created_at'],
  measure_setting: ['measure', 'rci_sd', 'rci_r', 'updated_at'],
  worksheet_draft: ['id', 'worksheet_id', 'base_version', 'definition', 'created_at', 'updated_at'],
} as const satisfies { [T in TableName]: readonly (keyof Tables[T])[] };

// The lists name every column of their interface, and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const columnsMatchRows: { [T in TableName]: Same<(typeof COLUMNS)[T][number], keyof Tables[T]> } = {
  meta: true,
  audit_event: true,
  client: true,
  goal: true,
  worksheet: true,
  worksheet_version: true,
  assignment: true,
  session: true,
  homework_review: true,
  pdf_import: true,
  practice_record: true,
  draft: true,
  measure_problem: true,
  measure_result: true,
  life_event: true,
  measure_setting: true,
  worksheet_draft: true,
};
void columnsMatchRows;
