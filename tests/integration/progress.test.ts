import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory } from '../../electron/core/demoHistory';
import { mondayOf, reviewCompletion } from '../../electron/core/services/progress';
import { adherenceChart, ladderChart, seriesChart } from '../../shared/charts';
import type { Assignment, Client } from '../../shared/domain';
import { failure, unlockedCore, type TestCore } from '../support/vault';

/** The Progress tab's data on real vaults: a constructed history with known numbers, then the demo. */

const NOW = new Date('2026-03-14T12:00:00Z');

describe('progress on a constructed history', () => {
  let t: TestCore;
  let c: Client;
  let log: Assignment;
  let worksheetId: string;

  beforeAll(async () => {
    t = await unlockedCore({ now: () => NOW });
    c = await t.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2026-02-23' });
    worksheetId = (await t.do.library.list()).find((w) => w.title === 'Exposure practice log')!.id;
    log = await t.do.assignments.create({
      clientId: c.id,
      worksheetId,
      phase: 'skill-practice',
      frequency: { kind: 'weekly', times: 3 },
      startDate: '2026-02-23',
      step: { current: 2, total: 4 },
    });
    const entry = (day: string, step: number, peak: number, what: string) =>
      t.do.practice.create({
        assignmentId: log.id,
        practicedOn: day,
        ladderStep: step,
        answers: { practice: [{ step: what, 'suds-before': peak - 20, 'suds-peak': peak, 'suds-after': peak - 40 }] },
      });
    await entry('2026-02-24', 1, 80, 'Corner shop, ten minutes');
    await entry('2026-02-26', 1, 70, 'Corner shop, ten minutes');
    await entry('2026-02-26', 1, 65, 'Corner shop, ten minutes'); // the same day counts once
    await entry('2026-03-03', 2, 75, 'Supermarket at a quiet time');
    await entry('2026-03-10', 2, 60, 'Supermarket at a quiet time');
    const s = await t.do.sessions.create({ clientId: c.id, date: '2026-03-02' });
    await t.do.reviews.save({
      sessionId: s.id,
      assignmentId: log.id,
      review: { completion: 'partial', amountDone: 2, amountExpected: 3, quality: 3 },
    });
  });
  afterAll(() => t.cleanup());

  it('weeks run Monday to Sunday; a review counts its amounts first, then its words', () => {
    expect(mondayOf('2026-03-14')).toBe('2026-03-09');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(reviewCompletion({ completion: 'partial', amount_done: 1, amount_expected: 4 })).toBe(0.25);
    expect(reviewCompletion({ completion: 'partial', amount_done: null, amount_expected: null })).toBe(0.5);
    expect(reviewCompletion({ completion: 'full', amount_done: 5, amount_expected: 3 })).toBe(1);
    expect(reviewCompletion({ completion: null, amount_done: null, amount_expected: null })).toBeNull();
  });

  it('gives homework week by week: days practised against the frequency, completion and quality from the reviews', async () => {
    const o = await t.do.progress.overview({ clientId: c.id });
    expect(o.range).toEqual({ from: '2026-02-23', to: '2026-03-14' });
    expect(o.sessions).toEqual(['2026-03-02']);
    expect(o.weeks).toEqual([
      { weekStart: '2026-02-23', done: 2, expected: 3, completion: null, quality: null, reviews: 0 },
      { weekStart: '2026-03-02', done: 1, expected: 3, completion: 2 / 3, quality: 3, reviews: 1 },
      // 9–14 March: six days of three a week.
      { weekStart: '2026-03-09', done: 1, expected: 3, completion: null, quality: null, reviews: 0 },
    ]);
    const chart = adherenceChart({ weeks: o.weeks, sessions: o.sessions, range: o.range });
    expect(chart.summary).toContain('Practice records: 4 of 9 expected practices (44%)');
  });

  it("lists the worksheet's own series with how many values the range holds", async () => {
    const o = await t.do.progress.overview({ clientId: c.id });
    expect(o.worksheets).toHaveLength(1);
    expect(o.worksheets[0]!.title).toBe('Exposure practice log');
    expect(o.worksheets[0]!.series.map((s) => [s.key, s.values])).toEqual([
      ['practice.minutes', 0],
      ['practice.suds-before', 5],
      ['practice.suds-peak', 5],
      ['practice.suds-after', 5],
    ]);
    expect(o.worksheets[0]!.series[2]).toMatchObject({ label: 'Practice log: SUDS peak', min: 0, max: 100 });
  });

  it('gives chosen series over time, within the range', async () => {
    const s = await t.do.progress.series({
      clientId: c.id,
      worksheetId,
      keys: ['practice.suds-peak', 'practice.suds-after'],
      from: '2026-02-26',
      to: '2026-03-05',
    });
    expect(s).toMatchObject({
      title: 'Exposure practice log',
      min: 0,
      max: 100,
      range: { from: '2026-02-26', to: '2026-03-05' },
    });
    expect(s.lines.map((l) => [l.key, l.points.map((p) => `${p.date}:${p.value}`)])).toEqual([
      ['practice.suds-peak', ['2026-02-26:70', '2026-02-26:65', '2026-03-03:75']],
      ['practice.suds-after', ['2026-02-26:30', '2026-02-26:25', '2026-03-03:35']],
    ]);
    expect(seriesChart(s).table.rows[0]).toEqual(['26 Feb 2026', 70, 30]);
  });

  it('gives the ladder: attempts per step with the step words, the current step', async () => {
    const o = await t.do.progress.overview({ clientId: c.id });
    expect(o.ladders).toHaveLength(1);
    const l = o.ladders[0]!;
    expect(l).toMatchObject({ assignmentId: log.id, valueLabel: 'SUDS peak', min: 0, max: 100, currentStep: 2 });
    expect(l.steps.map((s) => [s.step, s.label, s.attempts.map((a) => a.value)])).toEqual([
      [1, 'Corner shop, ten minutes', [80, 70, 65]],
      [2, 'Supermarket at a quiet time', [75, 60]],
      [3, 'Step 3', []],
      [4, 'Step 4', []],
    ]);
    expect(ladderChart(l).summary).toContain('Current step: 2, Supermarket at a quiet time.');
  });

  it('refuses a range that ends before it starts, an unassigned worksheet and an unknown series', async () => {
    expect(await failure(t.api.progress.overview({ clientId: c.id, from: '2026-03-10', to: '2026-03-01' }))).toMatchObject({
      code: 'VALIDATION',
    });
    const other = (await t.do.library.list()).find((w) => w.title !== 'Exposure practice log')!.id;
    expect(await failure(t.api.progress.series({ clientId: c.id, worksheetId: other, keys: ['x'] }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await failure(t.api.progress.series({ clientId: c.id, worksheetId, keys: ['practice.nope'] }))).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await failure(t.api.progress.series({ clientId: c.id, worksheetId, keys: [] }))).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('progress on the demo', () => {
  let t: TestCore;
  const DEMO_NOW = new Date('2026-03-10T10:00:00Z');
  beforeAll(async () => {
    t = await unlockedCore({ now: () => DEMO_NOW });
    await seedDemo(t.do, DEMO_NOW);
    await seedDemoHistory(t.do, t.core, DEMO_NOW);
  });
  afterAll(() => t.cleanup());

  it("Zoë: months of weeks, her ladder falling within and across steps, and charts of every client's numbers", async () => {
    const clients = await t.do.clients.list({ status: 'all' });
    const zoe = clients.find((c) => c.name === 'Zoë Łukasiewicz')!;
    const o = await t.do.progress.overview({ clientId: zoe.id });
    expect(o.weeks.length).toBeGreaterThan(4);
    expect(o.weeks.some((w) => w.completion !== null)).toBe(true);
    expect(o.weeks.reduce((s, w) => s + w.done, 0)).toBeGreaterThan(10);
    const ladder = o.ladders[0]!;
    expect(ladder.steps.filter((s) => s.attempts.length >= 2).length).toBeGreaterThanOrEqual(2);
    for (const s of ladder.steps.filter((x) => x.attempts.length >= 2)) {
      expect(s.attempts.at(-1)!.value).toBeLessThan(s.attempts[0]!.value);
    }
    expect(ladder.currentStep).toBe(3);
    for (const c of clients) {
      const ov = await t.do.progress.overview({ clientId: c.id });
      for (const w of ov.worksheets) {
        const withValues = w.series.filter((s) => s.values > 0);
        if (!withValues.length) continue;
        const s = await t.do.progress.series({
          clientId: c.id,
          worksheetId: w.worksheetId,
          keys: withValues.slice(0, 3).map((x) => x.key),
        });
        expect(s.lines.some((l) => l.points.length > 0)).toBe(true);
      }
    }
  });
});
