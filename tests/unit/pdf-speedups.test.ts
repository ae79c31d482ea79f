import { afterEach, describe, expect, it } from 'vitest';
import { renderPacket, renderWorksheet, type PrintJob, type PrintOptions } from '../../electron/core/pdf';
import { setSpeedups } from '../../electron/core/pdf/internals';
import { BUILT_IN_WORKSHEETS } from '../../shared/library';
import type { WorksheetDefinition } from '../../shared/worksheet';
import { CREATED, EVERY_BLOCK, LIMITS_FIXTURE, WIDE, jobFor, parse } from '../support/pdf';

/**
 * The shortcuts of electron/core/pdf/internals.ts (batched stream writes, whole-line and shared
 * word layouts, lines drawn through _fragment, cached font subsets, fonts and widths shared
 * between documents) must not change a byte: every built-in worksheet and fixture is rendered
 * with them, after other documents have filled the shared caches, and again with them off (pdfkit
 * and fontkit running their own code on freshly parsed fonts), at a fixed creation date.
 */

const WORKSHEETS: { key: string; definition: WorksheetDefinition }[] = [
  { key: 'fixture-every-block', definition: parse(EVERY_BLOCK) },
  { key: 'fixture-wide', definition: parse(WIDE) },
  { key: 'fixture-limits', definition: parse(LIMITS_FIXTURE) },
  ...BUILT_IN_WORKSHEETS.map((w) => ({ key: w.key, definition: parse(w.definition) })),
];

const VARIANTS: { tag: string; options: Partial<PrintOptions> }[] = [
  { tag: 'a4', options: { paper: 'a4' } },
  { tag: 'letter large', options: { paper: 'letter', largePrint: true } },
  { tag: 'letter large fillable', options: { paper: 'letter', largePrint: true, fillable: true } },
];

afterEach(() => setSpeedups(true));

/** Renders with the shortcuts on, then off; says where the bytes first differ, if they do. */
async function compare(render: () => Promise<Buffer>): Promise<string> {
  setSpeedups(true);
  const fast = await render();
  setSpeedups(false);
  const plain = await render();
  setSpeedups(true);
  if (fast.equals(plain)) return 'identical';
  let at = 0;
  while (at < Math.min(fast.length, plain.length) && fast[at] === plain[at]) at++;
  const object = /(\d+) 0 obj[^]*$/.exec(fast.subarray(0, at).toString('latin1'))?.[1];
  return `differs from pdfkit's own output at byte ${at} (in object ${object ?? '?'}; ${fast.length} vs ${plain.length} bytes)`;
}

describe('the pdfkit shortcuts leave every byte as pdfkit writes it', () => {
  it('a name whose letters were first met as parts of other letters (е of ё) in an earlier document', async () => {
    // Shared fonts once dropped the е of "Елена" from the text layer after "Алёна" was printed.
    // First in this file: fillable worksheets lay out every letter, which would hide it.
    const every = WORKSHEETS[0]!.definition;
    const job = (clientLabel: string): PrintJob => jobFor(every, {}, { clientLabel });
    setSpeedups(true);
    await renderWorksheet(job('Алёна Ελένη Zoë'));
    expect(await compare(() => renderWorksheet(job('Елена ε ¨')))).toBe('identical');
  });

  it('covers the built-in worksheets', () => {
    expect(BUILT_IN_WORKSHEETS.length).toBeGreaterThan(0);
  });

  describe.each(WORKSHEETS)('$key', ({ definition }) => {
    it.each(VARIANTS)('$tag', async ({ options }) => {
      expect(await compare(() => renderWorksheet(jobFor(definition, options)))).toBe('identical');
    });
  });

  it('every script: Arabic, Hebrew, CJK, Hangul, Devanagari, Thai and emoji through the fallback faces', async () => {
    const every = WORKSHEETS[0]!.definition;
    const job = (fillable: boolean): PrintJob => {
      const j = jobFor(every, { fillable }, { clientLabel: 'فاطمة الزهراء بن علي / 王小明 / 김민준' });
      j.assignment!.personalInstructions =
        'اكتبي أفكارك كل مساء لمدة 10 دقائق.\nहर शाम दस मिनट के लिए अपने विचार लिखिए।\nכתבי כל ערב 5 דקות.\nさくら สมชาย 👍 (Zoë)';
      return j;
    };
    setSpeedups(true);
    await renderWorksheet(job(false));
    expect(await compare(() => renderWorksheet(job(false)))).toBe('identical');
    expect(await compare(() => renderWorksheet(job(true)))).toBe('identical');
  });

  it('a packet of three worksheets', async () => {
    const items = WORKSHEETS.slice(0, 3).map((w) => jobFor(w.definition));
    const render = () =>
      renderPacket({
        clientLabel: 'Øyvind Ødegård',
        items,
        options: { paper: 'a4', largePrint: false, fillable: false },
        weekOf: '2026-03-16',
        creationDate: CREATED,
      });
    expect(await compare(render)).toBe('identical');
  });
});
