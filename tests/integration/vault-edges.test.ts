import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api';
import { Core, type AuditAction, type AuditEvent, type AuditEvents, type CoreOptions } from '../../electron/core/core';
import type { WriteDb } from '../../electron/core/db/handle';
import type { Db } from '../../electron/core/vault/vault';
import { hostClient } from '../../electron/host';
import { coreContract } from '../../shared/contract';
import { failureDelayMs } from '../../electron/core/vault/attempts';
import { ATTEMPTS_FILE, DB_FILE, KEY_FILE, writeFileAtomic, writeFileExclusive } from '../../electron/core/vault/files';
import { OPEN_ELSEWHERE_MESSAGE } from '../../electron/core/vault/lock';
import { passphraseProblem, passphraseStrength } from '../../shared/passphrase';
import { makeCore, PASSPHRASE, TEST_SCRYPT, tempDir, testCallError, unlockedCore } from '../support/vault';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});
function track<T extends { cleanup: () => void }>(t: T): T {
  cleanups.push(() => t.cleanup());
  return t;
}

/**
 * A core whose audited writes can be made to fail, as a full disk would make them fail: the
 * transaction that would record the named action (or entity) fails before it writes anything.
 */
class FlakyAuditCore extends Core {
  failOn: AuditAction | 'passphrase' | null = null;
  override write<T>(audit: AuditEvents | ((result: T) => AuditEvents), fn: (w: WriteDb) => T): T;
  override write<T>(fn: (db: Db) => T): T;
  override write<T>(first: AuditEvents | ((result: T) => AuditEvents) | ((db: Db) => T), fn?: (w: WriteDb) => T): T {
    if (fn === undefined) return super.write(first as (db: Db) => T);
    const audit = first as AuditEvents | ((result: T) => AuditEvents);
    const failOn = this.failOn;
    return super.write(audit, (w) => {
      const named = typeof audit === 'function' ? [] : Array.isArray(audit) ? audit : [audit as AuditEvent];
      if (named.some((e) => e.action === failOn || e.entity === failOn))
        throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
      return fn(w);
    });
  }
}

function flakyCore(vaultDir: string, opts: Partial<CoreOptions> = {}) {
  const core = new FlakyAuditCore({ vault: { scrypt: TEST_SCRYPT }, sleep: async () => {}, ...opts, vaultDir });
  const dispatch = createDispatcher(core, () => {});
  const client = hostClient(coreContract, dispatch, { error: testCallError });
  return { core, dispatch, api: client.api, do: client.do, cleanup: () => core.close() };
}

const unlockedEvents = (t: { core: Core }) =>
  (t.core.db.prepare(`SELECT count(*) AS n FROM audit_event WHERE action = 'unlocked'`).get() as { n: number }).n;

const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.new'));

describe('vault operations, one at a time', () => {
  it('two concurrent unlocks open the vault once', async () => {
    const t = track(await unlockedCore());
    await t.do.vault.lock();
    const [a, b] = await Promise.all([
      t.api.vault.unlock({ passphrase: PASSPHRASE }),
      t.api.vault.unlock({ passphrase: PASSPHRASE }),
    ]);
    expect(a).toEqual({ ok: true, value: { exists: true, unlocked: true } });
    expect(b).toEqual({ ok: true, value: { exists: true, unlocked: true } });
    // One opening, one event: the second unlock found the vault open and only checked the secret.
    expect(unlockedEvents(t)).toBe(1);
  });

  it('parallel wrong guesses wait their turn, each behind the delay the one before earned', async () => {
    const log: string[] = [];
    const t = track(
      await unlockedCore({
        sleep: async (ms) => {
          log.push(`wait ${ms}`);
          await new Promise((r) => setImmediate(r));
          log.push('done');
        },
      }),
    );
    await t.do.vault.lock();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.api.vault.unlock({ passphrase: `wrong guess number ${i}` })),
    );
    expect(results.every((r) => !r.ok && r.error.code === 'WRONG_PASSPHRASE')).toBe(true);
    // Strictly one wait after another: no two guesses were in flight at once.
    expect(log).toEqual(['wait 1000', 'done', 'wait 2000', 'done', 'wait 4000', 'done']);
    expect(t.core.attempts.count(t.dir)).toBe(6);
  });

  it('an open vault still checks the secret: a wrong one is refused and changes nothing', async () => {
    const t = track(await unlockedCore());
    const r = await t.api.vault.unlock({ passphrase: 'definitely not the passphrase' });
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await t.do.vault.status()).toEqual({ exists: true, unlocked: true });
    expect(t.core.attempts.count(t.dir)).toBe(1);
    const wrongKey = await t.api.vault.unlock({ recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await t.do.vault.unlock({ passphrase: PASSPHRASE })).toEqual({ exists: true, unlocked: true });
    expect(t.core.attempts.count(t.dir)).toBe(0);
  });

  it('vault.create while unlocked is refused and leaves the vault open', async () => {
    const t = track(await unlockedCore());
    t.core.write((db) => db.prepare(`INSERT INTO meta (key, value) VALUES ('probe', 'still here')`).run());
    expect(await t.api.vault.create({ passphrase: 'another vault entirely please' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await t.do.vault.status()).toEqual({ exists: true, unlocked: true });
    expect(t.core.db.prepare(`SELECT value FROM meta WHERE key = 'probe'`).get()).toEqual({ value: 'still here' });
  });

  it('a failed audit write after the database opened locks the vault again; a wrong passphrase then fails', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const vaultDir = path.join(dir, 'vault');
    const t = flakyCore(vaultDir);
    cleanups.push(t.cleanup);
    expect(await t.api.vault.create({ passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    await t.api.vault.lock(undefined);
    t.core.failOn = 'unlocked';
    const r = await t.api.vault.unlock({ passphrase: PASSPHRASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/disk is full/) } });
    expect(await t.api.vault.status(undefined)).toEqual({ ok: true, value: { exists: true, unlocked: false } });
    expect(t.core.vault).toBeNull();
    // The database was closed, not left open for the next caller.
    const wrong = await t.api.vault.unlock({ passphrase: 'not the passphrase at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    t.core.failOn = null;
    expect(await t.api.vault.unlock({ passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: { exists: true, unlocked: true },
    });
  });

  it('changePassphrase racing lock never rewraps around a wiped key', async () => {
    const t = track(await unlockedCore());
    const next = 'violet anchor drifting slowly';
    // The change first, the lock right behind it: the lock waits; the change completes with the key.
    const [changed, locked] = await Promise.all([
      t.api.vault.changePassphrase({ current: { passphrase: PASSPHRASE }, next }),
      t.api.vault.lock(undefined),
    ]);
    expect(changed).toEqual({ ok: true, value: { changed: true } });
    expect(locked).toEqual({ ok: true, value: { exists: true, unlocked: false } });
    expect(await t.api.vault.unlock({ passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await t.do.vault.unlock({ passphrase: next })).toEqual({ exists: true, unlocked: true });
    // The lock first: the change finds the vault locked and changes nothing.
    const [locked2, refused] = await Promise.all([
      t.api.vault.lock(undefined),
      t.api.vault.changePassphrase({ current: { passphrase: next }, next: PASSPHRASE }),
    ]);
    expect(locked2).toMatchObject({ ok: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await t.do.vault.unlock({ passphrase: next })).toEqual({ exists: true, unlocked: true });
  });
});

describe('create never overwrites', () => {
  it('is refused when only the key file is there, and keeps it', async () => {
    const t = track(await unlockedCore());
    await t.do.vault.lock();
    rmSync(path.join(t.dir, DB_FILE));
    const key = readFileSync(path.join(t.dir, KEY_FILE));
    // The folder still counts as a vault (a damaged one), so the screens offer unlock, not create.
    expect(await t.do.vault.status()).toEqual({ exists: true, unlocked: false });
    const r = await t.api.vault.create({ passphrase: 'quite another passphrase here' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('stepwise.key') } });
    expect(readFileSync(path.join(t.dir, KEY_FILE)).equals(key)).toBe(true);
    const open = await t.api.vault.unlock({ passphrase: PASSPHRASE });
    expect(open).toMatchObject({ ok: false, error: { code: 'DAMAGED', message: expect.stringContaining('stepwise.db') } });
    expect(existsSync(path.join(t.dir, DB_FILE))).toBe(false);
  });

  it('is refused when only the database is there, and keeps it', async () => {
    const t = track(await unlockedCore());
    await t.do.vault.lock();
    rmSync(path.join(t.dir, KEY_FILE));
    const db = readFileSync(path.join(t.dir, DB_FILE));
    const r = await t.api.vault.create({ passphrase: 'quite another passphrase here' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('stepwise.db') } });
    expect(readFileSync(path.join(t.dir, DB_FILE)).equals(db)).toBe(true);
    expect(existsSync(path.join(t.dir, KEY_FILE))).toBe(false);
    const open = await t.api.vault.unlock({ passphrase: PASSPHRASE });
    expect(open).toMatchObject({ ok: false, error: { code: 'DAMAGED', message: expect.stringContaining('stepwise.key') } });
  });

  it('writes the key file exclusively: an existing file is never replaced', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, KEY_FILE);
    writeFileSync(file, 'the original');
    expect(() => writeFileExclusive(file, 'a replacement')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(file, 'utf8')).toBe('the original');
    expect(readdirSync(dir)).toEqual([KEY_FILE]);
    writeFileExclusive(path.join(dir, 'other'), 'new content');
    expect(readFileSync(path.join(dir, 'other'), 'utf8')).toBe('new content');
    expect(readdirSync(dir).sort()).toEqual(['other', KEY_FILE]);
  });
});

describe('changing the passphrase is atomic and reported truthfully', () => {
  it('leaves no temporary file, and the new passphrase (only) opens the vault', async () => {
    const t = track(await unlockedCore());
    const next = 'violet anchor drifting slowly';
    await t.do.vault.changePassphrase({ current: { passphrase: PASSPHRASE }, next });
    expect(tempFiles(t.dir)).toEqual([]);
    const events = t.core.db.prepare(`SELECT action, entity FROM audit_event WHERE entity = 'passphrase'`).all();
    expect(events).toEqual([{ action: 'changed', entity: 'passphrase' }]);
    await t.do.vault.lock();
    expect(await t.api.vault.unlock({ passphrase: PASSPHRASE })).toMatchObject({ ok: false });
    await t.do.vault.unlock({ passphrase: next });
  });

  it('reports a failure only when nothing changed: the old passphrase still opens, no temporary file', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const t = flakyCore(path.join(dir, 'vault'));
    cleanups.push(t.cleanup);
    await t.api.vault.create({ passphrase: PASSPHRASE });
    t.core.failOn = 'passphrase';
    const r = await t.api.vault.changePassphrase({
      current: { passphrase: PASSPHRASE },
      next: 'violet anchor drifting slowly',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'IO' } });
    expect(tempFiles(t.core.vaultDir)).toEqual([]);
    t.core.failOn = null;
    await t.api.vault.lock(undefined);
    expect(await t.api.vault.unlock({ passphrase: 'violet anchor drifting slowly' })).toMatchObject({ ok: false });
    expect(await t.api.vault.unlock({ passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });

  it('a failed atomic write removes its temporary file and keeps the old content', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const target = path.join(dir, 'is-a-folder');
    // Renaming a file over a non-empty folder fails after the temporary file was written.
    writeFileAtomic(path.join(dir, 'keep'), 'kept');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'never')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['is-a-folder', 'keep']);
    expect(readFileSync(path.join(dir, 'keep'), 'utf8')).toBe('kept');
  });
});

describe('wrong-passphrase delays persist', () => {
  it('across two cores (a restart, or the command line), kept beside the vault without secrets', async () => {
    const first = track(await unlockedCore());
    await first.do.vault.lock();
    for (let i = 0; i < 5; i++) await first.api.vault.unlock({ passphrase: `wrong guess number ${i}` });
    first.core.close();
    const record = JSON.parse(readFileSync(path.join(first.dir, ATTEMPTS_FILE), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(record).sort()).toEqual(['failures', 'lastFailureAt']);
    expect(record.failures).toBe(5);

    const waits: number[] = [];
    const second = new Core({ vaultDir: first.dir, vault: { scrypt: TEST_SCRYPT }, sleep: async (ms) => void waits.push(ms) });
    cleanups.push(() => second.close());
    const { api } = hostClient(
      coreContract,
      createDispatcher(second, () => {}),
    );
    expect(second.attempts.count(first.dir)).toBe(5);
    await api.vault.unlock({ passphrase: 'wrong guess number 5' });
    // First what is left of the 5th failure's delay, then the 6th failure's own.
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(failureDelayMs(5));
    expect(waits[1]).toBe(failureDelayMs(6));
    // The right passphrase still waits its turn, then resets the count and removes the record.
    await api.vault.unlock({ passphrase: PASSPHRASE });
    expect(second.attempts.count(first.dir)).toBe(0);
    expect(existsSync(path.join(first.dir, ATTEMPTS_FILE))).toBe(false);
  });
});

describe('passphrase strength', () => {
  it('refuses the weakest, with a plain explanation, in create and change', async () => {
    expect(passphraseStrength('password12').acceptable).toBe(false);
    expect(passphraseProblem('password12')).toMatch(/too easy to guess/);
    expect(passphraseStrength(PASSPHRASE).acceptable).toBe(true);
    expect(passphraseProblem(PASSPHRASE)).toBeNull();
    const hint = passphraseStrength('password12').hint;
    expect(hint).toMatch(/commonly used password/);
    expect(hint).toMatch(/would need .* to find it/);

    const t = track(makeCore());
    for (const weak of ['password12', 'qwertyuiop12', 'aaaaaaaaaaaaaa', 'stepwise2026']) {
      const r = await t.api.vault.create({ passphrase: weak });
      expect(r, weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { passphrase: expect.any(String) } } });
    }
    expect(existsSync(t.dir)).toBe(false);
    await t.do.vault.create({ passphrase: PASSPHRASE });
    const change = await t.api.vault.changePassphrase({ current: { passphrase: PASSPHRASE }, next: 'password12' });
    expect(change).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { next: expect.stringMatching(/too easy/) } },
    });
  });
});

describe('one process per vault', () => {
  it('a second core on the same vault is told plainly, at once; after the first locks, it opens', async () => {
    const a = track(await unlockedCore());
    const b = track(makeCore({ vaultDir: a.dir }));
    const r = await b.api.vault.unlock({ passphrase: PASSPHRASE });
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: OPEN_ELSEWHERE_MESSAGE } });
    expect(OPEN_ELSEWHERE_MESSAGE).toMatch(/open in another Stepwise window or command/);
    // A refused attempt is not a wrong passphrase.
    expect(b.core.attempts.count(a.dir)).toBe(0);
    // The refused core in this process did not loosen the lock for other processes (closing any
    // descriptor of a file drops a process's fcntl locks on it).
    const other = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hold-vault.ts', a.dir], {
      env: { ...process.env, STEPWISE_PASSPHRASE: PASSPHRASE },
    });
    cleanups.push(() => other.kill('SIGKILL'));
    expect(await new Promise((resolve) => other.stdout.once('data', (d: Buffer) => resolve(String(d).trim())))).toBe('CONFLICT');
    other.kill('SIGKILL');
    await a.do.vault.lock();
    expect(await b.do.vault.unlock({ passphrase: PASSPHRASE })).toEqual({ exists: true, unlocked: true });
    expect(await a.api.vault.unlock({ passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('another process holding the vault: the command line is told plainly; a killed holder leaves no stale lock', async () => {
    const a = track(await unlockedCore());
    await a.do.vault.lock();
    const env = { ...process.env, STEPWISE_PASSPHRASE: PASSPHRASE };
    const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hold-vault.ts', a.dir], { env });
    cleanups.push(() => holder.kill('SIGKILL'));
    const first = await new Promise<string>((resolve) => holder.stdout.once('data', (d: Buffer) => resolve(String(d).trim())));
    expect(first).toBe('open');

    expect(await a.api.vault.unlock({ passphrase: PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: OPEN_ELSEWHERE_MESSAGE },
    });
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'verify', '--vault', a.dir], {
      env,
      encoding: 'utf8',
      input: '',
    });
    expect(`${cli.status} ${cli.stdout} ${cli.stderr}`).toBe(`1  stepwise: ${OPEN_ELSEWHERE_MESSAGE}\n`);
    expect(cli.stderr).toBe(`stepwise: ${OPEN_ELSEWHERE_MESSAGE}\n`);

    const exited = new Promise((r) => holder.once('exit', r));
    holder.kill('SIGKILL');
    await exited;
    expect(await a.do.vault.unlock({ passphrase: PASSPHRASE })).toEqual({ exists: true, unlocked: true });
  });
});
