import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import type { TodayHomework } from '../../shared/contract';
import { unlockedCore, type TestCore } from '../support/vault';

let t: TestCore;
beforeAll(async () => {
  t = await unlockedCore({ now: () => new Date(2026, 2, 10, 12, 0, 0) }); // 10 March 2026, local noon
  await seedDemo(t.do, t.core.now());
});
afterAll(() => t.cleanup());

/** Every homework row of Today: to review, overdue and due soon (today.more, each group whole). */
async function attention(): Promise<(TodayHomework & { clientId: string; clientName: string })[]> {
  const out = [];
  for (const group of ['review', 'overdue', 'dueSoon'] as const) {
    const p = await t.do.today.more({ group, offset: 0, limit: 100 });
    if (p.group === group) out.push(...p.rows.map((r) => ({ ...r, clientId: r.client.id, clientName: r.client.name })));
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

describe('homework needing attention (Today)', () => {
  it('lists active homework of active clients that is overdue or due within 3 days, most urgent first', async () => {
    const items = await attention();
    expect(items.length).toBeGreaterThan(0);
    for (const a of items) {
      expect(['overdue', 'due-soon']).toContain(a.state);
      expect(a.dueDate !== null && a.dueDate <= '2026-03-13').toBe(true);
    }
    const dues = items.map((a) => a.dueDate);
    expect([...dues].sort()).toEqual(dues);
    // Marcus's ABC record was due 3 days ago; Tomás's log is due in 6 days (not listed).
    expect(items.some((a) => a.clientName === 'Marcus Adeyemi' && a.state === 'overdue' && a.dueDate === '2026-03-07')).toBe(
      true,
    );
    expect(items.some((a) => a.clientName === 'Tomás Herrera')).toBe(false);
  });

  it('drops completed homework and archived clients', async () => {
    const before = await attention();
    const marcus = before.find((a) => a.clientName === 'Marcus Adeyemi')!;
    await t.do.assignments.setStatus({ id: marcus.id, status: 'completed' });
    const zoe = before.find((a) => a.clientName === 'Zoë Łukasiewicz')!;
    await t.do.clients.archive({ id: zoe.clientId });
    const after = await attention();
    expect(after.some((a) => a.id === marcus.id)).toBe(false);
    expect(after.some((a) => a.clientId === zoe.clientId)).toBe(false);
  });
});
