import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { AssignPage } from '../../renderer/src/features/assignments/AssignPage';
import { renderRoute } from './support/render';
import { aClient, aGoal, anAssignment, aWorksheet, builtIn, newId } from './support/fixtures';

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('filling in a worksheet ahead (tailored content)', () => {
  it('builds a ladder by keyboard: add, rate, reorder, remove; the goal as the fear; the preview follows; all sent', async () => {
    const clientId = newId();
    const lift = aGoal(clientId, { title: 'Taking the lift at work' });
    const client = aClient({ id: clientId, name: 'Siobhán Ní Bhriain', goals: [lift] });
    const worksheet = aWorksheet(builtIn('exposure-hierarchy'));
    const { user, core } = renderRoute({
      path: '/clients/:id/assign',
      url: `/clients/${client.id}/assign?worksheet=${worksheet.worksheet.id}`,
      element: <AssignPage />,
      handlers: {
        clients: { get: () => client },
        library: { get: () => worksheet },
        assignments: { create: (i) => anAssignment(client, worksheet, { ...i }) },
      },
    });
    await screen.findByRole('group', { name: 'My fear ladder' });
    const preview = screen.getByRole('region', { name: 'As it will print' });

    // The goal fills the fear in one click.
    await user.selectOptions(screen.getByLabelText('Treatment goal'), lift.title);
    await user.click(screen.getByRole('button', { name: `Use the goal “${lift.title}”` }));
    expect(input('The fear I am working on').value).toBe(lift.title);

    // "Step 1 of 8": the ladder prints 8 steps.
    await user.type(screen.getByLabelText('Current step'), '1');
    await user.type(screen.getByLabelText('Number of steps'), '8');
    expect(screen.getByText(/Prints 8 steps, as agreed/)).toBeTruthy();

    // Add three steps by keyboard: focus lands in each new step.
    const ladder = screen.getByRole('group', { name: 'My fear ladder' });
    const add = within(ladder).getByRole('button', { name: 'Add a step' });
    for (const [text, rating] of [
      ['Ride one floor alone', '70'],
      ['Look at photos of lifts', '10'],
      ['Stand next to a lift', '20'],
    ] as const) {
      add.focus();
      await user.keyboard('{Enter}');
      const n = within(ladder).getAllByRole('listitem').length;
      expect(document.activeElement).toBe(input(`Step ${n}: what they will do`));
      await user.keyboard(text);
      await user.type(input(`Step ${n}: rating (0–100)`), rating);
    }
    // Reorder: the hardest to the top of the list's end.
    await user.click(within(ladder).getByRole('button', { name: 'Move step 1 down' }));
    await user.click(within(ladder).getByRole('button', { name: 'Move step 2 down' }));
    expect(input('Step 3: what they will do').value).toBe('Ride one floor alone');
    expect(document.activeElement).toBe(within(ladder).getByRole('button', { name: 'Move step 3 up' }));
    // Remove one, then add it back.
    await user.click(within(ladder).getByRole('button', { name: 'Remove step 2' }));
    expect(within(ladder).getAllByRole('listitem')).toHaveLength(2);
    await user.click(add);
    await user.keyboard('Stand next to a lift');
    await user.type(input('Step 3: rating (0–100)'), '20');
    await user.click(within(ladder).getByRole('button', { name: 'Move step 3 up' }));
    expect(screen.getByText('3 of 8 steps filled in')).toBeTruthy();

    // The preview shows what prints: 8 rows, the steps and their ratings, the fear.
    const rows = within(preview).getAllByRole('row');
    expect(rows).toHaveLength(1 + 8);
    expect(within(preview).getByText('Look at photos of lifts')).toBeTruthy();
    expect(within(preview).getByText('Ride one floor alone')).toBeTruthy();
    expect(within(preview).getAllByText(lift.title).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    await screen.findByText(`At /clients/${client.id}/assignments`);
    expect(core.inputs.assignments.create[0]).toMatchObject({
      goalId: lift.id,
      step: { current: 1, total: 8 },
      prefill: {
        values: {
          fear: lift.title,
          ladder: [
            { step: 'Look at photos of lifts', rating: 10 },
            { step: 'Stand next to a lift', rating: 20 },
            { step: 'Ride one floor alone', rating: 70 },
          ],
        },
        rows: {},
      },
    });
    expect(core.problems).toEqual([]);
  });

  it('shows a core message next to the part it is about', async () => {
    const client = aClient({ name: 'Ana Ruiz' });
    const worksheet = aWorksheet(builtIn('exposure-hierarchy'));
    const { user } = renderRoute({
      path: '/clients/:id/assign',
      url: `/clients/${client.id}/assign?worksheet=${worksheet.worksheet.id}`,
      element: <AssignPage />,
      handlers: {
        clients: { get: () => client },
        library: { get: () => worksheet },
        assignments: {
          create: () => {
            const message = 'My fear ladder: the highest value is 100.';
            throw new AppError('VALIDATION', message, { 'prefill.ladder': message });
          },
        },
      },
    });
    const ladder = await screen.findByRole('group', { name: 'My fear ladder' });
    await user.click(within(ladder).getByRole('button', { name: 'Add a step' }));
    await user.keyboard('Lift');
    await user.type(input('Step 1: rating (0–100)'), '150');
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(await within(ladder).findByRole('alert')).toHaveProperty('textContent', 'My fear ladder: the highest value is 100.');
  });
});
