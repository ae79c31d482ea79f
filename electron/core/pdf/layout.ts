import { PAPER_SIZES } from '../../../shared/worksheet';
import { BOLD, REGULAR, createDocument, fontInfo, selectFace, widthOf, type Doc } from './fonts';
import { addAnnotationExtras, currentFontId, drawLine, includeGlyphs } from './internals';
import type { FieldPath } from './fields';
import {
  baselineShift,
  fauxBold,
  isRtl,
  isSimple,
  measurePieces,
  noteUnprintable,
  takeUnprintable,
  visualPieces,
} from './scripts';
import { COLOURS, themeFor, type Theme } from './theme';
import type { Paper } from './types';

/**
 * The page engine: a cursor that flows pieces of content down pages, breaking only between
 * pieces, and that knows each page's orientation, running header and footer.
 *
 * All text is wrapped here (by measured word widths), so every height is known before anything
 * is drawn, and text is drawn line by line: nothing can overflow a box or trigger pdfkit's own
 * page breaks (pages have zero pdfkit margins; the margins live in the theme).
 */

export type FontName = typeof REGULAR | typeof BOLD;

/** One unbreakable slice of content. `draw` gets the top y; x and width were fixed when planned. */
export interface Piece {
  h: number;
  draw: (y: number) => void;
}

/** How a block flows: `head` stays with the first body piece; pages may break between body pieces. */
export interface Plan {
  head: Piece[];
  body: Piece[];
  /** Pieces repeated at the top of each continuation page (e.g. "(continued)" and a table's header row). */
  repeat?: Piece[];
  /** Called once per page the body runs on, with the y-range the body took there (1-based part). */
  segment?: (top: number, bottom: number, part: number) => void;
  /** Keep the whole plan on one page whenever it fits on an empty page. */
  keepTogether?: boolean;
}

export type Planner = (x: number, width: number) => Plan;

export interface TextStyle {
  font: FontName;
  size: number;
  color: string;
}

interface PageMeta {
  footerTitle: string;
  landscape: boolean;
}

/** Memoised results of Engine.wrap, per font, size and width, then text (see wrap). */
const wrapped = new Map<string, Map<string, readonly string[]>>();
const WRAP_CACHE_LIMIT = 20_000;
let wrappedCount = 0;

/** Forgets every memoised wrap (they hold the texts printed): see caches.ts. */
export function clearWrapCache(): void {
  wrapped.clear();
  wrappedCount = 0;
}

/** The texts whose wraps are memoised (for tests). */
export function* cachedWrapTexts(): Generator<string> {
  for (const byText of wrapped.values()) yield* byText.keys();
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });
/** Scripts written without spaces between words: Thai, Lao, Burmese, Khmer, kana, CJK ideographs. */
const NO_SPACES = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

const sum = (ps: Piece[]) => ps.reduce((a, p) => a + p.h, 0);

/**
 * Characters added to the form font so typed answers display in any language we print. Form
 * fields name one font (DejaVu Sans, in their default appearance) and carry no appearance of
 * their own: what a client types in Chinese, Korean, Devanagari, Thai or emoji is drawn by their
 * PDF viewer's own fallback fonts, not by the faces of scripts.ts (a limit of AcroForm text fields
 * as pdfkit writes them).
 */
const FORM_GLYPHS = (() => {
  let s = '';
  const add = (from: number, to: number) => {
    for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  };
  add(0x20, 0x7e); // ASCII
  add(0xa0, 0xff); // Latin-1
  add(0x100, 0x17f); // Latin Extended-A
  add(0x386, 0x3ce); // Greek
  add(0x401, 0x45f); // Cyrillic
  s += '–—‘’‚“”„•…‰€−✓';
  return s;
})();

/**
 * Arabic and Hebrew letters of the form font (DejaVu has them), added to a
 * fillable PDF whose own text is written in these scripts: the client then likely answers in them
 * too, and a viewer that draws fields with the embedded font finds them (about 60 kB, so only
 * then). Scripts beyond DejaVu (CJK, Indic, Thai …) are typed in the viewer's own fonts: the print
 * dialog says so (a subset cannot hold what a client may type, and whole fonts weigh megabytes).
 */
const RTL_FORM_GLYPHS = () => {
  const chars: string[] = [];
  const add = (from: number, to: number) => {
    for (let c = from; c <= to; c++) if (fontInfo(REGULAR).hasGlyphForCodePoint(c)) chars.push(String.fromCodePoint(c));
  };
  add(0x5d0, 0x5ea); // Hebrew letters
  add(0x5b0, 0x5c7); // Hebrew points
  add(0x600, 0x6ff); // Arabic
  // Not the presentation forms (U+FB50–FDFF, FE70–FEFC): their glyphs are the joining forms the
  // shaping of any Arabic text on the sheet also reaches, from the base letters, and which code
  // point a shared glyph remembers first would then depend on what was printed before (the
  // ToUnicode map of the form font would differ between documents; tests/unit/pdf-speedups).
  return chars.join(' ');
};
const RTL_LETTER = /[֐-ۿ]/;

export class Engine {
  readonly doc: Doc;
  readonly t: Theme;
  readonly paper: Paper;
  readonly fillable: boolean;
  private readonly pages: PageMeta[] = [];
  /** Whether the form font holds the Arabic and Hebrew letters (see RTL_FORM_GLYPHS). */
  private rtlFormGlyphs = false;
  /** Current cursor. */
  y = 0;
  landscape = false;
  /** The top of the content area on the current page. */
  top = 0;
  /** Footer title and running header for pages started from now on. */
  footerTitle = '';
  runningHeader = '';
  /**
   * Put before every field name from now on (a fillable packet: one prefix per worksheet, so two
   * worksheets with a part of the same ID do not share one field). Empty for a single worksheet.
   */
  fieldPrefix = '';
  private parents = new Map<string, PDFKit.PDFKitReference>();
  private checkAppearances = new Map<string, { on: PDFKit.PDFKitReference; off: PDFKit.PDFKitReference }>();
  private spaceWidths = new Map<string, number>();
  private annotationExtras: Record<string, unknown> | undefined;

  constructor(opts: { paper: Paper; largePrint: boolean; fillable: boolean; info: PDFKit.DocumentInfo; lang: string }) {
    takeUnprintable(); // A new document: what an earlier one met is not this one's.
    this.t = themeFor(opts.largePrint);
    this.paper = opts.paper;
    this.fillable = opts.fillable;
    this.doc = createDocument({
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      margin: 0,
      // PDF 1.3 (pdfkit's default): pdfkit then writes no XMP stream, whose XML it does not escape.
      info: opts.info,
      lang: opts.lang,
      displayTitle: true,
    });
    // Form fields need entries pdfkit's form methods do not take (appearances, tooltips, the
    // hidden flag): `annotationExtras` is merged into the next annotation (see withExtras).
    addAnnotationExtras(this.doc, () => this.annotationExtras);
    if (this.fillable) {
      this.doc.font(REGULAR);
      includeGlyphs(this.doc, FORM_GLYPHS);
      this.doc.initForm();
    }
  }

  // ---------------------------------------------------------------- page geometry

  get pageWidth(): number {
    const p = PAPER_SIZES[this.paper];
    return this.landscape ? p.height : p.width;
  }
  get pageHeight(): number {
    const p = PAPER_SIZES[this.paper];
    return this.landscape ? p.width : p.height;
  }
  get left(): number {
    return this.t.margin.x;
  }
  get width(): number {
    return this.pageWidth - 2 * this.t.margin.x;
  }
  /** The content width a page of the given orientation offers. */
  widthFor(landscape: boolean): number {
    const p = PAPER_SIZES[this.paper];
    return (landscape ? p.height : p.width) - 2 * this.t.margin.x;
  }
  get bottom(): number {
    return this.pageHeight - this.t.margin.bottom;
  }
  get remaining(): number {
    return this.bottom - this.y;
  }
  get atTop(): boolean {
    return this.y <= this.top + 0.01;
  }
  get pageCount(): number {
    return this.pages.length;
  }
  get pageIndex(): number {
    return this.pages.length - 1;
  }
  /** Height available on an empty continuation page of the given orientation. */
  freshHeight(landscape: boolean): number {
    const p = PAPER_SIZES[this.paper];
    const h = landscape ? p.width : p.height;
    return h - this.t.margin.bottom - this.t.margin.top - this.runningHeaderHeight();
  }

  private runningHeaderHeight(): number {
    return this.runningHeader ? this.lh(this.t.footer) + 10 * this.t.scale : 0;
  }

  newPage(landscape: boolean, opts: { runningHeader?: boolean } = {}): void {
    this.landscape = landscape;
    const p = PAPER_SIZES[this.paper];
    this.doc.addPage({ size: [p.width, p.height], layout: landscape ? 'landscape' : 'portrait', margin: 0 });
    this.pages.push({ footerTitle: this.footerTitle, landscape });
    this.y = this.t.margin.top;
    if (opts.runningHeader !== false && this.runningHeader) {
      const s: TextStyle = { font: REGULAR, size: this.t.footer, color: COLOURS.muted };
      const line = this.fit(this.runningHeader, s, this.width);
      this.text(line, this.left, this.y, s);
      const ry = this.y + this.lh(this.t.footer) + 3 * this.t.scale;
      this.hline(this.left, ry, this.width, COLOURS.faint, 0.6);
      this.y += this.runningHeaderHeight();
    }
    this.top = this.y;
  }

  // ---------------------------------------------------------------- flow

  /**
   * Places a block. `wide` blocks go on landscape pages; a normal block continues on a landscape
   * page only when it fits there whole, else it starts a portrait page.
   */
  place(planner: Planner, wide = false): void {
    if (this.pageCount === 0) this.newPage(wide);
    if (wide && !this.landscape) this.newPage(true);
    let plan = planner(this.left, this.width);
    const total = () => sum(plan.head) + sum(plan.body);
    if (!wide && this.landscape && total() > this.remaining) {
      this.newPage(false);
      plan = planner(this.left, this.width);
    }
    const fresh = this.freshHeight(this.landscape);
    const t = total();
    if (t > this.remaining && !this.atTop) {
      const minFirst = sum(plan.head) + sum(plan.body.slice(0, 2));
      const small = plan.body.length === 0 || t <= fresh * 0.25 || (plan.keepTogether === true && t <= fresh);
      if (small || minFirst > this.remaining) {
        this.newPage(this.landscape);
        plan = planner(this.left, this.width);
      }
    }
    for (const p of plan.head) this.drawPiece(p);
    let part = 1;
    let segTop = this.y;
    let onPage = 0;
    plan.body.forEach((p, i) => {
      const next = plan.body[i + 1];
      // Break when the piece does not fit, or (widow control) when it would leave the block's
      // last piece alone on the next page while this page already holds two or more pieces.
      const widow =
        next !== undefined && i + 2 === plan.body.length && onPage >= 2 && p.h <= this.remaining && p.h + next.h > this.remaining;
      if ((p.h > this.remaining || widow) && !this.atTop) {
        plan.segment?.(segTop, this.y, part++);
        this.newPage(this.landscape);
        for (const r of plan.repeat ?? []) this.drawPiece(r);
        segTop = this.y;
        onPage = 0;
      }
      this.drawPiece(p);
      onPage++;
    });
    if (plan.body.length) plan.segment?.(segTop, this.y, part);
  }

  private drawPiece(p: Piece): void {
    p.draw(this.y);
    this.y += p.h;
  }

  /** Vertical space, dropped at the top of a page. */
  gap(h: number): void {
    if (!this.atTop) this.y = Math.min(this.y + h, this.bottom);
  }

  // ---------------------------------------------------------------- text

  /** Line height for a font size. */
  lh(size: number): number {
    return size * this.t.leading;
  }

  measure(text: string, font: FontName, size: number): number {
    if (isSimple(text, font)) return widthOf(this.doc, font, size, text);
    let w = 0;
    for (const p of measurePieces(text, font)) w += widthOf(this.doc, p.face, size, p.text);
    return w;
  }

  private spaceWidth(font: FontName, size: number): number {
    const k = `${font}|${size}`;
    let w = this.spaceWidths.get(k);
    if (w === undefined) {
      w = this.measure(' ', font, size);
      this.spaceWidths.set(k, w);
    }
    return w;
  }

  /**
   * Wraps text into lines no wider than `width` (paragraphs kept; over-long words broken). The
   * result depends only on its arguments, so it is memoised across documents (labels, help and
   * instructions are wrapped again for every print): callers must not modify the array.
   */
  wrap(text: string, font: FontName, size: number, width: number): readonly string[] {
    const key = `${font}|${size}|${width}`;
    let lines = wrapped.get(key)?.get(text);
    if (!lines) {
      if (++wrappedCount > WRAP_CACHE_LIMIT) {
        wrapped.clear();
        wrappedCount = 1;
      }
      lines = this.wrapUncached(text, font, size, width);
      let byText = wrapped.get(key);
      if (!byText) wrapped.set(key, (byText = new Map()));
      byText.set(text, lines);
    }
    return lines;
  }

  private wrapUncached(text: string, font: FontName, size: number, width: number): string[] {
    const out: string[] = [];
    const space = this.spaceWidth(font, size);
    const maxW = Math.max(width, size);
    for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
      const words = para
        .replace(/\t/g, ' ')
        .split(' ')
        .filter((w) => w.length > 0);
      if (!words.length) {
        out.push('');
        continue;
      }
      let line = '';
      let lineW = 0;
      for (let word of words) {
        let w = this.measure(word, font, size);
        if (line && lineW + space + w <= maxW) {
          line += ' ' + word;
          lineW += space + w;
          continue;
        }
        if (line) out.push(line);
        while (w > maxW) {
          const cut = this.fitChars(word, font, size, maxW);
          out.push(word.slice(0, cut));
          word = word.slice(cut);
          w = this.measure(word, font, size);
        }
        line = word;
        lineW = w;
      }
      out.push(line);
    }
    // Drop trailing empty lines (a final newline).
    while (out.length > 1 && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** How many leading UTF-16 units of `word` fit in `width` (at least one character). */
  private fitChars(word: string, font: FontName, size: number, width: number): number {
    // Chinese, Japanese, Thai, Lao, Khmer and Burmese are written without spaces: break them
    // between words (ICU's word boundaries), when a whole word fits.
    if (NO_SPACES.test(word)) {
      const words = Array.from(WORDS.segment(word), (g) => g.segment);
      const n = this.fitParts(words, font, size, width);
      if (n > 0) return words.slice(0, n).join('').length;
    }
    // By grapheme: a vowel sign, a combining accent or an emoji sequence stays with its letter.
    const chars = Array.from(GRAPHEMES.segment(word), (g) => g.segment);
    return chars.slice(0, Math.max(1, this.fitParts(chars, font, size, width))).join('').length;
  }

  /** How many leading parts fit in `width` (0 if not even the first). */
  private fitParts(parts: string[], font: FontName, size: number, width: number): number {
    let lo = 0;
    let hi = parts.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(parts.slice(0, mid).join(''), font, size) <= width) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** One line, shortened with an ellipsis if it is too wide. */
  fit(text: string, s: TextStyle, width: number): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (this.measure(flat, s.font, s.size) <= width) return flat;
    let lo = 0;
    let hi = flat.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(flat.slice(0, mid) + '…', s.font, s.size) <= width) lo = mid;
      else hi = mid - 1;
    }
    // Never cut between the two halves of a character outside the BMP (an emoji, a rare CJK character).
    const cut = /[\ud800-\udbff]$/.test(flat.slice(0, lo)) ? lo - 1 : lo;
    return flat.slice(0, cut).trimEnd() + '…';
  }

  /** Draws one line of text with its top at y. */
  text(line: string, x: number, y: number, s: TextStyle): void {
    if (!line) return;
    if (isSimple(line, s.font)) {
      drawLine(this.doc.font(s.font).fontSize(s.size).fillColor(s.color), line, x, y);
      return;
    }
    // Other scripts: each piece in its face, in visual order (see scripts.ts).
    if (this.fillable && !this.rtlFormGlyphs && RTL_LETTER.test(line)) {
      this.rtlFormGlyphs = true;
      includeGlyphs(this.doc.font(REGULAR), RTL_FORM_GLYPHS());
    }
    let px = x;
    for (const p of visualPieces(line, s.font)) {
      noteUnprintable(p, s.font);
      const w = widthOf(this.doc, p.face, s.size, p.text);
      if (!p.space) {
        const shift = baselineShift(p.face, s.font, s.size);
        const d = selectFace(this.doc, p.face).fontSize(s.size).fillColor(s.color);
        if (fauxBold(p.face, s.font)) {
          d.save()
            .lineWidth(s.size * 0.04)
            .strokeColor(s.color);
          drawLine(d, p.text, px, y + shift, { stroke: true });
          d.restore();
        } else drawLine(d, p.text, px, y + shift);
      }
      px += w;
    }
  }

  /**
   * Draws wrapped lines; align within `width`. 'auto' (the default) puts lines whose base
   * direction is right to left (Arabic, Hebrew) against the right edge, others against the left.
   * Returns the height used.
   */
  lines(
    lines: readonly string[],
    x: number,
    y: number,
    s: TextStyle,
    width: number,
    alignment: 'left' | 'center' | 'right' | 'auto' = 'auto',
  ): number {
    const lh = this.lh(s.size);
    lines.forEach((line, i) => {
      let lx = x;
      const align = alignment === 'auto' ? (isRtl(line) ? 'right' : 'left') : alignment;
      if (align !== 'left') {
        const w = this.measure(line, s.font, s.size);
        lx = align === 'center' ? x + (width - w) / 2 : x + width - w;
      }
      this.text(line, lx, y + i * lh, s);
    });
    return lines.length * lh;
  }

  /** Wrapped text as one piece per line (so long paragraphs can break across pages). */
  linePieces(text: string, x: number, width: number, s: TextStyle, opts: { after?: number } = {}): Piece[] {
    const lh = this.lh(s.size);
    const ls = this.wrap(text, s.font, s.size, width);
    return ls.map((line, i) => ({
      h: lh + (i === ls.length - 1 ? (opts.after ?? 0) : 0),
      draw: (y: number) => this.lines([line], x, y, s, width),
    }));
  }

  /** Wrapped text as a single piece. */
  textPiece(text: string, x: number, width: number, s: TextStyle, after = 0): Piece {
    const ls = this.wrap(text, s.font, s.size, width);
    return { h: ls.length * this.lh(s.size) + after, draw: (y) => this.lines(ls, x, y, s, width) };
  }

  // ---------------------------------------------------------------- drawing

  hline(x: number, y: number, w: number, color: string = COLOURS.rule, width = 0.75): void {
    this.doc
      .save()
      .moveTo(x, y)
      .lineTo(x + w, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  vline(x: number, y: number, h: number, color: string = COLOURS.rule, width = 0.75): void {
    this.doc
      .save()
      .moveTo(x, y)
      .lineTo(x, y + h)
      .lineWidth(width)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  box(
    x: number,
    y: number,
    w: number,
    h: number,
    opts: { stroke?: string; fill?: string; width?: number; radius?: number } = {},
  ): void {
    const d = this.doc.save();
    if (opts.radius) d.roundedRect(x, y, w, h, opts.radius);
    else d.rect(x, y, w, h);
    d.lineWidth(opts.width ?? 0.75);
    if (opts.fill && opts.stroke) d.fillAndStroke(opts.fill, opts.stroke);
    else if (opts.fill) d.fill(opts.fill);
    else d.strokeColor(opts.stroke ?? COLOURS.box).stroke();
    d.restore();
  }

  circle(cx: number, cy: number, r: number, opts: { stroke?: string; fill?: string; width?: number } = {}): void {
    const d = this.doc
      .save()
      .circle(cx, cy, r)
      .lineWidth(opts.width ?? 0.75);
    if (opts.fill && opts.stroke) d.fillAndStroke(opts.fill, opts.stroke);
    else if (opts.fill) d.fill(opts.fill);
    else d.strokeColor(opts.stroke ?? COLOURS.box).stroke();
    d.restore();
  }

  // ---------------------------------------------------------------- form fields

  /** Creates a form annotation with extra dictionary entries. */
  private withExtras(extras: Record<string, unknown>, create: () => void): void {
    this.annotationExtras = extras;
    try {
      create();
    } finally {
      this.annotationExtras = undefined;
    }
  }

  private parentOf(path: FieldPath): PDFKit.PDFKitReference | undefined {
    if (this.fieldPrefix) path = [this.fieldPrefix, ...path];
    let parent: PDFKit.PDFKitReference | undefined;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path.slice(0, i + 1).join('.');
      let ref = this.parents.get(key);
      if (!ref) {
        // The regular font is the form's default, so intermediate fields get no DA of their own.
        this.doc.font(REGULAR);
        ref = this.doc.formField(path[i]!, parent ? { parent } : {});
        this.parents.set(key, ref);
      }
      parent = ref;
    }
    return parent;
  }

  /** A text field at (x, y, w, h). `tooltip` is what viewers and screen readers announce. */
  textField(
    path: FieldPath,
    x: number,
    y: number,
    w: number,
    h: number,
    opts: { multiline?: boolean; tooltip: string; size?: number; align?: 'left' | 'center'; fit?: string; value?: string },
  ): void {
    if (!this.fillable) return;
    const parent = this.parentOf(path);
    this.doc.font(REGULAR);
    const fid = currentFontId(this.doc);
    // Small enough that a typical answer (e.g. a date in a narrow column) fits the field.
    const fit = opts.fit ? (w - 6) / this.measure(opts.fit, REGULAR, 1) : Infinity;
    const size = Math.max(6, Math.min(opts.size ?? this.t.body, opts.multiline ? Infinity : (h - 2) * 0.72, fit));
    this.withExtras({ DA: new String(`/${fid} ${size.toFixed(1)} Tf 0 g`), TU: new String(opts.tooltip) }, () =>
      this.doc.formText(path[path.length - 1]!, x, y, w, h, {
        ...(parent ? { parent } : {}),
        ...(opts.multiline ? { multiline: true } : {}),
        ...(opts.align === 'center' ? { align: 'center' } : {}),
        // Filled in ahead by the therapist: the client sees it and can change it.
        ...(opts.value ? { value: opts.value } : {}),
      }),
    );
  }

  /** A check box with its own on/off appearances (a drawn tick), so every viewer shows it. */
  checkField(path: FieldPath, x: number, y: number, size: number, tooltip: string): void {
    if (!this.fillable) return;
    const parent = this.parentOf(path);
    this.doc.font(REGULAR);
    const ap = this.checkAppearance(size);
    this.withExtras({ AP: { N: { Yes: ap.on, Off: ap.off } }, AS: 'Off', V: 'Off', TU: new String(tooltip), MK: {} }, () =>
      this.doc.formCheckbox(path[path.length - 1]!, x, y, size, size, parent ? { parent } : {}),
    );
  }

  private checkAppearance(size: number) {
    const key = size.toFixed(2);
    let ap = this.checkAppearances.get(key);
    if (!ap) {
      const s = size;
      const f = (n: number) => n.toFixed(2);
      const mk = () => this.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, s, s], Resources: {} });
      const on = mk();
      on.end(
        Buffer.from(
          `q 0.169 0.416 0.549 RG ${f(Math.max(1.2, s * 0.13))} w 1 J 1 j ${f(s * 0.2)} ${f(s * 0.52)} m ${f(s * 0.42)} ${f(s * 0.26)} l ${f(s * 0.82)} ${f(s * 0.8)} l S Q`,
        ),
      );
      const off = mk();
      off.end(Buffer.from(''));
      ap = { on, off };
      this.checkAppearances.set(key, ap);
    }
    return ap;
  }

  /** The hidden, read-only field carrying the identity of a fillable PDF. */
  hiddenField(name: string, value: string): void {
    if (!this.fillable) return;
    this.doc.font(REGULAR);
    this.withExtras({ F: 2 /* hidden */ }, () => this.doc.formText(name, 0, 0, 0, 0, { value, readOnly: true }));
  }

  // ---------------------------------------------------------------- finishing

  /** Footers ("Page N of M" across the document, and the title, small) on every page. */
  finish(): Doc {
    const range = this.doc.bufferedPageRange();
    const total = range.count;
    const s: TextStyle = { font: REGULAR, size: this.t.footer, color: COLOURS.muted };
    for (let i = 0; i < total; i++) {
      this.doc.switchToPage(range.start + i);
      const meta = this.pages[i]!;
      this.landscape = meta.landscape;
      const y = this.pageHeight - this.t.margin.bottom + 18 * Math.min(this.t.scale, 1.2);
      this.hline(this.left, y - 6, this.width, COLOURS.faint, 0.6);
      const pageText = `Page ${i + 1} of ${total}`;
      const pw = this.measure(pageText, s.font, s.size);
      this.text(pageText, this.left + this.width - pw, y, s);
      if (meta.footerTitle) this.text(this.fit(meta.footerTitle, s, this.width - pw - 24), this.left, y, s);
    }
    return this.doc;
  }
}
