import type { Migration } from './index';

/** Clients and their goals, the worksheet library (immutable versions), and assignments. */
export const m002: Migration = {
  version: 2,
  name: 'clients-library-assignments',
  up(db) {
    db.exec(`
      CREATE TABLE client (
        id                  TEXT PRIMARY KEY,
        name                TEXT NOT NULL,
        preferred_name      TEXT,
        date_of_birth       TEXT,            -- YYYY-MM-DD
        pronouns            TEXT,
        preferred_language  TEXT,
        presenting_concerns TEXT,
        start_date          TEXT NOT NULL,   -- YYYY-MM-DD
        status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL
      ) STRICT;

      CREATE TABLE goal (
        id          TEXT PRIMARY KEY,
        client_id   TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
        title       TEXT NOT NULL,
        description TEXT,
        status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'met', 'dropped')),
        target_date TEXT,
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX goal_client ON goal(client_id, position);

      CREATE TABLE worksheet (
        id              TEXT PRIMARY KEY,
        builtin_key     TEXT UNIQUE,         -- set for built-in worksheets (read-only)
        current_version INTEGER NOT NULL,
        archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        derived_from    TEXT REFERENCES worksheet(id),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE worksheet_version (
        id           TEXT PRIMARY KEY,
        worksheet_id TEXT NOT NULL REFERENCES worksheet(id),
        version      INTEGER NOT NULL,
        definition   TEXT NOT NULL,           -- JSON, validated by the shared worksheet schema
        created_at   TEXT NOT NULL,
        UNIQUE (worksheet_id, version)
      ) STRICT;

      CREATE TABLE assignment (
        id                    TEXT PRIMARY KEY,
        client_id             TEXT NOT NULL REFERENCES client(id),
        worksheet_version_id  TEXT NOT NULL REFERENCES worksheet_version(id),
        goal_id               TEXT REFERENCES goal(id),
        personal_instructions TEXT,
        agreed_rationale      TEXT,
        frequency             TEXT NOT NULL,  -- JSON: {kind: once|daily|weekly, times?}
        start_date            TEXT NOT NULL,  -- YYYY-MM-DD
        due_date              TEXT,           -- YYYY-MM-DD
        step_current          INTEGER,
        step_total            INTEGER,
        phase                 TEXT NOT NULL CHECK (phase IN ('baseline', 'skill-practice', 'relapse-prevention')),
        status                TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'discontinued')),
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        CHECK ((step_current IS NULL) = (step_total IS NULL))
      ) STRICT;
      CREATE INDEX assignment_client ON assignment(client_id, status);
      CREATE INDEX assignment_version ON assignment(worksheet_version_id);
    `);
  },
};
