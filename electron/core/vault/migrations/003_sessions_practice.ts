import type { Migration } from './index';

/**
 * Sessions, the homework review of each assignment in a session, practice records (the client's
 * practice, typed from paper, imported from a filled PDF or done in session) and the filled PDFs
 * that came back (so the same file is never saved twice). Assignments learn which assignment they
 * follow (graded steps stay visible as a chain) and why they ended.
 */
export const m003: Migration = {
  version: 3,
  name: 'sessions-reviews-practice',
  up(db) {
    db.exec(`
      ALTER TABLE assignment ADD COLUMN follows_id TEXT REFERENCES assignment(id);
      ALTER TABLE assignment ADD COLUMN ended_reason TEXT;
      ALTER TABLE assignment ADD COLUMN ended_at TEXT;
      CREATE INDEX assignment_follows ON assignment(follows_id);

      CREATE TABLE session (
        id               TEXT PRIMARY KEY,
        client_id        TEXT NOT NULL REFERENCES client(id),
        number           INTEGER NOT NULL CHECK (number >= 1),
        date             TEXT NOT NULL,            -- YYYY-MM-DD, as the clinician picked it
        time             TEXT,                     -- HH:MM local, as the clinician picked it
        duration_minutes INTEGER CHECK (duration_minutes BETWEEN 1 AND 600),
        attendance       TEXT NOT NULL CHECK (attendance IN ('attended', 'cancelled', 'did-not-attend')),
        modality         TEXT NOT NULL CHECK (modality IN ('in-person', 'video', 'phone')),
        notes            TEXT,                     -- the clinician's private notes: never on anything for the client
        takeaways        TEXT,                     -- what the client takes away, in their words (for the handout)
        stage            TEXT NOT NULL DEFAULT 'review' CHECK (stage IN ('review', 'measures', 'notes', 'homework', 'finish')),
        finished_at      TEXT,                     -- NULL while the session is under way
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX session_client ON session(client_id, date, number);
      CREATE INDEX session_open ON session(finished_at) WHERE finished_at IS NULL;

      CREATE TABLE homework_review (
        id                 TEXT PRIMARY KEY,
        session_id         TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        assignment_id      TEXT NOT NULL REFERENCES assignment(id),
        completion         TEXT CHECK (completion IN ('full', 'partial', 'not-done', 'not-attempted')),
        amount_done        INTEGER CHECK (amount_done >= 0),
        amount_expected    INTEGER CHECK (amount_expected >= 1),
        quality            INTEGER CHECK (quality BETWEEN 0 AND 4),
        understood         TEXT CHECK (understood IN ('yes', 'partly', 'no')),
        rationale_belief   INTEGER CHECK (rationale_belief BETWEEN 0 AND 100),
        obstacles          TEXT NOT NULL DEFAULT '[]', -- JSON array of obstacle codes
        obstacle_other     TEXT,
        learning           TEXT,                       -- what the client learned, in their words
        plan               TEXT CHECK (plan IN ('continue', 'modify', 'replace', 'completed', 'discontinued')),
        plan_note          TEXT,                       -- e.g. why it was discontinued
        next_assignment_id TEXT REFERENCES assignment(id),
        position           INTEGER NOT NULL,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        UNIQUE (session_id, assignment_id)
      ) STRICT;
      CREATE INDEX review_assignment ON homework_review(assignment_id);

      CREATE TABLE pdf_import (
        id            TEXT PRIMARY KEY,
        client_id     TEXT NOT NULL REFERENCES client(id),
        assignment_id TEXT NOT NULL REFERENCES assignment(id),
        file_sha256   TEXT NOT NULL UNIQUE,          -- the same file twice is recognised
        records       INTEGER NOT NULL,
        imported_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE practice_record (
        id                   TEXT PRIMARY KEY,
        assignment_id        TEXT NOT NULL REFERENCES assignment(id),
        client_id            TEXT NOT NULL REFERENCES client(id),
        worksheet_version_id TEXT NOT NULL REFERENCES worksheet_version(id),
        practiced_on         TEXT NOT NULL,          -- YYYY-MM-DD
        practiced_time       TEXT,                   -- HH:MM local
        source               TEXT NOT NULL CHECK (source IN ('paper', 'pdf', 'session')),
        duration_minutes     INTEGER CHECK (duration_minutes BETWEEN 0 AND 1440),
        ladder_step          INTEGER CHECK (ladder_step >= 1),
        note                 TEXT,
        answers              TEXT NOT NULL,          -- JSON, checked against the worksheet version
        pdf_import_id        TEXT REFERENCES pdf_import(id),
        deleted_at           TEXT,                   -- set by delete; the last delete can be undone
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX practice_assignment ON practice_record(assignment_id, practiced_on);
      CREATE INDEX practice_client ON practice_record(client_id, practiced_on);
    `);
  },
};
