import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { worksheetDefinitionSchema, type WorksheetDefinition, type WorksheetDefinitionInput } from '../../shared/worksheet';
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { Answers, Block } from '../../shared/worksheet';
import { fieldName, fieldPath, type PrintJob, type PrintOptions } from '../../electron/core/pdf';
import { sudsScale as sudsScaleOf } from '../../shared/library/scales';

/** Fixed creation date: renders are byte-identical. */
export const CREATED = new Date(Date.UTC(2026, 2, 14, 9, 30, 0));

export const IDENTITY = {
  vaultId: 'vault-0001',
  clientId: 'client-0001',
  assignmentId: 'assignment-0001',
  worksheetVersionId: 'wsv-0001',
};

export const UNICODE_NAMES = ['Zoë Łukasiewicz', 'Øyvind Ødegård', 'Ελένη', 'Алёна'];

const sudsScale = sudsScaleOf();

/** A worksheet with every block type (and the awkward cases: long labels, units, wide scales). */
export const EVERY_BLOCK: WorksheetDefinitionInput = {
  title: 'Everything worksheet: every kind of part',
  summary: 'A fixture that uses every block type.',
  category: 'self-monitoring',
  approach: 'cbt',
  phases: ['baseline', 'skill-practice'],
  rationale:
    'Writing things down while they are fresh shows patterns that are hard to see from memory. ' +
    'It also gives us something concrete to look at together in the next session.',
  instructions: [
    'Fill in one page each evening, ideally at the same time.',
    'Be brief: a few words per box are enough.',
    'Bring the sheet to your next session, even if it is incomplete.',
  ],
  suggestedFrequency: { kind: 'daily' },
  suggestedMinutes: 10,
  blocks: [
    {
      type: 'prompt',
      id: 'intro',
      text: 'Take a moment to notice how you are, right now, before you start. There are no right or wrong answers.',
    },
    { type: 'shortText', id: 'situation', label: 'Where were you, and who was with you?' },
    {
      type: 'longText',
      id: 'reflection',
      label: 'What did you notice?',
      help: 'Thoughts, feelings, sensations in the body.',
      lines: 6,
    },
    { type: 'number', id: 'sleep-hours', label: 'Hours of sleep last night', unit: 'hours', min: 0, max: 24 },
    { type: 'duration', id: 'practice-minutes', label: 'Time spent practising' },
    { type: 'date', id: 'practice-date', label: 'Date of the practice' },
    { type: 'time', id: 'practice-time', label: 'Time you started' },
    {
      type: 'rating',
      id: 'mood',
      label: 'Mood today',
      scale: {
        min: 0,
        max: 10,
        step: 1,
        anchors: [
          { value: 0, label: 'very low' },
          { value: 5, label: 'okay' },
          { value: 10, label: 'very good' },
        ],
      },
    },
    { type: 'rating', id: 'suds-peak', label: 'Highest anxiety during the practice (SUDS)', scale: { ...sudsScale, step: 5 } },
    {
      type: 'checklist',
      id: 'strategies',
      label: 'Which strategies did you use?',
      options: [
        'Slow breathing',
        'Grounding (5-4-3-2-1)',
        'Going for a walk',
        'Calling a friend',
        'Writing it down',
        'None of these',
      ],
    },
    {
      type: 'choice',
      id: 'overall',
      label: 'Overall, the practice was',
      options: ['Easier than expected', 'About as expected', 'Harder than expected'],
    },
    {
      type: 'table',
      id: 'thoughts',
      label: 'Thought record',
      help: 'One row per upsetting moment.',
      columns: [
        { id: 'when', label: 'Date', kind: 'date', width: 1 },
        { id: 'situation', label: 'Situation', kind: 'text', width: 3 },
        { id: 'thought', label: 'Automatic thought', kind: 'text', width: 3 },
        { id: 'feeling', label: 'Feeling (0–100)', kind: 'rating', width: 1, scale: sudsScale },
        { id: 'minutes', label: 'How long', kind: 'number', unit: 'min', width: 1 },
      ],
      rows: 4,
    },
    {
      type: 'dailyGrid',
      id: 'week',
      label: 'This week',
      days: 7,
      items: [
        { id: 'walked', label: 'Went for a walk', kind: 'check' },
        { id: 'steps', label: 'Steps walked', kind: 'number', unit: 'thousand' },
        { id: 'mood', label: 'Mood', kind: 'rating', scale: { min: 0, max: 10, step: 1, anchors: [] } },
      ],
    },
    { type: 'hierarchy', id: 'ladder', label: 'My exposure ladder', steps: 6, scale: sudsScale },
  ],
};

/** A worksheet whose table and grid are wide enough to need landscape pages. */
export const WIDE: WorksheetDefinitionInput = {
  title: 'Activity and mood diary',
  summary: 'Wide table and a 7-day grid with text.',
  category: 'activity',
  approach: 'behavioural',
  phases: ['baseline'],
  rationale: 'Seeing what you do and how you feel, hour by hour, shows which activities lift your mood.',
  instructions: ['Fill in the grid each evening.', 'Rate mastery (M) and pleasure (P) from 0 to 10.'],
  suggestedFrequency: { kind: 'daily' },
  blocks: [
    {
      type: 'dailyGrid',
      id: 'diary',
      label: 'Activity diary',
      days: 7,
      items: [
        { id: 'morning', label: 'Morning', kind: 'text' },
        { id: 'afternoon', label: 'Afternoon', kind: 'text' },
        { id: 'evening', label: 'Evening', kind: 'text' },
        { id: 'mood', label: 'Mood', kind: 'rating', scale: { min: 0, max: 10, step: 1, anchors: [] } },
        { id: 'exercise', label: 'Exercised', kind: 'check' },
      ],
    },
    {
      type: 'table',
      id: 'experiments',
      label: 'Behavioural experiments',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'prediction', label: 'Prediction', kind: 'text', width: 3 },
        {
          id: 'belief-before',
          label: 'Belief before',
          kind: 'rating',
          width: 1,
          scale: { min: 0, max: 100, step: 10, unit: '%', anchors: [] },
        },
        { id: 'experiment', label: 'Experiment', kind: 'text', width: 3 },
        { id: 'outcome', label: 'What happened', kind: 'text', width: 3 },
        {
          id: 'belief-after',
          label: 'Belief after',
          kind: 'rating',
          width: 1,
          scale: { min: 0, max: 100, step: 10, unit: '%', anchors: [] },
        },
        { id: 'start', label: 'Start', kind: 'time', width: 1 },
      ],
      rows: 12,
    },
    { type: 'longText', id: 'learned', label: 'What did you learn?', lines: 4 },
  ],
};

/** A worksheet pushed to the schema's limits: 30 writing lines, a 30-row table, 14-day grid, 15-step ladder. */
export const LIMITS_FIXTURE: WorksheetDefinitionInput = {
  title: 'A worksheet at every limit of the schema, with a rather long title to wrap',
  summary: 'Stress test.',
  category: 'writing',
  approach: 'other',
  phases: ['relapse-prevention'],
  rationale: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(30).trim(),
  instructions: Array.from(
    { length: 12 },
    (_, i) => `Step ${i + 1}: ${'do the next small thing and notice what happens. '.repeat(3).trim()}`,
  ),
  suggestedFrequency: { kind: 'weekly', times: 3 },
  blocks: [
    { type: 'longText', id: 'journal', label: 'Journal', lines: 30 },
    {
      type: 'table',
      id: 'log',
      label: 'Exposure log',
      columns: [
        { id: 'date', label: 'Date', kind: 'date', width: 1 },
        { id: 'what', label: 'What I did', kind: 'text', width: 4 },
        { id: 'before', label: 'SUDS before', kind: 'rating', width: 1, scale: sudsScale },
        { id: 'after', label: 'SUDS after', kind: 'rating', width: 1, scale: sudsScale },
      ],
      rows: 30,
    },
    {
      type: 'dailyGrid',
      id: 'fortnight',
      label: 'Two weeks',
      days: 14,
      items: Array.from({ length: 12 }, (_, i) => ({
        id: `item-${i + 1}`,
        label: i % 3 === 0 ? `Did thing number ${i + 1}` : i % 3 === 1 ? `Rated thing ${i + 1}` : `Note ${i + 1}`,
        kind: (i % 3 === 0 ? 'check' : i % 3 === 1 ? 'rating' : 'text') as 'check' | 'rating' | 'text',
        ...(i % 3 === 1 ? { scale: { min: 0, max: 10, step: 1, anchors: [] } } : {}),
      })),
    },
    { type: 'hierarchy', id: 'ladder', label: 'Ladder', steps: 15, scale: sudsScale },
    {
      type: 'rating',
      id: 'wide-scale',
      label: 'Belief in the thought',
      scale: {
        min: 0,
        max: 100,
        step: 5,
        unit: '%',
        anchors: [
          { value: 0, label: 'not at all' },
          { value: 20, label: 'a little, now and then' },
          { value: 40, label: 'somewhat' },
          { value: 60, label: 'quite a lot' },
          { value: 80, label: 'very much' },
          { value: 100, label: 'completely, without any doubt at all' },
        ],
      },
    },
    {
      type: 'checklist',
      id: 'many',
      label: 'A checklist with fifteen options, some of them long enough to wrap onto a second line in a narrow column',
      options: Array.from({ length: 15 }, (_, i) =>
        i % 4 === 0 ? `Option ${i + 1}: a longer option that needs more room than most` : `Option ${i + 1}`,
      ),
    },
  ],
};

export function parse(def: WorksheetDefinitionInput): WorksheetDefinition {
  return worksheetDefinitionSchema.parse(def);
}

export function jobFor(
  definition: WorksheetDefinition,
  options: Partial<PrintOptions> = {},
  over: Partial<PrintJob> = {},
): PrintJob {
  return {
    definition,
    clientLabel: 'Zoë Łukasiewicz',
    assignment: {
      id: IDENTITY.assignmentId,
      startDate: '2026-03-16',
      dueDate: '2026-03-23',
      frequency: { kind: 'daily' },
      step: { current: 2, total: 5 },
      phase: 'skill-practice',
      goal: 'Go back to the supermarket on my own.',
      personalInstructions:
        'Try it after breakfast, when you usually feel calmest. Ελένη and Алёна may come with you the first time.',
    },
    identity: IDENTITY,
    options: { paper: 'a4', largePrint: false, fillable: false, locale: 'en-GB', ...options },
    creationDate: CREATED,
    ...over,
  };
}

// ------------------------------------------------------------------ poppler and qpdf

export function tempDir(prefix = 'stepwise-pdf-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export const normalise = (s: string) =>
  s
    .replace(/[\s\u00ad]+/g, ' ')
    .replace(/- /g, '-')
    .trim();

export interface PdfReport {
  text: string;
  pages: number;
  fonts: { name: string; type: string; embedded: boolean }[];
  qpdfOk: boolean;
  qpdfOutput: string;
  pageSizes: { width: number; height: number }[];
}

/** Runs pdftotext, pdffonts, pdfinfo and qpdf --check on several PDFs in one shell call each. */
export function inspect(files: string[]): PdfReport[] {
  return files.map((file) => {
    const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    const fontLines = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    const fonts = fontLines.map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: read emb from the right.
      return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols[cols.length - 5] === 'yes' };
    });
    const info = run('pdfinfo', ['-f', '1', '-l', '999', file]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    const pageSizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
    let qpdfOk = true;
    let qpdfOutput = '';
    try {
      qpdfOutput = run('qpdf', ['--check', file]);
    } catch (e) {
      qpdfOk = false;
      qpdfOutput = String((e as { stdout?: string }).stdout ?? e);
    }
    return { text, pages, fonts, qpdfOk, qpdfOutput, pageSizes };
  });
}

export const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts/pdf');

/** Saves a PDF under tests/artifacts/pdf and renders its pages to PNG at 60 dpi. */
export function savePreview(name: string, pdf: Buffer, opts: { png?: boolean } = {}): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  if (opts.png !== false) {
    for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(path.join(ARTIFACTS, f));
    run('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, name)]);
  }
  return file;
}

// ------------------------------------------------------------------ filling forms as a client would

const kindValue = (kind: string, i: number, scale?: { min: number; max: number; step: number }, ascii = false): unknown => {
  switch (kind) {
    case 'number':
      return i + 1.5;
    case 'rating':
      return scale!.min + scale!.step * (i % ((scale!.max - scale!.min) / scale!.step + 1));
    case 'date':
      return `2026-03-${String(16 + (i % 10)).padStart(2, '0')}`;
    case 'time':
      return `0${7 + (i % 3)}:30`;
    case 'check':
      return true;
    default:
      return ascii ? `Entry ${i + 1}` : `Eintrag ${i + 1}: Zoë`;
  }
};

/** Valid answers for every part of a worksheet (tables: first two rows; grids and ladders: every day and step). */
export function sampleAnswers(def: WorksheetDefinition, ascii = false): Answers {
  const a: Answers = {};
  const text = (s: string) => (ascii ? s : `${s} (Łódź, Ελένη, Алёна)`);
  def.blocks.forEach((b: Block, bi) => {
    switch (b.type) {
      case 'prompt':
        return;
      case 'shortText':
        a[b.id] = text(`Short answer ${bi}`);
        return;
      case 'longText':
        a[b.id] = `${text('First line')}\nSecond line`;
        return;
      case 'number': {
        let n = 7;
        if (b.max !== undefined) n = Math.min(n, b.max);
        if (b.min !== undefined) n = Math.max(n, b.min);
        a[b.id] = n;
        return;
      }
      case 'duration':
        a[b.id] = 25;
        return;
      case 'date':
        a[b.id] = '2026-03-17';
        return;
      case 'time':
        a[b.id] = '07:30';
        return;
      case 'rating':
        a[b.id] = b.scale.min + b.scale.step;
        return;
      case 'checklist':
        a[b.id] = b.options.length > 1 ? [b.options[0]!, b.options[b.options.length - 1]!] : [b.options[0]!];
        return;
      case 'choice':
        a[b.id] = b.options[1]!;
        return;
      case 'table':
        a[b.id] = Array.from({ length: Math.min(2, b.rows) }, (_, r) =>
          Object.fromEntries(b.columns.map((c, ci) => [c.id, kindValue(c.kind, r + ci, c.scale, ascii)])),
        );
        return;
      case 'dailyGrid':
        a[b.id] = Array.from({ length: b.days }, (_, d) =>
          Object.fromEntries(b.items.map((it, ii) => [it.id, kindValue(it.kind, d + ii, it.scale, ascii)])),
        );
        return;
      case 'hierarchy':
        a[b.id] = Array.from({ length: b.steps }, (_, s) => ({
          step: `Step ${s + 1}`,
          rating: b.scale.min + b.scale.step * (s % 3),
        }));
        return;
    }
  });
  return a;
}

/** Writes answers into the form fields, as a client's PDF viewer would. Returns the number of fields set. */
export function fillForm(pdf: PDFDocument, def: WorksheetDefinition, answers: Answers, raw: Record<string, string> = {}): number {
  const form = pdf.getForm();
  let n = 0;
  const put = (path: readonly string[], v: unknown) => {
    if (v === undefined || v === null || v === '' || v === false) return;
    const name = fieldName(path);
    if (v === true) form.getCheckBox(name).check();
    else form.getTextField(name).setText(raw[name] ?? String(v));
    n++;
  };
  for (const b of def.blocks) {
    const v = answers[b.id];
    if (v === undefined) continue;
    switch (b.type) {
      case 'prompt':
        break;
      case 'checklist':
      case 'choice': {
        const picked = Array.isArray(v) ? (v as string[]) : [v as string];
        b.options.forEach((o, i) => put(fieldPath.option(b.id, i), picked.includes(o)));
        break;
      }
      case 'table':
        (v as Record<string, unknown>[]).forEach((row, r) =>
          b.columns.forEach((c) => put(fieldPath.cell(b.id, r, c.id), row[c.id])),
        );
        break;
      case 'dailyGrid':
        (v as Record<string, unknown>[]).forEach((day, d) =>
          b.items.forEach((it) => put(fieldPath.day(b.id, d, it.id), day[it.id])),
        );
        break;
      case 'hierarchy':
        (v as { step: string; rating: number | null }[]).forEach((s, i) => {
          put(fieldPath.step(b.id, i, 'step'), s.step);
          put(fieldPath.step(b.id, i, 'rating'), s.rating);
        });
        break;
      default:
        put(fieldPath.block(b.id), v);
    }
  }
  return n;
}
