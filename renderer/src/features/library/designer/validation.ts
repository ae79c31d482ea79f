import type { z } from 'zod';
import { worksheetDefinitionSchema, type WorksheetDefinition } from '../../../../../shared/worksheet';
import { partName, toDefinition, type Draft } from './draft';

export interface Problem {
  /** The schema's path, e.g. 'blocks.2.scale.step'. */
  path: string;
  /** Where the message is shown in the designer (an ID maps to the label it comes from). */
  at: string;
  message: string;
}

export interface Validation {
  /** The parsed definition, when the draft is valid. */
  data: WorksheetDefinition | null;
  problems: Problem[];
  /** Message by the path of the field that shows it (first problem wins). */
  byField: Map<string, string>;
}

/** The DOM id of the control (or group) that edits a path. */
export const fieldId = (path: string): string => `wd-${path.replace(/\./g, '-')}`;

const looksDefault = (m: string) => /^(Invalid|Too (small|big)|Expected)/.test(m);

/** The schema's own messages are written for clinicians; zod's generic ones are rephrased. */
export function plainMessage(issue: z.core.$ZodIssue): string {
  if (!looksDefault(issue.message)) return issue.message;
  const i = issue as z.core.$ZodIssue & {
    expected?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    origin?: string;
  };
  if (issue.code === 'invalid_type') return i.expected === 'int' ? 'Please enter a whole number.' : 'Please enter a number.';
  if (issue.code === 'too_small' && i.origin === 'number') return `Please enter ${String(i.minimum)} or more.`;
  if (issue.code === 'too_big' && i.origin === 'number') return `Please enter ${String(i.maximum)} or less.`;
  if (issue.code === 'too_small') return 'Please fill this in.';
  if (issue.code === 'too_big') return 'This is too long.';
  return 'Please check this value.';
}

/** IDs are not edited by hand: a problem with one is shown at the label (or the prompt's text). */
export function displayPath(path: string, draft: Draft): string {
  if (!path.endsWith('.id')) return path || 'title';
  const owner = path.slice(0, -3);
  const m = /^blocks\.(\d+)$/.exec(owner);
  if (m && draft.blocks[Number(m[1])]?.type === 'prompt') return `${owner}.text`;
  return `${owner}.label`;
}

export function validate(draft: Draft): Validation {
  const r = worksheetDefinitionSchema.safeParse(toDefinition(draft));
  if (r.success) return { data: r.data, problems: [], byField: new Map() };
  const problems = r.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { path, at: displayPath(path, draft), message: plainMessage(issue) };
  });
  const byField = new Map<string, string>();
  for (const p of problems) if (!byField.has(p.at)) byField.set(p.at, p.message);
  return { data: null, problems, byField };
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
