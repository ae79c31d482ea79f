import type { Migration } from './index';

/**
 * Outcome measures (issue 9): results of PHQ-9, GAD-7, PCL-5 and the idiographic measure with
 * their item answers; the acknowledgement of a PHQ-9 item 9 flag; the client's own problems for
 * the idiographic measure; life events on the client's time line; and the Jacobson–Truax
 * parameters the clinician chose per measure (a row only when changed from the built-in default).
 *
 * The RCI parameters live in the vault, not in the app's preferences: they change what the
 * clinical record says (reliable change), so they travel with the vault, its backups and export.
 */
export const m005: Migration = {
  version: 5,
  name: 'measures',
  up(db) {
    db.exec(`
      CREATE TABLE measure_problem (
        id          TEXT PRIMARY KEY,
        client_id   TEXT NOT NULL REFERENCES client(id),
        text        TEXT NOT NULL,                 -- the problem in the client's own words
        position    INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
        archived_at TEXT,                          -- set when replaced or removed; results keep pointing here
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX measure_problem_client ON measure_problem(client_id, archived_at, position);

      CREATE TABLE measure_result (
        id              TEXT PRIMARY KEY,
        client_id       TEXT NOT NULL REFERENCES client(id),
        session_id      TEXT REFERENCES session(id) ON DELETE SET NULL,
        measure         TEXT NOT NULL CHECK (measure IN ('phq9', 'gad7', 'pcl5', 'idiographic')),
        administered_on TEXT NOT NULL,             -- YYYY-MM-DD
        answers         TEXT NOT NULL,             -- JSON array in item order; null = left blank
        problem_ids     TEXT,                      -- idiographic: JSON array of measure_problem ids, aligned with answers
        total           INTEGER,                   -- NULL when incomplete (and always for the idiographic measure)
        item9           INTEGER CHECK (item9 BETWEEN 0 AND 3), -- PHQ-9 item 9 as answered; NULL otherwise
        source          TEXT NOT NULL CHECK (source IN ('paper', 'client-mode', 'pdf')),
        item9_ack_note  TEXT,                      -- the clinician's note acknowledging item 9 above 0
        item9_ack_at    TEXT,                      -- UTC ISO-8601
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX measure_result_client ON measure_result(client_id, administered_on);
      CREATE INDEX measure_result_session ON measure_result(session_id);
      CREATE INDEX measure_result_item9_open ON measure_result(client_id) WHERE item9 > 0 AND item9_ack_at IS NULL;

      CREATE TABLE life_event (
        id         TEXT PRIMARY KEY,
        client_id  TEXT NOT NULL REFERENCES client(id),
        date       TEXT NOT NULL,                  -- YYYY-MM-DD
        note       TEXT NOT NULL,                  -- short, e.g. "Started new job"
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX life_event_client ON life_event(client_id, date);

      CREATE TABLE measure_setting (
        measure    TEXT PRIMARY KEY CHECK (measure IN ('phq9', 'gad7', 'pcl5')),
        rci_sd     REAL NOT NULL CHECK (rci_sd > 0),
        rci_r      REAL NOT NULL CHECK (rci_r >= 0 AND rci_r < 1),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
