import { deflateSync } from 'node:zlib';
import { equalBytes, templateFrom, writeSubset, type SubsetTemplate } from './subset';

/**
 * Everything Stepwise reads or changes inside pdfkit and fontkit, in one place.
 *
 * Why at all: through pdfkit's public API a worksheet took several times longer. text() measures
 * every line twice before shaping it a third time to draw it, every document parses the fonts and
 * shapes every word again, and fontkit re-encodes the whole embedded font subset, table by table,
 * for every document. The shortcuts below remove that work and leave the output byte for byte as
 * pdfkit writes it. No other file reaches into either library (tests/unit/pdf-internals.test.ts
 * checks that too); the rest of electron/core/pdf calls the functions exported here.
 *
 * The private members used, and why:
 *
 * pdfkit's PDFDocument
 *   `_font`        the current EmbeddedFont: its `id` names the font in form fields' default
 *                  appearance; `encode()` adds glyphs to the embedded subset without drawing them
 *                  (so typed answers show in any script); `font` is the parsed fontkit font, reused
 *                  by later documents; `name` tells which face is current; `layoutCache` and
 *                  `subset` are sped up below.
 *   `_fragment()`  the drawing step of text(), called directly for one line (see drawLine).
 *   `_root`        the document catalog, a PDFReference: the way to PDFReference.prototype.
 *   `annotate()`   public, but wrapped per document so that form fields get extra entries (see
 *                  addAnnotationExtras).
 * pdfkit's PDFReference (a PDF object): `write()`, `finalize()`, and the fields they keep up to
 *   date, `buffer`, `data` (Length, Filter), `compress`, `uncompressedLength` (batchStreamWrites).
 * pdfkit's EmbeddedFont: `layout()` and `layoutCache` (cacheLineLayouts, shareLayoutCache).
 * fontkit's TTFSubset: `_addGlyph()`, `encode()`, `includeGlyph()` and the fields encode() fills,
 *   `font`, `glyphs`, `glyf`, `loca`, `hmtx`, `offset` (speedUpSubsetting).
 * fontkit's TTFFont: `getGlyph()` (public, but patched: giveGlyphsCodePoints), `loca`,
 *   `_getTableStream()`, `_variationProcessor`; its glyphs' `codePoints`, `_decode()` and
 *   `_getMetrics()` (cacheGlyphs, which reads what fontkit's own _addGlyph reads).
 *
 * svg-to-pdfkit (charts, electron/core/charts) is a library that draws SVG into a pdfkit document:
 * it reads `_font`, `page.fonts`, `_ctm` and `_registeredFonts` itself. Our code calls only its
 * public function; tests/integration/charts-pdf.test.ts reads its output back after an upgrade.
 *
 * pdfkit and fontkit are pinned to exact versions in package.json (fontkit, pdfkit's dependency,
 * which we never import, through "overrides") because of this file. tests/unit/pdf-internals
 * checks each member above on a tiny document and says which one changed after an upgrade;
 * tests/unit/pdf-speedups renders every worksheet with and without these shortcuts and compares
 * the bytes.
 */

/** The versions this file was checked against (see tests/unit/pdf-internals.test.ts). */
export const CHECKED_WITH = { pdfkit: '0.20.2', fontkit: '2.0.4' } as const;

// ------------------------------------------------------------------------------ the switch

let speedups = true;

/**
 * Turns the shortcuts off (pdfkit and fontkit then run their own code, with nothing shared
 * between documents) or back on. For the byte-identity test and for measuring; set it only
 * between documents.
 */
export function setSpeedups(on: boolean): void {
  speedups = on;
}

export const speedupsOn = (): boolean => speedups;

// ------------------------------------------------------------------------------ shapes

type Doc = PDFKit.PDFDocument;

/** A shaped run of text, as pdfkit's EmbeddedFont.layout returns it (positions in 1/1000 em). */
interface Run {
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

/** Text written to a stream since its last flush (our own property on pdfkit's references). */
const PENDING = Symbol('pending text');

/** pdfkit's PDFReference: one PDF object, with its stream. */
interface Ref {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  [PENDING]?: string;
  write(chunk: unknown): void;
  finalize(): void;
}

/** pdfkit's EmbeddedFont. */
interface EmbeddedFont {
  font: FontkitFont;
  name: string;
  id: string;
  subset: Subset;
  layoutCache?: Record<string, unknown>;
  encode(text: string): unknown;
  layout(text: string, features?: unknown, onlyWidth?: boolean): Run;
}

interface DocInternals {
  _font: EmbeddedFont | null;
  _root: object;
  _fragment?: (text: string, x: number, y: number, options: object) => void;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
}

interface FontkitGlyph {
  codePoints: number[];
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
}

/** fontkit's TTFFont. */
interface FontkitFont {
  getGlyph(gid: number, codePoints?: number[]): FontkitGlyph;
  loca: { offsets: number[]; version: number };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  _variationProcessor?: unknown;
}

/** fontkit's TTFSubset, with the fields its encode() fills. */
interface Subset {
  font: FontkitFont;
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

const inside = (doc: Doc) => doc as unknown as DocInternals;

function currentFont(doc: Doc): EmbeddedFont {
  const font = inside(doc)._font;
  if (!font) throw new Error('The PDF document has no current font.');
  return font;
}

// ------------------------------------------------------------------------------ documents

/** The PostScript name of the current font ("DejaVuSans"). */
export function currentFontName(doc: Doc): string {
  return currentFont(doc).name;
}

/** The resource name (F1, F2 …) of the current font, for AcroForm default appearances. */
export function currentFontId(doc: Doc): string {
  return currentFont(doc).id;
}

/**
 * The parsed (fontkit) font behind the current font. pdfkit takes it back as a font source
 * (anything with a `layout` method), so later documents skip parsing the TTF file.
 */
export function parsedFont(doc: Doc): object {
  return currentFont(doc).font;
}

/**
 * Adds glyphs to the current font's embedded subset without drawing them, so that a PDF viewer
 * can show text typed into form fields (accents, Greek, Cyrillic) with the embedded font.
 */
export function includeGlyphs(doc: Doc, text: string): void {
  currentFont(doc).encode(text);
}

/** Options as pdfkit's `text(line, x, y, { lineBreak: false })` hands them to `_fragment`. */
const LINE_OPTIONS = Object.freeze({ lineBreak: false, columns: 0, columnGap: 18, rotation: 0, textWidth: 0, wordCount: 0 });
/** The same, filled and stroked (text render mode 2: a bold look for faces without a bold weight). */
const STROKED_LINE_OPTIONS = Object.freeze({ ...LINE_OPTIONS, fill: true, stroke: true });

/**
 * Draws one line of text at (x, y) in the current font, size and colour, exactly as
 * `doc.text(line, x, y, { lineBreak: false })` would, minus the work whose result we never use:
 * pdfkit's text() copies its options, then measures the line twice (once for underlines and
 * links, once to advance doc.x) before shaping it again to draw it. With `stroke`, the glyphs are
 * filled and stroked (render mode 2) in the current stroke colour and line width. This calls the drawing step
 * (`_fragment`) directly, saying the line is 0 wide with 0 words, which only underlines, strikes
 * and links would read. doc.x and doc.y are left alone: nothing here reads them (every drawing
 * call passes its position). Falls back to text() for multi-line strings or another pdfkit.
 */
export function drawLine(doc: Doc, line: string, x: number, y: number, opts: { stroke?: boolean } = {}): void {
  const d = inside(doc);
  if (speedups && typeof d._fragment === 'function' && !line.includes('\n')) {
    d._fragment(line, x, y, opts.stroke ? STROKED_LINE_OPTIONS : LINE_OPTIONS);
  } else doc.text(line, x, y, opts.stroke ? { lineBreak: false, fill: true, stroke: true } : { lineBreak: false });
}

/**
 * pdfkit writes an annotation the moment it creates it, from the options formText() and
 * formCheckbox() hand to `annotate()`, which take no appearance streams, tooltips or hidden
 * flags. This wraps the document's `annotate` so that what `extras()` returns (when anything) is
 * merged into the annotation being created.
 */
export function addAnnotationExtras(doc: Doc, extras: () => Record<string, unknown> | undefined): void {
  const d = inside(doc);
  const annotate = d.annotate.bind(doc);
  d.annotate = (x, y, w, h, options) => {
    const more = extras();
    return annotate(x, y, w, h, more ? { ...options, ...more } : options);
  };
}

/**
 * Applies the shortcuts below to a new document, for its current font (call it again after
 * selecting another font). The classes are patched once; the font's word-layout cache is shared.
 */
export function speedUp(doc: Doc): void {
  if (!speedups) return;
  const d = inside(doc);
  batchStreamWrites(d._root);
  const font = d._font;
  if (!font) return;
  cacheLineLayouts(font);
  speedUpSubsetting(font.subset);
  shareLayoutCache(font);
  giveGlyphsCodePoints(font.font);
}

// ------------------------------------------------------------------------------ patching

const patched = new WeakSet<object>();

/** Whether `proto` still needs patching and has every method named (as functions). */
function patchOnce(proto: object, ...methods: string[]): boolean {
  if (patched.has(proto)) return false;
  const p = proto as Record<string, unknown>;
  if (!methods.every((m) => typeof p[m] === 'function')) return false;
  patched.add(proto);
  return true;
}

// ------------------------------------------------------------------------------ PDFReference

/**
 * pdfkit turns every content-stream operator it writes ("q", "1 0 0 1 56.7 780.2 Tm", "ET" … about
 * 1,200 per worksheet) into its own small Uint8Array, and joins them all when the stream ends.
 * Here text chunks are appended to a string instead, and turned into bytes in one go (Latin-1,
 * which keeps the low byte of each UTF-16 unit exactly like pdfkit's own conversion) before any
 * binary chunk and when the stream is finalised. Length and Filter are kept up to date as pdfkit
 * does.
 */
function batchStreamWrites(ref: object): void {
  const proto = Object.getPrototypeOf(ref) as Ref;
  const r = ref as Ref;
  if (!Array.isArray(r.buffer) || typeof r.data !== 'object' || typeof r.uncompressedLength !== 'number') return;
  if (!patchOnce(proto, 'write', 'finalize')) return;
  const write = proto.write;
  const finalize = proto.finalize;
  const flush = (self: Ref) => {
    const text = self[PENDING];
    if (text === undefined) return;
    self.buffer.push(Buffer.from(text, 'latin1'));
    self[PENDING] = undefined;
  };
  proto.write = function (this: Ref, chunk: unknown): void {
    if (!speedups || typeof chunk !== 'string') {
      flush(this);
      write.call(this, chunk);
      return;
    }
    const s = `${chunk}\n`;
    const text = this[PENDING];
    this[PENDING] = text === undefined ? s : text + s;
    this.uncompressedLength += s.length;
    this.data.Length = (this.data.Length ?? 0) + s.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function (this: Ref): void {
    flush(this);
    if (!this.compress || this.buffer.length === 0) {
      finalize.call(this);
      return;
    }
    // Compressed here, at DEFLATE_LEVEL, in place of pdfkit's deflate at zlib's default level.
    this.buffer = [deflateSync(Buffer.concat(this.buffer), { level: DEFLATE_LEVEL })];
    this.compress = false;
    try {
      finalize.call(this);
    } finally {
      this.compress = true;
    }
  };
}

/**
 * The zlib level of every stream (page contents, font subsets, ToUnicode maps). pdfkit deflates
 * at zlib's default (6), a third or more of the time a packet takes; level 1 takes about half as
 * long and makes a packet about a tenth larger (issue 12, measured on the bench's packets: 20
 * packets, 3.6 MB of streams, 0.88 MB at level 6, 0.98 MB at level 1). What a reader decompresses
 * is the same, byte for byte. Applied with the speed-ups off too (this patch stays once made), so
 * that tests/unit/pdf-speedups compares like with like.
 */
export const DEFLATE_LEVEL = 1;

// ------------------------------------------------------------------------------ EmbeddedFont

/** Whole-line layouts, per shared word cache (that is, per font), dropped with it. */
const lineCaches = new WeakMap<object, Map<string, Run>>();
const LINE_CACHE_LIMIT = 10_000;

/**
 * pdfkit lays out a line by splitting it at spaces, looking each word up in its layout cache and
 * concatenating the words' glyph and position arrays: for every line drawn, and again for every
 * measurement. Here the finished layout of a whole line is kept too (next to the shared word
 * cache), so a line seen before costs one lookup. The result holds what pdfkit would have built
 * (the same cached glyph and position objects, in the same order); pdfkit only reads it
 * (encode() and _fragment() copy before changing anything), as it already does with the cached
 * word runs inside it. Lines with OpenType features (which pdfkit never caches) take the
 * original path.
 */
function cacheLineLayouts(font: object): void {
  const proto = Object.getPrototypeOf(font) as EmbeddedFont;
  if (!patchOnce(proto, 'layout')) return;
  const layout = proto.layout;
  proto.layout = function (this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean): Run {
    const words = this.layoutCache;
    if (!speedups || features || !words) return layout.call(this, text, features, onlyWidth);
    let lines = lineCaches.get(words);
    if (!lines) lineCaches.set(words, (lines = new Map()));
    const hit = lines.get(text);
    if (hit) return hit;
    // A width-only layout builds no arrays; keep that cheap path for texts never drawn.
    if (onlyWidth) return layout.call(this, text, features, onlyWidth);
    const run = layout.call(this, text, features, false);
    if (lines.size >= LINE_CACHE_LIMIT) lines.clear();
    lines.set(text, run);
    return run;
  };
}

/**
 * pdfkit caches the shaped glyphs of each word per document; sharing that cache between
 * documents (same parsed font, same scale) saves most of the text-shaping time. It lives in
 * memory only, and is dropped when it grows past LAYOUT_CACHE_LIMIT words (trimLayoutCaches), so
 * it cannot grow without bound (the built-in worksheets use a few thousand words in all).
 */
const layoutCaches: Record<string, Record<string, unknown>> = {};
const LAYOUT_CACHE_LIMIT = 20_000;

function shareLayoutCache(font: EmbeddedFont): void {
  if (!font.layoutCache) return;
  font.layoutCache = layoutCaches[font.name] ??= Object.create(null) as Record<string, unknown>;
}

/** Drops the shared word caches that have grown too big (counting keys is not free: call it now and then). */
export function trimLayoutCaches(): void {
  for (const k of Object.keys(layoutCaches)) {
    if (Object.keys(layoutCaches[k]!).length > LAYOUT_CACHE_LIMIT) delete layoutCaches[k];
  }
}

/**
 * Drops every shared word and line layout (the texts printed: client names among them). Called
 * when the vault locks (see caches.ts); the next document starts new caches.
 */
export function clearLayoutCaches(): void {
  for (const k of Object.keys(layoutCaches)) delete layoutCaches[k];
}

/** The words and lines held in the shared layout caches (for tests). */
export function* cachedLayoutTexts(): Generator<string> {
  for (const words of Object.values(layoutCaches)) {
    yield* Object.keys(words);
    yield* lineCaches.get(words)?.keys() ?? [];
  }
}

// ------------------------------------------------------------------------------ fontkit's TTFFont

/**
 * fontkit keeps one glyph object per glyph id, with the code points of its first request
 * (`getGlyph(id, codePoints)`), and pdfkit writes the ToUnicode map (what copying, searching and
 * screen readers see) from them. Glyphs fontkit creates as parts of composites, when it writes a
 * subset (the е and ¨ of ё), get none. In one document that cannot matter, since the subset is
 * written last; but the parsed fonts are shared between documents, and after "Алёна" had been
 * printed, the е of "Елена" in any later document had no code point and dropped out of its text.
 * So a request with code points gives them to a glyph that has none, as a fresh font would.
 */
function giveGlyphsCodePoints(font: object): void {
  const proto = Object.getPrototypeOf(font) as FontkitFont;
  if (!patchOnce(proto, 'getGlyph')) return;
  const getGlyph = proto.getGlyph;
  proto.getGlyph = function (this: FontkitFont, gid: number, codePoints?: number[]): FontkitGlyph {
    const glyph = getGlyph.call(this, gid, codePoints);
    if (speedups && codePoints?.length && glyph && Array.isArray(glyph.codePoints) && glyph.codePoints.length === 0) {
      glyph.codePoints = codePoints;
    }
    return glyph;
  };
}

// ------------------------------------------------------------------------------ fontkit's TTFSubset

/**
 * Patches fontkit's subset class (once) so that subsets are written by subset.ts, byte for byte
 * as fontkit writes them:
 *
 * - `_addGlyph`: a glyph's bytes, components and metrics are cached per parsed font.
 * - `encode`: the constant tables are taken once, as bytes, from fontkit's own encoding of the
 *   first subset; later subsets are written directly. The first result is compared with
 *   fontkit's; on any difference (an unexpected font or fontkit version) that font keeps
 *   fontkit's encoder.
 *
 * Variable fonts (which fontkit re-encodes glyph by glyph) always use the original code.
 */
function speedUpSubsetting(subset: object): void {
  const proto = Object.getPrototypeOf(subset) as Subset;
  if (!patchOnce(proto, '_addGlyph', 'encode', 'includeGlyph')) return;
  cacheGlyphs(proto);
  cacheTables(proto);
}

interface CachedGlyph {
  bytes: Uint8Array;
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

const glyphCaches = new WeakMap<object, Map<number, CachedGlyph>>();

/**
 * fontkit's TTFSubset._addGlyph decodes every glyph's outline again for every document, only to
 * learn whether it is a composite. The glyph bytes, components and metrics of a static TrueType
 * font never change, so they are kept per parsed font and reused.
 */
function cacheGlyphs(proto: Subset): void {
  const original = proto._addGlyph;
  proto._addGlyph = function (this: Subset, gid: number): number {
    if (!speedups || this.font._variationProcessor) return original.call(this, gid);
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
        components:
          glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((k) => ({ glyphID: k.glyphID, pos: k.pos })) : null,
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

/** Per parsed font: its template, or null once fontkit's own encoder must be used. */
const templates = new WeakMap<object, SubsetTemplate | null>();

/** fontkit's own encoders, per patched subset class (for the check below, and for tests). */
const fontkitEncoders = new WeakMap<object, (this: Subset) => Uint8Array>();

/** Collects the subset's glyphs (and their components), as fontkit's encode does first. */
function collectGlyphs(s: Subset): void {
  s.glyf = [];
  s.offset = 0;
  s.loca = { offsets: [], version: s.font.loca.version };
  s.hmtx = { metrics: [], bearings: [] };
  // `glyphs` grows while composites add their components.
  for (let i = 0; i < s.glyphs.length; i++) s._addGlyph(s.glyphs[i]!);
  s.loca.offsets.push(s.offset);
}

const written = (s: Subset) => ({ glyf: s.glyf, offsets: s.loca.offsets, glyfLength: s.offset, metrics: s.hmtx.metrics });

function cacheTables(proto: Subset): void {
  const original = proto.encode;
  fontkitEncoders.set(proto, original);
  proto.encode = function (this: Subset): Uint8Array {
    if (!speedups || this.font._variationProcessor || templates.get(this.font) === null) return original.call(this);
    let t = templates.get(this.font);
    if (t) {
      collectGlyphs(this);
      return writeSubset(t, written(this));
    }
    // First subset of this font: let fontkit encode it, learn the constant tables from the
    // result, and keep the fast path only if it reproduces that result exactly.
    const reference = original.call(this);
    const version = this.font.loca.version;
    t = version === 0 || version === 1 ? templateFrom(reference, version === 1) : null;
    if (t) {
      collectGlyphs(this);
      if (!equalBytes(writeSubset(t, written(this)), reference)) t = null;
    }
    templates.set(this.font, t);
    return reference;
  };
}

// ------------------------------------------------------------------------------ for tests

/** The current font's subset (fontkit's TTFSubset). */
export function currentSubset(doc: Doc): { encode(): Uint8Array } {
  return currentFont(doc).subset;
}

/** Encodes a subset with fontkit's original code, whatever the patches do. */
export function fontkitEncode(subset: object): Uint8Array {
  const original = fontkitEncoders.get(Object.getPrototypeOf(subset) as object);
  return original ? original.call(subset as Subset) : (subset as Subset).encode();
}

/** Whether subsets of the current font are written from cached tables (false until its first subset). */
export function writesCachedTables(doc: Doc): boolean {
  return Boolean(templates.get(currentFont(doc).font));
}
