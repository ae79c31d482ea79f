import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedTexts } from '../../electron/core/pdf/caches';
import type { WorksheetDefinition } from '../../shared/worksheet';
import { PASSPHRASE, tempDir, unlockedCore, type TestCore } from '../support/vault';

/**
 * What the PDF engine keeps between prints (issue 12: packets for 100 clients): worksheet
 * definitions per version while the vault is open, and memoised text measurements. A changed
 * worksheet is never printed from a stale definition, and nothing a client is called or was told
 * stays in a process-wide cache once the vault locks.
 */

let t: TestCore | undefined;
const dirs: { cleanup: () => void }[] = [];
afterEach(() => {
  t?.cleanup();
  t = undefined;
  for (const d of dirs.splice(0)) d.cleanup();
});

function pdfText(pdf: Uint8Array): string {
  const d = tempDir('stepwise-print-caches-');
  dirs.push(d);
  const file = path.join(d.dir, 'in.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const NAME = 'Wenonah Quixley-Ødegård';
const INSTRUCTIONS = 'Practise right after the school run, in the quiet kitchen.';

async function setUp(core: TestCore) {
  const client = await core.do.clients.create({ name: NAME, startDate: '2026-01-10' });
  const goal = await core.do.goals.create({ clientId: client.id, goal: { title: 'Sleeping through Thursdays' } });
  const [built] = await core.do.library.list({ search: 'Thought record' });
  const mine = await core.do.library.duplicate({ id: built!.id });
  const a = await core.do.assignments.create({
    clientId: client.id,
    worksheetId: mine.worksheet.id,
    goalId: goal.id,
    frequency: { kind: 'daily' },
    startDate: '2026-03-02',
    phase: 'skill-practice',
    personalInstructions: INSTRUCTIONS,
  });
  return { client, mine, a };
}

describe('print caches', () => {
  it('never print a stale definition after the worksheet gets a new version', async () => {
    t = await unlockedCore();
    const { client, mine, a } = await setUp(t);
    const def = mine.version.definition as WorksheetDefinition;

    // Printed twice: the second print comes from the cached definition.
    for (let i = 0; i < 2; i++) {
      const text = pdfText((await t.do.print.packet({ clientId: client.id, options: {} })).bytes);
      expect(text).toContain(def.title);
      expect(text).not.toContain('Version two of my record');
    }

    const v2 = await t.do.library.update({
      id: mine.worksheet.id,
      baseVersion: 1,
      definition: { ...def, title: 'Version two of my record', rationale: 'A rationale only the second version has.' },
    });
    // The assignment keeps the version it was given until it is moved: the packet still prints version 1.
    const before = pdfText((await t.do.print.packet({ clientId: client.id, options: {} })).bytes);
    expect(before).toContain(def.title);
    expect(before).not.toContain('Version two of my record');

    await t.do.assignments.moveToLatest({ id: a.id, toVersionId: v2.version.id });
    for (const print of [
      async () => (await t!.do.print.packet({ clientId: client.id, options: {} })).bytes,
      async () => (await t!.do.print.assignment({ assignmentId: a.id, options: {} })).bytes,
    ]) {
      const text = pdfText(await print());
      expect(text).toContain('Version two of my record');
      expect(text).toContain('A rationale only the second version has.');
      expect(text).not.toContain(def.rationale.slice(0, 40));
    }
  });

  it('keep nothing client-identifying once the vault locks', async () => {
    t = await unlockedCore();
    const { client, a } = await setUp(t);
    await t.do.print.packet({ clientId: client.id, options: {} });
    await t.do.print.assignment({ assignmentId: a.id, fillable: true, options: {} });
    const holding = (s: string) => cachedTexts().filter((x) => x.includes(s));
    // While unlocked the caches hold what was printed (so the check below means something) …
    expect(holding('Quixley').length).toBeGreaterThan(0);
    expect(holding('school run').length).toBeGreaterThan(0);

    await t.do.vault.lock();
    // … and after the lock none of it: not the name, not the instructions, not the goal.
    for (const s of ['Wenonah', 'Quixley', 'Ødegård', 'school run', 'kitchen', 'Thursdays']) expect(holding(s)).toEqual([]);
    expect(cachedTexts()).toEqual([]);

    // Printing after unlocking again works from fresh caches.
    await t.do.vault.unlock({ passphrase: PASSPHRASE });
    const text = pdfText((await t.do.print.packet({ clientId: client.id, options: {} })).bytes);
    expect(text).toContain(NAME);
    expect(text).toContain(INSTRUCTIONS);
  });
});
