import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { KEY_FILE } from '../../electron/core/vault/files';
import { parseKeyFile, SCRYPT_BOUNDS } from '../../electron/core/vault/keyfile';
import { Vault } from '../../electron/core/vault/vault';
import { PASSPHRASE, TEST_SCRYPT, tempDir, unlockedCore } from '../support/vault';

const tmp = tempDir('stepwise-keyfile-');
afterAll(() => tmp.cleanup());
const dir = path.join(tmp.dir, 'vault');
const keyFile = path.join(dir, KEY_FILE);
let original = '';
let recoveryKey = '';

beforeAll(async () => {
  const made = await Vault.create(dir, PASSPHRASE, { scrypt: TEST_SCRYPT });
  made.vault.close();
  recoveryKey = made.recoveryKey;
  original = readFileSync(keyFile, 'utf8');
});

type Outcome = { ok: true; ms: number } | { ok: false; code: string; message: string; ms: number };

/** Puts `text` in place of the key file and tries to open the vault with `secret`. */
async function attempt(text: string, secret: { passphrase: string } | { recoveryKey: string }): Promise<Outcome> {
  writeFileSync(keyFile, text);
  const t0 = performance.now();
  try {
    const v = await Vault.open(dir, secret, { scrypt: TEST_SCRYPT });
    v.close();
    return { ok: true, ms: performance.now() - t0 };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { ok: false, code: e.code, message: e.message, ms: performance.now() - t0 };
  } finally {
    writeFileSync(keyFile, original);
  }
}

/** The key file with one field changed by `change`. */
function edited(pathTo: string[], change: (v: unknown) => unknown): string {
  const json = JSON.parse(original) as Record<string, unknown>;
  let node = json;
  for (const k of pathTo.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = pathTo[pathTo.length - 1]!;
  node[last] = change(node[last]);
  return JSON.stringify(json, null, 2);
}

/** One character changed in the middle of a string, staying in its alphabet (hex, digits, base64, words). */
function oneCharChanged(v: unknown): unknown {
  if (typeof v === 'number') return v + 1;
  const s = String(v);
  const i = Math.floor(s.length / 2);
  const c = s[i]!;
  const swap = /[0-9]/.test(c) ? (c === '0' ? '1' : '0') : /[a-z]/.test(c) ? (c === 'a' ? 'b' : 'a') : c === 'A' ? 'B' : 'A';
  return s.slice(0, i) + swap + s.slice(i + 1);
}

const PASS = { passphrase: PASSPHRASE };
const RECOVER = () => ({ recoveryKey });

const HEADER = [['format'], ['vaultId'], ['createdAt'], ['cipher']];
const SLOT_FIELDS = (slot: 'passphrase' | 'recovery') =>
  [
    ...(slot === 'passphrase' ? [['N'], ['r'], ['p']] : []),
    ['kdf'],
    ['salt'],
    ['wrapped', 'iv'],
    ['wrapped', 'tag'],
    ['wrapped', 'data'],
    ['check'],
  ].map((p) => [slot, ...p]);

describe('a damaged key file is reported as damaged, never as a wrong passphrase', () => {
  it('opens as it is, with either secret', async () => {
    expect(await attempt(original, PASS)).toMatchObject({ ok: true });
    expect(await attempt(original, RECOVER())).toMatchObject({ ok: true });
  });

  it.each(HEADER.map((p) => [p.join('.'), p] as const))(
    'a change in %s: DAMAGED for both secrets, with what to do',
    async (_n, p) => {
      const text = edited(p, oneCharChanged);
      for (const secret of [PASS, RECOVER()]) {
        const r = await attempt(text, secret);
        expect(r).toMatchObject({ ok: false, code: 'DAMAGED' });
        if (!r.ok) {
          expect(r.message).toMatch(/key file \(stepwise\.key\) is damaged/);
          expect(r.message).toMatch(/Put back stepwise\.key from a backup/);
          expect(r.ms).toBeLessThan(1000);
        }
      }
    },
  );

  it.each(SLOT_FIELDS('passphrase').map((p) => [p.join('.'), p] as const))(
    'a change in %s: DAMAGED for the passphrase (with the way out), never WRONG_PASSPHRASE',
    async (_n, p) => {
      const text = edited(p, oneCharChanged);
      const r = await attempt(text, PASS);
      expect(r).toMatchObject({ ok: false, code: 'DAMAGED' });
      if (!r.ok) {
        expect(r.message).toMatch(/damaged/);
        expect(r.message).toMatch(/recovery key|backup/);
        expect(r.ms).toBeLessThan(1000);
      }
      const other = await attempt(text, RECOVER());
      expect(other.ok || other.code === 'DAMAGED').toBe(true);
    },
  );

  it.each(SLOT_FIELDS('recovery').map((p) => [p.join('.'), p] as const))(
    'a change in %s: DAMAGED for the recovery key, never WRONG_PASSPHRASE',
    async (_n, p) => {
      const text = edited(p, oneCharChanged);
      const r = await attempt(text, RECOVER());
      expect(r).toMatchObject({ ok: false, code: 'DAMAGED' });
      if (!r.ok) expect(r.ms).toBeLessThan(1000);
      const other = await attempt(text, PASS);
      expect(other.ok || other.code === 'DAMAGED').toBe(true);
    },
  );

  it('the passphrase slot damaged: the recovery key still opens the vault and a new passphrase repairs it', async () => {
    const text = edited(['passphrase', 'salt'], oneCharChanged);
    writeFileSync(keyFile, text);
    try {
      const v = await Vault.open(dir, RECOVER(), { scrypt: TEST_SCRYPT });
      try {
        expect(v.verify().healthy).toBe(false);
        expect(v.verify().integrity).toMatch(/passphrase part is damaged/);
        await v.changePassphrase(RECOVER(), PASSPHRASE);
        expect(v.verify()).toMatchObject({ healthy: true, integrity: 'ok' });
      } finally {
        v.close();
      }
      expect(await attempt(readFileSync(keyFile, 'utf8'), PASS)).toMatchObject({ ok: true });
    } finally {
      writeFileSync(keyFile, original);
    }
  });

  it('a flipped bit anywhere in the file never reads as a wrong passphrase', async () => {
    const bytes = Buffer.from(original, 'utf8');
    const seen = new Set<string>();
    for (let i = 0; i < bytes.length; i += 5) {
      const b = Buffer.from(bytes);
      b[i] = b[i]! ^ 0x01;
      const r = await attempt(b.toString('latin1'), PASS);
      const label = r.ok ? 'opened' : r.code;
      seen.add(label);
      expect(['opened', 'DAMAGED', 'NEWER_VERSION'], `byte ${i} → ${label}`).toContain(label);
      expect(r.ms).toBeLessThan(1000);
    }
    // Both happen: damage in the recovery slot does not stop the passphrase.
    expect(seen).toContain('DAMAGED');
    expect(seen).toContain('opened');
  });

  it('a truncated key file is damaged', async () => {
    for (const len of [0, 1, 50, Math.floor(original.length / 2), original.length - 3]) {
      expect(await attempt(original.slice(0, len), PASS)).toMatchObject({ ok: false, code: 'DAMAGED' });
    }
  });
});

describe('key-file parameters are bounded', () => {
  it.each([
    ['p = 1,000,000', ['passphrase', 'p'], 1_000_000],
    ['p = 5', ['passphrase', 'p'], SCRYPT_BOUNDS.maxP + 1],
    ['N = 2^21', ['passphrase', 'N'], 2 ** 21],
    ['N = 2^30', ['passphrase', 'N'], 2 ** 30],
    ['N not a power of two', ['passphrase', 'N'], 2 ** 17 + 1],
    ['N = 2^10', ['passphrase', 'N'], 2 ** 10],
    ['r = 17', ['passphrase', 'r'], 17],
    ['r = 1e9', ['passphrase', 'r'], 1e9],
    ['N = NaN-like string', ['passphrase', 'N'], '131072'],
    ['N·r·p over the work bound', ['passphrase', 'N'], 2 ** 20],
  ] as const)('%s is refused at once as DAMAGED', async (_n, p, value) => {
    // 2^20 alone is allowed; with r = 16 and p = 4 (set below for that case) it is too much work.
    let text = edited([...p], () => value);
    if (value === 2 ** 20) {
      const json = JSON.parse(text);
      json.passphrase.r = 16;
      json.passphrase.p = 4;
      text = JSON.stringify(json);
    }
    const r = await attempt(text, PASS);
    expect(r).toMatchObject({ ok: false, code: 'DAMAGED' });
    expect(r.ms).toBeLessThan(1000);
  });

  it('a salt, nonce, tag or wrapped key of the wrong length is refused', async () => {
    for (const [field, bytes] of [
      [['passphrase', 'salt'], 8],
      [['passphrase', 'wrapped', 'iv'], 16],
      [['recovery', 'wrapped', 'tag'], 8],
      [['passphrase', 'wrapped', 'data'], 64],
    ] as const) {
      const text = edited([...field], () => Buffer.alloc(bytes, 7).toString('base64'));
      expect(await attempt(text, PASS), field.join('.')).toMatchObject({ ok: false, code: 'DAMAGED' });
    }
  });

  it('a key file from a newer Stepwise asks for an update', async () => {
    const r = await attempt(
      edited(['version'], () => 3),
      PASS,
    );
    expect(r).toMatchObject({ ok: false, code: 'NEWER_VERSION' });
    expect(
      await attempt(
        edited(['version'], () => 0),
        PASS,
      ),
    ).toMatchObject({ ok: false, code: 'DAMAGED' });
  });
});

describe('key file versions', () => {
  it('reads a version 1 key file (no slot checks) and rewrites it as version 2 after a good unlock', async () => {
    const json = JSON.parse(original);
    json.version = 1;
    delete json.passphrase.check;
    delete json.recovery.check;
    writeFileSync(keyFile, JSON.stringify(json, null, 2));
    try {
      const v = await Vault.open(dir, PASS, { scrypt: TEST_SCRYPT });
      v.close();
      const upgraded = readFileSync(keyFile, 'utf8');
      expect(JSON.parse(upgraded).version).toBe(2);
      expect(parseKeyFile(upgraded).upgraded).toBe(false);
      expect(JSON.parse(upgraded).passphrase.check).toBe(JSON.parse(original).passphrase.check);
    } finally {
      writeFileSync(keyFile, original);
    }
  });
});

describe('verify reports a damaged key file', () => {
  it('in the recovery part, with what to do', async () => {
    const t = await unlockedCore();
    try {
      const file = path.join(t.dir, KEY_FILE);
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.recovery.salt = oneCharChanged(json.recovery.salt);
      writeFileSync(file, JSON.stringify(json, null, 2));
      const v = await t.do.vault.verify();
      expect(v.healthy).toBe(false);
      expect(v.integrity).toMatch(/recovery-key part is damaged — make a new recovery key in Settings/);
    } finally {
      t.cleanup();
    }
  });
});
