import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import type { ReadDb, WriteDb } from '../db/handle';
import { sql, sqlIdentifier } from '../db/sql';
import type { ClientRow, GoalRow, TableName } from '../db/tables';
import { todayIso } from '../util/clock';
import { requireClient, requireGoal } from './clients';

/**
 * What deleting a client (the right to erasure) does to each table: every table of the schema
 * is named here, so a migration that adds a table (and its row to `db/tables.ts`) does not
 * type-check until it says whether that table holds a client's records and how they go.
 * `tests/integration/erasure.test.ts` also reads the live schema: a table with a `client_id`
 * column, or a reference (foreign key) to a table that holds a client's records, must be erased.
 *
 * `step` orders the deletes so that no reference is left dangling (foreign keys are on):
 * the records that point at others go first, the client row last.
 */
type ErasureRule =
  { erase: true; step: number; remove: (w: WriteDb, clientId: string) => number } | { erase: false; because: string };

export const ERASURE: { readonly [T in TableName]: ErasureRule } = {
  meta: { erase: false, because: 'the vault’s own identity, no client data' },
  audit_event: {
    erase: false,
    because: 'what happened and when, never a name or any content (IDs only); kept whole so the hash chain stays verifiable',
  },
  worksheet: { erase: false, because: 'the library, shared by every client' },
  worksheet_version: { erase: false, because: 'the library, shared by every client' },
  worksheet_draft: { erase: false, because: 'the library (worksheets saved as drafts), shared by every client' },
  // Drafts are keyed by the form they belong to ('client:<id>', 'assign:<clientId>' …): every
  // draft whose key names the client or one of their records goes, before those records do.
  draft: {
    erase: true,
    step: 0,
    remove: (w, id) =>
      w.run(sql`
      DELETE FROM draft
       WHERE instr(form_key, ${id}) > 0
          OR EXISTS (SELECT 1 FROM goal g WHERE g.client_id = ${id} AND instr(draft.form_key, g.id) > 0)
          OR EXISTS (SELECT 1 FROM assignment a WHERE a.client_id = ${id} AND instr(draft.form_key, a.id) > 0)
          OR EXISTS (SELECT 1 FROM session s WHERE s.client_id = ${id} AND instr(draft.form_key, s.id) > 0)`).changes,
  },
  practice_record: {
    erase: true,
    step: 1,
    remove: (w, id) =>
      w.run(sql`
      DELETE FROM practice_record
       WHERE client_id = ${id} OR assignment_id IN (SELECT id FROM assignment WHERE client_id = ${id})`).changes,
  },
  pdf_import: {
    erase: true,
    step: 2,
    remove: (w, id) =>
      w.run(sql`
      DELETE FROM pdf_import
       WHERE client_id = ${id} OR assignment_id IN (SELECT id FROM assignment WHERE client_id = ${id})`).changes,
  },
  homework_review: {
    erase: true,
    step: 3,
    remove: (w, id) =>
      w.run(sql`
      DELETE FROM homework_review
       WHERE session_id IN (SELECT id FROM session WHERE client_id = ${id})
          OR assignment_id IN (SELECT id FROM assignment WHERE client_id = ${id})
          OR next_assignment_id IN (SELECT id FROM assignment WHERE client_id = ${id})`).changes,
  },
  // Issue 9's measures: results (before their sessions), the client's own problems, life events.
  measure_result: {
    erase: true,
    step: 3,
    remove: (w, id) => w.run(sql`DELETE FROM measure_result WHERE client_id = ${id}`).changes,
  },
  measure_problem: {
    erase: true,
    step: 3,
    remove: (w, id) => w.run(sql`DELETE FROM measure_problem WHERE client_id = ${id}`).changes,
  },
  life_event: { erase: true, step: 3, remove: (w, id) => w.run(sql`DELETE FROM life_event WHERE client_id = ${id}`).changes },
  measure_setting: { erase: false, because: 'the reliable-change SD and r per measure, the same for every client' },
  session: { erase: true, step: 4, remove: (w, id) => w.run(sql`DELETE FROM session WHERE client_id = ${id}`).changes },
  // One statement: an assignment that follows another of the same client goes with it.
  assignment: { erase: true, step: 5, remove: (w, id) => w.run(sql`DELETE FROM assignment WHERE client_id = ${id}`).changes },
  goal: { erase: true, step: 6, remove: (w, id) => w.run(sql`DELETE FROM goal WHERE client_id = ${id}`).changes },
  client: { erase: true, step: 99, remove: (w, id) => w.run(sql`DELETE FROM client WHERE id = ${id}`).changes },
};

/** The deletes of one client, in order. */
function erasureSteps(): { table: TableName; remove: (w: WriteDb, clientId: string) => number }[] {
  return (Object.entries(ERASURE) as [TableName, ErasureRule][])
    .flatMap(([table, rule]) => (rule.erase ? [{ table, step: rule.step, remove: rule.remove }] : []))
    .sort((a, b) => a.step - b.step);
}

/** What the audit trail says of a deletion: that one happened, nothing of whom or what. */
export const CLIENT_DELETED_DETAIL = 'a client record and everything in it, for good';

export const NOT_ARCHIVED_MESSAGE =
  'Only an archived client can be deleted. Archive this client first (on their page in Stepwise), then delete.';

/** Deletes one archived client and every record of theirs, in the write transaction `w`. */
function eraseClient(w: WriteDb, id: string): Record<string, number> {
  const row = requireClient(w, id);
  if (row.status !== 'archived') throw new AppError('CONFLICT', NOT_ARCHIVED_MESSAGE);
  const removed: Record<string, number> = {};
  for (const step of erasureSteps()) removed[step.table] = step.remove(w, id);
  return removed;
}

/** `YYYY-MM-DD` `years` before `day` (29 February becomes the 28th in a year without one). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

type LastContactRow = Pick<ClientRow, 'id' | 'name' | 'preferred_name'> & { last_contact: string };

/**
 * The archived clients whose last contact is at least `years` ago: the latest of their sessions
 * (any attendance), homework reviews, practice records, measure results and assignments (started or ended), or
 * their start date when there is none of these.
 */
function pastRetention(db: ReadDb, today: string, years: number) {
  const cutoff = yearsBefore(today, years);
  const rows = db.all(
    sql<LastContactRow>`
      SELECT c.id, c.name, c.preferred_name,
             max(c.start_date,
                 coalesce((SELECT max(s.date) FROM session s WHERE s.client_id = c.id), ''),
                 coalesce((SELECT max(s.date) FROM homework_review r JOIN session s ON s.id = r.session_id
                            WHERE s.client_id = c.id), ''),
                 coalesce((SELECT max(p.practiced_on) FROM practice_record p WHERE p.client_id = c.id), ''),
                 coalesce((SELECT max(m.administered_on) FROM measure_result m WHERE m.client_id = c.id), ''),
                 coalesce((SELECT max(max(a.start_date, coalesce(substr(a.ended_at, 1, 10), '')))
                             FROM assignment a WHERE a.client_id = c.id), '')) AS last_contact
        FROM client c
       WHERE c.status = 'archived'`,
  );
  return rows
    .filter((r) => r.last_contact <= cutoff)
    .sort((a, b) => (a.last_contact < b.last_contact ? -1 : a.last_contact > b.last_contact ? 1 : a.id < b.id ? -1 : 1))
    .map((r) => ({
      id: r.id,
      name: r.name,
      preferredName: r.preferred_name,
      lastContact: r.last_contact,
      keptUntil: yearsBefore(r.last_contact, -years),
    }));
}

/** How the records that can point at a goal are named when they stop its deletion. */
const GOAL_REFERENCE_WORDS: Partial<Record<string, [one: string, many: string]>> = {
  assignment: ['homework assignment serves', 'homework assignments serve'],
};

/**
 * The records that point at a goal, by table: found from the schema's own foreign keys, so a
 * table added later that refers to goals is counted without a change here.
 */
export function goalReferences(db: ReadDb, goalId: string): { table: string; count: number }[] {
  const refs = db.all(
    sql<{ tbl: string; col: string }>`
      SELECT m.name AS tbl, f."from" AS col
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = 'goal'
       ORDER BY m.name, f."from"`,
  );
  const out: { table: string; count: number }[] = [];
  for (const { tbl, col } of refs) {
    // Names from sqlite_master and its foreign key list, never from input.
    const count =
      db.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM ${sqlIdentifier(tbl)} WHERE ${sqlIdentifier(col)} = ${goalId}`) ?? 0;
    if (count > 0) out.push({ table: tbl, count });
  }
  return out;
}

function goalInUseMessage(refs: { table: string; count: number }[]): string {
  const parts = refs.map(({ table, count }) => {
    const words = GOAL_REFERENCE_WORDS[table];
    return words
      ? `${count} ${count === 1 ? words[0] : words[1]} it`
      : `${count} other record${count === 1 ? '' : 's'} point to it`;
  });
  return `This goal can’t be deleted: ${parts.join(', and ')}. Mark it as dropped instead; its history stays linked.`;
}

export const erasureClientHandlers: Pick<Handlers<CoreContext>['clients'], 'delete' | 'pastRetention'> = {
  delete: ({ id }, core) => {
    core.write({ action: 'deleted', entity: 'client', entityId: null, detail: CLIENT_DELETED_DETAIL }, (w) => eraseClient(w, id));
    // The deletion is saved; clearing the files is a second step that may fail on its own (a full
    // disk during VACUUM): then it is tried again when the vault closes, and the answer says so.
    let tracesOverwritten = false;
    try {
      tracesOverwritten = core.requireVault().eraseTraces();
    } catch {
      tracesOverwritten = false;
    }
    return { deleted: true as const, tracesOverwritten };
  },

  pastRetention: ({ years }, core) => pastRetention(core.read, todayIso(core), years),
};

export const erasureGoalHandlers: Pick<Handlers<CoreContext>['goals'], 'delete'> = {
  delete: ({ id }, core) => {
    core.write({ action: 'deleted', entity: 'goal', entityId: id }, (w) => {
      const goal: GoalRow = requireGoal(w, id);
      const refs = goalReferences(w, id);
      if (refs.length) throw new AppError('CONFLICT', goalInUseMessage(refs));
      w.run(sql`DELETE FROM draft WHERE instr(form_key, ${goal.id}) > 0`);
      w.run(sql`DELETE FROM goal WHERE id = ${goal.id}`);
    });
    return { deleted: true as const };
  },
};
