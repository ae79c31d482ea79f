import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { dbPath } from '../../electron/core/vault/files';
import { rawKeyLiteral } from '../../electron/core/vault/keyfile';
import type { ClientInput } from '../../shared/domain';
import { auditChainProblem } from '../../electron/core/vault/vault';
import { CLIENT_DELETED_DETAIL, ERASURE, yearsBefore } from '../../electron/core/services/erasure';
import type { TableName } from '../../electron/core/db/tables';
import { EVERY_BLOCK } from '../support/pdf';
import { findInVault, vaultKey } from '../support/pages';
import { failure, PASSPHRASE, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const NOW = new Date('2026-03-14T12:00:00Z');
const TODAY = '2026-03-14';

/** Distinctive words, so a search of the vault's bytes finds only what this test wrote. */
const NAME = 'Xanthippe Quarrendale';
const NOTE = 'Told me about the marmalade lighthouse dream again';
const OTHER = 'Marcus Adeyemi-Okonkwo';

const ZOE: ClientInput = {
  name: NAME,
  preferredName: 'Xan',
  dateOfBirth: '1990-05-02',
  pronouns: 'she/her',
  preferredLanguage: 'Polish',
  presentingConcerns: 'Panic on the marmalade tram since January.',
  startDate: '2026-01-10',
};

/** A client with something in every table that can hold a client's records. */
async function fullClient(core: TestCore, input: ClientInput, note: string) {
  const c = await core.do.clients.create(input);
  const goal = await core.do.goals.create({ clientId: c.id, goal: { title: `Ride the tram (${note})` } });
  const ws = await core.do.library.create({ definition: EVERY_BLOCK });
  const a = await core.do.assignments.create({
    clientId: c.id,
    worksheetId: ws.worksheet.id,
    goalId: goal.id,
    frequency: { kind: 'daily' },
    startDate: '2026-03-01',
    phase: 'skill-practice',
    personalInstructions: `Instructions: ${note}`,
  });
  const s = await core.do.sessions.create({ clientId: c.id, date: '2026-03-07' });
  // Autosave writes the notes again and again: each version once sat in a page.
  for (const n of [1, 2, 3]) await core.do.sessions.update({ id: s.id, fields: { notes: `${note} (${n})` } });
  await core.do.reviews.save({
    sessionId: s.id,
    assignmentId: a.id,
    review: { completion: 'full', learning: `Learned: ${note}` },
  });
  const p = await core.do.practice.create({
    assignmentId: a.id,
    practicedOn: '2026-03-10',
    answers: {},
    note: `Practice: ${note}`,
  });
  const gone = await core.do.practice.create({
    assignmentId: a.id,
    practicedOn: '2026-03-11',
    answers: {},
    note: `Soft: ${note}`,
  });
  await core.do.practice.delete({ id: gone.id });
  // A filled PDF that came back (made here directly: the import itself needs pypdf).
  core.core.write((db) => {
    db.prepare(
      `INSERT INTO pdf_import (id, client_id, assignment_id, file_sha256, records, imported_at) VALUES (?, ?, ?, ?, 1, ?)`,
    ).run(`${c.id.slice(0, 31)}f`, c.id, a.id, c.id.repeat(2), NOW.toISOString());
    db.prepare(`UPDATE practice_record SET pdf_import_id = ? WHERE id = ?`).run(`${c.id.slice(0, 31)}f`, p.id);
  });
  await core.do.drafts.save({ formKey: `client:${c.id}`, data: JSON.stringify({ name: input.name }) });
  await core.do.drafts.save({ formKey: `assign:${c.id}`, data: JSON.stringify({ personalInstructions: note }) });
  return { c, goal, a, s };
}

const count = (table: string, where = '1 = 1', ...values: unknown[]) =>
  (t!.core.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...values) as { n: number }).n;

describe('deleting a client (the right to erasure)', () => {
  it('deletes an archived client and everything of theirs, and nothing of anyone else', async () => {
    t = await unlockedCore({ now: () => NOW });
    const { c, s, a } = await fullClient(t, ZOE, NOTE);
    const other = await fullClient(t, { name: OTHER, startDate: '2026-01-10' }, 'Marcus’s own words');
    const before = Object.fromEntries((Object.keys(ERASURE) as TableName[]).map((tbl) => [tbl, count(tbl)])) as Record<
      TableName,
      number
    >;

    // An active client is not deleted: archive first.
    expect(await failure(t.api.clients.delete({ id: c.id }))).toMatchObject({ code: 'CONFLICT' });
    await t.do.clients.archive({ id: c.id });
    expect(await t.do.clients.delete({ id: c.id })).toEqual({ deleted: true, tracesOverwritten: true });

    expect(await failure(t.api.clients.get({ id: c.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(t.api.sessions.get({ id: s.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(t.api.assignments.get({ id: a.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.do.clients.list({ status: 'all' })).map((x) => x.name)).toEqual([OTHER]);
    for (const tbl of ['goal', 'assignment', 'session', 'practice_record', 'pdf_import']) {
      expect(count(tbl, 'client_id = ?', c.id), tbl).toBe(0);
      expect(count(tbl, 'client_id = ?', other.c.id), tbl).toBeGreaterThan(0);
    }
    expect(count('homework_review', 'session_id = ?', s.id)).toBe(0);
    expect(count('homework_review', 'session_id = ?', other.s.id)).toBe(1);
    expect(count('draft', 'instr(form_key, ?) > 0', c.id)).toBe(0);
    expect(count('draft', 'instr(form_key, ?) > 0', other.c.id)).toBe(2);
    // The library stays: worksheets are everyone's.
    expect(count('worksheet')).toBe(before.worksheet);
    expect(count('worksheet_version')).toBe(before.worksheet_version);

    // The audit trail: one event, with nothing of whom or what; the chain still whole.
    const last = (await t.do.audit.list({ limit: 1 }))[0];
    expect(last).toMatchObject({ action: 'deleted', entity: 'client', entityId: null, detail: CLIENT_DELETED_DETAIL });
    const trail = JSON.stringify(t.core.db.prepare('SELECT * FROM audit_event').all());
    for (const words of [NAME, 'Xan', NOTE, 'marmalade', 'Learned', 'Practice:']) expect(trail).not.toContain(words);
    expect(auditChainProblem(t.core.db)).toBeNull();
    expect(t.core.db.pragma('foreign_key_check')).toEqual([]);
    expect(t.core.requireVault().verify().healthy).toBe(true);

    // Deleted is deleted: a second time finds nothing.
    expect(await failure(t.api.clients.delete({ id: c.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names every table of the schema, and erases each one that can hold a client’s records', async () => {
    t = await unlockedCore({ now: () => NOW });
    const db = t.core.db;
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(Object.keys(ERASURE).sort()).toEqual(tables);

    // A client's records: the client table, every table with a client_id column, and every table
    // that refers (by a foreign key) to one of those — found until nothing more is added.
    const holds = new Set(['client']);
    for (let grew = true; grew;) {
      grew = false;
      for (const tbl of tables) {
        if (holds.has(tbl)) continue;
        const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(tbl) as { name: string }[];
        const refs = db.prepare(`SELECT "table" AS target FROM pragma_foreign_key_list(?)`).all(tbl) as { target: string }[];
        if (cols.some((col) => col.name === 'client_id') || refs.some((r) => holds.has(r.target))) {
          holds.add(tbl);
          grew = true;
        }
      }
    }
    for (const tbl of holds) expect(ERASURE[tbl as TableName], `${tbl} holds a client’s records`).toMatchObject({ erase: true });
    // Drafts hold a client's words in a form; they are erased though no key points to a client.
    expect(ERASURE.draft.erase).toBe(true);
  });

  it('leaves no trace on disk: the name and a note are in no decrypted page or WAL frame, free pages included', async () => {
    t = await unlockedCore({ now: () => NOW });
    const key = await vaultKey(t.dir, { passphrase: PASSPHRASE });
    try {
      // As in a vault made before secure_delete was on: edits leave old versions in free space.
      t.core.db.pragma('secure_delete = OFF');
      t.core.db.pragma('wal_autocheckpoint = 0');
      const { c } = await fullClient(t, ZOE, NOTE);
      await fullClient(t, { name: OTHER, startDate: '2026-01-10' }, 'Marcus’s own words');
      await t.do.clients.update({ id: c.id, client: { ...ZOE, name: `${NAME} (old spelling)` } });
      await t.do.clients.update({ id: c.id, client: ZOE });
      await t.do.clients.archive({ id: c.id });
      t.core.db.pragma('wal_checkpoint(PASSIVE)');
      t.core.db.pragma('secure_delete = ON');

      // The reading works: before the deletion the words are there, decrypted, and never raw.
      const seen = findInVault(t.dir, key, NAME);
      expect(seen.pages.length + seen.walFrames.length).toBeGreaterThan(0);
      expect(findInVault(t.dir, key, NOTE).walFrames.length).toBeGreaterThan(0);
      expect(seen.raw).toEqual([]);

      expect(await t.do.clients.delete({ id: c.id })).toEqual({ deleted: true, tracesOverwritten: true });

      for (const words of [NAME, NOTE, 'marmalade', 'Xanthippe']) {
        const found = findInVault(t.dir, key, words);
        expect(found, words).toMatchObject({ pages: [], walFrames: [], raw: [] });
        expect(found.pagesRead).toBeGreaterThan(1);
      }
      // The other client is still there, read the same way.
      expect(findInVault(t.dir, key, OTHER).pages.length).toBeGreaterThan(0);

      // And after more work and a lock, still nothing.
      await t.do.clients.create({ name: 'Someone new', startDate: TODAY });
      await t.do.vault.lock();
      const after = findInVault(t.dir, key, NAME);
      expect(after).toMatchObject({ pages: [], walFrames: [], raw: [] });
      await t.do.vault.unlock({ passphrase: PASSPHRASE });
      expect((await t.do.clients.list({ status: 'all' })).map((x) => x.name).sort()).toEqual([OTHER, 'Someone new']);
    } finally {
      key.fill(0);
    }
  });
});

describe('deleting a client while the vault is busy', () => {
  it('deletes at once, and overwrites the traces when the vault is locked', async () => {
    t = await unlockedCore({ now: () => NOW });
    const key = await vaultKey(t.dir, { passphrase: PASSPHRASE });
    // Another connection in the middle of a read: the checkpoint cannot restart the WAL under it.
    const reader = new Database(dbPath(t.dir), { readonly: true, timeout: 50 });
    try {
      reader.pragma(`cipher = 'sqlcipher'`);
      reader.pragma('legacy = 4');
      const literal = rawKeyLiteral(key);
      reader.key(literal);
      literal.fill(0);
      const { c } = await fullClient(t, ZOE, NOTE);
      await t.do.clients.archive({ id: c.id });
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM client').get();

      expect(await t.do.clients.delete({ id: c.id })).toEqual({ deleted: true, tracesOverwritten: false });
      expect(await failure(t.api.clients.get({ id: c.id }))).toMatchObject({ code: 'NOT_FOUND' });
      reader.exec('COMMIT');
      reader.close();

      await t.do.vault.lock();
      expect(findInVault(t.dir, key, NAME)).toMatchObject({ pages: [], walFrames: [], raw: [] });
      expect(findInVault(t.dir, key, NOTE)).toMatchObject({ pages: [], walFrames: [], raw: [] });
    } finally {
      if (reader.open) reader.close();
      key.fill(0);
    }
  });
});

describe('deleting a goal', () => {
  it('deletes a goal nothing points to, and says why not (and what instead) when something does', async () => {
    t = await unlockedCore({ now: () => NOW });
    const { c, goal } = await fullClient(t, ZOE, NOTE);
    const spare = await t.do.goals.create({ clientId: c.id, goal: { title: 'Sleep before midnight' } });
    expect(await t.do.goals.delete({ id: spare.id })).toEqual({ deleted: true });
    expect((await t.do.goals.list({ clientId: c.id })).map((g) => g.id)).toEqual([goal.id]);
    expect((await t.do.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'deleted', entity: 'goal', entityId: spare.id });

    const refused = await failure(t.api.goals.delete({ id: goal.id }));
    expect(refused).toEqual({
      code: 'CONFLICT',
      message:
        'This goal can’t be deleted: 1 homework assignment serves it. Mark it as dropped instead; its history stays linked.',
    });
    expect(await t.do.goals.list({ clientId: c.id })).toHaveLength(1);
    expect(await failure(t.api.goals.delete({ id: spare.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('retention', () => {
  it('counts years back on the calendar', () => {
    expect(yearsBefore('2026-03-14', 8)).toBe('2018-03-14');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
    expect(yearsBefore('2018-03-14', -6)).toBe('2024-03-14');
  });

  it('finds archived clients whose last contact is past the period, oldest first', async () => {
    t = await unlockedCore({ now: () => NOW });
    const old = await t.do.clients.create({ name: 'Old Archived', startDate: '2010-01-04' });
    await t.do.sessions.create({ clientId: old.id, date: '2017-06-01' });
    await t.do.clients.archive({ id: old.id });
    // Exactly at the edge: a start date eight years ago today, nothing after.
    const edge = await t.do.clients.create({ name: 'Edge Case', startDate: '2018-03-14' });
    await t.do.clients.archive({ id: edge.id });
    // Archived, but seen last year.
    const recent = await t.do.clients.create({ name: 'Recent Archived', startDate: '2012-01-04' });
    await t.do.sessions.create({ clientId: recent.id, date: '2025-11-03' });
    await t.do.clients.archive({ id: recent.id });
    // Old, but still active: never listed.
    await t.do.clients.create({ name: 'Old Active', startDate: '2011-01-04' });

    expect(await t.do.clients.pastRetention({ years: 8 })).toEqual([
      { id: old.id, name: 'Old Archived', preferredName: null, lastContact: '2017-06-01', keptUntil: '2025-06-01' },
      { id: edge.id, name: 'Edge Case', preferredName: null, lastContact: '2018-03-14', keptUntil: '2026-03-14' },
    ]);
    expect((await t.do.clients.pastRetention({ years: 6 })).map((r) => r.name)).toEqual(['Old Archived', 'Edge Case']);
    expect(await t.do.clients.pastRetention({ years: 9 })).toEqual([]);
    expect(await failure(t.api.clients.pastRetention({ years: 0 }))).toMatchObject({ code: 'VALIDATION' });
  });
});
