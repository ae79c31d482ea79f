import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, schemaVersion } from '../../electron/core/vault/migrate';
import { auditChainBreak, auditHash } from '../../electron/core/db/audit';
import { MIGRATIONS, type Migration } from '../../electron/core/vault/migrations';
import { Vault, type Db } from '../../electron/core/vault/vault';
import { AppError } from '../../shared/result';
import { makeCore, PASSPHRASE, TEST_SCRYPT, tempDir } from '../support/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function folder(): string {
  const { dir, cleanup } = tempDir('stepwise-migrate-');
  cleanups.push(cleanup);
  return path.join(dir, 'vault');
}

const AT = '2026-03-14T12:00:00.000Z';
const CLIENT_ID = 'c'.repeat(32);
const GOAL_ID = 'd'.repeat(32);
const WORKSHEET_ID = 'e'.repeat(32);
const VERSION_ID = 'f'.repeat(32);
const ASSIGNMENT_ID = 'a'.repeat(32);
const SESSION_ID = 'b'.repeat(32);
const REVIEW_ID = '1'.repeat(32);
const PRACTICE_ID = '2'.repeat(32);
const PROBLEM_ID = '3'.repeat(32);
const RESULT_ID = '4'.repeat(32);
const EVENT_ID = '5'.repeat(32);
const DRAFT_ID = '6'.repeat(32);
const CHANGES_ID = '7'.repeat(32);
const DEFINITION = JSON.stringify({
  schemaVersion: 1,
  title: 'Evening wind-down log',
  summary: 'Track how you wind down.',
  category: 'sleep',
  approach: 'behavioural',
  phases: ['baseline'],
  rationale: 'Noticing patterns helps.',
  instructions: ['Fill in one row each evening.'],
  suggestedFrequency: { kind: 'daily' },
  blocks: [{ type: 'shortText', id: 'note', label: 'Note' }],
});

/**
 * Fixture data for each schema version: `insert` writes rows that are valid at that version,
 * `check` asserts that they survived every later migration. Add one for every new migration.
 */
const FIXTURES: Record<number, { insert(db: Db): void; check(db: Db): void }> = {
  1: {
    insert(db) {
      db.prepare(`INSERT INTO meta (key, value) VALUES ('fixture', 'kept')`).run();
      const chained = (db.prepare(`SELECT name FROM pragma_table_info('audit_event')`).all() as { name: string }[]).some(
        (c) => c.name === 'hash',
      );
      if (!chained) {
        db.prepare(
          `INSERT INTO audit_event (at, action, entity, entity_id, detail) VALUES (?, 'printed', 'packet', ?, 'pdf, 3 pages')`,
        ).run(AT, CLIENT_ID);
        return;
      }
      // From version 4 on, an event is valid only as the next link of the chain.
      const prev =
        (db.prepare('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? '';
      const e = { at: AT, action: 'printed', entity: 'packet', entity_id: CLIENT_ID, detail: 'pdf, 3 pages' };
      db.prepare(
        `INSERT INTO audit_event (at, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, 'printed', 'packet', ?, 'pdf, 3 pages', ?, ?)`,
      ).run(AT, CLIENT_ID, prev, auditHash(prev, e));
    },
    check(db) {
      expect(db.prepare(`SELECT value FROM meta WHERE key = 'fixture'`).get()).toEqual({ value: 'kept' });
      expect(db.prepare(`SELECT at, action, entity, entity_id, detail FROM audit_event WHERE action = 'printed'`).all()).toEqual([
        { at: AT, action: 'printed', entity: 'packet', entity_id: CLIENT_ID, detail: 'pdf, 3 pages' },
      ]);
    },
  },
  2: {
    insert(db) {
      db.prepare(
        `INSERT INTO client (id, name, preferred_name, date_of_birth, start_date, status, created_at, updated_at)
         VALUES (?, 'Zoë Łukasiewicz', 'Zo', '1990-05-02', '2026-01-10', 'active', ?, ?)`,
      ).run(CLIENT_ID, AT, AT);
      db.prepare(
        `INSERT INTO goal (id, client_id, title, status, target_date, position, created_at, updated_at)
         VALUES (?, ?, 'Ride the tram', 'active', '2026-06-01', 1, ?, ?)`,
      ).run(GOAL_ID, CLIENT_ID, AT, AT);
      db.prepare(
        `INSERT INTO worksheet (id, builtin_key, current_version, archived, created_at, updated_at) VALUES (?, NULL, 1, 0, ?, ?)`,
      ).run(WORKSHEET_ID, AT, AT);
      db.prepare(`INSERT INTO worksheet_version (id, worksheet_id, version, definition, created_at) VALUES (?, ?, 1, ?, ?)`).run(
        VERSION_ID,
        WORKSHEET_ID,
        DEFINITION,
        AT,
      );
      db.prepare(
        `INSERT INTO assignment (id, client_id, worksheet_version_id, goal_id, frequency, start_date, due_date, step_current, step_total,
                                 phase, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, '{"kind":"daily"}', '2026-03-14', '2026-03-21', 2, 5, 'skill-practice', 'active', ?, ?)`,
      ).run(ASSIGNMENT_ID, CLIENT_ID, VERSION_ID, GOAL_ID, AT, AT);
    },
    check(db) {
      expect(
        db.prepare('SELECT name, preferred_name, date_of_birth, start_date, status FROM client WHERE id = ?').get(CLIENT_ID),
      ).toEqual({
        name: 'Zoë Łukasiewicz',
        preferred_name: 'Zo',
        date_of_birth: '1990-05-02',
        start_date: '2026-01-10',
        status: 'active',
      });
      expect(db.prepare('SELECT title, target_date, position FROM goal WHERE id = ?').get(GOAL_ID)).toEqual({
        title: 'Ride the tram',
        target_date: '2026-06-01',
        position: 1,
      });
      expect(db.prepare('SELECT definition FROM worksheet_version WHERE id = ?').get(VERSION_ID)).toEqual({
        definition: DEFINITION,
      });
      expect(
        db
          .prepare(
            'SELECT worksheet_version_id, goal_id, frequency, due_date, step_current, step_total, phase FROM assignment WHERE id = ?',
          )
          .get(ASSIGNMENT_ID),
      ).toEqual({
        worksheet_version_id: VERSION_ID,
        goal_id: GOAL_ID,
        frequency: '{"kind":"daily"}',
        due_date: '2026-03-21',
        step_current: 2,
        step_total: 5,
        phase: 'skill-practice',
      });
    },
  },
  3: {
    insert(db) {
      db.prepare(
        `INSERT INTO session (id, client_id, number, date, time, duration_minutes, attendance, modality, notes, takeaways, stage,
                              finished_at, created_at, updated_at)
         VALUES (?, ?, 1, '2026-03-21', '14:30', 50, 'attended', 'video', 'Private note', 'Ride one stop', 'finish', ?, ?, ?)`,
      ).run(SESSION_ID, CLIENT_ID, AT, AT, AT);
      db.prepare(
        `INSERT INTO homework_review (id, session_id, assignment_id, completion, amount_done, amount_expected, quality, obstacles,
                                      learning, plan, position, created_at, updated_at)
         VALUES (?, ?, ?, 'partial', 4, 7, 3, '["no-time"]', 'It got easier', 'continue', 1, ?, ?)`,
      ).run(REVIEW_ID, SESSION_ID, ASSIGNMENT_ID, AT, AT);
      db.prepare(
        `INSERT INTO practice_record (id, assignment_id, client_id, worksheet_version_id, practiced_on, source, duration_minutes,
                                      answers, created_at, updated_at)
         VALUES (?, ?, ?, ?, '2026-03-16', 'paper', 20, '{"note":"calm"}', ?, ?)`,
      ).run(PRACTICE_ID, ASSIGNMENT_ID, CLIENT_ID, VERSION_ID, AT, AT);
    },
    check(db) {
      expect(
        db.prepare('SELECT number, date, time, attendance, modality, takeaways FROM session WHERE id = ?').get(SESSION_ID),
      ).toEqual({
        number: 1,
        date: '2026-03-21',
        time: '14:30',
        attendance: 'attended',
        modality: 'video',
        takeaways: 'Ride one stop',
      });
      expect(
        db
          .prepare('SELECT completion, amount_done, amount_expected, quality, obstacles FROM homework_review WHERE id = ?')
          .get(REVIEW_ID),
      ).toEqual({ completion: 'partial', amount_done: 4, amount_expected: 7, quality: 3, obstacles: '["no-time"]' });
      expect(db.prepare('SELECT practiced_on, source, answers FROM practice_record WHERE id = ?').get(PRACTICE_ID)).toEqual({
        practiced_on: '2026-03-16',
        source: 'paper',
        answers: '{"note":"calm"}',
      });
      expect(db.prepare('SELECT follows_id, ended_reason FROM assignment WHERE id = ?').get(ASSIGNMENT_ID)).toEqual({
        follows_id: null,
        ended_reason: null,
      });
    },
  },
  4: {
    insert(db) {
      db.prepare(`INSERT INTO draft (form_key, data, saved_at) VALUES ('client:new', '{"name":"Half"}', ?)`).run(AT);
    },
    check(db) {
      expect(db.prepare(`SELECT data FROM draft WHERE form_key = 'client:new'`).get()).toEqual({ data: '{"name":"Half"}' });
      // Every event written before version 4 was chained by the migration, in order.
      const events = db
        .prepare('SELECT id, at, action, entity, entity_id, detail, prev_hash, hash FROM audit_event ORDER BY id')
        .all();
      expect(auditChainBreak(events as Parameters<typeof auditChainBreak>[0])).toBeNull();
    },
  },
  5: {
    insert(db) {
      db.prepare(
        `INSERT INTO measure_problem (id, client_id, text, position, archived_at, created_at, updated_at)
         VALUES (?, ?, 'Avoiding the tram', 1, NULL, ?, ?)`,
      ).run(PROBLEM_ID, CLIENT_ID, AT, AT);
      db.prepare(
        `INSERT INTO measure_result (id, client_id, session_id, measure, administered_on, answers, problem_ids, total, item9,
                                     source, item9_ack_note, item9_ack_at, created_at, updated_at)
         VALUES (?, ?, ?, 'phq9', '2026-03-21', '[1,2,1,1,0,2,1,0,1,null]', NULL, 9, 1, 'paper', 'Discussed; safety plan', ?, ?, ?)`,
      ).run(RESULT_ID, CLIENT_ID, SESSION_ID, AT, AT, AT);
      db.prepare(`INSERT INTO life_event (id, client_id, date, note, created_at) VALUES (?, ?, '2026-03-18', 'New job', ?)`).run(
        EVENT_ID,
        CLIENT_ID,
        AT,
      );
      db.prepare(`INSERT INTO measure_setting (measure, rci_sd, rci_r, updated_at) VALUES ('phq9', 5.7, 0.84, ?)`).run(AT);
    },
    check(db) {
      expect(db.prepare('SELECT text, position FROM measure_problem WHERE id = ?').get(PROBLEM_ID)).toEqual({
        text: 'Avoiding the tram',
        position: 1,
      });
      expect(
        db
          .prepare('SELECT session_id, measure, answers, total, item9, source, item9_ack_note FROM measure_result WHERE id = ?')
          .get(RESULT_ID),
      ).toEqual({
        session_id: SESSION_ID,
        measure: 'phq9',
        answers: '[1,2,1,1,0,2,1,0,1,null]',
        total: 9,
        item9: 1,
        source: 'paper',
        item9_ack_note: 'Discussed; safety plan',
      });
      expect(db.prepare('SELECT date, note FROM life_event WHERE id = ?').get(EVENT_ID)).toEqual({
        date: '2026-03-18',
        note: 'New job',
      });
      expect(db.prepare(`SELECT rci_sd, rci_r FROM measure_setting WHERE measure = 'phq9'`).get()).toEqual({
        rci_sd: 5.7,
        rci_r: 0.84,
      });
    },
  },
  6: {
    insert(db) {
      const prefill = JSON.stringify({ values: { note: 'Fear of lifts' }, rows: {} });
      db.prepare(`UPDATE assignment SET prefill = ?, moved_at = ? WHERE id = ?`).run(prefill, AT, ASSIGNMENT_ID);
    },
    check(db) {
      expect(db.prepare('SELECT prefill, moved_at FROM assignment WHERE id = ?').get(ASSIGNMENT_ID)).toEqual({
        prefill: JSON.stringify({ values: { note: 'Fear of lifts' }, rows: {} }),
        moved_at: AT,
      });
    },
  },
  7: {
    // Indexes only: the data of every earlier version is kept (their checks), and the indexes exist.
    insert() {},
    check(db) {
      const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map(
        (r) => r.name,
      );
      expect(names).toEqual(
        expect.arrayContaining(['assignment_due', 'assignment_active', 'session_attended', 'practice_client_newest']),
      );
    },
  },
  8: {
    // Worksheets saved as drafts (issue 11): a new one, and changes to the fixture's worksheet.
    insert(db) {
      const insert = db.prepare(
        `INSERT INTO worksheet_draft (id, worksheet_id, base_version, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      insert.run(DRAFT_ID, null, null, JSON.stringify({ title: 'Half done' }), AT, AT);
      insert.run(CHANGES_ID, WORKSHEET_ID, 1, DEFINITION, AT, AT);
    },
    check(db) {
      expect(db.prepare('SELECT id, worksheet_id, base_version FROM worksheet_draft ORDER BY id').all()).toEqual([
        { id: DRAFT_ID, worksheet_id: null, base_version: null },
        { id: CHANGES_ID, worksheet_id: WORKSHEET_ID, base_version: 1 },
      ]);
    },
  },
};

/** An encrypted database file opened the way the vault opens one. */
function openEncrypted(file: string, key: Buffer): Db {
  const db = new Database(file);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

const tables = (db: Db) =>
  (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]),
  );

describe('migrations', () => {
  it('has fixture data for every schema version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    for (let v = 1; v <= LATEST_VERSION; v++) expect(FIXTURES[v], `fixture for schema version ${v}`).toBeDefined();
  });

  it('brings an empty encrypted database (version 0) to the latest version', () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    const db = openEncrypted(path.join(dir, 'stepwise.db'), randomBytes(32));
    try {
      expect(schemaVersion(db)).toBe(0);
      expect(migrate(db)).toBe(LATEST_VERSION);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(tables(db)).toEqual(
        expect.arrayContaining(['meta', 'audit_event', 'client', 'goal', 'worksheet', 'worksheet_version', 'assignment']),
      );
      for (let v = 1; v <= LATEST_VERSION; v++) FIXTURES[v]!.insert(db);
      for (let v = 1; v <= LATEST_VERSION; v++) FIXTURES[v]!.check(db);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  for (let v = 1; v < LATEST_VERSION; v++) {
    it(`opens a vault written at schema version ${v}, keeps its data, and brings it to ${LATEST_VERSION}`, async () => {
      const dir = folder();
      const { vault } = await Vault.create(dir, PASSPHRASE, { targetVersion: v, scrypt: TEST_SCRYPT });
      expect(schemaVersion(vault.db)).toBe(v);
      vault.db.transaction(() => {
        for (let k = 1; k <= v; k++) FIXTURES[k]!.insert(vault.db);
      })();
      vault.close();

      const reopened = await Vault.open(dir, { passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT });
      try {
        expect(schemaVersion(reopened.db)).toBe(LATEST_VERSION);
        for (let k = 1; k <= v; k++) FIXTURES[k]!.check(reopened.db);
        // The newer tables are there and usable.
        for (let k = v + 1; k <= LATEST_VERSION; k++) FIXTURES[k]!.insert(reopened.db);
        for (let k = 1; k <= LATEST_VERSION; k++) FIXTURES[k]!.check(reopened.db);
        expect(reopened.verify()).toEqual({ healthy: true, integrity: 'ok', schemaVersion: LATEST_VERSION });
      } finally {
        reopened.close();
      }
    });
  }

  it('opens a vault at the latest version through the app, with its built-ins, and keeps the fixture data', async () => {
    const t = makeCore({ vault: { scrypt: TEST_SCRYPT } });
    cleanups.push(t.cleanup);
    await t.do.vault.create({ passphrase: PASSPHRASE });
    t.core.write((db) => {
      for (let k = 1; k <= LATEST_VERSION; k++) FIXTURES[k]!.insert(db);
    });
    await t.do.vault.lock();
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    for (let k = 1; k <= LATEST_VERSION; k++) FIXTURES[k]!.check(t.core.db);
    const list = await t.do.assignments.list({ clientId: CLIENT_ID });
    expect(list.map((a) => a.id)).toEqual([ASSIGNMENT_ID]);
  });

  it('refuses a vault written by a newer Stepwise, and leaves its files untouched', async () => {
    const dir = folder();
    const { vault } = await Vault.create(dir, PASSPHRASE, { scrypt: TEST_SCRYPT });
    vault.db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    vault.close();
    const before = snapshot(dir);

    let error: unknown;
    try {
      (await Vault.open(dir, { passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT })).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NEWER_VERSION');
    expect(snapshot(dir)).toEqual(before);

    // The same through the app: a clear message, nothing changed.
    const t = makeCore({ vaultDir: dir, vault: { scrypt: TEST_SCRYPT } });
    cleanups.push(t.cleanup);
    const r = await t.api.vault.unlock({ passphrase: PASSPHRASE });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'NEWER_VERSION',
        message: `This vault was written by a newer version of Stepwise (vault format ${LATEST_VERSION + 1}; this version reads up to ${LATEST_VERSION}). Please update Stepwise to open it. Nothing was changed.`,
      },
    });
    expect(await t.do.vault.status()).toEqual({ exists: true, unlocked: false });
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves the schema version and data unchanged when a migration fails midway', async () => {
    const bad: Migration = {
      version: LATEST_VERSION + 1,
      name: 'fails-midway',
      up(db) {
        db.exec(
          `CREATE TABLE half_done (v TEXT) STRICT; INSERT INTO half_done VALUES ('x'); DELETE FROM meta WHERE key = 'fixture';`,
        );
        throw new Error('simulated failure in a migration');
      },
    };

    // From the latest version: only the bad one is pending.
    const dir = folder();
    const { vault } = await Vault.create(dir, PASSPHRASE, { scrypt: TEST_SCRYPT });
    try {
      vault.db.transaction(() => FIXTURES[1]!.insert(vault.db))();
      expect(() => migrate(vault.db, [...MIGRATIONS, bad])).toThrow('simulated failure in a migration');
      expect(schemaVersion(vault.db)).toBe(LATEST_VERSION);
      expect(tables(vault.db)).not.toContain('half_done');
      FIXTURES[1]!.check(vault.db);
    } finally {
      vault.close();
    }

    // From version 1: the good pending migrations are rolled back with the bad one.
    const dir1 = folder();
    const { vault: v1 } = await Vault.create(dir1, PASSPHRASE, { targetVersion: 1, scrypt: TEST_SCRYPT });
    try {
      v1.db.transaction(() => FIXTURES[1]!.insert(v1.db))();
      expect(() => migrate(v1.db, [...MIGRATIONS, bad])).toThrow('simulated failure in a migration');
      expect(schemaVersion(v1.db)).toBe(1);
      expect(tables(v1.db)).toEqual(['audit_event', 'meta']);
      FIXTURES[1]!.check(v1.db);
    } finally {
      v1.close();
    }
    // And the vault still opens and migrates normally afterwards.
    const again = await Vault.open(dir1, { passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT });
    expect(schemaVersion(again.db)).toBe(LATEST_VERSION);
    FIXTURES[1]!.check(again.db);
    again.close();
  });
});
