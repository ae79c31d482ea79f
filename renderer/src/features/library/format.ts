import { addDays, formatDate, isValidIsoDate } from '../../../../shared/dates';
import {
  APPROACH_LABELS,
  CATEGORY_LABELS,
  PHASE_LABELS,
  type Approach,
  type Category,
  type Phase,
  type Scale,
} from '../../../../shared/worksheet';

/**
 * Small pure helpers shared by the preview and the library screens. They never throw on a
 * half-finished definition (the designer previews drafts that do not validate yet).
 */

const finite = (n: unknown, fallback: number): number => (typeof n === 'number' && Number.isFinite(n) ? n : fallback);

/** A number as printed: a real minus sign. */
export const num = (n: number): string => String(n).replace('-', '−');

/** The tick values of a scale (at most 101, whatever the draft holds). */
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
  return `${num(finite(scale.min, 0))}–${num(finite(scale.max, 0))}${scale.unit ? ` ${scale.unit}` : ''}`;
}

/** "0–10: 0 = very low · 5 = okay · 10 = very good". */
export function scaleSummary(scale: Scale): string {
  const anchors = [...(scale.anchors ?? [])]
    .filter((a) => a.label?.trim())
    .sort((a, b) => a.value - b.value)
    .map((a) => `${num(a.value)} = ${a.label}`);
  return anchors.length ? `${scaleRange(scale)}: ${anchors.join(' · ')}` : scaleRange(scale);
}

/** Column headings of a daily grid: weekday and date from the start date, else "Day 1", "Day 2" … */
export function dayHeadings(days: number, startDate?: string, locale?: string): { top: string; sub?: string }[] {
  const n = Math.min(Math.max(Math.round(finite(days, 1)), 1), 31);
  if (!startDate || !isValidIsoDate(startDate)) return Array.from({ length: n }, (_, i) => ({ top: `Day ${i + 1}` }));
  const wd = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dm = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  return Array.from({ length: n }, (_, i) => {
    const [y, m, d] = addDays(startDate, i).split('-').map(Number) as [number, number, number];
    const at = new Date(Date.UTC(y, m - 1, d));
    return { top: wd.format(at).replace(/\.$/, ''), sub: dm.format(at) };
  });
}

/** A calendar date in the clinician's locale ("14 March 2026"); anything else is shown as given. */
export const longDate = (iso: string, locale?: string): string => (isValidIsoDate(iso) ? formatDate(iso, locale, 'long') : iso);

/** An instant (UTC ISO) as a date in the clinician's locale. */
export function instantDate(iso: string, locale?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

export const categoryLabel = (c: string): string => CATEGORY_LABELS[c as Category] ?? '';
export const approachLabel = (a: string): string => APPROACH_LABELS[a as Approach] ?? '';
/** "Thoughts and beliefs · CBT"; one word when both say the same ("Exposure"). */
export function kindLine(category: string, approach: string): string {
  const c = categoryLabel(category);
  const a = approachLabel(approach);
  return c && a && c.toLowerCase() !== a.toLowerCase() ? `${c} · ${a}` : c || a;
}

export const phaseLabel = (p: string): string => PHASE_LABELS[p as Phase] ?? '';

/** "1 assignment", "3 assignments". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function usedIn(n: number): string {
  return n === 0 ? 'Not assigned yet' : `Used in ${plural(n, 'assignment')}`;
}
