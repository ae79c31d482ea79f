import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain';
import type { LadderStep, WorksheetDefinition } from '../../shared/worksheet';
import { savePreview } from '../support/pdf';
import { failure, tempDir, unlockedCore, type TestCore } from '../support/vault';

/**
 * Tailored content (issue 11): an assignment fills in parts of its worksheet ahead (ladder steps
 * with ratings, table rows, the fear a goal names), stored in the vault, checked against the
 * worksheet, printed as filled in (read back with pdftotext), and as pre-filled values of a
 * fillable PDF (read back with pypdf, a reader that is not ours). And the move of an assignment
 * to the newest version of its worksheet.
 */

let t: TestCore | undefined;
const dirs: { cleanup: () => void }[] = [];
afterEach(() => {
  t?.cleanup();
  t = undefined;
  for (const d of dirs.splice(0)) d.cleanup();
});

const READER = path.resolve(import.meta.dirname, '../support/pypdf-read.py');

function pdfText(pdf: Uint8Array): string {
  const d = tempDir('stepwise-tailor-');
  dirs.push(d);
  const file = path.join(d.dir, 'in.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pypdfFields(pdf: Uint8Array): Record<string, string | null> {
  const d = tempDir('stepwise-tailor-');
  dirs.push(d);
  const file = path.join(d.dir, 'in.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('/usr/bin/python3', [READER, file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, string | null>;
}

const LADDER: LadderStep[] = [
  { step: 'Look at photos of lifts', rating: 10 },
  { step: 'Stand next to a lift for five minutes', rating: 20 },
  { step: 'Watch other people use the lift', rating: 30 },
  { step: 'Step into a lift with the doors open', rating: 40 },
  { step: 'Ride one floor with my partner', rating: 55 },
  { step: 'Ride one floor alone', rating: 70 },
  { step: 'Ride five floors alone', rating: 85 },
  { step: 'Ride to the top of the shopping centre at a busy time', rating: 95 },
];

async function fearLadder(core: TestCore) {
  const [w] = await core.do.library.list({ search: 'Fear ladder' });
  return core.do.library.get({ id: w!.id });
}

async function setUp(core: TestCore) {
  const client = await core.do.clients.create({ name: 'Siobhán Ní Bhriain', startDate: '2026-01-10' });
  const goal = await core.do.goals.create({ clientId: client.id, goal: { title: 'Taking the lift at work' } });
  const ws = await fearLadder(core);
  const base = {
    clientId: client.id,
    worksheetId: ws.worksheet.id,
    goalId: goal.id,
    frequency: { kind: 'once' as const },
    startDate: '2026-03-02',
    phase: 'skill-practice' as const,
    step: { current: 1, total: 8 },
  };
  return { client, goal, ws, base };
}

describe('tailored content', () => {
  it('prints the agreed ladder of 8 steps with their ratings and the goal as the fear', async () => {
    t = await unlockedCore();
    const { base, goal } = await setUp(t);
    const a = await t.do.assignments.create({
      ...base,
      prefill: { values: { fear: goal.title, ladder: LADDER }, rows: { ladder: 8 } },
    });
    expect(a.prefill).toEqual({ values: { fear: 'Taking the lift at work', ladder: LADDER }, rows: { ladder: 8 } });
    // Stored in the vault: read back as it was saved.
    expect((await t.do.assignments.get({ id: a.id })).prefill).toEqual(a.prefill);

    const pdf = await t.do.print.assignment({ assignmentId: a.id, options: {} });
    savePreview('tailored-ladder', Buffer.from(pdf.bytes));
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Taking the lift at work');
    for (const s of LADDER) {
      expect(text).toContain(s.step);
      expect(text).toMatch(new RegExp(`${s.step}\\s+${s.rating}\\b`));
    }
    expect(text).toMatch(/Step 1 is the easiest and step\s+8\s+the hardest/);
    // 8 rows, numbered 8 down to 1: no ninth or tenth row.
    const numbers = [...text.matchAll(/^\s+(\d+)\s{2,}\S/gm)].map((m) => Number(m[1]));
    expect(numbers.filter((n) => n >= 9)).toEqual([]);
    // The heading names the category once ("Exposure", never "Exposure · Exposure").
    expect(text).not.toContain('Exposure · Exposure');
    // File names never end in "..pdf".
    expect(pdf.fileName).toBe('Fear ladder (exposure hierarchy) - SNB.pdf');
  });

  it('prints 8 rows for "step 1 of 8" even when nothing is filled in', async () => {
    t = await unlockedCore();
    const { base } = await setUp(t);
    const a = await t.do.assignments.create(base);
    const text = pdfText((await t.do.print.assignment({ assignmentId: a.id, options: {} })).bytes);
    expect(text).toMatch(/Step 1 is the easiest and step\s+8\s+the hardest/);
  });

  it('gives a fillable PDF its pre-filled values, readable by pypdf, with only the agreed steps', async () => {
    t = await unlockedCore();
    const { base } = await setUp(t);
    const a = await t.do.assignments.create({
      ...base,
      prefill: { values: { fear: 'Lifts', goal: 'Go to the 9th floor\nfor meetings', ladder: LADDER.slice(0, 3) } },
    });
    const pdf = await t.do.print.assignment({ assignmentId: a.id, fillable: true, options: {} });
    expect(pdf.fileName).toBe('Fear ladder (exposure hierarchy) - SNB (fillable).pdf');
    const fields = pypdfFields(pdf.bytes);
    expect(fields['sw.fear']).toBe('Lifts');
    expect(fields['sw.goal']).toBe('Go to the 9th floor\nfor meetings');
    expect(fields['sw.ladder.s1.step']).toBe('Look at photos of lifts');
    expect(fields['sw.ladder.s1.rating']).toBe('10');
    expect(fields['sw.ladder.s3.rating']).toBe('30');
    expect(fields['sw.ladder.s4.step']).toBeNull();
    expect(fields['sw.ladder.s8.step']).toBeNull();
    expect('sw.ladder.s9.step' in fields).toBe(false);
    expect(fields['sw.first-step']).toBeNull();
  });

  it('fills table rows ahead', async () => {
    t = await unlockedCore();
    const client = await t.do.clients.create({ name: 'Ana Ruiz', startDate: '2026-01-10' });
    const def = {
      title: 'Exposure plan',
      summary: 'Plan the week.',
      category: 'exposure' as const,
      approach: 'exposure' as const,
      phases: ['skill-practice' as const],
      rationale: 'Practice makes it smaller.',
      instructions: ['Do one a day.'],
      suggestedFrequency: { kind: 'daily' as const },
      blocks: [
        {
          type: 'table' as const,
          id: 'plan',
          label: 'This week',
          rows: 6,
          columns: [
            { id: 'what', label: 'What I will do', kind: 'text' as const, width: 3 },
            { id: 'when', label: 'Day', kind: 'date' as const },
            { id: 'suds', label: 'Expected SUDS', kind: 'number' as const },
          ],
        },
      ],
    };
    const ws = await t.do.library.create({ definition: def });
    const a = await t.do.assignments.create({
      clientId: client.id,
      worksheetId: ws.worksheet.id,
      frequency: { kind: 'daily' },
      startDate: '2026-03-02',
      phase: 'skill-practice',
      prefill: {
        values: { plan: [{ what: 'Supermarket at 5 pm', when: '2026-03-03', suds: 40 }, { what: 'Bus into town' }] },
        rows: { plan: 3 },
      },
    });
    const pdf = await t.do.print.assignment({ assignmentId: a.id, options: {} });
    savePreview('tailored-table', Buffer.from(pdf.bytes));
    const text = pdfText(pdf.bytes);
    expect(text).toMatch(/Supermarket at 5 pm\s+2026-03-03\s+40/);
    expect(text).toContain('Bus into town');
  });

  it('refuses what does not fit the worksheet, naming the part', async () => {
    t = await unlockedCore();
    const { base } = await setUp(t);
    const e1 = await failure(t.api.assignments.create({ ...base, prefill: { values: { nothing: 'x' } } }));
    expect(e1).toMatchObject({ code: 'VALIDATION', fields: { 'prefill.nothing': expect.stringContaining('no such part') } });
    const e2 = await failure(
      t.api.assignments.create({ ...base, prefill: { values: { ladder: [{ step: 'Lift', rating: 150 }] } } }),
    );
    expect(e2).toMatchObject({ code: 'VALIDATION', fields: { 'prefill.ladder': 'My fear ladder: the highest value is 100.' } });
    const e3 = await failure(t.api.assignments.create({ ...base, prefill: { values: { ladder: LADDER }, rows: { ladder: 5 } } }));
    expect(e3.fields?.['prefill.ladder']).toBe(
      '“My fear ladder” prints 5 steps, but 8 are filled in. Print more steps, or remove some.',
    );
    const e4 = await failure(t.api.assignments.create({ ...base, prefill: { rows: { ladder: 11 } } }));
    expect(e4.fields?.['prefill.ladder']).toBe('“My fear ladder” has room for 10 steps at most on this worksheet.');
    expect(await t.do.assignments.list({ clientId: base.clientId })).toEqual([]);
  });

  it('keeps what is filled in when an update leaves it out, and clears it with null', async () => {
    t = await unlockedCore();
    const { base } = await setUp(t);
    const a = await t.do.assignments.create({ ...base, prefill: { values: { fear: 'Lifts' } } });
    const { clientId: _c, worksheetId: _w, ...fields } = base;
    const kept = await t.do.assignments.update({ id: a.id, ...fields, personalInstructions: 'Mornings' });
    expect(kept.prefill).toEqual({ values: { fear: 'Lifts' }, rows: {} });
    const changed = await t.do.assignments.update({ id: a.id, ...fields, prefill: { values: { fear: 'Crowded lifts' } } });
    expect(changed.prefill?.values).toEqual({ fear: 'Crowded lifts' });
    const cleared = await t.do.assignments.update({ id: a.id, ...fields, prefill: null });
    expect(cleared.prefill).toBeNull();
  });

  it('prints a fillable packet with each worksheet under its own field names', async () => {
    t = await unlockedCore();
    const { base } = await setUp(t);
    await t.do.assignments.create({ ...base, prefill: { values: { fear: 'Lifts' } } });
    await t.do.assignments.create({ ...base, step: null, prefill: { values: { fear: 'Stairs' } } });
    const packet = await t.do.print.packet({ clientId: base.clientId, fillable: true, options: {} });
    expect(packet.fileName).toMatch(/^Homework packet - SNB - \d{4}-\d{2}-\d{2} \(fillable\)\.pdf$/);
    const fields = pypdfFields(packet.bytes);
    expect(new Set([fields['w1.sw.fear'], fields['w2.sw.fear']])).toEqual(new Set(['Lifts', 'Stairs']));
    const paper = await t.do.print.packet({ clientId: base.clientId, options: {} });
    expect(Object.keys(pypdfFields(paper.bytes))).toEqual([]);
  });
});

describe('moving homework to the newest version of its worksheet', () => {
  async function ownLadder(core: TestCore) {
    const ws = await fearLadder(core);
    return core.do.library.duplicate({ id: ws.worksheet.id });
  }

  it('moves, carries what still fits, says what could not be carried, and records it', async () => {
    t = await unlockedCore();
    const { base } = await setUp(t);
    const mine = await ownLadder(t);
    const a: Assignment = await t.do.assignments.create({
      ...base,
      worksheetId: mine.worksheet.id,
      prefill: { values: { fear: 'Lifts', goal: 'Meetings on the 9th floor', ladder: LADDER } },
    });
    const def = mine.version.definition as WorksheetDefinition;
    const next: WorksheetDefinition = {
      ...def,
      instructions: [...def.instructions, 'Keep the ladder where you can see it.'],
      blocks: def.blocks
        .filter((b) => b.id !== 'goal')
        .map((b) => (b.type === 'hierarchy' ? { ...b, steps: 6 } : b.id === 'fear' ? { ...b, label: 'What I fear' } : b)),
    };
    const v2 = await t.do.library.update({ id: mine.worksheet.id, baseVersion: 1, definition: next });
    const listed = await t.do.assignments.list({ clientId: base.clientId });
    expect(listed[0]!.newerVersionAvailable).toBe(true);

    // Refused when the worksheet changed after the comparison was seen.
    const stale = await failure(t.api.assignments.moveToLatest({ id: a.id, toVersionId: mine.version.id }));
    expect(stale.code).toBe('CONFLICT');

    const moved = await t.do.assignments.moveToLatest({ id: a.id, toVersionId: v2.version.id });
    expect(moved.assignment.worksheetVersion).toBe(2);
    expect(moved.assignment.newerVersionAvailable).toBe(false);
    expect(moved.assignment.movedAt).not.toBeNull();
    expect(moved.assignment.prefill).toEqual({ values: { fear: 'Lifts' }, rows: {} });
    expect(moved.notCarried).toEqual([
      'What you filled in for a part the new version no longer has (“Meetings on the 9th floor”) was not carried over.',
      '“My fear ladder” changed in the new version, so what you filled in (8 rows) was not carried over.',
    ]);
    const events = await t.do.audit.list({ entity: 'assignment' });
    expect(events[0]).toMatchObject({ action: 'changed', entityId: a.id, detail: 'moved to worksheet version 2' });

    const again = await failure(t.api.assignments.moveToLatest({ id: a.id, toVersionId: v2.version.id }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'This homework already uses the newest version of its worksheet.' });
  });
});
