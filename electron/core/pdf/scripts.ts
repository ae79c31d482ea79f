import bidiFactory from 'bidi-js';
import { BOLD, MORE_SCRIPTS, REGULAR, fontInfo, type FaceName, type MoreScript } from './fonts';

/**
 * Every script a client's name or a therapist's words may be written in: which face prints each
 * character, and in which order the pieces of a line go on the page.
 *
 * - Fonts: DejaVu Sans first; a character it lacks goes to the fallback face for its script
 *   (Hangul to Noto Sans KR, Devanagari and Thai to theirs, emoji to Noto Emoji), and anything
 *   else to the first fallback face that has it (Noto Sans SC covers Chinese and Japanese).
 *   Combining marks, joiners and variation selectors stay with the character before them, so
 *   that a Devanagari conjunct or an emoji sequence is shaped by one font.
 * - Direction: the Unicode bidirectional algorithm (bidi-js) resolves each line's levels; the
 *   line is cut into pieces of one face and one level, never spanning a space, and the pieces
 *   are put in visual order (rule L2). fontkit shapes each piece and reverses the glyphs of a
 *   right-to-left script itself; a right-to-left piece without such letters ("." or "(…)") is
 *   reversed here. Mirrored characters (brackets) are mirrored here.
 *
 * Text with neither right-to-left letters nor characters DejaVu lacks (Latin, Greek, Cyrillic:
 * nearly everything) is "simple" and never reaches this code: it is drawn as before, byte for
 * byte, at the same speed.
 */

const bidi = bidiFactory();

/** Right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo … and their presentation forms. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** Characters that belong to the face of the character before them. */
const MARK = /\p{M}/u;
const ATTACHED = {
  test(ch: string): boolean {
    const cp = ch.codePointAt(0)!;
    return (
      cp === 0x200c ||
      cp === 0x200d ||
      (cp >= 0xfe00 && cp <= 0xfe0f) ||
      (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
      (cp >= 0xe0020 && cp <= 0xe007f) ||
      MARK.test(ch)
    );
  },
};

type Fallback = Exclude<FaceName, typeof REGULAR | typeof BOLD>;

const CHAIN: Fallback[] = [
  'NotoSansSC-Regular',
  'NotoSansKR-Regular',
  'NotoSansDevanagari-Regular',
  'NotoSansThai-Regular',
  ...MORE_SCRIPTS.map((s) => `NotoSans${s}-Regular` as const),
  'NotoEmoji-Regular',
];

/** The Unicode blocks of the scripts in MORE_SCRIPTS (with their extensions). */
const MORE_RANGES: Record<MoreScript, [number, number][]> = {
  Bengali: [[0x980, 0x9ff]],
  Gujarati: [[0xa80, 0xaff]],
  Tamil: [
    [0xb80, 0xbff],
    [0x11fc0, 0x11fff],
  ],
  Telugu: [[0xc00, 0xc7f]],
  Kannada: [[0xc80, 0xcff]],
  Malayalam: [[0xd00, 0xd7f]],
  Sinhala: [
    [0xd80, 0xdff],
    [0x111e0, 0x111ff],
  ],
  Myanmar: [
    [0x1000, 0x109f],
    [0xa9e0, 0xa9ff],
    [0xaa60, 0xaa7f],
  ],
  Ethiopic: [
    [0x1200, 0x139f],
    [0x2d80, 0x2ddf],
    [0xab00, 0xab2f],
    [0x1e7e0, 0x1e7ff],
  ],
  Khmer: [
    [0x1780, 0x17ff],
    [0x19e0, 0x19ff],
  ],
};

/** The face a script's range goes to first (before the chain), by base face. */
function preferred(cp: number, bold: boolean): Fallback | undefined {
  if ((cp >= 0x900 && cp <= 0x97f) || (cp >= 0xa8e0 && cp <= 0xa8ff))
    return bold ? 'NotoSansDevanagari-Bold' : 'NotoSansDevanagari-Regular';
  if (cp >= 0xe00 && cp <= 0xe7f) return bold ? 'NotoSansThai-Bold' : 'NotoSansThai-Regular';
  if (
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0x3130 && cp <= 0x318f) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7ff)
  ) {
    return 'NotoSansKR-Regular';
  }
  if (cp >= 0x1f000 && cp <= 0x1faff) return 'NotoEmoji-Regular';
  for (const s of MORE_SCRIPTS) {
    if (MORE_RANGES[s].some(([lo, hi]) => cp >= lo && cp <= hi)) return `NotoSans${s}-${bold ? 'Bold' : 'Regular'}`;
  }
  return undefined;
}

/** Per base face: code point → whether DejaVu has it (1) or not (2); 0 = not asked yet. */
const covered = { [REGULAR]: new Uint8Array(0x10000), [BOLD]: new Uint8Array(0x10000) };

function baseHas(base: typeof REGULAR | typeof BOLD, cp: number): boolean {
  if (cp < 0x10000) {
    const table = covered[base];
    let v = table[cp]!;
    if (v === 0) table[cp] = v = fontInfo(base).hasGlyphForCodePoint(cp) ? 1 : 2;
    return v === 1;
  }
  return fontInfo(base).hasGlyphForCodePoint(cp);
}

/** The face for one (non-attached) character. */
function faceFor(cp: number, base: typeof REGULAR | typeof BOLD): FaceName {
  if (cp < 0x370 || cp === 0x20 || baseHas(base, cp)) return base;
  const bold = base === BOLD;
  const first = preferred(cp, bold);
  if (first && fontInfo(first).hasGlyphForCodePoint(cp)) return first;
  for (const f of CHAIN) if (f !== first && fontInfo(f).hasGlyphForCodePoint(cp)) return f;
  // Nothing has it: DejaVu prints its missing-glyph box.
  return base;
}

/**
 * Characters no embedded face has, met while drawing since the last `takeUnprintable()`: they
 * print as the font's empty box, so the print dialog names them (never a silent box). Rendering
 * runs in one thread, one document at a time: a service takes them right after its document.
 */
const unprintable = new Set<string>();

/** Notes the characters of a drawn piece that its face (DejaVu: nothing else had them) lacks. */
export function noteUnprintable(piece: Piece, base: typeof REGULAR | typeof BOLD): void {
  if (piece.face !== base || piece.space) return;
  for (const ch of piece.text) {
    const cp = ch.codePointAt(0)!;
    if (unprintable.size < 50 && cp >= 0x370 && !ATTACHED.test(ch) && !baseHas(base, cp)) unprintable.add(ch);
  }
}

/** The characters that printed as a box since the last call, in the order met (and forgets them). */
export function takeUnprintable(): string[] {
  const out = [...unprintable];
  unprintable.clear();
  return out;
}

/** Whether DejaVu prints the whole text, left to right (memoised per base face: labels recur). */
const simpleCache = { [REGULAR]: new Map<string, boolean>(), [BOLD]: new Map<string, boolean>() };

/** Forgets the memoised answers (they hold the texts printed): see caches.ts. */
export function clearSimpleCache(): void {
  simpleCache[REGULAR].clear();
  simpleCache[BOLD].clear();
}

/** The texts memoised here (for tests). */
export function* cachedSimpleTexts(): Generator<string> {
  yield* simpleCache[REGULAR].keys();
  yield* simpleCache[BOLD].keys();
}

/** Whether every UTF-16 unit is below `limit` (the common case, answered without allocating). */
function allBelow(text: string, limit: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= limit) return false;
  return true;
}

export function isSimple(text: string, base: typeof REGULAR | typeof BOLD): boolean {
  // Fast path: ASCII, Latin-1, Latin Extended, IPA, combining accents.
  if (allBelow(text, 0x370)) return true;
  const cache = simpleCache[base];
  let r = cache.get(text);
  if (r === undefined) {
    r = !RTL.test(text) && Array.from(text).every((ch) => baseHas(base, ch.codePointAt(0)!) || ATTACHED.test(ch));
    if (cache.size > 20_000) cache.clear();
    cache.set(text, r);
  }
  return r;
}

/** A piece of a line: one face, one direction, no spaces inside (a space is a piece of its own). */
export interface Piece {
  text: string;
  face: FaceName;
  /** The bidi level (odd: right to left). */
  level: number;
  space: boolean;
}

/** Cuts a line into pieces of one face (logical order; levels all 0). */
function cut(line: string, base: typeof REGULAR | typeof BOLD, levels?: Uint8Array): Piece[] {
  const pieces: Piece[] = [];
  let cur: Piece | undefined;
  let prevFace: FaceName = base;
  let at = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const level = levels ? levels[at]! : 0;
    at += ch.length;
    const space = ch === ' ' || ch === '\t';
    const face: FaceName = space ? base : ATTACHED.test(ch) ? prevFace : faceFor(cp, base);
    prevFace = face;
    if (cur && !space && !cur.space && cur.face === face && cur.level === level) {
      cur.text += ch;
      continue;
    }
    cur = { text: space ? ' ' : ch, face, level, space };
    pieces.push(cur);
  }
  return pieces;
}

/** The pieces of a line, for measuring (order does not matter). */
export function measurePieces(text: string, base: typeof REGULAR | typeof BOLD): Piece[] {
  return cut(text, base);
}

/** Whether a line's base direction is right to left (its first strong character is). */
export function isRtl(line: string): boolean {
  if (allBelow(line, 0x590) || !RTL.test(line)) return false;
  return bidi.getEmbeddingLevels(line).paragraphs[0]?.level === 1;
}

const mirror = (s: string) => Array.from(s, (ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');

/** The pieces of a line in visual order (left to right), each ready to be drawn as is. */
export function visualPieces(line: string, base: typeof REGULAR | typeof BOLD): Piece[] {
  if (!RTL.test(line)) return cut(line, base);
  const { levels } = bidi.getEmbeddingLevels(line);
  const pieces = cut(line, base, levels);
  // Rule L2: from the highest level down to the lowest odd one, reverse every run of pieces at
  // that level or higher.
  let max = 0;
  let minOdd = Infinity;
  for (const p of pieces) {
    max = Math.max(max, p.level);
    if (p.level % 2 === 1) minOdd = Math.min(minOdd, p.level);
  }
  for (let lv = max; lv >= minOdd; lv--) {
    for (let i = 0; i < pieces.length; i++) {
      if (pieces[i]!.level < lv) continue;
      let j = i;
      while (j + 1 < pieces.length && pieces[j + 1]!.level >= lv) j++;
      const run = pieces.slice(i, j + 1).reverse();
      pieces.splice(i, run.length, ...run);
      i = j;
    }
  }
  // fontkit reverses the glyphs of a piece whose script is right to left; other right-to-left
  // pieces (punctuation) are reversed here. Brackets and the like are mirrored.
  return pieces.map((p) => {
    if (p.space) return p;
    // Left to right inside right-to-left text, but in the Arabic script (Arabic-Indic digits
    // "٣٠"): fontkit would reverse it, so it is reversed here first.
    if (p.level % 2 === 0) return RTL.test(p.text) ? { ...p, text: Array.from(p.text).reverse().join('') } : p;
    const text = mirror(p.text);
    return { ...p, text: RTL.test(text) ? text : Array.from(text).reverse().join('') };
  });
}

/** The vertical shift that puts a face's baseline on DejaVu's, for text whose top is at y. */
export function baselineShift(face: FaceName, base: typeof REGULAR | typeof BOLD, size: number): number {
  if (face === base) return 0;
  const a = fontInfo(base);
  const b = fontInfo(face);
  return (a.ascent / a.unitsPerEm - b.ascent / b.unitsPerEm) * size;
}

/** Faces with one weight: bold text in them is drawn filled and stroked (a bold look). */
const SINGLE_WEIGHT = new Set<FaceName>(['NotoSansSC-Regular', 'NotoSansKR-Regular', 'NotoEmoji-Regular']);

export const fauxBold = (face: FaceName, base: typeof REGULAR | typeof BOLD): boolean => base === BOLD && SINGLE_WEIGHT.has(face);
