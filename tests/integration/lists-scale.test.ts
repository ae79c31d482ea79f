import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory } from '../../electron/core/demoHistory';
import { writeHistory } from '../../electron/core/history';
import { compareText, matchesSearch } from '../../electron/core/util/text';
import type { ClientSummary } from '../../shared/domain';
import { PASSPHRASE, unlockedCore, type TestCore } from '../support/vault';

/**
 * Issue 12 (helper "lists"): the client list is computed once per change of the vault and kept
 * (ReadDb.memo); the Practice tab pages by keyset; the timeline cuts each of its lists in SQL.
 * Each gives the same answer as a straightforward query on a real vault (the demo caseload with
 * months of history), after every kind of write.
 */
let t: TestCore;
let now = new Date('2026-03-10T10:00:00Z');

beforeAll(async () => {
  t = await unlockedCore({ now: () => now });
  await seedDemo(t.do, now);
  await seedDemoHistory(t.do, t.core, now);
});
afterAll(() => t.cleanup());

const today = () => now.toISOString().slice(0, 10);

/** The client list as the straightforward query gives it: every count read afresh, filtered and sorted here. */
function straightforward(status: 'active' | 'archived' | 'all', search?: string): ClientSummary[] {
  const rows = t.core.db
    .prepare(
      `SELECT c.id, c.name, c.preferred_name AS preferredName, c.status, c.start_date AS startDate, c.date_of_birth AS dateOfBirth,
              (SELECT count(*) FROM assignment a WHERE a.client_id = c.id AND a.status = 'active') AS activeAssignments,
              (SELECT count(*) FROM assignment a WHERE a.client_id = c.id AND a.status = 'active' AND a.due_date < ?) AS overdueAssignments,
              (SELECT max(s.date) FROM session s WHERE s.client_id = c.id AND s.attendance = 'attended' AND s.date <= ?) AS lastSessionDate
         FROM client c ${status === 'all' ? '' : 'WHERE c.status = ?'}`,
    )
    .all(...[today(), today(), ...(status === 'all' ? [] : [status])]) as ClientSummary[];
  return rows
    .filter((r) => matchesSearch(search, r.name, r.preferredName))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

async function expectSameLists(): Promise<void> {
  for (const status of ['active', 'archived', 'all'] as const) {
    for (const search of [undefined, 'zoe', 'ŁUKASIEWICZ', 'a', 'no such name']) {
      expect(await t.do.clients.list({ status, ...(search ? { search } : {}) }), `${status} ${search}`).toEqual(
        straightforward(status, search),
      );
    }
  }
}

const byName = async (name: string) => (await t.do.clients.list({ status: 'all' })).find((c) => c.name === name)!;

describe('the client list, kept between changes', () => {
  it('gives the straightforward answer, for every status and search', async () => {
    expect((await t.do.clients.list({ status: 'all' })).length).toBeGreaterThan(3);
    await expectSameLists();
  });

  it('follows every kind of write: services, the history bulk path, raw writes, erasure, a new day, a new connection', async () => {
    const zoe = await byName('Zoë Łukasiewicz');
    // A new client, changed, archived and restored.
    const c = await t.do.clients.create({ name: 'Nadia Zołądź', startDate: '2026-01-05' });
    await expectSameLists();
    await t.do.clients.update({ id: c.id, client: { name: 'Nadia Zoładź-Ortiz', startDate: '2026-01-05' } });
    await expectSameLists();
    await t.do.clients.archive({ id: zoe.id });
    await expectSameLists();
    await t.do.clients.restore({ id: zoe.id });
    await expectSameLists();

    // Homework: the active and overdue counts.
    const [assignment] = await t.do.assignments.list({ clientId: zoe.id });
    const before = await byName('Zoë Łukasiewicz');
    await t.do.assignments.setStatus({ id: assignment!.id, status: 'completed' });
    expect((await byName('Zoë Łukasiewicz')).activeAssignments).toBe(before.activeAssignments - 1);
    await expectSameLists();

    // A session through the service, then history through the bulk path: the last session.
    await t.do.sessions.create({ clientId: c.id, date: '2026-03-02', attendance: 'attended', modality: 'in-person' });
    expect((await byName('Nadia Zoładź-Ortiz')).lastSessionDate).toBe('2026-03-02');
    writeHistory(t.core, {
      sessions: [{ clientId: c.id, number: 2, date: '2026-03-09', attendance: 'attended', modality: 'video' }],
    });
    expect((await byName('Nadia Zoładź-Ortiz')).lastSessionDate).toBe('2026-03-09');
    await expectSameLists();

    // A raw transaction (tools, tests): counted too.
    t.core.write((db) =>
      db.prepare(`UPDATE assignment SET due_date = '2026-01-01' WHERE client_id = ? AND status = 'active'`).run(zoe.id),
    );
    await expectSameLists();

    // A change rolled back leaves the list as it was.
    const kept = await t.do.clients.list({ status: 'all' });
    expect(() =>
      t.core.write((db) => {
        db.prepare(`UPDATE client SET name = 'Rolled Back' WHERE id = ?`).run(zoe.id);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(await t.do.clients.list({ status: 'all' })).toEqual(kept);
    await expectSameLists();

    // Erasure of an archived client.
    await t.do.clients.archive({ id: c.id });
    await t.do.clients.delete({ id: c.id });
    expect((await t.do.clients.list({ status: 'all' })).some((x) => x.id === c.id)).toBe(false);
    await expectSameLists();

    // Days later: what was due since is overdue, without any write.
    const overdue = (await t.do.clients.list({ status: 'all' })).reduce((n, x) => n + x.overdueAssignments, 0);
    now = new Date('2026-04-20T10:00:00Z');
    expect((await t.do.clients.list({ status: 'all' })).reduce((n, x) => n + x.overdueAssignments, 0)).toBeGreaterThan(overdue);
    await expectSameLists();

    // Locked and unlocked: a new connection, computed afresh.
    await t.do.vault.lock();
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    await expectSameLists();
  });

  it('cannot be changed by a caller: each call gets its own rows', async () => {
    const a = await t.do.clients.list({ status: 'all' });
    a[0]!.name = 'Changed by the caller';
    expect((await t.do.clients.list({ status: 'all' }))[0]!.name).not.toBe('Changed by the caller');
  });
});

describe('the Practice tab pages by keyset', () => {
  it('gives, page by page, the same records as one long list (by client and by assignment)', async () => {
    const zoe = await byName('Zoë Łukasiewicz');
    const whole = await t.do.practice.list({ clientId: zoe.id, limit: 5000 });
    expect(whole.length).toBeGreaterThan(20);
    for (const size of [1, 7, 25]) {
      const pages: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await t.do.practice.list({ clientId: zoe.id, limit: size, ...(before ? { before } : {}) });
        pages.push(...page.map((r) => r.id));
        if (page.length < size) break;
        before = page.at(-1)!.id;
      }
      expect(pages).toEqual(whole.map((r) => r.id));
    }
    const assignmentId = whole[0]!.assignmentId;
    const ofAssignment = await t.do.practice.list({ assignmentId, limit: 5000 });
    const first = await t.do.practice.list({ assignmentId, limit: 3 });
    const rest = await t.do.practice.list({ assignmentId, limit: 5000, before: first.at(-1)!.id });
    expect([...first, ...rest].map((r) => r.id)).toEqual(ofAssignment.map((r) => r.id));
  });

  it('keeps records of the same day and time apart by the order they were entered', async () => {
    const zoe = await byName('Zoë Łukasiewicz');
    const [a] = (await t.do.assignments.list({ clientId: zoe.id })).filter((x) => x.status === 'active');
    const made = await t.do.practice.createMany({
      assignmentId: a!.id,
      records: [1, 2, 3].map(() => ({ practicedOn: today(), practicedTime: '09:00', source: 'paper' as const, answers: {} })),
    });
    const whole = await t.do.practice.list({ clientId: zoe.id, limit: 5000 });
    const pages: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await t.do.practice.list({ clientId: zoe.id, limit: 2, ...(before ? { before } : {}) });
      pages.push(...page.map((r) => r.id));
      if (page.length < 2) break;
      before = page.at(-1)!.id;
    }
    expect(pages).toEqual(whole.map((r) => r.id));
    expect(made).toHaveLength(3);
  });
});

describe('the timeline cuts each list in SQL', () => {
  it('gives the newest items of the whole timeline, for every page size and kind', async () => {
    const zoe = await byName('Zoë Łukasiewicz');
    const whole = await t.do.timeline.list({ clientId: zoe.id, limit: 2000 });
    expect(whole.length).toBeGreaterThan(40);
    for (const limit of [1, 5, 20, 30, 47]) {
      expect(await t.do.timeline.list({ clientId: zoe.id, limit })).toEqual(whole.slice(0, limit));
    }
    for (const kinds of [['session'], ['review'], ['session', 'review']] as const) {
      const all = await t.do.timeline.list({ clientId: zoe.id, kinds: [...kinds], limit: 2000 });
      expect(await t.do.timeline.list({ clientId: zoe.id, kinds: [...kinds], limit: 7 })).toEqual(all.slice(0, 7));
    }
  });
});
