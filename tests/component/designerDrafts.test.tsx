import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InputOf, CoreContract, WorksheetDraft } from '../../shared/contract';
import { checkDraft, problemLine, worksheetDraftDefinitionSchema } from '../../shared/worksheet';
import { DesignerDraftPage, DesignerNewPage } from '../../renderer/src/features/library/DesignerPage';
import { renderRoute } from './support/render';

type SaveDraftInput = InputOf<CoreContract['library']['saveDraft']>;

/** What the core answers for a draft: its contents, and what the worksheet schema still asks. */
function aDraft(id: string, input: unknown): WorksheetDraft {
  const definition = worksheetDraftDefinitionSchema.parse(input);
  const { problems } = checkDraft(definition);
  return {
    id,
    worksheetId: null,
    baseVersion: null,
    title: definition.title,
    category: definition.category || null,
    missing: problems.map(problemLine),
    ready: problems.length === 0,
    createdAt: '2026-03-14T12:00:00.000Z',
    updatedAt: '2026-03-14T12:00:00.000Z',
    definition,
  };
}

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('the designer’s drafts (issue 11)', () => {
  it('saves an incomplete worksheet as a draft, as typed (an emptied number included), and opens it as a draft', async () => {
    const saved: SaveDraftInput[] = [];
    const r = renderRoute({
      path: '/library/new',
      url: '/library/new',
      element: <DesignerNewPage />,
      handlers: {
        library: {
          saveDraft: (input) => {
            saved.push(input);
            return aDraft('d'.repeat(32), input.definition);
          },
        },
      },
    });
    const { user } = r;
    await screen.findByRole('heading', { name: 'New worksheet' });
    await user.type(screen.getByLabelText('Title'), 'Morning check');
    await user.click(screen.getByRole('button', { name: '+ Add a part' }));
    await user.click(screen.getByRole('button', { name: /^Rating scale/ }));
    await user.keyboard('Energy');
    const part = byId('wd-blocks-0');
    await user.clear(within(part).getByLabelText('Step'));

    await user.click(screen.getAllByRole('button', { name: 'Save as draft' })[0]!);
    await screen.findByText(`At /library/drafts/${'d'.repeat(32)}`);
    expect(saved).toHaveLength(1);
    const def = saved[0]!.definition;
    expect(saved[0]!.id).toBeUndefined();
    expect(def.title).toBe('Morning check');
    expect(def.blocks?.[0]).toMatchObject({ type: 'rating', label: 'Energy', scale: { min: 0, max: 10, step: null } });
  });

  it('opens a draft with everything still to do listed at once, the scale’s message at its field and a placeholder in the preview', async () => {
    const id = 'e'.repeat(32);
    const draft = aDraft(id, {
      title: 'Morning check',
      blocks: [{ type: 'rating', id: 'energy', label: 'Energy', scale: { min: 10, max: 0, step: 1, anchors: [] } }],
    });
    const published: unknown[] = [];
    const r = renderRoute({
      path: '/library/drafts/:id',
      url: `/library/drafts/${id}`,
      element: <DesignerDraftPage />,
      handlers: {
        library: {
          getDraft: () => draft,
          publishDraft: (input) => {
            published.push(input);
            throw new Error('not reached');
          },
        },
      },
    });
    const { user } = r;
    await screen.findByRole('heading', { name: 'Draft: Morning check', level: 1 });
    const todo = await screen.findByRole('region', { name: /things to do before it can be assigned/ });
    const lines = within(todo)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(lines).toEqual(
      expect.arrayContaining([
        'One-line summary: Please enter a one-line summary.',
        'Category: Please choose a category.',
        'Part 1 “Energy”, scale, highest value: A scale needs a highest value above its lowest value.',
      ]),
    );
    // The field shows its message without being edited first; the preview shows a placeholder, not a scale.
    await waitFor(() =>
      expect(byId('wd-blocks-0-scale-max-error')?.textContent).toBe('A scale needs a highest value above its lowest value.'),
    );
    const preview = screen.getByRole('complementary', { name: 'Preview' });
    await within(preview).findByText(/The scale cannot be shown yet\./);
    expect(preview.querySelector('.wsp-scale')).toBeNull();
    expect(within(preview).queryByText(/Circle a number/)).toBeNull();

    // Save (Ctrl+S) refuses while something is missing: the core is not asked; the list becomes the alert.
    await user.keyboard('{Control>}s{/Control}');
    const alert = await screen.findByRole('alert', { name: /things to fix before saving/ });
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(published).toEqual([]);
  });
});
