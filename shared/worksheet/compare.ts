import { BLOCK_LABELS, CATEGORY_LABELS, APPROACH_LABELS, PHASE_LABELS, frequencyLabel, type Block, type Scale } from './schema';
import { scaleRange } from './presentation';
import type { WorksheetDefinition } from './schema';

/**
 * What changed between two versions of a worksheet, in the therapist's words (never JSON): parts
 * added, removed, renamed or changed, instructions and texts changed. Used before moving homework
 * to the newest version and in the library's version history.
 */
export interface VersionChange {
  /** Where the change is: about the worksheet, its instructions, or its parts. */
  area: 'about' | 'instructions' | 'parts';
  kind: 'added' | 'removed' | 'renamed' | 'changed';
  text: string;
}

const q = (s: string) => `“${s}”`;
const nameOf = (b: Block): string => ('label' in b ? b.label : b.text.length > 50 ? `${b.text.slice(0, 50).trimEnd()}…` : b.text);
const list = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
const sameScale = (a: Scale, b: Scale) => JSON.stringify(a) === JSON.stringify(b);

export function compareVersions(before: WorksheetDefinition, after: WorksheetDefinition): VersionChange[] {
  const out: VersionChange[] = [];
  const about = (text: string) => out.push({ area: 'about', kind: 'changed', text });

  if (before.title !== after.title) about(`The title is now ${q(after.title)} (was ${q(before.title)}).`);
  if (before.summary !== after.summary) about('The one-line summary was reworded.');
  if (before.category !== after.category) {
    about(`The category is now ${CATEGORY_LABELS[after.category]} (was ${CATEGORY_LABELS[before.category]}).`);
  }
  if (before.approach !== after.approach) {
    about(`The approach is now ${APPROACH_LABELS[after.approach]} (was ${APPROACH_LABELS[before.approach]}).`);
  }
  if (before.phases.join() !== after.phases.join()) {
    about(`It now suits: ${list(after.phases.map((p) => PHASE_LABELS[p].toLowerCase()))}.`);
  }
  if (before.rationale !== after.rationale) about('“Why this helps” was rewritten.');
  if (frequencyLabel(before.suggestedFrequency) !== frequencyLabel(after.suggestedFrequency)) {
    about(`The suggested frequency is now ${frequencyLabel(after.suggestedFrequency).toLowerCase()}.`);
  }
  if (before.suggestedMinutes !== after.suggestedMinutes) {
    about(
      after.suggestedMinutes
        ? `The suggested time is now about ${after.suggestedMinutes} minutes.`
        : 'The suggested time was taken out.',
    );
  }

  // Instructions: step by step.
  const bi = before.instructions;
  const ai = after.instructions;
  for (let i = 0; i < Math.max(bi.length, ai.length); i++) {
    const b = bi[i];
    const a = ai[i];
    if (b === a) continue;
    if (b === undefined) out.push({ area: 'instructions', kind: 'added', text: `New step ${i + 1}: ${q(a!)}` });
    else if (a === undefined) out.push({ area: 'instructions', kind: 'removed', text: `Step ${i + 1} was taken out: ${q(b)}` });
    else out.push({ area: 'instructions', kind: 'changed', text: `Step ${i + 1} now reads: ${q(a)}` });
  }

  // Parts, matched by their ID (a part keeps its ID when it is renamed).
  const beforeById = new Map(before.blocks.map((b) => [b.id, b]));
  const afterById = new Map(after.blocks.map((b) => [b.id, b]));
  for (const b of before.blocks) {
    if (!afterById.has(b.id)) {
      out.push({ area: 'parts', kind: 'removed', text: `Removed: ${q(nameOf(b))} (${BLOCK_LABELS[b.type].toLowerCase()}).` });
    }
  }
  for (const a of after.blocks) {
    const b = beforeById.get(a.id);
    if (!b) {
      out.push({ area: 'parts', kind: 'added', text: `New: ${q(nameOf(a))} (${BLOCK_LABELS[a.type].toLowerCase()}).` });
      continue;
    }
    if (b.type !== a.type) {
      out.push({
        area: 'parts',
        kind: 'changed',
        text: `${q(nameOf(a))} is now a ${BLOCK_LABELS[a.type].toLowerCase()} (was a ${BLOCK_LABELS[b.type].toLowerCase()}).`,
      });
      continue;
    }
    if ('label' in a && 'label' in b && a.label !== b.label) {
      out.push({ area: 'parts', kind: 'renamed', text: `${q(b.label)} is now called ${q(a.label)}.` });
    }
    for (const text of partChanges(b, a)) out.push({ area: 'parts', kind: 'changed', text });
  }
  const common = (xs: readonly Block[], other: Map<string, Block>) => xs.filter((x) => other.has(x.id)).map((x) => x.id);
  if (common(before.blocks, afterById).join() !== common(after.blocks, beforeById).join()) {
    out.push({ area: 'parts', kind: 'changed', text: 'The parts are in a different order.' });
  }
  return out;
}

/** What changed inside one part of the same kind. */
function partChanges(b: Block, a: Block): string[] {
  const name = q(nameOf(a));
  const out: string[] = [];
  if (b.help !== a.help) out.push(`The guidance under ${name} changed.`);
  if (b.type === 'prompt' && a.type === 'prompt' && b.text !== a.text) out.push('A text to read was reworded.');
  if (b.type === 'longText' && a.type === 'longText' && b.lines !== a.lines) {
    out.push(`${name} has ${a.lines} writing lines (was ${b.lines}).`);
  }
  if (b.type === 'number' && a.type === 'number' && (b.min !== a.min || b.max !== a.max || b.unit !== a.unit)) {
    out.push(`The allowed numbers of ${name} changed.`);
  }
  if ((b.type === 'rating' || b.type === 'hierarchy') && (a.type === 'rating' || a.type === 'hierarchy')) {
    if (!sameScale(b.scale, a.scale)) out.push(`${name} is rated ${scaleRange(a.scale)} (was ${scaleRange(b.scale)}).`);
  }
  if (b.type === 'hierarchy' && a.type === 'hierarchy' && b.steps !== a.steps) {
    out.push(`${name} has ${a.steps} steps (was ${b.steps}).`);
  }
  if ((b.type === 'checklist' || b.type === 'choice') && (a.type === 'checklist' || a.type === 'choice')) {
    const added = a.options.filter((o) => !b.options.includes(o));
    const removed = b.options.filter((o) => !a.options.includes(o));
    if (added.length) out.push(`${name} has new options: ${list(added.map(q))}.`);
    if (removed.length) out.push(`${name} no longer offers ${list(removed.map(q))}.`);
  }
  if (b.type === 'table' && a.type === 'table') {
    if (b.rows !== a.rows) out.push(`${name} has ${a.rows} rows (was ${b.rows}).`);
    out.push(...columnChanges(name, b.columns, a.columns, 'column'));
  }
  if (b.type === 'dailyGrid' && a.type === 'dailyGrid') {
    if (b.days !== a.days) out.push(`${name} covers ${a.days} days (was ${b.days}).`);
    out.push(...columnChanges(name, b.items, a.items, 'row'));
  }
  return out;
}

function columnChanges(
  name: string,
  before: readonly { id: string; label: string; kind: string }[],
  after: readonly { id: string; label: string; kind: string }[],
  noun: 'column' | 'row',
): string[] {
  const out: string[] = [];
  const b = new Map(before.map((c) => [c.id, c]));
  const a = new Map(after.map((c) => [c.id, c]));
  for (const c of before) if (!a.has(c.id)) out.push(`${name} no longer has the ${noun} ${q(c.label)}.`);
  for (const c of after) {
    const old = b.get(c.id);
    if (!old) out.push(`${name} has a new ${noun} ${q(c.label)}.`);
    else if (old.label !== c.label) out.push(`In ${name}, the ${noun} ${q(old.label)} is now called ${q(c.label)}.`);
    else if (old.kind !== c.kind) out.push(`In ${name}, the ${noun} ${q(c.label)} takes a different kind of answer.`);
  }
  return out;
}
