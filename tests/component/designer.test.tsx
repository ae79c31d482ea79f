import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WorksheetDefinition } from '../../shared/worksheet';
import { DesignerNewPage } from '../../renderer/src/features/library/DesignerPage';
import { renderRoute, type Rendered } from './support/render';
import { aWorksheet } from './support/fixtures';

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;

function openDesigner(): Rendered {
  return renderRoute({
    path: '/library/new',
    url: '/library/new',
    element: <DesignerNewPage />,
    handlers: { library: { create: ({ definition }) => aWorksheet(definition) } },
  });
}

async function addPart({ user }: Rendered, kind: RegExp) {
  await user.click(screen.getByRole('button', { name: '+ Add a part' }));
  await user.click(screen.getByRole('button', { name: kind }));
}

/** Everything a worksheet needs besides its parts. */
async function fillAbout({ user }: Rendered) {
  await user.type(screen.getByLabelText('Title'), 'Morning check');
  await user.type(screen.getByLabelText('One-line summary'), 'Sleep and energy each morning.');
  await user.selectOptions(screen.getByLabelText('Category'), 'Sleep');
  await user.selectOptions(screen.getByLabelText('Approach'), 'CBT');
  await user.click(screen.getByLabelText('Skill practice'));
  await user.type(screen.getByLabelText('Why this helps'), 'Seeing the pattern helps.');
  await user.type(screen.getByLabelText('Step 1'), 'Fill it in after breakfast.');
}

describe('the worksheet designer', () => {
  it('a rating part: the scale editor shows the schema’s message for lowest ≥ highest, at the highest value, once edited', async () => {
    const r = openDesigner();
    const { user } = r;
    await screen.findByRole('heading', { name: 'New worksheet' });
    await addPart(r, /^Rating scale/);
    // Focus goes to the new part's label; nothing is marked before anything is edited.
    expect(document.activeElement?.id).toBe('wd-blocks-0-label');
    expect(screen.queryByText('Please enter a label.')).toBeNull();
    await user.keyboard('Energy when I got up');

    const part = byId('wd-blocks-0');
    const lowest = within(part).getByLabelText('Lowest');
    const highest = within(part).getByLabelText('Highest');
    expect([(lowest as HTMLInputElement).value, (highest as HTMLInputElement).value]).toEqual(['0', '10']);
    await user.clear(lowest);
    await user.type(lowest, '10');
    await waitFor(() =>
      expect(byId('wd-blocks-0-scale-max-error')?.textContent).toBe('A scale needs a highest value above its lowest value.'),
    );
    expect(highest.getAttribute('aria-invalid')).toBe('true');
    // Other fields were not edited yet: their messages wait for a save.
    expect(screen.queryByText('Please enter a title.')).toBeNull();

    // A preset replaces the scale; the message goes.
    await user.selectOptions(within(part).getByLabelText('Start from a common scale'), '0–100 in tens (distress, SUDS)');
    await waitFor(() => expect(byId('wd-blocks-0-scale-max-error')).toBeNull());
    expect((within(part).getByLabelText('Highest') as HTMLInputElement).value).toBe('100');
    expect((within(part).getByLabelText('Step') as HTMLInputElement).value).toBe('10');
    await user.clear(within(part).getByLabelText('Step'));
    await user.type(within(part).getByLabelText('Step'), '7');
    await waitFor(() =>
      expect(byId('wd-blocks-0-scale-step-error')?.textContent).toBe('The step must divide the range 0–100 evenly.'),
    );

    // Saving lists every problem, focuses the list, and each link takes the keyboard to its field.
    await user.click(screen.getAllByRole('button', { name: 'Save' })[0]!);
    const summary = await screen.findByRole('alert', { name: /things to fix before saving/ });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = within(summary)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toContain('Title: Please enter a title.');
    expect(links).toContain('Part 1 “Energy when I got up”, scale, step: The step must divide the range 0–100 evenly.');
    await user.click(within(summary).getByRole('link', { name: /scale, step/ }));
    expect(document.activeElement?.id).toBe('wd-blocks-0-scale-step');
    // Nothing saved to the library (the unsaved contents are kept as a draft in the vault).
    expect(r.core.calls.filter((c) => !c.channel.startsWith('drafts.'))).toEqual([]);
  });

  it('a table: columns added, moved with Alt+↓, given a kind; at most 8 columns, said at the columns', async () => {
    const r = openDesigner();
    const { user } = r;
    await screen.findByRole('heading', { name: 'New worksheet' });
    await addPart(r, /^Table/);
    await user.keyboard('Worries');
    const table = byId('wd-blocks-0');
    const headings = () =>
      within(table)
        .getAllByLabelText('Heading')
        .map((i) => (i as HTMLInputElement).value);
    expect(headings()).toEqual(['Column 1', 'Column 2', 'Column 3']);

    // Alt+↓ in the first column's heading moves the column; focus stays in its heading.
    await user.click(byId('wd-blocks-0-columns-0-label'));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(headings()).toEqual(['Column 2', 'Column 1', 'Column 3']);
    expect(document.activeElement?.id).toBe('wd-blocks-0-columns-1-label');
    expect(screen.getByRole('status').textContent).toBe('Column 1 moved down: now 2 of 3.');

    // A rating column gets a scale of its own.
    await user.selectOptions(within(table).getAllByLabelText('Kind')[0]!, 'Rating');
    expect(within(table).getByRole('group', { name: 'Scale of column 1' })).toBeTruthy();

    for (let i = 3; i < 9; i++) await user.click(within(table).getByRole('button', { name: 'Add a column' }));
    expect(headings()).toHaveLength(9);
    await waitFor(() =>
      expect(byId('wd-blocks-0-columns-error')?.textContent).toBe(
        'A table can have at most 8 columns, so that it prints readably. Split it into two tables.',
      ),
    );
    await user.click(within(table).getByRole('button', { name: 'Remove column 9' }));
    await waitFor(() => expect(byId('wd-blocks-0-columns-error')).toBeNull());
  });

  it('saves with Ctrl+S through the shared schema, and asks before leaving unsaved changes', async () => {
    const r = openDesigner();
    const { user, core } = r;
    await screen.findByRole('heading', { name: 'New worksheet' });
    await fillAbout(r);
    await addPart(r, /^Number/);
    await user.keyboard('Hours slept');

    // Leaving asks first; "Keep editing" keeps the edits.
    await user.click(screen.getAllByRole('link', { name: 'Cancel' })[0]!);
    const leave = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(leave).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Morning check');

    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await screen.findByText(/^At \/library\/[0-9a-f]{32}$/);
    const [input] = core.inputs.library.create as { definition: WorksheetDefinition }[];
    expect(input!.definition).toMatchObject({
      title: 'Morning check',
      category: 'sleep',
      approach: 'cbt',
      phases: ['skill-practice'],
      instructions: ['Fill it in after breakfast.'],
      suggestedFrequency: { kind: 'once' },
      blocks: [{ type: 'number', id: 'hours-slept', label: 'Hours slept' }],
    });
    expect(screen.getByTestId('location-state').textContent).toContain('“Morning check” is in your library now.');
    expect(core.problems).toEqual([]);
  });
});
