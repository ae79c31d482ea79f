import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

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
 * memory only and is dropped now and then so it cannot grow without bound.
 */
const layoutCaches: Record<string, Record<string, unknown>> = {};
let documentsSinceReset = 0;

function shareLayoutCache(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as FontInternals)._font;
  if (!font.layoutCache) return;
  font.layoutCache = layoutCaches[font.name] ??= Object.create(null) as Record<string, unknown>;
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
  if (++documentsSinceReset > 200) {
    documentsSinceReset = 0;
    for (const k of Object.keys(layoutCaches)) delete layoutCaches[k];
  }
  parsed.regular ??= current().font;
  shareLayoutCache(doc);
  doc.font(asSource(parsed.bold ?? f.bold));
  parsed.bold ??= current().font;
  shareLayoutCache(doc);
  if (current().name !== BOLD) throw new Error(`Unexpected bold font ${current().name}`);
  doc.font(REGULAR);
  if (current().name !== REGULAR) throw new Error(`Unexpected regular font ${current().name}`);
  return doc;
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
