import type { z } from 'zod';
import type { Handlers } from '../../../shared/contract';
import { addDays, daysBetween } from '../../../shared/dates';
import {
  DUE_SOON_DAYS,
  type Assignment,
  type AssignmentDetail,
  type AssignmentState,
  type assignmentFieldsSchema,
} from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { Frequency, Phase } from '../../../shared/worksheet';
import type { Core } from '../core';
import type { Db } from '../vault/vault';
import { checkGoalOfClient, requireClient } from './clients';
import { newId } from '../util/ids';
import { nowIso, todayIso } from '../util/clock';
import { readDefinition, requireWorksheet } from './library';

type AssignmentFields = z.output<typeof assignmentFieldsSchema>;
type Status = 'active' | 'completed' | 'discontinued';

export const ASSIGNMENT_NOT_FOUND = 'That assignment could not be found.';
export const CLIENT_ARCHIVED =
  'This client is archived, so new homework cannot be assigned. Restore the client first, then assign the worksheet.';

interface AssignmentRow {
  id: string;
  client_id: string;
  worksheet_version_id: string;
  goal_id: string | null;
  personal_instructions: string | null;
  agreed_rationale: string | null;
  frequency: string;
  start_date: string;
  due_date: string | null;
  step_current: number | null;
  step_total: number | null;
  phase: Phase;
  status: Status;
  created_at: string;
  updated_at: string;
  worksheet_id: string;
  worksheet_version: number;
  current_version: number;
  definition: string;
  goal_title: string | null;
}

const SELECT_SQL = `
  SELECT a.*, v.worksheet_id, v.version AS worksheet_version, v.definition, w.current_version, g.title AS goal_title
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

function toAssignment(r: AssignmentRow, today: string): Assignment & { definition: ReturnType<typeof readDefinition> } {
  const def = readDefinition(r.definition);
  return {
    id: r.id,
    clientId: r.client_id,
    worksheetId: r.worksheet_id,
    worksheetVersionId: r.worksheet_version_id,
    worksheetVersion: r.worksheet_version,
    newerVersionAvailable: r.current_version > r.worksheet_version,
    title: def.title,
    category: def.category,
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
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    definition: def,
  };
}

function withoutDefinition(a: ReturnType<typeof toAssignment>): Assignment {
  const { definition: _definition, ...rest } = a;
  return rest;
}

function requireRow(db: Db, id: string): AssignmentRow {
  const row = db.prepare(`${SELECT_SQL} WHERE a.id = ?`).get(id) as AssignmentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', ASSIGNMENT_NOT_FOUND);
  return row;
}

const read = (core: Core, db: Db, id: string): Assignment => withoutDefinition(toAssignment(requireRow(db, id), todayIso(core)));

/** The tailoring columns, in the order of TAILORING_SQL. */
const tailoring = (f: AssignmentFields) => [
  f.goalId,
  f.personalInstructions,
  f.agreedRationale,
  JSON.stringify(f.frequency),
  f.startDate,
  f.dueDate,
  f.step?.current ?? null,
  f.step?.total ?? null,
  f.phase,
];

/** Which version to assign: the one asked for (it must be of this worksheet) or the current one. */
function versionToAssign(db: Db, w: { id: string; current_version: number }, versionId: string | undefined): string {
  if (versionId === undefined) {
    return (
      db.prepare('SELECT id FROM worksheet_version WHERE worksheet_id = ? AND version = ?').get(w.id, w.current_version) as {
        id: string;
      }
    ).id;
  }
  const v = db.prepare('SELECT id FROM worksheet_version WHERE id = ? AND worksheet_id = ?').get(versionId, w.id);
  if (!v) {
    const message = 'That version does not belong to the chosen worksheet. Please choose the worksheet again.';
    throw new AppError('VALIDATION', message, { worksheetVersionId: message });
  }
  return versionId;
}

export const assignmentsHandlers: Handlers<Core>['assignments'] = {
  list: ({ clientId }, core) => {
    const db = core.db;
    requireClient(db, clientId);
    const today = todayIso(core);
    // Newest first within each state; the insertion order (rowid) breaks ties of the same instant.
    const rows = db
      .prepare(`${SELECT_SQL} WHERE a.client_id = ? ORDER BY a.created_at DESC, a.rowid DESC`)
      .all(clientId) as AssignmentRow[];
    return rows
      .map((r) => withoutDefinition(toAssignment(r, today)))
      .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state)); // stable: keeps the SQL order within a state
  },

  attention: (_input, core) => {
    const today = todayIso(core);
    const rows = core.db
      .prepare(
        `${SELECT_SQL} JOIN client c ON c.id = a.client_id
          WHERE a.status = 'active' AND c.status = 'active' AND a.due_date IS NOT NULL AND a.due_date <= ?
          ORDER BY a.due_date, a.created_at`,
      )
      .all(addDays(today, DUE_SOON_DAYS)) as AssignmentRow[];
    const names = new Map<string, { name: string; preferred: string | null }>();
    return rows.map((r) => {
      let n = names.get(r.client_id);
      if (!n) {
        const c = requireClient(core.db, r.client_id);
        names.set(r.client_id, (n = { name: c.name, preferred: c.preferred_name }));
      }
      return { ...withoutDefinition(toAssignment(r, today)), clientName: n.name, clientPreferredName: n.preferred };
    });
  },

  get: ({ id }, core): AssignmentDetail => {
    const db = core.db;
    const a = toAssignment(requireRow(db, id), todayIso(core));
    return { ...a, clientName: requireClient(db, a.clientId).name };
  },

  create: (input, core) =>
    core.write((db) => {
      const client = requireClient(db, input.clientId);
      if (client.status !== 'active') throw new AppError('CONFLICT', CLIENT_ARCHIVED);
      const w = requireWorksheet(db, input.worksheetId);
      if (w.archived === 1) {
        throw new AppError('CONFLICT', 'This worksheet is archived. Restore it in the library before assigning it.');
      }
      const versionId = versionToAssign(db, w, input.worksheetVersionId);
      checkGoalOfClient(db, input.goalId, input.clientId);
      const id = newId();
      const at = nowIso(core);
      db.prepare(
        `INSERT INTO assignment (id, client_id, worksheet_version_id,
                                 goal_id, personal_instructions, agreed_rationale, frequency, start_date, due_date,
                                 step_current, step_total, phase,
                                 status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      ).run(id, input.clientId, versionId, ...tailoring(input), at, at);
      core.audit('created', 'assignment', id);
      return read(core, db, id);
    }),

  update: (input, core) =>
    core.write((db) => {
      const row = requireRow(db, input.id);
      checkGoalOfClient(db, input.goalId, row.client_id);
      // Only the tailoring changes: the assigned worksheet version stays as it is.
      db.prepare(
        `UPDATE assignment SET goal_id = ?, personal_instructions = ?, agreed_rationale = ?, frequency = ?, start_date = ?, due_date = ?,
                               step_current = ?, step_total = ?, phase = ?, updated_at = ?
          WHERE id = ?`,
      ).run(...tailoring(input), nowIso(core), input.id);
      core.audit('changed', 'assignment', input.id);
      return read(core, db, input.id);
    }),

  setStatus: ({ id, status }, core) =>
    core.write((db) => {
      const row = requireRow(db, id);
      if (row.status !== status) {
        db.prepare('UPDATE assignment SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(core), id);
        core.audit('changed', 'assignment', id, `status ${status}`);
      }
      return read(core, db, id);
    }),
};
