import type { Handlers } from '../../../shared/contract';
import type { Client, ClientSummary, Goal } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql, sqlEmpty, sqlFragment } from '../db/sql';
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

/** A client of the list, with their names folded for the search. */
interface ListedClient {
  summary: ClientSummary;
  folded: string[];
}

/**
 * The summaries of the clients of one status (or all), in the list's order: computed once per change of the vault (and per
 * day: overdue and last session depend on today) and kept (`ReadDb.memo`), so opening the client
 * list, switching active/all and searching cost the same at any size of practice history. Each
 * count is one seek in a covering partial index (migration 007: assignment_active,
 * session_attended), so even a fresh computation does not grow with the records.
 */
function listedClients(core: CoreContext, status: 'active' | 'archived' | 'all'): ListedClient[] {
  const today = todayIso(core);
  const db = core.read;
  const which = status === 'all' ? sqlEmpty : sqlFragment`WHERE c.status = ${status}`;
  return db.memo(`clients.list.${status}`, today, () =>
    db
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
        summary: {
          id: r.id,
          name: r.name,
          preferredName: r.preferred_name,
          status: r.status,
          startDate: r.start_date,
          dateOfBirth: r.date_of_birth,
          activeAssignments: r.active_count,
          overdueAssignments: r.overdue_count,
          lastSessionDate: r.last_session,
        },
        folded: [r.name, r.preferred_name].filter((t): t is string => !!t).map(foldForSearch),
      })),
  );
}

function listClients(core: CoreContext, search: string | undefined, status: 'active' | 'archived' | 'all'): ClientSummary[] {
  // Filtered here — accents and case folded as people expect (`matchesSearch`'s rule: every word
  // of the search in the name or the preferred name).
  const words = foldForSearch(search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const out: ClientSummary[] = [];
  for (const c of listedClients(core, status)) {
    if (words.length > 0 && !words.every((w) => c.folded.some((h) => h.includes(w)))) continue;
    out.push({ ...c.summary });
  }
  return out;
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
