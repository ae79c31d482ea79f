import type { WorksheetDraftSummary } from '../../../../shared/contract';
import { missingSummary } from '../../../../shared/worksheet';
import {
  APPROACH_LABELS,
  CATEGORY_LABELS,
  kickerOf,
  PHASE_LABELS,
  type Approach,
  type Category,
  type Phase,
} from '../../../../shared/worksheet';

/**
 * Small pure helpers for the library screens. How a worksheet is put on paper (scales, dates,
 * day headings, landscape) lives in shared/worksheet (presentation.ts), used by the PDF too.
 */

/** An instant (UTC ISO) as a date in the clinician's locale. */
export function instantDate(iso: string, locale?: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

export const categoryLabel = (c: string): string => CATEGORY_LABELS[c as Category] ?? '';
export const approachLabel = (a: string): string => APPROACH_LABELS[a as Approach] ?? '';
/** "Thoughts and beliefs · CBT"; one word when both say the same ("Exposure"). */
export function kindLine(category: string, approach: string, title = ''): string {
  const c = categoryLabel(category);
  const a = approachLabel(approach);
  // The same rule as the printed heading (shared kickerOf), for a half-finished designer draft too.
  if (c && a) return kickerOf({ category: category as Category, approach: approach as Approach, title });
  return c || a;
}

export const phaseLabel = (p: string): string => PHASE_LABELS[p as Phase] ?? '';

/** "1 assignment", "3 assignments". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function usedIn(n: number): string {
  return n === 0 ? 'Not assigned yet' : `Used in ${plural(n, 'assignment')}`;
}

// ---- drafts (issue 11)
/** What a draft still needs before it can be assigned, in a line. */
export function draftNote(d: WorksheetDraftSummary): string {
  return d.ready
    ? 'Draft — complete: open it and choose Save to make it ready to assign.'
    : `Draft — not ready to assign: ${missingSummary(d.missing)}`;
}
