import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, KEY_FILE, PENDING_KEY_FILE } from '../../electron/core/vault/files';
import { createKeys, parseKeyFile, rawKeyLiteral, serializeKeyFile, unlockKey } from '../../electron/core/vault/keyfile';
import { PASSPHRASE, TEST_SCRYPT, unlockedCore, type TestCore } from '../support/vault';

let t: (TestCore & { recoveryKey: string }) | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const RECOVERY_KEY = /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/;

/** Opens the database file with a raw key alone: true when the key fits. */
function keyOpens(dir: string, dbKey: Buffer): boolean {
  const db = new Database(path.join(dir, DB_FILE), { fileMustExist: true, readonly: true });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(rawKeyLiteral(dbKey));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

const dbKeyOf = (keyText: string, secret: { passphrase: string } | { recoveryKey: string }) =>
  unlockKey(parseKeyFile(keyText).keyFile, secret);

async function withProbe() {
  t = await unlockedCore();
  t.core.write((db) => db.prepare(`INSERT INTO meta (key, value) VALUES ('probe', 'Zoë kept this')`).run());
  return t;
}
const probe = (tc: TestCore) =>
  (tc.core.db.prepare(`SELECT value FROM meta WHERE key = 'probe'`).get() as { value: string }).value;

describe('rekey: a new database key and a new recovery key', () => {
  it('re-encrypts in place: old key and old recovery key no longer open it; the new one and the passphrase do; data intact', async () => {
    const tc = await withProbe();
    const oldKeyText = readFileSync(path.join(tc.dir, KEY_FILE), 'utf8');
    const oldDbKey = await dbKeyOf(oldKeyText, { passphrase: PASSPHRASE });
    expect(keyOpens(tc.dir, oldDbKey)).toBe(true);

    const { recoveryKey } = await tc.do.vault.rekey({ passphrase: PASSPHRASE });
    expect(recoveryKey).toMatch(RECOVERY_KEY);
    expect(recoveryKey).not.toBe(tc.recoveryKey);
    expect(await tc.do.vault.status()).toEqual({ exists: true, unlocked: true });
    expect(probe(tc)).toBe('Zoë kept this');
    // Nothing left over: no pending key file, no rollback journal, no temporary file.
    expect(readdirSync(tc.dir).filter((f) => /\.new$|\.tmp$|-journal$/.test(f))).toEqual([]);
    const events = tc.core.db
      .prepare(`SELECT action, entity FROM audit_event WHERE entity = 'vault' AND action = 'changed'`)
      .all();
    expect(events).toEqual([{ action: 'changed', entity: 'vault' }]);

    // The old key (an old laptop's copy of the key file) no longer opens the database.
    const newKeyText = readFileSync(path.join(tc.dir, KEY_FILE), 'utf8');
    expect(newKeyText).not.toBe(oldKeyText);
    expect(keyOpens(tc.dir, oldDbKey)).toBe(false);
    const newDbKey = await dbKeyOf(newKeyText, { passphrase: PASSPHRASE });
    expect(newDbKey.equals(oldDbKey)).toBe(false);
    expect(keyOpens(tc.dir, newDbKey)).toBe(true);
    expect(JSON.parse(newKeyText).vaultId).toBe(JSON.parse(oldKeyText).vaultId);

    await tc.do.vault.lock();
    expect(await tc.api.vault.unlock({ recoveryKey: tc.recoveryKey })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    await tc.do.vault.unlock({ recoveryKey });
    expect(probe(tc)).toBe('Zoë kept this');
    expect(await tc.do.vault.verify()).toMatchObject({ healthy: true, integrity: 'ok' });
    await tc.do.vault.lock();
    await tc.do.vault.unlock({ passphrase: PASSPHRASE });
    expect(probe(tc)).toBe('Zoë kept this');

    // The old key file put back does not open the vault either.
    await tc.do.vault.lock();
    writeFileSync(path.join(tc.dir, KEY_FILE), oldKeyText);
    expect(await tc.api.vault.unlock({ passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'DAMAGED' },
    });
    expect(await tc.api.vault.unlock({ recoveryKey: tc.recoveryKey })).toMatchObject({
      ok: false,
      error: { code: 'DAMAGED' },
    });
    writeFileSync(path.join(tc.dir, KEY_FILE), newKeyText);
    await tc.do.vault.unlock({ passphrase: PASSPHRASE });
  });

  it('asks for the passphrase: a wrong one changes nothing', async () => {
    const tc = await withProbe();
    const before = readFileSync(path.join(tc.dir, KEY_FILE));
    const r = await tc.api.vault.rekey({ passphrase: 'not the passphrase at all' });
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(readFileSync(path.join(tc.dir, KEY_FILE)).equals(before)).toBe(true);
    expect(existsSync(path.join(tc.dir, PENDING_KEY_FILE))).toBe(false);
    expect(await tc.do.vault.status()).toEqual({ exists: true, unlocked: true });
    // @ts-expect-error -- a call without the passphrase is refused at the border
    expect(await tc.api.vault.rekey({})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await tc.do.vault.lock();
    expect(await tc.api.vault.rekey({ passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('can be done twice in a row, and after a passphrase change', async () => {
    const tc = await withProbe();
    const next = 'violet anchor drifting slowly';
    await tc.do.vault.rekey({ passphrase: PASSPHRASE });
    await tc.do.vault.changePassphrase({ current: { passphrase: PASSPHRASE }, next });
    const { recoveryKey } = await tc.do.vault.rekey({ passphrase: next });
    await tc.do.vault.lock();
    await tc.do.vault.unlock({ recoveryKey });
    expect(probe(tc)).toBe('Zoë kept this');
  });
});

describe('rekey interrupted (crash safety)', () => {
  it('before the re-encryption committed: the old key file still opens, the pending one is dropped', async () => {
    const tc = await withProbe();
    const keyText = readFileSync(path.join(tc.dir, KEY_FILE), 'utf8');
    const kf = parseKeyFile(keyText).keyFile;
    const pending = await createKeys(PASSPHRASE, new Date(), TEST_SCRYPT, { vaultId: kf.vaultId, createdAt: kf.createdAt });
    await tc.do.vault.lock();
    writeFileSync(path.join(tc.dir, PENDING_KEY_FILE), serializeKeyFile(pending.keyFile));
    await tc.do.vault.unlock({ passphrase: PASSPHRASE });
    expect(probe(tc)).toBe('Zoë kept this');
    expect(existsSync(path.join(tc.dir, PENDING_KEY_FILE))).toBe(false);
    expect(readFileSync(path.join(tc.dir, KEY_FILE), 'utf8')).toBe(keyText);
  });

  it('after the re-encryption committed but before the key files were swapped: the next unlock finishes the swap', async () => {
    const tc = await withProbe();
    const oldKeyText = readFileSync(path.join(tc.dir, KEY_FILE), 'utf8');
    const { recoveryKey } = await tc.do.vault.rekey({ passphrase: PASSPHRASE });
    const newKeyText = readFileSync(path.join(tc.dir, KEY_FILE), 'utf8');
    await tc.do.vault.lock();
    // As a crash between step 4 and 5 leaves the folder.
    writeFileSync(path.join(tc.dir, KEY_FILE), oldKeyText);
    writeFileSync(path.join(tc.dir, PENDING_KEY_FILE), newKeyText);
    await tc.do.vault.unlock({ passphrase: PASSPHRASE });
    expect(probe(tc)).toBe('Zoë kept this');
    expect(readFileSync(path.join(tc.dir, KEY_FILE), 'utf8')).toBe(newKeyText);
    expect(existsSync(path.join(tc.dir, PENDING_KEY_FILE))).toBe(false);
    await tc.do.vault.lock();
    await tc.do.vault.unlock({ recoveryKey });
  });
});
