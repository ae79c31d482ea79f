import type { z } from 'zod';
import type { Handlers } from '../../../shared/contract';
import type { Client, ClientSummary, Goal, clientInputSchema, goalInputSchema } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { Core } from '../core';
import type { Db } from '../vault/vault';
import { newId } from '../util/ids';
import { nowIso, todayIso } from '../util/clock';
import { compareText, matchesSearch } from '../util/text';

type ClientFields = z.output<typeof clientInputSchema>;
type GoalFields = z.output<typeof goalInputSchema>;

export const CLIENT_NOT_FOUND = 'That client could not be found.';
export const GOAL_NOT_FOUND = 'That goal could not be found.';

interface ClientRow {
  id: string;
  name: string;
  preferred_name: string | null;
  date_of_birth: string | null;
  pronouns: string | null;
  preferred_language: string | null;
  presenting_concerns: string | null;
  start_date: string;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}

interface GoalRow {
  id: string;
  client_id: string;
  title: string;
  description: string | null;
  status: 'active' | 'met' | 'dropped';
  target_date: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

const toClient = (r: ClientRow): Client => ({
  id: r.id,
  name: r.name,
  preferredName: r.preferred_name,
  dateOfBirth: r.date_of_birth,
  pronouns: r.pronouns,
  preferredLanguage: r.preferred_language,
  presentingConcerns: r.presenting_concerns,
  startDate: r.start_date,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toGoal = (r: GoalRow): Goal => ({
  id: r.id,
  clientId: r.client_id,
  title: r.title,
  description: r.description,
  status: r.status,
  targetDate: r.target_date,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The client row, or NOT_FOUND. Used by the other services too. */
export function requireClient(db: Db, id: string): ClientRow {
  const row = db.prepare('SELECT * FROM client WHERE id = ?').get(id) as ClientRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', CLIENT_NOT_FOUND);
  return row;
}

export function requireGoal(db: Db, id: string): GoalRow {
  const row = db.prepare('SELECT * FROM goal WHERE id = ?').get(id) as GoalRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', GOAL_NOT_FOUND);
  return row;
}

/**
 * Checks that a goal chosen for an assignment is one of this client's goals. A goal of another
 * client (or none at all) is a VALIDATION error on the `goalId` field.
 */
export function checkGoalOfClient(db: Db, goalId: string | null, clientId: string): void {
  if (goalId === null) return;
  const row = db.prepare('SELECT client_id FROM goal WHERE id = ?').get(goalId) as { client_id: string } | undefined;
  if (!row || row.client_id !== clientId) {
    const message = 'Please choose one of this client’s own goals, or no goal.';
    throw new AppError('VALIDATION', message, { goalId: message });
  }
}

function goalsOf(db: Db, clientId: string): Goal[] {
  return (db.prepare('SELECT * FROM goal WHERE client_id = ? ORDER BY position, created_at, id').all(clientId) as GoalRow[]).map(
    toGoal,
  );
}

function listClients(core: Core, search: string | undefined, status: 'active' | 'archived' | 'all'): ClientSummary[] {
  const rows = core.db
    .prepare(
      `SELECT c.id, c.name, c.preferred_name, c.status, c.start_date,
              (SELECT count(*) FROM assignment a WHERE a.client_id = c.id AND a.status = 'active') AS active_count,
              (SELECT count(*) FROM assignment a
                WHERE a.client_id = c.id AND a.status = 'active' AND a.due_date IS NOT NULL AND a.due_date < ?) AS overdue_count
         FROM client c
        WHERE (? = 'all' OR c.status = ?)`,
    )
    .all(todayIso(core), status, status) as (Pick<ClientRow, 'id' | 'name' | 'preferred_name' | 'status' | 'start_date'> & {
    active_count: number;
    overdue_count: number;
  })[];
  return rows
    .filter((r) => matchesSearch(search, r.name, r.preferred_name))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))
    .map((r) => ({
      id: r.id,
      name: r.name,
      preferredName: r.preferred_name,
      status: r.status,
      startDate: r.start_date,
      activeAssignments: r.active_count,
      overdueAssignments: r.overdue_count,
      lastSessionDate: null,
    }));
}

const clientParams = (c: ClientFields) => [
  c.name,
  c.preferredName,
  c.dateOfBirth,
  c.pronouns,
  c.preferredLanguage,
  c.presentingConcerns,
  c.startDate,
];

function setClientStatus(core: Core, id: string, status: 'active' | 'archived'): Client {
  return core.write((db) => {
    const row = requireClient(db, id);
    if (row.status === status) {
      throw new AppError(
        'CONFLICT',
        status === 'archived'
          ? 'This client is already archived.'
          : 'This client is not archived, so there is nothing to restore.',
      );
    }
    db.prepare('UPDATE client SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(core), id);
    core.audit(status === 'archived' ? 'archived' : 'restored', 'client', id);
    return toClient(requireClient(db, id));
  });
}

export const clientsHandlers: Handlers<Core>['clients'] = {
  list: (input, core) => listClients(core, input?.search, input?.status ?? 'active'),

  get: ({ id }, core) => {
    const db = core.db;
    return { ...toClient(requireClient(db, id)), goals: goalsOf(db, id) };
  },

  create: (client, core) =>
    core.write((db) => {
      const id = newId();
      const at = nowIso(core);
      db.prepare(
        `INSERT INTO client (id, name, preferred_name, date_of_birth, pronouns, preferred_language, presenting_concerns, start_date,
                             status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      ).run(id, ...clientParams(client), at, at);
      core.audit('created', 'client', id);
      return toClient(requireClient(db, id));
    }),

  update: ({ id, client }, core) =>
    core.write((db) => {
      requireClient(db, id);
      db.prepare(
        `UPDATE client SET name = ?, preferred_name = ?, date_of_birth = ?, pronouns = ?, preferred_language = ?,
                           presenting_concerns = ?, start_date = ?, updated_at = ?
          WHERE id = ?`,
      ).run(...clientParams(client), nowIso(core), id);
      core.audit('changed', 'client', id);
      return toClient(requireClient(db, id));
    }),

  archive: ({ id }, core) => setClientStatus(core, id, 'archived'),

  restore: ({ id }, core) => setClientStatus(core, id, 'active'),
};

const goalParams = (g: GoalFields) => [g.title, g.description, g.status, g.targetDate];

export const goalsHandlers: Handlers<Core>['goals'] = {
  list: ({ clientId }, core) => {
    requireClient(core.db, clientId);
    return goalsOf(core.db, clientId);
  },

  create: ({ clientId, goal }, core) =>
    core.write((db) => {
      requireClient(db, clientId);
      const id = newId();
      const at = nowIso(core);
      const { next } = db
        .prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM goal WHERE client_id = ?')
        .get(clientId) as {
        next: number;
      };
      db.prepare(
        `INSERT INTO goal (id, client_id, title, description, status, target_date, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, clientId, ...goalParams(goal), next, at, at);
      core.audit('created', 'goal', id);
      return toGoal(requireGoal(db, id));
    }),

  update: ({ id, goal }, core) =>
    core.write((db) => {
      requireGoal(db, id);
      db.prepare('UPDATE goal SET title = ?, description = ?, status = ?, target_date = ?, updated_at = ? WHERE id = ?').run(
        ...goalParams(goal),
        nowIso(core),
        id,
      );
      core.audit('changed', 'goal', id);
      return toGoal(requireGoal(db, id));
    }),
};
