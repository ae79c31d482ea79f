import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkSnapshotFile, Vault } from '../../electron/core/vault/vault';
import { openBackupFile, backupKey, privateTemp } from '../../electron/core/vault/backup';
import { PASSPHRASES } from './crash-pass';
import { TEST_SCRYPT } from './vault';

export interface CrashRun {
  killedAfterMs: number;
  acked: number;
  passphrase: number;
  backups: number;
  created: boolean;
}

/**
 * One run: start the child on `dir`, kill it with SIGKILL after `killAfterMs`, then open the vault
 * (with the passphrase the child last confirmed, or the one it was changing to), check its
 * integrity and that every acknowledged client is there, and check the last acknowledged backup.
 * Throws with a plain reason when anything is wrong.
 */
export async function crashRun(dir: string, pass: number, killAfterMs: number): Promise<CrashRun & { nextPass: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/crash-child.ts', dir, String(pass)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  // The clock starts once the child has the vault open, so every run is killed while it works.
  const opened = await new Promise<boolean>((resolve) => {
    const t = setInterval(() => {
      if (out.includes('open\n')) {
        clearInterval(t);
        resolve(true);
      }
    }, 5);
    child.on('exit', () => {
      clearInterval(t);
      resolve(out.includes('open\n'));
    });
  });
  if (opened) await new Promise((r) => setTimeout(r, killAfterMs));
  child.kill('SIGKILL');
  await new Promise((r) => child.on('close', r));
  if (err.includes('child failed')) throw new Error(`the child failed: ${err.trim()}`);

  const lines = out.split('\n').filter(Boolean);
  const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
  const passLines = lines.filter((l) => l.startsWith('pass '));
  const confirmed = passLines.length ? Number(passLines.at(-1)!.slice(5)) : pass;
  const backups = lines.filter((l) => l.startsWith('backup ')).map((l) => l.slice(7));
  if (!existsSync(path.join(dir, 'stepwise.key')) && !lines.includes('created')) {
    // Killed while creating: nothing was acknowledged, and the folder must not hold half a vault.
    if (existsSync(path.join(dir, 'stepwise.db-wal')) || acked.length) throw new Error('a half-created vault was left');
    return { killedAfterMs: killAfterMs, acked: 0, passphrase: pass, backups: 0, created: false, nextPass: pass };
  }

  // The confirmed passphrase opens it, or (killed mid-change) the one it was changing to.
  let vault: Vault | null = null;
  let used = confirmed;
  for (const p of [confirmed, 1 - confirmed]) {
    try {
      vault = await Vault.open(dir, { passphrase: PASSPHRASES[p]! }, { scrypt: TEST_SCRYPT });
      used = p;
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'WRONG_PASSPHRASE')
        throw new Error(`the vault did not open: ${(e as Error).message}`);
    }
  }
  if (!vault) throw new Error('neither passphrase opens the vault');
  try {
    const integrity = vault.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const ids = new Set((vault.db.prepare('SELECT id FROM client').all() as { id: string }[]).map((r) => r.id));
    const lost = acked.filter((id) => !ids.has(id));
    if (lost.length) throw new Error(`${lost.length} acknowledged write(s) lost`);
    const v = vault.verify();
    if (!v.healthy) throw new Error(`verify: ${v.integrity}`);
  } finally {
    vault.close();
  }
  if (backups.length) {
    // The newest backup in the folder: a later one (made, not yet acknowledged) may have pruned
    // the last acknowledged one, as automatic backups keep one a day.
    const folder = path.dirname(backups.at(-1)!);
    const newest = readdirSync(folder)
      .filter((n) => n.endsWith('.swbackup'))
      .sort()
      .at(-1);
    if (!newest) throw new Error('every backup is gone');
    const sealed = await openBackupFile(path.join(folder, newest));
    const key = await backupKey(sealed, { passphrase: PASSPHRASES[0] }).catch(() =>
      backupKey(sealed, { passphrase: PASSPHRASES[1] }),
    );
    const tmp = privateTemp();
    try {
      const snapshot = path.join(tmp.dir, 'check.db');
      await sealed.unseal(key, snapshot);
      const check = checkSnapshotFile(snapshot, key, sealed.keyFile.vaultId);
      if (!check.healthy) throw new Error(`the last acknowledged backup fails its check: ${check.integrity}`);
    } finally {
      key.fill(0);
      tmp.done();
    }
  }
  return {
    killedAfterMs: killAfterMs,
    acked: acked.length,
    passphrase: used,
    backups: backups.length,
    created: true,
    nextPass: used,
  };
}
