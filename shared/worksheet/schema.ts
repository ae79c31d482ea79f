import { z } from 'zod';

/**
 * The one description of a worksheet (ARCHITECTURE rule 1). It drives the designer, the printed
 * and fillable PDFs, practice entry, the import of filled PDFs and the charts. Never describe a
 * worksheet a second time anywhere else.
 */
export const WORKSHEET_SCHEMA_VERSION = 1;

export const APPROACHES = ['cbt', 'behavioural', 'exposure', 'mindfulness', 'act', 'dbt', 'other'] as const;
export type Approach = (typeof APPROACHES)[number];
export const APPROACH_LABELS: Record<Approach, string> = {
  cbt: 'CBT',
  behavioural: 'Behavioural',
  exposure: 'Exposure',
  mindfulness: 'Mindfulness',
  act: 'ACT',
  dbt: 'DBT',
  other: 'Other',
};

export const CATEGORIES = [
  'thoughts',
  'experiments',
  'exposure',
  'activity',
  'relaxation',
  'mindfulness',
  'writing',
  'self-monitoring',
  'worry',
  'sleep',
  'skills',
  'reflection',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  thoughts: 'Thoughts and beliefs',
  experiments: 'Behavioural experiments',
  exposure: 'Exposure',
  activity: 'Activity and behaviour',
  relaxation: 'Relaxation and breathing',
  mindfulness: 'Mindfulness',
  writing: 'Journaling and writing',
  'self-monitoring': 'Self-monitoring',
  worry: 'Worry',
  sleep: 'Sleep',
  skills: 'Skills practice',
  reflection: 'Reading and film reflection',
};

export const PHASES = ['baseline', 'skill-practice', 'relapse-prevention'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  baseline: 'Baseline observation',
  'skill-practice': 'Skill practice',
  'relapse-prevention': 'Relapse prevention',
};

// ------------------------------------------------------------------ limits that keep print clean
export const LIMITS = {
  titleLength: 80,
  labelLength: 160,
  // "Why this helps" and prompts: long enough that a pasted handout is never refused (issue 11).
  textLength: 20_000,
  blocks: 40,
  tableColumns: 8,
  tableRows: 30,
  gridDays: 14,
  gridItems: 12,
  hierarchySteps: 15,
  ratingPoints: 21,
  options: 15,
  instructions: 12,
  longTextLines: 30,
} as const;

const text = (what: string, max: number = LIMITS.labelLength) =>
  z
    .string({ error: `Please enter ${what}.` })
    .trim()
    .min(1, `Please enter ${what}.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} is too long (${max} characters at most).`);

const optionalText = (what: string, max: number = LIMITS.labelLength) =>
  z.string().trim().max(max, `${what} is too long (${max} characters at most).`).optional();

export const blockIdSchema = z
  .string()
  .max(40, 'A block ID is 40 characters at most.')
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'A block ID uses lower-case letters, digits and dashes, and starts with a letter.');

/** A scale with anchors: SUDS 0–100, mood 0–10, belief 0–100 %. */
export const scaleSchema = z
  .object({
    min: z.number().int().min(-100).max(1000),
    max: z.number().int().min(-100).max(1000),
    step: z.number().int().min(1, 'The step of a scale must be at least 1.'),
    unit: optionalText('The unit', 12),
    anchors: z
      .array(z.object({ value: z.number().int(), label: text('an anchor label', 40) }))
      .max(6, 'A scale can show at most 6 anchor labels.')
      .default([]),
  })
  .superRefine((s, ctx) => {
    if (s.max <= s.min) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'A scale needs a highest value above its lowest value.' });
      return;
    }
    if ((s.max - s.min) % s.step !== 0) {
      ctx.addIssue({ code: 'custom', path: ['step'], message: `The step must divide the range ${s.min}–${s.max} evenly.` });
    }
    const points = (s.max - s.min) / s.step + 1;
    if (points > LIMITS.ratingPoints) {
      ctx.addIssue({
        code: 'custom',
        path: ['step'],
        message: `This scale would show ${Math.floor(points)} points, too many to print clearly. Use a larger step (at most ${LIMITS.ratingPoints} points, e.g. steps of 10 for 0–100).`,
      });
    }
    s.anchors.forEach((a, i) => {
      if (a.value < s.min || a.value > s.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['anchors', i, 'value'],
          message: `The anchor “${a.label}” lies outside the scale (${s.min}–${s.max}).`,
        });
      }
    });
  });
export type Scale = z.infer<typeof scaleSchema>;

const common = {
  id: blockIdSchema,
  /** Optional guidance printed under the label. */
  help: optionalText('The help text', 400),
};
const labelled = { ...common, label: text('a label for this part') };

const optionList = (min: number) =>
  z
    .array(text('an option', 80))
    .min(min, min === 1 ? 'Add at least one option.' : `Add at least ${min} options.`)
    .max(LIMITS.options, `At most ${LIMITS.options} options fit on a page.`)
    .refine((o) => new Set(o.map((x) => x.toLowerCase())).size === o.length, 'Each option must be different.');

export const columnKinds = ['text', 'number', 'rating', 'date', 'time'] as const;
export const columnSchema = z
  .object({
    id: blockIdSchema,
    label: text('a column heading', 60),
    kind: z.enum(columnKinds),
    unit: optionalText('The unit', 12),
    scale: scaleSchema.optional(),
    /** Relative width on paper (1 = narrow … 4 = wide). */
    width: z.number().int().min(1).max(4).default(2),
  })
  .refine((c) => c.kind !== 'rating' || c.scale, { message: 'A rating column needs a scale.', path: ['scale'] });

export const gridItemKinds = ['check', 'number', 'rating', 'text'] as const;
export const gridItemSchema = z
  .object({
    id: blockIdSchema,
    label: text('a row label', 60),
    kind: z.enum(gridItemKinds),
    unit: optionalText('The unit', 12),
    scale: scaleSchema.optional(),
  })
  .refine((c) => c.kind !== 'rating' || c.scale, { message: 'A rating row needs a scale.', path: ['scale'] });

const uniqueIds =
  <T extends { id: string }>(what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Two ${what} share the ID “${it.id}”.` });
      seen.add(it.id);
    });
  };

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prompt'), ...common, text: text('the text of this prompt', LIMITS.textLength) }),
  z.object({ type: z.literal('shortText'), ...labelled }),
  z.object({
    type: z.literal('longText'),
    ...labelled,
    lines: z
      .number()
      .int()
      .min(2, 'Give at least 2 writing lines.')
      .max(LIMITS.longTextLines, `At most ${LIMITS.longTextLines} writing lines.`)
      .default(5),
  }),
  z.object({
    type: z.literal('number'),
    ...labelled,
    unit: optionalText('The unit', 12),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.object({ type: z.literal('duration'), ...labelled }),
  z.object({ type: z.literal('date'), ...labelled }),
  z.object({ type: z.literal('time'), ...labelled }),
  z.object({ type: z.literal('rating'), ...labelled, scale: scaleSchema }),
  z.object({ type: z.literal('checklist'), ...labelled, options: optionList(1) }),
  z.object({ type: z.literal('choice'), ...labelled, options: optionList(2) }),
  z.object({
    type: z.literal('table'),
    ...labelled,
    columns: z
      .array(columnSchema)
      .min(1, 'A table needs at least one column.')
      .max(
        LIMITS.tableColumns,
        `A table can have at most ${LIMITS.tableColumns} columns, so that it prints readably. Split it into two tables.`,
      )
      .superRefine(uniqueIds('columns')),
    rows: z
      .number()
      .int()
      .min(1, 'A table needs at least one row.')
      .max(LIMITS.tableRows, `A table can have at most ${LIMITS.tableRows} rows.`),
  }),
  z.object({
    type: z.literal('dailyGrid'),
    ...labelled,
    days: z
      .number()
      .int()
      .min(1, 'A daily grid needs at least one day.')
      .max(LIMITS.gridDays, `A daily grid covers at most ${LIMITS.gridDays} days.`),
    items: z
      .array(gridItemSchema)
      .min(1, 'A daily grid needs at least one row.')
      .max(LIMITS.gridItems, `A daily grid can have at most ${LIMITS.gridItems} rows.`)
      .superRefine(uniqueIds('rows')),
  }),
  z.object({
    type: z.literal('hierarchy'),
    ...labelled,
    steps: z
      .number()
      .int()
      .min(3, 'A ladder needs at least 3 steps.')
      .max(LIMITS.hierarchySteps, `A ladder can have at most ${LIMITS.hierarchySteps} steps.`),
    scale: scaleSchema,
  }),
]);

export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;

export const BLOCK_TYPES: readonly BlockType[] = [
  'prompt',
  'shortText',
  'longText',
  'number',
  'duration',
  'date',
  'time',
  'rating',
  'checklist',
  'choice',
  'table',
  'dailyGrid',
  'hierarchy',
];
export const BLOCK_LABELS: Record<BlockType, string> = {
  prompt: 'Prompt (text to read)',
  shortText: 'Short answer',
  longText: 'Long answer',
  number: 'Number',
  duration: 'Duration',
  date: 'Date',
  time: 'Time',
  rating: 'Rating scale',
  checklist: 'Checklist',
  choice: 'Single choice',
  table: 'Table',
  dailyGrid: 'Daily grid',
  hierarchy: 'Ladder (hierarchy)',
};

export const frequencySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }),
  z.object({ kind: z.literal('daily') }),
  z.object({
    kind: z.literal('weekly'),
    times: z.number().int().min(1, 'At least once a week.').max(14, 'At most 14 times a week.'),
  }),
]);
export type Frequency = z.infer<typeof frequencySchema>;

export function frequencyLabel(f: Frequency): string {
  if (f.kind === 'once') return 'Once';
  if (f.kind === 'daily') return 'Every day';
  return f.times === 1 ? 'Once a week' : `${f.times} times a week`;
}

export const worksheetDefinitionSchema = z.object({
  schemaVersion: z.literal(WORKSHEET_SCHEMA_VERSION).default(WORKSHEET_SCHEMA_VERSION),
  title: text('a title', LIMITS.titleLength),
  /** One line saying what the worksheet is for, shown in the library. */
  summary: text('a one-line summary', 200),
  category: z.enum(CATEGORIES, { error: 'Please choose a category.' }),
  approach: z.enum(APPROACHES, { error: 'Please choose an approach.' }),
  phases: z
    .array(z.enum(PHASES))
    .min(1, 'Choose at least one phase of therapy this worksheet suits.')
    .max(PHASES.length, 'Choose each phase of therapy once.'),
  /** "Why this helps", written for the client. */
  rationale: text('a short rationale for the client', LIMITS.textLength),
  instructions: z
    .array(text('an instruction step', 400))
    .min(1, 'Add at least one instruction step.')
    .max(LIMITS.instructions, `At most ${LIMITS.instructions} instruction steps.`),
  suggestedFrequency: frequencySchema,
  /** Suggested minutes per practice. */
  suggestedMinutes: z.number().int().min(1).max(240).optional(),
  blocks: z
    .array(blockSchema)
    .min(1, 'A worksheet needs at least one part for the client to fill in.')
    .max(LIMITS.blocks, `A worksheet can have at most ${LIMITS.blocks} parts.`)
    .superRefine(uniqueIds('parts'))
    .refine(
      (b) => b.some((x) => x.type !== 'prompt'),
      'A worksheet needs at least one part for the client to fill in, not only text to read.',
    ),
});

export type WorksheetDefinition = z.infer<typeof worksheetDefinitionSchema>;
export type WorksheetDefinitionInput = z.input<typeof worksheetDefinitionSchema>;
