import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { BUILT_IN_WORKSHEETS } from '../../shared/library';
import {
  answersSchemaFor,
  seriesOf,
  worksheetDefinitionSchema,
  type Block,
  type BlockOf,
  type Scale,
  type WorksheetDefinition,
} from '../../shared/worksheet';

// ------------------------------------------------------------------ helpers

interface Parsed {
  key: string;
  def: WorksheetDefinition;
}

/** Every built-in that parses; the first test reports the ones that do not. */
const parsed: Parsed[] = BUILT_IN_WORKSHEETS.flatMap(({ key, definition }) => {
  const r = worksheetDefinitionSchema.safeParse(definition);
  return r.success ? [{ key, def: r.data }] : [];
});

const blocksOf = <T extends Block['type']>(def: WorksheetDefinition, type: T): BlockOf<T>[] =>
  def.blocks.filter((b): b is BlockOf<T> => b.type === type);

type Column = BlockOf<'table'>['columns'][number];
type GridItem = BlockOf<'dailyGrid'>['items'][number];

const col = (t: BlockOf<'table'>, label: RegExp, kinds?: Column['kind'][]) =>
  t.columns.find((c) => label.test(c.label) && (!kinds || kinds.includes(c.kind)));
const colIndex = (t: BlockOf<'table'>, label: RegExp, kinds?: Column['kind'][]) => {
  const c = col(t, label, kinds);
  return c ? t.columns.indexOf(c) : -1;
};
const item = (g: BlockOf<'dailyGrid'>, label: RegExp, kinds?: GridItem['kind'][]) =>
  g.items.find((i) => label.test(i.label) && (!kinds || kinds.includes(i.kind)));
const labelled = (def: WorksheetDefinition, type: 'longText' | 'shortText' | 'rating', label: RegExp) =>
  blocksOf(def, type).some((b) => label.test(b.label));
const is0to100 = (s: Scale | undefined) => !!s && s.min === 0 && s.max === 100;
const ascending = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]!));

/** Every scale a worksheet uses, with where it sits. */
function scalesOf(def: WorksheetDefinition): { where: string; scale: Scale }[] {
  const out: { where: string; scale: Scale }[] = [];
  for (const b of def.blocks) {
    if (b.type === 'rating' || b.type === 'hierarchy') out.push({ where: b.id, scale: b.scale });
    if (b.type === 'table') for (const c of b.columns) if (c.scale) out.push({ where: `${b.id}.${c.id}`, scale: c.scale });
    if (b.type === 'dailyGrid') for (const i of b.items) if (i.scale) out.push({ where: `${b.id}.${i.id}`, scale: i.scale });
  }
  return out;
}

const WRITING_CATEGORIES = new Set(['writing', 'reflection']);

// ------------------------------------------------------------------ what the library must cover

/** Each clinical need of the library, recognised by the structure of its blocks, not by its key. */
const REQUIRED: [string, (def: WorksheetDefinition) => boolean][] = [
  [
    'three-column thought record (situation, thoughts, feelings)',
    (d) =>
      blocksOf(d, 'table').some(
        (t) =>
          t.columns.length <= 4 &&
          ascending([
            colIndex(t, /situation/i, ['text']),
            colIndex(t, /thought/i, ['text']),
            colIndex(t, /feeling/i, ['text']),
          ]) &&
          !col(t, /evidence/i),
      ),
  ],
  [
    'seven-column thought record (feeling + intensity … balanced thought, re-rated feeling)',
    (d) =>
      blocksOf(d, 'table').some((t) => {
        const balanced = colIndex(t, /balanced/i, ['text']);
        const rerated = t.columns.findIndex((c, i) => i > balanced && c.kind === 'rating' && is0to100(c.scale));
        return (
          t.columns.length <= 8 &&
          ascending([
            colIndex(t, /situation/i, ['text']),
            colIndex(t, /feeling/i, ['text']),
            t.columns.findIndex((c) => c.kind === 'rating' && is0to100(c.scale)),
            colIndex(t, /thought/i, ['text']),
            colIndex(t, /evidence for/i, ['text']),
            colIndex(t, /evidence against/i, ['text']),
            balanced,
            rerated,
          ])
        );
      }),
  ],
  [
    'cognitive restructuring (evidence for and against, belief rated before and after)',
    (d) =>
      d.category === 'thoughts' &&
      blocksOf(d, 'table').some((t) => !!col(t, /evidence for/i) && !!col(t, /evidence against/i)) &&
      blocksOf(d, 'rating').filter((r) => is0to100(r.scale) && /believe|belief/i.test(r.label)).length >= 2 &&
      labelled(d, 'longText', /balanced|alternative/i),
  ],
  [
    'behavioural experiment (prediction + belief, plan, outcome, learning, re-rated belief)',
    (d) => {
      const idx = (re: RegExp, type?: Block['type']) =>
        d.blocks.findIndex((b) => (!type || b.type === type) && 'label' in b && re.test(b.label));
      const beliefs = d.blocks.flatMap((b, i) =>
        b.type === 'rating' && is0to100(b.scale) && /believe/i.test(b.label) ? [i] : [],
      );
      return (
        d.category === 'experiments' &&
        beliefs.length >= 2 &&
        ascending([
          idx(/predict/i, 'longText'),
          beliefs[0]!,
          idx(/experiment|plan/i, 'longText'),
          idx(/happened|outcome/i, 'longText'),
          idx(/learn/i, 'longText'),
          beliefs.at(-1)!,
        ])
      );
    },
  ],
  [
    'exposure hierarchy (ladder rated SUDS 0–100 in steps of 10, anchored calm … most anxious)',
    (d) =>
      blocksOf(d, 'hierarchy').some((h) => {
        const at = (v: number) => h.scale.anchors.find((a) => a.value === v)?.label ?? '';
        return (
          is0to100(h.scale) &&
          h.scale.step === 10 &&
          /calm/i.test(at(0)) &&
          /moderate/i.test(at(50)) &&
          /most anxious/i.test(at(100))
        );
      }),
  ],
  [
    'exposure practice log (SUDS before, peak and after, and how long)',
    (d) =>
      blocksOf(d, 'table').some(
        (t) =>
          [/before/i, /peak/i, /after/i].every((re) => is0to100(col(t, re, ['rating'])?.scale)) &&
          t.columns.some((c) => c.kind === 'number' && c.unit === 'min'),
      ),
  ],
  [
    'activity scheduling (7-day grid with mastery and pleasure ratings)',
    (d) =>
      blocksOf(d, 'dailyGrid').some(
        (g) => g.days === 7 && !!item(g, /mastery/i, ['rating']) && !!item(g, /pleasure/i, ['rating']),
      ),
  ],
  [
    'relaxation and breathing practice log (tension before and after)',
    (d) =>
      d.category === 'relaxation' &&
      /breath/i.test(`${d.title} ${d.instructions.join(' ')}`) &&
      blocksOf(d, 'table').some((t) => !!col(t, /before/i, ['rating']) && !!col(t, /after/i, ['rating'])),
  ],
  [
    'mindfulness practice log (what, how long, what I noticed)',
    (d) =>
      d.category === 'mindfulness' &&
      blocksOf(d, 'table').some(
        (t) => t.columns.some((c) => c.kind === 'number' && c.unit === 'min') && !!col(t, /notic/i, ['text']),
      ),
  ],
  [
    'journaling / reflective writing prompts (three or more writing prompts)',
    (d) => d.category === 'writing' && blocksOf(d, 'longText').length >= 3,
  ],
  [
    'ABC record (where, antecedent, behaviour, how many times, consequence)',
    (d) =>
      blocksOf(d, 'table').some(
        (t) =>
          !!col(t, /where/i, ['text']) &&
          ascending([
            colIndex(t, /^A\b|antecedent|before/i, ['text']),
            colIndex(t, /^B\b|behaviour|what I did/i, ['text']),
            colIndex(t, /^C\b|consequence|after/i, ['text']),
          ]) &&
          !!col(t, /how many|times/i, ['number']),
      ),
  ],
  [
    'worry log with worry time',
    (d) =>
      d.category === 'worry' &&
      blocksOf(d, 'table').some((t) => !!col(t, /worry/i, ['text'])) &&
      d.blocks.some((b) => (b.type === 'time' || b.type === 'duration') && /worry|spent/i.test(b.label)),
  ],
  [
    'sleep diary (7-day grid: bedtime, time to fall asleep, wakings, wake time, quality)',
    (d) =>
      d.category === 'sleep' &&
      blocksOf(d, 'dailyGrid').some(
        (g) =>
          g.days === 7 &&
          !!item(g, /bed/i) &&
          !!item(g, /fall asleep/i, ['number']) &&
          !!item(g, /woke|waking/i, ['number']) &&
          !!item(g, /final waking|got up/i) &&
          !!item(g, /quality/i, ['rating']),
      ),
  ],
  [
    'gratitude journal',
    (d) =>
      d.category === 'writing' &&
      /gratitude|grateful/i.test(`${d.title} ${d.blocks.map((b) => ('label' in b ? b.label : '')).join(' ')}`),
  ],
  [
    'assertiveness practice (skills)',
    (d) => d.category === 'skills' && /assertive/i.test(d.title) && d.blocks.some((b) => b.type === 'rating'),
  ],
  [
    'bibliotherapy / cinematherapy reflection (reading or film)',
    (d) =>
      d.category === 'reflection' &&
      blocksOf(d, 'choice').some((c) => c.options.some((o) => /book/i.test(o)) && c.options.some((o) => /film/i.test(o))) &&
      blocksOf(d, 'longText').length >= 3,
  ],
  [
    'baseline self-observation (daily counts before any change)',
    (d) =>
      d.category === 'self-monitoring' &&
      d.phases.includes('baseline') &&
      blocksOf(d, 'dailyGrid').some((g) => !!item(g, /how many/i, ['number']) && g.items.some((i) => i.kind === 'rating')),
  ],
  [
    'mood and activity monitoring (baseline)',
    (d) =>
      d.phases.includes('baseline') &&
      d.category === 'activity' &&
      blocksOf(d, 'table').some((t) => !!col(t, /doing|activity/i, ['text']) && !!col(t, /mood/i, ['rating'])),
  ],
  [
    'values-based action (ACT)',
    (d) => d.approach === 'act' && blocksOf(d, 'longText').some((b) => /matters|value/i.test(b.label)),
  ],
  [
    'DBT skills diary card (7-day grid)',
    (d) => d.approach === 'dbt' && blocksOf(d, 'dailyGrid').some((g) => g.days === 7 && !!item(g, /skills/i)),
  ],
  ['relapse prevention', (d) => d.phases.length === 1 && d.phases[0] === 'relapse-prevention'],
];

// ------------------------------------------------------------------ tests

describe('built-in worksheet library', () => {
  it('every built-in parses with the worksheet schema', () => {
    const failures = BUILT_IN_WORKSHEETS.flatMap(({ key, definition }) => {
      const r = worksheetDefinitionSchema.safeParse(definition);
      return r.success
        ? []
        : [`${key}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join(' | ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('has at least 16 worksheets', () => {
    expect(BUILT_IN_WORKSHEETS.length).toBeGreaterThanOrEqual(16);
  });

  it('keys are unique slugs', () => {
    const keys = BUILT_IN_WORKSHEETS.map((w) => w.key);
    expect(keys.filter((k) => !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(k))).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('titles are unique', () => {
    const titles = parsed.map((p) => p.def.title.toLowerCase());
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  it.each(REQUIRED)('covers: %s', (_name, matches) => {
    expect(parsed.filter((p) => matches(p.def)).map((p) => p.key)).not.toEqual([]);
  });

  it('every worksheet has a numeric series to chart, unless it is a writing or reflection worksheet', () => {
    const without = parsed
      .filter((p) => seriesOf(p.def).length === 0 && !WRITING_CATEGORIES.has(p.def.category))
      .map((p) => p.key);
    expect(without).toEqual([]);
  });

  it('every rationale explains why it helps in at least 150 characters, speaking to the client', () => {
    expect(parsed.filter((p) => p.def.rationale.length < 150).map((p) => p.key)).toEqual([]);
    expect(parsed.filter((p) => !/\byou(r)?\b/i.test(p.def.rationale)).map((p) => p.key)).toEqual([]);
  });

  it('every summary is one line and every worksheet suggests a time', () => {
    expect(parsed.filter((p) => /\n/.test(p.def.summary)).map((p) => p.key)).toEqual([]);
    expect(parsed.filter((p) => p.def.suggestedMinutes === undefined).map((p) => p.key)).toEqual([]);
  });

  it('every rating scale is anchored at both ends', () => {
    const unanchored = parsed.flatMap((p) =>
      scalesOf(p.def)
        .filter(
          ({ scale }) => !scale.anchors.some((a) => a.value === scale.min) || !scale.anchors.some((a) => a.value === scale.max),
        )
        .map(({ where }) => `${p.key}: ${where}`),
    );
    expect(unanchored).toEqual([]);
  });

  it('tables and grids fit a page', () => {
    const tooBig = parsed.flatMap((p) => [
      ...blocksOf(p.def, 'table')
        .filter((t) => t.columns.length > 8 || t.rows < 4 || t.rows > 10)
        .map((t) => `${p.key}: ${t.id}`),
      ...blocksOf(p.def, 'dailyGrid')
        .filter((g) => g.items.length > 12 || g.days > 7)
        .map((g) => `${p.key}: ${g.id}`),
    ]);
    expect(tooBig).toEqual([]);
  });

  it('every worksheet accepts an empty set of answers and parses again from its own output', () => {
    for (const { key, def } of parsed) {
      expect(answersSchemaFor(def).safeParse({}).success, key).toBe(true);
      expect(worksheetDefinitionSchema.parse(def), key).toEqual(def);
    }
  });

  it('the library imports only the worksheet model (no Node, DOM or Electron)', () => {
    const dir = fileURLToPath(new URL('../../shared/library/', import.meta.url));
    const bad = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(dir + f, 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)]
          .map((m) => m[1]!)
          .filter((spec) => spec !== '../worksheet' && !/^\.\/[a-z0-9-]+$/.test(spec))
          .map((spec) => `${f}: ${spec}`),
      );
    expect(bad).toEqual([]);
  });
});
