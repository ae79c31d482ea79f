import { afterEach, describe, expect, it } from 'vitest';
import { expectedPractices } from '../../electron/core/services/reviews';
import type { Assignment, AssignmentCreateInput, Client } from '../../shared/domain';
import { failure, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const NOW = new Date('2026-03-14T12:00:00Z');
const TODAY = '2026-03-14';

async function worksheetId(title: string): Promise<string> {
  const w = (await t!.do.library.list()).find((x) => x.title === title);
  if (!w) throw new Error(`No built-in worksheet “${title}”.`);
  return w.id;
}

async function setup(): Promise<{ c: Client; ladder: Assignment; log: Assignment }> {
  const c = await t!.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2026-01-10' });
  const base = { clientId: c.id, phase: 'skill-practice' } as const;
  const ladder = await t!.do.assignments.create({
    ...base,
    worksheetId: await worksheetId('Fear ladder (exposure hierarchy)'),
    frequency: { kind: 'weekly', times: 3 },
    startDate: '2026-02-28',
    dueDate: '2026-03-07',
    step: { current: 2, total: 8 },
    personalInstructions: 'The corner shop, ten minutes.',
  } satisfies AssignmentCreateInput);
  const log = await t!.do.assignments.create({
    ...base,
    worksheetId: await worksheetId('Exposure practice log'),
    frequency: { kind: 'daily' },
    startDate: '2026-03-07',
  });
  return { c, ladder, log };
}

/** Practice rows written raw (the practice service is another module's). */
function practice(a: Assignment, days: string[], deleted = false): void {
  t!.core.write((db) => {
    const stmt = db.prepare(`
      INSERT INTO practice_record (id, assignment_id, client_id, worksheet_version_id, practiced_on, source, answers,
                                   deleted_at, created_at, updated_at)
      VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, 'paper', '{}', ?, ?, ?)`);
    for (const d of days)
      stmt.run(
        a.id,
        a.clientId,
        a.worksheetVersionId,
        d,
        deleted ? NOW.toISOString() : null,
        NOW.toISOString(),
        NOW.toISOString(),
      );
  });
}

describe('homework review', () => {
  it('asks for practices by frequency: once, daily, N a week (rounded)', () => {
    expect(expectedPractices({ kind: 'once' }, 7)).toBe(1);
    expect(expectedPractices({ kind: 'daily' }, 7)).toBe(7);
    expect(expectedPractices({ kind: 'daily' }, 0)).toBe(1);
    expect(expectedPractices({ kind: 'weekly', times: 3 }, 7)).toBe(3);
    expect(expectedPractices({ kind: 'weekly', times: 3 }, 14)).toBe(6);
    expect(expectedPractices({ kind: 'weekly', times: 3 }, 10)).toBe(4);
  });

  it('lists what to review oldest first, with the definition and a proposal from the practice records', async () => {
    t = await unlockedCore({ now: () => NOW });
    const { c, ladder, log } = await setup();
    const prev = await t.do.sessions.create({ clientId: c.id, date: '2026-03-07' });
    await t.do.sessions.finish({ id: prev.id });
    const s = await t.do.sessions.create({ clientId: c.id, date: TODAY });
    // Daily log since the last session (7 → 13 March): 4 distinct days, one with two records; one
    // deleted record, one on the session day and one before the period do not count.
    practice(log, ['2026-03-07', '2026-03-09', '2026-03-09', '2026-03-11', '2026-03-13', TODAY, '2026-03-06']);
    practice(log, ['2026-03-12'], true);
    practice(ladder, ['2026-03-08', '2026-03-10']);

    const items = await t.do.reviews.items({ sessionId: s.id });
    expect(items.map((i) => i.assignment.id)).toEqual([ladder.id, log.id]);
    expect(items[0]!.definition.title).toBe('Fear ladder (exposure hierarchy)');
    expect(items[0]!.review).toBeNull();
    expect(items[0]!.proposal).toEqual({ from: '2026-03-07', to: TODAY, done: 2, expected: 3, records: 2 });
    expect(items[1]!.proposal).toEqual({ from: '2026-03-07', to: TODAY, done: 4, expected: 7, records: 5 });

    // The first session counts from the assignment's start.
    const firstItems = await t.do.reviews.items({ sessionId: prev.id });
    expect(firstItems.map((i) => i.assignment.id)).toEqual([ladder.id, log.id]);
    expect(firstItems[0]!.proposal).toMatchObject({ from: '2026-02-28', to: '2026-03-07', expected: 3 });
  });

  it('saves a review (create, then update in place), keeps validation at the field', async () => {
    t = await unlockedCore({ now: () => NOW });
    const { c, ladder, log } = await setup();
    const s = await t.do.sessions.create({ clientId: c.id, date: TODAY });
    const r = await t.do.reviews.save({
      sessionId: s.id,
      assignmentId: ladder.id,
      review: {
        completion: 'full',
        amountDone: 3,
        amountExpected: 3,
        quality: 4,
        understood: 'yes',
        rationaleBelief: 80,
        learning: '  The anxiety came down after eight minutes.  ',
      },
    });
    expect(r).toMatchObject({
      sessionId: s.id,
      assignmentId: ladder.id,
      completion: 'full',
      amountDone: 3,
      quality: 4,
      obstacles: [],
      learning: 'The anxiety came down after eight minutes.',
      plan: null,
      nextAssignmentId: null,
    });
    const again = await t.do.reviews.save({
      sessionId: s.id,
      assignmentId: ladder.id,
      review: { completion: 'partial', obstacles: ['no-time', 'other'], obstacleOther: 'Flu' },
    });
    expect(again.id).toBe(r.id);
    expect(again).toMatchObject({ completion: 'partial', obstacles: ['no-time', 'other'], obstacleOther: 'Flu', quality: null });
    expect((await t.do.sessions.get({ id: s.id })).reviewCount).toBe(1);

    expect(await failure(t.api.reviews.save({ sessionId: s.id, assignmentId: log.id, review: { quality: 5 } }))).toMatchObject({
      code: 'VALIDATION',
      fields: { 'review.quality': 'Quality is rated 0 to 4.' },
    });
    expect(
      await failure(t.api.reviews.save({ sessionId: s.id, assignmentId: log.id, review: { rationaleBelief: 101 } })),
    ).toMatchObject({ fields: { 'review.rationaleBelief': 'Belief in the rationale is 0 to 100 %.' } });
    expect(
      await failure(t.api.reviews.save({ sessionId: s.id, assignmentId: log.id, review: { amountDone: 40, amountExpected: 7 } })),
    ).toMatchObject({ fields: { 'review.amountDone': '40 of 7 looks like a typing slip. Please check the amount done.' } });
    // Another client's homework is not reviewed here.
    const other = await t.do.clients.create({ name: 'Marcus Adeyemi', startDate: '2026-01-10' });
    const theirs = await t.do.assignments.create({
      clientId: other.id,
      worksheetId: ladder.worksheetId,
      frequency: { kind: 'once' },
      startDate: TODAY,
      phase: 'baseline',
    });
    expect(await failure(t.api.reviews.save({ sessionId: s.id, assignmentId: theirs.id, review: {} }))).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await failure(t.api.reviews.save({ sessionId: 'f'.repeat(32), assignmentId: log.id, review: {} }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('steps an exposure assignment up twice: a chain of three, each ended as modified', async () => {
    t = await unlockedCore({ now: () => NOW });
    const { c, ladder } = await setup();
    const s1 = await t.do.sessions.create({ clientId: c.id, date: '2026-03-07' });
    await t.do.reviews.save({ sessionId: s1.id, assignmentId: ladder.id, review: { completion: 'full', quality: 4 } });
    const one = await t.do.reviews.plan({
      sessionId: s1.id,
      assignmentId: ladder.id,
      plan: 'modify',
      next: { step: { current: 3, total: 8 }, dueDate: TODAY },
    });
    expect(one.review).toMatchObject({
      plan: 'modify',
      completion: 'full',
      quality: 4,
      nextAssignmentId: one.nextAssignment!.id,
    });
    expect(one.nextAssignment).toMatchObject({
      followsId: ladder.id,
      worksheetVersionId: ladder.worksheetVersionId,
      step: { current: 3, total: 8 },
      frequency: { kind: 'weekly', times: 3 },
      personalInstructions: 'The corner shop, ten minutes.',
      startDate: '2026-03-07',
      dueDate: TODAY,
      status: 'active',
    });
    expect(await t.do.assignments.get({ id: ladder.id })).toMatchObject({
      status: 'completed',
      endedReason: 'modified',
      endedAt: NOW.toISOString(),
    });
    // The follow-on is not reviewed in the session that made it.
    expect((await t.do.reviews.items({ sessionId: s1.id })).map((i) => i.assignment.id)).not.toContain(one.nextAssignment!.id);
    // Carried out once: not again.
    expect(await failure(t.api.reviews.plan({ sessionId: s1.id, assignmentId: ladder.id, plan: 'completed' }))).toMatchObject({
      code: 'CONFLICT',
    });

    const s2 = await t.do.sessions.create({ clientId: c.id, date: TODAY });
    const step3 = one.nextAssignment!;
    expect((await t.do.reviews.items({ sessionId: s2.id })).map((i) => i.assignment.id)).toContain(step3.id);
    const two = await t.do.reviews.plan({
      sessionId: s2.id,
      assignmentId: step3.id,
      plan: 'modify',
      next: { step: { current: 4, total: 8 }, frequency: { kind: 'daily' } },
    });
    const step4 = two.nextAssignment!;
    expect(step4).toMatchObject({
      followsId: step3.id,
      step: { current: 4, total: 8 },
      frequency: { kind: 'daily' },
      dueDate: null,
    });
    // The chain, walked back from the newest.
    const chain: Assignment[] = [];
    for (let id: string | null = step4.id; id;) {
      const a: Assignment = await t.do.assignments.get({ id });
      chain.push(a);
      id = a.followsId;
    }
    expect(chain.map((a) => [a.step?.current, a.status, a.endedReason])).toEqual([
      [4, 'active', null],
      [3, 'completed', 'modified'],
      [2, 'completed', 'modified'],
    ]);
    expect((await t.do.reviews.ofAssignment({ assignmentId: step3.id })).map((r) => [r.sessionDate, r.plan])).toEqual([
      [TODAY, 'modify'],
    ]);
    const audit = t.core.db
      .prepare(`SELECT action, entity, detail FROM audit_event WHERE entity IN ('assignment', 'homework_review') ORDER BY id`)
      .all();
    expect(audit.slice(-3)).toEqual([
      { action: 'created', entity: 'homework_review', detail: 'plan modify' },
      { action: 'created', entity: 'assignment', detail: `follows ${step3.id}` },
      { action: 'changed', entity: 'assignment', detail: 'status completed' },
    ]);
    // A step past the ladder's top is refused at the field, and nothing is half-saved.
    const before = t.core.db.prepare('SELECT count(*) AS n FROM assignment').get();
    const s3 = await t.do.sessions.create({ clientId: c.id, date: TODAY });
    expect(
      await failure(
        t.api.reviews.plan({
          sessionId: s3.id,
          assignmentId: step4.id,
          plan: 'modify',
          next: { step: { current: 9, total: 8 } },
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: { 'next.step.current': 'The current step cannot be above the number of steps.' },
    });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM assignment').get()).toEqual(before);
  });

  it('continues (with a new due date), replaces, completes, and discontinues only with a reason', async () => {
    t = await unlockedCore({ now: () => NOW });
    const { c, ladder, log } = await setup();
    const s = await t.do.sessions.create({ clientId: c.id, date: TODAY });

    const cont = await t.do.reviews.plan({
      sessionId: s.id,
      assignmentId: log.id,
      plan: 'continue',
      next: { dueDate: '2026-03-21' },
    });
    expect(cont.nextAssignment).toBeNull();
    expect(cont.review.plan).toBe('continue');
    expect(await t.do.assignments.get({ id: log.id })).toMatchObject({ status: 'active', dueDate: '2026-03-21' });

    const refused = await failure(t.api.reviews.plan({ sessionId: s.id, assignmentId: log.id, plan: 'discontinued' }));
    expect(refused).toEqual({
      code: 'VALIDATION',
      message: 'Please say why this homework is discontinued (a few words are enough).',
      fields: { note: 'Please say why this homework is discontinued (a few words are enough).' },
    });
    expect((await t.do.assignments.get({ id: log.id })).status).toBe('active');
    const blank = await failure(t.api.reviews.plan({ sessionId: s.id, assignmentId: log.id, plan: 'discontinued', note: '   ' }));
    expect(blank.code).toBe('VALIDATION');
    const stop = await t.do.reviews.plan({
      sessionId: s.id,
      assignmentId: log.id,
      plan: 'discontinued',
      note: 'Daily logging felt like a burden',
    });
    expect(stop.review).toMatchObject({ plan: 'discontinued', planNote: 'Daily logging felt like a burden' });
    expect(await t.do.assignments.get({ id: log.id })).toMatchObject({
      status: 'discontinued',
      endedReason: 'Daily logging felt like a burden',
    });

    expect(
      await failure(t.api.reviews.plan({ sessionId: s.id, assignmentId: ladder.id, plan: 'replace', next: {} })),
    ).toMatchObject({ code: 'VALIDATION', fields: { 'next.worksheetId': 'Please choose the worksheet to use instead.' } });
    const thought = await worksheetId('ABC record');
    const rep = await t.do.reviews.plan({
      sessionId: s.id,
      assignmentId: ladder.id,
      plan: 'replace',
      next: { worksheetId: thought, frequency: { kind: 'weekly', times: 2 } },
    });
    expect(rep.nextAssignment).toMatchObject({ worksheetId: thought, followsId: ladder.id, step: null, status: 'active' });
    expect(await t.do.assignments.get({ id: ladder.id })).toMatchObject({ status: 'discontinued', endedReason: 'replaced' });

    const done = await t.do.reviews.plan({ sessionId: s.id, assignmentId: rep.nextAssignment!.id, plan: 'completed' });
    expect(done.review.plan).toBe('completed');
    expect(await t.do.assignments.get({ id: rep.nextAssignment!.id })).toMatchObject({
      status: 'completed',
      endedReason: 'completed',
    });
  });

  it('shows homework due since the last session and not yet reviewed (Today)', async () => {
    t = await unlockedCore({ now: () => NOW });
    // Today's "To review at the next session", every row of it.
    const due = async () => {
      const p = await t!.do.today.more({ group: 'review', offset: 0, limit: 100 });
      return p.group === 'review' ? p.rows : [];
    };
    const { c, ladder, log } = await setup();
    // The ladder fell due on 7 March; the log has no due date.
    expect((await due()).map((a) => [a.id, a.client.name, a.lastSessionDate])).toEqual([[ladder.id, 'Zoë Łukasiewicz', null]]);
    await t.do.assignments.update({ ...base(log), id: log.id, dueDate: '2026-03-12' });
    expect((await due()).map((a) => a.id)).toEqual([ladder.id, log.id]);
    // A session on 10 March: the ladder was due before it (that session's business), the log after.
    const s = await t.do.sessions.create({ clientId: c.id, date: '2026-03-10' });
    expect((await due()).map((a) => a.id)).toEqual([log.id]);
    // Reviewed in a session on or after its due date: off the list.
    const s2 = await t.do.sessions.create({ clientId: c.id, date: TODAY, attendance: 'cancelled' });
    await t.do.reviews.save({ sessionId: s2.id, assignmentId: log.id, review: { completion: 'full' } });
    expect(await due()).toEqual([]);
    expect(s.number).toBe(1);
  });

  it('puts sessions, reviews, practice and assignment changes on a timeline, newest first, filterable', async () => {
    t = await unlockedCore({ now: () => NOW });
    const { c, ladder, log } = await setup();
    const s = await t.do.sessions.create({ clientId: c.id, date: TODAY });
    practice(log, ['2026-03-09']);
    await t.do.reviews.save({
      sessionId: s.id,
      assignmentId: ladder.id,
      review: { completion: 'full', amountDone: 3, amountExpected: 3 },
    });
    await t.do.reviews.plan({
      sessionId: s.id,
      assignmentId: ladder.id,
      plan: 'modify',
      next: { step: { current: 3, total: 8 } },
    });

    const all = await t.do.timeline.list({ clientId: c.id });
    expect(all.map((i) => [i.date, i.kind, i.title])).toEqual([
      [TODAY, 'assignment', 'Next step assigned: Fear ladder (exposure hierarchy), step 3 of 8'],
      [TODAY, 'assignment', 'Fear ladder (exposure hierarchy), step 2 of 8 stepped on (modified)'],
      [TODAY, 'review', 'Reviewed Fear ladder (exposure hierarchy): done fully (3 of 3)'],
      [TODAY, 'session', 'Session 1 — attended'],
      ['2026-03-09', 'practice', 'Practised Exposure practice log'],
      ['2026-03-07', 'assignment', 'Assigned: Exposure practice log'],
      ['2026-02-28', 'assignment', 'Assigned: Fear ladder (exposure hierarchy), step 2 of 8'],
    ]);
    const dates = all.map((i) => i.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect((await t.do.timeline.list({ clientId: c.id, kinds: ['practice', 'session'] })).map((i) => i.kind)).toEqual([
      'session',
      'practice',
    ]);
    expect(await t.do.timeline.list({ clientId: c.id, limit: 2 })).toHaveLength(2);
    expect(await failure(t.api.timeline.list({ clientId: 'f'.repeat(32) }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

const base = (a: Assignment): AssignmentCreateInput => ({
  clientId: a.clientId,
  worksheetId: a.worksheetId,
  frequency: a.frequency,
  startDate: a.startDate,
  dueDate: a.dueDate,
  phase: a.phase,
  step: a.step,
  personalInstructions: a.personalInstructions,
});
