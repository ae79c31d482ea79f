import type { Handlers } from '../../../shared/contract';
import type { Client, ClientSummary, Goal } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql, sqlEmpty, sqlFragment, sqlJoin, type SqlFragment } from '../db/sql';
import type { ClientRow, GoalRow } from '../db/tables';
import { newId } from '../util/ids';
import { nowIso, todayIso } from '../util/clock';
import { compareText, foldForSearch } from '../util/text';

export const CLIENT_NOT_FOUND = 'That client could not be found.';
export const GOAL_NOT_FOUND = 'That goal could not be found.';

/** A client row as the contract's client (also the export's, which is complete). */
export const toClient = (r: ClientRow): Client => ({
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
export function requireClient(db: ReadDb, id: string): ClientRow {
  const row = db.get(sql<ClientRow>`SELECT * FROM client WHERE id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', CLIENT_NOT_FOUND);
  return row;
}

export function requireGoal(db: ReadDb, id: string): GoalRow {
  const row = db.get(sql<GoalRow>`SELECT * FROM goal WHERE id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', GOAL_NOT_FOUND);
  return row;
}

/**
 * Checks that a goal chosen for an assignment is one of this client's goals. A goal of another
 * client (or none at all) is a VALIDATION error on the `goalId` field.
 */
export function checkGoalOfClient(db: ReadDb, goalId: string | null, clientId: string): void {
  if (goalId === null) return;
  const owner = db.pluck(sql<Pick<GoalRow, 'client_id'>>`SELECT client_id FROM goal WHERE id = ${goalId}`);
  if (owner !== clientId) {
    const message = 'Please choose one of this client’s own goals, or no goal.';
    throw new AppError('VALIDATION', message, { goalId: message });
  }
}

function goalsOf(db: ReadDb, clientId: string): Goal[] {
  return db.all(sql<GoalRow>`SELECT * FROM goal WHERE client_id = ${clientId} ORDER BY position, created_at, id`).map(toGoal);
}

/** A client with their goals, or NOT_FOUND. */
export function clientDetail(db: ReadDb, id: string): Client & { goals: Goal[] } {
  return { ...toClient(requireClient(db, id)), goals: goalsOf(db, id) };
}

type ClientSummaryRow = Pick<ClientRow, 'id' | 'name' | 'preferred_name' | 'status' | 'start_date' | 'date_of_birth'> & {
  active_count: number;
  overdue_count: number;
  last_session: string | null;
};

type ListStatus = 'active' | 'archived' | 'all';

/**
 * The summaries of the clients a condition picks, in the list's order. Each count is one seek in
 * a covering partial index (migration 007: assignment_active, session_attended), so this does not
 * grow with the records.
 */
function summaries(core: CoreContext, which: SqlFragment): ClientSummary[] {
  const today = todayIso(core);
  return core.read
    .all(
      sql<ClientSummaryRow>`
        SELECT c.id, c.name, c.preferred_name, c.status, c.start_date, c.date_of_birth,
               (SELECT count(*) FROM assignment a WHERE a.client_id = c.id AND a.status = 'active') AS active_count,
               (SELECT count(*) FROM assignment a
                 WHERE a.client_id = c.id AND a.status = 'active' AND a.due_date < ${today}) AS overdue_count,
               (SELECT max(s.date) FROM session s
                 WHERE s.client_id = c.id AND s.attendance = 'attended' AND s.date <= ${today}) AS last_session
          FROM client c
          ${which}`,
    )
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))
    .map((r) => ({
      id: r.id,
      name: r.name,
      preferredName: r.preferred_name,
      status: r.status,
      startDate: r.start_date,
      dateOfBirth: r.date_of_birth,
      activeAssignments: r.active_count,
      overdueAssignments: r.overdue_count,
      lastSessionDate: r.last_session,
    }));
}

const ofStatus = (status: ListStatus): SqlFragment => (status === 'all' ? sqlEmpty : sqlFragment`WHERE c.status = ${status}`);

function listClients(core: CoreContext, search: string | undefined, status: ListStatus): ClientSummary[] {
  const db = core.read;
  const words = foldForSearch(search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  // The list: computed once per change of the vault (and per day: overdue and last session depend
  // on today) and kept (`ReadDb.memo`), so opening the client list and switching active/all cost
  // next to nothing until something changes. Each caller gets its own rows.
  if (words.length === 0) {
    return db.memo(`clients.list.${status}`, todayIso(core), () => summaries(core, ofStatus(status))).map((c) => ({ ...c }));
  }
  // A search: the names, folded once per change of the vault — accents and case folded as people
  // expect (`matchesSearch`'s rule: every word in the name or the preferred name) — then the
  // counts of the clients that match only.
  const names = db.memo(`clients.names.${status}`, '', () =>
    db
      .all(
        sql<
          Pick<ClientRow, 'id' | 'name' | 'preferred_name'>
        >`SELECT c.id, c.name, c.preferred_name FROM client c ${ofStatus(status)}`,
      )
      .map((r) => ({ id: r.id, folded: [r.name, r.preferred_name].filter((t): t is string => !!t).map(foldForSearch) })),
  );
  const ids = names.filter((c) => words.every((w) => c.folded.some((h) => h.includes(w)))).map((c) => c.id);
  if (ids.length === 0) return [];
  return summaries(core, sqlFragment`WHERE c.id IN (${sqlJoin(ids)})`);
}

function setClientStatus(core: CoreContext, id: string, status: 'active' | 'archived'): Client {
  const action = status === 'archived' ? 'archived' : 'restored';
  return core.write({ action, entity: 'client', entityId: id }, (w) => {
    const row = requireClient(w, id);
    if (row.status === status) {
      throw new AppError(
        'CONFLICT',
        status === 'archived'
          ? 'This client is already archived.'
          : 'This client is not archived, so there is nothing to restore.',
      );
    }
    w.run(sql`UPDATE client SET status = ${status}, updated_at = ${nowIso(core)} WHERE id = ${id}`);
    return toClient(requireClient(w, id));
  });
}

/** The client channels; deleting and retention are in erasure.ts. */
export const clientsHandlers: Omit<Handlers<CoreContext>['clients'], 'delete' | 'pastRetention'> = {
  list: (input, core) => listClients(core, input?.search, input?.status ?? 'active'),

  get: ({ id }, core) => clientDetail(core.read, id),

  create: (c, core) => {
    const id = newId();
    const at = nowIso(core);
    return core.write({ action: 'created', entity: 'client', entityId: id }, (w) => {
      w.run(sql`
        INSERT INTO client (id, name, preferred_name, date_of_birth, pronouns, preferred_language, presenting_concerns,
                            start_date, status, created_at, updated_at)
        VALUES (${id}, ${c.name}, ${c.preferredName}, ${c.dateOfBirth}, ${c.pronouns}, ${c.preferredLanguage}, ${c.presentingConcerns},
                ${c.startDate}, 'active', ${at}, ${at})`);
      return toClient(requireClient(w, id));
    });
  },

  update: ({ id, client: c }, core) =>
    core.write({ action: 'changed', entity: 'client', entityId: id }, (w) => {
      requireClient(w, id);
      w.run(sql`
        UPDATE client
           SET name = ${c.name}, preferred_name = ${c.preferredName}, date_of_birth = ${c.dateOfBirth}, pronouns = ${c.pronouns},
               preferred_language = ${c.preferredLanguage}, presenting_concerns = ${c.presentingConcerns},
               start_date = ${c.startDate}, updated_at = ${nowIso(core)}
         WHERE id = ${id}`);
      return toClient(requireClient(w, id));
    }),

  archive: ({ id }, core) => setClientStatus(core, id, 'archived'),

  restore: ({ id }, core) => setClientStatus(core, id, 'active'),
};

export const goalsHandlers: Omit<Handlers<CoreContext>['goals'], 'delete'> = {
  list: ({ clientId }, core) => {
    requireClient(core.read, clientId);
    return goalsOf(core.read, clientId);
  },

  create: ({ clientId, goal: g }, core) => {
    const id = newId();
    const at = nowIso(core);
    return core.write({ action: 'created', entity: 'goal', entityId: id }, (w) => {
      requireClient(w, clientId);
      const position = w.pluck(
        sql<{ next: number }>`SELECT coalesce(max(position), 0) + 1 AS next FROM goal WHERE client_id = ${clientId}`,
      )!;
      w.run(sql`
        INSERT INTO goal (id, client_id, title, description, status, target_date, position, created_at, updated_at)
        VALUES (${id}, ${clientId}, ${g.title}, ${g.description}, ${g.status}, ${g.targetDate}, ${position}, ${at}, ${at})`);
      return toGoal(requireGoal(w, id));
    });
  },

  update: ({ id, goal: g }, core) =>
    core.write({ action: 'changed', entity: 'goal', entityId: id }, (w) => {
      requireGoal(w, id);
      w.run(sql`
        UPDATE goal
           SET title = ${g.title}, description = ${g.description}, status = ${g.status}, target_date = ${g.targetDate},
               updated_at = ${nowIso(core)}
         WHERE id = ${id}`);
      return toGoal(requireGoal(w, id));
    }),
};
