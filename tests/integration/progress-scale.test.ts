import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory } from '../../electron/core/demoHistory';
import { progressHandlers as reference } from '../support/reference/progress';
import { caseloadReference } from '../support/reference/caseload';
import { addDays } from '../../shared/dates';
import { PASSPHRASE, unlockedCore, type TestCore } from '../support/vault';

/**
 * Issue 12: the tuned Progress tab and caseload flags (definitions parsed once per version, the
 * caseload in four queries, both kept for the vault session until the next write) give the same
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
});
