import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain';
import { failure, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const NOW = new Date('2026-03-14T12:00:00Z');

const phq = (total: number, item9 = 0): (number | null)[] => {
  // items 1–8 carry the total minus item 9, greedily; item 10 left blank
  let left = total - item9;
  const a: (number | null)[] = [];
  for (let i = 0; i < 8; i++) {
    const v = Math.min(3, left);
    a.push(v);
    left -= v;
  }
  return [...a, item9, null];
};
const gad = (total: number): number[] => {
  let left = total;
  return Array.from({ length: 7 }, () => {
    const v = Math.min(3, left);
    left -= v;
    return v;
  });
};

async function client(name = 'Zoë Łukasiewicz', startDate = '2025-12-01'): Promise<Client> {
  return t!.do.clients.create({ name, startDate });
}

async function auditOf(entityId: string) {
  // The trail lists newest first; oldest first reads better here.
  return (await t!.do.audit.list({ limit: 500 }))
    .filter((e) => e.entityId === entityId)
    .map((e) => [e.action, e.detail])
    .reverse();
}

describe('recording a questionnaire', () => {
  it('scores on save, keeps the item answers, and lists by client and date', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const s = await t.do.sessions.create({ clientId: c.id, date: '2026-03-14' });
    const r = await t.do.measures.record({
      clientId: c.id,
      sessionId: s.id,
      measure: 'phq9',
      administeredOn: '2026-03-14',
      answers: [2, 2, 1, 2, 1, 1, 1, 2, 0, 1],
    });
    expect(r).toMatchObject({
      measure: 'phq9',
      total: 12,
      complete: true,
      band: { key: 'moderate', label: 'Moderate' },
      item9Flag: false,
      source: 'paper',
      sessionId: s.id,
      answers: [2, 2, 1, 2, 1, 1, 1, 2, 0, 1],
    });
    await t.do.measures.record({ clientId: c.id, measure: 'gad7', administeredOn: '2026-02-01', answers: gad(9) });
    await t.do.measures.record({ clientId: c.id, measure: 'gad7', administeredOn: '2026-03-01', answers: gad(6) });

    const all = await t.do.measures.list({ clientId: c.id });
    expect(all.map((x) => [x.measure, x.administeredOn, x.total])).toEqual([
      ['gad7', '2026-02-01', 9],
      ['gad7', '2026-03-01', 6],
      ['phq9', '2026-03-14', 12],
    ]);
    expect(
      (await t.do.measures.list({ clientId: c.id, from: '2026-02-15', to: '2026-03-10' })).map((x) => x.administeredOn),
    ).toEqual(['2026-03-01']);
    expect((await t.do.measures.list({ clientId: c.id, measure: 'phq9' })).map((x) => x.id)).toEqual([r.id]);
    expect((await t.do.measures.list({ clientId: c.id, sessionId: s.id })).map((x) => x.id)).toEqual([r.id]);
    expect(await t.do.measures.get({ id: r.id })).toEqual(r);
    expect(await auditOf(r.id)).toEqual([['created', 'phq9']]);
  });

  it('saves an incomplete result without a total', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const r = await t.do.measures.record({
      clientId: c.id,
      measure: 'gad7',
      administeredOn: '2026-03-10',
      answers: [1, 2, null, 1, 1, 0, 1],
    });
    expect(r).toMatchObject({ complete: false, total: null, band: null, missingItems: [3] });
    const row = t.core.db.prepare('SELECT total FROM measure_result WHERE id = ?').get(r.id);
    expect(row).toEqual({ total: null });
  });

  it('refuses what does not fit, in the therapist’s words', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const other = await client('Ana Other');
    const s = await t.do.sessions.create({ clientId: other.id, date: '2026-03-14' });
    const base = { clientId: c.id, measure: 'phq9' as const, administeredOn: '2026-03-14', answers: phq(5) };
    expect(await failure(t.api.measures.record({ ...base, answers: [1, 2, 3] }))).toMatchObject({
      code: 'VALIDATION',
      message: 'The PHQ-9 has 10 questions; 3 answers were given.',
      fields: { answers: 'The PHQ-9 has 10 questions; 3 answers were given.' },
    });
    expect((await failure(t.api.measures.record({ ...base, answers: [4, 0, 0, 0, 0, 0, 0, 0, 0, null] }))).message).toBe(
      'Question 1 of the PHQ-9 takes an answer from 0 to 3.',
    );
    expect((await failure(t.api.measures.record({ ...base, administeredOn: '2026-03-15' }))).message).toMatch(/future/);
    expect((await failure(t.api.measures.record({ ...base, sessionId: s.id }))).message).toBe(
      'That session belongs to another client.',
    );
    await t.do.clients.archive({ id: c.id });
    expect((await failure(t.api.measures.record(base))).code).toBe('CONFLICT');
    expect(await t.do.measures.list({ clientId: c.id })).toEqual([]);
  });

  it('corrects and deletes with an audit trail', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const r = await t.do.measures.record({ clientId: c.id, measure: 'phq9', administeredOn: '2026-03-10', answers: phq(14) });
    const fixed = await t.do.measures.correct({ id: r.id, answers: phq(4), administeredOn: '2026-03-09' });
    expect(fixed).toMatchObject({ id: r.id, total: 4, band: { key: 'minimal' }, administeredOn: '2026-03-09' });
    await t.do.measures.delete({ id: r.id });
    expect((await failure(t.api.measures.get({ id: r.id }))).code).toBe('NOT_FOUND');
    expect(await auditOf(r.id)).toEqual([
      ['created', 'phq9'],
      ['changed', 'corrected'],
      ['deleted', null],
    ]);
  });

  it('keeps the result when its session is removed', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const s = await t.do.sessions.create({ clientId: c.id, date: '2026-03-14' });
    const r = await t.do.measures.record({
      clientId: c.id,
      sessionId: s.id,
      measure: 'gad7',
      administeredOn: '2026-03-14',
      answers: gad(3),
    });
    await t.do.sessions.remove({ id: s.id });
    expect((await t.do.measures.get({ id: r.id })).sessionId).toBeNull();
  });
});

describe('PHQ-9 item 9', () => {
  it('is flagged at once, listed until acknowledged with a note, and the note is kept', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const calm = await client('Ana Calm');
    await t.do.measures.record({ clientId: calm.id, measure: 'phq9', administeredOn: '2026-03-14', answers: phq(3) });
    const r = await t.do.measures.record({ clientId: c.id, measure: 'phq9', administeredOn: '2026-03-14', answers: phq(16, 2) });
    expect(r.item9Flag).toBe(true);
    expect(r.item9Acknowledgement).toBeNull();

    const open = await t.do.measures.item9Open();
    expect(open).toEqual([
      {
        resultId: r.id,
        clientId: c.id,
        clientName: 'Zoë Łukasiewicz',
        clientPreferredName: null,
        administeredOn: '2026-03-14',
        answer: 2,
        answerLabel: 'More than half the days',
      },
    ]);
    expect(await t.do.measures.item9Open({ clientId: calm.id })).toEqual([]);
    const flags = await t.do.measures.caseload();
    expect(flags.find((f) => f.clientId === c.id)!.flags[0]).toEqual({
      kind: 'item9',
      line: 'PHQ-9 item 9 answered “More than half the days” on 14 March 2026, not yet acknowledged.',
    });

    expect((await failure(t.api.measures.acknowledgeItem9({ id: r.id, note: '  ' }))).code).toBe('VALIDATION');
    const ack = await t.do.measures.acknowledgeItem9({
      id: r.id,
      note: 'Asked directly; no plan or intent. Safety plan reviewed.',
    });
    expect(ack.item9Acknowledgement).toEqual({
      note: 'Asked directly; no plan or intent. Safety plan reviewed.',
      at: NOW.toISOString(),
    });
    expect(await t.do.measures.item9Open()).toEqual([]);
    expect((await t.do.measures.caseload()).find((f) => f.clientId === c.id)).toBeUndefined();
    expect(await auditOf(r.id)).toContainEqual(['changed', 'item 9 acknowledged']);

    // Correcting item 9 to another answer asks for a fresh acknowledgement; other corrections keep it.
    const kept = await t.do.measures.correct({ id: r.id, answers: [0, 0, 0, 0, 0, 0, 0, 0, 2, 1] });
    expect(kept.item9Acknowledgement).not.toBeNull();
    const changed = await t.do.measures.correct({ id: r.id, answers: [0, 0, 0, 0, 0, 0, 0, 0, 3, 1] });
    expect(changed.item9Acknowledgement).toBeNull();
    expect((await t.do.measures.item9Open()).map((o) => o.answer)).toEqual([3]);
  });

  it('cannot be acknowledged where there is nothing to acknowledge', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const r = await t.do.measures.record({ clientId: c.id, measure: 'phq9', administeredOn: '2026-03-14', answers: phq(5) });
    expect((await failure(t.api.measures.acknowledgeItem9({ id: r.id, note: 'x' }))).code).toBe('CONFLICT');
  });

  it('stays on the caseload for an archived client until acknowledged', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    await t.do.measures.record({ clientId: c.id, measure: 'phq9', administeredOn: '2026-03-14', answers: phq(9, 1) });
    await t.do.clients.archive({ id: c.id });
    const entry = (await t.do.measures.caseload()).find((f) => f.clientId === c.id)!;
    expect(entry.clientStatus).toBe('archived');
    expect(entry.flags.map((f) => f.kind)).toEqual(['item9']);
  });
});

describe('the client’s own problems (idiographic)', () => {
  it('sets up to three, rates them, and archives (not deletes) a rated one that is replaced', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const set = await t.do.measures.setProblems({
      clientId: c.id,
      problems: [{ text: 'Can’t take the tram' }, { text: 'Sleep' }, { text: 'Arguing with my sister' }],
    });
    expect(set.active.map((p) => [p.text, p.position])).toEqual([
      ['Can’t take the tram', 1],
      ['Sleep', 2],
      ['Arguing with my sister', 3],
    ]);
    const [tram, sleep, sister] = set.active;
    const r = await t.do.measures.record({
      clientId: c.id,
      measure: 'idiographic',
      administeredOn: '2026-03-14',
      answers: [8, 5],
      problemIds: [tram!.id, sleep!.id],
    });
    expect(r).toMatchObject({ complete: true, total: null, answers: [8, 5] });
    expect(r.problems).toEqual([
      { id: tram!.id, text: 'Can’t take the tram', archived: false },
      { id: sleep!.id, text: 'Sleep', archived: false },
    ]);

    // Reword one, drop a rated one (archived) and an unrated one (removed), add a new one.
    const next = await t.do.measures.setProblems({
      clientId: c.id,
      problems: [{ id: tram!.id, text: 'Can’t take the tram alone' }, { text: 'Going to the gym' }],
    });
    expect(next.active.map((p) => p.text)).toEqual(['Can’t take the tram alone', 'Going to the gym']);
    expect(next.archived.map((p) => p.id)).toEqual([sleep!.id]);
    expect(next.archived.some((p) => p.id === sister!.id)).toBe(false);
    expect((await t.do.measures.get({ id: r.id })).problems).toEqual([
      { id: tram!.id, text: 'Can’t take the tram alone', archived: false },
      { id: sleep!.id, text: 'Sleep', archived: true },
    ]);

    expect(
      (
        await failure(
          t.api.measures.setProblems({ clientId: c.id, problems: [{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd' }] }),
        )
      ).code,
    ).toBe('VALIDATION');
    expect(
      (
        await failure(
          t.api.measures.record({
            clientId: c.id,
            measure: 'idiographic',
            administeredOn: '2026-03-14',
            answers: [3],
            problemIds: [sleep!.id],
          }),
        )
      ).message,
    ).toBe('One of the problems rated has been archived.');
    expect(
      (
        await failure(
          t.api.measures.record({ clientId: c.id, measure: 'idiographic', administeredOn: '2026-03-14', answers: [3] }),
        )
      ).message,
    ).toMatch(/add the client’s problems/);
  });
});

describe('life events', () => {
  it('adds, lists by date range and deletes', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const a = await t.do.measures.addEvent({ clientId: c.id, date: '2026-02-10', note: 'Started a new job' });
    await t.do.measures.addEvent({ clientId: c.id, date: '2026-01-05', note: 'Father in hospital' });
    expect((await t.do.measures.events({ clientId: c.id })).map((e) => e.note)).toEqual([
      'Father in hospital',
      'Started a new job',
    ]);
    expect((await t.do.measures.events({ clientId: c.id, from: '2026-02-01' })).map((e) => e.id)).toEqual([a.id]);
    await t.do.measures.deleteEvent({ id: a.id });
    expect((await t.do.measures.events({ clientId: c.id })).map((e) => e.note)).toEqual(['Father in hospital']);
    expect((await failure(t.api.measures.addEvent({ clientId: c.id, date: '2026-02-30', note: 'x' }))).code).toBe('VALIDATION');
  });
});

describe('change and RCI settings', () => {
  it('summarises per pair and over the course, with the parameters used, and honours edited SD and r', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    for (const [date, p, g] of [
      ['2026-01-10', 18, 14],
      ['2026-02-07', 12, 9],
      ['2026-03-07', 6, 5],
    ] as const) {
      const s = await t.do.sessions.create({ clientId: c.id, date });
      await t.do.measures.record({ clientId: c.id, sessionId: s.id, measure: 'phq9', administeredOn: date, answers: phq(p) });
      await t.do.measures.record({ clientId: c.id, sessionId: s.id, measure: 'gad7', administeredOn: date, answers: gad(g) });
    }
    const s1 = await t.do.measures.summary({ clientId: c.id });
    expect(s1.measures.map((m) => [m.measure, m.overall?.difference, m.overall?.direction])).toEqual([
      ['phq9', -12, 'reliable-improvement'],
      ['gad7', -9, 'reliable-improvement'],
    ]);
    expect(s1.paired.pairs.map((p) => p.outcome)).toEqual(['reliable-improvement', 'reliable-recovery']);
    expect(s1.paired.overall).toMatchObject({ outcome: 'reliable-recovery', caseAtStart: true, caseAtEnd: false });
    expect(s1.rciParameters.phq9).toEqual({ sd: 3.5, r: 0.84 });
    expect(s1.formula).toBe('RC = (x₂ − x₁) / (SD · √2 · √(1 − r))');

    const set = await t.do.measures.setRci({ measure: 'phq9', sd: 5.7, r: 0.84 });
    expect(set).toMatchObject({ sd: 5.7, r: 0.84, defaultSd: 3.5, custom: true });
    expect(set.criterion).toBeCloseTo(1.96 * 5.7 * Math.SQRT2 * 0.4, 2);
    const s2 = await t.do.measures.summary({ clientId: c.id });
    expect(s2.rciParameters.phq9).toEqual({ sd: 5.7, r: 0.84 });
    // (6 − 18) / (5.7·√2·0.4) = −3.72
    expect(s2.measures[0]!.overall!.rci.value).toBe(-3.72);

    expect((await failure(t.api.measures.setRci({ measure: 'gad7', r: 1 }))).fields).toEqual({
      r: 'The reliability r must be from 0 up to (not including) 1.',
    });
    expect((await failure(t.api.measures.setRci({ measure: 'gad7', sd: 0 }))).fields).toHaveProperty('sd');
    const reset = await t.do.measures.setRci({ measure: 'phq9', reset: true });
    expect(reset).toMatchObject({ sd: 3.5, r: 0.84, custom: false });
    expect((await t.do.measures.rciSettings()).map((s) => s.measure)).toEqual(['phq9', 'gad7', 'pcl5']);
  });
});

describe('the caseload', () => {
  async function attended(clientId: string, dates: string[]) {
    const out = [];
    for (const date of dates) out.push(await t!.do.sessions.create({ clientId, date }));
    return out;
  }

  it('flags reliable deterioration, no improvement after six sessions, and a long gap, one line each', async () => {
    t = await unlockedCore({ now: () => NOW });
    const worse = await client('Ben Worse');
    const stuck = await client('Cleo Stuck');
    const gap = await client('Dev Gap');
    const fine = await client('Eli Fine');

    await attended(worse.id, ['2026-02-14', '2026-03-07']);
    await t.do.measures.record({ clientId: worse.id, measure: 'phq9', administeredOn: '2026-02-14', answers: phq(8) });
    await t.do.measures.record({ clientId: worse.id, measure: 'phq9', administeredOn: '2026-03-07', answers: phq(16) });

    await attended(stuck.id, ['2026-01-31', '2026-02-07', '2026-02-14', '2026-02-21', '2026-02-28', '2026-03-07']);
    await t.do.measures.record({ clientId: stuck.id, measure: 'phq9', administeredOn: '2026-01-31', answers: phq(17) });
    await t.do.measures.record({ clientId: stuck.id, measure: 'phq9', administeredOn: '2026-03-07', answers: phq(15) });

    await attended(gap.id, ['2026-01-10', '2026-03-10']);
    await t.do.measures.record({ clientId: gap.id, measure: 'gad7', administeredOn: '2026-01-10', answers: gad(12) });

    await attended(fine.id, ['2026-02-14', '2026-03-07']);
    await t.do.measures.record({ clientId: fine.id, measure: 'phq9', administeredOn: '2026-02-14', answers: phq(16) });
    await t.do.measures.record({ clientId: fine.id, measure: 'phq9', administeredOn: '2026-03-07', answers: phq(8) });

    const list = await t.do.measures.caseload();
    const lines = Object.fromEntries(list.map((e) => [e.clientName, e.flags.map((f) => f.line)]));
    expect(lines).toEqual({
      'Ben Worse': ['Reliable deterioration since the first measure: PHQ-9 8 → 16.'],
      'Cleo Stuck': ['No reliable improvement after 6 sessions: PHQ-9 17 → 15.'],
      'Dev Gap': ['No measure for 9 weeks (last on 10 January 2026).'],
    });
  });

  it('flags homework under half for three weeks from the session reviews', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client('Fay Busy');
    const ws = (await t.do.library.list()).find((w) => w.title === 'Exposure practice log')!;
    const a = await t.do.assignments.create({
      clientId: c.id,
      worksheetId: ws.id,
      phase: 'skill-practice',
      frequency: { kind: 'daily' },
      startDate: '2026-02-14',
    });
    const sessions = await attended(c.id, ['2026-02-14', '2026-02-21', '2026-02-28', '2026-03-07', '2026-03-14']);
    await t.do.measures.record({ clientId: c.id, measure: 'gad7', administeredOn: '2026-03-14', answers: gad(9) });
    const review = (i: number, done: number) =>
      t!.do.reviews.save({
        sessionId: sessions[i]!.id,
        assignmentId: a.id,
        review: { completion: 'partial', amountDone: done, amountExpected: 7 },
      });
    await review(2, 2);
    await review(3, 3);
    await review(4, 1);
    const entry = (await t.do.measures.caseload()).find((e) => e.clientId === c.id)!;
    expect(entry.flags).toEqual([
      { kind: 'low-adherence', line: 'Homework under half for three weeks: 6 of 21 practices done.' },
    ]);

    // A good week in the window clears it.
    await review(3, 6);
    expect((await t.do.measures.caseload()).find((e) => e.clientId === c.id)).toBeUndefined();
  });
});

describe('export', () => {
  it('includes every measure result with its item scores, the problems, life events and RCI parameters', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const r = await t.do.measures.record({
      clientId: c.id,
      measure: 'phq9',
      administeredOn: '2026-03-14',
      answers: [3, 2, 1, 0, 1, 2, 3, 1, 1, 2],
    });
    await t.do.measures.acknowledgeItem9({ id: r.id, note: 'Talked it through' });
    const { active } = await t.do.measures.setProblems({ clientId: c.id, problems: [{ text: 'Sleep, "mostly"' }] });
    await t.do.measures.record({
      clientId: c.id,
      measure: 'idiographic',
      administeredOn: '2026-03-14',
      answers: [6],
      problemIds: [active[0]!.id],
    });
    await t.do.measures.addEvent({ clientId: c.id, date: '2026-03-01', note: 'Moved house' });
    await t.do.measures.setRci({ measure: 'gad7', sd: 4.5, r: 0.8 });

    const json = JSON.parse((await t.do.export.build({ format: 'json', clientId: c.id })).files[0]!.text);
    const [x] = json.clients;
    expect(x.measureResults).toHaveLength(2);
    expect(x.measureResults[0]).toMatchObject({
      id: r.id,
      measure: 'phq9',
      answers: [3, 2, 1, 0, 1, 2, 3, 1, 1, 2],
      total: 14,
      complete: true,
      band: 'Moderate',
      item9AcknowledgementNote: 'Talked it through',
    });
    expect(x.measureResults[1]).toMatchObject({ measure: 'idiographic', answers: [6], problemIds: [active[0]!.id], total: null });
    expect(x.measureProblems.map((p: { text: string }) => p.text)).toEqual(['Sleep, "mostly"']);
    expect(x.lifeEvents.map((e: { note: string }) => e.note)).toEqual(['Moved house']);
    expect(json.measureRciParameters.gad7).toEqual({ sd: 4.5, r: 0.8 });

    const { files } = await t.do.export.build({ format: 'csv', clientId: c.id });
    const csv = files.find((f) => f.name === 'measure-results.csv')!.text;
    const [header, first] = csv.slice(1).split('\r\n');
    const cols = header!.split(',');
    const cells = first!.split(',');
    expect(cols.slice(-20)).toEqual(Array.from({ length: 20 }, (_, i) => `item${i + 1}`));
    expect(cells[cols.indexOf('total')]).toBe('14');
    expect(cols.slice(-20).map((h) => cells[cols.indexOf(h)])).toEqual([
      '3',
      '2',
      '1',
      '0',
      '1',
      '2',
      '3',
      '1',
      '1',
      '2',
      ...Array(10).fill(''),
    ]);
    expect(files.some((f) => f.name === 'measure-problems.csv')).toBe(true);
    expect(files.some((f) => f.name === 'life-events.csv')).toBe(true);
  });
});
