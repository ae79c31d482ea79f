import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  useAssignments,
  useCreateAssignment,
  useSetAssignmentStatus,
  useUpdateAssignment,
} from '../../renderer/src/api/assignments';
import { useClientList, useSaveGoal, useSetClientArchived } from '../../renderer/src/api/clients';
import { useLibrary, useSaveWorksheet } from '../../renderer/src/api/library';
import { useTodayOverview } from '../../renderer/src/api/today';
import { fakeCore, type FakeHandlers } from './support/fakeCore';
import { aClient, aGoal, anAssignment, asClient, aWorksheet, builtIn } from './support/fixtures';

const client = aClient();
const worksheet = aWorksheet(builtIn('thought-record-3'));
const assignment = anAssignment(client, worksheet);

const handlers: FakeHandlers = {
  assignments: {
    list: () => [],
    create: () => assignment,
    update: () => assignment,
    setStatus: (i) => ({ ...assignment, status: i.status }),
  },
  clients: {
    list: () => [],
    archive: () => ({ ...asClient(client), status: 'archived' as const }),
  },
  goals: { create: (i) => aGoal(i.clientId, { title: i.goal.title }) },
  library: { list: () => [], create: () => worksheet },
  today: {
    overview: () => {
      const none = { total: 0, rows: [] };
      return { today: '2026-03-14', item9: none, attention: none, unfinished: none, review: none, overdue: none, dueSoon: none };
    },
  },
};

/** Mounts the hooks with a fresh cache over the double; returns how often each channel was called. */
function mount<T>(hooks: () => T) {
  const core = fakeCore(handlers);
  window.stepwise = core.api;
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
  const hook = renderHook(hooks, { wrapper });
  return { hook, core, inputs: core.inputs };
}

describe('every mutation refreshes what it changes', () => {
  const changes = {
    'assigning homework': () => useCreateAssignment(),
    'editing the tailoring': () => useUpdateAssignment(),
    'completing or discontinuing': () => useSetAssignmentStatus(),
  } as const;
  const sent = {
    'assigning homework': {
      clientId: client.id,
      worksheetId: worksheet.worksheet.id,
      frequency: { kind: 'daily' },
      startDate: '2026-03-02',
      phase: 'skill-practice',
    },
    'editing the tailoring': {
      id: assignment.id,
      frequency: { kind: 'once' },
      startDate: '2026-03-02',
      phase: 'skill-practice',
    },
    'completing or discontinuing': { id: assignment.id, status: 'completed' },
  } as const;

  for (const [what, useChange] of Object.entries(changes)) {
    it(`${what} refreshes Today, the client lists and the library`, async () => {
      const { hook, inputs, core } = mount(() => ({
        today: useTodayOverview(),
        clients: useClientList('', 'active'),
        library: useLibrary({}),
        change: useChange(),
      }));
      await waitFor(() => expect(hook.result.current.today.isSuccess && hook.result.current.library.isSuccess).toBe(true));
      expect([inputs.today.overview.length, inputs.clients.list.length, inputs.library.list.length]).toEqual([1, 1, 1]);
      await (hook.result.current.change.mutateAsync as (i: unknown) => Promise<unknown>)(sent[what as keyof typeof sent]);
      expect([inputs.today.overview.length, inputs.clients.list.length, inputs.library.list.length]).toEqual([2, 2, 2]);
      expect(core.problems).toEqual([]);
    });
  }

  it('archiving a client refreshes Today (their homework leaves it)', async () => {
    const { hook, inputs } = mount(() => ({ today: useTodayOverview(), archive: useSetClientArchived() }));
    await waitFor(() => expect(hook.result.current.today.isSuccess).toBe(true));
    await hook.result.current.archive.mutateAsync({ id: client.id, archived: true });
    expect(inputs.today.overview.length).toBe(2);
  });

  it('a goal refreshes assignments (they show the goal they serve)', async () => {
    const { hook, inputs } = mount(() => ({ assignments: useAssignments(client.id), goal: useSaveGoal(client.id) }));
    await waitFor(() => expect(hook.result.current.assignments.isSuccess).toBe(true));
    await hook.result.current.goal.mutateAsync({ id: null, goal: { title: 'Sleep through the night' } });
    expect(inputs.assignments.list.length).toBe(2);
  });

  it('saving a worksheet refreshes the library and assignments (a newer version is available)', async () => {
    const { hook, inputs } = mount(() => ({
      assignments: useAssignments(client.id),
      library: useLibrary({}),
      save: useSaveWorksheet(),
    }));
    await waitFor(() => expect(hook.result.current.library.isSuccess && hook.result.current.assignments.isSuccess).toBe(true));
    await hook.result.current.save.mutateAsync({ kind: 'create', definition: worksheet.version.definition });
    expect([inputs.library.list.length, inputs.assignments.list.length]).toEqual([2, 2]);
  });
});

describe('the double of the core', () => {
  it('parses input with the contract: a bad input fails as the core would, with per-field messages', async () => {
    const core = fakeCore(handlers);
    const r = await core.api.clients.create({ name: '   ', startDate: '2026-01-05' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Please enter the client’s name.',
        fields: { name: 'Please enter the client’s name.' },
      },
    });
    expect(core.calls).toEqual([]);
  });

  it('refuses an output the contract refuses, and a channel without a handler', async () => {
    const core = fakeCore({ clients: { get: () => ({ ...client, status: 'gone' }) as never } });
    expect((await core.api.clients.get({ id: client.id })).ok).toBe(false);
    expect((await core.api.vault.status()).ok).toBe(false);
    expect(core.problems).toHaveLength(2);
    expect(core.problems[0]).toMatch(/output of clients\.get does not match the contract/);
    expect(core.problems[1]).toBe('no handler for vault.status in this test');
  });
});
