import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain';
import { EVERY_BLOCK } from '../support/pdf';
import { fillWithPypdf } from '../support/pypdf';
import { PASSPHRASE, failure, tempDir, unlockedCore, type TestCore } from '../support/vault';

/**
 * Filled PDFs back in: a fillable worksheet printed by Stepwise, filled by a tool that is not ours
 * (Debian's python3-pypdf, through tests/support/pypdf-fill.py), then previewed and saved as
 * practice records.
 */

let t: TestCore | undefined;
const dirs: { cleanup: () => void }[] = [];
afterEach(() => {
  t?.cleanup();
  t = undefined;
  for (const d of dirs.splice(0)) d.cleanup();
});

const NOW = new Date('2026-03-14T12:00:00Z');
const START = '2026-03-08';
/** Fills `pdf` with pypdf; returns the filled file's bytes. */
const pypdfFill = (pdf: Uint8Array, values: Record<string, string | true>) => fillWithPypdf(pdf, values, dirs);

async function assign(core: TestCore, clientName: string): Promise<Assignment> {
  const client = await core.do.clients.create({ name: clientName, startDate: '2026-01-10' });
  const ws = await core.do.library.create({ definition: EVERY_BLOCK });
  return core.do.assignments.create({
    clientId: client.id,
    worksheetId: ws.worksheet.id,
    frequency: { kind: 'daily' },
    startDate: START,
    phase: 'skill-practice',
  });
}

const fillable = async (core: TestCore, a: Assignment) =>
  (await core.do.print.assignment({ assignmentId: a.id, fillable: true, options: {} })).bytes;

const FILLED = {
  'sw.situation': 'At the bus stop, alone',
  'sw.reflection': 'Heart racing',
  'sw.mood': '7',
  'sw.practice-minutes': '25',
  'sw.strategies.o1': true,
  'sw.strategies.o5': true,
  'sw.overall.o3': true,
  'sw.thoughts.r1.thought': 'I will faint',
  'sw.thoughts.r1.feeling': '80',
  'sw.week.d1.walked': true,
  'sw.week.d1.mood': '3',
  'sw.week.d3.steps': '5.5',
  'sw.ladder.s1.step': 'Stand at the stop',
  'sw.ladder.s1.rating': '30',
} as const;

describe('filled PDFs back in', () => {
  it('previews a pypdf-filled worksheet as one record per filled day, labels beside values, then saves it once', async () => {
    t = await unlockedCore({ now: () => NOW });
    const a = await assign(t, 'Zoë Łukasiewicz');
    const bytes = pypdfFill(await fillable(t, a), FILLED);

    const preview = await t.do.imports.previewPdf({ bytes, clientId: a.clientId });
    expect(preview).toMatchObject({
      clientId: a.clientId,
      clientName: 'Zoë Łukasiewicz',
      assignmentId: a.id,
      title: EVERY_BLOCK.title,
      alreadyImported: false,
      empty: false,
    });
    // Day 1 and day 3 of the grid (start + index); the other answers go with the last filled day.
    expect(preview.records.map((r) => r.practicedOn)).toEqual(['2026-03-08', '2026-03-10']);
    expect(preview.records[0]!.fields).toEqual([
      { label: 'Went for a walk', value: 'Yes' },
      { label: 'Mood', value: '3' },
    ]);
    expect(preview.records[1]!.fields).toEqual(
      expect.arrayContaining([
        { label: 'Where were you, and who was with you?', value: 'At the bus stop, alone' },
        { label: 'Mood today', value: '7' },
        { label: 'Time spent practising', value: '25 min' },
        { label: 'Which strategies did you use?', value: 'Slow breathing, Writing it down' },
        { label: 'Overall, the practice was', value: 'Harder than expected' },
        { label: 'Thought record: Automatic thought', value: 'I will faint' },
        { label: 'Steps walked', value: '5.5 thousand' },
        { label: 'My exposure ladder, step 1', value: 'Stand at the stop — 30' },
      ]),
    );
    expect(await t.do.practice.list({ clientId: a.clientId })).toEqual([]);

    const { records } = await t.do.imports.savePdf({ bytes, clientId: a.clientId });
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.source === 'pdf')).toBe(true);
    expect(records[1]!.answers).toMatchObject({
      mood: 7,
      strategies: ['Slow breathing', 'Writing it down'],
      week: [{ steps: 5.5 }],
    });
    expect(records[0]!.answers).toEqual({ week: [{ walked: true, mood: 3 }] });
    const rows = t.core.db
      .prepare(
        'SELECT p.pdf_import_id AS imp, i.file_sha256 AS sha, i.records AS n FROM practice_record p JOIN pdf_import i ON i.id = p.pdf_import_id',
      )
      .all() as { sha: string; n: number }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.sha).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.n).toBe(2);

    // The same file twice: recognised, and not saved again.
    expect((await t.do.imports.previewPdf({ bytes })).alreadyImported).toBe(true);
    const again = await failure(t.api.imports.savePdf({ bytes }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/imported before/);
    expect(await t.do.practice.list({ clientId: a.clientId })).toHaveLength(2);
    const events = await t.do.audit.list({ limit: 10 });
    expect(events.some((e) => e.action === 'imported' && e.entity === 'pdf_import')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('bus stop');
  });

  it('dates a worksheet without a filled grid by practicedOn (default today)', async () => {
    t = await unlockedCore({ now: () => NOW });
    const a = await assign(t, 'Øyvind Ødegård');
    const bytes = pypdfFill(await fillable(t, a), { 'sw.mood': '4' });
    expect((await t.do.imports.previewPdf({ bytes })).records).toEqual([
      { practicedOn: '2026-03-14', fields: [{ label: 'Mood today', value: '4' }] },
    ]);
    const { records } = await t.do.imports.savePdf({ bytes, practicedOn: '2026-03-12' });
    expect(records.map((r) => r.practicedOn)).toEqual(['2026-03-12']);
  });

  it('refuses another client’s PDF, another vault’s, a damaged one, and never quotes the answers', async () => {
    t = await unlockedCore({ now: () => NOW });
    const mine = await assign(t, 'Ελένη Παπαδοπούλου');
    const theirs = await assign(t, 'Алёна Смирнова');
    const theirPdf = pypdfFill(await fillable(t, theirs), { 'sw.situation': 'SECRET WORDS' });
    const other = await failure(t.api.imports.previewPdf({ bytes: theirPdf, clientId: mine.clientId }));
    expect(other.code).toBe('CONFLICT');
    expect(other.message).toMatch(/printed for another client/);

    const bad = pypdfFill(await fillable(t, mine), { 'sw.situation': 'SECRET WORDS', 'sw.mood': '15' });
    const invalid = await failure(t.api.imports.savePdf({ bytes: bad }));
    expect(invalid.code).toBe('VALIDATION');
    expect(invalid.message).toMatch(/Mood today/);
    expect(JSON.stringify(invalid)).not.toContain('SECRET');

    const damaged = await failure(t.api.imports.previewPdf({ bytes: new Uint8Array(Buffer.from('%PDF-1.7 SECRET WORDS')) }));
    expect(damaged.code).toBe('DAMAGED');
    expect(damaged.message).not.toContain('SECRET');

    const elsewhere = await unlockedCore({ now: () => NOW });
    try {
      const a2 = await assign(elsewhere, 'Zoë Łukasiewicz');
      const foreign = pypdfFill(await fillable(elsewhere, a2), { 'sw.mood': '2' });
      const e = await failure(t.api.imports.previewPdf({ bytes: foreign }));
      expect(e.message).toMatch(/another Stepwise vault/);
    } finally {
      elsewhere.cleanup();
    }
    expect(t.core.db.prepare('SELECT count(*) AS n FROM practice_record').get()).toEqual({ n: 0 });
  });

  it('CLI: import --dry-run shows labels and values and saves nothing; import saves; a second import is refused', async () => {
    const d = tempDir('stepwise-cli-import-');
    dirs.push(d);
    const vaultDir = path.join(d.dir, 'v');
    t = await unlockedCore({ vaultDir });
    const a = await assign(t, 'Zoë Łukasiewicz');
    const file = path.join(d.dir, 'filled.pdf');
    writeFileSync(file, pypdfFill(await fillable(t, a), { 'sw.mood': '6', 'sw.week.d1.mood': '2' }));
    t.cleanup();
    t = undefined;

    const cli = (args: string[]) => {
      const env: Record<string, string> = { ...(process.env as Record<string, string>), STEPWISE_PASSPHRASE: PASSPHRASE };
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], {
        env,
        encoding: 'utf8',
        input: '',
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const dry = cli(['import', '--vault', vaultDir, '--pdf', file, '--dry-run']);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Mood today: 6');
    expect(dry.out).toContain(START);
    expect(dry.out).toContain('Would save 1 practice record. Nothing was saved (--dry-run).');
    const saved = cli(['import', '--vault', vaultDir, '--pdf', file]);
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('Saved 1 practice record.');
    const twice = cli(['import', '--vault', vaultDir, '--pdf', file]);
    expect(twice.code).not.toBe(0);
    expect(twice.err).toMatch(/imported before/);
  });
});
