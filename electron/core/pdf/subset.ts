/**
 * Faster font subsetting for pdfkit's embedded TrueType fonts, byte-identical to fontkit's own.
 *
 * Every PDF embeds a subset of DejaVu Sans (regular and bold). fontkit's TTFSubset rebuilds that
 * subset from scratch for every document: it decodes each used glyph again, and re-encodes
 * (through restructure, field by field) the tables that never change (head, cvt, prep, fpgm,
 * hhea and maxp but for one count each). Both patches below keep fontkit's output to the byte:
 *
 * - `_addGlyph`: a glyph's bytes, components and metrics are cached per parsed font.
 * - `encode`: the constant tables are taken once, as bytes, from fontkit's own encoding of the
 *   first subset; later subsets are written directly (table directory, those bytes, then the
 *   per-document loca, glyf and hmtx). The first result is compared with fontkit's; on any
 *   difference (an unexpected font or fontkit version) that font keeps fontkit's encoder.
 *
 * Variable fonts (which fontkit re-encodes glyph by glyph) always use the original code.
 */

interface FontkitGlyph {
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
}

export interface FontkitFont {
  getGlyph(gid: number): FontkitGlyph;
  loca: { offsets: number[]; version: number };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  _variationProcessor?: unknown;
  createSubset(): object;
}

interface SubsetInternals {
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

interface SubsetProto {
  _addGlyph(this: SubsetInternals, gid: number): number;
  encode(this: SubsetInternals): Uint8Array;
}

interface CachedGlyph {
  bytes: Uint8Array;
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

const glyphCaches = new WeakMap<object, Map<number, CachedGlyph>>();
const patchedSubsets = new WeakSet<object>();

/** Patches the subset class of `font` (once per class). Does nothing for variable fonts. */
export function speedUpSubsetting(font: FontkitFont): void {
  if (font._variationProcessor) return;
  const proto = Object.getPrototypeOf(font.createSubset()) as SubsetProto;
  if (patchedSubsets.has(proto)) return;
  if (typeof proto._addGlyph !== 'function' || typeof proto.encode !== 'function') return;
  patchedSubsets.add(proto);
  cacheGlyphs(proto);
  cacheTables(proto);
}

/**
 * fontkit's TTFSubset._addGlyph decodes every glyph's outline again for every document, only to
 * learn whether it is a composite. The glyph bytes, components and metrics of a static TrueType
 * font never change, so they are kept per parsed font and reused.
 */
function cacheGlyphs(proto: SubsetProto): void {
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

// ------------------------------------------------------------------------------ tables

/** The tables of a subset file, in fontkit's order, as bytes or as what a document supplies. */
type TablePart =
  | { tag: string; kind: 'bytes'; bytes: Uint8Array }
  | { tag: string; kind: 'hhea' | 'maxp'; bytes: Uint8Array }
  | { tag: string; kind: 'loca' | 'glyf' | 'hmtx' };

interface Template {
  /** The directory's header (sfnt version, numTables, searchRange…), 12 bytes. */
  header: Uint8Array;
  parts: TablePart[];
  /** loca with 32-bit offsets (head.indexToLocFormat 1) or 16-bit halves (0). */
  longLoca: boolean;
}

/** Per parsed font: its template, or null once fontkit's own encoder must be used. */
const templates = new WeakMap<object, Template | null>();

/**
 * Reads the table directory of a subset fontkit wrote, keeping the bytes of the tables that do
 * not depend on the glyphs. Returns null for anything but the expected simple layout.
 */
function templateFrom(file: Uint8Array, longLoca: boolean): Template | null {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.length < 12) return null;
  const numTables = view.getUint16(4);
  let expected = 12 + 16 * numTables;
  const parts: TablePart[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(file[at]!, file[at + 1]!, file[at + 2]!, file[at + 3]!);
    const checkSum = view.getUint32(at + 4);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    // fontkit writes the tables back to back, in directory order, with zero checksums.
    if (checkSum !== 0 || offset !== expected || offset + length > file.length) return null;
    expected += length;
    const bytes = file.slice(offset, offset + length);
    seen.add(tag);
    if (tag === 'loca' || tag === 'glyf' || tag === 'hmtx') parts.push({ tag, kind: tag });
    else if (tag === 'hhea' && length >= 36) parts.push({ tag, kind: 'hhea', bytes });
    else if (tag === 'maxp' && length >= 6) parts.push({ tag, kind: 'maxp', bytes });
    else if (tag === 'head' || tag === 'cvt ' || tag === 'prep' || tag === 'fpgm') parts.push({ tag, kind: 'bytes', bytes });
    else return null;
  }
  if (expected !== file.length || !['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx'].every((t) => seen.has(t))) return null;
  return { header: file.slice(0, 12), parts, longLoca };
}

/** Writes a subset file from a template and the subset's glyphs (as fontkit's encode would). */
function writeSubset(t: Template, s: SubsetInternals): Uint8Array {
  const n = s.glyf.length;
  const offsets = s.loca.offsets; // n + 1 entries
  const sizeOf = (p: TablePart): number => {
    switch (p.kind) {
      case 'loca':
        return (n + 1) * (t.longLoca ? 4 : 2);
      case 'glyf':
        return s.offset;
      case 'hmtx':
        return 4 * n;
      default:
        return p.bytes.length;
    }
  };
  const dirSize = 12 + 16 * t.parts.length;
  let total = dirSize;
  for (const p of t.parts) total += sizeOf(p);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(t.header, 0);
  let at = dirSize;
  t.parts.forEach((p, i) => {
    const size = sizeOf(p);
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = p.tag.charCodeAt(k);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, size);
    switch (p.kind) {
      case 'bytes':
        out.set(p.bytes, at);
        break;
      case 'hhea':
        out.set(p.bytes, at);
        view.setUint16(at + 34, n); // numberOfHMetrics
        break;
      case 'maxp':
        out.set(p.bytes, at);
        view.setUint16(at + 4, n); // numGlyphs
        break;
      case 'loca':
        for (let g = 0; g <= n; g++) {
          if (t.longLoca) view.setUint32(at + 4 * g, offsets[g]!);
          else view.setUint16(at + 2 * g, offsets[g]! >>> 1);
        }
        break;
      case 'glyf': {
        let o = at;
        for (const g of s.glyf) {
          out.set(g, o);
          o += g.length;
        }
        break;
      }
      case 'hmtx': {
        let o = at;
        for (const m of s.hmtx.metrics) {
          view.setUint16(o, m.advance);
          view.setInt16(o + 2, m.bearing);
          o += 4;
        }
        break;
      }
    }
    at += size;
  });
  return out;
}

/** Collects the subset's glyphs (and their components), as fontkit's encode does first. */
function collectGlyphs(s: SubsetInternals): void {
  s.glyf = [];
  s.offset = 0;
  s.loca = { offsets: [], version: s.font.loca.version };
  s.hmtx = { metrics: [], bearings: [] };
  // `glyphs` grows while composites add their components.
  for (let i = 0; i < s.glyphs.length; i++) s._addGlyph(s.glyphs[i]!);
  s.loca.offsets.push(s.offset);
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** fontkit's own encoders, per patched subset class (for the check below, and for tests). */
const fontkitEncoders = new WeakMap<object, (this: SubsetInternals) => Uint8Array>();

/** Encodes a subset with fontkit's original code, whatever the patches do. */
export function fontkitEncode(subset: object): Uint8Array {
  const original = fontkitEncoders.get(Object.getPrototypeOf(subset) as object);
  return original ? original.call(subset as SubsetInternals) : (subset as SubsetInternals).encode();
}

/** Whether subsets of this font are written from cached tables (false until its first subset). */
export function writesCachedTables(font: object): boolean {
  return Boolean(templates.get(font));
}

function cacheTables(proto: SubsetProto): void {
  const original = proto.encode;
  fontkitEncoders.set(proto, original);
  proto.encode = function (this: SubsetInternals): Uint8Array {
    if (this.font._variationProcessor || templates.get(this.font) === null) return original.call(this);
    let t = templates.get(this.font);
    if (t) {
      collectGlyphs(this);
      return writeSubset(t, this);
    }
    // First subset of this font: let fontkit encode it, learn the constant tables from the
    // result, and keep the fast path only if it reproduces that result exactly.
    const reference = original.call(this);
    const version = this.font.loca.version;
    t = version === 0 || version === 1 ? templateFrom(reference, version === 1) : null;
    if (t) {
      collectGlyphs(this);
      if (!equalBytes(writeSubset(t, this), reference)) t = null;
    }
    templates.set(this.font, t);
    return reference;
  };
}
