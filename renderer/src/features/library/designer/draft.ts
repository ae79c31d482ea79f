import type { z } from 'zod';
import { beliefScale, fivePointScale, sudsScale, tenPointScale } from '../../../../../shared/library/scales';
import {
  partName as sharedPartName,
  type Approach,
  type Block,
  type BlockType,
  type Category,
  type columnSchema,
  type Frequency,
  type gridItemSchema,
  type Phase,
  type Scale,
  type WorksheetDefinition,
  type WorksheetDraftDefinition,
  type worksheetDraftDefinitionSchema,
} from '../../../../../shared/worksheet';

type WorksheetDraftDefinitionInput = z.input<typeof worksheetDraftDefinitionSchema>;

/**
 * The designer's working copy of a worksheet. It has the shape of the worksheet definition
 * (so that a schema issue at 'blocks.2.scale.step' points at draft.blocks[2].scale.step), plus a
 * React key and an "ID follows the label" flag on blocks, columns and rows. Numbers the user has
 * emptied are NaN until filled in; the schema reports them.
 */
export interface Meta {
  _key: string;
  /** True for parts made in this session: their ID follows the label until the first save. */
  _autoId: boolean;
}
export type Column = z.output<typeof columnSchema>;
export type GridItem = z.output<typeof gridItemSchema>;
export type DraftColumn = Column & Meta;
export type DraftItem = GridItem & Meta;
type WithMeta<B> = B extends { type: 'table' }
  ? Omit<B, 'columns'> & { columns: DraftColumn[] }
  : B extends { type: 'dailyGrid' }
    ? Omit<B, 'items'> & { items: DraftItem[] }
    : B;
export type DraftBlock = WithMeta<Block> & Meta;
export type DraftBlockOf<T extends BlockType> = Extract<DraftBlock, { type: T }>;

export interface Draft {
  title: string;
  summary: string;
  category: Category | '';
  approach: Approach | '';
  phases: Phase[];
  rationale: string;
  instructions: string[];
  /** `times` is kept while another kind is chosen, so switching back restores it. */
  suggestedFrequency: { kind: Frequency['kind']; times: number };
  suggestedMinutes?: number | undefined;
  blocks: DraftBlock[];
}

let seq = 0;
export const newKey = (): string => `k${++seq}`;

// ------------------------------------------------------------------------------ IDs

/** 'Situation (where, who)' → 'situation-where-who': lower-case letters, digits and dashes, starting with a letter. */
export function slugify(label: string, fallback: string): string {
  const s = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  // At most 36 characters (room for '-2' … within the 40 allowed), cut between words.
  let cut = s;
  if (cut.length > 36) {
    const dash = s.slice(0, 37).lastIndexOf('-');
    cut = dash >= 12 ? s.slice(0, dash) : s.slice(0, 36);
  }
  return cut.replace(/-+$/, '') || fallback;
}

/** A slug from the label that no other part uses: 'situation', then 'situation-2' … */
export function uniqueId(label: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const base = slugify(label, fallback);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

const FALLBACK_ID: Record<BlockType, string> = {
  prompt: 'note',
  shortText: 'answer',
  longText: 'writing',
  number: 'number',
  duration: 'duration',
  date: 'date',
  time: 'time',
  rating: 'rating',
  checklist: 'checklist',
  choice: 'choice',
  table: 'table',
  dailyGrid: 'grid',
  hierarchy: 'ladder',
};

/** Re-derives the IDs of parts made in this session from their labels (parts already saved keep theirs). */
export function refreshAutoIds(d: Draft): Draft {
  const fixed = new Set(d.blocks.filter((b) => !b._autoId).map((b) => b.id));
  const taken = new Set(fixed);
  let changed = false;
  const blocks = d.blocks.map((b) => {
    let next = b;
    if (b._autoId) {
      const id = uniqueId('label' in b ? b.label : '', taken, FALLBACK_ID[b.type]);
      if (id !== b.id) next = { ...next, id };
    }
    taken.add(next.id);
    if (next.type === 'table') {
      const cols = autoIdsOf(next.columns, 'column');
      if (cols !== next.columns) next = { ...next, columns: cols };
    } else if (next.type === 'dailyGrid') {
      const items = autoIdsOf(next.items, 'row');
      if (items !== next.items) next = { ...next, items };
    }
    if (next !== b) changed = true;
    return next;
  });
  return changed ? { ...d, blocks } : d;
}

function autoIdsOf<T extends { id: string; label: string } & Meta>(list: T[], fallback: string): T[] {
  const taken = new Set(list.filter((c) => !c._autoId).map((c) => c.id));
  let changed = false;
  const out = list.map((c) => {
    if (!c._autoId) return c;
    const id = uniqueId(c.label, taken, fallback);
    taken.add(id);
    if (id === c.id) return c;
    changed = true;
    return { ...c, id };
  });
  return changed ? out : list;
}

// ------------------------------------------------------------------------------ new parts

/** The scales offered as a starting point (the built-in worksheets' own, from shared/library/scales). */
export const SCALE_PRESETS: { key: string; label: string; scale: () => Scale }[] = [
  {
    key: '0-10',
    label: '0–10, with “not at all” and “extremely”',
    scale: () => tenPointScale('not at all', 'moderate', 'extremely'),
  },
  { key: 'suds', label: '0–100 in tens (distress, SUDS)', scale: sudsScale },
  { key: 'belief', label: '0–100 % (how much you believe it)', scale: () => beliefScale({ halfway: false }) },
  { key: '1-5', label: '1–5, from “very poor” to “very good”', scale: () => fivePointScale('very poor', 'okay', 'very good') },
];

export const defaultScale = (): Scale => SCALE_PRESETS[0]!.scale();

const column = (label: string): DraftColumn => ({
  _key: newKey(),
  _autoId: true,
  id: slugify(label, 'column'),
  label,
  kind: 'text',
  width: 2,
});

/** A new part of the given type, with sensible content to start from. Its ID comes from its label. */
export function newBlock(type: BlockType): DraftBlock {
  const meta = { _key: newKey(), _autoId: true, id: FALLBACK_ID[type] };
  switch (type) {
    case 'prompt':
      return { ...meta, type, text: '' };
    case 'shortText':
    case 'duration':
    case 'date':
    case 'time':
      return { ...meta, type, label: '' };
    case 'longText':
      return { ...meta, type, label: '', lines: 5 };
    case 'number':
      return { ...meta, type, label: '' };
    case 'rating':
      return { ...meta, type, label: '', scale: defaultScale() };
    case 'checklist':
      return { ...meta, type, label: '', options: ['', ''] };
    case 'choice':
      return { ...meta, type, label: '', options: ['', ''] };
    case 'table':
      return { ...meta, type, label: '', columns: [column('Column 1'), column('Column 2'), column('Column 3')], rows: 5 };
    case 'dailyGrid':
      return {
        ...meta,
        type,
        label: '',
        days: 7,
        items: [
          { _key: newKey(), _autoId: true, id: 'done', label: 'Done', kind: 'check' },
          { _key: newKey(), _autoId: true, id: 'rating', label: 'Rating (0–10)', kind: 'rating', scale: defaultScale() },
        ],
      };
    case 'hierarchy':
      return { ...meta, type, label: '', steps: 8, scale: sudsScale() };
  }
}

export const newColumn = (n: number): DraftColumn => column(`Column ${n}`);
export const newItem = (n: number): DraftItem => ({
  _key: newKey(),
  _autoId: true,
  id: `row-${n}`,
  label: `Row ${n}`,
  kind: 'text',
});

/** A copy of a part, placed after it: new keys, an ID of its own. */
export function copyBlock(b: DraftBlock): DraftBlock {
  const copy = structuredClone(b) as DraftBlock;
  copy._key = newKey();
  copy._autoId = true;
  if (copy.type === 'table') copy.columns = copy.columns.map((c) => ({ ...c, _key: newKey() }));
  if (copy.type === 'dailyGrid') copy.items = copy.items.map((c) => ({ ...c, _key: newKey() }));
  return copy;
}

// ------------------------------------------------------------------------------ to and from the definition

export function blankDraft(): Draft {
  return {
    title: '',
    summary: '',
    category: '',
    approach: '',
    phases: [],
    rationale: '',
    instructions: [''],
    suggestedFrequency: { kind: 'once', times: 3 },
    suggestedMinutes: undefined,
    blocks: [],
  };
}

export function fromDefinition(def: WorksheetDefinition): Draft {
  const copy = structuredClone(def);
  return {
    title: copy.title,
    summary: copy.summary,
    category: copy.category,
    approach: copy.approach,
    phases: copy.phases,
    rationale: copy.rationale,
    instructions: copy.instructions,
    suggestedFrequency: {
      kind: copy.suggestedFrequency.kind,
      times: copy.suggestedFrequency.kind === 'weekly' ? copy.suggestedFrequency.times : 3,
    },
    suggestedMinutes: copy.suggestedMinutes,
    blocks: copy.blocks.map((b): DraftBlock => {
      const meta = { _key: newKey(), _autoId: false };
      if (b.type === 'table') return { ...b, ...meta, columns: b.columns.map((c) => ({ ...c, ...meta, _key: newKey() })) };
      if (b.type === 'dailyGrid') return { ...b, ...meta, items: b.items.map((c) => ({ ...c, ...meta, _key: newKey() })) };
      return { ...b, ...meta };
    }),
  };
}

// ---- drafts (issue 11)
/** A worksheet saved as a draft, in the designer (emptied numbers come back as null, shown empty). */
export function fromDraftDefinition(d: WorksheetDraftDefinition): Draft {
  const f = d.suggestedFrequency;
  const draft = fromDefinition({
    ...d,
    schemaVersion: 1,
    category: d.category ?? '',
    approach: d.approach ?? '',
    suggestedFrequency: f.kind === 'weekly' ? { kind: 'weekly', times: f.times ?? Number.NaN } : { kind: f.kind },
    suggestedMinutes: d.suggestedMinutes ?? undefined,
  } as unknown as WorksheetDefinition);
  if (f.kind !== 'weekly' && typeof f.times === 'number') draft.suggestedFrequency.times = f.times;
  return draft;
}

/** The designer's contents as a draft for the core: as typed (an emptied number goes as null). */
export function toDraftDefinition(d: Draft): WorksheetDraftDefinitionInput {
  const def = toDefinition(d);
  return JSON.parse(
    JSON.stringify({
      ...def,
      suggestedFrequency: { kind: d.suggestedFrequency.kind, times: d.suggestedFrequency.times },
    }),
  ) as WorksheetDraftDefinitionInput;
}
// ---- end drafts

function stripMeta<T extends object>(o: T): Omit<T, '_key' | '_autoId'> {
  const { _key: _k, _autoId: _a, ...rest } = o as T & Partial<Meta>;
  return rest;
}

/**
 * The draft as a worksheet definition (not yet validated: the preview shows it as it is, the
 * schema decides whether it can be saved).
 */
export function toDefinition(d: Draft): WorksheetDefinition {
  const f = d.suggestedFrequency;
  return {
    schemaVersion: 1,
    title: d.title,
    summary: d.summary,
    category: d.category as Category,
    approach: d.approach as Approach,
    phases: d.phases,
    rationale: d.rationale,
    instructions: d.instructions,
    suggestedFrequency: f.kind === 'weekly' ? { kind: 'weekly', times: f.times } : { kind: f.kind },
    ...(d.suggestedMinutes !== undefined ? { suggestedMinutes: d.suggestedMinutes } : {}),
    blocks: d.blocks.map((b) => {
      const plain = stripMeta(b) as Block;
      if (b.type === 'table') return { ...plain, columns: b.columns.map(stripMeta) } as Block;
      if (b.type === 'dailyGrid') return { ...plain, items: b.items.map(stripMeta) } as Block;
      return plain;
    }),
  };
}

/** How a part is named to the clinician: 'Part 3 “How anxious”' or 'Part 3 (Rating scale)'. */
export const partName = (b: DraftBlock | undefined, index: number): string => sharedPartName(b, index);

// ------------------------------------------------------------------------------ paths

export type Path = string;

export function getIn(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** A copy of obj with the value at path replaced (undefined removes an object key). */
export function setIn<T>(obj: T, path: Path, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const key = head!;
  const inner = rest.length ? setIn((obj as Record<string, unknown>)?.[key], rest.join('.'), value) : value;
  if (Array.isArray(obj)) {
    const copy = [...obj];
    copy[Number(key)] = inner;
    return copy as T;
  }
  const copy = { ...(obj as Record<string, unknown>) };
  if (inner === undefined) delete copy[key];
  else copy[key] = inner;
  return copy as T;
}

/** Moves item `from` of the array at path to index `to`. */
export function moveIn<T>(obj: T, path: Path, from: number, to: number): T {
  const list = [...((getIn(obj, path) as unknown[]) ?? [])];
  if (to < 0 || to >= list.length || from === to) return obj;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return setIn(obj, path, list);
}
