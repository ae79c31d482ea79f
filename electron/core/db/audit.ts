import type { WriteDb } from './handle';
import { sql } from './sql';
import type { AuditEventRow } from './tables';

/** Adds one line to the audit trail, inside a write. `core.write()` calls it for every write. */
export function recordAudit(w: WriteDb, e: Omit<AuditEventRow, 'id'>): void {
  w.run(sql`
    INSERT INTO audit_event (at, action, entity, entity_id, detail)
    VALUES (${e.at}, ${e.action}, ${e.entity}, ${e.entity_id}, ${e.detail})`);
}
