import { createHash } from 'node:crypto';
import type { WriteDb } from './handle';
import { sql } from './sql';
import type { AuditEventRow } from './tables';

export type AuditFields = Pick<AuditEventRow, 'at' | 'action' | 'entity' | 'entity_id' | 'detail'>;

/**
 * The audit trail is a hash chain: each event's `hash` is SHA-256 over its canonical fields and
 * the previous event's hash (the first event's previous hash is ''), so changing, removing or
 * reordering an event breaks the chain from there on (`auditChainBreak`). The canonical form is
 * the JSON array [prev, at, action, entity, entity_id, detail].
 */
export function auditHash(prev: string, e: AuditFields): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, e.at, e.action, e.entity, e.entity_id, e.detail]))
    .digest('hex');
}

/**
 * Adds one line to the audit trail, inside a write. `core.write()` calls it for every write.
 * `chained` is false only for a vault made at a schema before the chain (tests of migrations).
 */
export function recordAudit(w: WriteDb, e: Omit<AuditEventRow, 'id' | 'prev_hash' | 'hash'>, chained = true): void {
  if (!chained) {
    w.run(sql`INSERT INTO audit_event (at, action, entity, entity_id, detail)
              VALUES (${e.at}, ${e.action}, ${e.entity}, ${e.entity_id}, ${e.detail})`);
    return;
  }
  const prev = w.pluck(sql<Pick<AuditEventRow, 'hash'>>`SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1`) ?? '';
  w.run(sql`
    INSERT INTO audit_event (at, action, entity, entity_id, detail, prev_hash, hash)
    VALUES (${e.at}, ${e.action}, ${e.entity}, ${e.entity_id}, ${e.detail}, ${prev}, ${auditHash(prev, e)})`);
}

/** The rows of the chain in order, as a reader gives them (a plain connection or the read handle). */
export type AuditRows = Iterable<
  Pick<AuditEventRow, 'id' | 'at' | 'action' | 'entity' | 'entity_id' | 'detail' | 'prev_hash' | 'hash'>
>;

/**
 * The first event where the chain breaks (its id and why), or null when every event follows from
 * the one before it.
 */
export function auditChainBreak(rows: AuditRows): { id: number; reason: string } | null {
  let prev = '';
  for (const r of rows) {
    if (r.prev_hash !== prev) return { id: r.id, reason: 'does not follow the event before it' };
    if (r.hash !== auditHash(prev, r)) return { id: r.id, reason: 'was changed after it was recorded' };
    prev = r.hash;
  }
  return null;
}
