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

interface FontkitGlyph {
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
}
interface FontkitFont {
  getGlyph(gid: number): FontkitGlyph;
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  _variationProcessor?: unknown;
  createSubset(): object;
}
interface SubsetInternals {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
}
interface CachedGlyph {
  bytes: Uint8Array;
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

const glyphCaches = new WeakMap<object, Map<number, CachedGlyph>>();
const patchedSubsets = new WeakSet<object>();

/**
 * Subsetting (fontkit's TTFSubset._addGlyph) decodes every glyph's outline again for every
 * document, only to learn whether it is a composite. The glyph bytes, components and metrics of
 * a static TrueType font never change, so they are kept per parsed font and reused. Output is
 * byte-identical; the subsetting work per document drops to copying bytes.
 */
function cacheGlyphSubsetting(font: FontkitFont): void {
  if (font._variationProcessor) return;
  const proto = Object.getPrototypeOf(font.createSubset()) as { _addGlyph(this: SubsetInternals, gid: number): number };
  if (patchedSubsets.has(proto)) return;
  patchedSubsets.add(proto);
  const original = proto._addGlyph;
  proto._addGlyph = function (this: SubsetInternals, gid: number): number {
    if (this.font._variationProcessor) return original.call(this, gid);
    let cache = glyphCaches.get(this.font);
    if (!cache) glyphCaches.set(this.font, (cache = new Map()));
    let c = cache.get(gid);
    if (!c) {
      const glyph = this.font.getGlyph(gid);
      const glyf = glyph._decode();
      const start = this.font.loca.offsets[gid]!;
      const end = this.font.loca.offsets[gid + 1]!;
      const stream = this.font._getTableStream('glyf');
      stream.pos += start;
      const bytes = new Uint8Array(stream.readBuffer(end - start));
      c = {
        bytes,
        components: glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((k) => ({ glyphID: k.glyphID, pos: k.pos })) : null,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      cache.set(gid, c);
    }
    let bytes = c.bytes;
    if (c.components) {
      bytes = new Uint8Array(c.bytes);
      const view = new DataView(bytes.buffer);
      for (const k of c.components) view.setUint16(k.pos, this.includeGlyph(k.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: c.advance, bearing: c.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

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
  if (!parsed.regular) {
    parsed.regular = current().font;
    cacheGlyphSubsetting(parsed.regular as FontkitFont);
  }
  shareLayoutCache(doc);
  doc.font(asSource(parsed.bold ?? f.bold));
  if (!parsed.bold) {
    parsed.bold = current().font;
    cacheGlyphSubsetting(parsed.bold as FontkitFont);
  }
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
