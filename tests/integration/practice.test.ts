import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment, PracticeCreateInput } from '../../shared/domain';
import { EVERY_BLOCK } from '../support/pdf';
import { failure, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

/** Midday UTC: the same calendar day in every time zone from UTC−11 to UTC+11. */
const NOW = new Date('2026-03-14T12:00:00Z');
const START = '2026-03-08';

const count = (sql: string) => (t!.core.db.prepare(sql).get() as { n: number }).n;

async function setup(step?: { current: number; total: number }): Promise<Assignment> {
  t = await unlockedCore({ now: () => NOW });
  const client = await t.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2026-01-10' });
  const ws = await t.do.library.create({ definition: EVERY_BLOCK });
  return t.do.assignments.create({
    clientId: client.id,
    worksheetId: ws.worksheet.id,
    frequency: { kind: 'daily' },
    startDate: START,
    phase: 'skill-practice',
    ...(step ? { step } : {}),
  });
}

const rec = (a: Assignment, over: Partial<PracticeCreateInput> = {}): PracticeCreateInput => ({
  assignmentId: a.id,
  practicedOn: '2026-03-10',
  answers: {},
  ...over,
});

/** One valid answer for every block type of EVERY_BLOCK (a daily grid: its day's one row). */
const EVERY_ANSWER = {
  situation: 'At the bus stop, alone',
  reflection: 'Heart racing.\nIt passed after ten minutes.',
  'sleep-hours': 6.5,
  'practice-minutes': 25,
  'practice-date': '2026-03-10',
  'practice-time': '07:30',
  mood: 5,
  'suds-peak': 70,
  strategies: ['Slow breathing', 'Writing it down'],
  overall: 'Harder than expected',
  thoughts: [{ when: '2026-03-10', situation: 'Bus', thought: 'I will faint', feeling: 80, minutes: 10 }],
  week: [{ walked: true, steps: 6, mood: 4 }],
  ladder: [
    { step: 'Stand at the stop', rating: 30 },
    { step: 'Ride one stop', rating: 60 },
  ],
};

describe('practice records', () => {
  it('saves an answer for every block type and reads it back, with time, source, duration, note', async () => {
    const a = await setup();
    const r = await t!.do.practice.create(
      rec(a, { practicedTime: '18:05', source: 'session', durationMinutes: 25, note: 'Did it twice', answers: EVERY_ANSWER }),
    );
    expect(r).toMatchObject({
      assignmentId: a.id,
      clientId: a.clientId,
      worksheetVersionId: a.worksheetVersionId,
      title: EVERY_BLOCK.title,
      practicedOn: '2026-03-10',
      practicedTime: '18:05',
      source: 'session',
      durationMinutes: 25,
      ladderStep: null,
      note: 'Did it twice',
      answers: EVERY_ANSWER,
    });
    expect(await t!.do.practice.get({ id: r.id })).toEqual(r);
    const events = await t!.do.audit.list({ limit: 5 });
    expect(events[0]).toMatchObject({ action: 'created', entity: 'practice_record', entityId: r.id });
    expect(JSON.stringify(events)).not.toContain('bus stop');
  });

  it.each([
    ['a rating outside its scale', { mood: 11 }, 'answers.mood', 'Mood today: the highest value is 10.'],
    [
      'a rating in a table outside its scale',
      { thoughts: [{ feeling: 120 }] },
      'answers.thoughts.0.feeling',
      'highest value is 100',
    ],
    ['a grid rating outside its scale', { week: [{ mood: -1 }] }, 'answers.week.0.mood', 'lowest value is 0'],
    [
      'a ladder rating outside its scale',
      { ladder: [{ step: 'x', rating: 101 }] },
      'answers.ladder.0.rating',
      'highest value is 100',
    ],
    ['a number outside the block’s range', { 'sleep-hours': 25 }, 'answers.sleep-hours', 'at most 24 hours'],
    ['a duration over 24 hours', { 'practice-minutes': 1441 }, 'answers.practice-minutes', 'at most 24 hours'],
    ['short text past its limit', { situation: 'x'.repeat(501) }, 'answers.situation', 'at most 500 characters'],
    ['long text past its limit', { reflection: 'x'.repeat(20_001) }, 'answers.reflection', '20,000 characters at most'],
    ['table text past its limit', { thoughts: [{ thought: 'x'.repeat(2001) }] }, 'answers.thoughts.0.thought', 'at most 2,000'],
    ['a ladder step past its limit', { ladder: [{ step: 'x'.repeat(301), rating: null }] }, 'answers.ladder.0.step', '300'],
    ['a date that is not a date', { 'practice-date': '10/03' }, 'answers.practice-date', 'a date like'],
    ['a time that is not a time', { 'practice-time': '25:00' }, 'answers.practice-time', 'a time like'],
    ['an option not on the list', { strategies: ['Dancing'] }, 'answers.strategies.0', 'listed options'],
    ['a choice not on the list', { overall: 'Fine' }, 'answers.overall', 'choose one of the options'],
    ['more table rows than the sheet has', { thoughts: Array(5).fill({ thought: 'a' }) }, 'answers.thoughts', 'at most 4 rows'],
    ['a week in one record', { week: [{ mood: 1 }, { mood: 2 }] }, 'answers.week', 'one day'],
    ['an answer to a part the worksheet lacks', { extra: 'x' }, 'answers', 'do not belong'],
  ])('refuses %s at the field, saving nothing', async (_what, answers, field, message) => {
    const a = await setup();
    const e = await failure(t!.api.practice.create(rec(a, { answers })));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.[field]).toContain(message);
    expect(e.message).not.toContain('xxxx');
    expect(count('SELECT count(*) AS n FROM practice_record')).toBe(0);
  });

  it('refuses a day in the future, a day before the assignment began, over 24 hours, and a ladder step past the ladder', async () => {
    const a = await setup({ current: 2, total: 6 });
    const future = await failure(t!.api.practice.create(rec(a, { practicedOn: '2026-03-15' })));
    expect(future.fields?.practicedOn).toMatch(/future/);
    const early = await failure(t!.api.practice.create(rec(a, { practicedOn: '2026-03-07' })));
    expect(early.fields?.practicedOn).toMatch(/before the assignment began \(8 Mar 2026\)/);
    const long = await failure(t!.api.practice.create(rec(a, { durationMinutes: 24 * 60 + 1 })));
    expect(long.fields?.durationMinutes).toMatch(/more than 24 hours/);
    const step = await failure(t!.api.practice.create(rec(a, { ladderStep: 7 })));
    expect(step.fields?.ladderStep).toBe('This ladder has 6 steps: choose a step from 1 to 6.');
    expect(await t!.do.practice.create(rec(a, { ladderStep: 6, practicedOn: '2026-03-14' }))).toMatchObject({ ladderStep: 6 });
    expect(await t!.do.practice.create(rec(a, { practicedOn: START, durationMinutes: 1440 }))).toMatchObject({
      durationMinutes: 1440,
    });
  });

  it('saves a week at once, all or none, and lists newest first', async () => {
    const a = await setup();
    const day = (i: number, mood: number) => ({
      practicedOn: `2026-03-${String(8 + i).padStart(2, '0')}`,
      answers: { week: [{ mood }] },
    });
    const bad = await failure(
      t!.api.practice.createMany({ assignmentId: a.id, records: [day(0, 3), day(1, 4), day(2, 42), day(3, 5)] }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fields?.['records.2.answers.week.0.mood']).toContain('highest value is 10');
    expect(count('SELECT count(*) AS n FROM practice_record')).toBe(0);

    const week = await t!.do.practice.createMany({
      assignmentId: a.id,
      records: [0, 1, 2, 3, 4, 5, 6].map((i) => day(i, i + 2)),
    });
    expect(week).toHaveLength(7);
    const listed = await t!.do.practice.list({ clientId: a.clientId });
    expect(listed.map((r) => r.practicedOn)).toEqual([
      '2026-03-14',
      '2026-03-13',
      '2026-03-12',
      '2026-03-11',
      '2026-03-10',
      '2026-03-09',
      '2026-03-08',
    ]);
    expect(await t!.do.practice.list({ assignmentId: a.id, from: '2026-03-10', to: '2026-03-11' })).toHaveLength(2);
  });

  it('edits a record, checking it again', async () => {
    const a = await setup();
    const r = await t!.do.practice.create(rec(a, { answers: { mood: 3 } }));
    const e = await failure(t!.api.practice.update({ id: r.id, record: { practicedOn: '2026-03-10', answers: { mood: 12 } } }));
    expect(e.fields?.['record.answers.mood']).toContain('highest value is 10');
    const u = await t!.do.practice.update({
      id: r.id,
      record: { practicedOn: '2026-03-11', durationMinutes: 15, answers: { mood: 7 } },
    });
    expect(u).toMatchObject({ id: r.id, practicedOn: '2026-03-11', durationMinutes: 15, answers: { mood: 7 } });
  });

  it('deletes, undoes the last delete only, purges older deletes on the next delete and on lock', async () => {
    const a = await setup();
    const [r1, r2, r3] = await t!.do.practice.createMany({
      assignmentId: a.id,
      records: [{ practicedOn: '2026-03-10' }, { practicedOn: '2026-03-11' }, { practicedOn: '2026-03-12' }],
    });
    await t!.do.practice.delete({ id: r1!.id });
    expect((await t!.do.practice.list({ clientId: a.clientId })).map((r) => r.id)).toEqual([r3!.id, r2!.id]);
    expect((await failure(t!.api.practice.get({ id: r1!.id }))).code).toBe('NOT_FOUND');
    expect(await t!.do.practice.undoDelete({ id: r1!.id })).toMatchObject({ id: r1!.id, practicedOn: '2026-03-10' });
    expect(await t!.do.practice.list({ clientId: a.clientId })).toHaveLength(3);

    await t!.do.practice.delete({ id: r1!.id });
    await t!.do.practice.delete({ id: r2!.id });
    // The earlier delete was purged by the later one: only the last can be undone.
    expect((await failure(t!.api.practice.undoDelete({ id: r1!.id }))).message).toMatch(/only the most recent delete/);
    expect(count('SELECT count(*) AS n FROM practice_record')).toBe(2);
    await t!.do.vault.lock();
    await t!.do.vault.unlock({ passphrase: 'correct horse battery staple' });
    expect((await failure(t!.api.practice.undoDelete({ id: r2!.id }))).code).toBe('NOT_FOUND');
    expect(count('SELECT count(*) AS n FROM practice_record')).toBe(1);
    const events = await t!.do.audit.list({ limit: 20 });
    expect(events.filter((e) => e.entity === 'practice_record').map((e) => e.action)).toContain('restored');
  });
});
