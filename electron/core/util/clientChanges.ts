/**
 * Which clients' rows changed since the caseload last looked (issue 12), so that its flags are
 * recomputed only for them after a write. Exact by construction: TEMP triggers on the open
 * connection mark the client of every row inserted, updated or deleted in the tables the flags
 * read (client, session, homework_review, measure_result), whatever code path wrote it; a
 * rolled-back write rolls its marks back with it. TEMP objects live in the connection's memory
 * only (no migration, nothing on disk) and die with it when the vault locks.
 *
 * One reader: `takeChangedClients` hands the marks over and clears them.
 */
import type { Db } from '../vault/vault';

const watched = new WeakSet<Db>();

const MARK = (expr: string) => `INSERT INTO temp.stepwise_changed_client (client_id) ${expr};`;

function triggers(): string {
  const out: string[] = [];
  const on = (table: string, when: 'INSERT' | 'UPDATE' | 'DELETE', body: string) =>
    out.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS stepwise_changed_${table}_${when.toLowerCase()} AFTER ${when} ON main.${table} BEGIN ${body} END;`,
    );
  for (const table of ['measure_result', 'session']) {
    on(table, 'INSERT', MARK('VALUES (NEW.client_id)'));
    on(table, 'UPDATE', MARK('VALUES (OLD.client_id)') + MARK('VALUES (NEW.client_id)'));
    on(table, 'DELETE', MARK('VALUES (OLD.client_id)'));
  }
  on('client', 'INSERT', MARK('VALUES (NEW.id)'));
  on('client', 'UPDATE', MARK('VALUES (OLD.id)') + MARK('VALUES (NEW.id)'));
  on('client', 'DELETE', MARK('VALUES (OLD.id)'));
  // A review has no client of its own: its session's (a session deleted with its reviews marks
  // its client through the session's own trigger).
  const ofSession = (ref: string) => MARK(`SELECT client_id FROM main.session WHERE id = ${ref}`);
  on('homework_review', 'INSERT', ofSession('NEW.session_id'));
  on('homework_review', 'UPDATE', ofSession('OLD.session_id') + ofSession('NEW.session_id'));
  on('homework_review', 'DELETE', ofSession('OLD.session_id'));
  return out.join('\n');
}

/**
 * The clients changed since the last call on this connection, each once; null on the first call
 * (the watch starts now: every client counts as unknown).
 */
export function takeChangedClients(db: Db): string[] | null {
  if (!watched.has(db)) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS stepwise_changed_client (client_id TEXT);\n${triggers()}`);
    db.exec('DELETE FROM temp.stepwise_changed_client');
    watched.add(db);
    return null;
  }
  const ids = db.prepare('SELECT DISTINCT client_id FROM temp.stepwise_changed_client').pluck().all() as string[];
  if (ids.length > 0) db.exec('DELETE FROM temp.stepwise_changed_client');
  return ids;
}

/**
 * Marks a client changed as a write to their rows would, without writing the vault: for the bench
 * (its "after a write" rows), which must leave its cached vault untouched.
 */
export function markClientChanged(db: Db, clientId: string): void {
  if (watched.has(db)) db.prepare('INSERT INTO temp.stepwise_changed_client (client_id) VALUES (?)').run(clientId);
}
