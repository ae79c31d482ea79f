import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { EditClientPage, NewClientPage } from '../../renderer/src/features/clients/ClientForm';
import { renderRoute } from './support/render';
import { aClient, asClient } from './support/fixtures';

describe('the client form', () => {
  it('checks with the shared schema before saving: messages at the fields, focus on the first, nothing sent', async () => {
    const made = aClient({ name: 'Ahmed Khan' });
    const { user, core } = renderRoute({
      path: '/clients/new',
      url: '/clients/new',
      element: <NewClientPage />,
      handlers: { clients: { create: (input) => ({ ...asClient(made), ...input }), list: () => [] } },
    });
    const name = screen.getByLabelText('Name');
    expect(document.activeElement).toBe(name);

    await user.click(screen.getByRole('button', { name: 'Add client' }));
    expect(await screen.findByText('Please enter the client’s name.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Please check the field marked below.');
    expect(core.inputs.clients.create).toEqual([]);

    // A date of birth after the start date: the schema's own cross-field rule, at the date of birth.
    await user.type(name, 'Ahmed Khan');
    await user.clear(screen.getByLabelText('Start date'));
    await user.type(screen.getByLabelText('Start date'), '2026-01-05');
    await user.type(screen.getByLabelText('Date of birth (optional)'), '2027-01-01');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    expect(await screen.findByText('The date of birth is after the start date. Please check it.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Date of birth (optional)'));
    expect(core.inputs.clients.create).toEqual([]);

    await user.clear(screen.getByLabelText('Date of birth (optional)'));
    await user.type(screen.getByLabelText('Pronouns (optional)'), '  he/him ');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    expect(await screen.findByText(`At /clients/${made.id}`)).toBeTruthy();
    expect(core.inputs.clients.create).toEqual([
      {
        name: 'Ahmed Khan',
        preferredName: null,
        dateOfBirth: null,
        pronouns: 'he/him',
        preferredLanguage: null,
        presentingConcerns: null,
        startDate: '2026-01-05',
      },
    ]);
    expect(core.problems).toEqual([]);
  });

  it('shows what the core refuses: its per-field message at the field, its other messages above the form', async () => {
    const c = aClient({ name: 'Zoë Martin', pronouns: 'she/her' });
    let refusal = new AppError('VALIDATION', 'Pronouns are not allowed here.', {
      'client.pronouns': 'Pronouns are not allowed here.',
    });
    const { user, core } = renderRoute({
      path: '/clients/:id/edit',
      url: `/clients/${c.id}/edit`,
      element: <EditClientPage />,
      handlers: {
        clients: {
          get: () => c,
          update: () => {
            throw refusal;
          },
        },
      },
    });
    await screen.findByRole('heading', { name: 'Edit Zoë Martin' });
    expect((screen.getByLabelText('Pronouns (optional)') as HTMLInputElement).value).toBe('she/her');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Pronouns are not allowed here.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Pronouns (optional)'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Please check the field marked below.');

    refusal = new AppError('NOT_FOUND', 'This client no longer exists.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('This client no longer exists.'),
    );
    expect(core.inputs.clients.update).toHaveLength(2);
  });
});
