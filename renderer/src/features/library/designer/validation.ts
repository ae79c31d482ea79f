import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import { worksheetDefinitionSchema, type WorksheetDefinition } from '../../../../../shared/worksheet';
import { partName, toDefinition, type Draft } from './draft';

export interface Problem {
  /** Where the message is shown in the designer (an ID's problem is shown at its label). */
  at: string;
  message: string;
}

/** The DOM id of the control (or group) that edits a path. */
export const fieldId = (path: string): string => `wd-${path.replace(/\./g, '-')}`;

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

/** The draft as it will be saved, checked by the shared worksheet schema. */
const draftSchema = z
  .custom<Draft>()
  // Not yet valid: the schema decides. (Its input type allows what the definition's output type fixes.)
  .transform((d) => toDefinition(d) as z.input<typeof worksheetDefinitionSchema>)
  .pipe(worksheetDefinitionSchema);

/**
 * The designer form's resolver: the draft becomes a worksheet definition, which the shared
 * schema checks (the same check the core makes when saving). Issue paths are the definition's,
 * which are the draft's too ('blocks.2.scale.max').
 */
export const designerResolver: Resolver<Draft, unknown, WorksheetDefinition> = zodResolver(draftSchema, { error: plainMessage });

/** IDs are not edited by hand: a problem with one is shown at the label (or the prompt's text). */
export function displayPath(path: string, draft: Draft): string {
  if (!path.endsWith('.id')) return path || 'title';
  const owner = path.slice(0, -3);
  const m = /^blocks\.(\d+)$/.exec(owner);
  if (m && draft.blocks[Number(m[1])]?.type === 'prompt') return `${owner}.text`;
  return `${owner}.label`;
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
export function describePath(path: string, draft: Draft): string {
  const segs = path.split('.');
  const head = segs[0] ?? '';
  if (head === 'instructions' && segs[1] !== undefined) return `What to do, step ${Number(segs[1]) + 1}`;
  if (head === 'suggestedFrequency') return 'How often';
  if (head !== 'blocks' || segs[1] === undefined) return TOP[head] ?? 'Worksheet';
  const i = Number(segs[1]);
  const parts = [partName(draft.blocks[i], i)];
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
