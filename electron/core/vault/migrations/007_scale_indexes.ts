import type { Migration } from './index';

/**
 * Indexes for a whole career in one vault (issue 12), each for a screen's query, each partial so
 * it holds only the rows that query reads (and so stays small in the page cache):
 *
 * - `assignment_due` — Today: active homework due by a day, most urgent first
 *   (`assignments.attention`, `reviews.due`): a range on due_date instead of a scan of every
 *   assignment ever given.
 * - `assignment_active` — the client list: each client's active and overdue homework counted from
 *   the index alone (it covers client_id, status and due_date).
 * - `session_attended` — the client list and Today's reviews due: each client's last attended
 *   session is one seek, not a read of every session of the client.
 *
 * - `practice_client_newest` — the Practice tab: a client's newest records in the list's own order
 *   (day, time of day, entry), so the first page is read straight off the index and the read
 *   stops at its LIMIT, instead of reading and sorting every record of the client (years of
 *   daily records). Without deleted rows (the list never shows them).
 *
 * Practice records by assignment and by day range still use practice_assignment and
 * practice_client (migration 003). tests/integration/query-plans.test.ts checks that every hot
 * query uses an index.
 */
export const m007: Migration = {
  version: 7,
  name: 'scale-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX assignment_due ON assignment(due_date) WHERE status = 'active';
      CREATE INDEX assignment_active ON assignment(client_id, due_date) WHERE status = 'active';
      CREATE INDEX session_attended ON session(client_id, date) WHERE attendance = 'attended';
      CREATE INDEX practice_client_newest
          ON practice_record(client_id, practiced_on, coalesce(practiced_time, ''), created_at) WHERE deleted_at IS NULL;
    `);
  },
};
