import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { currentFontName, parsedFont, speedUp, speedupsOn, trimLayoutCaches } from './internals';

/**
 * Fonts: DejaVu Sans and DejaVu Sans Bold, embedded (subset) in every PDF, never one of the
 * standard 14 fonts, so that "Zoë Łukasiewicz", "Ελένη" and "Алёна" print. The TTF files are
 * read once per process, and the parsed font objects are reused by every later document.
 */
export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';

let files: { regular: Buffer; bold: Buffer } | undefined;
/** Parsed fonts (fontkit objects owned by pdfkit), shared between documents after the first. */
const parsed: { regular?: object; bold?: object } = {};

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

/** How often (in documents) the shared caches' sizes are checked: counting keys is not free. */
const CHECK_EVERY = 50;
let documentsSinceCheck = 0;

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
  if (!speedupsOn()) return doc.font(font).fontSize(size).widthOfString(text);
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
  trimLayoutCaches();
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
 * `doc.font(REGULAR)` / `doc.font(BOLD)` (cheap: a cache lookup). The fonts parsed for the first
 * document are reused by every later one (unless the speed-ups are off, see internals.ts).
 */
export function createDocument(options: PDFKit.PDFDocumentOptions): Doc {
  const f = fontFiles();
  const reuse = speedupsOn();
  // The types only list font names; pdfkit also takes font data and parsed fonts here.
  const doc = new PDFDocument({ ...options, font: asSource((reuse && parsed.regular) || f.regular) as unknown as string });
  trimCaches();
  speedUp(doc);
  parsed.regular ??= parsedFont(doc);
  doc.font(asSource((reuse && parsed.bold) || f.bold));
  speedUp(doc);
  parsed.bold ??= parsedFont(doc);
  if (currentFontName(doc) !== BOLD) throw new Error(`Unexpected bold font ${currentFontName(doc)}`);
  doc.font(REGULAR);
  if (currentFontName(doc) !== REGULAR) throw new Error(`Unexpected regular font ${currentFontName(doc)}`);
  return doc;
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
