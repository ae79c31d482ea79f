import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFCheckBox, PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readFilledPdf,
  renderWorksheet,
  IDENTITY_FIELD,
  fieldName,
  fieldPath,
  type ReadExpectation,
} from '../../electron/core/pdf';
import { AppError } from '../../shared/result';
import { BUILT_IN_WORKSHEETS } from '../../shared/library';
import { answersSchemaFor, type Answers, type WorksheetDefinition } from '../../shared/worksheet';
import {
  EVERY_BLOCK,
  IDENTITY,
  LIMITS_FIXTURE,
  WIDE,
  fillForm,
  inspect,
  jobFor,
  parse,
  sampleAnswers,
  tempDir,
} from '../support/pdf';

/**
 * Fillable worksheets: rendered with AcroForm fields, filled with pdf-lib as a client's viewer
 * would, and read back into answers that parse with the worksheet's own answer schema.
 */

const every = parse(EVERY_BLOCK);
const expectFor = (definition: WorksheetDefinition, over: Partial<ReadExpectation> = {}): ReadExpectation => ({
  vaultId: IDENTITY.vaultId,
  clientId: IDENTITY.clientId,
  assignmentId: IDENTITY.assignmentId,
  definition,
  ...over,
});

async function fillable(definition: WorksheetDefinition, options = {}): Promise<Buffer> {
  return renderWorksheet(jobFor(definition, { fillable: true, ...options }));
}

/** Fills a rendered PDF; `appearances` false keeps pdf-lib from drawing (it would need a Unicode font). */
async function fill(
  pdf: Buffer,
  definition: WorksheetDefinition,
  answers: Answers,
  raw: Record<string, string> = {},
  appearances = false,
) {
  const doc = await PDFDocument.load(pdf);
  const count = fillForm(doc, definition, answers, raw);
  return { bytes: await doc.save({ updateFieldAppearances: appearances }), count };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp?.cleanup());

describe('fillable worksheets', () => {
  it('have one field per writable thing, named by block, row, day and step', async () => {
    const doc = await PDFDocument.load(await fillable(every));
    const names = new Set(
      doc
        .getForm()
        .getFields()
        .map((f) => f.getName()),
    );
    const expected = [
      'sw.situation',
      'sw.reflection',
      'sw.sleep-hours',
      'sw.practice-minutes',
      'sw.practice-date',
      'sw.practice-time',
      'sw.mood',
      'sw.suds-peak',
      ...[1, 2, 3, 4, 5, 6].map((i) => `sw.strategies.o${i}`),
      ...[1, 2, 3].map((i) => `sw.overall.o${i}`),
      ...[1, 2, 3, 4].flatMap((r) => ['when', 'situation', 'thought', 'feeling', 'minutes'].map((c) => `sw.thoughts.r${r}.${c}`)),
      ...[1, 2, 3, 4, 5, 6, 7].flatMap((d) => ['walked', 'steps', 'mood'].map((it) => `sw.week.d${d}.${it}`)),
      ...[1, 2, 3, 4, 5, 6].flatMap((s) => [`sw.ladder.s${s}.step`, `sw.ladder.s${s}.rating`]),
      IDENTITY_FIELD,
    ];
    expect([...names].sort()).toEqual(expected.sort());
    expect(doc.getForm().getCheckBox('sw.week.d1.walked')).toBeInstanceOf(PDFCheckBox);
    expect(doc.getForm().getTextField('sw.reflection').isMultiline()).toBe(true);
    // Text fields use the embedded regular font at a set size; check boxes carry their own on/off appearances.
    const da = doc.getForm().getTextField('sw.situation').acroField.getDefaultAppearance();
    expect(da).toMatch(/^\/F1 11\.0 Tf 0 g$/);
    expect(doc.getForm().getTextField('sw.thoughts.r1.when').acroField.getDefaultAppearance()).toMatch(/^\/F1 [5-9]\.\d Tf 0 g$/);
    const widget = doc.getForm().getCheckBox('sw.strategies.o1').acroField.getWidgets()[0]!;
    expect(widget.getOnValue()?.asString()).toBe('/Yes');
    expect(widget.getAppearanceState()?.asString()).toBe('/Off');
    const id = doc.getForm().getTextField(IDENTITY_FIELD);
    expect(id.isReadOnly()).toBe(true);
    expect(JSON.parse(id.getText()!)).toMatchObject({
      format: 'stepwise-fillable-1',
      ...IDENTITY,
      definitionSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('embed every font (including the form font) and pass qpdf --check', async () => {
    const files = await Promise.all(
      [every, parse(WIDE), parse(LIMITS_FIXTURE)].map(async (d, i) => {
        const file = path.join(tmp.dir, `fillable-${i}.pdf`);
        writeFileSync(file, await fillable(d, { largePrint: i === 2 }));
        return file;
      }),
    );
    for (const r of inspect(files)) {
      expect(r.qpdfOk, r.qpdfOutput).toBe(true);
      for (const f of r.fonts) expect(f.embedded, f.name).toBe(true);
    }
  });

  it('need the assignment identity', async () => {
    const e = await refusal(renderWorksheet(jobFor(every, { fillable: true }, { identity: undefined })));
    expect(e.code).toBe('VALIDATION');
  });

  it('round-trip: what a client fills in comes back as answers (Unicode text, every block type)', async () => {
    const answers = sampleAnswers(every);
    const { bytes, count } = await fill(await fillable(every), every, answers);
    const { answers: back, filledCount } = await readFilledPdf(bytes, expectFor(every));
    expect(back).toEqual(answers);
    expect(answersSchemaFor(every).parse(back)).toEqual(answers);
    expect(filledCount).toBe(count);
    // A viewer can draw the typed Unicode answers with the embedded font.
    const file = path.join(tmp.dir, 'filled.pdf');
    writeFileSync(file, bytes);
    const r = spawnSync('pdftoppm', ['-png', '-r', '20', '-f', '1', '-l', '4', file, path.join(tmp.dir, 'filled')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/couldn't find a font/i);
  });

  it('round-trip with appearances drawn by the viewer (pdf-lib regenerating them, ASCII text)', async () => {
    const answers = sampleAnswers(every, true);
    const { bytes } = await fill(await fillable(every, { paper: 'letter', largePrint: true }), every, answers, {}, true);
    const { answers: back } = await readFilledPdf(bytes, expectFor(every));
    expect(back).toEqual(answers);
  });

  it('has built-in worksheets to round-trip', () => {
    expect(BUILT_IN_WORKSHEETS.length).toBeGreaterThan(0);
  });

  it.each(BUILT_IN_WORKSHEETS)('round-trip for the built-in worksheet $key', async (w) => {
    const def = parse(w.definition);
    const answers = sampleAnswers(def);
    const { bytes } = await fill(await fillable(def), def, answers);
    const { answers: back } = await readFilledPdf(bytes, expectFor(def));
    expect(back, w.key).toEqual(answers);
    expect(answersSchemaFor(def).safeParse(back).success, w.key).toBe(true);
  });

  it('joins a long answer that runs over two pages', async () => {
    const def = parse(LIMITS_FIXTURE);
    const pdf = await fillable(def, { largePrint: true });
    const doc = await PDFDocument.load(pdf);
    const form = doc.getForm();
    const first = form.getTextField(fieldName(fieldPath.part('journal', 1)));
    const second = form.getTextField(fieldName(fieldPath.part('journal', 2)));
    first.setText('Monday was hard.');
    second.setText('Tuesday was better.');
    const { answers } = await readFilledPdf(await doc.save({ updateFieldAppearances: false }), expectFor(def));
    expect(answers.journal).toBe('Monday was hard.\nTuesday was better.');
  });

  it('reads numbers, durations, dates and times leniently', async () => {
    const pdf = await fillable(every);
    const doc = await PDFDocument.load(pdf);
    const form = doc.getForm();
    const set = (name: string, v: string) => form.getTextField(name).setText(v);
    set('sw.sleep-hours', '7,5');
    set('sw.practice-minutes', '1:30');
    set('sw.practice-date', '17/03/2026');
    set('sw.practice-time', '7.30 pm');
    set('sw.mood', ' 7 ');
    set('sw.suds-peak', '70%');
    set('sw.thoughts.r2.feeling', '40 / 100');
    set('sw.thoughts.r2.minutes', '12.5 min');
    set('sw.week.d3.steps', '4.2');
    form.getCheckBox('sw.week.d3.walked').check();
    set('sw.week.d5.mood', '3');
    set('sw.ladder.s2.step', 'Walk to the corner shop');
    set('sw.ladder.s2.rating', '30');
    const { answers, filledCount } = await readFilledPdf(await doc.save({ updateFieldAppearances: false }), expectFor(every));
    expect(answers).toEqual({
      'sleep-hours': 7.5,
      'practice-minutes': 90,
      'practice-date': '2026-03-17',
      'practice-time': '19:30',
      mood: 7,
      'suds-peak': 70,
      // Rows are records: the empty first row is left out.
      thoughts: [{ feeling: 40, minutes: 12.5 }],
      // Days keep their place; an unticked box on a filled day reads as "no".
      week: [{}, {}, { walked: true, steps: 4.2 }, {}, { walked: false, mood: 3 }],
      // Steps keep their number.
      ladder: [
        { step: '', rating: null },
        { step: 'Walk to the corner shop', rating: 30 },
      ],
    });
    expect(filledCount).toBe(13);
    // US dates in a month-first locale.
    const doc2 = await PDFDocument.load(pdf);
    doc2.getForm().getTextField('sw.practice-date').setText('3/17/2026');
    const us = await readFilledPdf(await doc2.save({ updateFieldAppearances: false }), expectFor(every, { locale: 'en-US' }));
    expect(us.answers).toEqual({ 'practice-date': '2026-03-17' });
  });

  it('reads an untouched form as no answers', async () => {
    const { answers, filledCount } = await readFilledPdf(await fillable(every), expectFor(every));
    expect(answers).toEqual({});
    expect(filledCount).toBe(0);
  });

  it('names the part whose answer is out of range or unreadable, never what the client wrote', async () => {
    const doc = await PDFDocument.load(await fillable(every));
    const form = doc.getForm();
    form.getTextField('sw.mood').setText('12');
    form.getTextField('sw.sleep-hours').setText('lots Zoë');
    form.getTextField('sw.thoughts.r1.feeling').setText('150');
    form.getTextField('sw.practice-date').setText('31/02/2026');
    form.getCheckBox('sw.overall.o1').check();
    form.getCheckBox('sw.overall.o2').check();
    const e = await refusal(readFilledPdf(await doc.save({ updateFieldAppearances: false }), expectFor(every)));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('Mood today: the rating must be between 0 and 10');
    expect(e.message).toContain('Hours of sleep last night: enter a number');
    expect(e.message).not.toMatch(/Zoë|lots|150|31\/02/);
    expect(e.fields).toMatchObject({
      mood: expect.stringContaining('Mood today'),
      'sleep-hours': expect.any(String),
      'thoughts.r1.feeling': 'Thought record, row 1, Feeling (0–100): the rating must be between 0 and 100',
      'practice-date': 'Date of the practice: enter a date like 2026-03-14',
      overall: 'Overall, the practice was: tick only one option',
    });
  });

  it('applies the worksheet’s own limits (number min/max) through its answer schema', async () => {
    const doc = await PDFDocument.load(await fillable(every));
    doc.getForm().getTextField('sw.sleep-hours').setText('30');
    const e = await refusal(readFilledPdf(await doc.save({ updateFieldAppearances: false }), expectFor(every)));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('Hours of sleep last night: at most 24 hours.');
  });
});

describe('refusing PDFs that cannot be imported', () => {
  const clientData = ['Zoë', 'Łukasiewicz', IDENTITY.clientId, IDENTITY.assignmentId, IDENTITY.vaultId];
  const noClientData = (e: AppError) => {
    for (const s of clientData) expect(e.message).not.toContain(s);
  };

  it('a file of random bytes, or one that only looks like a PDF', async () => {
    for (const bytes of [randomBytes(4096), Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)]), Buffer.alloc(0)]) {
      const e = await refusal(readFilledPdf(bytes, expectFor(every)));
      expect(e.code).toBe('DAMAGED');
      expect(e.message).toMatch(/^This file is not a readable PDF/);
      noClientData(e);
    }
  });

  it('a PDF Stepwise did not make (even with form fields)', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.drawText('Some other form', { x: 50, y: 700, font });
    const f = doc.getForm().createTextField('sw.mood');
    f.setText('5');
    f.addToPage(page, { x: 50, y: 600, width: 100, height: 20 });
    const e = await refusal(readFilledPdf(await doc.save(), expectFor(every)));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/^This PDF was not made by Stepwise, so its answers cannot be read/);
  });

  it('a printable (not fillable) Stepwise worksheet', async () => {
    const e = await refusal(readFilledPdf(await renderWorksheet(jobFor(every)), expectFor(every)));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/printable copy/);
  });

  it('a worksheet of another assignment, another client, or from another vault', async () => {
    const pdf = await fillable(every);
    for (const over of [{ assignmentId: 'assignment-0002' }, { clientId: 'client-0002' }, { vaultId: 'vault-0002' }]) {
      const e = await refusal(readFilledPdf(pdf, expectFor(every, over)));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toMatch(/^This worksheet belongs to a different assignment/);
      noClientData(e);
    }
  });

  it('a worksheet printed from another version of the worksheet', async () => {
    const pdf = await fillable(every);
    const changed = parse({ ...EVERY_BLOCK, blocks: EVERY_BLOCK.blocks.slice(1) });
    const e = await refusal(readFilledPdf(pdf, expectFor(changed)));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/different version of this worksheet/);
  });

  it('still finds the identity in the metadata when a viewer drops the hidden field', async () => {
    const doc = await PDFDocument.load(await fillable(every));
    const form = doc.getForm();
    form.removeField(form.getField(IDENTITY_FIELD));
    form.getTextField('sw.situation').setText('At home');
    const { answers } = await readFilledPdf(await doc.save({ updateFieldAppearances: false }), expectFor(every));
    expect(answers).toEqual({ situation: 'At home' });
  });
});
