/**
 * The hostile-IPC run: generated calls across every channel of the core's contract (the channel
 * list comes from `coreContract`, never a hand list), sent through the worker's own door — the
 * host client on `createWorkerDispatcher`, the dispatcher the core's worker thread serves — on a
 * real encrypted vault. Used by `npm run proof:ipc` (the big run, with figures) and by
 * tests/integration/hostile-ipc.test.ts (a seeded run of about a thousand calls).
 *
 * Checked for every call: the door never throws (no crash); a call the contract refuses (its
 * input breaks the channel's schema or the door's size limits) gets a typed VALIDATION error; every
 * refusal is `{ code, message }` with a code from the closed list, a short message and a handful of
 * fields; a refused call changes nothing (every table of the vault compared after it, or, while
 * locked, the vault's files); nothing pollutes Object.prototype. Measured: the slowest answer and
 * memory (RSS and heap before, peak, after).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { createWorkerDispatcher } from '../../electron/core/api';
import { Core } from '../../electron/core/core';
import { ReadDb } from '../../electron/core/db/handle';
import { sql, sqlIdentifier } from '../../electron/core/db/sql';
import { seedDemo } from '../../electron/core/demo';
import { hostClient, type Dispatch } from '../../electron/host';
import { inputTooLarge, INPUT_LIMITS } from '../../electron/host/limits';
import { MAX_REPORTED_ISSUES } from '../../electron/host/errors';
import { channelNames, coreContract, findChannel, workerContract } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { TEST_SCRYPT, tempDir } from './vault';

/** The closed list of error codes a refusal may carry. */
const CODES = new Set(['VALIDATION', 'NOT_FOUND', 'LOCKED', 'CONFLICT', 'WRONG_PASSPHRASE', 'DAMAGED', 'INTERNAL', 'IO']);
const SLOW_MS = 5000;
const PASS0 = 'correct horse battery staple';
/** The channels the run sends on purpose, named from the contract (never as strings). */
const [UNLOCK, LOCK, CHANGE] = channelNames({
  vault: {
    unlock: coreContract.vault.unlock,
    lock: coreContract.vault.lock,
    changePassphrase: coreContract.vault.changePassphrase,
  },
}) as [string, string, string];

/** A small, seeded random source (mulberry32): the same seed gives the same run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

interface Def {
  type: string;
  [k: string]: unknown;
}
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

/** What the sampler knows of the vault: real IDs to use, and folders inside the run's temp folder. */
interface World {
  ids: string[];
  tmp: string;
  backupFile: string;
  n: number;
}

const WORDS = ['calm', 'walk', 'breathe', 'notes', 'Åsa', 'Zoë', 'فاطمة', '日記', 'tea', 'sleep', 'plan', 'x'];

function sampleString(d: Def, key: string, r: Rng, w: World): string {
  const checks = ((d.checks as { _zod: { def: { check: string; value?: number; pattern?: RegExp } } }[]) ?? []).map(
    (c) => c._zod.def,
  );
  const pattern = checks.find((c) => c.pattern)?.pattern?.source ?? '';
  if (pattern.includes('[0-9a-f]{32}')) return r.chance(0.8) && w.ids.length ? r.pick(w.ids) : 'f'.repeat(32);
  if (/date|^from$|^to$|day|due|since|until/i.test(key) || pattern.includes('\\d{4}-'))
    return `2026-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
  if (/time|clock/i.test(key) || pattern.includes('[01]\\d')) return `0${r.int(10)}:${10 + r.int(50)}`;
  if (key === 'formKey') return r.pick(['client:new', 'assign:x', 'designer:new']);
  if (key === 'folder') return path.join(w.tmp, 'backups');
  if (key === 'file') return r.chance(0.5) ? w.backupFile : path.join(w.tmp, 'backups', 'missing.swbak');
  if (key === 'vaultDir') return path.join(w.tmp, `restored-${w.n++}`);
  if (key === 'passphrase' || key === 'current' || key === 'next') return `${r.pick(WORDS)} ${r.pick(WORDS)} guess ${r.int(1e6)}`;
  const min = checks.find((c) => c.check === 'min_length')?.value ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.value ?? 40;
  let s = '';
  while (s.length < Math.max(min, 1 + r.int(12))) s += `${r.pick(WORDS)} `;
  return s.trim().slice(0, Math.min(max, 60)).padEnd(min, 'a');
}

/** A plausible value for a schema: often valid, not always (refinements are not followed). */
export function sample(schema: unknown, r: Rng, w: World, key = '', depth = 0): unknown {
  const d = defOf(schema);
  if (depth > 12) return undefined;
  const walk = (s: unknown, k = key) => sample(s, r, w, k, depth + 1);
  switch (d.type) {
    case 'string':
      return sampleString(d, key, r, w);
    case 'number':
      return r.int(10);
    case 'boolean':
      return r.chance(0.5);
    case 'literal':
      return r.pick(d.values as unknown[]);
    case 'enum':
      return r.pick(Object.values(d.entries as Record<string, unknown>));
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'unknown':
    case 'any':
      return r.chance(0.5) ? {} : 'x';
    case 'custom':
      return new Uint8Array(r.int(64));
    case 'array': {
      const n = r.int(3);
      return Array.from({ length: n }, () => walk(d.element));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) {
        const inner = defOf(v).type;
        if ((inner === 'optional' || inner === 'default') && r.chance(0.4)) continue;
        out[k] = walk(v, k);
      }
      return out;
    }
    case 'record':
      return { [String(walk(d.keyType, 'key'))]: walk(d.valueType) };
    case 'union':
      return walk(r.pick(d.options as unknown[]));
    case 'intersection':
      return { ...(walk(d.left) as object), ...(walk(d.right) as object) };
    case 'tuple':
      return (d.items as unknown[]).map((s) => walk(s));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walk(d.innerType);
    case 'pipe':
      return walk(d.in);
    case 'lazy':
      return walk((d.getter as () => unknown)());
    default:
      return undefined;
  }
}

/** The hostile values, made once and shared (a run must not measure its own garbage). */
function hostileValues(huge: boolean) {
  let deep: unknown = {};
  for (let i = 0; i < 10_000; i++) deep = { v: deep };
  let deepArr: unknown = [];
  for (let i = 0; i < 5_000; i++) deepArr = [deepArr];
  const tenMB = huge ? 'x'.repeat(10 * 1024 * 1024) : 'x'.repeat(INPUT_LIMITS.maxString + 1);
  const million = huge ? new Array(1_000_000).fill('a') : new Array(INPUT_LIMITS.maxArray + 1).fill('a');
  const sparse = new Array(1_000_000);
  const wide: Record<string, number> = {};
  for (let i = 0; i < INPUT_LIMITS.maxArray + 1; i++) wide[`k${i}`] = i;
  return { deep, deepArr, tenMB, million, sparse, wide };
}
type Hostile = ReturnType<typeof hostileValues>;

const KINDS = [
  'wrong type',
  'whole input wrong',
  '10 MB string',
  'million-element array',
  'sparse million array',
  'deep nesting',
  '__proto__ key',
  'constructor key',
  'NaN/Infinity',
  'extra keys',
  'wide object',
  'valid sample',
] as const;
export type CallKind = (typeof KINDS)[number];

/** Paths to the leaves (and objects) of a value, to plant a hostile value at one of them. */
function slots(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  if (depth > 8 || v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) {
    out.push(at);
    return out;
  }
  out.push(at);
  for (const [k, x] of Object.entries(v)) slots(x, [...at, Array.isArray(v) ? Number(k) : k], out, depth + 1);
  return out;
}

function plant(base: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = at;
  copy[head!] = plant(copy[head!], rest, value);
  return copy;
}

function plantKey(base: unknown, key: string, value: unknown): unknown {
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? base : {};
  // JSON.parse makes an own "__proto__" key, as a message arriving over IPC would.
  const extra = JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as object;
  return Object.assign(JSON.parse(JSON.stringify(obj, (_k, v) => (ArrayBuffer.isView(v) ? [] : v))) as object, extra, {
    [key === '__proto__' ? 'x' : 'y']: 1,
  });
}

function makeInput(kind: CallKind, schema: unknown, r: Rng, w: World, h: Hostile): unknown {
  const base = sample(schema, r, w);
  const spots = slots(base);
  const at = r.pick(spots);
  switch (kind) {
    case 'valid sample':
      return base;
    case 'wrong type':
      return plant(base, at, r.pick([42, -1, true, null, 'text', [], {}, [1, 2, 3], { a: 1 }, 1.5, new Uint8Array(4)]));
    case 'whole input wrong':
      return r.pick([null, 0, '', 'lock', [], [null], true, 1e308, { then: 'x' }, new Uint8Array(8)]);
    case '10 MB string':
      return plant(base, at, h.tenMB);
    case 'million-element array':
      return plant(base, at, h.million);
    case 'sparse million array':
      return plant(base, at, h.sparse);
    case 'deep nesting':
      return plant(base, at, r.chance(0.5) ? h.deep : h.deepArr);
    case '__proto__ key':
      return plantKey(base, '__proto__', { polluted: true, isAdmin: true });
    case 'constructor key':
      return plantKey(base, 'constructor', { prototype: { polluted: true } });
    case 'NaN/Infinity':
      return plant(base, at, r.pick([Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1e308]));
    case 'extra keys':
      return base && typeof base === 'object' && !Array.isArray(base) ? { ...base, unexpected: 'x', toString: 'y' } : base;
    case 'wide object':
      return plant(base, at, h.wide);
  }
}

/** Every table's rows, hashed: the vault's logical content. Unlock events are left out (see below). */
function contentHash(core: Core): string {
  const hash = createHash('sha256');
  if (!core.unlocked) {
    // Locked: nothing can change but the vault's files.
    for (const f of ['stepwise.key', 'stepwise.db', 'stepwise.db-wal']) {
      const p = path.join(core.vaultDir, f);
      hash.update(`${f}:`).update(existsSync(p) ? readFileSync(p) : Buffer.from('-'));
    }
    return `locked:${hash.digest('hex')}`;
  }
  const read = new ReadDb(core.db);
  for (const { name } of read.all(
    sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  )) {
    // The run unlocks again after each lock (an accepted call); its own "unlocked" events are not
    // what a refused call could have written, so they are left out of the comparison.
    const rows = read.all(sql<Record<string, unknown>>`SELECT * FROM ${sqlIdentifier(name)}`);
    hash.update(name);
    for (const row of rows) {
      if (name === 'audit_event' && row.action === 'unlocked') continue;
      hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
  }
  return `open:${hash.digest('hex')}`;
}

export interface MemoryFigures {
  rssMB: number;
  heapMB: number;
}
export interface HostileFigures {
  calls: number;
  channels: number;
  /** Calls per channel: the fewest any channel received. */
  fewestPerChannel: number;
  refused: number;
  accepted: number;
  byCode: Record<string, number>;
  byKind: Record<string, number>;
  /** Refusals other than VALIDATION, by channel and code. */
  otherRefusals: Record<string, number>;
  bursts: number;
  lockRaces: number;
  passphraseChangesWon: number;
  slowestMs: number;
  slowestChannel: string;
  slowOver5s: number;
  /** The same, for the calls the door must refuse (the hostile ones). */
  slowestRefusedMs: number;
  slowestRefusedChannel: string;
  refusedOver5s: number;
  memory: { before: MemoryFigures; peak: MemoryFigures; after: MemoryFigures };
  violations: string[];
  seconds: number;
}

export interface HostileOptions {
  calls: number;
  seed: number;
  /** The real 10 MB strings and million-element arrays (the proof); otherwise just past the limits. */
  huge: boolean;
  /** A burst of 100 concurrent calls every this many calls. */
  burstEvery?: number;
  progress?: (line: string) => void;
}

const mem = (): MemoryFigures => {
  const m = process.memoryUsage();
  return { rssMB: Math.round(m.rss / 2 ** 20), heapMB: Math.round(m.heapUsed / 2 ** 20) };
};

export async function hostileRun(opts: HostileOptions): Promise<HostileFigures> {
  const started = Date.now();
  const r = rng(opts.seed);
  const tmp = tempDir('stepwise-hostile-');
  const vaultDir = path.join(tmp.dir, 'vault');
  mkdirSync(path.join(tmp.dir, 'backups'));
  // Real scrypt at the tests' cost; the wrong-passphrase delay is not waited (it is counted).
  const core = new Core({ vaultDir, vault: { scrypt: TEST_SCRYPT }, sleep: async () => {} });
  const logs: string[] = [];
  const dispatch: Dispatch = createWorkerDispatcher(core, (l) => logs.push(l));
  // The channel list, from the contract itself.
  const names = channelNames(coreContract);
  const client = hostClient(workerContract, dispatch);
  const byName = new Map<string, (input: unknown) => Promise<Result<unknown>>>();
  for (const name of names) {
    const [domain, verb] = name.split('.') as [string, string];
    byName.set(
      name,
      (client.api as unknown as Record<string, Record<string, (i: unknown) => Promise<Result<unknown>>>>)[domain]![verb]!,
    );
  }

  const figures: HostileFigures = {
    calls: 0,
    channels: names.length,
    fewestPerChannel: 0,
    refused: 0,
    accepted: 0,
    byCode: {},
    byKind: {},
    otherRefusals: {},
    bursts: 0,
    lockRaces: 0,
    passphraseChangesWon: 0,
    slowestMs: 0,
    slowestChannel: '',
    slowOver5s: 0,
    slowestRefusedMs: 0,
    slowestRefusedChannel: '',
    refusedOver5s: 0,
    memory: { before: mem(), peak: mem(), after: mem() },
    violations: [],
    seconds: 0,
  };
  const perChannel = new Map(names.map((n) => [n, 0]));
  const violate = (s: string) => {
    if (figures.violations.length < 50) figures.violations.push(s);
  };
  let passphrase = PASS0;

  try {
    await client.do.vault.create({ passphrase });
    await seedDemo(hostClient(coreContract, dispatch).do, new Date('2026-11-28T10:00:00Z'));
    const backup = await client.do.backup.create({ folder: path.join(tmp.dir, 'backups') });
    const world: World = { ids: [], tmp: tmp.dir, backupFile: backup.file, n: 0 };
    const read = new ReadDb(core.db);
    for (const t of ['client', 'assignment', 'session', 'worksheet', 'goal', 'practice_record', 'homework_review']) {
      for (const row of read.all(sql<{ id: string }>`SELECT id FROM ${sqlIdentifier(t)} LIMIT 5`)) world.ids.push(row.id);
    }
    const h = hostileValues(opts.huge);
    figures.memory.before = mem();
    const peak = () => {
      const m = mem();
      // The process's own high-water mark catches a peak inside a call, too.
      m.rssMB = Math.max(m.rssMB, Math.round(process.resourceUsage().maxRSS / 1024));
      if (m.rssMB > figures.memory.peak.rssMB) figures.memory.peak.rssMB = m.rssMB;
      if (m.heapMB > figures.memory.peak.heapMB) figures.memory.peak.heapMB = m.heapMB;
    };
    figures.memory.peak = mem();

    /** What the contract says of an input: true when the door must refuse it. */
    const isBad = (name: string, input: unknown) =>
      inputTooLarge(input) !== null || !(findChannel(coreContract, name)!.input as z.ZodType).safeParse(input).success;
    type Kind = CallKind | 'unlock' | 'lock' | 'change';
    /** One call through the door, checked; `bad` is what the contract says of the input (judged before, not timed). */
    const send = async (name: string, input: unknown, kind: Kind, bad = isBad(name, input)) => {
      const t0 = performance.now();
      let res: Result<unknown>;
      try {
        res = await byName.get(name)!(input);
      } catch (e) {
        violate(`${name} (${kind}): the door threw ${(e as Error).name}`);
        res = { ok: false, error: { code: 'INTERNAL', message: 'threw' } };
      }
      const ms = performance.now() - t0;
      figures.calls++;
      perChannel.set(name, (perChannel.get(name) ?? 0) + 1);
      figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1;
      if (ms > figures.slowestMs) {
        figures.slowestMs = ms;
        figures.slowestChannel = `${name} (${kind})`;
      }
      if (ms > SLOW_MS) figures.slowOver5s++;
      if (bad && ms > figures.slowestRefusedMs) {
        figures.slowestRefusedMs = ms;
        figures.slowestRefusedChannel = `${name} (${kind})`;
      }
      if (bad && ms > SLOW_MS) figures.refusedOver5s++;
      if (res.ok) {
        figures.accepted++;
        if (bad) violate(`${name} (${kind}): accepted an input the contract refuses`);
      } else {
        figures.refused++;
        const e = res.error;
        figures.byCode[e.code] = (figures.byCode[e.code] ?? 0) + 1;
        if (e.code !== 'VALIDATION')
          figures.otherRefusals[`${name} ${e.code}`] = (figures.otherRefusals[`${name} ${e.code}`] ?? 0) + 1;
        if (!CODES.has(e.code) || typeof e.message !== 'string' || e.message.length === 0 || e.message.length > 500)
          violate(`${name} (${kind}): malformed refusal ${JSON.stringify(e).slice(0, 200)}`);
        if (Object.keys(e.fields ?? {}).length > MAX_REPORTED_ISSUES) violate(`${name} (${kind}): refusal names too many fields`);
        if (JSON.stringify(e).length > 5000) violate(`${name} (${kind}): refusal longer than 5 KB`);
        if (bad && e.code !== 'VALIDATION') violate(`${name} (${kind}): a bad input answered ${e.code}, not VALIDATION`);
        if (e.code === 'INTERNAL') violate(`${name} (${kind}): INTERNAL error`);
      }
      if ((Object.prototype as Record<string, unknown>).polluted !== undefined || ({} as { isAdmin?: unknown }).isAdmin)
        violate(`${name} (${kind}): Object.prototype polluted`);
      return res;
    };

    const unlock = async () => {
      const u = await send(UNLOCK, { passphrase }, 'unlock');
      if (!u.ok) violate(`the vault did not open again with its passphrase: ${u.error.code}`);
    };

    let state = contentHash(core);
    let sinceLock = -1;
    const burstEvery = opts.burstEvery ?? 400;
    let nextBurstAt = burstEvery;
    while (figures.calls < opts.calls) {
      // A burst: 100 calls at once, hostile ones only, sometimes racing a lock and valid passphrase changes.
      if (figures.calls >= nextBurstAt) {
        nextBurstAt = figures.calls + 100 + burstEvery;
        figures.bursts++;
        if (!core.unlocked) await unlock();
        const race = r.chance(0.5);
        const before = contentHash(core);
        // Every input is made (and judged) first; then the 100 calls go at once.
        const planned: { name: string; input: unknown; kind: Kind; bad: boolean; candidate?: string }[] = [];
        for (let i = 0; i < 100; i++) {
          if (race && i === 50) {
            figures.lockRaces++;
            planned.push({ name: LOCK, input: undefined, kind: 'lock', bad: false });
            continue;
          }
          if (race && i % 25 === 10) {
            const candidate = `quiet harbour lantern ${r.int(1e9)} steps`;
            planned.push({
              name: CHANGE,
              input: { current: { passphrase }, next: candidate },
              kind: 'change',
              bad: false,
              candidate,
            });
            continue;
          }
          const name = r.pick(names);
          const kind = r.pick(KINDS.filter((k) => k !== 'valid sample'));
          let input = makeInput(kind, findChannel(coreContract, name)!.input, r, world, h);
          // Only inputs the contract refuses go in a burst (a burst checks that nothing changed).
          if (!isBad(name, input)) input = [input, 'not a call'];
          planned.push({ name, input, kind, bad: true });
        }
        let next = passphrase;
        const batch = planned.map((p) =>
          send(p.name, p.input, p.kind, p.bad).then((res) => {
            if (p.candidate && res.ok) next = p.candidate;
          }),
        );
        await Promise.all(batch);
        peak();
        if (next !== passphrase) figures.passphraseChangesWon++;
        passphrase = next;
        if (!core.unlocked) await unlock();
        const after = contentHash(core);
        // A burst without a lock or a passphrase change is refused calls only: nothing may change.
        if (!race && after !== before) violate('a burst of refused calls changed the vault');
        // The vault opens with exactly the passphrase the answers reported, and no other.
        const check = await core.vault!.checkSecret({ passphrase }).then(
          () => true,
          () => false,
        );
        if (!check) violate('after a lock race the vault no longer takes the passphrase its answers reported');
        state = contentHash(core);
        continue;
      }

      const name = names[figures.calls % names.length]!;
      const kind = r.chance(0.1) ? 'valid sample' : r.pick(KINDS);
      const input = makeInput(kind, findChannel(coreContract, name)!.input, r, world, h);
      const res = await send(name, input, kind);
      peak();
      const now = contentHash(core);
      if (!res.ok && now !== state) violate(`${name} (${kind}): refused with ${res.error.code} but the vault changed`);
      state = now;
      // After a lock, some calls arrive while locked; then the vault is unlocked again.
      if (!core.unlocked) {
        if (sinceLock < 0) sinceLock = 0;
        if (++sinceLock > 20) {
          await unlock();
          sinceLock = -1;
          state = contentHash(core);
        }
      }
      if (opts.progress && figures.calls % 1000 === 0) {
        opts.progress(
          `${figures.calls} calls, ${figures.refused} refused, slowest ${Math.round(figures.slowestMs)} ms, RSS ${mem().rssMB} MB, ${figures.violations.length} problems`,
        );
      }
    }
    (globalThis as { gc?: () => void }).gc?.();
    figures.memory.after = mem();
    if (logs.some((l) => l.includes('unexpected'))) violate(`the core logged: ${logs.slice(0, 3).join(' | ')}`);
    // The vault still opens with the last passphrase and is healthy.
    await client.do.vault.lock();
    await client.do.vault.unlock({ passphrase });
    const v = await client.do.vault.verify();
    if (!v.healthy) violate(`the vault is not healthy at the end: ${v.integrity}`);
  } finally {
    core.close();
    tmp.cleanup();
  }
  figures.fewestPerChannel = Math.min(...perChannel.values());
  figures.seconds = (Date.now() - started) / 1000;
  return figures;
}
