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
      return z.string().max(2000).nullable();
  }
}

export function answerSchemaFor(block: Block): z.ZodType | null {
  switch (block.type) {
    case 'prompt':
      return null;
    case 'shortText':
      return z.string().max(500, `${block.label}: at most 500 characters.`);
    case 'longText':
      return z.string().max(20_000, `${block.label}: this answer is very long (20,000 characters at most).`);
    case 'number': {
      let n = z.number({ error: `${block.label}: enter a number.` });
      if (block.min !== undefined) n = n.min(block.min, `${block.label}: at least ${block.min}.`);
      if (block.max !== undefined) n = n.max(block.max, `${block.label}: at most ${block.max}.`);
      return n;
    }
    case 'duration':
      return z
        .number({ error: `${block.label}: enter the minutes.` })
        .min(0)
        .max(24 * 60, `${block.label}: at most 24 hours.`);
    case 'date':
      return isoDate;
    case 'time':
      return clock;
    case 'rating':
      return scaleValue(block.scale, block.label);
    case 'checklist':
      return z.array(z.enum(block.options as [string, ...string[]]));
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
        .array(z.object({ step: z.string().max(300), rating: scaleValue(block.scale, block.label).nullable() }))
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
