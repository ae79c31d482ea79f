import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { TODAY_FIRST_ROWS, TODAY_GROUPS, type TodayGroup } from '../../shared/contract';
import type { Client } from '../../shared/domain';
import { unlockedCore, type TestCore } from '../support/vault';

/**
 * Issue 12: Today in one call (today.overview: each group's first rows and count) and one group
 * paged (today.more), on a real vault. Issue 11: namesakes told apart.
 */
let t: TestCore;
const NOW = new Date('2026-03-14T12:00:00Z');
const TODAY = '2026-03-14';
let names: Record<string, Client>;

async function worksheetIds(): Promise<string[]> {
  return (await t.do.library.list()).map((w) => w.id);
}

async function assign(c: Client, worksheetId: string, dueDate: string) {
  return t.do.assignments.create({
    clientId: c.id,
    worksheetId,
    phase: 'skill-practice',
    frequency: { kind: 'daily' },
    startDate: '2026-01-20',
    dueDate,
  });
}

/** Every row of a group through today.more, `limit` at a time. */
async function allOf(group: TodayGroup, limit: number): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const p = await t.do.today.more({ group, offset, limit });
    expect(p.group).toBe(group);
    totals.push(p.total);
    for (const r of p.rows) ids.push('resultId' in r ? r.resultId : 'id' in r ? r.id : r.client.id);
    if (p.rows.length < limit) break;
  }
  return { ids, totals };
}

beforeAll(async () => {
  t = await unlockedCore({ now: () => NOW });
  const ws = await worksheetIds();
  const w = (i: number) => ws[i % ws.length]!;
  // Never seen: everything due by today waits for its review (14 rows, one group's tail).
  const ana = await t.do.clients.create({ name: 'Ana Lima', startDate: '2026-01-10' });
  for (let i = 0; i < 14; i++) await assign(ana, w(i), addDays(TODAY, -1 - i));
  // Seen yesterday: homework due before that session is overdue, not "to review" (13 rows).
  const ben = await t.do.clients.create({ name: 'Ben Okafor', startDate: '2026-01-10' });
  await t.do.sessions.create({ clientId: ben.id, date: addDays(TODAY, -1) });
  for (let i = 0; i < 13; i++) await assign(ben, w(i), addDays(TODAY, -2 - (i % 5)));
  // Due in the next three days (12 rows), one due today (to review: no session yet), one later.
  const cleo = await t.do.clients.create({ name: 'Cleo Ruiz', startDate: '2026-01-10' });
  for (let i = 0; i < 12; i++) await assign(cleo, w(i), addDays(TODAY, 1 + (i % 3)));
  await assign(cleo, w(3), TODAY);
  await assign(cleo, w(4), addDays(TODAY, 10));
  // Namesakes (accents and case aside), born on different days; each has overdue homework.
  const s1 = await t.do.clients.create({ name: 'Siobhán Ní Bhriain', dateOfBirth: '1990-05-03', startDate: '2026-01-10' });
  const s2 = await t.do.clients.create({ name: 'siobhan ni bhriain', dateOfBirth: '1985-11-20', startDate: '2026-02-01' });
  for (const s of [s1, s2]) {
    await t.do.sessions.create({ clientId: s.id, date: addDays(TODAY, -1) });
    await assign(s, w(5), addDays(TODAY, -3));
  }
  // Archived: their homework and sessions leave Today.
  const dan = await t.do.clients.create({ name: 'Dan Iyer', startDate: '2026-01-10' });
  await assign(dan, w(6), addDays(TODAY, -2));
  await t.do.sessions.create({ clientId: dan.id, date: addDays(TODAY, -1) });
  // Unfinished sessions of active clients (those above, and Ana's today, which she missed: her
  // homework still waits for its review).
  await t.do.sessions.create({ clientId: ana.id, date: TODAY, attendance: 'did-not-attend' });
  // Item 9 above 0 (a safety notice) and a PHQ-9 alone.
  await t.do.measures.record({
    clientId: cleo.id,
    measure: 'phq9',
    administeredOn: addDays(TODAY, -2),
    answers: [2, 2, 1, 2, 1, 1, 1, 2, 1, 1],
  });
  names = { ana, ben, cleo, s1, s2, dan };
});
afterAll(() => t.cleanup());

describe('Today in one call (overview and pages)', () => {
  it('puts each homework in one group, with the counts, first rows most urgent first', async () => {
    const o = await t.do.today.overview();
    expect(o.today).toBe(TODAY);
    // To review: Ana's 14 (never seen) and Cleo's due today; overdue: Ben's 13, the Siobháns' and
    // Dan's (due before their last session); due soon: Cleo's 12 (not the one due in 10 days).
    expect([o.review.total, o.overdue.total, o.dueSoon.total]).toEqual([15, 16, 12]);
    const review = await t.do.today.more({ group: 'review', offset: 0, limit: 100 });
    const toReview = new Set(review.rows.map((r) => ('id' in r ? r.id : '')));
    for (const g of [o.review, o.overdue, o.dueSoon]) {
      expect(g.rows).toHaveLength(TODAY_FIRST_ROWS);
      const dues = g.rows.map((r) => r.dueDate);
      expect(dues).toEqual([...dues].sort());
    }
    expect(new Set(o.review.rows.map((r) => r.id)).size).toBe(TODAY_FIRST_ROWS);
    for (const r of o.review.rows) expect(toReview.has(r.id)).toBe(true);
    // The most urgent first: Ana's homework due 14 days ago opens "To review".
    expect(o.review.rows[0]).toMatchObject({
      client: { id: names['ana']!.id, name: 'Ana Lima', tellApart: null },
      dueDate: addDays(TODAY, -14),
      state: 'overdue',
      lastSessionDate: null,
    });
    expect(o.overdue.rows.every((r) => r.state === 'overdue' && r.lastSessionDate === null)).toBe(true);
    expect(o.dueSoon.rows.every((r) => r.state === 'due-soon')).toBe(true);
    expect(o.review.rows.every((r) => r.title.length > 0)).toBe(true);
    // Unfinished sessions (a session is open until it is finished).
    expect(o.unfinished.total).toBe(5);
    expect(o.unfinished.rows.map((s) => s.client.name).sort()).toEqual(
      ['Ana Lima', 'Ben Okafor', 'Dan Iyer', 'Siobhán Ní Bhriain', 'siobhan ni bhriain'].sort(),
    );
    // Item 9 with its client; not repeated among "needs attention".
    expect(o.item9.total).toBe(1);
    expect(o.item9.rows[0]).toMatchObject({ clientId: names['cleo']!.id, answer: 1, client: { name: 'Cleo Ruiz' } });
    expect(o.attention.rows.every((e) => e.flags.every((f) => f.kind !== 'item9'))).toBe(true);
  });

  it('pages every group: each item exactly once, in the overview order, with the same count', async () => {
    const o = await t.do.today.overview();
    for (const group of TODAY_GROUPS) {
      for (const limit of [1, 7, 100]) {
        const { ids, totals } = await allOf(group, limit);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(o[group].total);
        expect(new Set(totals)).toEqual(new Set([o[group].total]));
        const firstIds = o[group].rows.map((r) => ('resultId' in r ? r.resultId : 'id' in r ? r.id : r.client.id));
        expect(ids.slice(0, firstIds.length)).toEqual(firstIds);
      }
    }
    // Past the end: no rows, the count still right.
    expect(await t.do.today.more({ group: 'overdue', offset: 500, limit: 10 })).toEqual({
      group: 'overdue',
      total: o.overdue.total,
      rows: [],
    });
  });

  it('tells namesakes apart (accents and case aside) and no one else', async () => {
    const o = await t.do.today.overview();
    const rows = (await allOf('overdue', 100)).ids;
    const page = await t.do.today.more({ group: 'overdue', offset: 0, limit: 100 });
    expect(page.group).toBe('overdue');
    if (page.group !== 'overdue') return;
    expect(page.rows.map((r) => r.id)).toEqual(rows);
    const siobhans = page.rows.filter((r) => r.client.id === names['s1']!.id || r.client.id === names['s2']!.id);
    expect(siobhans.map((r) => r.client.tellApart).sort((a, b) => (a!.startDate < b!.startDate ? -1 : 1))).toEqual([
      { dateOfBirth: '1990-05-03', startDate: '2026-01-10' },
      { dateOfBirth: '1985-11-20', startDate: '2026-02-01' },
    ]);
    for (const r of page.rows) if (!siobhans.includes(r)) expect(r.client.tellApart).toBeNull();
    expect(o.unfinished.rows.filter((s) => s.client.tellApart !== null)).toHaveLength(2);
  });

  it('leaves out archived clients and what is no longer due', async () => {
    const dan = names['dan']!;
    const before = await t.do.today.overview();
    // Dan (archived below) still counts while active: his overdue homework and open session.
    const danOverdue = (await t.do.today.more({ group: 'overdue', offset: 0, limit: 100 })).rows.filter(
      (r) => 'client' in r && r.client.id === dan.id,
    );
    expect(danOverdue).toHaveLength(1);
    await t.do.clients.archive({ id: dan.id });
    const after = await t.do.today.overview();
    expect(after.overdue.total).toBe(before.overdue.total - 1);
    expect(after.unfinished.total).toBe(before.unfinished.total - 1);
    for (const group of TODAY_GROUPS) {
      const p = await t.do.today.more({ group, offset: 0, limit: 100 });
      for (const r of p.rows) expect(r.client.id).not.toBe(dan.id);
    }
    // Completed homework leaves its group.
    const first = after.review.rows[0]!;
    await t.do.assignments.setStatus({ id: first.id, status: 'completed' });
    const done = await t.do.today.overview();
    expect(done.review.total).toBe(after.review.total - 1);
    expect(done.review.rows.some((r) => r.id === first.id)).toBe(false);
  });
});
