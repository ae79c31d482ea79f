/**
 * The large-vault generator of the scale benchmark (issue 12): a whole career of practice in one
 * vault. Everything is made through the core's own calls (clients, goals, assignments, their
 * status, archiving), and the history — sessions, homework reviews, practice records — through
 * `writeHistory`, the bulk path that keeps the services' invariants (a record fits its worksheet
 * version and falls between its assignment's start and today; one audit event per record, each
 * the next link of the hash chain).
 *
 * Size: `records` practice records. The caseload is fixed (1,000 clients of whom 300 active, 3,000
 * goals, 10,000 assignments); sessions scale with the records (40,000 at 1,000,000). The audit
 * trail is what those calls write: one event per client, goal, assignment, status change,
 * session, review and practice record — about 1.07 million at full size (the issue asked for at
 * least 200,000; the bulk path's one-event-per-record invariant gives more).
 *
 * The vault is encrypted like any other (made by `Vault.create`, the app's own scrypt cost) and
 * cached in the system's temp folder by size and GENERATOR_VERSION: change the generator, bump it.
 * No plaintext of the fictional client data is ever written here.
 *
 * Plugging in measures (issue 9): add one more step after the history in `generate` below — measure results through
 * the measures service (or its bulk path) for the active clients, 60,000 at full size, scaled like
 * the sessions — and bump GENERATOR_VERSION.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDispatcher } from '../../../electron/core/api';
import { Core } from '../../../electron/core/core';
import { DB_FILE, KEY_FILE } from '../../../electron/core/vault/files';
import { genericAnswers } from '../../../electron/core/demoHistory';
import { writeHistory, type HistoryPractice, type HistorySession } from '../../../electron/core/history';
import { hostClient } from '../../../electron/host';
import { coreContract, type DoOf, type CoreContract } from '../../../shared/contract';
import { addDays, daysBetween, localIsoDate } from '../../../shared/dates';
import type { WorksheetDefinition } from '../../../shared/worksheet';

/** Bump when the generated data changes: the cached vaults of older versions are not reused. */
export const GENERATOR_VERSION = 2;
export const BENCH_PASSPHRASE = 'bench vault: fictional clients only';

export const FULL = {
  clients: 1000,
  activeClients: 300,
  goalsPerClient: 3,
  assignmentsPerClient: 10,
  /** Active homework per active client (the rest is completed). */
  activePerActiveClient: 5,
  sessions: 40_000,
  records: 1_000_000,
};

export interface GeneratedVault {
  dir: string;
  records: number;
  /** Seconds spent generating (0 when the cached vault was reused). */
  seconds: number;
  counts: Record<string, number>;
}

/** A small deterministic random source: the same vault every time. */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = [
  'Zoë',
  'Øyvind',
  'Ελένη',
  'Kenji',
  'Aiyana',
  'Priya',
  'Алёна',
  'Maria',
  'James',
  'Fatima',
  'Liam',
  'Chen',
  'Amara',
  'Noah',
  'Sofía',
  'Ravi',
];
const LAST = [
  'Łukasiewicz',
  'Ødegård',
  'Παπαδοπούλου',
  'Watanabe',
  'Redcloud',
  'Raman',
  'Смирнова',
  'García',
  'Smith',
  'Haddad',
  'Murphy',
  'Wang',
  'Okafor',
  'Müller',
  'Ruiz',
  'Iyer',
];

/**
 * A career's records are made when they happened: the generator moves "now" (for the core and for
 * the contract's date bounds, which allow homework within five years of today) to each client's
 * start, each assignment's start and each measured session's date, and back. Generation only.
 */
const RealDate = Date;
let clockOffsetMs = 0;
class ShiftedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs);
    else super(...(args as [string]));
  }
  static override now(): number {
    return RealDate.now() + clockOffsetMs;
  }
}
function setClock(date: string | null): void {
  clockOffsetMs = date ? new RealDate(`${date}T12:00:00`).getTime() - RealDate.now() : 0;
  globalThis.Date = (date ? ShiftedDate : RealDate) as DateConstructor;
}

export function cacheDir(records: number): string {
  return path.join(tmpdir(), `stepwise-bench-v${GENERATOR_VERSION}-${records}`);
}

/** The folder of the vault inside a cache folder. */
export const vaultDirOf = (dir: string) => path.join(dir, 'vault');

/** A core on a vault folder, with the typed client every host uses. */
export function openCore(vaultDir: string): {
  core: Core;
  do: DoOf<CoreContract>;
  api: ReturnType<typeof hostClient<CoreContract>>['api'];
} {
  const core = new Core({ vaultDir, sleep: async () => {} });
  const client = hostClient(
    coreContract,
    createDispatcher(core, () => {}),
  );
  return { core, do: client.do, api: client.api };
}

/** The cached vault of this size, generated first when there is none. */
export async function largeVault(records: number, log: (line: string) => void = () => {}): Promise<GeneratedVault> {
  const dir = cacheDir(records);
  const done = path.join(dir, 'complete.json');
  if (existsSync(done)) {
    const { counts } = JSON.parse(readFileSync(done, 'utf8')) as { counts: Record<string, number> };
    return { dir: vaultDirOf(dir), records, seconds: 0, counts };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const counts = await generate(vaultDirOf(dir), records, log);
  writeFileSync(done, JSON.stringify({ version: GENERATOR_VERSION, records, counts }));
  return { dir: vaultDirOf(dir), records, seconds: (performance.now() - t0) / 1000, counts };
}

/** The caseload (clients, goals, assignments, archiving), shared by every size: made once, copied. */
async function caseload(log: (line: string) => void): Promise<string> {
  const dir = path.join(tmpdir(), `stepwise-bench-v${GENERATOR_VERSION}-caseload`);
  const done = path.join(dir, 'complete.json');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const plan = await makeCaseload(vaultDirOf(dir), log);
  writeFileSync(done, JSON.stringify(plan));
  log(`  caseload made in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return dir;
}

/** What the history step needs of the caseload: ids and dates only (fictional data). */
interface CaseloadPlan {
  today: string;
  clients: { id: string; start: string; active: boolean; assignments: { id: string; start: string; versionId: string }[] }[];
}

async function makeCaseload(vaultDir: string, log: (line: string) => void): Promise<CaseloadPlan> {
  const rnd = random(20261128);
  const { core, do: calls } = openCore(vaultDir);
  await calls.vault.create({ passphrase: BENCH_PASSPHRASE });
  // Generation only: no fsync per call. The app keeps synchronous = FULL.
  core.db.pragma('synchronous = OFF');
  const today = localIsoDate(new Date());
  const library = (await calls.library.list({})).filter((w) => w.builtInKey);
  const worksheets = await Promise.all(library.map((w) => calls.library.get({ id: w.id })));

  // Client 0 is the newest; the 300 newest are active, the others archived.
  log('  clients, goals, assignments …');
  const clients: CaseloadPlan['clients'] = [];
  for (let i = 0; i < FULL.clients; i++) {
    const start = addDays(today, -150 - Math.floor(i * 7));
    setClock(start);
    const c = await calls.clients.create({
      name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`,
      preferredName: i % 5 === 0 ? FIRST[(i + 3) % FIRST.length]! : null,
      pronouns: null,
      preferredLanguage: null,
      dateOfBirth: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      presentingConcerns: 'Fictional client of the scale benchmark.',
      startDate: start,
    });
    const goals: string[] = [];
    for (let g = 0; g < FULL.goalsPerClient; g++) {
      const goal = await calls.goals.create({
        clientId: c.id,
        goal: { title: `Goal ${g + 1}`, description: null, status: 'active', targetDate: null },
      });
      goals.push(goal.id);
    }
    const active = i < FULL.activeClients;
    const made: CaseloadPlan['clients'][number] = { id: c.id, start, active, assignments: [] };
    const span = daysBetween(start, today);
    for (let j = 0; j < FULL.assignmentsPerClient; j++) {
      const w = worksheets[(i * 7 + j) % worksheets.length]!;
      const isActive = active && j >= FULL.assignmentsPerClient - FULL.activePerActiveClient;
      const aStart = addDays(start, Math.floor((span * j) / (FULL.assignmentsPerClient + 2)));
      setClock(aStart);
      const a = await calls.assignments.create({
        clientId: c.id,
        worksheetId: w.worksheet.id,
        goalId: goals[j % goals.length]!,
        personalInstructions: 'Each evening, before bed.',
        agreedRationale: null,
        frequency: { kind: 'daily' },
        startDate: aStart,
        // Active homework: due from six weeks ago to three weeks ahead (Today's long tail).
        dueDate: isActive ? addDays(today, -42 + Math.floor(rnd() * 63)) : addDays(aStart, 14),
        step: null,
        phase: 'skill-practice',
      });
      if (!isActive) await calls.assignments.setStatus({ id: a.id, status: 'completed' });
      made.assignments.push({ id: a.id, start: aStart, versionId: w.version.id });
    }
    setClock(null);
    if (!active) await calls.clients.archive({ id: c.id });
    clients.push(made);
  }
  core.db.pragma('synchronous = FULL');
  await calls.vault.lock();
  core.close();
  return { today, clients };
}

async function generate(vaultDir: string, records: number, log: (line: string) => void): Promise<Record<string, number>> {
  const base = await caseload(log);
  const plan = JSON.parse(readFileSync(path.join(base, 'complete.json'), 'utf8')) as CaseloadPlan;
  mkdirSync(vaultDir, { recursive: true });
  for (const file of [DB_FILE, KEY_FILE]) copyFileSync(path.join(vaultDirOf(base), file), path.join(vaultDir, file));
  const f = records / FULL.records;
  const rnd = random(records);
  const { core, do: calls } = openCore(vaultDir);
  await calls.vault.unlock({ passphrase: BENCH_PASSPHRASE });
  core.db.pragma('synchronous = OFF');
  core.db.pragma('cache_size = -262144');
  const today = localIsoDate(new Date());
  const defs = new Map<string, WorksheetDefinition>();
  for (const w of await calls.library.list({})) {
    const d = await calls.library.get({ id: w.id });
    defs.set(d.version.id, d.version.definition as WorksheetDefinition);
  }

  // History, one client per write: sessions (evenly from the start), a review in each, practice.
  log(`  sessions, reviews, ${records} practice records …`);
  const t0 = performance.now();
  const perAssignment = records / (FULL.clients * FULL.assignmentsPerClient);
  let carry = 0;
  const sessionsPerClient = (FULL.sessions * f) / FULL.clients;
  let sessionCarry = 0;
  for (const c of plan.clients) {
    sessionCarry += sessionsPerClient;
    const nSessions = Math.floor(sessionCarry);
    sessionCarry -= nSessions;
    const span = daysBetween(c.start, today);
    const sessions: HistorySession[] = [];
    for (let s = 0; s < nSessions; s++) {
      const date = addDays(c.start, Math.min(span, Math.floor((span * s) / Math.max(1, nSessions))));
      const a = [...c.assignments].reverse().find((x) => x.start <= date);
      sessions.push({
        clientId: c.id,
        number: s + 1,
        date,
        attendance: rnd() < 0.9 ? 'attended' : 'cancelled',
        modality: 'in-person',
        notes: 'Fictional notes.',
        reviews: a ? [{ assignmentId: a.id, completion: 'partial', amountDone: 3, amountExpected: 5, quality: 2 }] : [],
      });
    }
    const practice: HistoryPractice[] = [];
    for (const a of c.assignments) {
      carry += perAssignment;
      const n = Math.floor(carry);
      carry -= n;
      const days = Math.max(1, daysBetween(a.start, today));
      const def = defs.get(a.versionId)!;
      for (let k = 0; k < n; k++) {
        const day = addDays(a.start, k % days);
        practice.push({
          assignmentId: a.id,
          practicedOn: day,
          source: 'paper',
          answers: genericAnswers(def, day, rnd, k / Math.max(1, n)),
        });
      }
    }
    writeHistory(core, { sessions, practice });
  }
  log(`  history written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  log('  measures …');
  const m0 = performance.now();
  await measures(core, calls, plan, rnd);
  log(`  measures written in ${((performance.now() - m0) / 1000).toFixed(0)} s`);

  const counts: Record<string, number> = {};
  for (const t of [
    'client',
    'goal',
    'assignment',
    'session',
    'homework_review',
    'practice_record',
    'measure_result',
    'audit_event',
  ]) {
    counts[t] = core.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  }
  core.db.pragma('synchronous = FULL');
  await calls.vault.lock();
  core.close();
  return counts;
}

/** Item scores (0–`max`) summing to `total` over `n` items, spread at random. */
function spread(total: number, n: number, max: number, rnd: () => number): number[] {
  const out = Array.from({ length: n }, () => 0);
  let left = Math.min(total, n * max);
  while (left > 0) {
    const i = Math.floor(rnd() * n);
    if (out[i]! < max) {
      out[i]!++;
      left--;
    }
  }
  return out;
}

/** PHQ-9 and GAD-7 (and the idiographic measure for one client in ten) at attended sessions. */
async function measures(core: Core, calls: DoOf<CoreContract>, plan: CaseloadPlan, rnd: () => number): Promise<void> {
  const sessionsOf = core.db.prepare(
    `SELECT id, date FROM session WHERE client_id = ? AND attendance = 'attended' ORDER BY date, number`,
  );
  for (const [ci, c] of plan.clients.entries()) {
    const sessions = sessionsOf.all(c.id) as { id: string; date: string }[];
    const measured = sessions.filter((_, i) => i % 6 !== 5);
    if (!measured.length) continue;
    if (!c.active) await calls.clients.restore({ id: c.id });
    // A course: most improve, one in six does not respond, one in twelve deteriorates.
    const kind = ci % 12 === 7 ? 'worse' : ci % 6 === 1 ? 'flat' : 'better';
    const phqFrom = 10 + Math.floor(rnd() * 12);
    const gadFrom = 8 + Math.floor(rnd() * 10);
    const phqTo =
      kind === 'better'
        ? Math.max(2, phqFrom - 8 - Math.floor(rnd() * 5))
        : kind === 'flat'
          ? phqFrom
          : Math.min(26, phqFrom + 7);
    const gadTo = kind === 'better' ? Math.max(2, gadFrom - 7) : kind === 'flat' ? gadFrom : Math.min(21, gadFrom + 6);
    const problems =
      ci % 10 === 3
        ? (
            await calls.measures.setProblems({
              clientId: c.id,
              problems: [{ text: 'Avoiding the shops' }, { text: 'Worry at night' }],
            })
          ).active
        : [];
    for (const [i, s] of measured.entries()) {
      // Typed in on the day of the session, as a clinician would.
      setClock(s.date);
      const f = measured.length > 1 ? i / (measured.length - 1) : 0;
      const noise = () => Math.round(rnd() * 4 - 2);
      const phq = Math.max(0, Math.min(27, Math.round(phqFrom + (phqTo - phqFrom) * f) + noise()));
      const gad = Math.max(0, Math.min(21, Math.round(gadFrom + (gadTo - gadFrom) * f) + noise()));
      const items = spread(phq, 9, 3, rnd);
      if (rnd() >= 0.02) items[8] = 0;
      const total = items.reduce((a, b) => a + b, 0);
      const base = { clientId: c.id, sessionId: s.id, administeredOn: s.date, source: 'paper' as const };
      await calls.measures.record({ ...base, measure: 'phq9', answers: [...items, total < 10 ? 1 : 2] });
      await calls.measures.record({ ...base, measure: 'gad7', answers: spread(gad, 7, 3, rnd) });
      if (problems.length) {
        await calls.measures.record({
          ...base,
          measure: 'idiographic',
          problemIds: problems.map((p) => p.id),
          answers: problems.map(() => Math.max(0, Math.min(10, Math.round(8 - 5 * f) + noise()))),
        });
      }
    }
    setClock(null);
    if (!c.active) await calls.clients.archive({ id: c.id });
  }
}
