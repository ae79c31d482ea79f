import { z } from 'zod';
import type { Block, Scale, WorksheetDefinition } from './schema';

/**
 * The answers a client gives to one worksheet, keyed by block ID. Their shape follows the
 * definition: practice entry, filled-PDF import and charts all use this one description.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-14.');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 07:30.');

function scaleValue(scale: Scale, label: string) {
  return z
    .number({ error: `${label}: enter a number.` })
    .min(scale.min, `${label}: the lowest value is ${scale.min}.`)
    .max(scale.max, `${label}: the highest value is ${scale.max}.`);
}

/** The longest answers a worksheet takes. Never cut: a longer answer is refused, naming the limit. */
export const ANSWER_LIMITS = { shortText: 500, longText: 20_000, cellText: 2000, ladderStep: 300 } as const;
const CELL_TEXT_MAX = ANSWER_LIMITS.cellText;

/** The character limit of a text answer to `block` (null when it takes no text). */
export function textLimitOf(block: Block): number | null {
  if (block.type === 'shortText') return ANSWER_LIMITS.shortText;
  if (block.type === 'longText') return ANSWER_LIMITS.longText;
  return null;
}

function cellSchema(kind: string, label: string, scale?: Scale) {
  switch (kind) {
    case 'number':
      return z.number({ error: `${label}: enter a number.` }).nullable();
    case 'rating':
      return scaleValue(scale!, label).nullable();
    case 'date':
      return isoDate.nullable();
    case 'time':
      return clock.nullable();
    case 'check':
      return z.boolean().nullable();
    default:
      return z
        .string()
        .max(CELL_TEXT_MAX, `${label}: at most ${CELL_TEXT_MAX.toLocaleString('en')} characters.`)
        .nullable();
  }
}

export function answerSchemaFor(block: Block): z.ZodType | null {
  switch (block.type) {
    case 'prompt':
      return null;
    case 'shortText':
      return z
        .string({ error: `${block.label}: enter text.` })
        .max(ANSWER_LIMITS.shortText, `${block.label}: at most 500 characters.`);
    case 'longText':
      return z
        .string({ error: `${block.label}: enter text.` })
        .max(ANSWER_LIMITS.longText, `${block.label}: this answer is very long (20,000 characters at most).`);
    case 'number': {
      let n = z.number({ error: `${block.label}: enter a number.` });
      if (block.min !== undefined)
        n = n.min(block.min, `${block.label}: at least ${block.min}${block.unit ? ` ${block.unit}` : ''}.`);
      if (block.max !== undefined)
        n = n.max(block.max, `${block.label}: at most ${block.max}${block.unit ? ` ${block.unit}` : ''}.`);
      return n;
    }
    case 'duration':
      return z
        .number({ error: `${block.label}: enter the minutes.` })
        .min(0, `${block.label}: the minutes cannot be negative.`)
        .max(24 * 60, `${block.label}: at most 24 hours.`);
    case 'date':
      return z
        .string({ error: `${block.label}: use a date like 2026-03-14.` })
        .regex(/^\d{4}-\d{2}-\d{2}$/, `${block.label}: use a date like 2026-03-14.`);
    case 'time':
      return z
        .string({ error: `${block.label}: use a time like 07:30.` })
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${block.label}: use a time like 07:30.`);
    case 'rating':
      return scaleValue(block.scale, block.label);
    case 'checklist':
      return z.array(z.enum(block.options as [string, ...string[]], { error: `${block.label}: tick only the listed options.` }), {
        error: `${block.label}: tick the options that apply.`,
      });
    case 'choice':
      return z.enum(block.options as [string, ...string[]], { error: `${block.label}: choose one of the options.` });
    case 'table':
      return z
        .array(z.object(Object.fromEntries(block.columns.map((c) => [c.id, cellSchema(c.kind, c.label, c.scale).optional()]))))
        .max(block.rows, `${block.label}: at most ${block.rows} rows.`);
    case 'dailyGrid':
      return z
        .array(z.object(Object.fromEntries(block.items.map((it) => [it.id, cellSchema(it.kind, it.label, it.scale).optional()]))))
        .max(block.days, `${block.label}: at most ${block.days} days.`);
    case 'hierarchy':
      return z
        .array(
          z.object({
            step: z
              .string()
              .max(ANSWER_LIMITS.ladderStep, `${block.label}: a step has at most ${ANSWER_LIMITS.ladderStep} characters.`),
            rating: scaleValue(block.scale, block.label).nullable(),
          }),
        )
        .max(block.steps, `${block.label}: at most ${block.steps} steps.`);
  }
}

/** A schema for a whole set of answers to `def`: every answer optional, no unknown keys. */
export function answersSchemaFor(def: WorksheetDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const b of def.blocks) {
    const s = answerSchemaFor(b);
    if (s) shape[b.id] = s.optional();
  }
  return z.strictObject(shape);
}

export type Answers = Record<string, unknown>;
