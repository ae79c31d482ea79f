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

export function widthOf(doc: Doc, font: FaceName, size: number, text: string): number {
  if (!speedupsOn()) return selectFace(doc, font).fontSize(size).widthOfString(text);
  let bySize = widths.get(font);
  if (!bySize) widths.set(font, (bySize = new Map()));
  let byText = bySize.get(size);
  if (!byText) bySize.set(size, (byText = new Map()));
  let w = byText.get(text);
  if (w === undefined) {
    w = selectFace(doc, font).fontSize(size).widthOfString(text);
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

/** Forgets every memoised width (they hold the texts printed): see caches.ts. */
export function clearWidthCache(): void {
  widths.clear();
  widthCount = 0;
}

/** The texts whose widths are memoised (for tests). */
export function* cachedWidthTexts(): Generator<string> {
  for (const bySize of widths.values()) for (const byText of bySize.values()) yield* byText.keys();
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

// ------------------------------------------------------------------------------ fallback faces

/**
 * Faces for the scripts DejaVu Sans lacks, tried in this order after DejaVu (see scripts.ts):
 * Noto Sans SC (Chinese, simplified and traditional, and Japanese kanji and kana), Noto Sans KR
 * (Hangul), Noto Sans Devanagari and Noto Sans Thai (each with their own bold), and the
 * monochrome Noto Emoji. All are TrueType files from @expo-google-fonts packages (Google Fonts'
 * static instances, SIL OFL 1.1), read and parsed only when a document first needs one, and
 * embedded as a subset of the glyphs used. The CJK and emoji faces come in one weight (their
 * bold files would add 17 MB): bold text in those faces is drawn filled and stroked (layout.ts).
 */
/**
 * Scripts a client's name is written in that DejaVu lacks (issue 11), each with a Noto Sans face
 * in two weights from @expo-google-fonts/noto-sans-<script> (SIL OFL 1.1), shaped by fontkit as
 * Devanagari is. (Georgian, Armenian and Lao are in DejaVu Sans itself. Noto Sans Gurmukhi is
 * left out: fontkit 2 fails on its mark positioning; Gurmukhi prints as boxes, named in the app.)
 */
export const MORE_SCRIPTS = [
  'Bengali',
  'Tamil',
  'Ethiopic',
  'Sinhala',
  'Gujarati',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Khmer',
  'Myanmar',
] as const;
export type MoreScript = (typeof MORE_SCRIPTS)[number];

export type FallbackName =
  | `NotoSans${MoreScript}-${'Regular' | 'Bold'}`
  | 'NotoSansSC-Regular'
  | 'NotoSansKR-Regular'
  | 'NotoSansDevanagari-Regular'
  | 'NotoSansDevanagari-Bold'
  | 'NotoSansThai-Regular'
  | 'NotoSansThai-Bold'
  | 'NotoEmoji-Regular';

const FALLBACK_FILES: Record<FallbackName, [pkg: string, file: string]> = {
  'NotoSansSC-Regular': ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'],
  'NotoSansKR-Regular': ['@expo-google-fonts/noto-sans-kr', '400Regular/NotoSansKR_400Regular.ttf'],
  'NotoSansDevanagari-Regular': ['@expo-google-fonts/noto-sans-devanagari', '400Regular/NotoSansDevanagari_400Regular.ttf'],
  'NotoSansDevanagari-Bold': ['@expo-google-fonts/noto-sans-devanagari', '700Bold/NotoSansDevanagari_700Bold.ttf'],
  'NotoSansThai-Regular': ['@expo-google-fonts/noto-sans-thai', '400Regular/NotoSansThai_400Regular.ttf'],
  'NotoSansThai-Bold': ['@expo-google-fonts/noto-sans-thai', '700Bold/NotoSansThai_700Bold.ttf'],
  'NotoEmoji-Regular': ['@expo-google-fonts/noto-emoji', '400Regular/NotoEmoji_400Regular.ttf'],
  ...(Object.fromEntries(
    MORE_SCRIPTS.flatMap((s) =>
      (['400Regular', '700Bold'] as const).map((w) => [
        `NotoSans${s}-${w.slice(3)}`,
        [`@expo-google-fonts/noto-sans-${s.toLowerCase()}`, `${w}/NotoSans${s}_${w}.ttf`],
      ]),
    ),
  ) as Record<`NotoSans${MoreScript}-${'Regular' | 'Bold'}`, [string, string]>),
};

export type FaceName = typeof REGULAR | typeof BOLD | FallbackName;

/** What scripts.ts asks of a parsed (fontkit) font: public fontkit API only. */
interface FontInfo {
  hasGlyphForCodePoint(cp: number): boolean;
  ascent: number;
  unitsPerEm: number;
  /** Shapes a text; its advance width is in font units. */
  layout(text: string): { advanceWidth: number };
}

const fallbackFiles = new Map<FallbackName, Buffer>();
const fallbackParsed = new Map<FallbackName, object>();
/** Parsed fonts to answer coverage and metrics questions (never drawn with). */
const infos = new Map<FaceName, FontInfo>();
/** The fallback faces each document has selected once (then selected by name). */
const loaded = new WeakMap<Doc, Set<FallbackName>>();

function fallbackFile(name: FallbackName): Buffer {
  let f = fallbackFiles.get(name);
  if (!f) {
    const [pkg, file] = FALLBACK_FILES[name];
    const require = createRequire(import.meta.url);
    f = readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file));
    fallbackFiles.set(name, f);
  }
  return f;
}

/**
 * The parsed font of a face, for its coverage and metrics: pdfkit parses it (in a document that
 * is never written), so that fontkit stays pdfkit's own dependency.
 */
export function fontInfo(name: FaceName): FontInfo {
  let info = infos.get(name);
  if (!info) {
    const source = name === REGULAR ? fontFiles().regular : name === BOLD ? fontFiles().bold : fallbackFile(name);
    info = parsedFont(new PDFDocument({ autoFirstPage: false, font: asSource(source) as unknown as string })) as FontInfo;
    infos.set(name, info);
  }
  return info;
}

/**
 * The width of a text in a face at a size (points), without a document: what charts measure
 * their labels with, so that the SVG laid out by ECharts fits the embedded fonts it is drawn in.
 */
export function textWidth(face: typeof REGULAR | typeof BOLD, size: number, text: string): number {
  const f = fontInfo(face);
  return (f.layout(text).advanceWidth / f.unitsPerEm) * size;
}

/** Selects a face in a document (a fallback face is added to it the first time). */
export function selectFace(doc: Doc, name: FaceName): Doc {
  if (name === REGULAR || name === BOLD) return doc.font(name);
  let set = loaded.get(doc);
  if (!set) loaded.set(doc, (set = new Set()));
  if (set.has(name)) return doc.font(name);
  const reuse = speedupsOn();
  // With the speed-ups on, the font parsed for coverage is the one drawn with (parsed once).
  doc.font(asSource(reuse ? (fallbackParsed.get(name) ?? fontInfo(name)) : fallbackFile(name)));
  if (currentFontName(doc) !== name) throw new Error(`Unexpected font ${currentFontName(doc)} for ${name}`);
  speedUp(doc);
  if (!fallbackParsed.has(name)) fallbackParsed.set(name, parsedFont(doc));
  set.add(name);
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
