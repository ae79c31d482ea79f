import { afterEach, describe, expect, it } from 'vitest';
import { syncBuiltIns } from '../../electron/core/services/library';
import type { CoreContract, InputOf } from '../../shared/contract';
import { BUILT_IN_WORKSHEETS } from '../../shared/library';
import { LIMITS, worksheetDefinitionSchema, type WorksheetDefinitionInput } from '../../shared/worksheet';
import { PASSPHRASE, failure, unlockedCore, type TestCore } from '../support/vault';

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const NOW = new Date('2026-03-14T12:00:00Z');

function sleepLog(over: Partial<WorksheetDefinitionInput> = {}): WorksheetDefinitionInput {
  return {
    title: 'Evening wind-down log',
    summary: 'Track how you wind down before sleep.',
    category: 'sleep',
    approach: 'behavioural',
    phases: ['baseline'],
    rationale: 'Noticing patterns helps us choose what to change.',
    instructions: ['Each evening, fill in one row.'],
    suggestedFrequency: { kind: 'daily' },
    blocks: [
      {
        type: 'table',
        id: 'log',
        label: 'Wind-down log',
        rows: 7,
        columns: [
          { id: 'day', label: 'Day', kind: 'date' },
          { id: 'minutes', label: 'Minutes of screen time', kind: 'number' },
        ],
      },
    ],
    ...over,
  };
}

const count = (sql: string, ...params: unknown[]) => (t!.core.db.prepare(sql).get(...params) as { n: number }).n;
const list = (filter?: InputOf<CoreContract['library']['list']>) => t!.do.library.list(filter);

async function assignTo(worksheetId: string, clientId: string, worksheetVersionId?: string) {
  return t!.do.assignments.create({
    clientId,
    worksheetId,
    worksheetVersionId,
    frequency: { kind: 'daily' },
    startDate: '2026-03-14',
    phase: 'baseline',
  });
}

describe('built-in worksheets', () => {
  it('are all valid definitions with unique keys', () => {
    expect(BUILT_IN_WORKSHEETS.length).toBeGreaterThan(0);
    expect(new Set(BUILT_IN_WORKSHEETS.map((b) => b.key)).size).toBe(BUILT_IN_WORKSHEETS.length);
    for (const b of BUILT_IN_WORKSHEETS) {
      const r = worksheetDefinitionSchema.safeParse(b.definition);
      expect(r.success ? 'ok' : `${b.key}: ${r.error.issues[0]?.message}`).toBe('ok');
    }
  });

  it('are synced into a new vault, listed first in their own order, and not duplicated by lock and unlock', async () => {
    t = await unlockedCore({ now: () => NOW });
    const n = BUILT_IN_WORKSHEETS.length;
    expect(count('SELECT count(*) AS n FROM worksheet WHERE builtin_key IS NOT NULL')).toBe(n);
    expect(count('SELECT count(*) AS n FROM worksheet_version')).toBe(n);

    const mine = await t.do.library.create({ definition: sleepLog({ title: 'A sleep diary of my own' }) });
    const all = await list();
    expect(all.map((w) => w.builtInKey)).toEqual([...BUILT_IN_WORKSHEETS.map((b) => b.key), null]);
    expect(all.at(-1)!.id).toBe(mine.worksheet.id);
    for (const [i, b] of BUILT_IN_WORKSHEETS.entries()) {
      const def = worksheetDefinitionSchema.parse(b.definition);
      expect(all[i]).toMatchObject({
        builtIn: true,
        title: def.title,
        summary: def.summary,
        category: def.category,
        approach: def.approach,
        phases: def.phases,
        version: 1,
        blockCount: def.blocks.length,
        assignmentCount: 0,
        archived: false,
        derivedFromTitle: null,
      });
      const detail = await t.do.library.get({ id: all[i]!.id });
      expect(detail.version.definition).toEqual(def);
    }

    const before = t.core.db.prepare('SELECT * FROM worksheet_version ORDER BY id').all();
    for (let i = 0; i < 3; i++) {
      await t.do.vault.lock();
      await t.do.vault.unlock({ passphrase: PASSPHRASE });
    }
    expect(t.core.db.prepare('SELECT * FROM worksheet_version ORDER BY id').all()).toEqual(before);
    expect(count('SELECT count(*) AS n FROM worksheet')).toBe(n + 1);
  });

  it('gain a new version when the app brings a changed definition, and are never deleted', async () => {
    t = await unlockedCore({ now: () => NOW });
    const [first, second, ...rest] = BUILT_IN_WORKSHEETS;
    if (!first || !second) return;
    const client = await t.do.clients.create({ name: 'Anna Berg', startDate: '2026-01-01' });
    const firstId = (await list()).find((w) => w.builtInKey === first.key)!.id;
    await assignTo(firstId, client.id);

    const changed = { key: first.key, definition: { ...first.definition, summary: 'A clearer summary after an app update.' } };
    const added = { key: 'test-new-built-in', definition: sleepLog({ title: 'New in this release' }) };
    // The new app no longer ships `second`.
    const next = [changed, ...rest, added];
    syncBuiltIns(t.core, next);
    syncBuiltIns(t.core, next);

    const d = await t.do.library.get({ id: firstId });
    expect(d.worksheet).toMatchObject({ version: 2, summary: 'A clearer summary after an app update.', assignmentCount: 1 });
    expect(d.versions.map((v) => [v.version, v.assignmentCount])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const v1 = await t.do.library.get({ id: firstId, versionId: d.versions[1]!.id });
    expect(v1.version.definition).toEqual(worksheetDefinitionSchema.parse(first.definition));

    expect(count('SELECT count(*) AS n FROM worksheet WHERE builtin_key = ?', second.key)).toBe(1);
    expect(count('SELECT count(*) AS n FROM worksheet WHERE builtin_key = ?', 'test-new-built-in')).toBe(1);
    expect(count('SELECT count(*) AS n FROM worksheet_version')).toBe(BUILT_IN_WORKSHEETS.length + 2);
  });
});

describe('library', () => {
  it('creates a worksheet of the clinician’s own as version 1 and reads it back', async () => {
    t = await unlockedCore({ now: () => NOW });
    const d = await t.do.library.create({ definition: sleepLog() });
    expect(d.worksheet).toMatchObject({
      builtInKey: null,
      builtIn: false,
      title: 'Evening wind-down log',
      category: 'sleep',
      approach: 'behavioural',
      phases: ['baseline'],
      version: 1,
      versionId: d.version.id,
      blockCount: 1,
      assignmentCount: 0,
      archived: false,
      derivedFromTitle: null,
      updatedAt: NOW.toISOString(),
    });
    // Stored with the schema's defaults filled in.
    expect(d.version.definition).toEqual(worksheetDefinitionSchema.parse(sleepLog()));
    expect(d.version).toMatchObject({ worksheetId: d.worksheet.id, version: 1, createdAt: NOW.toISOString() });
    expect(d.versions).toEqual([{ id: d.version.id, version: 1, createdAt: NOW.toISOString(), assignmentCount: 0 }]);
    expect(await t.do.library.get({ id: d.worksheet.id })).toEqual(d);
  });

  it('refuses a definition that would not print, with the schema’s own message and field', async () => {
    t = await unlockedCore();
    const before = count('SELECT count(*) AS n FROM worksheet');
    const nine = Array.from({ length: 9 }, (_, i) => ({ id: `c${i}`, label: `Column ${i + 1}`, kind: 'text' }));
    const wide = sleepLog({ blocks: [{ type: 'table', id: 'log', label: 'Log', rows: 5, columns: nine as never }] });
    const message = `A table can have at most ${LIMITS.tableColumns} columns, so that it prints readably. Split it into two tables.`;
    expect(await failure(t!.api.library.create({ definition: wide }))).toEqual({
      code: 'VALIDATION',
      message,
      fields: { 'definition.blocks.0.columns': message },
    });
    expect(await failure(t!.api.library.create({ definition: sleepLog({ title: ' ' }) }))).toMatchObject({
      code: 'VALIDATION',
      message: 'Please enter a title.',
      fields: { 'definition.title': 'Please enter a title.' },
    });
    expect(await failure(t!.api.library.create({ definition: sleepLog({ phases: [] }) }))).toMatchObject({
      code: 'VALIDATION',
      fields: { 'definition.phases': 'Choose at least one phase of therapy this worksheet suits.' },
    });
    expect(count('SELECT count(*) AS n FROM worksheet')).toBe(before);
  });

  it('filters by words (without accents or case), category, approach, phase and archived state', async () => {
    t = await unlockedCore();
    const cafe = await t.do.library.create({
      definition: sleepLog({
        title: 'Café exposé practice',
        summary: 'Sitting in a busy café.',
        category: 'exposure',
        approach: 'exposure',
        phases: ['skill-practice'],
      }),
    });
    const sleep = await t.do.library.create({ definition: sleepLog() });
    const relapse = await t.do.library.create({
      definition: sleepLog({
        title: 'Keeping well plan',
        summary: 'Warning signs and what helps, café included.',
        phases: ['relapse-prevention'],
      }),
    });
    const own = async (filter?: InputOf<CoreContract['library']['list']>) =>
      (await list(filter)).filter((w) => !w.builtIn).map((w) => w.id);

    expect(await own()).toEqual([cafe.worksheet.id, sleep.worksheet.id, relapse.worksheet.id]);
    expect(await own({ search: 'CAFE EXPOSE' })).toEqual([cafe.worksheet.id]);
    expect(await own({ search: 'cafe' })).toEqual([cafe.worksheet.id, relapse.worksheet.id]); // title or summary
    expect(await own({ search: 'wind down' })).toEqual([sleep.worksheet.id]);
    expect(await own({ category: 'exposure' })).toEqual([cafe.worksheet.id]);
    expect(await own({ approach: 'behavioural' })).toEqual([sleep.worksheet.id, relapse.worksheet.id]);
    expect(await own({ phase: 'relapse-prevention' })).toEqual([relapse.worksheet.id]);
    expect(await own({ category: 'sleep', phase: 'baseline' })).toEqual([sleep.worksheet.id]);

    for (const w of await list({ category: 'thoughts' })) expect(w.category).toBe('thoughts');
    for (const w of await list({ phase: 'baseline' })) expect(w.phases).toContain('baseline');

    const archived = await t.do.library.archive({ id: sleep.worksheet.id });
    expect(archived.archived).toBe(true);
    expect(await own()).toEqual([cafe.worksheet.id, relapse.worksheet.id]);
    expect(await own({ includeArchived: true })).toEqual([cafe.worksheet.id, sleep.worksheet.id, relapse.worksheet.id]);
    expect(await failure(t!.api.library.archive({ id: sleep.worksheet.id }))).toEqual({
      code: 'CONFLICT',
      message: 'This worksheet is already archived.',
    });
    expect((await t.do.library.restore({ id: sleep.worksheet.id })).archived).toBe(false);
    expect((await failure(t!.api.library.restore({ id: sleep.worksheet.id }))).code).toBe('CONFLICT');

    // @ts-expect-error -- deliberately not a category
    expect(await failure(t!.api.library.list({ category: 'astrology' }))).toMatchObject({
      code: 'VALIDATION',
      fields: { category: expect.any(String) },
    });
  });

  it('archives and restores a built-in to hide it from the library', async () => {
    t = await unlockedCore();
    const first = (await list())[0]!;
    await t.do.library.archive({ id: first.id });
    expect((await list()).map((w) => w.id)).not.toContain(first.id);
    expect((await list({ includeArchived: true }))[0]!.id).toBe(first.id);
    await t.do.library.restore({ id: first.id });
    expect((await list())[0]!.id).toBe(first.id);
    const actions = t.core.db.prepare(`SELECT action FROM audit_event WHERE entity_id = ? ORDER BY id`).all(first.id);
    expect(actions).toEqual([{ action: 'created' }, { action: 'archived' }, { action: 'restored' }]);
  });

  it('duplicates any worksheet as the clinician’s own, keeping the title within the limit', async () => {
    t = await unlockedCore();
    const builtIn = (await list())[0]!;
    const source = await t.do.library.get({ id: builtIn.id });
    const copy = await t.do.library.duplicate({ id: builtIn.id });
    expect(copy.worksheet).toMatchObject({
      builtIn: false,
      builtInKey: null,
      title:
        `${builtIn.title} (copy)`.length <= LIMITS.titleLength ? `${builtIn.title} (copy)` : expect.stringMatching(/ \(copy\)$/),
      version: 1,
      derivedFromTitle: builtIn.title,
      assignmentCount: 0,
    });
    expect(copy.worksheet.id).not.toBe(builtIn.id);
    expect(copy.version.definition).toEqual({ ...source.version.definition, title: copy.worksheet.title });

    // 72 letters, a space, 7 letters: the copy's title is cut at the space, not left dangling.
    const longTitle = `${'a'.repeat(72)} ${'b'.repeat(7)}`;
    const long = await t.do.library.create({ definition: sleepLog({ title: longTitle }) });
    expect(long.worksheet.title).toHaveLength(LIMITS.titleLength);
    const longCopy = await t.do.library.duplicate({ id: long.worksheet.id });
    expect(longCopy.worksheet.title).toBe(`${'a'.repeat(72)} (copy)`);
    // A copy of a copy.
    const again = await t.do.library.duplicate({ id: longCopy.worksheet.id });
    expect(again.worksheet.derivedFromTitle).toBe(longCopy.worksheet.title);
    expect(again.worksheet.title.length).toBeLessThanOrEqual(LIMITS.titleLength);

    // The copy can be changed; the built-in cannot.
    const edited = await t.do.library.update({
      id: copy.worksheet.id,
      baseVersion: 1,
      definition: { ...copy.version.definition, title: 'My version' },
    });
    expect(edited.worksheet).toMatchObject({ title: 'My version', version: 2 });
    expect(
      await failure(t!.api.library.update({ id: builtIn.id, baseVersion: 1, definition: source.version.definition })),
    ).toEqual({
      code: 'CONFLICT',
      message: 'Built-in worksheets cannot be changed. Duplicate it to make your own version.',
    });
    expect((await failure(t!.api.library.duplicate({ id: 'b'.repeat(32) }))).code).toBe('NOT_FOUND');
  });

  it('saves edits as new immutable versions; assignments keep theirs; stale saves are refused', async () => {
    let now = NOW;
    t = await unlockedCore({ now: () => now });
    const client = await t.do.clients.create({ name: 'Anna Berg', startDate: '2026-01-01' });
    const v1 = await t.do.library.create({ definition: sleepLog() });
    const id = v1.worksheet.id;
    const a = await assignTo(id, client.id);
    const storedV1 = t.core.db.prepare('SELECT * FROM worksheet_version WHERE id = ?').get(v1.version.id);

    // Saving the same thing again makes no new version.
    const same = await t.do.library.update({ id, baseVersion: 1, definition: sleepLog() });
    expect(same.worksheet.version).toBe(1);
    expect(same.versions).toHaveLength(1);

    now = new Date('2026-03-15T09:00:00Z');
    const v2 = await t.do.library.update({
      id,
      baseVersion: 1,
      definition: sleepLog({
        title: 'Evening wind-down diary',
        blocks: [{ type: 'longText', id: 'notes', label: 'What helped?' }],
      }),
    });
    expect(v2.worksheet).toMatchObject({
      title: 'Evening wind-down diary',
      version: 2,
      assignmentCount: 1,
      updatedAt: now.toISOString(),
    });
    expect(v2.version).toMatchObject({ version: 2, createdAt: now.toISOString() });
    expect(v2.version.definition.blocks[0]).toEqual({ type: 'longText', id: 'notes', label: 'What helped?', lines: 5 });
    expect(v2.versions.map((v) => ({ version: v.version, n: v.assignmentCount }))).toEqual([
      { version: 2, n: 0 },
      { version: 1, n: 1 },
    ]);
    expect(t.core.db.prepare('SELECT * FROM worksheet_version WHERE id = ?').get(v1.version.id)).toEqual(storedV1);

    const assignment = await t.do.assignments.get({ id: a.id });
    expect(assignment).toMatchObject({ worksheetVersion: 1, newerVersionAvailable: true, title: 'Evening wind-down log' });

    // Someone still looking at version 1 tries to save.
    expect(await failure(t!.api.library.update({ id, baseVersion: 1, definition: sleepLog({ title: 'Overwrite' }) }))).toEqual({
      code: 'CONFLICT',
      message:
        'This worksheet was changed elsewhere since you opened it. Your changes were not saved: reopen the worksheet to see the latest version, then make your changes again.',
    });
    expect(await failure(t!.api.library.update({ id, baseVersion: 3, definition: sleepLog() }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure(t!.api.library.update({ id, baseVersion: 0, definition: sleepLog() }))).toMatchObject({
      code: 'VALIDATION',
    });

    const old = await t.do.library.get({ id, versionId: v1.version.id });
    expect(old.version).toMatchObject({ version: 1, definition: { title: 'Evening wind-down log' } });
    expect(old.worksheet.version).toBe(2);

    const other = await t.do.library.create({ definition: sleepLog({ title: 'Other' }) });
    expect(await failure(t!.api.library.get({ id, versionId: other.version.id }))).toEqual({
      code: 'NOT_FOUND',
      message: 'That version of the worksheet could not be found.',
    });
    expect(await failure(t!.api.library.get({ id: 'c'.repeat(32) }))).toEqual({
      code: 'NOT_FOUND',
      message: 'That worksheet could not be found.',
    });
    expect(await failure(t!.api.library.update({ id: 'c'.repeat(32), baseVersion: 1, definition: sleepLog() }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('saves nothing when a multi-step write fails halfway', async () => {
    t = await unlockedCore();
    const worksheets = count('SELECT count(*) AS n FROM worksheet');
    const events = count('SELECT count(*) AS n FROM audit_event');
    // The worksheet row goes in first; its version then fails.
    t.core.db.exec(
      `CREATE TRIGGER fail_version BEFORE INSERT ON worksheet_version BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
    );
    const r = await t.api.library.create({ definition: sleepLog() });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(count('SELECT count(*) AS n FROM worksheet')).toBe(worksheets);
    expect(count('SELECT count(*) AS n FROM audit_event')).toBe(events);
    expect(t.logs.join('\n')).not.toContain('simulated failure');
  });
});
