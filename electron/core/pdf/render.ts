import { AppError } from '../../../shared/result';
import {
  PHASE_LABELS,
  firstInputIndex,
  kickerOf,
  frequencyLabel,
  longDate,
  worksheetDefinitionSchema,
  type WorksheetDefinition,
} from '../../../shared/worksheet';
import { panelPlan, planBlock, type BlockContext } from './blocks';
import { IDENTITY_FIELD } from './fields';
import { BOLD, REGULAR, toBuffer } from './fonts';
import { encodeIdentity, fillableIdentity, safeLocale } from './format';
import { Engine, type Piece, type Planner, type TextStyle } from './layout';
import { COLOURS } from './theme';
import type { HandoutJob, MeasureJob, PacketJob, PrintJob, PrintOptions } from './types';
import { deepFreeze } from '../util/freeze';

const PRODUCER = 'Stepwise';

/**
 * Definitions already checked, by the object passed in: the print service hands the same frozen
 * object for a worksheet version every time (services/print.ts), so a packet of five worksheets
 * does not run the schema over five definitions again for every client. Only frozen inputs are
 * remembered (an object that can change could no longer match its check); the results are frozen
 * too, as every later print shares them.
 */
const checked = new WeakMap<WorksheetDefinition, WorksheetDefinition>();

function parseDefinition(definition: WorksheetDefinition): WorksheetDefinition {
  const known = checked.get(definition);
  if (known) return known;
  const r = worksheetDefinitionSchema.safeParse(definition);
  if (!r.success) {
    const first = r.error.issues[0]?.message ?? 'it is incomplete';
    throw new AppError('VALIDATION', `This worksheet cannot be printed yet: ${first}`);
  }
  if (Object.isFrozen(definition)) checked.set(definition, deepFreeze(r.data));
  return r.data;
}

export function styles(e: Engine) {
  const t = e.t;
  return {
    title: { font: BOLD, size: t.title, color: COLOURS.text } satisfies TextStyle,
    kicker: { font: BOLD, size: t.small, color: COLOURS.accent } satisfies TextStyle,
    heading: { font: BOLD, size: t.heading, color: COLOURS.accent } satisfies TextStyle,
    body: { font: REGULAR, size: t.body, color: COLOURS.text } satisfies TextStyle,
    bodyBold: { font: BOLD, size: t.body, color: COLOURS.text } satisfies TextStyle,
    metaLabel: { font: REGULAR, size: t.small, color: COLOURS.muted } satisfies TextStyle,
    metaValue: { font: BOLD, size: t.metaValue, color: COLOURS.text } satisfies TextStyle,
    muted: { font: REGULAR, size: t.help, color: COLOURS.muted } satisfies TextStyle,
  };
}

// ------------------------------------------------------------------------------ header

export interface MetaItem {
  label: string;
  value: string;
  span?: number;
}

/** The worksheet's (or packet's) title block: kicker, title, a grid of facts, optional goal, a rule. */
export function headerPlanner(e: Engine, kicker: string, title: string, meta: MetaItem[], goal?: string): Planner {
  return (x, w) => {
    const s = e.t.scale;
    const st = styles(e);
    const pieces: Piece[] = [];
    pieces.push(e.textPiece(kicker, x, w, st.kicker, 2 * s));
    pieces.push(e.textPiece(title, x, w, st.title, 10 * s));
    // Meta grid: 4 columns (3 in large print), the name spanning two.
    const cols = s > 1 ? 3 : 4;
    const colW = w / cols;
    const rows: { x: number; w: number; item: MetaItem; lines: readonly string[] }[][] = [[]];
    let used = 0;
    for (const item of meta) {
      const span = Math.min(item.span ?? 1, cols);
      if (used + span > cols) {
        rows.push([]);
        used = 0;
      }
      const cw = colW * span - 12 * s;
      rows[rows.length - 1]!.push({
        x: x + used * colW,
        w: cw,
        item,
        lines: item.value ? e.wrap(item.value, st.metaValue.font, st.metaValue.size, cw) : [],
      });
      used += span;
    }
    for (const row of rows) {
      if (!row.length) continue;
      const valueH = Math.max(...row.map((c) => Math.max(1, c.lines.length))) * e.lh(st.metaValue.size);
      const h = e.lh(st.metaLabel.size) + valueH + 6 * s;
      pieces.push({
        h,
        draw: (y) => {
          for (const c of row) {
            e.text(c.item.label, c.x, y, st.metaLabel);
            if (c.lines.length) e.lines(c.lines, c.x, y + e.lh(st.metaLabel.size), st.metaValue, c.w);
            else e.hline(c.x, y + e.lh(st.metaLabel.size) + valueH - 2, c.w, COLOURS.rule, 0.6);
          }
        },
      });
    }
    if (goal) {
      const label = 'Goal: ';
      const lw = e.measure(label, BOLD, st.body.size);
      const lines = e.wrap(goal, REGULAR, st.body.size, w - lw);
      pieces.push({
        h: lines.length * e.lh(st.body.size) + 4 * s,
        draw: (y) => {
          e.text(label, x, y, st.bodyBold);
          e.lines(lines, x + lw, y, st.body, w - lw);
        },
      });
    }
    pieces.push({ h: 10 * s, draw: (y) => e.hline(x, y + 4 * s, w, COLOURS.accent, 1.2) });
    return { head: pieces, body: [] };
  };
}

// ------------------------------------------------------------------------------ intro sections

export function headingPiece(e: Engine, x: number, w: number, text: string): Piece {
  const st = styles(e);
  return e.textPiece(text, x, w, st.heading, 3 * e.t.scale);
}

function paragraphSection(e: Engine, heading: string, text: string): Planner {
  return (x, w) => {
    const st = styles(e);
    const lines = e.linePieces(text, x, w, st.body);
    return { head: [headingPiece(e, x, w, heading)], body: lines };
  };
}

function stepsSection(e: Engine, heading: string, steps: string[]): Planner {
  return (x, w) => {
    const s = e.t.scale;
    const st = styles(e);
    const numW = e.measure(`${steps.length}.`, BOLD, st.body.size) + 8 * s;
    const body: Piece[] = steps.map((step, i) => {
      const lines = e.wrap(step, REGULAR, st.body.size, w - numW);
      return {
        h: lines.length * e.lh(st.body.size) + 4 * s,
        draw: (y) => {
          e.text(`${i + 1}.`, x, y, { ...st.bodyBold, color: COLOURS.accent });
          e.lines(lines, x + numW, y, st.body, w - numW);
        },
      };
    });
    return { head: [headingPiece(e, x, w, heading)], body };
  };
}

function withHeading(e: Engine, heading: string, inner: Planner): Planner {
  return (x, w) => {
    const p = inner(x, w);
    return { ...p, head: [headingPiece(e, x, w, heading), ...p.head] };
  };
}

// ------------------------------------------------------------------------------ one worksheet

function metaFor(job: PrintJob, def: WorksheetDefinition, locale: string): MetaItem[] {
  const a = job.assignment;
  const items: MetaItem[] = [{ label: 'Name', value: job.clientLabel.trim(), span: 2 }];
  if (a?.startDate) items.push({ label: 'Start', value: longDate(a.startDate, locale) });
  if (a?.dueDate) items.push({ label: 'Due', value: longDate(a.dueDate, locale) });
  items.push({ label: 'How often', value: frequencyLabel(a?.frequency ?? def.suggestedFrequency) });
  if (def.suggestedMinutes) items.push({ label: 'Time needed', value: `About ${def.suggestedMinutes} min` });
  if (a?.step) items.push({ label: 'Step', value: `${a.step.current} of ${a.step.total}` });
  if (a?.phase) items.push({ label: 'Phase', value: PHASE_LABELS[a.phase] });
  return items;
}

/** Lays out one worksheet from a new page on. */
function layoutWorksheet(e: Engine, job: PrintJob, def: WorksheetDefinition, locale: string): void {
  const a = job.assignment;
  const ctx: BlockContext = {
    e,
    locale,
    ...(a?.startDate ? { startDate: a.startDate } : {}),
    ...(job.prefill ? { prefill: job.prefill } : {}),
  };
  const plans = def.blocks.map((b) => planBlock(ctx, b));
  const firstWide = plans[firstInputIndex(def.blocks)]?.wide ?? false;

  e.footerTitle = def.title;
  e.runningHeader = '';
  e.newPage(firstWide);
  e.runningHeader = job.clientLabel.trim() ? `${def.title} · ${job.clientLabel.trim()}` : def.title;

  const kicker = kickerOf(def);
  e.place(headerPlanner(e, kicker, def.title, metaFor(job, def, locale), a?.goal?.trim() || undefined), firstWide);
  e.gap(e.t.blockGap * 0.6);

  const rationale = a?.agreedRationale?.trim() || def.rationale;
  e.place(paragraphSection(e, 'Why this helps', rationale), firstWide);
  e.gap(e.t.blockGap * 0.8);
  if (a?.personalInstructions?.trim()) {
    e.place(withHeading(e, 'From your therapist', panelPlan(e, a.personalInstructions.trim())), firstWide);
    e.gap(e.t.blockGap * 0.8);
  }
  e.place(stepsSection(e, 'What to do', def.instructions), firstWide);
  e.gap(e.t.blockGap);

  plans.forEach((p, i) => {
    e.place(p.planner, p.wide);
    if (i < plans.length - 1) e.gap(e.t.blockGap);
  });
}

export function infoFor(title: string, subject: string, creationDate: Date | undefined, keywords?: string): PDFKit.DocumentInfo {
  const when = creationDate ?? new Date();
  return {
    Title: title,
    Subject: subject,
    Producer: PRODUCER,
    Creator: PRODUCER,
    CreationDate: when,
    ModDate: when,
    ...(keywords ? { Keywords: keywords } : {}),
  };
}

/**
 * Renders one worksheet for one client as a PDF (printable, or fillable with AcroForm fields).
 * The client's name appears on the page only, never in the metadata.
 */
export async function renderWorksheet(job: PrintJob): Promise<Buffer> {
  const def = parseDefinition(job.definition);
  const locale = safeLocale(job.options.locale);
  const fillable = job.options.fillable;
  if (fillable && !job.identity) {
    throw new AppError('VALIDATION', 'A fillable worksheet needs its assignment, so that the answers can be imported later.');
  }
  const identity = fillable && job.identity ? encodeIdentity(fillableIdentity(job.identity, def)) : undefined;
  const e = new Engine({
    paper: job.options.paper,
    largePrint: job.options.largePrint,
    fillable,
    info: infoFor(def.title, 'Stepwise worksheet', job.creationDate, identity),
    lang: locale,
  });
  layoutWorksheet(e, job, def, locale);
  if (identity) {
    e.doc.switchToPage(0);
    e.hiddenField(IDENTITY_FIELD, identity);
  }
  return toBuffer(e.finish());
}

// ------------------------------------------------------------------------------ packet

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * One PDF for one client: a cover page listing the week's homework, then every worksheet from a
 * new page, numbered "Page N of M" across the whole packet. A fillable packet has form fields for
 * the client to type in (each worksheet's under its own prefix); it carries no identity, so its
 * answers are not imported back (a single fillable worksheet is made for that).
 */
export async function renderPacket(job: PacketJob): Promise<Buffer> {
  const locale = safeLocale(job.options.locale);
  const options: PrintOptions = { ...job.options };
  const defs = job.items.map((it) => parseDefinition(it.definition));
  const title = job.weekOf ? `Practice packet, week of ${longDate(job.weekOf, locale)}` : 'Practice packet';
  const e = new Engine({
    paper: options.paper,
    largePrint: options.largePrint,
    fillable: options.fillable,
    info: infoFor(title, 'Stepwise practice packet', job.creationDate),
    lang: locale,
  });
  const st = styles(e);
  const s = e.t.scale;
  const name = job.clientLabel.trim();

  // Cover page.
  e.footerTitle = 'This week’s practice';
  e.runningHeader = '';
  e.newPage(false);
  e.runningHeader = name ? `This week’s practice · ${name}` : 'This week’s practice';
  const meta: MetaItem[] = [{ label: 'Name', value: name, span: 2 }];
  if (job.weekOf) meta.push({ label: 'Week of', value: longDate(job.weekOf, locale), span: 2 });
  e.place(headerPlanner(e, 'Stepwise', 'This week’s practice', meta));
  e.gap(e.t.blockGap * 0.5);
  e.place((x, w) => ({
    head: [
      e.textPiece(
        'Here is the practice we agreed on. Tick each one when you have done it, and bring these pages to your next session.',
        x,
        w,
        st.body,
      ),
    ],
    body: [],
  }));
  e.gap(e.t.blockGap);

  const pageRefs: { page: number; x: number; y: number; w: number; item: number }[] = [];
  job.items.forEach((item, i) => {
    const def = defs[i]!;
    const a = item.assignment;
    e.place((x, w) => {
      const mark = 14 * s;
      const textX = x + mark + 12 * s;
      const refW = e.measure('Page 99', REGULAR, st.muted.size) + 8 * s;
      const tw = w - (textX - x) - refW;
      const titleLines = e.wrap(def.title, BOLD, st.bodyBold.size, tw);
      const facts = [
        frequencyLabel(a?.frequency ?? def.suggestedFrequency),
        a?.dueDate ? `due ${longDate(a.dueDate, locale)}` : '',
        a?.step ? `step ${a.step.current} of ${a.step.total}` : '',
      ].filter(Boolean);
      const factLines = e.wrap(facts.join(' · '), REGULAR, st.muted.size, tw);
      const note = a?.personalInstructions?.trim() ? excerpt(a.personalInstructions, 220) : '';
      const noteLines = note ? e.wrap(note, REGULAR, st.body.size, tw) : [];
      const h =
        titleLines.length * e.lh(st.bodyBold.size) +
        factLines.length * e.lh(st.muted.size) +
        noteLines.length * e.lh(st.body.size) +
        16 * s;
      return {
        head: [
          {
            h,
            draw: (y) => {
              e.box(x, y + 2 * s, mark, mark, { stroke: COLOURS.box, width: 1, radius: 2 });
              let yy = y;
              yy += e.lines(titleLines, textX, yy, st.bodyBold, tw);
              yy += e.lines(factLines, textX, yy, st.muted, tw);
              if (noteLines.length) e.lines(noteLines, textX, yy + 2 * s, st.body, tw);
              pageRefs.push({ page: e.pageIndex, x: x + w - refW, y, w: refW, item: i });
              e.hline(x, y + h - 6 * s, w, COLOURS.faint, 0.6);
            },
          },
        ],
        body: [],
      };
    });
  });

  // The worksheets, each from a new page.
  const startPages: number[] = [];
  job.items.forEach((item, i) => {
    startPages.push(e.pageCount);
    // A fillable packet: each worksheet's fields under their own name (w1, w2 …).
    e.fieldPrefix = options.fillable ? `w${i + 1}` : '';
    layoutWorksheet(e, { ...item, clientLabel: job.clientLabel, options }, defs[i]!, locale);
  });
  e.fieldPrefix = '';

  // Page references on the cover, now that the pages are known.
  for (const ref of pageRefs) {
    e.doc.switchToPage(ref.page);
    const text = `Page ${startPages[ref.item]! + 1}`;
    const tw = e.measure(text, REGULAR, st.muted.size);
    e.text(text, ref.x + ref.w - tw, ref.y + 1, st.muted);
  }
  return toBuffer(e.finish());
}

// ------------------------------------------------------------------------------ handout

/**
 * A session handout for the client, in the worksheets' look: the date, what we looked at (in
 * client-friendly words), their takeaways in their own words, and the practice for the coming
 * week. It is built from a HandoutView only, which holds nothing private.
 */
export async function renderHandout(job: HandoutJob): Promise<Buffer> {
  const locale = safeLocale(job.options.locale);
  const v = job.view;
  const e = new Engine({
    paper: job.options.paper,
    largePrint: job.options.largePrint,
    fillable: false,
    info: infoFor('Session handout', 'Stepwise session handout', job.creationDate),
    lang: locale,
  });
  const st = styles(e);
  const s = e.t.scale;
  const name = job.clientLabel.trim();
  const date = longDate(v.sessionDate, locale);

  e.footerTitle = 'Session handout';
  e.runningHeader = '';
  e.newPage(false);
  e.runningHeader = name ? `Session handout · ${name}` : 'Session handout';
  const meta: MetaItem[] = [
    { label: 'Name', value: name, span: 2 },
    { label: 'Date', value: date },
    { label: 'Session', value: String(v.sessionNumber) },
  ];
  e.place(headerPlanner(e, 'Stepwise · Session handout', 'After our session', meta));
  e.gap(e.t.blockGap * 0.6);

  /** A list of items: a bold title, a muted line of facts, then an optional text. */
  const itemsSection =
    (heading: string, items: { title: string; facts?: string; text?: string }[], checkbox: boolean): Planner =>
    (x, w) => {
      const mark = checkbox ? 14 * s : 0;
      const textX = x + (checkbox ? mark + 12 * s : 0);
      const tw = w - (textX - x);
      const body: Piece[] = items.map((it) => {
        const titleLines = e.wrap(it.title, BOLD, st.bodyBold.size, tw);
        const factLines = it.facts ? e.wrap(it.facts, REGULAR, st.muted.size, tw) : [];
        const textLines = it.text ? e.wrap(it.text, REGULAR, st.body.size, tw) : [];
        const h =
          titleLines.length * e.lh(st.bodyBold.size) +
          factLines.length * e.lh(st.muted.size) +
          textLines.length * e.lh(st.body.size) +
          (textLines.length ? 2 * s : 0) +
          14 * s;
        return {
          h,
          draw: (y: number) => {
            if (checkbox) e.box(x, y + 2 * s, mark, mark, { stroke: COLOURS.box, width: 1, radius: 2 });
            let yy = y;
            yy += e.lines(titleLines, textX, yy, st.bodyBold, tw);
            yy += e.lines(factLines, textX, yy, st.muted, tw);
            if (textLines.length) e.lines(textLines, textX, yy + 2 * s, st.body, tw);
            e.hline(x, y + h - 6 * s, w, COLOURS.faint, 0.6);
          },
        };
      });
      return { head: [headingPiece(e, x, w, heading)], body };
    };

  if (v.reviewed.length) {
    e.place(
      itemsSection(
        'What we looked at',
        v.reviewed.map((r) => ({ title: r.title, text: r.summary })),
        false,
      ),
    );
    e.gap(e.t.blockGap * 0.8);
  }

  if (v.takeaways?.trim()) {
    e.place(withHeading(e, 'What you are taking away', panelPlan(e, v.takeaways.trim())));
    e.gap(e.t.blockGap);
  }

  if (v.practice.length) {
    const items = v.practice.map((p) => ({
      title: p.title,
      facts: [
        p.frequency,
        p.dueDate ? `due ${longDate(p.dueDate, locale)}` : '',
        p.step ? `step ${p.step.current} of ${p.step.total}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      ...(p.instructions?.trim() ? { text: p.instructions.trim() } : {}),
    }));
    e.place(itemsSection('Your practice for the coming week', items, true));
  } else {
    e.place(paragraphSection(e, 'Your practice for the coming week', 'No new practice this week.'));
  }
  e.gap(e.t.blockGap);
  e.place((x, w) => ({
    head: [
      e.textPiece(
        'Bring your practice sheets to our next session, filled in or not: we will look at them together.',
        x,
        w,
        st.muted,
      ),
    ],
    body: [],
  }));
  return toBuffer(e.finish());
}

// ------------------------------------------------------------------------------ questionnaire

/**
 * A questionnaire (outcome measure) for one client, printable or fillable: its published wording
 * and response options (one box per option), a name and date line. Not parsed against the
 * designer's limits: published items may be longer than a designed worksheet's labels.
 */
export async function renderMeasure(job: MeasureJob): Promise<Buffer> {
  const def = job.definition;
  const locale = safeLocale(job.options.locale);
  const fillable = job.options.fillable;
  const identity = fillable ? encodeIdentity(fillableIdentity(job.identity, def)) : undefined;
  const e = new Engine({
    paper: job.options.paper,
    largePrint: job.options.largePrint,
    fillable,
    info: infoFor(def.title, 'Stepwise questionnaire', job.creationDate, identity),
    lang: locale,
  });
  const ctx: BlockContext = { e, locale };
  const plans = def.blocks.map((b) => planBlock(ctx, b));
  const name = job.clientLabel.trim();
  e.footerTitle = def.title;
  e.runningHeader = '';
  e.newPage(false);
  e.runningHeader = name ? `${def.title} · ${name}` : def.title;
  e.place(
    headerPlanner(e, 'Questionnaire', def.title, [
      { label: 'Name', value: name, span: 2 },
      { label: 'Date', value: job.date ? longDate(job.date, locale) : '', span: 2 },
    ]),
  );
  e.gap(e.t.blockGap * 0.6);
  plans.forEach((p, i) => {
    e.place(p.planner, p.wide);
    if (i < plans.length - 1) e.gap(e.t.blockGap * 0.7);
  });
  if (identity) {
    e.doc.switchToPage(0);
    e.hiddenField(IDENTITY_FIELD, identity);
  }
  return toBuffer(e.finish());
}
