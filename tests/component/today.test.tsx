import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TodayClient, TodayHomework, TodayOverview } from '../../shared/contract';
import { Today } from '../../renderer/src/features/home/Today';
import { tellApart } from '../../renderer/src/components/namesakes';
import { newId } from './support/fixtures';
import { renderRoute } from './support/render';

/**
 * Today (issue 12): a group's long tail stays collapsed ("and 140 more overdue") until asked for,
 * then comes from the core a page at a time; keyboard focus moves to the first row it brought.
 * Namesakes are told apart by their date of birth and start date (issue 11).
 */
const TODAY = '2026-03-14';
const client = (name: string, tellApart: TodayClient['tellApart'] = null): TodayClient => ({
  id: newId(),
  name,
  preferredName: null,
  tellApart,
});
const siobhan1 = client('Siobhán Ní Bhriain', { dateOfBirth: '1990-05-03', startDate: '2026-01-10' });
const siobhan2 = client('siobhan ni bhriain', { dateOfBirth: '1985-11-20', startDate: '2026-02-01' });
const others = Array.from({ length: 148 }, (_, i) => client(`Client ${i + 1}`));

/** 150 overdue items, most urgent first: the two namesakes first. */
const overdue: TodayHomework[] = [siobhan1, siobhan2, ...others].map((c, i) => ({
  id: newId(),
  client: c,
  title: `Thought record ${i + 1}`,
  dueDate: `2026-02-${String(1 + Math.floor(i / 6)).padStart(2, '0')}`,
  state: 'overdue',
  lastSessionDate: null,
}));

const empty = { total: 0, rows: [] };
const overview: TodayOverview = {
  today: TODAY,
  item9: empty,
  attention: empty,
  unfinished: empty,
  review: empty,
  overdue: { total: overdue.length, rows: overdue.slice(0, 10) },
  dueSoon: empty,
};

function open() {
  return renderRoute({
    path: '/',
    url: '/',
    element: <Today />,
    handlers: {
      today: {
        overview: () => overview,
        more: ({ group, offset, limit }) => {
          if (group !== 'overdue') return { group, total: 0, rows: [] };
          return { group, total: overdue.length, rows: overdue.slice(offset, offset + limit) };
        },
      },
      backup: { status: () => ({ lastBackupAt: null, lastBackupFile: null, stale: false, due: false }) },
    },
  });
}

const overdueGroup = () => screen.getByRole('region', { name: /^Overdue/ });
const rowsOf = (region: HTMLElement) => within(region).getAllByRole('listitem');

describe('Today', () => {
  it('shows ten rows of a long group with its count, and loads the rest on demand, a page at a time', async () => {
    const r = open();
    await screen.findByRole('heading', { name: 'Overdue (150)' });
    expect(rowsOf(overdueGroup())).toHaveLength(10);
    // One call for the screen; nothing of the tail until it is asked for.
    expect(r.core.inputs.today.overview).toHaveLength(1);
    expect(r.core.inputs.today.more).toHaveLength(0);

    await r.user.click(within(overdueGroup()).getByRole('button', { name: 'and 140 more overdue' }));
    await waitFor(() => expect(rowsOf(overdueGroup())).toHaveLength(100));
    expect(r.core.inputs.today.more).toEqual([{ group: 'overdue', offset: 0, limit: 100 }]);
    // Focus on the first row the page brought (the 11th), so the keyboard carries on from there.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Client 9'));

    // The button is reached and pressed by keyboard too.
    const more = within(overdueGroup()).getByRole('button', { name: 'and 50 more overdue' });
    more.focus();
    await r.user.keyboard('{Enter}');
    await waitFor(() => expect(rowsOf(overdueGroup())).toHaveLength(150));
    expect(r.core.inputs.today.more[1]).toEqual({ group: 'overdue', offset: 100, limit: 100 });
    expect(within(overdueGroup()).queryByRole('button')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Client 99');
    expect(r.core.problems).toEqual([]);
  });

  it('tells namesakes apart by their date of birth and start date; others show their name only', async () => {
    open();
    await screen.findByRole('heading', { name: 'Overdue (150)' });
    const [first, second, third] = rowsOf(overdueGroup());
    // As Ctrl+K and the client list word it ("born 3 May 1990 · started 10 Jan 2026", in the locale).
    expect(first!.textContent).toContain(`Siobhán Ní Bhriain${tellApart(siobhan1.tellApart!)}`);
    expect(second!.textContent).toContain(`siobhan ni bhriain${tellApart(siobhan2.tellApart!)}`);
    expect(tellApart(siobhan1.tellApart!)).toMatch(/^born .*1990 · started .*2026$/);
    expect(third!.textContent).not.toMatch(/born|started/);
  });
});
