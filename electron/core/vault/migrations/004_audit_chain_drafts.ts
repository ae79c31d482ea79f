import { auditHash } from '../../db/audit';
import type { Migration } from './index';

/**
 * The audit trail becomes a hash chain (see db/audit.ts): every existing event gets its previous
 * hash and its own, in order. And drafts: the unsaved contents of a form, kept (encrypted, like
 * everything in the vault) when Stepwise locks, and offered back after unlocking.
 */
export const m004: Migration = {
  version: 4,
  name: 'audit-chain-drafts',
  up(db) {
    db.exec(`
      ALTER TABLE audit_event ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_event ADD COLUMN hash TEXT;
      CREATE INDEX audit_event_entity ON audit_event(entity_id);

      CREATE TABLE draft (
        form_key TEXT PRIMARY KEY,     -- which form: 'client:new', 'client:<id>', 'assign:<clientId>' …
        data     TEXT NOT NULL,        -- the form's unsaved contents, as JSON
        saved_at TEXT NOT NULL         -- UTC ISO-8601 instant
      ) STRICT;
    `);
    const rows = db.prepare('SELECT id, at, action, entity, entity_id, detail FROM audit_event ORDER BY id').all() as {
      id: number;
      at: string;
      action: string;
      entity: string;
      entity_id: string | null;
      detail: string | null;
    }[];
    const update = db.prepare('UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = '';
    for (const r of rows) {
      const hash = auditHash(prev, r);
      update.run(prev, hash, r.id);
      prev = hash;
    }
  },
};
