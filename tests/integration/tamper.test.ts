import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault/vault';
import { AppError } from '../../shared/result';
import { PASSPHRASE, TEST_SCRYPT, tempDir, unlockedCore } from '../support/vault';

/**
 * The quick version of the tamper proof: random byte flips and truncations in the database, its
 * WAL and the key file. Every case ends in a clear refusal (an AppError, never a wrong-passphrase
 * message for a damaged file) or a successful open — never a crash or a hang.
 */
const tmp = tempDir('stepwise-tamper-');
const original = path.join(tmp.dir, 'original');
afterAll(() => tmp.cleanup());

beforeAll(async () => {
  const t = await unlockedCore();
  for (let i = 0; i < 30; i++) await t.do.clients.create({ name: `Tamper ${i}`, startDate: '2026-01-01' });
  // A copy taken while open, so the WAL holds recent pages.
  t.core.db.pragma('wal_autocheckpoint = 0');
  for (let i = 30; i < 40; i++) await t.do.clients.create({ name: `Tamper ${i}`, startDate: '2026-01-01' });
  mkdirSync(original);
  for (const f of ['stepwise.db', 'stepwise.db-wal', 'stepwise.key'])
    if (existsSync(path.join(t.dir, f))) copyFileSync(path.join(t.dir, f), path.join(original, f));
  t.cleanup();
}, 60_000);

function copyOf(n: number): string {
  const dir = path.join(tmp.dir, `case-${n}`);
  mkdirSync(dir);
  for (const f of ['stepwise.db', 'stepwise.db-wal', 'stepwise.key'])
    if (existsSync(path.join(original, f))) copyFileSync(path.join(original, f), path.join(dir, f));
  return dir;
}

describe('tamper (quick)', () => {
  it('40 random flips and truncations: a clear refusal or an open, never a wrong passphrase', async () => {
    const outcomes: Record<string, number> = {};
    const files = ['stepwise.db', 'stepwise.db-wal', 'stepwise.key'].filter((f) => existsSync(path.join(original, f)));
    expect(files).toContain('stepwise.db-wal');
    for (let n = 0; n < 40; n++) {
      const dir = copyOf(n);
      const file = path.join(dir, files[n % files.length]!);
      const size = statSync(file).size;
      if (n % 4 === 3) truncateSync(file, Math.floor(Math.random() * size));
      else {
        const bytes = readFileSync(file);
        const at = Math.floor(Math.random() * size);
        bytes[at] = bytes[at]! ^ (1 << Math.floor(Math.random() * 8));
        writeFileSync(file, bytes);
      }
      const started = Date.now();
      let outcome: string;
      try {
        const v = await Vault.open(dir, { passphrase: PASSPHRASE }, { scrypt: TEST_SCRYPT });
        outcome = v.verify().healthy ? 'opened' : 'opened, verify reports damage';
        v.close();
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        outcome = (e as AppError).code;
      }
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(outcome).not.toBe('WRONG_PASSPHRASE');
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    expect(Object.keys(outcomes).every((k) => ['opened', 'opened, verify reports damage', 'DAMAGED'].includes(k))).toBe(true);
  }, 120_000);
});
