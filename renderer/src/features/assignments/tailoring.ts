import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import type { Assignment } from '../../../../shared/domain';
import {
  PHASES,
  type Frequency,
  type Phase,
  type Prefill,
  type PrefillInput,
  type WorksheetDefinition,
} from '../../../../shared/worksheet';

/**
 * What is filled in ahead, as the form holds it (text as typed): short and long answers, ladder
 * steps with ratings, table rows; and how many rows a ladder or table prints ('' = its own).
 */
export interface PrefillValues {
  texts: Record<string, string>;
  ladders: Record<string, { count: string; steps: { step: string; rating: string }[] }>;
  /** `numeric`: the columns that take numbers (they are sent as numbers). */
  tables: Record<string, { count: string; rows: Record<string, string>[]; numeric: string[] }>;
}

export const NUMERIC = new Set(['number', 'rating']);

export const emptyPrefill = (): PrefillValues => ({ texts: {}, ladders: {}, tables: {} });

const shown = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A stored pre-fill as the form shows it. */
export function prefillValuesOf(p: Prefill | null, def: WorksheetDefinition): PrefillValues {
  const out = emptyPrefill();
  if (!p) return out;
  for (const b of def.blocks) {
    const v = p.values[b.id];
    const count = p.rows[b.id] !== undefined ? String(p.rows[b.id]) : '';
    if ((b.type === 'shortText' || b.type === 'longText') && typeof v === 'string') out.texts[b.id] = v;
    if (b.type === 'hierarchy' && (Array.isArray(v) || count)) {
      const steps = (Array.isArray(v) ? v : []) as { step?: unknown; rating?: unknown }[];
      out.ladders[b.id] = { count, steps: steps.map((s) => ({ step: shown(s.step), rating: shown(s.rating) })) };
    }
    if (b.type === 'table' && (Array.isArray(v) || count)) {
      const rows = (Array.isArray(v) ? v : []) as Record<string, unknown>[];
      out.tables[b.id] = {
        count,
        numeric: b.columns.filter((c) => NUMERIC.has(c.kind)).map((c) => c.id),
        rows: rows.map((r) => Object.fromEntries(b.columns.map((c) => [c.id, shown(r[c.id])]))),
      };
    }
  }
  return out;
}

/**
 * The form's pre-fill as the core takes it (null when nothing is filled in), with the messages
 * only the form can give (a number that is not a number). Ranges and fit are the core's to check
 * (shared checkPrefill), keyed `prefill.<partId>` like these.
 */
export function prefillOfForm(v: PrefillValues): { prefill: PrefillInput | null; issues: { id: string; message: string }[] } {
  const values: Record<string, unknown> = {};
  const rows: Record<string, number> = {};
  const issues: { id: string; message: string }[] = [];
  const count = (id: string, c: string, what: string) => {
    const t = c.trim();
    if (!t) return;
    if (!/^\d+$/.test(t) || Number(t) < 1)
      issues.push({ id, message: `Enter the number of ${what} as a whole number, or leave it empty.` });
    else rows[id] = Number(t);
  };
  for (const [id, text] of Object.entries(v.texts)) if (text.trim()) values[id] = text.trim();
  for (const [id, l] of Object.entries(v.ladders)) {
    count(id, l.count, 'steps');
    const steps = l.steps.filter((s) => s.step.trim() || s.rating.trim());
    const bad = steps.findIndex((s) => s.rating.trim() !== '' && !Number.isFinite(Number(s.rating)));
    if (bad >= 0) issues.push({ id, message: `Step ${bad + 1}: enter the rating as a number, or leave it empty.` });
    else if (steps.length) {
      values[id] = steps.map((s) => ({ step: s.step.trim(), rating: s.rating.trim() === '' ? null : Number(s.rating) }));
    }
  }
  for (const [id, t] of Object.entries(v.tables)) {
    count(id, t.count, 'rows');
    const numeric = new Set(t.numeric);
    const filled = t.rows.filter((r) => Object.values(r).some((x) => x.trim()));
    const cells = filled.map((r) =>
      Object.fromEntries(
        Object.entries(r)
          .filter(([, x]) => x.trim())
          .map(([col, x]) => [col, numeric.has(col) ? Number(x.trim()) : x.trim()]),
      ),
    );
    const badRow = cells.findIndex((r) => Object.values(r).some((x) => typeof x === 'number' && !Number.isFinite(x)));
    if (badRow >= 0) issues.push({ id, message: `Row ${badRow + 1}: enter numbers as numbers, or leave them empty.` });
    else if (cells.length) values[id] = cells;
  }
  const empty = Object.keys(values).length === 0 && Object.keys(rows).length === 0;
  return { prefill: empty ? null : ({ values, rows } as PrefillInput), issues };
}

/** What the tailoring form holds: text as typed; numbers stay text until saving. */
export interface TailoringValues {
  personalInstructions: string;
  /** '' means no particular goal. */
  goalId: string;
  frequencyKind: Frequency['kind'];
  timesPerWeek: string;
  startDate: string;
  dueDate: string;
  stepCurrent: string;
  stepTotal: string;
  phase: Phase;
  agreedRationale: string;
  prefill: PrefillValues;
}

/** The fields that follow from the worksheet; they are reset when another worksheet is chosen. */
export const WORKSHEET_KEYS = ['frequencyKind', 'timesPerWeek', 'phase', 'agreedRationale', 'prefill'] as const;

export function blankValues(today: string): TailoringValues {
  return {
    personalInstructions: '',
    goalId: '',
    frequencyKind: 'daily',
    timesPerWeek: '3',
    startDate: today,
    dueDate: '',
    stepCurrent: '',
    stepTotal: '',
    phase: 'skill-practice',
    agreedRationale: '',
    prefill: emptyPrefill(),
  };
}

/** The worksheet's suggestions: its frequency, its first phase, its rationale. */
export function worksheetDefaults(def: WorksheetDefinition): Pick<TailoringValues, (typeof WORKSHEET_KEYS)[number]> {
  const f = def.suggestedFrequency;
  return {
    frequencyKind: f.kind,
    timesPerWeek: f.kind === 'weekly' ? String(f.times) : '3',
    phase: def.phases[0] ?? 'skill-practice',
    agreedRationale: def.rationale,
    prefill: emptyPrefill(),
  };
}

export function valuesOfAssignment(a: Assignment, def?: WorksheetDefinition): TailoringValues {
  return {
    personalInstructions: a.personalInstructions ?? '',
    goalId: a.goalId ?? '',
    frequencyKind: a.frequency.kind,
    timesPerWeek: a.frequency.kind === 'weekly' ? String(a.frequency.times) : '3',
    startDate: a.startDate,
    dueDate: a.dueDate ?? '',
    stepCurrent: a.step ? String(a.step.current) : '',
    stepTotal: a.step ? String(a.step.total) : '',
    phase: a.phase,
    agreedRationale: a.agreedRationale ?? '',
    prefill: def ? prefillValuesOf(a.prefill, def) : emptyPrefill(),
  };
}

const isWhole = (s: string) => s.trim() !== '' && Number.isInteger(Number(s));

/**
 * The form's values as the core takes them, with the few messages only the form can give (a
 * number left empty or not whole). Everything else is the shared schema's to say (see below).
 */
const formValuesSchema = z
  .object({
    personalInstructions: z.string(),
    goalId: z.string(),
    frequencyKind: z.enum(['once', 'daily', 'weekly']),
    timesPerWeek: z.string(),
    startDate: z.string(),
    dueDate: z.string(),
    stepCurrent: z.string(),
    stepTotal: z.string(),
    phase: z.enum(PHASES),
    agreedRationale: z.string(),
    prefill: z.custom<PrefillValues>(),
  })
  .transform((v, ctx) => {
    const pre = v.prefill ? prefillOfForm(v.prefill) : null;
    for (const i of pre?.issues ?? []) ctx.addIssue({ code: 'custom', path: ['prefill', i.id], message: i.message });
    if (v.frequencyKind === 'weekly' && !isWhole(v.timesPerWeek)) {
      ctx.addIssue({ code: 'custom', path: ['frequency', 'times'], message: 'Enter how many times a week, from 1 to 14.' });
    }
    const sc = v.stepCurrent.trim();
    const st = v.stepTotal.trim();
    if ((sc || st) && !(isWhole(sc) && isWhole(st))) {
      ctx.addIssue({
        code: 'custom',
        path: ['step'],
        message: 'Enter both numbers as whole numbers (for example step 2 of 6), or leave both empty.',
      });
    }
    return {
      personalInstructions: v.personalInstructions,
      goalId: v.goalId || null,
      frequency:
        v.frequencyKind === 'weekly' ? { kind: 'weekly' as const, times: Number(v.timesPerWeek) } : { kind: v.frequencyKind },
      startDate: v.startDate,
      dueDate: v.dueDate,
      step: sc || st ? { current: Number(sc), total: Number(st) } : null,
      phase: v.phase,
      agreedRationale: v.agreedRationale,
      // Only sent when the form holds the pre-fill (editing keeps the stored one otherwise).
      ...(pre ? { prefill: pre.prefill } : {}),
    };
  });

/**
 * The resolver of a tailoring form: the form's values, plus what the call needs besides them
 * (the form's `context`: the client and worksheet, or the assignment's id), parsed by the
 * schema of the call itself (assignmentCreateSchema, assignmentUpdateSchema from shared/domain).
 * So the form checks exactly what the core will check, with its messages, before sending.
 */
export function tailoringResolver<S extends z.ZodType<FieldValues, FieldValues>, Ctx extends object>(
  call: S,
): Resolver<TailoringValues, Ctx, z.output<S>> {
  const local = zodResolver(formValuesSchema);
  const shared = zodResolver(call);
  return async (values, context, options) => {
    const fields = await local(values, context, options);
    type R = Awaited<ReturnType<Resolver<TailoringValues, Ctx, z.output<S>>>>;
    if (Object.keys(fields.errors).length) {
      // Every message at once: what the shared schema says about the other fields too (a
      // number the form could not read is left out of that check, and keeps the form's message).
      const v = values;
      const input = {
        ...(context ?? {}),
        personalInstructions: v.personalInstructions,
        goalId: v.goalId || null,
        frequency: { kind: v.frequencyKind === 'weekly' ? 'once' : v.frequencyKind },
        startDate: v.startDate,
        dueDate: v.dueDate,
        step: null,
        phase: v.phase,
        agreedRationale: v.agreedRationale,
      } as z.input<S>;
      const r = await shared(input, context, options as never);
      return { values: {}, errors: { ...r.errors, ...fields.errors } } as R;
    }
    const input = { ...fields.values, ...context } as z.input<S>;
    const r = await shared(input, context, options as never);
    return r as R;
  };
}

/** The keys of every message the tailoring fields can show next to themselves. */
export const TAILORING_ERROR_KEYS = [
  'personalInstructions',
  'goalId',
  'frequency',
  'frequency.times',
  'frequency.kind',
  'startDate',
  'dueDate',
  'step',
  'step.current',
  'step.total',
  'phase',
  'agreedRationale',
];
