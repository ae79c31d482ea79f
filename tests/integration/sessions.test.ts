import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain';
import { failure, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

/** Midday UTC: the same calendar day in every time zone from UTC−11 to UTC+11. */
const NOW = new Date('2026-03-14T12:00:00Z');
const TODAY = '2026-03-14';

async function client(name = 'Zoë Łukasiewicz', startDate = '2026-01-10'): Promise<Client> {
  return t!.do.clients.create({ name, startDate });
}

const events = (entity: string) =>
  t!.core.db.prepare(`SELECT action, entity_id AS id, detail FROM audit_event WHERE entity = ? ORDER BY id`).all(entity);

describe('sessions', () => {
  it('starts sessions counted per client, with the defaults, and reads them back newest first', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const other = await client('Marcus Adeyemi');
    const first = await t.do.sessions.create({ clientId: c.id, date: '2026-03-07', time: '10:00' });
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      clientId: c.id,
      number: 1,
      date: '2026-03-07',
      time: '10:00',
      durationMinutes: null,
      attendance: 'attended',
      modality: 'in-person',
      notes: null,
      takeaways: null,
      stage: 'review',
      finishedAt: null,
      reviewCount: 0,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    await t.do.sessions.create({ clientId: other.id, date: TODAY });
    const second = await t.do.sessions.create({ clientId: c.id, date: TODAY, modality: 'video', durationMinutes: 50 });
    expect(second).toMatchObject({ number: 2, modality: 'video', durationMinutes: 50 });
    // A number given (sessions before Stepwise) is kept; the count goes on from the highest.
    const given = await t.do.sessions.create({ clientId: c.id, date: TODAY, number: 12 });
    expect(given.number).toBe(12);
    expect((await t.do.sessions.create({ clientId: c.id, date: TODAY })).number).toBe(13);

    const list = await t.do.sessions.list({ clientId: c.id });
    expect(list.map((s) => s.number)).toEqual([13, 12, 2, 1]);
    const detail = await t.do.sessions.get({ id: second.id });
    expect(detail).toMatchObject({
      ...second,
      clientName: 'Zoë Łukasiewicz',
      clientPreferredName: null,
      previousDate: '2026-03-07',
    });
    expect((await t.do.sessions.get({ id: first.id })).previousDate).toBeNull();
    expect(events('session')).toHaveLength(5);
  });

  it('refuses dates more than a year ahead or before the client started, at the date field', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    expect(await failure(t.api.sessions.create({ clientId: c.id, date: '2027-03-20' }))).toEqual({
      code: 'VALIDATION',
      message: 'That date is more than a year from today. Please check the year.',
      fields: { date: 'That date is more than a year from today. Please check the year.' },
    });
    const before = await failure(t.api.sessions.create({ clientId: c.id, date: '2026-01-09' }));
    expect(before.code).toBe('VALIDATION');
    expect(before.message).toMatch(/^That date is before this client started \(10 January 2026\)/);
    expect(await failure(t.api.sessions.create({ clientId: c.id, date: '2026-02-30' }))).toMatchObject({
      code: 'VALIDATION',
      fields: { date: 'Please enter the session date as a real calendar date.' },
    });
    expect(await failure(t.api.sessions.create({ clientId: c.id, date: TODAY, time: '25:00' }))).toMatchObject({
      fields: { time: 'Please enter the time like 14:30.' },
    });
    expect(await failure(t.api.sessions.create({ clientId: c.id, date: TODAY, durationMinutes: 700 }))).toMatchObject({
      fields: { durationMinutes: 'A session of more than 10 hours is not possible here. Please check the minutes.' },
    });
    // A year ahead exactly is allowed (a session planned ahead); the client's first day too.
    await t.do.sessions.create({ clientId: c.id, date: '2027-03-14' });
    await t.do.sessions.create({ clientId: c.id, date: '2026-01-10' });
    // The same checks on update.
    const s = await t.do.sessions.create({ clientId: c.id, date: TODAY });
    expect((await failure(t.api.sessions.update({ id: s.id, fields: { date: '2025-12-31' } }))).fields).toHaveProperty('date');
    expect(await failure(t.api.sessions.create({ clientId: 'f'.repeat(32), date: TODAY }))).toMatchObject({ code: 'NOT_FOUND' });
    await t.do.clients.archive({ id: c.id });
    expect(await failure(t.api.sessions.create({ clientId: c.id, date: TODAY }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('saves as it goes: a patch keeps what it does not name, and the stage', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const s = await t.do.sessions.create({ clientId: c.id, date: TODAY, time: '09:30' });
    const a = await t.do.sessions.update({ id: s.id, fields: { notes: 'Talked about the market.' }, stage: 'notes' });
    expect(a).toMatchObject({ notes: 'Talked about the market.', takeaways: null, time: '09:30', stage: 'notes' });
    const b = await t.do.sessions.update({ id: s.id, fields: { takeaways: '  Anxiety passes if I stay.  ' } });
    expect(b).toMatchObject({ notes: 'Talked about the market.', takeaways: 'Anxiety passes if I stay.', stage: 'notes' });
    const cleared = await t.do.sessions.update({ id: s.id, fields: { notes: '', attendance: 'did-not-attend' } });
    expect(cleared).toMatchObject({ notes: null, attendance: 'did-not-attend', takeaways: 'Anxiety passes if I stay.' });
    const long = 'x'.repeat(50_001);
    expect(await failure(t.api.sessions.update({ id: s.id, fields: { notes: long } }))).toMatchObject({
      code: 'VALIDATION',
      fields: { 'fields.notes': 'Session notes is too long (50,000 characters at most).' },
    });
    expect((await t.do.sessions.get({ id: s.id })).notes).toBeNull();
  });

  it('finishes, reopens, lists the unfinished across active clients, and removes with its reviews', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const archived = await client('Marcus Adeyemi');
    const s1 = await t.do.sessions.create({ clientId: c.id, date: '2026-03-07' });
    const s2 = await t.do.sessions.create({ clientId: c.id, date: TODAY });
    await t.do.sessions.create({ clientId: archived.id, date: TODAY });
    await t.do.clients.archive({ id: archived.id });
    // Today's "Sessions left unfinished".
    const unfinishedNow = async () => (await t!.do.today.overview()).unfinished.rows;

    expect((await unfinishedNow()).map((s) => s.id)).toEqual([s1.id, s2.id]);
    const done = await t.do.sessions.finish({ id: s1.id });
    expect(done).toMatchObject({ finishedAt: NOW.toISOString(), stage: 'finish' });
    expect(await t.do.sessions.finish({ id: s1.id })).toEqual(done); // twice changes nothing
    const unfinished = await unfinishedNow();
    expect(unfinished).toEqual([
      expect.objectContaining({ id: s2.id, client: expect.objectContaining({ name: 'Zoë Łukasiewicz', preferredName: null }) }),
    ]);
    const reopened = await t.do.sessions.reopen({ id: s1.id });
    expect(reopened).toMatchObject({ finishedAt: null, stage: 'finish' });
    expect(await unfinishedNow()).toHaveLength(2);

    // Remove: its reviews go, the homework stays.
    const ws = (await t.do.library.list()).find((w) => w.title === 'ABC record')!;
    const a = await t.do.assignments.create({
      clientId: c.id,
      worksheetId: ws.id,
      frequency: { kind: 'daily' },
      startDate: '2026-03-01',
      phase: 'skill-practice',
    });
    await t.do.reviews.save({ sessionId: s2.id, assignmentId: a.id, review: { completion: 'full' } });
    expect((await t.do.sessions.get({ id: s2.id })).reviewCount).toBe(1);
    expect(await t.do.sessions.remove({ id: s2.id })).toEqual({ id: s2.id });
    expect(await failure(t.api.sessions.get({ id: s2.id }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That session could not be found.',
    });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM homework_review').get()).toEqual({ n: 0 });
    expect((await t.do.assignments.get({ id: a.id })).status).toBe('active');
    expect(events('session').map((e) => (e as { action: string }).action)).toContain('deleted');
  });

  it('gives the client list the date of the latest attended session', async () => {
    t = await unlockedCore({ now: () => NOW });
    const c = await client();
    const other = await client('Marcus Adeyemi');
    expect((await t.do.clients.list()).every((s) => s.lastSessionDate === null)).toBe(true);
    await t.do.sessions.create({ clientId: c.id, date: '2026-02-28' });
    await t.do.sessions.create({ clientId: c.id, date: '2026-03-07', attendance: 'cancelled' });
    await t.do.sessions.create({ clientId: c.id, date: '2026-04-01' }); // planned ahead: not yet the last
    await t.do.sessions.create({ clientId: other.id, date: '2026-03-13', attendance: 'did-not-attend' });
    const list = await t.do.clients.list();
    expect(list.find((s) => s.id === c.id)!.lastSessionDate).toBe('2026-02-28');
    expect(list.find((s) => s.id === other.id)!.lastSessionDate).toBeNull();
  });
});
