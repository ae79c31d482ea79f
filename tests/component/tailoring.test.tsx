import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import type { AssignmentDetail } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { AssignPage } from '../../renderer/src/features/assignments/AssignPage';
import { EditAssignmentPage } from '../../renderer/src/features/assignments/EditAssignmentPage';
import { renderRoute } from './support/render';
import { aClient, aGoal, anAssignment, aWorksheet, builtIn, newId } from './support/fixtures';

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
const alerts = () => screen.queryAllByRole('alert').map((a) => a.textContent);

describe('tailoring an assignment', () => {
  it('assigning: the worksheet’s suggestions, the frequency choice, the step fields, the goal, and the schema’s messages', async () => {
    const clientId = newId();
    const bus = aGoal(clientId, { title: 'Take the bus to work alone' });
    const met = aGoal(clientId, { title: 'Sleep through the night', status: 'met' });
    const client = aClient({ id: clientId, name: 'Zoë Martin', preferredName: 'Zo', goals: [bus, met] });
    const worksheet = aWorksheet(builtIn('exposure-practice-log'));
    const { user, core } = renderRoute({
      path: '/clients/:id/assign',
      url: `/clients/${client.id}/assign?worksheet=${worksheet.worksheet.id}`,
      element: <AssignPage />,
      handlers: {
        clients: { get: () => client },
        library: { get: () => worksheet },
        assignments: { create: (i) => anAssignment(client, worksheet, { ...i, goalTitle: bus.title }) },
      },
    });
    await screen.findByRole('heading', { name: 'Assign homework to Zo' });
    await screen.findByLabelText('Personal instructions (optional)');

    // What follows from the worksheet: 5 times a week, its first phase, its rationale.
    expect(radio('Times a week').checked).toBe(true);
    expect(input('Number of times a week').value).toBe('5');
    expect(radio('Skill practice').checked).toBe(true);
    expect(input('Rationale agreed with the client').value).toBe(worksheet.version.definition.rationale);
    expect(input('Start date').value).toBe(localIsoDate(new Date()));

    // The goals: active ones only (a met goal is not offered for new homework).
    const goal = screen.getByLabelText('Treatment goal');
    expect(
      within(goal)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['No particular goal', bus.title]);

    // The frequency: a choice; typing a number chooses "Times a week".
    await user.click(radio('Every day'));
    expect(radio('Every day').checked).toBe(true);
    await user.clear(input('Number of times a week'));
    expect(radio('Times a week').checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(await screen.findByText('Enter how many times a week, from 1 to 14.')).toBeTruthy();
    expect(document.activeElement).toBe(input('Number of times a week'));
    expect(alerts()).toContain('Please check the field marked below.');
    await user.type(input('Number of times a week'), '20');
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(await screen.findByText('At most 14 times a week.')).toBeTruthy();
    await user.clear(input('Number of times a week'));
    await user.type(input('Number of times a week'), '3');

    // The step: both numbers or neither; then the schema's own rule.
    await user.type(input('Current step'), '2');
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(
      await screen.findByText('Enter both numbers as whole numbers (for example step 2 of 6), or leave both empty.'),
    ).toBeTruthy();
    expect(document.activeElement).toBe(input('Current step'));
    await user.type(input('Number of steps'), '1');
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(await screen.findByText('The current step cannot be above the number of steps.')).toBeTruthy();
    await user.clear(input('Number of steps'));
    await user.type(input('Number of steps'), '6');

    // A due date before the start: the schema's cross-field rule, before anything is sent.
    await user.type(input('Due date (optional)'), addDays(localIsoDate(new Date()), -7));
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(await screen.findByText('The due date is before the start date.')).toBeTruthy();
    expect(document.activeElement).toBe(input('Due date (optional)'));
    expect(core.inputs.assignments.create).toEqual([]);

    await user.clear(input('Due date (optional)'));
    await user.selectOptions(goal, bus.title);
    await user.type(input('Personal instructions (optional)'), 'After dinner.');
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(await screen.findByText(`At /clients/${client.id}/assignments`)).toBeTruthy();
    expect(core.inputs.assignments.create).toEqual([
      {
        clientId: client.id,
        worksheetId: worksheet.worksheet.id,
        worksheetVersionId: worksheet.version.id,
        personalInstructions: 'After dinner.',
        goalId: bus.id,
        frequency: { kind: 'weekly', times: 3 },
        startDate: localIsoDate(new Date()),
        dueDate: null,
        step: { current: 2, total: 6 },
        phase: 'skill-practice',
        agreedRationale: worksheet.version.definition.rationale,
        prefill: null,
      },
    ]);
    expect(screen.getByTestId('location-state').textContent).toContain(
      `“${worksheet.version.definition.title}” was assigned to Zo.`,
    );
    expect(core.problems).toEqual([]);
  });

  it('editing: starts from the assignment (a met goal stays offered), and shows what the core refuses at its field', async () => {
    const clientId = newId();
    const met = aGoal(clientId, { title: 'Sleep through the night', status: 'met' });
    const client = aClient({ id: clientId, goals: [met] });
    const worksheet = aWorksheet(builtIn('thought-record-3'));
    const a = anAssignment(client, worksheet, {
      goalId: met.id,
      goalTitle: met.title,
      frequency: { kind: 'once' },
      step: { current: 1, total: 4 },
      personalInstructions: 'Mornings.',
    });
    const detail: AssignmentDetail = { ...a, definition: worksheet.version.definition, clientName: client.name };
    let refuse = true;
    const { user, core } = renderRoute({
      path: '/assignments/:id/edit',
      url: `/assignments/${a.id}/edit`,
      element: <EditAssignmentPage />,
      handlers: {
        assignments: {
          get: () => detail,
          update: (i) => {
            if (refuse) throw new AppError('VALIDATION', 'That goal was not found.', { goalId: 'That goal was not found.' });
            return { ...a, ...i, frequency: i.frequency };
          },
        },
        clients: { get: () => client },
      },
    });
    await screen.findByRole('heading', { name: 'Edit tailoring' });
    expect(radio('Once').checked).toBe(true);
    expect(input('Current step').value).toBe('1');
    expect(input('Number of steps').value).toBe('4');
    const goal = (await screen.findByRole('option', { name: 'Sleep through the night (met)' })) as HTMLOptionElement;
    expect(goal.selected).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('That goal was not found.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Treatment goal'));
    expect(alerts()).toContain('Please check the field marked below.');

    refuse = false;
    await user.selectOptions(screen.getByLabelText('Treatment goal'), 'No particular goal');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(`At /clients/${client.id}/assignments`)).toBeTruthy();
    expect(core.inputs.assignments.update).toHaveLength(2);
    expect(core.inputs.assignments.update[1]).toMatchObject({
      id: a.id,
      goalId: null,
      frequency: { kind: 'once' },
      step: { current: 1, total: 4 },
      personalInstructions: 'Mornings.',
    });
  });
});
