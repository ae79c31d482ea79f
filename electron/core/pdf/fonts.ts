import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { batchStreamWrites, cacheLineLayouts } from './speedups';
import { speedUpSubsetting, type FontkitFont } from './subset';

/**
 * Fonts: DejaVu Sans and DejaVu Sans Bold, embedded (subset) in every PDF, never one of the
 * standard 14 fonts, so that "Zoë Łukasiewicz", "Ελένη" and "Алёна" print. The TTF files are
 * read once per process, and the parsed font objects are reused by every later document.
 */
export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';

let files: { regular: Buffer; bold: Buffer } | undefined;
/** Parsed fonts (fontkit objects owned by pdfkit), shared between documents after the first. */
const parsed: { regular?: unknown; bold?: unknown } = {};

function fontFiles(): { regular: Buffer; bold: Buffer } {
  if (!files) {
    const require = createRequire(import.meta.url);
    const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    files = {
      regular: readFileSync(path.join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')),
    };
  }
  return files;
}

interface FontInternals {
  _font: { font: unknown; name: string; id: string; encode(text: string): unknown; layoutCache?: Record<string, unknown> };
}

/**
 * pdfkit caches the shaped glyphs of each word per document; sharing that cache between
 * documents (same parsed font, same scale) saves most of the text-shaping time. It lives in
 * memory only, and is dropped when it grows past LAYOUT_CACHE_LIMIT words, so it cannot grow
 * without bound (the built-in worksheets use a few thousand words in all).
 */
const layoutCaches: Record<string, Record<string, unknown>> = {};
const LAYOUT_CACHE_LIMIT = 20_000;
/** How often (in documents) the caches' sizes are checked: counting keys is not free. */
const CHECK_EVERY = 50;
let documentsSinceCheck = 0;

function shareLayoutCache(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as FontInternals)._font;
  if (!font.layoutCache) return;
  font.layoutCache = layoutCaches[font.name] ??= Object.create(null) as Record<string, unknown>;
}

/**
 * Text widths, memoised per font, size and text across documents: layout measures every word
 * and line, often several times, and the answer never changes (pdfkit's widthOfString is pure
 * for a given font and size). On a miss the document's current font and size are changed, as
 * pdfkit's own measuring does; every drawing call sets its font and size first.
 */
const widths = new Map<string, Map<number, Map<string, number>>>();
const WIDTH_CACHE_LIMIT = 50_000;
let widthCount = 0;

export function widthOf(doc: Doc, font: string, size: number, text: string): number {
  let bySize = widths.get(font);
  if (!bySize) widths.set(font, (bySize = new Map()));
  let byText = bySize.get(size);
  if (!byText) bySize.set(size, (byText = new Map()));
  let w = byText.get(text);
  if (w === undefined) {
    w = doc.font(font).fontSize(size).widthOfString(text);
    byText.set(text, w);
    widthCount++;
  }
  return w;
}

/** Drops the shared caches that have grown too big (checked every CHECK_EVERY documents). */
function trimCaches(): void {
  if (++documentsSinceCheck < CHECK_EVERY) return;
  documentsSinceCheck = 0;
  for (const k of Object.keys(layoutCaches)) {
    if (Object.keys(layoutCaches[k]!).length > LAYOUT_CACHE_LIMIT) delete layoutCaches[k];
  }
  if (widthCount > WIDTH_CACHE_LIMIT) {
    widths.clear();
    widthCount = 0;
  }
}

/** The pdfkit font source for a parsed font object (pdfkit accepts any object with `layout`). */
const asSource = (f: unknown) => f as Buffer;

export type Doc = PDFKit.PDFDocument;

/**
 * A new pdfkit document whose only fonts are the embedded DejaVu faces. Passing `font` in the
 * constructor options keeps pdfkit from loading Helvetica. Select fonts afterwards with
 * `doc.font(REGULAR)` / `doc.font(BOLD)` (cheap: a cache lookup).
 */
export function createDocument(options: PDFKit.PDFDocumentOptions): Doc {
  const f = fontFiles();
  // The types only list font names; pdfkit also takes font data and parsed fonts here.
  const doc = new PDFDocument({ ...options, font: asSource(parsed.regular ?? f.regular) as unknown as string });
  const current = () => (doc as unknown as FontInternals)._font;
  trimCaches();
  // The catalog is a stream reference like any other (creating one would renumber the objects).
  batchStreamWrites((doc as unknown as { _root: object })._root);
  cacheLineLayouts(current());
  if (!parsed.regular) {
    parsed.regular = current().font;
    speedUpSubsetting(parsed.regular as FontkitFont);
  }
  shareLayoutCache(doc);
  doc.font(asSource(parsed.bold ?? f.bold));
  if (!parsed.bold) {
    parsed.bold = current().font;
    speedUpSubsetting(parsed.bold as FontkitFont);
  }
  shareLayoutCache(doc);
  if (current().name !== BOLD) throw new Error(`Unexpected bold font ${current().name}`);
  doc.font(REGULAR);
  if (current().name !== REGULAR) throw new Error(`Unexpected regular font ${current().name}`);
  return doc;
}

/** Options as pdfkit's `text(line, x, y, { lineBreak: false })` hands them to `_fragment`. */
const LINE_OPTIONS = Object.freeze({ lineBreak: false, columns: 0, columnGap: 18, rotation: 0, textWidth: 0, wordCount: 0 });

interface FragmentInternals {
  _fragment?: (text: string, x: number, y: number, options: object) => void;
}

/**
 * Draws one line of text at (x, y) in the current font, size and colour, exactly as
 * `doc.text(line, x, y, { lineBreak: false })` would, minus the work whose result we never use:
 * pdfkit's text() copies its options, then measures the line twice (once for underlines and
 * links, once to advance doc.x) before shaping it again to draw it. This calls the drawing step
 * (`_fragment`) directly, saying the line is 0 wide with 0 words, which only underlines, strikes
 * and links would read. doc.x and doc.y are left alone: nothing here reads them (every drawing
 * call passes its position). Falls back to text() for multi-line strings or another pdfkit.
 */
export function drawLine(doc: Doc, line: string, x: number, y: number): void {
  const d = doc as unknown as FragmentInternals;
  if (typeof d._fragment === 'function' && !line.includes('\n')) d._fragment(line, x, y, LINE_OPTIONS);
  else doc.text(line, x, y, { lineBreak: false });
}

/** The resource name (F1, F2 …) of the current font, for AcroForm default appearances. */
export function currentFontId(doc: Doc): string {
  return (doc as unknown as FontInternals)._font.id;
}

/**
 * Adds glyphs to the current font's embedded subset without drawing them, so that a PDF viewer
 * can show text typed into form fields (accents, Greek, Cyrillic) with the embedded font.
 */
export function includeGlyphs(doc: Doc, text: string): void {
  (doc as unknown as FontInternals)._font.encode(text);
}

/** Collects a finished document into one Buffer. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
