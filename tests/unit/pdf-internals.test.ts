import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocument, toBuffer, type Doc } from '../../electron/core/pdf/fonts';
import {
  CHECKED_WITH,
  addAnnotationExtras,
  currentFontId,
  drawLine,
  includeGlyphs,
  setSpeedups,
} from '../../electron/core/pdf/internals';

/**
 * The guard on electron/core/pdf/internals.ts: every private member of pdfkit and fontkit it
 * uses, checked for its shape (it exists, is a function, has the fields we read) and for the
 * behaviour we rely on, on a tiny document. After a pdfkit or fontkit upgrade, a failure here
 * names the member that changed; adapt internals.ts (or drop the shortcut that needs it) before
 * taking the upgrade.
 *
 * Unless a test says otherwise, the shortcuts are off, so what is checked is pdfkit's and
 * fontkit's own behaviour.
 */

const root = path.resolve(import.meta.dirname, '../..');
const versionOf = (dir: string) =>
  (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
const pdfkitDir = path.join(root, 'node_modules/pdfkit');
// The fontkit pdfkit loads: its own copy if it has one, else the hoisted one.
const fontkitDir = [path.join(pdfkitDir, 'node_modules/fontkit'), path.join(root, 'node_modules/fontkit')].find(existsSync)!;
const INSTALLED = { pdfkit: versionOf(pdfkitDir), fontkit: versionOf(fontkitDir) };

/** Fails with a message that says what changed and where we depend on it. */
function need(ok: unknown, member: string, expected: string): void {
  if (ok) return;
  throw new Error(
    `pdfkit/fontkit internals changed: ${member} — expected ${expected}.\n` +
      `electron/core/pdf/internals.ts relies on it. Installed: pdfkit ${INSTALLED.pdfkit}, fontkit ${INSTALLED.fontkit}; ` +
      `checked with pdfkit ${CHECKED_WITH.pdfkit}, fontkit ${CHECKED_WITH.fontkit}. ` +
      `Adapt internals.ts (or remove the shortcut that uses this member) before taking the upgrade.`,
  );
}

const isFn = (o: unknown, name: string) => typeof (o as Record<string, unknown> | null)?.[name] === 'function';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const CREATED = new Date(Date.UTC(2026, 2, 14, 9, 30, 0));

/** A tiny uncompressed document with one filled and stroked line. */
function tinyStroked(): Doc {
  const doc = tiny();
  doc.text('A bold look', 12, 12, { lineBreak: false, fill: true, stroke: true });
  return doc;
}

/** A tiny uncompressed document with the embedded fonts (fresh ones while the shortcuts are off). */
function tiny(compress = false): Doc {
  return createDocument({ compress, autoFirstPage: true, size: 'A6', margin: 0, info: { CreationDate: CREATED } });
}

// What the tests below read, typed loosely: they check each field before trusting it.
interface LooseFont {
  name?: unknown;
  id?: unknown;
  font?: Record<string, unknown> & {
    getGlyph(gid: number, cps?: number[]): Record<string, unknown> & { _decode(): Record<string, unknown> | null };
    glyphForCodePoint(cp: number): { id: number };
    numGlyphs: number;
    loca: { offsets: unknown; version: unknown };
    _getTableStream(tag: string): unknown;
  };
  subset?: Record<string, unknown> & { encode(): Uint8Array; glyphs: number[] };
  layoutCache?: unknown;
  encode?: unknown;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown; positions: unknown; advanceWidth: unknown };
}
const fontOf = (doc: Doc) => (doc as unknown as { _font: LooseFont })._font;

afterEach(() => setSpeedups(true));

describe('pdfkit and fontkit versions', () => {
  it('are the ones internals.ts was checked with, pinned exactly in package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      overrides?: Record<string, string>;
    };
    expect(pkg.dependencies.pdfkit, 'package.json pins pdfkit exactly').toBe(CHECKED_WITH.pdfkit);
    expect(pkg.overrides?.fontkit, 'package.json pins fontkit (pdfkit’s dependency) exactly, through "overrides"').toBe(
      CHECKED_WITH.fontkit,
    );
    expect(pkg.dependencies['@cantoo/pdf-lib'], 'package.json pins @cantoo/pdf-lib exactly').toMatch(/^\d+\.\d+\.\d+$/);
    need(
      INSTALLED.pdfkit === CHECKED_WITH.pdfkit && INSTALLED.fontkit === CHECKED_WITH.fontkit,
      'the installed versions',
      `pdfkit ${CHECKED_WITH.pdfkit} and fontkit ${CHECKED_WITH.fontkit}; after checking internals.ts against the new ` +
        'versions (this file and tests/unit/pdf-speedups.test.ts pass), update CHECKED_WITH and the pins',
    );
  });
});

describe('pdfkit: PDFDocument', () => {
  it('_font is the current EmbeddedFont: name, id, the parsed font, its subset, encode and layout', () => {
    setSpeedups(false);
    const doc = tiny();
    const f = fontOf(doc);
    need(isObj(f), 'PDFDocument#_font', 'the current font object');
    need(f.name === 'DejaVuSans', 'EmbeddedFont#name', 'the font’s PostScript name ("DejaVuSans")');
    need(typeof f.id === 'string' && /^F\d+$/.test(f.id), 'EmbeddedFont#id', 'the font’s resource name ("F1")');
    need(isFn(f.font, 'getGlyph') && isFn(f.font, 'layout'), 'EmbeddedFont#font', 'the parsed fontkit font');
    need(isObj(f.subset) && isFn(f.subset, 'encode'), 'EmbeddedFont#subset', 'the fontkit subset being built');
    need(isFn(f, 'encode') && isFn(f, 'layout'), 'EmbeddedFont#encode/layout', 'methods');
    doc.font('DejaVuSans-Bold');
    need(fontOf(doc).name === 'DejaVuSans-Bold', 'PDFDocument#_font', 'to follow doc.font()');
  });

  it('_font.id names the font the page content uses', async () => {
    setSpeedups(false);
    const doc = tiny();
    const id = currentFontId(doc);
    doc.fontSize(11).text('Hello', 10, 10, { lineBreak: false });
    const pdf = (await toBuffer(doc)).toString('latin1');
    need(pdf.includes(`/${id} 11 Tf`), 'EmbeddedFont#id', `"/${id} 11 Tf" in the content stream`);
  });

  it('_font.encode() adds glyphs to the embedded subset without drawing', () => {
    setSpeedups(false);
    const doc = tiny();
    const f = fontOf(doc);
    need(Array.isArray(f.subset?.glyphs), 'TTFSubset#glyphs', 'an array of glyph ids');
    const before = f.subset!.glyphs.length;
    includeGlyphs(doc, 'Ж');
    need(
      f.subset!.glyphs.length === before + 1 && f.subset!.glyphs.at(-1) === f.font!.glyphForCodePoint(0x416).id,
      'EmbeddedFont#encode',
      'to add the glyph of "Ж" to the subset',
    );
  });

  it('_fragment() draws one line exactly as text(…, { lineBreak: false }) does', async () => {
    const lines = ['Zoë Łukasiewicz – Ελένη, Алёна', 'Step 1 of 5: fi ffl “quotes” 0123456789', ' leading and trailing  '];
    const draw = async (fast: boolean) => {
      setSpeedups(fast);
      const doc = tiny();
      need(isFn(doc, '_fragment'), 'PDFDocument#_fragment', 'a method');
      lines.forEach((l, i) => {
        doc.font(i % 2 ? 'DejaVuSans-Bold' : 'DejaVuSans').fontSize(9 + i);
        if (fast) drawLine(doc, l, 12, 20 + 20 * i);
        else doc.text(l, 12, 20 + 20 * i, { lineBreak: false });
      });
      // Filled and stroked (the bold look of single-weight faces).
      if (fast) drawLine(doc, 'A bold look', 12, 100, { stroke: true });
      else doc.text('A bold look', 12, 100, { lineBreak: false, fill: true, stroke: true });
      return toBuffer(doc);
    };
    const viaText = await draw(false);
    const viaFragment = await draw(true);
    need(
      viaFragment.equals(viaText),
      'PDFDocument#_fragment',
      'the same bytes as text() with lineBreak: false (and fill + stroke)',
    );
    need(
      viaText.includes(Buffer.from('2 Tr')) || (await toBuffer(tinyStroked())).includes(Buffer.from('2 Tr')),
      'PDFDocument#_fragment',
      'render mode 2 ("2 Tr") for fill + stroke',
    );
  });

  it('_root is a PDFReference: the class every PDF object (and its stream) is written by', async () => {
    setSpeedups(false);
    const doc = tiny(true);
    const rootRef = (doc as unknown as { _root: unknown })._root;
    need(isObj(rootRef), 'PDFDocument#_root', 'the catalog object');
    const ref = doc.ref({}) as unknown as {
      buffer: unknown;
      data: { Length?: number; Filter?: string };
      compress: unknown;
      uncompressedLength: unknown;
      write(c: unknown): void;
      finalize(): void;
    };
    need(Object.getPrototypeOf(rootRef) === Object.getPrototypeOf(ref), 'PDFDocument#_root', 'a PDFReference like doc.ref()');
    need(isFn(ref, 'write') && isFn(ref, 'finalize'), 'PDFReference#write/finalize', 'methods');
    need(
      Array.isArray(ref.buffer) && isObj(ref.data) && typeof ref.compress === 'boolean' && ref.uncompressedLength === 0,
      'PDFReference fields',
      'buffer (array), data (object), compress (boolean), uncompressedLength (0 when new)',
    );
    ref.write('q');
    ref.write('1 0 0 1 2.5 3 Tm');
    ref.write('Ł'); // the low byte of each UTF-16 unit, like Buffer's latin1
    const chunks = ref.buffer as Uint8Array[];
    need(
      chunks.length === 3 && chunks.every((c) => c instanceof Uint8Array),
      'PDFReference#write',
      'one Uint8Array per string written',
    );
    need(
      Buffer.concat(chunks).equals(Buffer.from('q\n1 0 0 1 2.5 3 Tm\nŁ\n', 'latin1')),
      'PDFReference#write',
      'each string plus "\\n", as Latin-1 bytes (low byte of each unit)',
    );
    const written = Buffer.concat(chunks).length;
    need(
      ref.data.Length === written && ref.uncompressedLength === written && ref.data.Filter === 'FlateDecode',
      'PDFReference#write',
      'data.Length and uncompressedLength to count the bytes, and data.Filter "FlateDecode" when compressing',
    );
    ref.write(Buffer.from([0xff, 0x00]));
    need(chunks.length === 4 && ref.data.Length === written + 2, 'PDFReference#write', 'binary chunks appended as they are');
    ref.finalize();
    need(
      Array.isArray(ref.buffer) && (ref.buffer as unknown[]).length === 0,
      'PDFReference#finalize',
      'to write the stream and empty the buffer',
    );
    await toBuffer(doc);
  });

  it('annotate() creates every form field’s annotation, with the options it is given', async () => {
    setSpeedups(false);
    const doc = tiny();
    need(isFn(doc, 'annotate'), 'PDFDocument#annotate', 'a method');
    let extras: Record<string, unknown> | undefined = { TU: new String('Your answer'), F: 2 };
    addAnnotationExtras(doc, () => extras);
    doc.initForm();
    doc.formText('answer', 10, 10, 100, 20);
    extras = undefined;
    doc.formText('other', 10, 40, 100, 20);
    const pdf = (await toBuffer(doc)).toString('latin1');
    need(pdf.includes('/TU (Your answer)') && /\/F 2\b/.test(pdf), 'PDFDocument#annotate', 'formText() to go through it');
    need((pdf.match(/\/TU /g) ?? []).length === 1, 'PDFDocument#annotate', 'extras only on the annotation being created');
  });
});

describe('pdfkit: EmbeddedFont layout and its word cache', () => {
  it('layout() splits at spaces and caches each word in layoutCache; onlyWidth builds no arrays', () => {
    setSpeedups(false);
    const f = fontOf(tiny());
    need(isObj(f.layoutCache), 'EmbeddedFont#layoutCache', 'an object (the per-document word cache)');
    const run = f.layout('hello world');
    need(
      Array.isArray(run.glyphs) && Array.isArray(run.positions) && typeof run.advanceWidth === 'number',
      'EmbeddedFont#layout',
      '{ glyphs, positions, advanceWidth }',
    );
    need((run.glyphs as unknown[]).length === 11, 'EmbeddedFont#layout', 'one glyph per character of "hello world"');
    const cache = f.layoutCache as Record<string, unknown>;
    need(
      Object.keys(cache).includes('hello ') && Object.keys(cache).includes('world'),
      'EmbeddedFont#layoutCache',
      'the words of a line, with their trailing space, as keys',
    );
    const width = f.layout('hello world', undefined, true);
    need(
      width.glyphs === null && width.positions === null && width.advanceWidth === run.advanceWidth,
      'EmbeddedFont#layout(text, features, onlyWidth)',
      'null glyphs and positions and the same advanceWidth',
    );
  });

  it('pdfkit only reads a laid-out run: drawing and measuring leave it unchanged', async () => {
    // Shortcuts on: the whole-line cache hands pdfkit the same run again and again.
    const doc = tiny();
    const f = fontOf(doc);
    const line = 'Fill in one page each evening, ideally at the same time.';
    const run = f.layout(line);
    const snapshot = () =>
      JSON.stringify({
        ids: (run.glyphs as { id: number }[]).map((g) => g.id),
        positions: run.positions,
        width: run.advanceWidth,
      });
    const before = snapshot();
    need(f.layout(line) === run, 'EmbeddedFont#layout (patched)', 'a line laid out before to come from the line cache');
    drawLine(doc, line, 10, 10);
    doc.text(line, 10, 40, { width: 400, align: 'justify', characterSpacing: 0.5 });
    doc.text(line, 10, 80, { lineBreak: false, wordSpacing: 3 });
    doc.widthOfString(line);
    need(snapshot() === before, 'EmbeddedFont#encode / PDFDocument#_fragment', 'to copy a run before changing it');
    await toBuffer(doc);
  });
});

describe('fontkit: TTFFont, its glyphs, and TTFSubset', () => {
  it('the parsed font has loca, _getTableStream and no _variationProcessor (a static TrueType font)', () => {
    setSpeedups(false);
    const font = fontOf(tiny()).font!;
    need(
      Array.isArray(font.loca?.offsets) && (font.loca.offsets as unknown[]).length === font.numGlyphs + 1,
      'TTFFont#loca.offsets',
      'numGlyphs + 1 offsets',
    );
    need(font.loca.version === 0 || font.loca.version === 1, 'TTFFont#loca.version', '0 or 1 (short or long offsets)');
    need(isFn(font, '_getTableStream'), 'TTFFont#_getTableStream', 'a method');
    const stream = font._getTableStream('glyf') as { pos?: unknown; readBuffer?: unknown };
    need(
      typeof stream?.pos === 'number' && typeof stream.readBuffer === 'function',
      'TTFFont#_getTableStream("glyf")',
      'a stream',
    );
    need(!font._variationProcessor, 'TTFFont#_variationProcessor', 'none for DejaVu Sans');
  });

  it('glyphs: _decode() gives composites’ components, _getMetrics() the left bearing', () => {
    setSpeedups(false);
    const font = fontOf(tiny()).font!;
    const yo = font.getGlyph(font.glyphForCodePoint(0x451).id); // ё = е + ¨
    need(isFn(yo, '_decode') && isFn(yo, '_getMetrics'), 'Glyph#_decode/_getMetrics', 'methods');
    const decoded = yo._decode() as { numberOfContours?: unknown; components?: { glyphID?: unknown; pos?: unknown }[] };
    need(
      typeof decoded?.numberOfContours === 'number' && decoded.numberOfContours < 0,
      'Glyph#_decode().numberOfContours',
      'negative for a composite glyph (ё)',
    );
    need(
      Array.isArray(decoded.components) &&
        decoded.components.length === 2 &&
        decoded.components.every((c) => typeof c.glyphID === 'number' && typeof c.pos === 'number'),
      'Glyph#_decode().components',
      '{ glyphID, pos } for each part of ё',
    );
    need(typeof yo.advanceWidth === 'number', 'Glyph#advanceWidth', 'a number');
    const metrics = (yo as unknown as { _getMetrics(): { leftBearing?: unknown } })._getMetrics();
    need(typeof metrics?.leftBearing === 'number', 'Glyph#_getMetrics().leftBearing', 'a number');
  });

  it('getGlyph() keeps a glyph’s first code points, none for one first met as a part of a composite', () => {
    const check = (fast: boolean) => {
      setSpeedups(fast);
      const font = fontOf(tiny()).font!;
      const yo = font.getGlyph(font.glyphForCodePoint(0x451).id);
      const [ie] = (yo._decode() as { components: { glyphID: number }[] }).components;
      const part = font.getGlyph(ie!.glyphID); // е, as fontkit's subset asks for it
      need(
        Array.isArray(part.codePoints) && part.codePoints.length === 0,
        'Glyph#codePoints',
        'empty for a glyph asked for by id',
      );
      const again = font.getGlyph(ie!.glyphID, [0x435]);
      need(again === part, 'TTFFont#getGlyph', 'one glyph object per glyph id');
      return again.codePoints;
    };
    // fontkit's own behaviour, which internals.ts works around for fonts shared between documents.
    expect(check(false), 'fontkit keeps the first (empty) code points').toEqual([]);
    expect(check(true), 'with the shortcuts, a request with code points fills them in').toEqual([0x435]);
  });

  it('TTFSubset: _addGlyph, encode and includeGlyph, and the fields encode() fills', () => {
    setSpeedups(false);
    const doc = tiny();
    includeGlyphs(doc, 'Zoë ё');
    const subset = fontOf(doc).subset!;
    const proto = Object.getPrototypeOf(subset) as object;
    need(
      isFn(proto, '_addGlyph') && isFn(proto, 'encode') && isFn(proto, 'includeGlyph'),
      'TTFSubset#_addGlyph/encode/includeGlyph',
      'methods',
    );
    need(subset.font === fontOf(doc).font, 'TTFSubset#font', 'the parsed font');
    const bytes = subset.encode();
    need(
      bytes instanceof Uint8Array && bytes.length > 12 && new DataView(bytes.buffer, bytes.byteOffset).getUint16(4) >= 6,
      'TTFSubset#encode',
      'a TrueType file (Uint8Array, with at least the six tables a PDF needs)',
    );
    const s = subset as unknown as {
      glyphs: number[];
      glyf: unknown;
      loca: { offsets: unknown; version: unknown };
      hmtx: { metrics: unknown };
      offset: unknown;
    };
    const n = s.glyphs.length;
    need(
      Array.isArray(s.glyf) && s.glyf.length === n && s.glyf.every((g) => g instanceof Uint8Array),
      'TTFSubset#glyf',
      'one Uint8Array per glyph after encode()',
    );
    need(
      Array.isArray(s.loca?.offsets) && s.loca.offsets.length === n + 1 && s.loca.version === fontOf(doc).font!.loca.version,
      'TTFSubset#loca',
      '{ offsets: n + 1 entries, version: the font’s }',
    );
    need(
      Array.isArray(s.hmtx?.metrics) &&
        s.hmtx.metrics.length === n &&
        s.hmtx.metrics.every(
          (m: { advance?: unknown; bearing?: unknown }) => typeof m.advance === 'number' && typeof m.bearing === 'number',
        ),
      'TTFSubset#hmtx.metrics',
      '{ advance, bearing } per glyph',
    );
    need(
      s.offset === (s.glyf as Uint8Array[]).reduce((a, g) => a + g.length, 0),
      'TTFSubset#offset',
      'the length of the glyf table',
    );
    // The composite ё brought its two parts into the subset.
    need(n >= 1 + 'Zoë ё'.length + 2, 'TTFSubset#_addGlyph', 'to add the components of composite glyphs');
  });
});

describe('fontkit: the public font API scripts.ts relies on', () => {
  it('a parsed font answers hasGlyphForCodePoint, ascent and unitsPerEm', () => {
    setSpeedups(false);
    const font = fontOf(tiny()).font! as unknown as { hasGlyphForCodePoint?: unknown; ascent?: unknown; unitsPerEm?: unknown };
    need(isFn(font, 'hasGlyphForCodePoint'), 'TTFFont#hasGlyphForCodePoint', 'a method (font fallback per character)');
    const has = (font as { hasGlyphForCodePoint(cp: number): boolean }).hasGlyphForCodePoint;
    need(
      has.call(font, 0x41) && !has.call(font, 0x738b),
      'TTFFont#hasGlyphForCodePoint',
      'true for "A", false for 王 in DejaVu Sans',
    );
    need(
      typeof font.ascent === 'number' && typeof font.unitsPerEm === 'number' && font.ascent > 0,
      'TTFFont#ascent/unitsPerEm',
      'numbers (baselines of fallback faces)',
    );
  });
});

describe('nothing else reaches into pdfkit or fontkit', () => {
  it('electron/core/pdf: private members, prototypes and layout caches only in internals.ts', () => {
    const dir = path.join(root, 'electron/core/pdf');
    const offending: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'internals.ts')) {
      readFileSync(path.join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\._\w|\[['"`]_\w|\blayoutCache\b|getPrototypeOf|\.prototype\b/.test(line)) {
            offending.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(offending, 'use (or add) a function in electron/core/pdf/internals.ts instead').toEqual([]);
  });
});
