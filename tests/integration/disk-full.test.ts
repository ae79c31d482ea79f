import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, makeCore, PASSPHRASE, type TestCore } from '../support/vault';
import { smallDisk, smallDiskProblem, type SmallDisk } from '../support/smalldisk';

const problem = smallDiskProblem();
const why = problem ? ` — skipped: ${problem}` : '';
if (problem) process.stderr.write(`disk-full tests skipped: ${problem}\n`);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});
function disk(kb: number): SmallDisk {
  const d = smallDisk(kb);
  cleanups.push(() => d.cleanup());
  return d;
}
function core(dir: string): TestCore {
  const t = makeCore({ vaultDir: dir });
  cleanups.push(() => t.cleanup());
  return t;
}

/** Files a vault folder may hold at rest: no temp file, no half-written key. */
const VAULT_FILES = new Set([
  'stepwise.db',
  'stepwise.db-wal',
  'stepwise.db-shm',
  'stepwise.key',
  'stepwise.attempts',
  'stepwise.lock',
]);
const strays = (dir: string, allowed = VAULT_FILES) => readdirSync(dir).filter((f) => !allowed.has(f) && f !== 'filler.bin');

/** A refusal in the clinician's words: the IO code, a plain message, nothing technical. */
function plain(e: { code: string; message: string }, says: RegExp) {
  expect(e.code).toBe('IO');
  expect(e.message).toMatch(says);
  expect(e.message).not.toMatch(/SQLITE|ENOSPC|EROFS|errno|stack|\/tmp/i);
}

describe.skipIf(problem !== null)(`a full disk and a read-only folder${why}`, () => {
  it('a write, a backup and a passphrase change on a full disk each give a plain message, leave no temp file, and lose nothing', async () => {
    const d = disk(6 * 1024);
    const dir = path.join(d.dir, 'vault');
    const t = core(dir);
    await t.do.vault.create({ passphrase: PASSPHRASE });
    const kept: string[] = [];
    for (let i = 0; i < 5; i++) kept.push((await t.do.clients.create({ name: `Client ${i}`, startDate: '2026-01-05' })).id);
    d.fill();

    // A write: refused, or saved and kept — never lost once acknowledged.
    let refusedWrites = 0;
    for (let i = 0; i < 20; i++) {
      const r = await t.api.clients.create({ name: `Late ${i}`, startDate: '2026-01-05', presentingConcerns: 'n'.repeat(4000) });
      if (r.ok) kept.push(r.value.id);
      else {
        refusedWrites++;
        plain(r.error, /disk is full/i);
      }
    }
    expect(refusedWrites).toBeGreaterThan(0);

    // A backup into a folder on the full disk.
    const folder = path.join(d.dir, 'backups');
    const b = await failure(t.api.backup.create({ folder }));
    plain(b, /full|not allowed to write|cannot be written|space/i);
    expect(readdirSync(d.dir).filter((f) => f.startsWith('.stepwise') || f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(folder).length === 0 || readdirSync(folder).every((f) => !f.endsWith('.tmp'))).toBe(true);
    expect(readdirSync(folder)).toEqual([]);

    // A passphrase change: refused in plain words, and the old passphrase still opens the vault.
    const c = await failure(
      t.api.vault.changePassphrase({ current: { passphrase: PASSPHRASE }, next: 'a whole new lantern passphrase 77' }),
    );
    plain(c, /full|space/i);
    expect(strays(dir)).toEqual([]);

    // Space again: everything acknowledged is there, and the old passphrase opens the vault.
    d.free();
    await t.do.vault.lock();
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    const ids = new Set((await t.do.clients.list({ status: 'all' })).map((x) => x.id));
    for (const id of kept) expect(ids.has(id)).toBe(true);
    expect((await t.do.vault.verify()).healthy).toBe(true);
    expect(strays(dir)).toEqual([]);
  });

  it('creating a vault on a full disk says so plainly and leaves nothing behind, so it can be tried again', async () => {
    const d = disk(2 * 1024);
    d.fill();
    const dir = path.join(d.dir, 'vault');
    const t = core(dir);
    const e = await failure(t.api.vault.create({ passphrase: PASSPHRASE }));
    plain(e, /full|space/i);
    expect(readdirSync(d.dir).filter((f) => f !== 'filler.bin' && f !== 'vault')).toEqual([]);
    expect(strays(dir, new Set(['stepwise.lock']))).toEqual([]);
    d.free();
    expect((await t.api.vault.create({ passphrase: PASSPHRASE })).ok).toBe(true);
    expect(await t.do.vault.status()).toEqual({ exists: true, unlocked: true });
  });

  it('a read-only folder: a backup there and an unlock there are refused plainly; the vault opens again when writable', async () => {
    const roDisk = disk(1024);
    const d = disk(6 * 1024);
    const dir = path.join(d.dir, 'vault');
    const t = core(dir);
    await t.do.vault.create({ passphrase: PASSPHRASE });
    const { id } = await t.do.clients.create({ name: 'Kept Client', startDate: '2026-01-05' });
    // A backup folder on a read-only disk (as root, chmod does not stop writing; a read-only mount does).
    roDisk.readOnly(true);
    plain(
      await failure(t.api.backup.create({ folder: path.join(roDisk.dir, 'backups') })),
      /not allowed to write|cannot be written|read-only/i,
    );
    plain(await failure(t.api.backup.create({ folder: roDisk.dir })), /not allowed to write|cannot be written|read-only/i);
    expect(readdirSync(roDisk.dir)).toEqual([]);
    // The vault's own folder made read-only while locked: unlocking says so plainly.
    await t.do.vault.lock();
    d.readOnly(true);
    plain(
      await failure(t.api.vault.unlock({ passphrase: PASSPHRASE })),
      /read-only|cannot be written|not allowed to write|cannot use the vault folder/i,
    );
    expect(await t.do.vault.status()).toEqual({ exists: true, unlocked: false });
    d.readOnly(false);
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    expect((await t.do.clients.get({ id })).name).toBe('Kept Client');
    expect(strays(dir)).toEqual([]);
  });
});
