import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory } from '../../electron/core/demoHistory';
import { progressHandlers as reference } from '../support/reference/progress';
import { caseloadReference } from '../support/reference/caseload';
import { addDays } from '../../shared/dates';
import { PASSPHRASE, unlockedCore, type TestCore } from '../support/vault';

/**
 * Issue 12: the tuned Progress tab and caseload flags (definitions parsed once per version, the
 * caseload in three queries, both kept for the vault session until the next write, the caseload's
 * flags per client until a row of that client changes) give the same
 * answers as the straightforward code they replaced (tests/support/reference), on a real
 * encrypted vault with the demo's history; and a write or a lock never leaves a stale answer.
 */
let t: TestCore;
const NOW = new Date('2026-03-10T10:00:00Z');

beforeAll(async () => {
  t = await unlockedCore({ now: () => NOW });
  await seedDemo(t.do, NOW);
  await seedDemoHistory(t.do, t.core, NOW);
});
afterAll(() => t.cleanup());

const ranges = [
  { from: null, to: null },
  { from: '2026-01-05', to: '2026-03-01' },
  { from: '2025-12-01', to: null },
];

async function expectSameProgress(clientId: string) {
  for (const r of ranges) {
    const input = { clientId, ...r };
    const tuned = await t.do.progress.overview(input);
    // Twice: the second answer comes from the session cache.
    expect(await t.do.progress.overview(input)).toEqual(tuned);
    expect(tuned).toEqual(await reference.overview(input, t.core));
    for (const w of tuned.worksheets) {
      const keys = w.series.filter((s) => s.values > 0).map((s) => s.key);
      for (const chosen of [keys.slice(0, 3), keys.slice(-1)]) {
        if (!chosen.length) continue;
        const q = { clientId, worksheetId: w.worksheetId, keys: chosen, ...r };
        const series = await t.do.progress.series(q);
        expect(await t.do.progress.series(q)).toEqual(series);
        expect(series).toEqual(await reference.series(q, t.core));
      }
    }
  }
}

describe('the tuned Progress tab and caseload flags', () => {
  it('equal the straightforward answers for every client of the demo', async () => {
    const clients = await t.do.clients.list({ status: 'all' });
    expect(clients.length).toBeGreaterThan(3);
    let charted = 0;
    for (const c of clients) {
      await expectSameProgress(c.id);
      const o = await t.do.progress.overview({ clientId: c.id, from: null, to: null });
      if (o.worksheets.some((w) => w.series.some((s) => s.values > 0))) charted++;
    }
    expect(charted).toBeGreaterThan(2);
    const caseload = await t.do.measures.caseload();
    expect(caseload.length).toBeGreaterThan(0);
    expect(caseload).toEqual(caseloadReference(t.core));
  });

  it('are never stale after a write or a lock', async () => {
    const clients = await t.do.clients.list({ status: 'active' });
    const before = await t.do.measures.caseload();
    // A client with no flag yet answers PHQ-9 item 9 above 0: flagged at once.
    const calm = clients.find((c) => !before.some((e) => e.clientId === c.id)) ?? clients[0]!;
    await t.do.measures.record({
      clientId: calm.id,
      sessionId: null,
      measure: 'phq9',
      administeredOn: '2026-03-09',
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 2, 1],
      source: 'paper',
    });
    const after = await t.do.measures.caseload();
    expect(after).toEqual(caseloadReference(t.core));
    expect(after.find((e) => e.clientId === calm.id)?.flags.map((f) => f.kind)).toContain('item9');

    // A practice record changes the Progress tab at once.
    const busy = clients[0]!;
    const o1 = await t.do.progress.overview({ clientId: busy.id, from: null, to: null });
    const assignment = (await t.do.assignments.list({ clientId: busy.id })).find((a) => a.status === 'active');
    if (assignment) {
      // A day this homework was not practised yet (the demo's history practises most days).
      const practised = new Set(
        t.core.db
          .prepare('SELECT practiced_on FROM practice_record WHERE assignment_id = ? AND deleted_at IS NULL')
          .pluck()
          .all(assignment.id) as string[],
      );
      let day = '2026-03-10';
      while (practised.has(day) && day > assignment.startDate) day = addDays(day, -1);
      await t.do.practice.create({ assignmentId: assignment.id, practicedOn: day, answers: {} });
      const o2 = await t.do.progress.overview({ clientId: busy.id, from: null, to: null });
      expect(o2).not.toEqual(o1);
      expect(o2).toEqual(await reference.overview({ clientId: busy.id, from: null, to: null }, t.core));
    }

    // Locked and unlocked again: the same answers, computed afresh.
    await t.do.vault.lock();
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    expect(await t.do.measures.caseload()).toEqual(caseloadReference(t.core));
    await expectSameProgress(busy.id);
  });

  it("keep each client's flags only until a row of that client changes, whatever wrote it", async () => {
    const same = async () => expect(await t.do.measures.caseload()).toEqual(caseloadReference(t.core));
    await same();
    const active = await t.do.clients.list({ status: 'active' });
    const db = t.core.db;
    // The marks live in the connection (TEMP), never in the vault file.
    const named = (schema: string) =>
      db.prepare(`SELECT count(*) FROM ${schema} WHERE name LIKE 'stepwise_changed%'`).pluck().get() as number;
    expect(named('sqlite_master')).toBe(0);
    expect(named('sqlite_temp_master')).toBeGreaterThan(10);
    const withResults = active.filter(
      (c) => (db.prepare('SELECT count(*) FROM measure_result WHERE client_id = ?').pluck().get(c.id) as number) >= 2,
    );
    expect(withResults.length).toBeGreaterThan(1);
    const a = withResults[0]!;
    const b = withResults[1]!;

    // A tie on the latest date: a second PHQ-9 that day, entered later, much worse (it counts).
    const latest = db
      .prepare("SELECT max(administered_on) FROM measure_result WHERE client_id = ? AND measure = 'phq9'")
      .pluck()
      .get(a.id) as string | null;
    await t.do.measures.record({
      clientId: a.id,
      sessionId: null,
      measure: 'phq9',
      administeredOn: latest ?? '2026-03-09',
      answers: [3, 3, 3, 3, 3, 3, 3, 3, 0, null],
      source: 'paper',
    });
    await same();
    // An incomplete result (left out of change, but dated: it counts as a measure this month).
    await t.do.measures.record({
      clientId: b.id,
      sessionId: null,
      measure: 'gad7',
      administeredOn: '2026-03-10',
      answers: [1, null, 1, 1, 1, 1, 1],
      source: 'paper',
    });
    await same();
    // Item 9 on the latest result, then acknowledged.
    const r9 = await t.do.measures.record({
      clientId: b.id,
      sessionId: null,
      measure: 'phq9',
      administeredOn: '2026-03-10',
      answers: [0, 0, 0, 0, 0, 0, 0, 0, 1, null],
      source: 'paper',
    });
    await same();
    await t.do.measures.acknowledgeItem9({ id: r9.id, note: 'Talked it through; safety plan reviewed.' });
    await same();

    // Writes outside the services (raw rows) are seen too: a result's total, a session's
    // attendance, a review's amounts, a deleted result.
    const write = (statement: string, ...params: unknown[]) => t.core.write((d) => d.prepare(statement).run(...params));
    write(
      "UPDATE measure_result SET total = 27 WHERE id = (SELECT id FROM measure_result WHERE client_id = ? AND measure = 'phq9' AND total IS NOT NULL ORDER BY administered_on DESC LIMIT 1)",
      b.id,
    );
    await same();
    write(
      "UPDATE session SET attendance = 'did-not-attend' WHERE id = (SELECT id FROM session WHERE client_id = ? AND attendance = 'attended' ORDER BY date DESC LIMIT 1)",
      a.id,
    );
    await same();
    write(
      `UPDATE homework_review SET completion = 'not-done', amount_done = 0
        WHERE session_id IN (SELECT id FROM session WHERE client_id = ? AND attendance = 'attended')`,
      b.id,
    );
    await same();
    write(
      'DELETE FROM measure_result WHERE id = (SELECT id FROM measure_result WHERE client_id = ? ORDER BY administered_on LIMIT 1)',
      a.id,
    );
    await same();
    // A write that rolls back changes nothing.
    expect(() =>
      t.core.write((d) => {
        d.prepare("UPDATE measure_result SET total = 0 WHERE client_id = ? AND measure = 'phq9'").run(a.id);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    await same();
    // New RCI settings change every client's flags.
    await t.do.measures.setRci({ measure: 'pcl5', sd: 5, r: 0.9 });
    await same();
    await t.do.measures.setRci({ measure: 'pcl5', reset: true });
    await same();
    // An archived client keeps only an item 9 flag.
    await t.do.clients.archive({ id: b.id });
    await same();
    expect(
      (await t.do.measures.caseload()).find((e) => e.clientId === b.id)?.flags.every((f) => f.kind === 'item9') ?? true,
    ).toBe(true);
  });
});
