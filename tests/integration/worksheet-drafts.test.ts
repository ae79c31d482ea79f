import { afterEach, describe, expect, it } from 'vitest';
import { ERASURE } from '../../electron/core/services/erasure';
import type { z } from 'zod';
import type { WorksheetDefinitionInput, worksheetDraftDefinitionSchema } from '../../shared/worksheet';
import { failure, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const complete: WorksheetDefinitionInput = {
  title: 'Evening wind-down log',
  summary: 'Track how you wind down before sleep.',
  category: 'sleep',
  approach: 'behavioural',
  phases: ['baseline'],
  rationale: 'Noticing patterns helps us choose what to change.',
  instructions: ['Each evening, fill in one row.'],
  suggestedFrequency: { kind: 'daily' },
  blocks: [{ type: 'rating', id: 'calm', label: 'How calm', scale: { min: 0, max: 10, step: 1, anchors: [] } }],
};

/** What a therapist has typed after a few minutes: a title, half a rationale, a scale not right yet. */
const incomplete: z.input<typeof worksheetDraftDefinitionSchema> = {
  title: 'Evening wind-down log',
  summary: '',
  category: '',
  approach: null,
  phases: [],
  rationale: 'Noticing patterns helps',
  instructions: [''],
  suggestedFrequency: { kind: 'daily', times: null },
  blocks: [{ type: 'rating', id: 'calm', label: 'How calm', scale: { min: 10, max: 0, step: 0, anchors: [] } }],
};

const assign = (worksheetId: string, clientId: string) =>
  t!.api.assignments.create({ clientId, worksheetId, frequency: { kind: 'daily' }, startDate: '2026-03-14', phase: 'baseline' });

const count = (q: string, ...params: unknown[]) => (t!.core.db.prepare(q).get(...params) as { n: number }).n;

describe('worksheets saved as drafts (issue 11)', () => {
  it('keeps an incomplete worksheet as typed, lists what it still needs, and refuses to assign it until it is saved', async () => {
    t = await unlockedCore();
    const client = await t.do.clients.create({ name: 'Anna Berg', startDate: '2026-01-01' });
    const draft = await t.do.library.saveDraft({ definition: incomplete });
    expect(draft).toMatchObject({ worksheetId: null, baseVersion: null, title: 'Evening wind-down log', ready: false });
    expect(draft.definition.rationale).toBe('Noticing patterns helps');
    expect(draft.definition.blocks[0]!.scale).toEqual({ min: 10, max: 0, step: 0, anchors: [] });
    expect(draft.missing).toEqual(
      expect.arrayContaining([
        'One-line summary: Please enter a one-line summary.',
        'Category: Please choose a category.',
        'Approach: Please choose an approach.',
        'Phases of therapy: Choose at least one phase of therapy this worksheet suits.',
        'What to do, step 1: Please enter an instruction step.',
        'Part 1 “How calm”, scale, step: The step of a scale must be at least 1.',
      ]),
    );
    // Not a worksheet in the library, and not assignable: the refusal says what is missing.
    expect((await t.do.library.list()).some((w) => w.id === draft.id)).toBe(false);
    const refused = await failure(assign(draft.id, client.id));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('“Evening wind-down log” is still a draft, so it cannot be assigned yet.');
    expect(refused.message).toContain('Category: Please choose a category');
    expect(count('SELECT count(*) AS n FROM assignment')).toBe(0);

    // Changed in place; listed with what it still needs.
    const again = await t.do.library.saveDraft({ id: draft.id, definition: { ...incomplete, category: 'sleep' } });
    expect(again.id).toBe(draft.id);
    expect(again.missing).not.toContain('Category: Please choose a category.');
    expect((await t.do.library.drafts()).map((d) => [d.id, d.ready])).toEqual([[draft.id, false]]);

    // Saved as a worksheet: it keeps its id, the draft is gone, and it can be assigned.
    const saved = await t.do.library.publishDraft({ id: draft.id, definition: complete });
    expect(saved.worksheet).toMatchObject({ id: draft.id, version: 1, title: 'Evening wind-down log' });
    expect(await t.do.library.drafts()).toEqual([]);
    const a = await assign(draft.id, client.id);
    expect(a.ok).toBe(true);
  });

  it('refuses an incomplete definition as a worksheet, and text past a limit even as a draft (nothing is cut)', async () => {
    t = await unlockedCore();
    const draft = await t.do.library.saveDraft({ definition: incomplete });
    const notComplete = await failure(
      t.api.library.publishDraft({ id: draft.id, definition: { ...complete, summary: '' } as WorksheetDefinitionInput }),
    );
    expect(notComplete.code).toBe('VALIDATION');
    expect(count('SELECT count(*) AS n FROM worksheet_draft')).toBe(1);
    const long = await failure(t.api.library.saveDraft({ id: draft.id, definition: { ...incomplete, title: 'x'.repeat(81) } }));
    expect(long.code).toBe('VALIDATION');
    expect(long.message).toContain('80 characters at most');
    expect((await t.do.library.getDraft({ id: draft.id })).definition.title).toBe('Evening wind-down log');
  });

  it('keeps changes to a saved worksheet as a draft while its saved version stays assignable', async () => {
    t = await unlockedCore();
    const client = await t.do.clients.create({ name: 'Anna Berg', startDate: '2026-01-01' });
    const ws = await t.do.library.create({ definition: complete });
    const changes = await t.do.library.saveDraft({
      worksheetId: ws.worksheet.id,
      baseVersion: 1,
      definition: { ...incomplete, title: 'Evening wind-down log (longer)' },
    });
    expect(changes).toMatchObject({ worksheetId: ws.worksheet.id, baseVersion: 1, ready: false });
    // One draft per worksheet: saving changes again replaces it.
    const same = await t.do.library.saveDraft({ worksheetId: ws.worksheet.id, baseVersion: 1, definition: incomplete });
    expect(same.id).toBe(changes.id);
    expect((await t.do.library.get({ id: ws.worksheet.id })).worksheet.version).toBe(1);
    expect((await assign(ws.worksheet.id, client.id)).ok).toBe(true);

    // Saved elsewhere in between: the draft's changes are refused rather than overwriting.
    await t.do.library.update({ id: ws.worksheet.id, baseVersion: 1, definition: { ...complete, summary: 'Changed.' } });
    expect((await failure(t.api.library.publishDraft({ id: changes.id, definition: complete }))).code).toBe('CONFLICT');
    await t.do.library.saveDraft({ worksheetId: ws.worksheet.id, baseVersion: 2, definition: incomplete });
    const v3 = await t.do.library.publishDraft({ id: changes.id, definition: { ...complete, title: 'Wind-down log' } });
    expect(v3.worksheet).toMatchObject({ id: ws.worksheet.id, version: 3, title: 'Wind-down log' });
    expect(await t.do.library.drafts()).toEqual([]);
  });

  it('refuses changes as a draft to a built-in worksheet', async () => {
    t = await unlockedCore();
    const builtIn = (await t.do.library.list()).find((w) => w.builtIn)!;
    const r = await failure(
      t.api.library.saveDraft({ worksheetId: builtIn.id, baseVersion: builtIn.version, definition: incomplete }),
    );
    expect(r.code).toBe('CONFLICT');
  });

  it('audits drafts without their content, exports them with the vault, and leaves them on erasure', async () => {
    t = await unlockedCore();
    const client = await t.do.clients.create({ name: 'Anna Berg', startDate: '2026-01-01' });
    const draft = await t.do.library.saveDraft({ definition: incomplete });
    await t.do.library.saveDraft({ id: draft.id, definition: incomplete });
    const other = await t.do.library.saveDraft({ definition: { title: 'To throw away' } });
    expect(await t.do.library.discardDraft({ id: other.id })).toEqual({ discarded: true });
    expect(await t.do.library.discardDraft({ id: other.id })).toEqual({ discarded: false });

    const events = (await t.do.audit.list({})).filter((e) => e.entity === 'worksheet_draft');
    expect(events.map((e) => [e.action, e.entityId])).toEqual(
      expect.arrayContaining([
        ['created', draft.id],
        ['changed', draft.id],
        ['created', other.id],
        ['deleted', other.id],
      ]),
    );
    const trail = JSON.stringify(t.core.db.prepare('SELECT * FROM audit_event').all());
    expect(trail).not.toContain('wind-down');
    expect(trail).not.toContain('Noticing');

    const vault = JSON.parse((await t.do.export.build({ format: 'json' })).files[0]!.text);
    expect(vault.worksheetDrafts).toEqual([expect.objectContaining({ id: draft.id, worksheetId: null })]);
    expect(vault.worksheetDrafts[0].definition.rationale).toBe('Noticing patterns helps');
    const one = JSON.parse((await t.do.export.build({ clientId: client.id, format: 'json' })).files[0]!.text);
    expect(one.worksheetDrafts).toBeUndefined();

    expect(ERASURE.worksheet_draft.erase).toBe(false);
    await t.do.clients.archive({ id: client.id });
    await t.do.clients.delete({ id: client.id });
    expect(count('SELECT count(*) AS n FROM worksheet_draft')).toBe(1);
  });
});
