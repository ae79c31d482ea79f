import { addDays, isValidIsoDate } from '../dates';
import {
  APPROACH_LABELS,
  CATEGORY_LABELS,
  LIMITS,
  type Approach,
  type Block,
  type BlockOf,
  type Category,
  type Scale,
} from './schema';

/**
 * How a worksheet definition is put on paper: the rules both the PDF engine and the on-screen
 * preview follow (scales, day headings, captions, which parts go landscape). Rules that need font
 * metrics stay in the PDF engine; everything here is plain arithmetic on the definition.
 *
 * These never throw on a half-finished definition (the designer previews drafts that do not
 * validate yet); for a valid definition they give exactly what the schema describes.
 */

const finite = (n: unknown, fallback: number): number => (typeof n === 'number' && Number.isFinite(n) ? n : fallback);

/** A whole number between min and max (a draft's NaN or out-of-range count becomes `fallback` or the nearest limit). */
const count = (n: unknown, fallback: number, min: number, max: number): number =>
  Math.min(Math.max(Math.round(finite(n, fallback)), min), max);

// ------------------------------------------------------------------------------ numbers and scales

/** A number as printed: with a real minus sign. */
export const printedNumber = (n: number): string => String(n).replace('-', '−');

/** The tick values of a scale, lowest first (at most 101, whatever a draft holds). */
export function scaleTicks(scale: Scale): number[] {
  const min = finite(scale.min, 0);
  const max = finite(scale.max, min);
  const step = Math.max(1, finite(scale.step, 1));
  const out: number[] = [];
  for (let v = min; v <= max && out.length < 101; v += step) out.push(v);
  if (out.length === 0) out.push(min);
  return out;
}

/** "0–100 %", "1–5". */
export function scaleRange(scale: Scale): string {
  return `${printedNumber(finite(scale.min, 0))}–${printedNumber(finite(scale.max, 0))}${scale.unit ? ` ${scale.unit}` : ''}`;
}

export interface ScaleAnchor {
  value: number;
  label: string;
  /** How the anchor's text sits under its tick: flush with the ends of the scale, else centred. */
  align: 'left' | 'center' | 'right';
}

/** The named anchors of a scale, lowest first. */
export function scaleAnchors(scale: Scale): ScaleAnchor[] {
  const min = finite(scale.min, 0);
  const max = finite(scale.max, min);
  return [...(scale.anchors ?? [])]
    .filter((a) => a.label?.trim())
    .sort((a, b) => a.value - b.value)
    .map((a) => ({ value: a.value, label: a.label, align: a.value <= min ? 'left' : a.value >= max ? 'right' : 'center' }));
}

/** "0–10: 0 = very low · 5 = okay · 10 = very good". */
export function scaleSummary(scale: Scale): string {
  const anchors = scaleAnchors(scale).map((a) => `${printedNumber(a.value)} = ${a.label}`);
  return anchors.length ? `${scaleRange(scale)}: ${anchors.join(' · ')}` : scaleRange(scale);
}

/** A scale drawn as a line: its ticks, which of them carry their number, and where its anchors go. */
export interface ScaleLine {
  ticks: number[];
  numbered: boolean[];
  /** Lowest first; `at` is the anchor's place, `lo`–`hi` the room its label may use (in the caller's units). */
  anchors: (ScaleAnchor & { at: number; lo: number; hi: number })[];
}

/**
 * Lays out a scale as a line. A tick carries its number when it is every `every`-th one, the last
 * one or an anchor (how many to skip depends on the space, which the caller knows). `place(i)` is
 * where the tick with index i sits (i is fractional for an anchor between ticks). Each anchor's
 * label may use the room from halfway to the anchor before it to halfway to the one after it,
 * the first from `start` and the last up to `end`.
 */
export function scaleLine(scale: Scale, every: number, place: (index: number) => number, start: number, end: number): ScaleLine {
  const ticks = scaleTicks(scale);
  const step = Math.max(1, finite(scale.step, 1));
  const named = scaleAnchors(scale);
  const values = new Set(named.map((a) => a.value));
  const numbered = ticks.map((v, i) => i % every === 0 || i === ticks.length - 1 || values.has(v));
  const at = named.map((a) => place(Math.min(Math.max((a.value - ticks[0]!) / step, 0), ticks.length - 1)));
  const anchors = named.map((a, i) => ({
    ...a,
    at: at[i]!,
    lo: i === 0 ? start : (at[i - 1]! + at[i]!) / 2,
    hi: i === named.length - 1 ? end : (at[i]! + at[i + 1]!) / 2,
  }));
  return { ticks, numbered, anchors };
}

const mentions = (label: string, range: string) => label.replace(/-/g, '–').replace(/\s/g, '').includes(range.replace(/\s/g, ''));

/**
 * The muted second line under a table column's heading or a grid row's label: a rating's range
 * (unless the label already gives it), a number's unit (unless the label names it).
 */
export function columnCaption(c: { kind: string; label: string; unit?: string | undefined; scale?: Scale | undefined }): string {
  const label = c.label ?? '';
  if (c.kind === 'rating' && c.scale) {
    // A designer draft's impossible scale (lowest above highest, step 0) is not printed as a range.
    if (scaleProblem(c.scale)) return '(scale to fix)';
    return mentions(label, `${c.scale.min}–${c.scale.max}`) ? '' : scaleRange(c.scale);
  }
  if (c.unit && !label.includes(c.unit)) return `(${c.unit})`;
  return '';
}

// ------------------------------------------------------------------------------ help lines

/** Added to the help of a checklist or a single choice. */
export const optionsHint = (type: 'checklist' | 'choice'): string => (type === 'choice' ? 'Choose one.' : 'Tick all that apply.');

/** Added to the help of a ladder: which end is which, and what the rating means. */
export const ladderHint = (steps: number, scale: Scale): string =>
  scaleProblem(scale)
    ? `Step 1 is the easiest and step ${steps} the hardest.`
    : `Step 1 is the easiest and step ${steps} the hardest. Rating ${scaleSummary(scale)}.`;

// ------------------------------------------------------------------------------ dates

/** Intl formatters are slow to build: one per locale and style, for the life of the process. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${locale ?? ''}|${key}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(k, f);
  }
  return f;
}

/** A calendar date as a Date at midnight UTC (formatted in UTC, so never shifted by a time zone). */
function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** "14 March 2026" (en-GB) for '2026-03-14'; anything that is not a calendar date is shown as given. */
export function longDate(iso: string, locale?: string): string {
  if (!isValidIsoDate(iso)) return iso;
  return formatter(locale, 'long', { dateStyle: 'long' }).format(utc(iso));
}

/** Column headings of a daily grid: "Mon" + "16/03" from the start date, else "Day 1", "Day 2" … */
export function dayHeadings(days: number, startDate?: string, locale?: string): { top: string; sub?: string }[] {
  const n = count(days, 1, 1, 31);
  if (!startDate || !isValidIsoDate(startDate)) return Array.from({ length: n }, (_, i) => ({ top: `Day ${i + 1}` }));
  const wd = formatter(locale, 'weekday', { weekday: 'short' });
  const dm = formatter(locale, 'day-month', { day: 'numeric', month: 'numeric' });
  return Array.from({ length: n }, (_, i) => {
    const d = utc(addDays(startDate, i));
    return { top: wd.format(d).replace(/\.$/, ''), sub: dm.format(d) };
  });
}

// ------------------------------------------------------------------------------ the page

export type Paper = 'a4' | 'letter';

/** Paper sizes in PDF points (portrait). */
export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

/** The left and right page margins, in points. */
export const PAGE_MARGIN_X = 54;

/** Large print scales type and writing space by this factor. */
export const LARGE_PRINT_SCALE = 1.4;

/** The content width a page offers, in points. */
export function contentWidth(paper: Paper, landscape: boolean): number {
  const p = PAPER_SIZES[paper];
  return (landscape ? p.height : p.width) - 2 * PAGE_MARGIN_X;
}

/** Whether a table has a column, or a daily grid a row, for written text (its cells are then taller). */
export function writesText(b: BlockOf<'table' | 'dailyGrid'>): boolean {
  return b.type === 'table' ? (b.columns ?? []).some((c) => c.kind === 'text') : (b.items ?? []).some((it) => it.kind === 'text');
}

/**
 * Whether a part goes on a landscape page. A table does at 6 columns or more (5 in large print);
 * a daily grid does when its label column and days cannot get their minimum widths in portrait.
 * (The PDF also turns a table whose heading word cannot fit its portrait column: that needs the
 * font, so the engine adds it.)
 */
export function needsLandscape(b: Block, opts: { largePrint: boolean; paper?: Paper }): boolean {
  if (b.type === 'table') return (b.columns?.length ?? 0) >= (opts.largePrint ? 5 : 6);
  if (b.type === 'dailyGrid') {
    const s = opts.largePrint ? LARGE_PRINT_SCALE : 1;
    const need = 110 * s + count(b.days, 7, 1, 31) * (writesText(b) ? 62 : 34) * s;
    return need > contentWidth(opts.paper ?? 'a4', false);
  }
  return false;
}

/** The first part the client fills in (its orientation is the first page's), or -1. */
export function firstInputIndex(blocks: readonly Block[]): number {
  return blocks.findIndex((b) => b.type !== 'prompt');
}

/**
 * The line above the title: category and approach, each once ("Exposure", not "Exposure ·
 * Exposure"), and neither when it only repeats the title.
 */
export function kickerOf(def: { category: Category; approach: Approach; title: string }): string {
  const norm = (t: string) => t.trim().toLocaleLowerCase();
  const parts: string[] = [];
  for (const p of [CATEGORY_LABELS[def.category], APPROACH_LABELS[def.approach]]) {
    if (!parts.some((q) => norm(q) === norm(p))) parts.push(p);
  }
  const shown = parts.filter((p) => norm(p) !== norm(def.title));
  return (shown.length ? shown : parts).join(' · ');
}

/**
 * Why a scale cannot be drawn as it stands (a designer draft: lowest above highest, a step of 0,
 * too many points), in the therapist's words; null when it can. The preview shows this message in
 * place of the scale instead of a garbled line.
 */
export function scaleProblem(scale: Partial<Scale>): string | null {
  const { min, max, step } = scale;
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) {
    return 'This scale needs a lowest and a highest value.';
  }
  if (typeof step !== 'number' || !Number.isFinite(step) || step < 1) return 'This scale needs a step of at least 1.';
  if (max <= min) return `The highest value (${max}) must be above the lowest (${min}).`;
  if ((max - min) / step + 1 > LIMITS.ratingPoints)
    return `This scale would show more than ${LIMITS.ratingPoints} points; use a larger step.`;
  return null;
}
