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
}

export type TableName = keyof Tables;

/** The columns of every table, in the order the migrations create them. */
export const COLUMNS = {
  meta: ['key', 'value'],
  audit_event: ['id', 'at', 'action', 'entity', 'entity_id', 'detail'],
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
  ],
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
};
void columnsMatchRows;
