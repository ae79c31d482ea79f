import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from 'better-sqlite3';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory } from '../../electron/core/demoHistory';
import { SCREENS, type ScreenTarget } from '../bench/scale/screens';
import { TODAY_GROUPS } from '../../shared/contract';
import { PASSPHRASE, unlockedCore, type TestCore } from '../support/vault';

/**
 * Issue 12: every hot query — the data of each screen (the scale bench's SCREENS) and the other
 * calls a clinician makes on a client all day — runs on an index. The test records every statement
 * the calls prepare, asks SQLite for its plan (EXPLAIN QUERY PLAN, with the values it ran with)
 * and fails on a full scan of a large table: one that grows with the years (practice records,
 * sessions, reviews, assignments, the audit trail). Client-sized tables may be scanned: the client
 * list reads every client by design (1,000 rows in a career), and the library every worksheet.
 */
const LARGE = [
  'practice_record',
  'session',
  'homework_review',
  'assignment',
  'audit_event',
  'goal',
  'pdf_import',
  'measure_result',
  'life_event',
];

let t: TestCore;
const NOW = new Date('2026-03-10T10:00:00Z');
const seen = new Map<string, unknown[]>();

beforeAll(async () => {
  t = await unlockedCore({ now: () => NOW });
  await seedDemo(t.do, NOW);
  await seedDemoHistory(t.do, t.core, NOW);
  // A fresh connection (prepared statements are cached per connection), then record each
  // statement prepared from now on, with the values of its last run.
  await t.do.vault.lock();
  await t.do.vault.unlock({ passphrase: PASSPHRASE });
  const db = t.core.db;
  const prepare = db.prepare.bind(db);
  db.prepare = ((text: string) => {
    const stmt = prepare(text);
    const record =
      (fn: (...a: unknown[]) => unknown) =>
      (...values: unknown[]) => {
        seen.set(text, values);
        return fn.apply(stmt, values);
      };
    return new Proxy(stmt, {
      get(target, key) {
        const v = Reflect.get(target, key, target) as unknown;
        if (key === 'all' || key === 'get' || key === 'iterate') return record(v as (...a: unknown[]) => unknown);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }) as typeof db.prepare;
});
afterAll(() => t.cleanup());

/**
 * Partial indexes that hold only rows waiting for the clinician (PHQ-9 item 9 answers not yet
 * acknowledged): a handful in a career, so reading all of them is not a scan of a large table.
 */
const WAITING = new Set(['measure_result_item9_open']);

/**
 * The table a plan line scans in full, or null (a SEARCH, a scan of an index range, or of one of
 * the WAITING indexes).
 */
function scanned(detail: string, aliases: Map<string, string>): string | null {
  const m = /^SCAN (\S+)(?: AS (\S+))?/.exec(detail);
  if (!m) return null;
  const index = /USING (?:COVERING )?INDEX (\S+)/.exec(detail)?.[1];
  if (index && WAITING.has(index)) return null;
  return aliases.get(m[1]!) ?? m[1]!;
}

/** Table aliases of a statement ("FROM practice_record p" → p = practice_record). */
function aliasesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const alias = m[2];
    if (alias && !/^(WHERE|ON|JOIN|LEFT|ORDER|GROUP|LIMIT|INNER|USING)$/i.test(alias)) out.set(alias, m[1]!);
  }
  return out;
}

describe('query plans of the hot queries', () => {
  it('use an index for every large table (no full scan)', async () => {
    const clients = await t.do.clients.list({ status: 'active' });
    const zoe = clients.find((c) => c.name === 'Zoë Łukasiewicz')!;
    const target: ScreenTarget = { clientId: zoe.id, search: 'zoe' };
    seen.clear();
    // The client list's summaries are kept until the vault changes (ReadDb.memo): change it, so
    // the screens below compute them again and their query is checked too.
    t.core.write((db) => db.prepare('UPDATE client SET updated_at = updated_at WHERE id = ?').run(zoe.id));
    for (const s of SCREENS) if (!s.pending) await s.run(t.do, target);
    // The rest of a client's day: their sessions, homework, practice of one assignment, the activity log.
    const assignments = await t.do.assignments.list({ clientId: zoe.id });
    await t.do.sessions.list({ clientId: zoe.id });
    await t.do.goals.list({ clientId: zoe.id });
    await t.do.assignments.get({ id: assignments[0]!.id });
    await t.do.reviews.ofAssignment({ assignmentId: assignments[0]!.id });
    await t.do.practice.list({ assignmentId: assignments[0]!.id, limit: 100 });
    await t.do.practice.list({ clientId: zoe.id, from: '2026-01-01', to: '2026-03-01', limit: 100 });
    await t.do.audit.list({ limit: 100 });
    // The Practice tab's next page, read on from the last record of the first (keyset).
    const firstPage = await t.do.practice.list({ clientId: zoe.id, limit: 20 });
    await t.do.practice.list({ clientId: zoe.id, limit: 20, before: firstPage.at(-1)!.id });
    // ---- today (issue 12): Today's "and N more" of every group, past its first page too.
    for (const group of TODAY_GROUPS) await t.do.today.more({ group, offset: 10, limit: 100 });
    // ---- end today

    const problems: string[] = [];
    let checked = 0;
    for (const [text, values] of seen) {
      if (!/^\s*(SELECT|WITH)\b/i.test(text)) continue;
      checked++;
      const plan = (t.core.db.prepare(`EXPLAIN QUERY PLAN ${text}`) as Statement).all(...values) as { detail: string }[];
      const aliases = aliasesOf(text);
      // The activity log's page reads the newest events by rowid, backwards, and stops at its LIMIT.
      const newestFirst = /ORDER BY id DESC LIMIT/.test(text) && !plan.some((p) => p.detail.includes('TEMP B-TREE'));
      if (process.env.SHOW_PLANS)
        console.log(`${text.replace(/\s+/g, ' ').trim().slice(0, 160)}\n  ${plan.map((p) => p.detail).join('\n  ')}`);
      for (const { detail } of plan) {
        const table = scanned(detail, aliases);
        if (table === 'audit_event' && newestFirst) continue;
        if (table && LARGE.includes(table)) problems.push(`${detail}\n    in: ${text.replace(/\s+/g, ' ').trim().slice(0, 300)}`);
      }
    }
    expect(checked).toBeGreaterThan(15);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
