import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault/vault';
import { DB_FILE, KEY_FILE } from '../../electron/core/vault/files';
import { LATEST_VERSION } from '../../electron/core/vault/migrate';
import { DEFAULT_SCRYPT, keyFileSchema, unlockKey } from '../../electron/core/vault/keyfile';
import { makeCore, PASSPHRASE, TEST_SCRYPT, tempDir, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

/** The vault's files; stepwise.attempts (the wrong-passphrase count, no secret) is not vault content. */
function filesOf(dir: string): Buffer[] {
  return readdirSync(dir)
    .filter((f) => f !== 'stepwise.attempts')
    .map((f) => readFileSync(path.join(dir, f)));
}

describe('vault', () => {
  it('creates an encrypted vault with a recovery key and reports its status', async () => {
    t = makeCore();
    expect(await t.do.vault.status()).toEqual({ exists: false, unlocked: false });
    const { recoveryKey } = await t.do.vault.create({ passphrase: PASSPHRASE });
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await t.do.vault.status()).toEqual({ exists: true, unlocked: true });
    expect(existsSync(path.join(t.dir, DB_FILE))).toBe(true);
    expect(existsSync(path.join(t.dir, KEY_FILE))).toBe(true);
    const info = await t.do.vault.info();
    expect(info.schemaVersion).toBe(LATEST_VERSION);
    expect(info.counts.audit_event).toBeGreaterThanOrEqual(1);
  });

  it('writes nothing readable: no SQLite header, no table names, in any file of the folder', async () => {
    t = await unlockedCore();
    t.core.write((db) =>
      db.exec(`CREATE TABLE plaintext_probe (v TEXT); INSERT INTO plaintext_probe VALUES ('Zoë Łukasiewicz')`),
    );
    // While open (WAL present) and after locking.
    for (const phase of ['open', 'locked']) {
      if (phase === 'locked') await t.do.vault.lock();
      for (const content of filesOf(t.dir)) {
        expect(content.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
        for (const needle of ['plaintext_probe', 'audit_event', 'Łukasiewicz', 'CREATE TABLE']) {
          expect(content.includes(Buffer.from(needle, 'utf8'))).toBe(false);
        }
      }
    }
    let sqliteSays = '';
    try {
      sqliteSays = execFileSync('sqlite3', [path.join(t.dir, DB_FILE), '.tables'], { stdio: 'pipe' }).toString();
    } catch (e) {
      sqliteSays = String((e as { stderr?: Buffer }).stderr ?? e);
    }
    expect(sqliteSays).toMatch(/not a database|encrypted/i);
  });

  it('locks, unlocks with the passphrase, and keeps data', async () => {
    t = await unlockedCore();
    t.core.write((db) => db.prepare(`INSERT INTO meta (key, value) VALUES ('probe', 'kept')`).run());
    expect(await t.do.vault.lock()).toEqual({ exists: true, unlocked: false });
    const locked = await t.api.vault.info();
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    const row = t.core.db.prepare(`SELECT value FROM meta WHERE key = 'probe'`).get() as { value: string };
    expect(row.value).toBe('kept');
  });

  it('refuses a wrong passphrase clearly, slows repeated failures, and damages nothing', async () => {
    const waits: number[] = [];
    t = await unlockedCore({ sleep: async (ms) => void waits.push(ms) });
    await t.do.vault.lock();
    const before = filesOf(t.dir).map((b) => b.toString('base64'));
    for (let i = 0; i < 5; i++) {
      const r = await t.api.vault.unlock({ passphrase: `wrong passphrase ${i}` });
      expect(r).toEqual({
        ok: false,
        error: { code: 'WRONG_PASSPHRASE', message: 'That passphrase is not right. Please check it and try again.' },
      });
    }
    expect(waits).toEqual([1000, 2000]);
    expect(filesOf(t.dir).map((b) => b.toString('base64'))).toEqual(before);
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    expect(t.core.attempts.count(t.dir)).toBe(0);
  });

  it('unlocks with the recovery key however it is typed, and refuses a wrong one', async () => {
    t = await unlockedCore();
    const { recoveryKey } = t as TestCore & { recoveryKey: string };
    await t.do.vault.lock();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await t.do.vault.unlock({ recoveryKey: typed });
    await t.do.vault.lock();
    const wrong = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const r = await t.api.vault.unlock({ recoveryKey: wrong });
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const junk = await t.api.vault.unlock({ recoveryKey: 'not a key' });
    expect(junk).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  });

  it('changes the passphrase by rewrapping the key, without re-encrypting the database', async () => {
    t = await unlockedCore();
    const keyOf = (secret: { passphrase: string }) =>
      unlockKey(keyFileSchema.parse(JSON.parse(readFileSync(path.join(t!.dir, KEY_FILE), 'utf8'))), secret);
    const dbKeyBefore = await keyOf({ passphrase: PASSPHRASE });
    const wrong = await t.api.vault.changePassphrase({
      current: { passphrase: 'not it at all' },
      next: 'a brand new passphrase',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const short = await t.api.vault.changePassphrase({ current: { passphrase: PASSPHRASE }, next: 'short' });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'A passphrase needs at least 10 characters.' },
    });
    await t.do.vault.changePassphrase({ current: { passphrase: PASSPHRASE }, next: 'a brand new passphrase' });
    await t.do.vault.lock();
    // The same database key, now wrapped under the new passphrase: nothing was re-encrypted.
    expect((await keyOf({ passphrase: 'a brand new passphrase' })).equals(dbKeyBefore)).toBe(true);
    expect(await t.api.vault.unlock({ passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    await t.do.vault.unlock({ passphrase: 'a brand new passphrase' });
  });

  it('sets a new passphrase with the recovery key when the old one is forgotten', async () => {
    t = await unlockedCore();
    const { recoveryKey } = t as TestCore & { recoveryKey: string };
    await t.do.vault.lock();
    await t.do.vault.unlock({ recoveryKey });
    await t.do.vault.changePassphrase({ current: { recoveryKey }, next: 'remembered this time' });
    await t.do.vault.lock();
    await t.do.vault.unlock({ passphrase: 'remembered this time' });
  });

  it('verifies integrity and schema version', async () => {
    t = await unlockedCore();
    expect(await t.do.vault.verify()).toEqual({ healthy: true, integrity: 'ok', schemaVersion: LATEST_VERSION });
  });

  it('refuses to create over an existing vault, and reports a damaged database', async () => {
    t = await unlockedCore();
    expect(await t.api.vault.create({ passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await t.do.vault.lock();
    const db = path.join(t.dir, DB_FILE);
    const bytes = readFileSync(db);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(db, bytes);
    const r = await t.api.vault.unlock({ passphrase: PASSPHRASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
    if (!r.ok) expect(r.error.message).not.toMatch(/SQLITE|Error:|at /);
  });

  it('reports a damaged key file in plain words', async () => {
    t = await unlockedCore();
    await t.do.vault.lock();
    writeFileSync(path.join(t.dir, KEY_FILE), '{"format":"something else"}');
    expect(await t.api.vault.unlock({ passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
  });

  it('uses scrypt with N=2^17, r=8 for real vaults', async () => {
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_SCRYPT.r).toBeGreaterThanOrEqual(8);
    const { dir, cleanup } = tempDir();
    try {
      const { vault } = await Vault.create(dir, PASSPHRASE);
      vault.close();
      const key = JSON.parse(readFileSync(path.join(dir, KEY_FILE), 'utf8'));
      expect(key.passphrase).toMatchObject({ kdf: 'scrypt', N: 2 ** 17, r: 8 });
      (await Vault.open(dir, { passphrase: PASSPHRASE })).close();
    } finally {
      cleanup();
    }
  });

  it('test scrypt is still scrypt', () => {
    expect(TEST_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 14);
  });
});
