import type {
  Handlers,
  TodayAttention,
  TodayClient,
  TodayGroup,
  TodayHomework,
  TodayItem9,
  TodayPage,
  TodaySession,
} from '../../../shared/contract';
import { TODAY_FIRST_ROWS } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import { DUE_SOON_DAYS } from '../../../shared/domain';
import { nameKey } from '../../../shared/names';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql, sqlFragment, type SqlFragment } from '../db/sql';
import type { AssignmentRow, ClientRow, SessionRow } from '../db/tables';
import { todayIso } from '../util/clock';
import { assignmentState } from './assignments';
import { versionHead } from './library';
import { caseloadOf, item9Open } from './measures';

/**
 * Today (issue 12): every group's first rows and its count in one call, and one group paged.
 *
 * The homework groups come from one query over the active homework due by the end of "due soon"
 * (the partial index assignment_due, migration 007): each row is put in its group in SQL — "To
 * review" (fell due since the client's last attended session, not reviewed at a session since),
 * else "Overdue", else "Due in the next few days" — and a window function numbers the rows of each
 * group, so only the first rows leave SQLite with their group's count. Titles come from
 * versionHead (each worksheet version parsed once per open vault), names from one read of the
 * clients (no lookup per row).
 */

type HomeworkGroup = Extract<TodayGroup, 'review' | 'overdue' | 'dueSoon'>;
const HOMEWORK_GROUPS: readonly HomeworkGroup[] = ['review', 'overdue', 'dueSoon'];

type HomeworkRow = Pick<AssignmentRow, 'id' | 'client_id' | 'due_date' | 'worksheet_version_id'> & {
  due_date: string;
  last_session: string | null;
  grp: HomeworkGroup;
};

/**
 * Active homework of active clients due by `soonEnd`, each with its group (`grp`) and its client's
 * last attended session (one seek per active client in session_attended, migration 007).
 */
function homeworkCte(today: string): SqlFragment {
  const soonEnd = addDays(today, DUE_SOON_DAYS);
  return sqlFragment`
    WITH last AS MATERIALIZED (
      SELECT c.id AS client_id,
             (SELECT max(s.date) FROM session s
               WHERE s.client_id = c.id AND s.attendance = 'attended' AND s.date <= ${today}) AS last_session
        FROM client c WHERE c.status = 'active'),
    homework AS MATERIALIZED (
      SELECT a.id, a.client_id, a.due_date, a.created_at, a.worksheet_version_id, l.last_session,
             CASE WHEN a.due_date <= ${today}
                       AND (l.last_session IS NULL OR a.due_date > l.last_session)
                       AND NOT EXISTS (SELECT 1 FROM homework_review r JOIN session rs ON rs.id = r.session_id
                                        WHERE r.assignment_id = a.id AND rs.date >= a.due_date)
                  THEN 'review'
                  WHEN a.due_date < ${today} THEN 'overdue'
                  ELSE 'dueSoon' END AS grp
        FROM assignment a JOIN last l ON l.client_id = a.client_id
       WHERE a.status = 'active' AND a.due_date IS NOT NULL AND a.due_date <= ${soonEnd})`;
}

/** Every client's names, and whether another client shares the name (accents and case aside). */
interface Clients {
  get(id: string): TodayClient;
}

/** nameKey of each name, per open vault (gone with it when it locks): 1,000 names fold once. */
const keys = new WeakMap<object, Map<string, string>>();

function clientsOf(core: CoreContext, db: ReadDb): Clients {
  const vault = core.requireVault();
  let cache = keys.get(vault);
  if (!cache) keys.set(vault, (cache = new Map()));
  const rows = db.all(
    sql<Pick<ClientRow, 'id' | 'name' | 'preferred_name' | 'date_of_birth' | 'start_date'>>`
      SELECT id, name, preferred_name, date_of_birth, start_date FROM client`,
  );
  const byId = new Map<string, (typeof rows)[number] & { key: string }>();
  const counts = new Map<string, number>();
  for (const r of rows) {
    let key = cache.get(r.name);
    if (key === undefined) cache.set(r.name, (key = nameKey(r.name)));
    byId.set(r.id, { ...r, key });
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    get(id) {
      const c = byId.get(id)!;
      return {
        id,
        name: c.name,
        preferredName: c.preferred_name,
        tellApart: (counts.get(c.key) ?? 0) > 1 ? { dateOfBirth: c.date_of_birth, startDate: c.start_date } : null,
      };
    },
  };
}

function toHomework(core: CoreContext, db: ReadDb, clients: Clients, r: HomeworkRow, today: string): TodayHomework {
  return {
    id: r.id,
    client: clients.get(r.client_id),
    title: versionHead(core, db, r.worksheet_version_id).title,
    dueDate: r.due_date,
    state: assignmentState('active', r.due_date, today),
    lastSessionDate: r.grp === 'review' ? r.last_session : null,
  };
}

/** The first `limit` rows of every homework group, with each group's count. */
function homeworkFirst(core: CoreContext, db: ReadDb, clients: Clients, today: string, limit: number) {
  const rows = db.all(
    sql<HomeworkRow & { rn: number; total: number }>`
      ${homeworkCte(today)}
      SELECT * FROM (
        SELECT h.id, h.client_id, h.due_date, h.worksheet_version_id, h.last_session, h.grp,
               row_number() OVER (PARTITION BY h.grp ORDER BY h.due_date, h.created_at, h.id) AS rn,
               count(*) OVER (PARTITION BY h.grp) AS total
          FROM homework h)
       WHERE rn <= ${limit}
       ORDER BY grp, rn`,
  );
  const out = Object.fromEntries(HOMEWORK_GROUPS.map((g) => [g, { total: 0, rows: [] as TodayHomework[] }])) as Record<
    HomeworkGroup,
    { total: number; rows: TodayHomework[] }
  >;
  for (const r of rows) {
    const g = out[r.grp];
    g.total = r.total;
    g.rows.push(toHomework(core, db, clients, r, today));
  }
  return out;
}

function homeworkPage(
  core: CoreContext,
  db: ReadDb,
  clients: Clients,
  today: string,
  group: HomeworkGroup,
  offset: number,
  limit: number,
) {
  const cte = homeworkCte(today);
  const total = db.pluck(sql<{ n: number }>`${cte} SELECT count(*) AS n FROM homework WHERE grp = ${group}`) ?? 0;
  const rows = db.all(
    sql<HomeworkRow>`
      ${cte}
      SELECT h.id, h.client_id, h.due_date, h.worksheet_version_id, h.last_session, h.grp
        FROM homework h WHERE h.grp = ${group}
       ORDER BY h.due_date, h.created_at, h.id
       LIMIT ${limit} OFFSET ${offset}`,
  );
  return { total, rows: rows.map((r) => toHomework(core, db, clients, r, today)) };
}

/** Sessions of active clients left unfinished, oldest first (the partial index session_open). */
function unfinished(db: ReadDb, clients: Clients, offset: number, limit: number) {
  const total =
    db.pluck(
      sql<{ n: number }>`
        SELECT count(*) AS n FROM session s JOIN client c ON c.id = s.client_id
         WHERE s.finished_at IS NULL AND c.status = 'active'`,
    ) ?? 0;
  const rows = db.all(
    sql<Pick<SessionRow, 'id' | 'client_id' | 'number' | 'date'>>`
      SELECT s.id, s.client_id, s.number, s.date FROM session s JOIN client c ON c.id = s.client_id
       WHERE s.finished_at IS NULL AND c.status = 'active'
       ORDER BY s.date, s.time, s.created_at, s.id
       LIMIT ${limit} OFFSET ${offset}`,
  );
  return {
    total,
    rows: rows.map((r): TodaySession => ({ id: r.id, client: clients.get(r.client_id), number: r.number, date: r.date })),
  };
}

/** Who needs attention and why, item 9 aside (it has its own notices): measures' caseload flags. */
function attention(core: CoreContext, clients: Clients): TodayAttention[] {
  return caseloadOf(core)
    .map((e) => ({ client: clients.get(e.clientId), flags: e.flags.filter((f) => f.kind !== 'item9') }))
    .filter((e) => e.flags.length > 0);
}

function item9(db: ReadDb, clients: Clients): TodayItem9[] {
  return item9Open(db).map((o) => ({ ...o, client: clients.get(o.clientId) }));
}

const slice = <T>(all: readonly T[], offset: number, limit: number) => ({
  total: all.length,
  rows: all.slice(offset, offset + limit),
});

export const todayHandlers: Handlers<CoreContext>['today'] = {
  // Kept until the vault's data changes (ReadDb.memo, as the client list and the caseload): Today
  // is opened again and again between writes; the day is the key.
  overview: (_input, core) => {
    const db = core.read;
    const today = todayIso(core);
    return db.memo('today: first rows', today, () => {
      const clients = clientsOf(core, db);
      const homework = homeworkFirst(core, db, clients, today, TODAY_FIRST_ROWS);
      return {
        today,
        item9: slice(item9(db, clients), 0, TODAY_FIRST_ROWS),
        attention: slice(attention(core, clients), 0, TODAY_FIRST_ROWS),
        unfinished: unfinished(db, clients, 0, TODAY_FIRST_ROWS),
        review: homework.review,
        overdue: homework.overdue,
        dueSoon: homework.dueSoon,
      };
    });
  },

  more: ({ group, offset, limit }, core): TodayPage => {
    const db = core.read;
    const today = todayIso(core);
    const clients = clientsOf(core, db);
    switch (group) {
      case 'item9':
        return { group, ...slice(item9(db, clients), offset, limit) };
      case 'attention':
        return { group, ...slice(attention(core, clients), offset, limit) };
      case 'unfinished':
        return { group, ...unfinished(db, clients, offset, limit) };
      case 'review':
      case 'overdue':
      case 'dueSoon':
        return { group, ...homeworkPage(core, db, clients, today, group, offset, limit) };
    }
  },
};
