import type { Migration } from './index';

/** Vault metadata and the audit trail (what happened and when, never the content). */
export const m001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_event (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,             -- UTC ISO-8601 instant
        action    TEXT NOT NULL,             -- created, changed, viewed, exported, printed …
        entity    TEXT NOT NULL,             -- vault, client, assignment …
        entity_id TEXT,                      -- an ID, never a name or any content
        detail    TEXT                       -- a short non-identifying note (e.g. "pdf, 3 pages")
      ) STRICT;
      CREATE INDEX audit_event_at ON audit_event(at);
    `);
  },
};
