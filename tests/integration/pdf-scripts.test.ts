import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPacket, renderWorksheet, type PrintJob } from '../../electron/core/pdf';
import type { WorksheetDefinition } from '../../shared/worksheet';
import { REGULAR } from '../../electron/core/pdf/fonts';
import { Engine } from '../../electron/core/pdf/layout';
import { CREATED, EVERY_BLOCK, inspect, jobFor, parse, savePreview, tempDir } from '../support/pdf';

/**
 * Every client's name and words print correctly, whatever the script (issue 11): read back with
 * poppler's pdftotext (its default mode and -layout put right-to-left text in logical order; -bbox
 * gives each word's place on the page), and pdffonts for the faces embedded. The pages are saved
 * as PNG under tests/artifacts/pdf (scripts-*) to look at.
 */

const ARABIC_NAME = 'فاطمة الزهراء بن علي';
/** An Arabic instruction with a number inside and a full stop at its end (no lam-alef ligature, see below). */
const ARABIC_INSTRUCTION = 'اكتبي أفكارك كل مساء لمدة 10 دقائق.';
const HEBREW = 'כתבי כל ערב 5 דקות.';
const HINDI = 'हर शाम दस मिनट के लिए अपने विचार लिखिए।';
const CJK_NAME = '王小明';

const short = (def: WorksheetDefinition, n = 3): WorksheetDefinition => ({ ...def, blocks: def.blocks.slice(0, n) });
const every = parse(EVERY_BLOCK);

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('stepwise-scripts-');
});
afterAll(() => tmp?.cleanup());

interface Word {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  page: number;
}

interface Read {
  /** pdftotext's default mode, without its direction marks, spaces squeezed. */
  text: string;
  layout: string;
  words: Word[];
  fonts: string[];
  qpdfOk: boolean;
}

/** Direction marks poppler adds around right-to-left text. */
const unmark = (s: string) =>
  s
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n');

async function read(name: string, pdf: Buffer | Promise<Buffer>): Promise<Read> {
  const file = path.join(tmp.dir, `${name}.pdf`);
  writeFileSync(file, await pdf);
  const run = (args: string[]) => execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  run(['-bbox'])
    .split('<page ')
    .slice(1)
    .forEach((p, page) => {
      for (const m of p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
        words.push({ text: m[4]!, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), page });
      }
    });
  const [report] = inspect([file]);
  return {
    text: unmark(run([])),
    layout: unmark(run(['-layout'])),
    words,
    fonts: report!.fonts.map((f) => f.name),
    qpdfOk: report!.qpdfOk,
  };
}

/** A right-to-left word as poppler's -bbox gives it (glyphs left to right), back in logical order. */
const logical = (w: string) => (/[\u0590-\u08ff]/.test(w) ? Array.from(w).reverse().join('') : w);
/** The words on the line of the word `inLine` (same page, same top within 2 pt), left to right. */
function lineOf(r: Read, inLine: string): Word[] {
  const at = r.words.find((w) => logical(w.text) === inLine || w.text === inLine);
  expect(at, `a word "${inLine}" in the PDF`).toBeDefined();
  return r.words.filter((w) => w.page === at!.page && Math.abs(w.y0 - at!.y0) < 2).sort((a, b) => a.x0 - b.x0);
}
const find = (line: Word[], text: string) => {
  const w = line.find((x) => logical(x.text) === text || x.text === text);
  expect(w, `"${text}" on the line ${line.map((x) => x.text).join(' ')}`).toBeDefined();
  return w!;
};

function job(over: Partial<PrintJob> & { instructions?: string; goal?: string; rationale?: string } = {}): PrintJob {
  const { instructions, goal, rationale, ...rest } = over;
  const j = jobFor(short(every), {}, rest);
  if (instructions !== undefined) j.assignment!.personalInstructions = instructions;
  if (goal !== undefined) j.assignment!.goal = goal;
  if (rationale !== undefined) j.assignment!.agreedRationale = rationale;
  return j;
}

describe('right-to-left text', () => {
  it('prints an Arabic name in the right order, words apart, in the header and the running header', async () => {
    const r = await read('arabic-name', renderWorksheet(jobFor(every, {}, { clientLabel: ARABIC_NAME })));
    expect(r.qpdfOk).toBe(true);
    expect(r.text).toContain(ARABIC_NAME);
    expect(r.layout).toContain(ARABIC_NAME);
    expect(r.text).not.toContain('عليبن');
    // On the page, right to left: فاطمة rightmost, علي leftmost, each its own word.
    const line = lineOf(r, 'فاطمة');
    const xs = ARABIC_NAME.split(' ').map((w) => find(line, w).x0);
    expect([...xs].sort((a, b) => b - a)).toEqual(xs);
    // Later pages carry it in the running header ("title · name").
    const pages = Math.max(...r.words.map((w) => w.page)) + 1;
    expect(pages).toBeGreaterThan(1);
    expect(r.words.filter((w) => logical(w.text) === 'فاطمة').length).toBeGreaterThanOrEqual(pages);
    // DejaVu Sans prints Arabic: nothing else is embedded.
    for (const f of r.fonts) expect(f).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
  });

  it('puts the full stop of an Arabic instruction at its end (the left), a number inside it in place, and the lines to the right', async () => {
    const r = await read('arabic-instruction', renderWorksheet(job({ instructions: ARABIC_INSTRUCTION })));
    // poppler's text puts a number's run and the runs around it in the order they stand on the
    // page, each run in logical order; the order on the page is checked word by word below.
    for (const t of [r.text, r.layout])
      for (const part of ['اكتبي أفكارك كل مساء لمدة', '10', 'دقائق']) expect(t).toContain(part);
    const line = lineOf(r, 'اكتبي');
    const arabic = line.filter((w) => /[\u0600-\u06ff]/.test(w.text));
    // The words right to left in reading order.
    const order = ['اكتبي', 'أفكارك', 'كل', 'مساء', 'لمدة'].map((w) => find(line, w).x0);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    // "10" between لمدة (to its right) and دقائق (to its left); the number itself reads 10, not 01.
    const ten = find(line, '10');
    expect(ten.x0).toBeLessThan(find(line, 'لمدة').x0);
    const last = line.find((w) => logical(w.text).startsWith('دقائق') || logical(w.text).endsWith('دقائق'))!;
    expect(last.x1).toBeLessThan(ten.x0);
    // The full stop is the leftmost glyph of the sentence.
    expect(last.text.startsWith('.') || line[0]!.text === '.').toBe(true);
    expect(Math.min(...arabic.map((w) => w.x0))).toBe(last.x0);
    // Right-aligned in the panel (A4: the content ends at 541 pt, the panel's padding is 12 pt).
    expect(Math.max(...line.map((w) => w.x1))).toBeGreaterThan(520);
  });

  it('keeps Arabic-Indic digits in their order (٣٠, not ٠٣)', async () => {
    const r = await read('arabic-digits', renderWorksheet(job({ instructions: 'امشي (٣٠ دقيقة) كل يوم.' })));
    expect(r.text).toContain('٣٠');
    expect(r.text).not.toContain('٠٣');
    const line = lineOf(r, 'امشي');
    // Reading right to left: امشي, then the bracket with the number, then يوم at the left end.
    expect(find(line, 'امشي').x0).toBeGreaterThan(line.find((w) => w.text.includes('٣'))!.x0);
  });

  it('prints Hebrew, and a Latin label with an Arabic name on one line (mixed directions)', async () => {
    const r = await read('mixed', renderWorksheet(job({ rationale: HEBREW, goal: `Name: ${ARABIC_NAME} three times a week.` })));
    for (const t of [r.text, r.layout]) for (const part of ['כתבי כל ערב', 'דקות']) expect(t).toContain(part);
    const heb = lineOf(r, 'כתבי');
    const hx = ['כתבי', 'כל', 'ערב'].map((w) => find(heb, w).x0);
    expect([...hx].sort((a, b) => b - a)).toEqual(hx);
    expect(Math.max(...heb.map((w) => w.x1))).toBeGreaterThan(530);
    // Goal: Name: <the name, right to left> three times a week. (Not "…علي, 3 times": by the
    // bidirectional algorithm a number after Arabic joins the Arabic run, as in any browser.)
    const line = lineOf(r, 'Goal:');
    const name = find(line, 'Name:');
    const arabic = ARABIC_NAME.split(' ').map((w) => find(line, w));
    const times = find(line, 'three');
    expect(name.x1).toBeLessThan(Math.min(...arabic.map((w) => w.x0)));
    expect(Math.max(...arabic.map((w) => w.x1))).toBeLessThan(times.x0);
    const xs = arabic.map((w) => w.x0);
    expect([...xs].sort((a, b) => b - a)).toEqual(xs);
    // A left-to-right line stays on the left.
    expect(line[0]!.x0).toBeLessThan(60);
  });
});

describe('Chinese, Japanese and Korean', () => {
  it('prints a CJK name in the header with Noto Sans SC embedded as a subset', async () => {
    const r = await read('cjk-name', renderWorksheet(jobFor(every, {}, { clientLabel: CJK_NAME })));
    expect(r.qpdfOk).toBe(true);
    expect(r.text).toContain(CJK_NAME);
    expect(r.fonts.some((f) => /^[A-Z]{6}\+NotoSansSC-Regular$/.test(f))).toBe(true);
    const out = execFileSync('pdffonts', [path.join(tmp.dir, 'cjk-name.pdf')], { encoding: 'utf8' });
    const sc = out.split('\n').find((l) => l.includes('NotoSansSC-Regular'))!;
    // emb sub uni: yes yes yes
    expect(sc).toMatch(/yes\s+yes\s+yes/);
    // The name sits in the header, under "Name", and in the running header of later pages.
    const line = lineOf(r, CJK_NAME);
    expect(line[0]!.x0).toBeLessThan(60);
    expect(r.words.filter((w) => w.text.includes(CJK_NAME)).length).toBeGreaterThan(1);
    // A subset: far smaller than the 10 MB font.
    expect(execFileSync('wc', ['-c', path.join(tmp.dir, 'cjk-name.pdf')], { encoding: 'utf8' }).split(' ')[0]).toMatch(
      /^\d{1,6}$/,
    );
  });

  it('prints Japanese and Korean names (Noto Sans KR for Hangul) and a Chinese instruction', async () => {
    const r = await read(
      'cjk-more',
      renderWorksheet(job({ clientLabel: 'さくら 김민준', instructions: '每天晚上写下你的想法，大约十分钟。' })),
    );
    expect(r.text).toContain('さくら 김민준');
    expect(r.text.replace(/\s/g, '')).toContain('每天晚上写下你的想法，大约十分钟。');
    expect(r.fonts.some((f) => f.endsWith('+NotoSansKR-Regular'))).toBe(true);
    expect(r.fonts.some((f) => f.endsWith('+NotoSansSC-Regular'))).toBe(true);
  });
});

describe('Devanagari, Thai and emoji', () => {
  it('prints a Hindi instruction with Noto Sans Devanagari', async () => {
    const r = await read('hindi', renderWorksheet(job({ instructions: HINDI, clientLabel: 'अनन्या क्षत्रिय' })));
    expect(r.fonts.some((f) => f.endsWith('+NotoSansDevanagari-Regular'))).toBe(true);
    expect(r.fonts.some((f) => f.endsWith('+NotoSansDevanagari-Bold'))).toBe(true);
    // pdftotext gives glyphs in visual order: a vowel sign written before its consonant (ि)
    // comes out first ("िमनट"), so only words without one are compared letter for letter.
    for (const w of ['हर शाम दस', 'के', 'अपने']) expect(r.text).toContain(w);
    const line = lineOf(r, 'हर');
    expect(line.length).toBeGreaterThanOrEqual(8);
    expect(line[0]!.text).toBe('हर');
  });

  it('prints a Thai name with Noto Sans Thai, and breaks long Thai and Chinese text between words', async () => {
    const long = 'กรุณาเขียนความคิดของคุณทุกเย็นประมาณสิบนาทีและนำแผ่นนี้มาด้วยในครั้งหน้าเพื่อที่เราจะได้ดูด้วยกันว่าเกิดอะไรขึ้นบ้างในสัปดาห์นี้ที่ผ่านมา';
    const r = await read('thai', renderWorksheet(job({ clientLabel: 'สมชาย ใจดี', instructions: long })));
    expect(r.text).toContain('สมชาย ใจดี');
    // The lines the engine wraps it into (poppler's text splits Thai lines at vowel signs above
    // and below, so the wrap is checked on the engine's own lines).
    const e = new Engine({ paper: 'a4', largePrint: false, fillable: false, info: {}, lang: 'th' });
    const words = new Intl.Segmenter('th', { granularity: 'word' });
    for (const text of [
      long,
      '每天晚上写下你的想法，大约十分钟。如果你觉得很难，就只写一句话也可以。下次来的时候请带上这张纸。',
    ]) {
      const lines = e.wrap(text, REGULAR, 11, 220);
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.join('')).toBe(text);
      const bounds = new Set(Array.from(words.segment(text), (w) => w.index));
      let at = 0;
      for (const l of lines) {
        expect(bounds.has(at), `a break between words before "${l}"`).toBe(true);
        expect(l, l).toMatch(/^[^\p{M}]/u);
        at += l.length;
      }
    }
    expect(r.fonts.some((f) => f.endsWith('+NotoSansThai-Bold'))).toBe(true);
  });

  it('prints emoji with the monochrome Noto Emoji, never as an empty box', async () => {
    const r = await read('emoji', renderWorksheet(job({ instructions: 'Well done 👍 see you soon 🙂 🌱' })));
    expect(r.fonts.some((f) => f.endsWith('+NotoEmoji-Regular'))).toBe(true);
    expect(r.text).toContain('👍');
    expect(r.text).toContain('🌱');
  });
});

describe('every script together', () => {
  const ALL = {
    clientLabel: `${ARABIC_NAME} / ${CJK_NAME}`,
    instructions: `${ARABIC_INSTRUCTION}\n${HINDI}\n${HEBREW}\nさくら 김민준 สมชาย 👍 (Zoë)`,
  };

  it('a fillable worksheet and a packet stay valid and print every name', async () => {
    const fill = await read('all-fillable', renderWorksheet({ ...job(ALL), options: { ...job(ALL).options, fillable: true } }));
    expect(fill.qpdfOk).toBe(true);
    expect(fill.text).toContain(ARABIC_NAME);
    expect(fill.text).toContain(CJK_NAME);
    const packet = await read(
      'all-packet',
      renderPacket({
        clientLabel: ALL.clientLabel,
        items: [job(ALL), jobFor(short(every))],
        options: { paper: 'a4', largePrint: true, fillable: false },
        weekOf: '2026-03-16',
        creationDate: CREATED,
      }),
    );
    expect(packet.qpdfOk).toBe(true);
    expect(packet.text).toContain(ARABIC_NAME);
    expect(packet.text).toContain(CJK_NAME);
  });

  it('saves PNG pages to look at (tests/artifacts/pdf/scripts-*)', async () => {
    savePreview('scripts-all-a4', await renderWorksheet(job(ALL)));
    savePreview('scripts-arabic-large', await renderWorksheet(job({ ...ALL, options: { ...job().options, largePrint: true } })));
  });
});
