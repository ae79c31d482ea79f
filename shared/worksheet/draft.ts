import { z } from 'zod';
import {
  APPROACHES,
  BLOCK_LABELS,
  BLOCK_TYPES,
  CATEGORIES,
  columnKinds,
  gridItemKinds,
  LIMITS,
  PHASES,
  worksheetDefinitionSchema,
  type BlockType,
  type WorksheetDefinition,
} from './schema';

/**
 * A worksheet the clinician saved as a draft (issue 11): it may be incomplete (empty fields, a
 * scale that is not right yet, no parts), but it keeps the same size limits as a worksheet, so a
 * draft never holds more than the worksheet it is becoming could. Whether it is complete is
 * decided by the one worksheet schema (`worksheetDefinitionSchema`): `draftProblems` lists what it
 * still says, in the clinician's words. This schema describes only the shape and the bounds of
 * what is kept, not what a worksheet needs.
 */

const msg = (what: string, max: number) => `${what} is too long (${max.toLocaleString('en')} characters at most).`;
const str = (what: string, max: number) => z.string().max(max, msg(what, max));
/** An emptied number field is kept as null (the designer's NaN becomes null too). */
const num = z
  .union([z.number(), z.nan(), z.null()])
  .transform((n) => (n === null || Number.isNaN(n) ? null : n))
  .optional();

const draftScaleSchema = z.object({
  min: num,
  max: num,
  step: num,
  unit: str('The unit', 12).optional(),
  anchors: z
    .array(z.object({ value: num, label: str('An anchor label', 40) }))
    .max(6, 'A scale can show at most 6 anchor labels.')
    .optional(),
});

const id = z.string().max(40, 'A block ID is 40 characters at most.');

const draftColumnSchema = z.object({
  id,
  label: str('A column heading', 60),
  kind: z.enum(columnKinds),
  unit: str('The unit', 12).optional(),
  scale: draftScaleSchema.optional(),
  width: num,
});

const draftItemSchema = z.object({
  id,
  label: str('A row label', 60),
  kind: z.enum(gridItemKinds),
  unit: str('The unit', 12).optional(),
  scale: draftScaleSchema.optional(),
});

/** Any part, with whatever of its fields are filled in so far. */
const draftBlockSchema = z.object({
  type: z.enum(BLOCK_TYPES as [BlockType, ...BlockType[]]),
  id,
  label: str('A label', LIMITS.labelLength).optional(),
  text: str('The text of a prompt', LIMITS.textLength).optional(),
  help: str('The help text', 400).optional(),
  unit: str('The unit', 12).optional(),
  lines: num,
  min: num,
  max: num,
  rows: num,
  days: num,
  steps: num,
  scale: draftScaleSchema.optional(),
  options: z.array(str('An option', 80)).max(LIMITS.options, `At most ${LIMITS.options} options fit on a page.`).optional(),
  columns: z
    .array(draftColumnSchema)
    .max(LIMITS.tableColumns, `A table can have at most ${LIMITS.tableColumns} columns.`)
    .optional(),
  items: z.array(draftItemSchema).max(LIMITS.gridItems, `A daily grid can have at most ${LIMITS.gridItems} rows.`).optional(),
});

export const worksheetDraftDefinitionSchema = z.object({
  schemaVersion: z.literal(1).optional(),
  title: str('The title', LIMITS.titleLength).default(''),
  summary: str('The one-line summary', 200).default(''),
  category: z.enum(CATEGORIES).or(z.literal('')).nullable().default(null),
  approach: z.enum(APPROACHES).or(z.literal('')).nullable().default(null),
  phases: z.array(z.enum(PHASES)).max(PHASES.length).default([]),
  rationale: str('“Why this helps”', LIMITS.textLength).default(''),
  instructions: z
    .array(str('An instruction step', 400))
    .max(LIMITS.instructions, `At most ${LIMITS.instructions} instruction steps.`)
    .default([]),
  suggestedFrequency: z.object({ kind: z.enum(['once', 'daily', 'weekly']), times: num }).default({ kind: 'once', times: null }),
  suggestedMinutes: num,
  blocks: z.array(draftBlockSchema).max(LIMITS.blocks, `A worksheet can have at most ${LIMITS.blocks} parts.`).default([]),
});
export type WorksheetDraftDefinition = z.output<typeof worksheetDraftDefinitionSchema>;

// ------------------------------------------------------------------------------ messages

/**
 * The worksheet schema's own messages are written for clinicians; where it has none, zod's
 * generic ones are replaced by these (an error map for the parse: it is asked only then).
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string {
  const i = issue as z.core.$ZodRawIssue & { expected?: string; minimum?: unknown; maximum?: unknown; origin?: string };
  if (issue.code === 'invalid_type') return i.expected === 'int' ? 'Please enter a whole number.' : 'Please enter a number.';
  if (issue.code === 'too_small' && i.origin === 'number') return `Please enter ${String(i.minimum)} or more.`;
  if (issue.code === 'too_big' && i.origin === 'number') return `Please enter ${String(i.maximum)} or less.`;
  if (issue.code === 'too_small') return 'Please fill this in.';
  if (issue.code === 'too_big') return 'This is too long.';
  return 'Please check this value.';
}

type LooseBlock = { type: BlockType; label?: string | undefined; text?: string | undefined } | undefined;

/** How a part is named to the clinician: 'Part 3 “How anxious”' or 'Part 3 (Rating scale)'. */
export function partName(b: LooseBlock, index: number): string {
  if (!b) return `Part ${index + 1}`;
  const label = ('label' in b ? (b.label ?? '') : (b.text ?? '')).trim();
  const short = label.length > 40 ? `${label.slice(0, 38)}…` : label;
  return short ? `Part ${index + 1} “${short}”` : `Part ${index + 1} (${BLOCK_LABELS[b.type]})`;
}

const TOP: Record<string, string> = {
  title: 'Title',
  summary: 'One-line summary',
  category: 'Category',
  approach: 'Approach',
  phases: 'Phases of therapy',
  rationale: 'Why this helps',
  instructions: 'What to do',
  suggestedFrequency: 'How often',
  suggestedMinutes: 'Minutes per practice',
  blocks: 'Parts',
  schemaVersion: 'Worksheet',
};

const PART: Record<string, string> = {
  label: 'label',
  text: 'text',
  help: 'help text',
  lines: 'writing lines',
  unit: 'unit',
  min: 'lowest value',
  max: 'highest value',
  rows: 'rows',
  days: 'days',
  steps: 'steps',
  options: 'options',
  columns: 'columns',
  items: 'rows',
  scale: 'scale',
};

/** Where a problem is, in the clinician's words: 'Part 2 “Mood”, scale, highest value'. */
export function describePath(path: string, def: { blocks: readonly LooseBlock[] }): string {
  const segs = path.split('.');
  const head = segs[0] ?? '';
  if (head === 'instructions' && segs[1] !== undefined) return `What to do, step ${Number(segs[1]) + 1}`;
  if (head === 'suggestedFrequency') return 'How often';
  if (head !== 'blocks' || segs[1] === undefined) return TOP[head] ?? 'Worksheet';
  const i = Number(segs[1]);
  const parts = [partName(def.blocks[i], i)];
  const rest = segs.slice(2);
  for (let k = 0; k < rest.length; k++) {
    const s = rest[k]!;
    const next = rest[k + 1];
    if ((s === 'columns' || s === 'items' || s === 'options' || s === 'anchors') && next !== undefined && /^\d+$/.test(next)) {
      const noun = s === 'columns' ? 'column' : s === 'items' ? 'row' : s === 'options' ? 'option' : 'anchor';
      parts.push(`${noun} ${Number(next) + 1}`);
      k++;
    } else if (s === 'id') {
      // shown at the label
    } else if (s === 'anchors') {
      parts.push('anchors');
    } else if (s === 'value') {
      parts.push('value');
    } else if (s === 'kind') {
      parts.push('kind');
    } else if (s === 'width') {
      parts.push('width');
    } else if (s === 'step') {
      parts.push('step');
    } else {
      parts.push(PART[s] ?? s);
    }
  }
  return parts.join(', ');
}

// ------------------------------------------------------------------------------ complete or not

export interface DraftProblem {
  /** The field's path in the definition ('blocks.2.scale.max'). */
  path: string;
  /** Where it is, in the clinician's words. */
  where: string;
  message: string;
}

/** The draft as the worksheet schema reads it (null numbers are left out or stay null: the schema reports them). */
function asDefinitionInput(d: WorksheetDraftDefinition): unknown {
  return {
    ...d,
    schemaVersion: 1,
    category: d.category || undefined,
    approach: d.approach || undefined,
    suggestedFrequency:
      d.suggestedFrequency.kind === 'weekly'
        ? { kind: 'weekly', times: d.suggestedFrequency.times }
        : { kind: d.suggestedFrequency.kind },
    ...(d.suggestedMinutes === null || d.suggestedMinutes === undefined ? { suggestedMinutes: undefined } : {}),
  };
}

/**
 * What the worksheet schema still asks of a draft before it can be saved as a worksheet (and so
 * assigned), each once, in the clinician's words; empty when the draft is complete.
 */
export function checkDraft(d: WorksheetDraftDefinition): { problems: DraftProblem[]; definition: WorksheetDefinition | null } {
  const parsed = worksheetDefinitionSchema.safeParse(asDefinitionInput(d), { error: plainMessage });
  if (parsed.success) return { problems: [], definition: parsed.data };
  const seen = new Set<string>();
  const problems: DraftProblem[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const where = describePath(path, d);
    const key = `${where}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, where, message: issue.message });
  }
  return { problems, definition: null };
}

/** "Title: Please enter a title." — one line per problem. */
export const problemLine = (p: DraftProblem): string => `${p.where}: ${p.message}`;

/** A short account of what a draft still needs: the first `shown` problems, then "and N more". */
export function missingSummary(lines: readonly string[], shown = 3): string {
  const first = lines.slice(0, shown).map((l) => l.replace(/\.$/, ''));
  const rest = lines.length - first.length;
  return `${first.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}.`;
}

/** Why a draft cannot be assigned, printed, or put in a packet (the core's refusal). */
export function notAssignableMessage(title: string, lines: readonly string[]): string {
  const name = title.trim() ? `“${title.trim()}”` : 'This worksheet';
  return `${name} is still a draft, so it cannot be assigned yet. Open it in the library, finish it and choose Save. Still to do: ${missingSummary(lines, 5)}`;
}
