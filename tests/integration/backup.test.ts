import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { sql, sqlIdentifier } from '../../electron/core/db/sql';
import { ReadDb } from '../../electron/core/db/handle';
import { backupFileName } from '../../electron/core/vault/retention';
import type { Db } from '../../electron/core/vault/vault';
import { failure, makeCore, PASSPHRASE, tempDir, unlockedCore } from '../support/vault';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});
function track<T extends { cleanup: () => void }>(t: T): T {
  cleanups.push(() => t.cleanup());
  return t;
}

/** Every table's rows, in a stable order: the vault's logical content. */
function content(db: Db): Record<string, unknown[]> {
  const read = new ReadDb(db);
  const out: Record<string, unknown[]> = {};
  for (const { name } of read.all(
    sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  )) {
    out[name] = read
      .all(sql<Record<string, unknown>>`SELECT * FROM ${sqlIdentifier(name)}`)
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

const NOW = new Date('2026-11-28T10:00:00Z');

async function seeded() {
  let now = NOW;
  const t = track(await unlockedCore({ now: () => now }));
  await seedDemo(t.do, NOW);
  const folder = path.join(track(tempDir('stepwise-backups-')).dir, 'backups');
  return { ...t, folder, setNow: (d: Date) => (now = d) };
}

describe('backups', () => {
  it('a backup restores into a new folder with the same content, table by table', async () => {
    const t = await seeded();
    const before = content(t.core.db);
    const made = await t.do.backup.create({ folder: t.folder });
    expect(path.basename(made.file)).toBe(backupFileName(NOW));

    const target = path.join(track(tempDir()).dir, 'restored');
    const other = track(makeCore({ vaultDir: target }));
    const r = await other.do.backup.restore({
      file: made.file,
      secret: { passphrase: PASSPHRASE },
      target: { kind: 'new', vaultDir: target },
    });
    expect(r.check.healthy).toBe(true);
    await other.do.vault.unlock({ passphrase: PASSPHRASE });
    const after = content(other.core.db);
    // The restored vault has the audit events of its own unlock on top; everything else is equal.
    const strip = (c: Record<string, unknown[]>) => ({
      ...c,
      audit_event: [],
      meta: c.meta!.filter((m) => !/last_backup/.test(JSON.stringify(m))),
    });
    expect(strip(after)).toEqual(strip(before));
    const maxId = Math.max(...before.audit_event!.map((e) => (e as { id: number }).id));
    expect(after.audit_event!.filter((e) => (e as { id: number }).id <= maxId)).toEqual(before.audit_event);
  });

  it('holds nothing in plaintext: no SQLite header, no client name, no file name', async () => {
    const t = await seeded();
    const { file } = await t.do.backup.create({ folder: t.folder });
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const names = (await t.do.clients.list({ status: 'all' })).map((c) => c.name);
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) expect(bytes.includes(Buffer.from(n))).toBe(false);
    expect(bytes.includes(Buffer.from('stepwise.db'))).toBe(false);
    // Nothing but the backup is left in the folder (the snapshot's temporary file is gone).
    expect(readdirSync(t.folder)).toEqual([path.basename(file)]);
  });

  it('is checked with the open vault’s key, the passphrase or the recovery key; damage is damage', async () => {
    const t = await seeded();
    const { file } = await t.do.backup.create({ folder: t.folder });
    const live = await t.do.backup.check({ file });
    expect(live.healthy).toBe(true);
    expect(live.counts.client).toBeGreaterThan(3);
    expect((await t.do.backup.check({ file, secret: { passphrase: PASSPHRASE } })).healthy).toBe(true);
    expect((await t.do.backup.check({ file, secret: { recoveryKey: t.recoveryKey } })).healthy).toBe(true);
    expect((await failure(t.api.backup.check({ file, secret: { passphrase: 'not the passphrase at all' } }))).code).toBe(
      'WRONG_PASSPHRASE',
    );

    const bytes = readFileSync(file);
    for (const at of [bytes.length - 5, Math.floor(bytes.length / 2), 2000]) {
      const bad = Buffer.from(bytes);
      bad[at] = bad[at]! ^ 0x40;
      const f = path.join(t.folder, `bad-${at}`);
      writeFileSync(f, bad);
      const e = await failure(t.api.backup.check({ file: f, secret: { passphrase: PASSPHRASE } }));
      expect(e.code).toBe('DAMAGED');
    }
    const cut = path.join(t.folder, 'cut');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    expect((await failure(t.api.backup.check({ file: cut }))).code).toBe('DAMAGED');
    expect((await failure(t.api.backup.check({ file: path.join(t.folder, 'none') }))).code).toBe('NOT_FOUND');
  });

  it('after new keys, an older backup needs its own passphrase', async () => {
    const t = await seeded();
    const { file } = await t.do.backup.create({ folder: t.folder });
    await t.do.vault.rekey({ passphrase: PASSPHRASE });
    const e = await failure(t.api.backup.check({ file }));
    expect(e.code).toBe('WRONG_PASSPHRASE');
    expect(e.message).toMatch(/other keys/);
    expect((await t.do.backup.check({ file, secret: { passphrase: PASSPHRASE } })).healthy).toBe(true);
  });

  it('replaces the open vault, keeping the current one aside until the restored one opened', async () => {
    const t = await seeded();
    const { file } = await t.do.backup.create({ folder: t.folder });
    const before = content(t.core.db);
    await t.do.clients.create({ name: 'Added After Backup', startDate: '2026-11-01' });
    const r = await t.do.backup.restore({
      file,
      secret: { passphrase: PASSPHRASE },
      target: { kind: 'replace', confirmed: true },
    });
    expect(r.vaultDir).toBe(t.dir);
    expect((await t.do.vault.status()).unlocked).toBe(true);
    const names = (await t.do.clients.list({ status: 'all' })).map((c) => c.name);
    expect(names).not.toContain('Added After Backup');
    expect(content(t.core.db).client).toEqual(before.client);
    expect((await t.do.vault.verify()).healthy).toBe(true);
    // No folder left beside the vault.
    expect(readdirSync(path.dirname(t.dir)).filter((n) => n.startsWith(path.basename(t.dir)))).toEqual([path.basename(t.dir)]);
  });

  it('a failed replace (wrong passphrase) leaves the current vault as it was', async () => {
    const t = await seeded();
    const { file } = await t.do.backup.create({ folder: t.folder });
    await t.do.clients.create({ name: 'Still Here', startDate: '2026-11-01' });
    const e = await failure(
      t.api.backup.restore({ file, secret: { passphrase: 'wrong wrong wrong' }, target: { kind: 'replace', confirmed: true } }),
    );
    expect(e.code).toBe('WRONG_PASSPHRASE');
    expect((await t.do.clients.list({ status: 'all' })).map((c) => c.name)).toContain('Still Here');
  });

  it('never restores over a vault, and leaves nothing behind when refused', async () => {
    const t = await seeded();
    const { file } = await t.do.backup.create({ folder: t.folder });
    const e = await failure(
      t.api.backup.restore({ file, secret: { passphrase: PASSPHRASE }, target: { kind: 'new', vaultDir: t.dir } }),
    );
    expect(e.code).toBe('CONFLICT');
  });

  it('status: the last good backup, due after a day, stale after a week (fixed clock)', async () => {
    const t = await seeded();
    expect(await t.do.backup.status()).toMatchObject({ lastBackupAt: null, stale: true, due: true });
    await t.do.backup.create({ folder: t.folder });
    expect(await t.do.backup.status()).toMatchObject({ lastBackupAt: NOW.toISOString(), stale: false, due: false });
    t.setNow(new Date(NOW.getTime() + 25 * 3600_000));
    expect(await t.do.backup.status()).toMatchObject({ stale: false, due: true });
    t.setNow(new Date(NOW.getTime() + 8 * 24 * 3600_000));
    expect(await t.do.backup.status()).toMatchObject({ stale: true, due: true });
  });

  it('automatic backups keep 7 daily and 4 weekly (fixed clock, one a day for 60 days)', async () => {
    const t = await seeded();
    let last: { pruned: string[] } = { pruned: [] };
    for (let d = 0; d < 60; d++) {
      t.setNow(new Date(NOW.getTime() + d * 24 * 3600_000));
      last = await t.do.backup.create({ folder: t.folder, kind: 'auto' });
    }
    expect(last.pruned.length).toBeGreaterThanOrEqual(1);
    const left = readdirSync(t.folder).sort();
    // 7 daily; the weekly ones beyond them: 4 weeks in all, the newest week's already among the daily.
    expect(left.length).toBeGreaterThanOrEqual(7);
    expect(left.length).toBeLessThanOrEqual(7 + 4);
    expect(left.at(-1)).toBe(backupFileName(new Date(NOW.getTime() + 59 * 24 * 3600_000)));
  });

  it('a folder that cannot be written: a clear message, nothing left, the vault unchanged', async () => {
    const t = await seeded();
    // A folder under a file cannot be made (as a missing drive); a read-only folder (not as root).
    const parentFile = path.join(path.dirname(t.folder), 'a-file');
    writeFileSync(parentFile, 'x');
    const e1 = await failure(t.api.backup.create({ folder: path.join(parentFile, 'backups') }));
    expect(e1.code).toBe('IO');
    expect(e1.message).toMatch(/cannot be reached/);
    if (process.getuid?.() !== 0) {
      mkdirSync(t.folder, { recursive: true });
      chmodSync(t.folder, 0o500);
      try {
        const e = await failure(t.api.backup.create({ folder: t.folder }));
        expect(e.code).toBe('IO');
        expect(e.message).toMatch(/not allowed to write|cannot be reached/);
        expect(readdirSync(t.folder)).toEqual([]);
      } finally {
        chmodSync(t.folder, 0o700);
      }
      expect(existsSync(t.folder)).toBe(true);
    }
    expect((await t.do.backup.status()).lastBackupAt).toBeNull();
    expect((await t.do.vault.verify()).healthy).toBe(true);
  });
});
