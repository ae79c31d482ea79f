import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql, sqlIdentifier } from '../../electron/core/db/sql';
import { ReadDb } from '../../electron/core/db/handle';
import { BACKUP_DAMAGED_MESSAGE, CHUNK, openBackupFile, sealBackupFile, type BackupMeta } from '../../electron/core/vault/backup';
import { dbPath, keyPath } from '../../electron/core/vault/files';
import { parseKeyFile, unlockKey } from '../../electron/core/vault/keyfile';
import type { Db } from '../../electron/core/vault/vault';
import { legacyOpen, legacyWriteBackup } from '../support/legacyBackup';
import { failure, makeCore, PASSPHRASE, tempDir, unlockedCore } from '../support/vault';

/*
 * Issue 12: backups are sealed, checked and restored a chunk at a time. These tests use real
 * encrypted vaults several chunks large, the old in-memory code path as the reference, and a
 * backup file written by the old code (tests/fixtures/backup-format1.swbackup, passphrase
 * PASSPHRASE, two clients) to prove older backups still check and restore.
 */

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});
function track<T extends { cleanup: () => void }>(t: T): T {
  cleanups.push(() => t.cleanup());
  return t;
}

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

const FIXTURE = path.resolve('tests/fixtures/backup-format1.swbackup');

/** Text that does not repeat (fictional; letters from a seeded generator). */
function filler(seed: number, length: number): string {
  let x = seed * 2654435761;
  let s = '';
  while (s.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += 'abcdefghijklmnopqrstuvwxyz     .,'[x % 33];
  }
  return s;
}

/** An unlocked vault whose database is several backup chunks large (about 4 MB). */
async function largeVault() {
  const t = track(await unlockedCore({ now: () => new Date('2026-11-28T10:00:00Z') }));
  for (let i = 0; i < 70; i++)
    await t.do.clients.create({
      name: `Stream Client ${i}`,
      startDate: '2026-01-05',
      presentingConcerns: filler(i + 1, 49_000),
    });
  const size = statSync(dbPath(t.dir)).size + (existsSync(`${dbPath(t.dir)}-wal`) ? statSync(`${dbPath(t.dir)}-wal`).size : 0);
  expect(size).toBeGreaterThan(3 * CHUNK);
  const folder = path.join(track(tempDir('stepwise-backups-')).dir, 'backups');
  return { ...t, folder };
}

const strip = (c: Record<string, unknown[]>) => ({
  ...c,
  audit_event: [],
  meta: c.meta!.filter((m) => !/last_backup/.test(JSON.stringify(m))),
});

describe('streamed backups (issue 12)', () => {
  it('a backup sealed in chunks restores the same data, and its snapshot is byte for byte what the old whole-file code reads', async () => {
    const t = await largeVault();
    const before = content(t.core.db);
    const made = await t.do.backup.create({ folder: t.folder });
    expect(made.bytes).toBe(statSync(made.file).size);
    expect(made.bytes).toBeGreaterThan(3 * CHUNK);
    // Only the backup is left in the folder: no snapshot, no sealed temporary file.
    expect(readdirSync(t.folder)).toEqual([path.basename(made.file)]);

    const target = path.join(track(tempDir()).dir, 'restored');
    const other = track(makeCore({ vaultDir: target }));
    const r = await other.do.backup.restore({
      file: made.file,
      secret: { passphrase: PASSPHRASE },
      target: { kind: 'new', vaultDir: target },
    });
    expect(r.check.healthy).toBe(true);
    expect(r.check.counts.client).toBe(70);

    // Unsealed a chunk at a time, the snapshot is byte for byte what the old whole-file opener reads.
    const { keyFile } = parseKeyFile(readFileSync(keyPath(target), 'utf8'));
    const key = await unlockKey(keyFile, { passphrase: PASSPHRASE });
    try {
      const ref = legacyOpen(readFileSync(made.file), key);
      expect(ref.meta.format).toBe(1);
      const out = path.join(track(tempDir()).dir, 'snapshot.db');
      expect(await (await openBackupFile(made.file)).unseal(key, out)).toEqual(ref.meta);
      expect(readFileSync(out).equals(ref.snapshot)).toBe(true);
    } finally {
      key.fill(0);
    }

    await other.do.vault.unlock({ passphrase: PASSPHRASE });
    expect(strip(content(other.core.db))).toEqual(strip(before));
  });

  it('a changed chunk or a cut file is refused with the therapist’s message, and nothing is replaced', async () => {
    const t = await largeVault();
    const { file } = await t.do.backup.create({ folder: t.folder });
    await t.do.clients.create({ name: 'Added After Backup', startDate: '2026-11-01' });
    const bytes = readFileSync(file);
    const bad: { name: string; bytes: Buffer }[] = [];
    // A byte in the first chunk, one on a chunk boundary, one in a middle chunk, one in the tag.
    for (const at of [3000, CHUNK, 2 * CHUNK + 12345, bytes.length - 3]) {
      const b = Buffer.from(bytes);
      b[at] = b[at]! ^ 0x10;
      bad.push({ name: `changed-${at}.swbackup`, bytes: b });
    }
    bad.push({ name: 'cut-mid.swbackup', bytes: bytes.subarray(0, Math.floor(bytes.length / 2)) });
    bad.push({ name: 'cut-end.swbackup', bytes: bytes.subarray(0, bytes.length - 1) });
    bad.push({ name: 'cut-head.swbackup', bytes: bytes.subarray(0, 100) });
    const parent = path.dirname(t.dir);
    const around = () => readdirSync(parent).sort();
    const beforeNames = around();
    for (const b of bad) {
      const f = path.join(t.folder, b.name);
      writeFileSync(f, b.bytes);
      const c = await failure(t.api.backup.check({ file: f, secret: { passphrase: PASSPHRASE } }));
      expect(c.code, b.name).toBe('DAMAGED');
      expect(c.message).toBe(BACKUP_DAMAGED_MESSAGE);

      const replace = await failure(
        t.api.backup.restore({ file: f, secret: { passphrase: PASSPHRASE }, target: { kind: 'replace', confirmed: true } }),
      );
      expect(replace.code, b.name).toBe('DAMAGED');
      expect(replace.message).toMatch(/damaged|did not pass its check/);
      // The open vault is the same one, still open, with what was added after the backup.
      expect((await t.do.vault.status()).unlocked).toBe(true);
      expect((await t.do.clients.list({ status: 'all' })).map((x) => x.name)).toContain('Added After Backup');
      // No staging or set-aside folder is left beside the vault.
      expect(around()).toEqual(beforeNames);

      const target = path.join(track(tempDir()).dir, 'restored');
      const asNew = await failure(
        t.api.backup.restore({ file: f, secret: { passphrase: PASSPHRASE }, target: { kind: 'new', vaultDir: target } }),
      );
      expect(asNew.code, b.name).toBe('DAMAGED');
      // Nothing of the damaged backup is kept in the new folder.
      expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    }
    expect((await t.do.vault.verify()).healthy).toBe(true);
  });

  it('a backup written by the old in-memory code still checks and restores', async () => {
    const t = await largeVault();
    const before = content(t.core.db);
    const file = path.join(t.folder, 'old-code.swbackup');
    mkdirSync(t.folder, { recursive: true });
    await legacyWriteBackup(t.core.vault!, { passphrase: PASSPHRASE }, file, new Date('2026-11-28T10:00:00Z'));
    const c = await t.do.backup.check({ file });
    expect(c.healthy).toBe(true);
    expect(c.counts.client).toBe(70);
    const target = path.join(track(tempDir()).dir, 'restored');
    const other = track(makeCore({ vaultDir: target }));
    await other.do.backup.restore({ file, secret: { passphrase: PASSPHRASE }, target: { kind: 'new', vaultDir: target } });
    await other.do.vault.unlock({ passphrase: PASSPHRASE });
    expect(strip(content(other.core.db))).toEqual(strip(before));
  });

  it('the committed backup made by the earlier version (format 1) checks and restores', async () => {
    const t = track(makeCore());
    const c = await t.do.backup.check({ file: FIXTURE, secret: { passphrase: PASSPHRASE } });
    expect(c.healthy).toBe(true);
    expect(c.createdAt).toBe('2026-11-28T10:00:00.000Z');
    expect(c.counts.client).toBe(2);
    const r = await t.do.backup.restore({
      file: FIXTURE,
      secret: { passphrase: PASSPHRASE },
      target: { kind: 'new', vaultDir: t.dir },
    });
    expect(r.check.healthy).toBe(true);
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    expect((await t.do.clients.list({ status: 'all' })).map((x) => x.name).sort()).toEqual([
      'Fixture Client Ada',
      'Fixture Client Bo',
    ]);
    expect((await t.do.vault.verify()).healthy).toBe(true);
  });

  it('sealing, checking and unsealing 160 MB hold bounded memory, not the file', async () => {
    const t = track(await unlockedCore());
    const { keyFile } = parseKeyFile(readFileSync(keyPath(t.dir), 'utf8'));
    const dbKey = await unlockKey(keyFile, { passphrase: PASSPHRASE });
    const { dir } = track(tempDir());
    // Stand-in snapshot bytes (sealing does not read them as a database), written a chunk at a time.
    const snapshot = path.join(dir, 'snapshot.bin');
    const chunks = 160;
    const size = chunks * CHUNK + 777;
    const hash = createHash('sha256');
    {
      const fd = openSync(snapshot, 'w');
      const part = randomBytes(CHUNK);
      for (let i = 0; i <= chunks; i++) {
        part.writeUInt32BE(i, 0);
        const piece = i < chunks ? part : part.subarray(0, 777);
        hash.update(piece);
        writeSync(fd, piece);
      }
      closeSync(fd);
    }
    const digest = hash.digest('hex');
    const meta: BackupMeta = { format: 1, createdAt: '2026-11-28T10:00:00.000Z', schemaVersion: 1, vaultId: keyFile.vaultId };

    // Buffers live outside the JS heap: their total (arrayBuffers) is sampled while each step runs.
    // Loose on purpose: chunks already used wait for the garbage collector (V8 collects after
    // about 64 MB of them); the old code held the whole file two or three times (over 320 MB).
    const peakDuring = async (fn: () => Promise<unknown>) => {
      const base = process.memoryUsage().arrayBuffers;
      let peak = base;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 1);
      try {
        await fn();
      } finally {
        clearInterval(timer);
      }
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      return (peak - base) / CHUNK;
    };
    const sealed = path.join(dir, 'sealed.swbackup');
    const out = path.join(dir, 'unsealed.bin');
    try {
      const sealMb = await peakDuring(() => sealBackupFile(snapshot, sealed, keyFile, dbKey, meta));
      const checkMb = await peakDuring(async () => (await openBackupFile(sealed)).unseal(dbKey, null));
      const openMb = await peakDuring(async () => (await openBackupFile(sealed)).unseal(dbKey, out));
      for (const mb of [sealMb, checkMb, openMb]) expect(mb).toBeLessThan(64);
      expect(statSync(out).size).toBe(size);
      const got = createHash('sha256');
      const fd = openSync(out, 'r');
      const buf = Buffer.alloc(CHUNK);
      for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0;) got.update(buf.subarray(0, n));
      closeSync(fd);
      expect(got.digest('hex')).toBe(digest);
    } finally {
      dbKey.fill(0);
    }
  });
});

describe('what a backup cut short leaves', () => {
  it('is removed by the next backup once it is hours old; a fresh one (a backup running) is left', async () => {
    const t = track(await unlockedCore());
    const folder = path.join(track(tempDir('stepwise-backups-')).dir, 'backups');
    mkdirSync(folder, { recursive: true });
    const stale = ['.stepwise-snapshot.4242-0a1b2c3d.tmp', 'stepwise-2026-11-27.swbackup.4242-deadbeef.tmp'];
    const fresh = '.stepwise-snapshot.4243-00112233.tmp';
    const other = 'notes.txt.1-00000000.tmp';
    for (const n of [...stale, fresh, other]) writeFileSync(path.join(folder, n), 'x');
    const old = new Date(Date.now() - 24 * 3600_000);
    for (const n of [...stale, other]) utimesSync(path.join(folder, n), old, old);
    const { file } = await t.do.backup.create({ folder });
    expect(readdirSync(folder).sort()).toEqual([fresh, other, path.basename(file)].sort());
  });
});
