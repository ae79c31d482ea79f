import { answersSchemaFor, type Answers, type Block, type WorksheetDefinition } from '../../../../shared/worksheet';

/**
 * What the clinician has typed into a generated practice form, before it becomes answers: raw
 * text (and ticks) by answer path, the same paths the core names in its messages
 * ("mood", "thoughts.0.feeling", "week.0.mood", "ladder.2.rating").
 */
export type DraftValue = string | boolean | string[];
export type Draft = Record<string, DraftValue>;

/** A number as people type it: "7", "7.5", "7,5", " 70 ". Undefined when it is not one. */
export function parseNumber(raw: string): number | undefined {
  const t = raw.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

const str = (v: DraftValue | undefined): string => (typeof v === 'string' ? v : '');

type Kind = 'text' | 'number' | 'rating' | 'date' | 'time' | 'check' | 'duration';

/** One value of the given kind, or undefined when empty; a message in `errors` when unreadable. */
function valueOf(draft: Draft, path: string, kind: Kind, label: string, errors: Record<string, string>): unknown {
  const v = draft[path];
  if (kind === 'check') return v === true ? true : undefined;
  const raw = str(v);
  if (!raw.trim()) return undefined;
  if (kind === 'number' || kind === 'rating' || kind === 'duration') {
    const n = parseNumber(raw);
    if (n === undefined) errors[path] = `${label}: enter a number${kind === 'duration' ? ' of minutes' : ''}, for example 7.`;
    return n;
  }
  return kind === 'text' ? raw : raw.trim();
}

function blockAnswer(b: Block, draft: Draft, errors: Record<string, string>, gridDays: number): unknown {
  switch (b.type) {
    case 'prompt':
      return undefined;
    case 'shortText':
    case 'longText':
      return valueOf(draft, b.id, 'text', b.label, errors);
    case 'number':
      return valueOf(draft, b.id, 'number', b.label, errors);
    case 'duration':
      return valueOf(draft, b.id, 'duration', b.label, errors);
    case 'date':
      return valueOf(draft, b.id, 'date', b.label, errors);
    case 'time':
      return valueOf(draft, b.id, 'time', b.label, errors);
    case 'rating':
      return valueOf(draft, b.id, 'rating', b.label, errors);
    case 'checklist': {
      const v = draft[b.id];
      return Array.isArray(v) && v.length ? b.options.filter((o) => v.includes(o)) : undefined;
    }
    case 'choice':
      return str(draft[b.id]) || undefined;
    case 'table': {
      const rows: Record<string, unknown>[] = [];
      for (let r = 0; r < b.rows; r++) {
        const row: Record<string, unknown> = {};
        for (const c of b.columns) {
          const v = valueOf(draft, `${b.id}.${r}.${c.id}`, c.kind, `${b.label}, row ${r + 1}, ${c.label}`, errors);
          if (v !== undefined) row[c.id] = v;
        }
        if (Object.keys(row).length) rows.push(row);
      }
      return rows.length ? rows : undefined;
    }
    case 'dailyGrid': {
      const days: Record<string, unknown>[] = [];
      for (let d = 0; d < gridDays; d++) {
        const day: Record<string, unknown> = {};
        for (const it of b.items) {
          const v = valueOf(draft, `${b.id}.${d}.${it.id}`, it.kind, it.label, errors);
          if (v !== undefined) day[it.id] = v;
        }
        if (Object.keys(day).length) for (const it of b.items) if (it.kind === 'check' && !(it.id in day)) day[it.id] = false;
        days.push(day);
      }
      while (days.length && !Object.keys(days[days.length - 1]!).length) days.pop();
      return days.length ? days : undefined;
    }
    case 'hierarchy': {
      const steps: { step: string; rating: number | null }[] = [];
      for (let s = 0; s < b.steps; s++) {
        const step = str(draft[`${b.id}.${s}.step`]).trim();
        const rating = valueOf(draft, `${b.id}.${s}.rating`, 'rating', `${b.label}, step ${s + 1}`, errors) as number | undefined;
        steps.push({ step, rating: rating ?? null });
      }
      while (steps.length && !steps[steps.length - 1]!.step && steps[steps.length - 1]!.rating === null) steps.pop();
      return steps.length ? steps : undefined;
    }
  }
}

/**
 * The answers of a draft, checked with the worksheet's own answer schema (the one the core checks
 * with). `errors` holds a message per answer path; empty when the answers can be sent.
 * A practice record is one day: a daily grid gives its first row only (`gridDays` 1).
 */
export function answersOf(
  def: WorksheetDefinition,
  draft: Draft,
  gridDays = 1,
): { answers: Answers; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const answers: Answers = {};
  for (const b of def.blocks) {
    const v = blockAnswer(b, draft, errors, gridDays);
    if (v !== undefined) answers[b.id] = v;
  }
  const checked = answersSchemaFor(def).safeParse(answers);
  if (!checked.success) for (const i of checked.error.issues) errors[i.path.map(String).join('.')] ??= i.message;
  return { answers, errors };
}

/** The draft that shows saved answers again (for editing a record). */
export function draftOf(def: WorksheetDefinition, answers: Answers): Draft {
  const d: Draft = {};
  const put = (path: string, v: unknown) => {
    if (v === null || v === undefined) return;
    d[path] = typeof v === 'boolean' || Array.isArray(v) ? (v as boolean | string[]) : String(v);
  };
  for (const b of def.blocks) {
    const v = answers[b.id];
    if (v === undefined) continue;
    if (b.type === 'table' || b.type === 'dailyGrid') {
      (v as Record<string, unknown>[]).forEach((row, r) => {
        for (const [k, x] of Object.entries(row ?? {})) put(`${b.id}.${r}.${k}`, x);
      });
    } else if (b.type === 'hierarchy') {
      (v as { step: string; rating: number | null }[]).forEach((s, i) => {
        put(`${b.id}.${i}.step`, s.step || undefined);
        put(`${b.id}.${i}.rating`, s.rating);
      });
    } else put(b.id, v);
  }
  return d;
}
