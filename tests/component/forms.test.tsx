import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addYears, PAST_TARGET_QUESTION } from '../../shared/dateBounds';
import { addDays, formatDate, localIsoDate } from '../../shared/dates';
import type { ClientDetail, ClientSummary } from '../../shared/domain';
import { TEXT_LIMITS } from '../../shared/limits';
import { AssignPage } from '../../renderer/src/features/assignments/AssignPage';
import { EditAssignmentPage } from '../../renderer/src/features/assignments/EditAssignmentPage';
import { EditClientPage, NewClientPage } from '../../renderer/src/features/clients/ClientForm';
import { GoalsSection } from '../../renderer/src/features/clients/GoalsSection';
import { renderRoute } from './support/render';
import { aClient, aGoal, anAssignment, asClient, aWorksheet, builtIn } from './support/fixtures';

/*
 * Issue 11, "nothing typed is ever lost or cut": every form asks before it is left with unsaved
 * input; long texts take a paste whole; a text past its limit is refused with a message, never
 * cut; dates that cannot be are refused; a namesake asks first.
 */

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const today = () => localIsoDate(new Date());

function summaryOf(c: ClientDetail): ClientSummary {
  return {
    id: c.id,
    name: c.name,
    preferredName: c.preferredName,
    status: c.status,
    startDate: c.startDate,
    dateOfBirth: c.dateOfBirth,
    activeAssignments: 0,
    overdueAssignments: 0,
    lastSessionDate: null,
  };
}

function newClient(others: ClientDetail[] = []) {
  const made = aClient({ name: 'x' });
  return renderRoute({
    path: '/clients/new',
    url: '/clients/new',
    element: <NewClientPage />,
    handlers: {
      clients: { create: (i) => ({ ...asClient(made), ...i }), list: () => others.map(summaryOf) },
    },
  });
}

/** Leaves by `leave()`: asked; "Keep editing" stays; asked again; "Leave without saving" goes. */
async function asksBeforeLeaving(user: ReturnType<typeof newClient>['user'], leave: () => Promise<void>, where: string) {
  await leave();
  const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
  await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  await leave();
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }));
  expect(await screen.findByText(`At ${where}`)).toBeTruthy();
}

describe('unsaved input asks before the form is left', () => {
  it('the new client form: nothing asked while untouched; once typed, leaving asks', async () => {
    const { user } = newClient();
    await user.type(input('Name'), 'Ahmed Khan');
    await asksBeforeLeaving(user, () => user.click(screen.getByRole('link', { name: 'Back to clients' })), '/clients');
  });

  it('the edit client form', async () => {
    const c = aClient({ name: 'Zoë Martin' });
    const { user } = renderRoute({
      path: '/clients/:id/edit',
      url: `/clients/${c.id}/edit`,
      element: <EditClientPage />,
      handlers: { clients: { get: () => c } },
    });
    await user.click(await screen.findByRole('link', { name: 'Cancel' }));
    expect(await screen.findByText(`At /clients/${c.id}`)).toBeTruthy();
  });

  it('the edit client form, changed', async () => {
    const c = aClient({ name: 'Zoë Martin' });
    const { user } = renderRoute({
      path: '/clients/:id/edit',
      url: `/clients/${c.id}/edit`,
      element: <EditClientPage />,
      handlers: { clients: { get: () => c } },
    });
    await user.type(await screen.findByLabelText('Pronouns (optional)'), 'she/her');
    await asksBeforeLeaving(user, () => user.click(screen.getByRole('link', { name: 'Cancel' })), `/clients/${c.id}`);
  });

  it('the assign form: leaving asks, and what is typed is kept as a draft', async () => {
    const client = aClient({ name: 'Zoë Martin' });
    const worksheet = aWorksheet(builtIn('exposure-practice-log'));
    const { user, core } = renderRoute({
      path: '/clients/:id/assign',
      url: `/clients/${client.id}/assign?worksheet=${worksheet.worksheet.id}`,
      element: <AssignPage />,
      handlers: { clients: { get: () => client }, library: { get: () => worksheet } },
    });
    await user.type(await screen.findByLabelText('Personal instructions (optional)'), 'After dinner.');
    await waitFor(() => expect(core.inputs.drafts.save.length).toBeGreaterThan(0), { timeout: 3000 });
    const kept = core.inputs.drafts.save.at(-1)!;
    expect(kept.formKey).toBe(`assign:${client.id}`);
    expect(JSON.parse(kept.data)).toMatchObject({
      worksheetId: worksheet.worksheet.id,
      values: { personalInstructions: 'After dinner.' },
    });
    await asksBeforeLeaving(user, () => user.click(screen.getByRole('link', { name: 'Cancel' })), `/clients/${client.id}`);
    // Left without saving: the kept draft goes too (drafts are for a lock, not for a choice to leave).
    expect(core.inputs.drafts.discard).toContainEqual({ formKey: `assign:${client.id}` });
  });

  it('the assign form offers a kept draft back', async () => {
    const client = aClient({ name: 'Zoë Martin' });
    const worksheet = aWorksheet(builtIn('exposure-practice-log'));
    const values = {
      personalInstructions: 'Kept from before the lock.',
      goalId: '',
      frequencyKind: 'daily',
      timesPerWeek: '3',
      startDate: today(),
      dueDate: '',
      stepCurrent: '',
      stepTotal: '',
      phase: 'baseline',
      agreedRationale: 'Our words.',
    };
    const { user } = renderRoute({
      path: '/clients/:id/assign',
      url: `/clients/${client.id}/assign?worksheet=${worksheet.worksheet.id}`,
      element: <AssignPage />,
      handlers: {
        clients: { get: () => client },
        library: { get: () => worksheet },
        drafts: {
          get: () => ({
            formKey: `assign:${client.id}`,
            data: JSON.stringify({ worksheetId: worksheet.worksheet.id, values }),
            savedAt: new Date().toISOString(),
          }),
        },
      },
    });
    await screen.findByLabelText('Personal instructions (optional)');
    await user.click(await screen.findByRole('button', { name: 'Restore them' }));
    await waitFor(() => expect(input('Personal instructions (optional)').value).toBe('Kept from before the lock.'));
    expect(input('Rationale agreed with the client').value).toBe('Our words.');
  });

  it('the edit assignment form', async () => {
    const client = aClient({ name: 'Zoë Martin' });
    const worksheet = aWorksheet(builtIn('exposure-practice-log'));
    const a = {
      ...anAssignment(client, worksheet),
      definition: worksheet.version.definition,
      clientName: client.name,
    };
    const { user } = renderRoute({
      path: '/assignments/:id/edit',
      url: `/assignments/${a.id}/edit`,
      element: <EditAssignmentPage />,
      handlers: { assignments: { get: () => a }, clients: { get: () => client } },
    });
    await user.type(await screen.findByLabelText('Personal instructions (optional)'), 'Before bed.');
    await asksBeforeLeaving(
      user,
      () => user.click(screen.getByRole('link', { name: 'Cancel' })),
      `/clients/${client.id}/assignments`,
    );
  });

  it('a goal: Cancel asks when something was typed; a past target date asks once', async () => {
    const client = aClient({ name: 'Zoë Martin' });
    const { user, core } = renderRoute({
      path: '/clients/:id',
      url: `/clients/${client.id}`,
      element: <GoalsSection client={client} />,
      handlers: {
        goals: { create: (i) => aGoal(client.id, { ...i.goal, description: null, targetDate: i.goal.targetDate ?? null }) },
      },
    });
    await user.click(screen.getByRole('button', { name: 'Add a goal' }));
    await user.type(input('Goal'), 'Sleep through');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(input('Goal').value).toBe('Sleep through');

    // A target date in the past: asked once; "Change the date" sends nothing.
    const past = addDays(today(), -30);
    await user.type(input('Target date (optional)'), past);
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    const question = await screen.findByRole('alertdialog', { name: PAST_TARGET_QUESTION });
    await user.click(within(question).getByRole('button', { name: 'Change the date' }));
    expect(core.inputs.goals.create).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: PAST_TARGET_QUESTION })).getByRole('button', { name: 'Save anyway' }),
    );
    await waitFor(() => expect(core.inputs.goals.create).toHaveLength(1));
    expect(core.inputs.goals.create[0]!.goal).toMatchObject({ title: 'Sleep through', targetDate: past });
  });

  it('a target date ten years and more ahead is refused at the field', async () => {
    const client = aClient({ name: 'Zoë Martin' });
    const { user, core } = renderRoute({
      path: '/clients/:id',
      url: `/clients/${client.id}`,
      element: <GoalsSection client={client} />,
      handlers: {},
    });
    await user.click(screen.getByRole('button', { name: 'Add a goal' }));
    await user.type(input('Goal'), 'Sleep through');
    await user.type(input('Target date (optional)'), addYears(today(), 11));
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(await screen.findByText('The target date is more than 10 years from today. Please check the year.')).toBeTruthy();
    expect(core.inputs.goals.create).toEqual([]);
  });
});

describe('limits: never a silent cut', () => {
  it('a paste of 30,000 characters is kept whole and saved whole', async () => {
    const { user, core } = newClient();
    await user.type(input('Name'), 'Ahmed Khan');
    const long = 'Worry about work. '.repeat(1667).slice(0, 30_000);
    await user.click(input('Presenting concerns (optional)'));
    await user.paste(long);
    expect(input('Presenting concerns (optional)').value).toHaveLength(30_000);
    // Well within the limit: no counter yet.
    expect(screen.queryByText(/of 50,000 characters/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    await waitFor(() => expect(core.inputs.clients.create).toHaveLength(1));
    expect(core.inputs.clients.create[0]!.presentingConcerns).toHaveLength(long.trim().length);
  });

  it('near the limit a counter shows; a paste past it stays whole, is marked, and the save is refused with a message', async () => {
    const { user, core } = newClient();
    await user.type(input('Name'), 'Ahmed Khan');
    const box = input('Presenting concerns (optional)');
    await user.click(box);
    await user.paste('a'.repeat(46_000));
    expect(screen.getByText('46,000 of 50,000 characters')).toBeTruthy();
    await user.paste('b'.repeat(4_012));
    expect(box.value).toHaveLength(50_012);
    expect(screen.getByText('12 characters too many (50,000 at most). Please shorten it; nothing has been cut.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    // The counter is the field's message (not a second "too long" under it); focus goes there.
    expect(await screen.findByText('Please check the field marked below.')).toBeTruthy();
    expect(screen.queryByText('Presenting concerns is too long (50,000 characters at most).')).toBeNull();
    expect(document.activeElement).toBe(box);
    expect(core.inputs.clients.create).toEqual([]);
    expect(box.value).toHaveLength(50_012);
  });

  it('a name takes a few hundred characters; past that, refused with a message', async () => {
    const { user, core } = newClient();
    await user.click(input('Name'));
    await user.paste('N'.repeat(TEXT_LIMITS.name + 1));
    expect(input('Name').value).toHaveLength(TEXT_LIMITS.name + 1);
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    expect(
      await screen.findByText(`1 character too many (${TEXT_LIMITS.name} at most). Please shorten it; nothing has been cut.`),
    ).toBeTruthy();
    expect(document.activeElement).toBe(input('Name'));
    expect(core.inputs.clients.create).toEqual([]);
  });
});

describe('dates that cannot be', () => {
  it('a birth in the future, a start years ahead: refused at their fields', async () => {
    const { user, core } = newClient();
    await user.type(input('Name'), 'Ahmed Khan');
    await user.clear(input('Start date'));
    await user.type(input('Start date'), addYears(today(), 6));
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    expect(await screen.findByText(/^The start date is more than three months from today/)).toBeTruthy();
    await user.clear(input('Start date'));
    await user.type(input('Start date'), today());
    await user.type(input('Date of birth (optional)'), addDays(today(), 1));
    expect(await screen.findByText('The date of birth is after the start date. Please check it.')).toBeTruthy();
    expect(core.inputs.clients.create).toEqual([]);
  });

  it('homework dates within a few years of today, every message of the assign form at once', async () => {
    const client = aClient({ name: 'Zoë Martin' });
    const worksheet = aWorksheet(builtIn('exposure-practice-log'));
    const { user, core } = renderRoute({
      path: '/clients/:id/assign',
      url: `/clients/${client.id}/assign?worksheet=${worksheet.worksheet.id}`,
      element: <AssignPage />,
      handlers: { clients: { get: () => client }, library: { get: () => worksheet } },
    });
    await screen.findByLabelText('Personal instructions (optional)');
    await user.clear(input('Number of times a week'));
    await user.clear(input('Start date'));
    await user.type(input('Start date'), '1900-01-01');
    await user.type(input('Due date (optional)'), '2199-12-31');
    await user.click(screen.getByRole('button', { name: 'Assign homework' }));
    expect(await screen.findByText('Enter how many times a week, from 1 to 14.')).toBeTruthy();
    expect(screen.getByText('The start date is more than 5 years from today. Please check the year.')).toBeTruthy();
    expect(screen.getByText('The due date is more than 5 years from today. Please check the year.')).toBeTruthy();
    expect(core.inputs.assignments.create).toEqual([]);
  });
});

describe('namesakes', () => {
  it('adding a client whose name (accents, case, spaces aside) and birth date match another asks first', async () => {
    const siobhan = aClient({ name: 'Siobhán Ní Bhriain', dateOfBirth: '1990-05-03', startDate: '2025-02-01' });
    const { user, core } = newClient([siobhan]);
    await user.type(input('Name'), 'siobhan  ni   bhriain');
    await user.type(input('Date of birth (optional)'), '1990-05-03');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    const ask = await screen.findByRole('alertdialog', { name: 'A client with this name already exists' });
    expect(ask.textContent).toContain(
      `born ${formatDate('1990-05-03', undefined, 'medium')} · started ${formatDate('2025-02-01', undefined, 'medium')}`,
    );
    await user.click(within(ask).getByRole('button', { name: 'Go back' }));
    expect(core.inputs.clients.create).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Add anyway' }));
    await waitFor(() => expect(core.inputs.clients.create).toHaveLength(1));
  });

  it('a different date of birth tells them apart: no question', async () => {
    const siobhan = aClient({ name: 'Siobhán Ní Bhriain', dateOfBirth: '1990-05-03' });
    const { user, core } = newClient([siobhan]);
    await user.type(input('Name'), 'Siobhán Ní Bhriain');
    await user.type(input('Date of birth (optional)'), '1991-05-03');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    await waitFor(() => expect(core.inputs.clients.create).toHaveLength(1));
  });
});

describe('messages follow the typing', () => {
  it('“Please enter the client’s name” goes as soon as the name is typed', async () => {
    const { user } = newClient();
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    expect(await screen.findByText('Please enter the client’s name.')).toBeTruthy();
    await user.type(input('Name'), 'A');
    await waitFor(() => expect(screen.queryByText('Please enter the client’s name.')).toBeNull());
    expect(screen.queryByText('Please check the field marked below.')).toBeNull();
  });
});
