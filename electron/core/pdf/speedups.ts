/**
 * Small, guarded speed-ups of pdfkit internals that leave its output byte-identical. Each patches
 * a prototype once, only when the method has the shape it expects (otherwise pdfkit is left as
 * it is), and keeps to pdfkit's observable behaviour.
 */

/** Text written to a stream since its last flush (our own property on pdfkit's references). */
const PENDING = Symbol('pending text');

interface RefInternals {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  [PENDING]?: string;
  write(chunk: unknown): void;
  finalize(): void;
}

const patched = new WeakSet<object>();

function patchOnce(proto: object, ...methods: string[]): boolean {
  if (patched.has(proto)) return false;
  const p = proto as Record<string, unknown>;
  if (!methods.every((m) => typeof p[m] === 'function')) return false;
  patched.add(proto);
  return true;
}

/**
 * pdfkit turns every content-stream operator it writes ("q", "1 0 0 1 56.7 780.2 Tm", "ET" … about
 * 1,200 per worksheet) into its own small Uint8Array, and joins them all when the stream ends.
 * Here text chunks are appended to a string instead, and turned into bytes in one go (Latin-1,
 * which keeps the low byte of each UTF-16 unit exactly like pdfkit's own conversion) before any
 * binary chunk and when the stream is finalised. Length and Filter are kept up to date as pdfkit
 * does.
 */
export function batchStreamWrites(ref: object): void {
  const proto = Object.getPrototypeOf(ref) as RefInternals;
  const r = ref as RefInternals;
  if (!Array.isArray(r.buffer) || typeof r.data !== 'object' || typeof r.uncompressedLength !== 'number') return;
  if (!patchOnce(proto, 'write', 'finalize')) return;
  const write = proto.write;
  const finalize = proto.finalize;
  const flush = (self: RefInternals) => {
    const text = self[PENDING];
    if (text === undefined) return;
    self.buffer.push(Buffer.from(text, 'latin1'));
    self[PENDING] = undefined;
  };
  proto.write = function (this: RefInternals, chunk: unknown): void {
    if (typeof chunk !== 'string') {
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
  proto.finalize = function (this: RefInternals): void {
    flush(this);
    finalize.call(this);
  };
}

interface Run {
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

interface EmbeddedFontInternals {
  layoutCache?: Record<string, unknown>;
  layout(text: string, features?: unknown, onlyWidth?: boolean): Run;
}

/** Whole-line layouts, per shared word cache (that is, per font), dropped with it. */
const lineCaches = new WeakMap<object, Map<string, Run>>();
const LINE_CACHE_LIMIT = 10_000;

/**
 * pdfkit lays out a line by splitting it at spaces, looking each word up in its layout cache and
 * concatenating the words' glyph and position arrays: for every line drawn, and again for every
 * measurement. Here the finished layout of a whole line is kept too (next to the shared word
 * cache, see fonts.ts), so a line seen before costs one lookup. The result holds what pdfkit
 * would have built (the same cached glyph and position objects, in the same order); pdfkit only
 * reads it (encode() and _fragment() copy before changing anything), as it already does with
 * the cached word runs inside it. Lines with OpenType features
 * (which pdfkit never caches) take the original path.
 */
export function cacheLineLayouts(font: object): void {
  const proto = Object.getPrototypeOf(font) as EmbeddedFontInternals;
  if (!patchOnce(proto, 'layout')) return;
  const layout = proto.layout;
  proto.layout = function (this: EmbeddedFontInternals, text: string, features?: unknown, onlyWidth?: boolean): Run {
    const words = this.layoutCache;
    if (features || !words) return layout.call(this, text, features, onlyWidth);
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
