import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory } from '../../electron/core/demoHistory';
import type { Client } from '../../shared/domain';
import { savePreview } from '../support/pdf';
import { failure, tempDir, unlockedCore, type TestCore } from '../support/vault';

/**
 * The progress report on a real vault with a constructed history of known numbers: the PDF's text
 * read back with pdftotext (totals, bands, change words, the RCI figures), the client's report
 * free of item 9 and private notes, initials mode, the audit event. Pages saved as PNG under
 * tests/artifacts/pdf/report-*.png to look at.
 */
const NOW = new Date('2026-03-14T12:00:00Z');
const tmp = tempDir('stepwise-report-');
afterAll(() => tmp.cleanup());

const pdftotext = (bytes: Uint8Array, name: string) => {
  const file = path.join(tmp.dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};
/** pdftotext breaks lines where the page does: compare on single spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

// PHQ-9: items 1–9 then the difficulty question. Totals 18 (item 9 = 1), 16, 11, 8.
const PHQ9 = [
  [3, 3, 2, 2, 2, 2, 2, 1, 1, 2],
  [2, 2, 2, 2, 2, 2, 2, 2, 0, 1],
  [2, 2, 1, 1, 1, 1, 1, 2, 0, 1],
  [1, 1, 1, 1, 1, 1, 1, 1, 0, 0],
];
// GAD-7 totals 14, 12, 9, 6.
const GAD7 = [
  [2, 2, 2, 2, 2, 2, 2],
  [2, 2, 2, 2, 2, 1, 1],
  [2, 1, 1, 1, 1, 1, 2],
  [1, 1, 1, 1, 1, 1, 0],
];
const DATES = ['2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16'];
const PRIVATE_NOTE = 'Discussed the custody hearing privately';
const ACK_NOTE = 'Safety plan reviewed, no intent';
const LIFE_EVENT = 'Father in hospital';
const GOAL_DESCRIPTION = 'Linked to the panic on the pitch';

describe('progress report on a constructed history', () => {
  let t: TestCore;
  let c: Client;

  beforeAll(async () => {
    t = await unlockedCore({ now: () => NOW });
    c = await t.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2026-01-05' });
    await t.do.goals.create({ clientId: c.id, goal: { title: 'Back to Sunday football', description: GOAL_DESCRIPTION } });
    const worksheetId = (await t.do.library.list()).find((w) => w.title === 'Exposure practice log')!.id;
    const log = await t.do.assignments.create({
      clientId: c.id,
      worksheetId,
      phase: 'skill-practice',
      frequency: { kind: 'weekly', times: 3 },
      startDate: '2026-01-05',
      step: { current: 2, total: 4 },
    });
    const practice = (day: string, step: number, peak: number) =>
      t.do.practice.create({
        assignmentId: log.id,
        practicedOn: day,
        ladderStep: step,
        answers: { practice: [{ step: 'Corner shop', 'suds-before': peak - 20, 'suds-peak': peak, 'suds-after': peak - 40 }] },
      });
    await practice('2026-01-07', 1, 80);
    await practice('2026-01-14', 1, 70);
    await practice('2026-01-28', 1, 60);
    await practice('2026-02-10', 2, 75);
    await practice('2026-02-24', 2, 55);
    for (let i = 0; i < DATES.length; i++) {
      const s = await t.do.sessions.create({ clientId: c.id, date: DATES[i]!, notes: i === 0 ? PRIVATE_NOTE : null });
      await t.do.measures.record({
        clientId: c.id,
        sessionId: s.id,
        measure: 'phq9',
        administeredOn: DATES[i]!,
        answers: PHQ9[i]!,
      });
      await t.do.measures.record({
        clientId: c.id,
        sessionId: s.id,
        measure: 'gad7',
        administeredOn: DATES[i]!,
        answers: GAD7[i]!,
      });
      if (i === 1)
        await t.do.reviews.save({
          sessionId: s.id,
          assignmentId: log.id,
          review: { completion: 'partial', amountDone: 2, amountExpected: 3, quality: 3 },
        });
    }
    const first = (await t.do.measures.list({ clientId: c.id, measure: 'phq9' }))[0]!;
    await t.do.measures.acknowledgeItem9({ id: first.id, note: ACK_NOTE });
    await t.do.measures.addEvent({ clientId: c.id, date: '2026-01-26', note: LIFE_EVENT });
  });
  afterAll(() => t.cleanup());

  it('the clinician report: totals, bands, NHS categories, the RCI with its formula, SD and r', async () => {
    const pdf = await t.do.reports.progress({ clientId: c.id, audience: 'clinician' });
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    expect(pdf.fileName).toBe('Progress report - Z. Ł. - 2026-03-14.pdf');
    savePreview('report-clinician', Buffer.from(pdf.bytes), { png: true });
    const text = flat(pdftotext(pdf.bytes, 'clinician'));
    for (const want of [
      'Progress report',
      'Zoë Łukasiewicz',
      // totals with their bands, first and latest
      '18 (Moderately severe)',
      '8 (Mild)',
      '14 (Moderate)',
      '6 (Mild)',
      // change words
      'Reliable improvement',
      'Reliable recovery',
      'At caseness at the start',
      // the RCI: formula, the values (PHQ-9 −10/(3.5·√2·√0.16) = −5.05; GAD-7 −8/(3.4·√2·√0.17) = −4.04), SD and r
      'RC = (x₂ − x₁) / (SD · √2 · √(1 − r))',
      '−10 Reliable improvement',
      '−5.05 (reliable)',
      'PHQ-9 3.5 0.84 1.98 3.88 points −5.05 (reliable)',
      'GAD-7 3.4 0.83 1.98 3.89 points −4.04 (reliable)',
      'Kocalevent',
      // charts
      'PHQ-9 over time',
      'GAD-7 over time',
      'PHQ-9 items',
      'Caseness 10',
      // item 9 is the clinician's to see
      '9 Self-harm thoughts',
      'item 9 answered 1, acknowledged',
      // homework, ladder, goals, life events
      'Homework beside PHQ-9',
      'Exposure practice log',
      'Back to Sunday football',
      LIFE_EVENT,
    ]) {
      expect(text, want).toContain(want);
    }
    // The session notes and the acknowledgement note are not part of any report.
    expect(text).not.toContain(PRIVATE_NOTE);
    expect(text).not.toContain(ACK_NOTE);
  });

  it('the SD and r the clinician set are the ones the report uses, with their source', async () => {
    await t.do.measures.setRci({ measure: 'phq9', sd: 5.7, r: 0.84 });
    try {
      const text = flat(pdftotext((await t.do.reports.progress({ clientId: c.id })).bytes, 'custom-rci'));
      // −10 / (5.7·√2·√0.16) = −3.10
      expect(text).toContain('PHQ-9 5.7 0.84 3.22 6.32 points −3.1 (reliable)');
      expect(text).toContain('set by the clinician');
    } finally {
      await t.do.measures.setRci({ measure: 'phq9', reset: true });
    }
  });

  it('the client report: encouraging words and charts, no item 9, no private notes', async () => {
    const pdf = await t.do.reports.progress({ clientId: c.id, audience: 'client', options: { paper: 'letter' } });
    savePreview('report-client', Buffer.from(pdf.bytes), { png: true });
    const text = flat(pdftotext(pdf.bytes, 'client'));
    expect(pdf.fileName).toBe('Your progress - Z. Ł. - 2026-03-14.pdf');
    for (const want of [
      'Your progress so far',
      'from 18 to 8',
      'Well done',
      'PHQ-9 over time',
      'PHQ-9 items',
      '8 Slowed or restless',
      'Back to Sunday football',
    ]) {
      expect(text, want).toContain(want);
    }
    for (const never of [
      'item 9',
      'Item 9',
      '9 Thoughts',
      'self-harm',
      'better off dead',
      'hurting yourself',
      PRIVATE_NOTE,
      ACK_NOTE,
      LIFE_EVENT,
      GOAL_DESCRIPTION,
      'acknowledged',
    ]) {
      expect(text.toLowerCase(), never).not.toContain(never.toLowerCase());
    }
    // Letter paper: 612 × 792 points.
    const info = execFileSync('pdfinfo', [path.join(tmp.dir, 'client.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts/);
  });

  it('initials mode shows no full name; a date range leaves earlier results out', async () => {
    const pdf = await t.do.reports.progress({
      clientId: c.id,
      audience: 'clinician',
      from: '2026-01-15',
      to: '2026-02-28',
      options: { nameOnWorksheets: 'initials' },
    });
    const text = flat(pdftotext(pdf.bytes, 'initials'));
    expect(text).toContain('Z. Ł.');
    expect(text).not.toContain('Zoë');
    expect(text).not.toContain('Łukasiewicz');
    // The range: 16 → 8 on the PHQ-9 (−8, reliable improvement), the first result outside it left out.
    expect(text).toContain('16 (Moderately severe)');
    expect(text).not.toContain('18 (Moderately severe)');
  });

  it('refuses a range that ends before it starts, in the therapist’s words', async () => {
    const e = await failure(t.api.reports.progress({ clientId: c.id, from: '2026-03-01', to: '2026-02-01' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/last day is before the first day/);
  });
});

describe('progress reports on the demo', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await unlockedCore({ now: () => NOW });
    await seedDemo(t.do, NOW);
    await seedDemoHistory(t.do, t.core, NOW);
  });
  afterAll(() => t.cleanup());

  it('every client report is free of item 9; the clinician report of the client who answered it above 0 says so', async () => {
    const flagged = new Set<string>();
    const clients = await t.do.clients.list({ status: 'all' });
    let withMeasures = 0;
    for (const c of clients) {
      const results = await t.do.measures.list({ clientId: c.id });
      if (results.length === 0) continue;
      withMeasures++;
      const text = flat(pdftotext((await t.do.reports.progress({ clientId: c.id, audience: 'client' })).bytes, `demo-${c.id}`));
      for (const never of ['item 9', 'self-harm', 'better off dead', 'hurting yourself']) {
        expect(text.toLowerCase(), `${never} in a client report`).not.toContain(never);
      }
      expect(text).toContain('Your progress so far');
      if (results.some((r) => r.item9Flag)) {
        flagged.add(c.id);
        const pdf = await t.do.reports.progress({ clientId: c.id, audience: 'clinician' });
        savePreview('report-demo-item9-clinician', Buffer.from(pdf.bytes), { png: true });
        expect(flat(pdftotext(pdf.bytes, `demo-clinician-${c.id}`))).toMatch(/item 9 answered [1-3]/);
      }
    }
    expect(withMeasures).toBeGreaterThanOrEqual(4);
    expect(flagged.size).toBeGreaterThanOrEqual(1);
  });
});
