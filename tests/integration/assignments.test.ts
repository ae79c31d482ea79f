import { afterEach, describe, expect, it } from 'vitest';
import { assignmentState } from '../../electron/core/services/assignments';
import type { AssignmentCreateInput, Client, Goal, WorksheetDetail } from '../../shared/domain';
import type { WorksheetDefinitionInput } from '../../shared/worksheet';
import { failure, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

/** Midday UTC: the same calendar day in every time zone from UTC−11 to UTC+11. */
const NOW = new Date('2026-03-14T12:00:00Z');
const TODAY = '2026-03-14';

const definition: WorksheetDefinitionInput = {
  title: 'Supermarket exposure log',
  summary: 'Record each visit and how anxious you felt.',
  category: 'exposure',
  approach: 'exposure',
  phases: ['skill-practice'],
  rationale: 'Staying until the anxiety falls teaches you that it passes.',
  instructions: ['Stay until your anxiety has halved.'],
  suggestedFrequency: { kind: 'weekly', times: 3 },
  blocks: [
    { type: 'date', id: 'day', label: 'Day' },
    { type: 'rating', id: 'suds', label: 'Peak anxiety', scale: { min: 0, max: 100, step: 10 } },
  ],
};

const count = (sql: string) => (t!.core.db.prepare(sql).get() as { n: number }).n;

interface Setup {
  client: Client;
  goal: Goal;
  ws: WorksheetDetail;
}

async function setup(): Promise<Setup> {
  const client = await t!.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2026-01-10' });
  const goal = await t!.do.goals.create({ clientId: client.id, goal: { title: 'Shop alone' } });
  const ws = await t!.do.library.create({ definition });
  return { client, goal, ws };
}

const base = (s: Setup): AssignmentCreateInput => ({
  clientId: s.client.id,
  worksheetId: s.ws.worksheet.id,
  frequency: { kind: 'weekly', times: 3 },
  startDate: TODAY,
  phase: 'skill-practice',
});

describe('assignments', () => {
  it('assigns the current version with the clinician’s tailoring, and reads it back', async () => {
    t = await unlockedCore({ now: () => NOW });
    const s = await setup();
    const a = await t.do.assignments.create({
      ...base(s),
      goalId: s.goal.id,
      personalInstructions: '  Start with the small shop on the corner.  ',
      agreedRationale: '',
      dueDate: '2026-03-28',
      step: { current: 2, total: 8 },
    });
    expect(a).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      clientId: s.client.id,
      worksheetId: s.ws.worksheet.id,
      worksheetVersionId: s.ws.version.id,
      worksheetVersion: 1,
      newerVersionAvailable: false,
      title: 'Supermarket exposure log',
      category: 'exposure',
      goalId: s.goal.id,
      goalTitle: 'Shop alone',
      personalInstructions: 'Start with the small shop on the corner.',
      agreedRationale: null,
      frequency: { kind: 'weekly', times: 3 },
      startDate: TODAY,
      dueDate: '2026-03-28',
      step: { current: 2, total: 8 },
      phase: 'skill-practice',
      status: 'active',
      state: 'active',
      followsId: null,
      endedReason: null,
      endedAt: null,
      prefill: null,
      movedAt: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const detail = await t.do.assignments.get({ id: a.id });
    expect(detail).toEqual({ ...a, definition: s.ws.version.definition, clientName: 'Zoë Łukasiewicz' });
    expect(await t.do.assignments.list({ clientId: s.client.id })).toEqual([a]);

    const plain = await t.do.assignments.create({ ...base(s), frequency: { kind: 'once' } });
    expect(plain).toMatchObject({ goalId: null, goalTitle: null, dueDate: null, step: null, frequency: { kind: 'once' } });
    // Same instant (fixed clock): still newest first.
    expect((await t.do.assignments.list({ clientId: s.client.id })).map((x) => x.id)).toEqual([plain.id, a.id]);
    const summary = (await t.do.clients.list())[0]!;
    expect(summary).toMatchObject({ activeAssignments: 2, overdueAssignments: 0 });
    expect((await t.do.library.get({ id: s.ws.worksheet.id })).worksheet.assignmentCount).toBe(2);
  });

  it('refuses bad tailoring with a message on the field', async () => {
    t = await unlockedCore({ now: () => NOW });
    const s = await setup();
    expect(await failure(t!.api.assignments.create({ ...base(s), dueDate: '2026-03-13' }))).toEqual({
      code: 'VALIDATION',
      message: 'The due date is before the start date.',
      fields: { dueDate: 'The due date is before the start date.' },
    });
    expect(await failure(t!.api.assignments.create({ ...base(s), step: { current: 5, total: 4 } }))).toEqual({
      code: 'VALIDATION',
      message: 'The current step cannot be above the number of steps.',
      fields: { 'step.current': 'The current step cannot be above the number of steps.' },
    });
    // @ts-expect-error -- deliberately without a phase
    expect(await failure(t!.api.assignments.create({ ...base(s), phase: undefined }))).toMatchObject({
      code: 'VALIDATION',
      fields: { phase: 'Please choose the phase of therapy.' },
    });
    expect(await failure(t!.api.assignments.create({ ...base(s), frequency: { kind: 'weekly', times: 0 } }))).toMatchObject({
      code: 'VALIDATION',
      fields: { 'frequency.times': 'At least once a week.' },
    });
    expect(await failure(t!.api.assignments.create({ ...base(s), startDate: '14/03/2026' }))).toMatchObject({
      code: 'VALIDATION',
      fields: { startDate: 'Please enter the start date as a real calendar date.' },
    });
    expect(await failure(t!.api.assignments.create({ ...base(s), personalInstructions: 'x'.repeat(50_001) }))).toMatchObject({
      code: 'VALIDATION',
      fields: { personalInstructions: 'Personal instructions is too long (50,000 characters at most).' },
    });
    // Issue 11: homework dated 1900 or 2199 is a slip of the keyboard; the core refuses it too.
    expect(
      await failure(t!.api.assignments.create({ ...base(s), startDate: '1900-01-01', dueDate: '2199-12-31' })),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: {
        startDate: 'The start date is more than 5 years from today. Please check the year.',
        dueDate: 'The due date is more than 5 years from today. Please check the year.',
      },
    });
    expect(count('SELECT count(*) AS n FROM assignment')).toBe(0);
  });

  it('checks that the client, worksheet, version and goal fit together', async () => {
    t = await unlockedCore({ now: () => NOW });
    const s = await setup();
    const other = await t.do.clients.create({ name: 'Anna Berg', startDate: '2026-01-01' });
    const othersGoal = await t.do.goals.create({ clientId: other.id, goal: { title: 'Sleep better' } });
    const otherWs = await t.do.library.create({ definition: { ...definition, title: 'Another sheet' } });

    expect(await failure(t!.api.assignments.create({ ...base(s), goalId: othersGoal.id }))).toEqual({
      code: 'VALIDATION',
      message: 'Please choose one of this client’s own goals, or no goal.',
      fields: { goalId: 'Please choose one of this client’s own goals, or no goal.' },
    });
    expect(await failure(t!.api.assignments.create({ ...base(s), goalId: 'd'.repeat(32) }))).toMatchObject({
      code: 'VALIDATION',
      fields: { goalId: expect.any(String) },
    });
    expect(await failure(t!.api.assignments.create({ ...base(s), worksheetVersionId: otherWs.version.id }))).toMatchObject({
      code: 'VALIDATION',
      fields: { worksheetVersionId: 'That version does not belong to the chosen worksheet. Please choose the worksheet again.' },
    });
    expect(await failure(t!.api.assignments.create({ ...base(s), clientId: 'e'.repeat(32) }))).toEqual({
      code: 'NOT_FOUND',
      message: 'That client could not be found.',
    });
    expect(await failure(t!.api.assignments.create({ ...base(s), worksheetId: 'e'.repeat(32) }))).toEqual({
      code: 'NOT_FOUND',
      message: 'That worksheet could not be found.',
    });

    await t.do.library.archive({ id: s.ws.worksheet.id });
    expect(await failure(t!.api.assignments.create(base(s)))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/archived/),
    });
    await t.do.library.restore({ id: s.ws.worksheet.id });

    await t.do.clients.archive({ id: s.client.id });
    expect(await failure(t!.api.assignments.create(base(s)))).toEqual({
      code: 'CONFLICT',
      message:
        'This client is archived, so new homework cannot be assigned. Restore the client first, then assign the worksheet.',
    });
    await t.do.clients.restore({ id: s.client.id });
    const a = await t.do.assignments.create(base(s));

    expect(await failure(t!.api.assignments.update({ ...base(s), id: a.id, goalId: othersGoal.id }))).toMatchObject({
      code: 'VALIDATION',
      fields: { goalId: expect.any(String) },
    });
    expect(await failure(t!.api.assignments.get({ id: 'f'.repeat(32) }))).toEqual({
      code: 'NOT_FOUND',
      message: 'That assignment could not be found.',
    });
    expect(await failure(t!.api.assignments.setStatus({ id: 'f'.repeat(32), status: 'completed' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // @ts-expect-error -- deliberately not a status
    expect(await failure(t!.api.assignments.setStatus({ id: a.id, status: 'paused' }))).toMatchObject({
      code: 'VALIDATION',
      fields: { status: expect.any(String) },
    });
    expect(await failure(t!.api.assignments.list({ clientId: 'f'.repeat(32) }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(count('SELECT count(*) AS n FROM assignment')).toBe(1);
  });

  it('keeps the assigned version when the worksheet changes, and says a newer one exists', async () => {
    t = await unlockedCore({ now: () => NOW });
    const s = await setup();
    const first = await t.do.assignments.create(base(s));
    const v2 = await t.do.library.update({
      id: s.ws.worksheet.id,
      baseVersion: 1,
      definition: { ...definition, title: 'Shop exposure log' },
    });

    const kept = await t.do.assignments.get({ id: first.id });
    expect(kept).toMatchObject({
      worksheetVersionId: s.ws.version.id,
      worksheetVersion: 1,
      newerVersionAvailable: true,
      title: 'Supermarket exposure log',
    });
    expect(kept.definition.title).toBe('Supermarket exposure log');

    const fresh = await t.do.assignments.create(base(s));
    expect(fresh).toMatchObject({
      worksheetVersionId: v2.version.id,
      worksheetVersion: 2,
      newerVersionAvailable: false,
      title: 'Shop exposure log',
    });
    const pinned = await t.do.assignments.create({ ...base(s), worksheetVersionId: s.ws.version.id });
    expect(pinned).toMatchObject({ worksheetVersion: 1, newerVersionAvailable: true });

    // Tailoring changes; the version does not.
    const updated = await t.do.assignments.update({
      id: first.id,
      goalId: s.goal.id,
      personalInstructions: 'Two visits this week',
      frequency: { kind: 'daily' },
      startDate: '2026-03-15',
      dueDate: '2026-03-22',
      step: { current: 1, total: 5 },
      phase: 'relapse-prevention',
    });
    expect(updated).toMatchObject({
      id: first.id,
      worksheetVersion: 1,
      goalTitle: 'Shop alone',
      personalInstructions: 'Two visits this week',
      frequency: { kind: 'daily' },
      startDate: '2026-03-15',
      dueDate: '2026-03-22',
      step: { current: 1, total: 5 },
      phase: 'relapse-prevention',
      createdAt: first.createdAt,
    });
    const cleared = await t.do.assignments.update({ ...base(s), id: first.id, step: null, goalId: null });
    expect(cleared).toMatchObject({ step: null, goalId: null, goalTitle: null, dueDate: null, worksheetVersion: 1 });

    const versions = (await t.do.library.get({ id: s.ws.worksheet.id })).versions;
    expect(versions.map((v) => [v.version, v.assignmentCount])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it('derives states from the due date and orders the list by what needs attention', async () => {
    let now = NOW;
    t = await unlockedCore({ now: () => now });
    const s = await setup();
    const at = async (label: string, dueDate: string | null, minutes: number, status?: 'completed' | 'discontinued') => {
      now = new Date(NOW.getTime() + minutes * 60_000);
      const a = await t!.do.assignments.create({
        ...base(s),
        startDate: '2026-03-01',
        dueDate,
        personalInstructions: label,
      });
      if (status) await t!.do.assignments.setStatus({ id: a.id, status });
      return a;
    };
    await at('overdue-old', '2026-03-10', 1);
    await at('overdue-new', '2026-03-13', 2);
    await at('due-today', TODAY, 3);
    await at('due-in-3', '2026-03-17', 4);
    await at('due-in-4', '2026-03-18', 5);
    await at('no-due', null, 6);
    await at('completed-late', '2026-03-01', 7, 'completed');
    await at('discontinued', '2026-03-20', 8, 'discontinued');
    now = NOW;

    const listed = await t.do.assignments.list({ clientId: s.client.id });
    expect(listed.map((a) => [a.personalInstructions, a.state])).toEqual([
      ['overdue-new', 'overdue'],
      ['overdue-old', 'overdue'],
      ['due-in-3', 'due-soon'],
      ['due-today', 'due-soon'],
      ['no-due', 'active'],
      ['due-in-4', 'active'],
      ['completed-late', 'completed'],
      ['discontinued', 'discontinued'],
    ]);
    expect((await t.do.clients.list())[0]).toMatchObject({ activeAssignments: 6, overdueAssignments: 2 });

    // Five days later, more is overdue; the stored dates are unchanged.
    now = new Date('2026-03-19T12:00:00Z');
    const later = await t.do.assignments.list({ clientId: s.client.id });
    expect(later.filter((a) => a.state === 'overdue').map((a) => a.personalInstructions)).toEqual([
      'due-in-4',
      'due-in-3',
      'due-today',
      'overdue-new',
      'overdue-old',
    ]);
    expect(later.find((a) => a.personalInstructions === 'due-today')!.dueDate).toBe(TODAY);
    expect((await t.do.clients.list())[0]).toMatchObject({ activeAssignments: 6, overdueAssignments: 5 });
  });

  it('changes status, back and forth, recording each change', async () => {
    t = await unlockedCore({ now: () => NOW });
    const s = await setup();
    const a = await t.do.assignments.create({ ...base(s), dueDate: '2026-03-01', startDate: '2026-02-20' });
    expect(a.state).toBe('overdue');
    const done = await t.do.assignments.setStatus({ id: a.id, status: 'completed' });
    expect(done).toMatchObject({ status: 'completed', state: 'completed', worksheetVersion: 1 });
    expect(done).toMatchObject({ endedReason: 'completed', endedAt: NOW.toISOString() });
    expect(await t.do.assignments.setStatus({ id: a.id, status: 'completed' })).toEqual(done);
    const again = await t.do.assignments.setStatus({ id: a.id, status: 'active' });
    expect(again).toMatchObject({ state: 'overdue', endedReason: null, endedAt: null });
    const events = t.core.db.prepare(`SELECT action, detail FROM audit_event WHERE entity = 'assignment' ORDER BY id`).all();
    expect(events).toEqual([
      { action: 'created', detail: null },
      { action: 'changed', detail: 'status completed' },
      { action: 'changed', detail: 'status active' },
    ]);
  });

  it('saves nothing when the write fails after the assignment row went in', async () => {
    t = await unlockedCore({ now: () => NOW });
    const s = await setup();
    // The audit event is written after the assignment row: make it fail.
    t.core.db.exec(
      `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_event WHEN NEW.entity = 'assignment' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
    );
    const r = await t.api.assignments.create(base(s));
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(count('SELECT count(*) AS n FROM assignment')).toBe(0);
    expect(t.logs).toEqual(['stepwise: unexpected SqliteError in assignments.create']);
  });

  it('computes states from calendar dates alone', () => {
    expect(assignmentState('active', null, TODAY)).toBe('active');
    expect(assignmentState('active', '2026-03-13', TODAY)).toBe('overdue');
    expect(assignmentState('active', TODAY, TODAY)).toBe('due-soon');
    expect(assignmentState('active', '2026-03-17', TODAY)).toBe('due-soon');
    expect(assignmentState('active', '2026-03-18', TODAY)).toBe('active');
    expect(assignmentState('active', '2026-04-01', '2026-03-29')).toBe('due-soon'); // across a month end and DST change
    expect(assignmentState('completed', '2026-01-01', TODAY)).toBe('completed');
    expect(assignmentState('discontinued', '2026-01-01', TODAY)).toBe('discontinued');
  });
});
