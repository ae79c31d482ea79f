import { z } from 'zod';
import { answerSchemaFor, ANSWER_LIMITS } from './answers';
import { blockIdSchema, LIMITS, type Block, type BlockOf, type WorksheetDefinition } from './schema';

/**
 * What an assignment fills in before the client sees the worksheet: the steps of a ladder agreed
 * in session with their ratings, rows of a table, the fear or goal a short answer names. Values
 * have the shape of the client's answers (answers.ts), so one description serves both. `rows`
 * is how many rows a ladder or table prints when fewer than the worksheet's own were agreed
 * ("a ladder of 8 steps" prints 8 rows, not 10).
 */
export const PREFILLABLE_TYPES = ['shortText', 'longText', 'table', 'hierarchy'] as const;
export type PrefillableType = (typeof PREFILLABLE_TYPES)[number];
export type PrefillableBlock = BlockOf<PrefillableType>;

export const isPrefillable = (b: Block): b is PrefillableBlock => (PREFILLABLE_TYPES as readonly string[]).includes(b.type);

/** The most a pre-fill may weigh as JSON: far above any real ladder or table, well below a vault's limits. */
export const PREFILL_MAX_CHARS = 200_000;

const prefillValue = z.union([
  z.string().max(ANSWER_LIMITS.longText),
  z
    .array(z.record(z.string().max(40), z.union([z.string().max(ANSWER_LIMITS.cellText), z.number(), z.null()])))
    .max(LIMITS.tableRows),
]);

/** The shape at the border; `checkPrefill` then checks it against the worksheet it is for. */
export const prefillSchema = z
  .object({
    values: z
      .record(blockIdSchema, prefillValue)
      .refine((r) => Object.keys(r).length <= LIMITS.blocks, `At most ${LIMITS.blocks} parts can be filled in.`)
      .default({}),
    rows: z
      .record(blockIdSchema, z.number().int().min(1, 'Print at least one row.').max(LIMITS.tableRows))
      .refine((r) => Object.keys(r).length <= LIMITS.blocks, `At most ${LIMITS.blocks} parts can be sized.`)
      .default({}),
  })
  .refine((p) => JSON.stringify(p).length <= PREFILL_MAX_CHARS, 'What is filled in is too long to print.');
export type Prefill = z.output<typeof prefillSchema>;
export type PrefillInput = z.input<typeof prefillSchema>;

export type LadderStep = { step: string; rating: number | null };

export const isEmptyPrefill = (p: Prefill | null | undefined): boolean =>
  !p || (Object.keys(p.values).length === 0 && Object.keys(p.rows).length === 0);

/** One problem with a pre-fill, keyed by the block it is about. */
export interface PrefillIssue {
  blockId: string;
  message: string;
}

/** Ladders and tables print this many rows: the agreed number, else the worksheet's own. */
export function rowsToPrint(b: BlockOf<'table' | 'hierarchy'>, prefill: Prefill | null | undefined): number {
  const own = b.type === 'table' ? b.rows : b.steps;
  const agreed = prefill?.rows[b.id];
  return agreed !== undefined && agreed >= 1 && agreed <= own ? agreed : own;
}

/**
 * Checks a pre-fill against the worksheet definition it is for: only parts that can be filled in
 * ahead, each value of the answer's own shape, at most as many rows as are printed. Messages in
 * the therapist's words, each naming the part.
 */
export function checkPrefill(def: WorksheetDefinition, prefill: Prefill): PrefillIssue[] {
  const issues: PrefillIssue[] = [];
  const byId = new Map(def.blocks.map((b) => [b.id, b]));
  for (const [id, value] of Object.entries(prefill.values)) {
    const b = byId.get(id);
    if (!b) {
      issues.push({ blockId: id, message: 'This worksheet has no such part to fill in. Please check what you filled in.' });
      continue;
    }
    if (!isPrefillable(b)) {
      issues.push({ blockId: id, message: `“${labelOf(b)}” is for the client to fill in; it cannot be filled in ahead.` });
      continue;
    }
    const r = answerSchemaFor(b)!.safeParse(value);
    if (!r.success) {
      issues.push({ blockId: id, message: r.error.issues[0]?.message ?? `“${b.label}” could not be filled in.` });
      continue;
    }
    if ((b.type === 'table' || b.type === 'hierarchy') && Array.isArray(value) && value.length > rowsToPrint(b, prefill)) {
      const what = b.type === 'table' ? 'rows' : 'steps';
      issues.push({
        blockId: id,
        message: `“${b.label}” prints ${rowsToPrint(b, prefill)} ${what}, but ${value.length} are filled in. Print more ${what}, or remove some.`,
      });
    }
  }
  for (const [id, n] of Object.entries(prefill.rows)) {
    const b = byId.get(id);
    if (!b || (b.type !== 'table' && b.type !== 'hierarchy')) {
      issues.push({ blockId: id, message: 'Only a ladder or a table can print fewer rows.' });
      continue;
    }
    const own = b.type === 'table' ? b.rows : b.steps;
    if (n > own) {
      issues.push({
        blockId: id,
        message: `“${b.label}” has room for ${own} ${b.type === 'table' ? 'rows' : 'steps'} at most on this worksheet.`,
      });
    }
  }
  return issues;
}

function labelOf(b: Block): string {
  return 'label' in b ? b.label : 'This text';
}

/**
 * What of a pre-fill still fits another version of the worksheet (after a move to its newest
 * version): values whose part still exists, of the same kind, and still valid; and, in plain
 * words, what could not be carried over.
 */
export function carryPrefill(prefill: Prefill, to: WorksheetDefinition): { prefill: Prefill; dropped: string[] } {
  const byId = new Map(to.blocks.map((b) => [b.id, b]));
  const values: Prefill['values'] = {};
  const rows: Prefill['rows'] = {};
  const dropped: string[] = [];
  for (const [id, n] of Object.entries(prefill.rows)) {
    const b = byId.get(id);
    if (b && (b.type === 'table' || b.type === 'hierarchy')) rows[id] = Math.min(n, b.type === 'table' ? b.rows : b.steps);
  }
  for (const [id, value] of Object.entries(prefill.values)) {
    const b = byId.get(id);
    const trial: Prefill = { values: { [id]: value }, rows };
    if (!b || !isPrefillable(b)) {
      dropped.push(`What you filled in for a part the new version no longer has (${describeValue(value)}) was not carried over.`);
    } else if (checkPrefill(to, trial).length) {
      dropped.push(
        `“${b.label}” changed in the new version, so what you filled in (${describeValue(value)}) was not carried over.`,
      );
    } else values[id] = value;
  }
  return { prefill: { values, rows }, dropped };
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `“${value.slice(0, 40).trimEnd()}…”` : `“${value}”`;
  if (Array.isArray(value)) return value.length === 1 ? '1 row' : `${value.length} rows`;
  return 'a value';
}

/**
 * What prints filled in, on paper and in the preview alike: the assignment's pre-fill, and a
 * ladder of as many steps as agreed ("step 1 of 8" on a worksheet with one ladder prints 8 rows,
 * unless a number of rows was set for it).
 */
export function printedPrefill(
  def: WorksheetDefinition,
  prefill: Prefill | null | undefined,
  step: { total: number } | null | undefined,
): Prefill | null {
  const rows = { ...(prefill?.rows ?? {}) };
  const ladders = (def.blocks ?? []).filter((b) => b.type === 'hierarchy');
  const ladder = ladders.length === 1 ? ladders[0]! : null;
  if (ladder && step && rows[ladder.id] === undefined && step.total >= 1 && step.total <= ladder.steps) {
    const filled = prefill?.values[ladder.id];
    if (!Array.isArray(filled) || filled.length <= step.total) rows[ladder.id] = step.total;
  }
  if (!prefill && Object.keys(rows).length === 0) return null;
  return { values: prefill?.values ?? {}, rows };
}
