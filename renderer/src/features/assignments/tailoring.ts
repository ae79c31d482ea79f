import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import type { Assignment } from '../../../../shared/domain';
import { PHASES, type Frequency, type Phase, type WorksheetDefinition } from '../../../../shared/worksheet';

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
}

/** The fields that follow from the worksheet; they are reset when another worksheet is chosen. */
export const WORKSHEET_KEYS = ['frequencyKind', 'timesPerWeek', 'phase', 'agreedRationale'] as const;

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
  };
}

export function valuesOfAssignment(a: Assignment): TailoringValues {
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
  })
  .transform((v, ctx) => {
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
