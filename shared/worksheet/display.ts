import type { Block, Scale, WorksheetDefinition } from './schema';
import { printedNumber } from './presentation';
import type { Answers } from './answers';

/** "70 — very anxious" when the value is an anchor of its scale, else "70" (with the unit). */
export function ratingText(scale: Scale, value: number): string {
  const anchor = scale.anchors?.find((a) => a.value === value);
  const unit = scale.unit ? ` ${scale.unit}` : '';
  return `${printedNumber(value)}${unit}${anchor ? ` — ${anchor.label}` : ''}`;
}

/** Minutes as the clinician reads them: "45 min", "1 h 30 min". */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

type Kinded = { kind: string; unit?: string | undefined; scale?: Scale | undefined };

function cellText(c: Kinded, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (c.kind === 'check') return v === true ? 'Yes' : 'No';
  if (c.kind === 'rating' && typeof v === 'number' && c.scale) return ratingText(c.scale, v);
  if (c.kind === 'number' && typeof v === 'number') return `${printedNumber(v)}${c.unit ? ` ${c.unit}` : ''}`;
  return String(v);
}

/** One answer, as a label beside its value ("Hours slept" — "7 h"). */
export interface AnswerField {
  label: string;
  value: string;
  /** The block it answers. */
  blockId: string;
  /** What kind of value: ratings and numbers are the key values of a record. */
  kind: string;
}

const KEY_ORDER = ['rating', 'number', 'duration', 'check', 'choice', 'checklist'];

/** The key values of a record first (ratings, numbers, time spent, ticks), then the rest; stable within each kind. */
export function keyFields(fields: readonly AnswerField[]): AnswerField[] {
  const rank = (f: AnswerField) => {
    const i = KEY_ORDER.indexOf(f.kind);
    return i < 0 ? KEY_ORDER.length : i;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}

function blockFields(b: Block, v: unknown): AnswerField[] {
  const one = (label: string, value: string | null, kind: string = b.type): AnswerField[] =>
    value ? [{ label, value, blockId: b.id, kind }] : [];
  switch (b.type) {
    case 'prompt':
      return [];
    case 'shortText':
    case 'longText':
    case 'date':
    case 'time':
      return one(b.label, typeof v === 'string' ? v : null);
    case 'number':
      return one(b.label, typeof v === 'number' ? `${printedNumber(v)}${b.unit ? ` ${b.unit}` : ''}` : null);
    case 'duration':
      return one(b.label, typeof v === 'number' ? minutesText(v) : null);
    case 'rating':
      return one(b.label, typeof v === 'number' ? ratingText(b.scale, v) : null);
    case 'checklist':
      return one(b.label, Array.isArray(v) && v.length ? v.join(', ') : null);
    case 'choice':
      return one(b.label, typeof v === 'string' ? v : null);
    case 'table': {
      const rows = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
      return rows.flatMap((row, r) =>
        b.columns.flatMap((c) =>
          one(
            rows.length > 1 ? `${b.label}, row ${r + 1}: ${c.label}` : `${b.label}: ${c.label}`,
            cellText(c, row[c.id]),
            c.kind,
          ),
        ),
      );
    }
    case 'dailyGrid': {
      const days = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
      return days.flatMap((day, d) =>
        b.items.flatMap((it) =>
          one(days.length > 1 ? `Day ${d + 1}: ${it.label}` : it.label, cellText(it, day?.[it.id]), it.kind),
        ),
      );
    }
    case 'hierarchy': {
      const steps = Array.isArray(v) ? (v as { step?: string; rating?: number | null }[]) : [];
      return steps.flatMap((s, i) => {
        const rating = typeof s.rating === 'number' ? ratingText(b.scale, s.rating) : null;
        const text = [s.step || null, rating].filter(Boolean).join(' — ');
        return one(`${b.label}, step ${i + 1}`, text || null, 'text');
      });
    }
  }
}

/** Every answer of a record beside its worksheet label, in the worksheet's order; empty ones left out. */
export function answerFields(def: WorksheetDefinition, answers: Answers): AnswerField[] {
  return def.blocks.flatMap((b) => (b.id in answers ? blockFields(b, answers[b.id]) : []));
}
