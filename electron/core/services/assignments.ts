import type { z } from 'zod';
import type { Handlers } from '../../../shared/contract';
import { daysBetween } from '../../../shared/dates';
import {
  DUE_SOON_DAYS,
  type Assignment,
  type AssignmentDetail,
  type AssignmentState,
  type assignmentFieldsSchema,
} from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import {
  carryPrefill,
  checkPrefill,
  isEmptyPrefill,
  type Frequency,
  type Prefill,
  type WorksheetDefinition,
} from '../../../shared/worksheet';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql, sqlFragment } from '../db/sql';
import type { AssignmentRow, GoalRow, WorksheetRow, WorksheetVersionRow } from '../db/tables';
import { checkGoalOfClient, requireClient } from './clients';
import { newId } from '../util/ids';
import { nowIso, todayIso } from '../util/clock';
import { readDefinition, requireAssignableWorksheet, requireWorksheet, versionHead, type VersionHead } from './library';

type AssignmentFields = z.output<typeof assignmentFieldsSchema>;
type Status = AssignmentRow['status'];

export const ASSIGNMENT_NOT_FOUND = 'That assignment could not be found.';
export const CLIENT_ARCHIVED =
  'This client is archived, so new homework cannot be assigned. Restore the client first, then assign the worksheet.';

/** An assignment with its worksheet version and goal, as `SELECT_ASSIGNMENT` reads it. */
type AssignmentReadRow = AssignmentRow &
  Pick<WorksheetVersionRow, 'worksheet_id'> &
  Pick<WorksheetRow, 'current_version'> & {
    worksheet_version: WorksheetVersionRow['version'];
    goal_title: GoalRow['title'] | null;
  };

const SELECT_ASSIGNMENT = sqlFragment`
  SELECT a.*, v.worksheet_id, v.version AS worksheet_version, w.current_version, g.title AS goal_title
    FROM assignment a
    JOIN worksheet_version v ON v.id = a.worksheet_version_id
    JOIN worksheet w ON w.id = v.worksheet_id
    LEFT JOIN goal g ON g.id = a.goal_id`;

/** Order on the client page: what needs attention first. */
const STATE_ORDER: readonly AssignmentState[] = ['overdue', 'due-soon', 'active', 'completed', 'discontinued'];

/** The status refined by the due date, as of `today` (a local calendar date). */
export function assignmentState(status: Status, dueDate: string | null, today: string): AssignmentState {
  if (status !== 'active' || !dueDate) return status;
  if (dueDate < today) return 'overdue';
  if (daysBetween(today, dueDate) <= DUE_SOON_DAYS) return 'due-soon';
  return 'active';
}

/** An assignment row as the contract's assignment; its worksheet's title and category from `head`. */
function toAssignment(r: AssignmentReadRow, today: string, head: VersionHead): Assignment {
  return {
    id: r.id,
    clientId: r.client_id,
    worksheetId: r.worksheet_id,
    worksheetVersionId: r.worksheet_version_id,
    worksheetVersion: r.worksheet_version,
    newerVersionAvailable: r.current_version > r.worksheet_version,
    title: head.title,
    category: head.category,
    goalId: r.goal_id,
    goalTitle: r.goal_title,
    personalInstructions: r.personal_instructions,
    agreedRationale: r.agreed_rationale,
    frequency: JSON.parse(r.frequency) as Frequency,
    startDate: r.start_date,
    dueDate: r.due_date,
    step: r.step_current !== null && r.step_total !== null ? { current: r.step_current, total: r.step_total } : null,
    phase: r.phase,
    status: r.status,
    state: assignmentState(r.status, r.due_date, today),
    followsId: r.follows_id,
    endedReason: r.ended_reason,
    endedAt: r.ended_at,
    prefill: r.prefill ? (JSON.parse(r.prefill) as Prefill) : null,
    movedAt: r.moved_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Rows as assignments, each worksheet version's head read once (versionHead). */
const toAssignments = (core: CoreContext, db: ReadDb, rows: AssignmentReadRow[], today: string): Assignment[] =>
  rows.map((r) => toAssignment(r, today, versionHead(core, db, r.worksheet_version_id)));

function requireRow(db: ReadDb, id: string): AssignmentReadRow {
  const row = db.get(sql<AssignmentReadRow>`${SELECT_ASSIGNMENT} WHERE a.id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', ASSIGNMENT_NOT_FOUND);
  return row;
}

const read = (core: CoreContext, db: ReadDb, id: string): Assignment =>
  toAssignments(core, db, [requireRow(db, id)], todayIso(core))[0]!;

/** One assignment read through the given handle (inside a write, its own changes show). */
export const readAssignment = read;

/** The current version's id of a worksheet (for a replacement assignment). */
export function currentVersionId(db: ReadDb, worksheetId: string): string {
  return versionToAssign(db, requireWorksheet(db, worksheetId), undefined);
}

/** The columns a clinician tailors, named as the assignment table names them. */
type Tailoring = Pick<
  AssignmentRow,
  | 'goal_id'
  | 'personal_instructions'
  | 'agreed_rationale'
  | 'frequency'
  | 'start_date'
  | 'due_date'
  | 'step_current'
  | 'step_total'
  | 'phase'
>;

export const tailoring = (f: AssignmentFields): Tailoring => ({
  goal_id: f.goalId,
  personal_instructions: f.personalInstructions,
  agreed_rationale: f.agreedRationale,
  frequency: JSON.stringify(f.frequency),
  start_date: f.startDate,
  due_date: f.dueDate,
  step_current: f.step?.current ?? null,
  step_total: f.step?.total ?? null,
  phase: f.phase,
});

/**
 * A pre-fill as stored: checked against the worksheet version it fills in (every message keyed
 * `prefill.<partId>`, so the form shows it by the part); null when nothing is filled in.
 */
export function storedPrefill(def: WorksheetDefinition, prefill: Prefill | null | undefined): string | null {
  if (!prefill || isEmptyPrefill(prefill)) return null;
  const issues = checkPrefill(def, prefill);
  if (issues.length) {
    const fields = Object.fromEntries(issues.map((i) => [`prefill.${i.blockId}`, i.message]));
    throw new AppError('VALIDATION', issues[0]!.message, fields);
  }
  return JSON.stringify(prefill);
}

function definitionOfVersion(db: ReadDb, versionId: string): WorksheetDefinition {
  const json = db.pluck(
    sql<Pick<WorksheetVersionRow, 'definition'>>`SELECT definition FROM worksheet_version WHERE id = ${versionId}`,
  );
  return readDefinition(json!);
}

/** Which version to assign: the one asked for (it must be of this worksheet) or the current one. */
function versionToAssign(db: ReadDb, w: WorksheetRow, versionId: string | undefined): string {
  if (versionId === undefined) {
    return db.pluck(
      sql<Pick<WorksheetVersionRow, 'id'>>`
        SELECT id FROM worksheet_version WHERE worksheet_id = ${w.id} AND version = ${w.current_version}`,
    )!;
  }
  const v = db.get(
    sql<Pick<WorksheetVersionRow, 'id'>>`SELECT id FROM worksheet_version WHERE id = ${versionId} AND worksheet_id = ${w.id}`,
  );
  if (!v) {
    const message = 'That version does not belong to the chosen worksheet. Please choose the worksheet again.';
    throw new AppError('VALIDATION', message, { worksheetVersionId: message });
  }
  return versionId;
}

/** The assignments of a client, what needs attention first. */
export function listAssignments(core: CoreContext, clientId: string): Assignment[] {
  const db = core.read;
  requireClient(db, clientId);
  const today = todayIso(core);
  // Newest first within each state; the insertion order (rowid) breaks ties of the same instant.
  const rows = db.all(
    sql<AssignmentReadRow>`${SELECT_ASSIGNMENT} WHERE a.client_id = ${clientId} ORDER BY a.created_at DESC, a.rowid DESC`,
  );
  return toAssignments(core, db, rows, today).sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state)); // stable: keeps the SQL order within a state
}

/** One assignment with the worksheet definition it was given and the client's name, or NOT_FOUND. */
export function assignmentDetail(core: CoreContext, id: string): AssignmentDetail {
  const db = core.read;
  const a = read(core, db, id);
  const definition = readDefinition(
    db.pluck(
      sql<Pick<WorksheetVersionRow, 'definition'>>`SELECT definition FROM worksheet_version WHERE id = ${a.worksheetVersionId}`,
    )!,
  );
  return { ...a, definition, clientName: requireClient(db, a.clientId).name };
}

export const assignmentsHandlers: Handlers<CoreContext>['assignments'] = {
  list: ({ clientId }, core) => listAssignments(core, clientId),

  get: ({ id }, core) => assignmentDetail(core, id),

  create: (input, core) => {
    const id = newId();
    const at = nowIso(core);
    return core.write({ action: 'created', entity: 'assignment', entityId: id }, (w) => {
      const client = requireClient(w, input.clientId);
      if (client.status !== 'active') throw new AppError('CONFLICT', CLIENT_ARCHIVED);
      const worksheet = requireAssignableWorksheet(w, input.worksheetId);
      if (worksheet.archived === 1) {
        throw new AppError('CONFLICT', 'This worksheet is archived. Restore it in the library before assigning it.');
      }
      const versionId = versionToAssign(w, worksheet, input.worksheetVersionId);
      checkGoalOfClient(w, input.goalId, input.clientId);
      const t = tailoring(input);
      const prefill = storedPrefill(definitionOfVersion(w, versionId), input.prefill);
      w.run(sql`
        INSERT INTO assignment (id, client_id, worksheet_version_id,
                                goal_id, personal_instructions, agreed_rationale, frequency, start_date, due_date,
                                step_current, step_total, phase,
                                status, created_at, updated_at, prefill)
        VALUES (${id}, ${input.clientId}, ${versionId},
                ${t.goal_id}, ${t.personal_instructions}, ${t.agreed_rationale}, ${t.frequency}, ${t.start_date}, ${t.due_date},
                ${t.step_current}, ${t.step_total}, ${t.phase},
                'active', ${at}, ${at}, ${prefill})`);
      return read(core, w, id);
    });
  },

  update: (input, core) =>
    core.write({ action: 'changed', entity: 'assignment', entityId: input.id }, (w) => {
      const row = requireRow(w, input.id);
      checkGoalOfClient(w, input.goalId, row.client_id);
      // Only the tailoring changes: the assigned worksheet version stays as it is.
      const t = tailoring(input);
      // Left out, what is filled in stays as it is.
      const prefill =
        input.prefill === undefined
          ? row.prefill
          : storedPrefill(definitionOfVersion(w, row.worksheet_version_id), input.prefill);
      w.run(sql`
        UPDATE assignment
           SET goal_id = ${t.goal_id}, personal_instructions = ${t.personal_instructions}, agreed_rationale = ${t.agreed_rationale},
               frequency = ${t.frequency}, start_date = ${t.start_date}, due_date = ${t.due_date},
               step_current = ${t.step_current}, step_total = ${t.step_total}, phase = ${t.phase}, prefill = ${prefill},
               updated_at = ${nowIso(core)}
         WHERE id = ${input.id}`);
      return read(core, w, input.id);
    }),

  moveToLatest: ({ id, toVersionId }, core) => {
    let dropped: string[] = [];
    core.write(
      (to: number) => ({ action: 'changed', entity: 'assignment', entityId: id, detail: `moved to worksheet version ${to}` }),
      (w) => {
        const row = requireRow(w, id);
        if (row.status !== 'active') {
          throw new AppError('CONFLICT', 'This homework has ended, so it stays on the version it was done with.');
        }
        const ws = requireWorksheet(w, row.worksheet_id);
        const latest = w.get(
          sql<Pick<WorksheetVersionRow, 'id' | 'version' | 'definition'>>`
            SELECT id, version, definition FROM worksheet_version WHERE worksheet_id = ${ws.id} AND version = ${ws.current_version}`,
        )!;
        if (latest.id === row.worksheet_version_id) {
          throw new AppError('CONFLICT', 'This homework already uses the newest version of its worksheet.');
        }
        if (latest.id !== toVersionId) {
          throw new AppError(
            'CONFLICT',
            'The worksheet was changed again since you looked at the changes. Nothing was moved: please look at the changes again.',
          );
        }
        let prefill: string | null = null;
        if (row.prefill) {
          const carried = carryPrefill(JSON.parse(row.prefill) as Prefill, readDefinition(latest.definition));
          dropped = carried.dropped;
          prefill = isEmptyPrefill(carried.prefill) ? null : JSON.stringify(carried.prefill);
        }
        const at = nowIso(core);
        w.run(sql`
          UPDATE assignment SET worksheet_version_id = ${latest.id}, prefill = ${prefill}, moved_at = ${at}, updated_at = ${at}
           WHERE id = ${id}`);
        return latest.version;
      },
    );
    return { assignment: read(core, core.read, id), notCarried: dropped };
  },

  setStatus: ({ id, status }, core) => {
    // Setting the status it already has changes nothing and records nothing.
    core.write(
      (changed: boolean) =>
        changed ? { action: 'changed', entity: 'assignment', entityId: id, detail: `status ${status}` } : [],
      (w) => {
        if (requireRow(w, id).status === status) return false;
        const at = nowIso(core);
        const endedAt = status === 'active' ? null : at;
        const endedReason = status === 'active' ? null : status;
        w.run(sql`
          UPDATE assignment SET status = ${status}, ended_at = ${endedAt}, ended_reason = ${endedReason}, updated_at = ${at}
           WHERE id = ${id}`);
        return true;
      },
    );
    return read(core, core.read, id);
  },
};
