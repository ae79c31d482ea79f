/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactNode } from 'react';
import {
  columnCaption,
  dayHeadings,
  firstInputIndex,
  frequencyLabel,
  ladderHint,
  longDate,
  needsLandscape,
  optionsHint,
  PHASE_LABELS,
  printedNumber,
  scaleLine,
  scaleProblem,
  scaleRange,
  scaleTicks,
  writesText,
  type Block,
  type BlockOf,
  type Frequency,
  type Phase,
  type Prefill,
  type Scale,
  type WorksheetDefinition,
} from '../../../../shared/worksheet';
import { kindLine } from './format';

/**
 * The worksheet as the client will see it on paper. A pure component: props in, markup out (no
 * hooks, no window), so it renders the same in the app and through react-dom/server for print.
 * Its styles live in preview.css, all under the `.wsp` class. This module does not import them,
 * so that Node can render it without a CSS loader; the app uses WorksheetPreview, which does.
 */
export interface WorksheetPreviewProps {
  definition: WorksheetDefinition;
  /** The client's name or initials, printed in the Name box (left blank when absent). */
  clientLabel?: string;
  /** The therapist's words for this client, shown as "From your therapist". */
  personalInstructions?: string;
  /** Replaces the worksheet's own "Why this helps" when given. */
  agreedRationale?: string;
  /** 'YYYY-MM-DD', shown as a date in `locale`. */
  dueDate?: string;
  /** 'YYYY-MM-DD': daily grids then show weekdays and dates instead of "Day 1" … */
  startDate?: string;
  /** The agreed frequency (default: the worksheet's suggestion). */
  frequency?: Frequency;
  goal?: string;
  phase?: Phase;
  /** Text and writing space about 1.4× larger. */
  largePrint?: boolean;
  /** BCP 47 locale for dates (default: the runtime's). */
  locale?: string;
  /** Level of the title heading (default 2); section headings are one below. */
  headingLevel?: 1 | 2 | 3;
  /** What the assignment fills in ahead (with the agreed number of ladder or table rows), as printed. */
  prefill?: Prefill | null;
  /** On screen only: outlines this block (the designer's part in focus). */
  activeBlock?: number | null;
  className?: string;
}

type Level = 1 | 2 | 3 | 4;
function Heading({ level, className, children }: { level: Level; className: string; children: ReactNode }) {
  const Tag = `h${level}` as 'h1' | 'h2' | 'h3' | 'h4';
  // dir="auto": a heading in Arabic or Hebrew reads right to left, as the PDF prints it.
  return (
    <Tag className={className} dir="auto">
      {children}
    </Tag>
  );
}

const int = (n: unknown, fallback: number, min: number, max: number): number =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(Math.max(Math.round(n), min), max) : fallback;

const text = (s: unknown): string => (typeof s === 'string' ? s.trim() : '');

/**
 * Whether the worksheet prints in landscape on A4 (its first part to fill in is a wide table or
 * grid), by the PDF's shared rule. The PDF also turns a table whose heading word cannot fit a
 * portrait column; that needs the print font's metrics, which the preview does not have.
 */
export function previewIsLandscape(def: WorksheetDefinition, largePrint = false): boolean {
  const blocks = def.blocks ?? [];
  const first = blocks[firstInputIndex(blocks)];
  return first ? needsLandscape(first, { largePrint }) : false;
}

export function WorksheetPreviewMarkup(props: WorksheetPreviewProps) {
  const { definition: def, largePrint, locale } = props;
  const level = (props.headingLevel ?? 2) as Level;
  const sub = Math.min(level + 1, 4) as Level;
  const landscape = previewIsLandscape(def, largePrint);
  const kicker = kindLine(def.category, def.approach, def.title ?? '');
  const rationale = text(props.agreedRationale) || text(def.rationale);
  const personal = text(props.personalInstructions);
  const steps = (def.instructions ?? []).map(text);
  const title = text(def.title);
  const freq = props.frequency ?? def.suggestedFrequency;
  const meta: { label: string; value: string; wide?: boolean }[] = [
    { label: 'Name', value: text(props.clientLabel), wide: true },
  ];
  if (props.dueDate) meta.push({ label: 'Due', value: longDate(props.dueDate, locale) });
  if (freq && (freq.kind !== 'weekly' || Number.isFinite(freq.times)))
    meta.push({ label: 'How often', value: frequencyLabel(freq) });
  if (typeof def.suggestedMinutes === 'number' && Number.isFinite(def.suggestedMinutes)) {
    meta.push({ label: 'Time', value: `About ${def.suggestedMinutes} minutes` });
  }
  if (props.phase) meta.push({ label: 'Phase', value: PHASE_LABELS[props.phase] ?? '' });
  const classes = ['wsp', landscape ? 'wsp-landscape' : 'wsp-portrait', largePrint ? 'wsp-large' : '', props.className ?? '']
    .filter(Boolean)
    .join(' ');

  return (
    <article className={classes} aria-label={`Preview of the worksheet${title ? ` “${title}”` : ''}, as printed`}>
      <header className="wsp-head">
        {kicker ? <p className="wsp-kicker">{kicker}</p> : null}
        <Heading level={level} className="wsp-title">
          {title || <span className="wsp-placeholder">Untitled worksheet</span>}
        </Heading>
        <dl className="wsp-meta">
          {meta.map((m) => (
            <div key={m.label} className={m.wide ? 'wsp-meta-item wsp-meta-wide' : 'wsp-meta-item'}>
              <dt>{m.label}</dt>
              <dd dir="auto">{m.value || <span className="wsp-blank" aria-label="to fill in" />}</dd>
            </div>
          ))}
        </dl>
        {text(props.goal) ? (
          <p className="wsp-goal">
            <strong>Goal: </strong>
            <bdi>{text(props.goal)}</bdi>
          </p>
        ) : null}
      </header>

      {rationale ? (
        <section className="wsp-section">
          <Heading level={sub} className="wsp-heading">
            Why this helps
          </Heading>
          <p className="wsp-para" dir="auto">
            {rationale}
          </p>
        </section>
      ) : null}

      {personal ? (
        <section className="wsp-section">
          <Heading level={sub} className="wsp-heading">
            From your therapist
          </Heading>
          <div className="wsp-panel">
            <p dir="auto">{personal}</p>
          </div>
        </section>
      ) : null}

      {steps.some(Boolean) ? (
        <section className="wsp-section">
          <Heading level={sub} className="wsp-heading">
            What to do
          </Heading>
          <ol className="wsp-steps">
            {steps.map((s, i) => (
              <li key={i} dir="auto">
                {s}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <div className="wsp-blocks">
        {(def.blocks ?? []).map((b, i) => (
          <div key={`${i}-${b.id}`} className={props.activeBlock === i ? 'wsp-slot wsp-active' : 'wsp-slot'} data-block={i}>
            <PreviewBlock block={b} level={sub} startDate={props.startDate} locale={locale} prefill={props.prefill ?? null} />
          </div>
        ))}
      </div>
    </article>
  );
}

// ------------------------------------------------------------------------------ blocks

interface BlockProps {
  block: Block;
  level: Level;
  startDate?: string | undefined;
  locale?: string | undefined;
  prefill?: Prefill | null;
}

/** Filled in ahead: a text, or rows (a table's, a ladder's steps). */
const filledText = (p: Prefill | null | undefined, id: string): string => {
  const v = p?.values[id];
  return typeof v === 'string' ? v.trim() : '';
};
const filledRows = (p: Prefill | null | undefined, id: string): readonly Record<string, unknown>[] => {
  const v = p?.values[id];
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
};
const cellText = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? printedNumber(v) : String(v);
/** Rows a ladder or table shows: the agreed number when it fits, else its own (a draft's may be anything). */
const rowsShown = (own: number, p: Prefill | null | undefined, id: string): number => {
  const agreed = p?.rows[id];
  return agreed !== undefined && agreed >= 1 && agreed <= own ? agreed : own;
};

function Label({ label, help, extra, level }: { label?: string; help?: string | undefined; extra?: string[]; level: Level }) {
  const helpText = [text(help), ...(extra ?? [])].filter(Boolean).join(' ');
  return (
    <>
      {text(label) ? (
        <Heading level={level} className="wsp-label">
          {text(label)}
        </Heading>
      ) : null}
      {helpText ? (
        <p className="wsp-help" dir="auto">
          {helpText}
        </p>
      ) : null}
    </>
  );
}

function PreviewBlock({ block: b, level, startDate, locale, prefill }: BlockProps) {
  switch (b.type) {
    case 'prompt':
      return (
        <div className="wsp-block wsp-prompt">
          <div className="wsp-panel">
            <p dir="auto">{text(b.text)}</p>
            {text(b.help) ? (
              <p className="wsp-help" dir="auto">
                {text(b.help)}
              </p>
            ) : null}
          </div>
        </div>
      );
    case 'shortText':
      return (
        <div className="wsp-block">
          <Label label={b.label} help={b.help} level={level} />
          <div className="wsp-box wsp-box-full">
            {filledText(prefill, b.id) ? (
              <span className="wsp-filled" dir="auto">
                {filledText(prefill, b.id)}
              </span>
            ) : null}
          </div>
        </div>
      );
    case 'longText':
      return (
        <div className="wsp-block">
          <Label label={b.label} help={b.help} level={level} />
          {filledText(prefill, b.id) ? (
            <p className="wsp-filled wsp-filled-long" dir="auto">
              {filledText(prefill, b.id)}
            </p>
          ) : null}
          <div className="wsp-lines">
            {Array.from({ length: filledText(prefill, b.id) ? 1 : int(b.lines, 5, 1, 30) }, (_, i) => (
              <div key={i} className="wsp-line" />
            ))}
          </div>
        </div>
      );
    case 'number':
    case 'duration':
    case 'date':
    case 'time':
      return <InlineBlock block={b} level={level} />;
    case 'rating':
      return (
        <div className="wsp-block">
          <Label
            label={b.label}
            help={b.help}
            extra={scaleProblem(b.scale) ? [] : [`Circle a number on the line (${scaleRange(b.scale)}).`]}
            level={level}
          />
          <ScaleLine scale={b.scale} />
        </div>
      );
    case 'checklist':
    case 'choice':
      return <OptionsBlock block={b} level={level} />;
    case 'table':
      return <TableBlock block={b} level={level} prefill={prefill} />;
    case 'dailyGrid':
      return <GridBlock block={b} level={level} startDate={startDate} locale={locale} />;
    case 'hierarchy':
      return <LadderBlock block={b} level={level} prefill={prefill} />;
    default:
      return null;
  }
}

function InlineBlock({ block: b, level }: { block: BlockOf<'number' | 'duration' | 'date' | 'time'>; level: Level }) {
  const unit = b.type === 'number' ? text(b.unit) : b.type === 'duration' ? 'minutes' : '';
  return (
    <div className="wsp-block wsp-inline">
      <div className="wsp-inline-label">
        <Label label={b.label} help={b.help} level={level} />
      </div>
      <div className="wsp-inline-answer">
        <span className={`wsp-box wsp-box-${b.type}`}>
          {b.type === 'date' ? (
            <span className="wsp-guide">/ &nbsp; /</span>
          ) : b.type === 'time' ? (
            <span className="wsp-guide">:</span>
          ) : null}
        </span>
        {unit ? <span className="wsp-unit">{unit}</span> : null}
      </div>
    </div>
  );
}

/** A line with a numbered tick per point, anchors named under their ticks. */
function ScaleLine({ scale }: { scale: Scale }) {
  const problem = scaleProblem(scale);
  if (problem) {
    return (
      <p className="wsp-scale-problem" role="note">
        The scale cannot be shown yet. {problem}
      </p>
    );
  }
  const n = scaleTicks(scale).length;
  const centre = (i: number) => ((i + 0.5) / n) * 100;
  // Every tick gets a number up to 11 points; beyond that every other one (and the ends and anchors).
  // Each anchor owns the space halfway to its neighbours; ends hug the page edge.
  const { ticks, numbered, anchors } = scaleLine(scale, n > 11 ? 2 : 1, centre, 0, 100);
  const anchorValues = new Set(anchors.map((a) => a.value));
  return (
    <div className="wsp-scale" style={{ ['--wsp-points' as string]: n }}>
      <div className="wsp-scale-ticks" aria-hidden="true">
        <span className="wsp-scale-rule" style={{ left: `${centre(0)}%`, right: `${100 - centre(n - 1)}%` }} />
        {ticks.map((v, i) => (
          <span
            key={v}
            className={anchorValues.has(v) ? 'wsp-tick wsp-tick-anchor' : 'wsp-tick'}
            style={{ left: `${centre(i)}%` }}
          />
        ))}
      </div>
      <ol className="wsp-scale-numbers">
        {ticks.map((v, i) => (
          <li key={v} className={anchorValues.has(v) ? 'wsp-num-anchor' : undefined}>
            {numbered[i] ? printedNumber(v) : ''}
          </li>
        ))}
      </ol>
      {anchors.length ? (
        <div className="wsp-anchors">
          {anchors.map((a, i) => (
            <span
              key={`${a.value}-${i}`}
              className={`wsp-anchor wsp-anchor-${a.align}`}
              style={{ left: `${a.lo}%`, right: `${100 - a.hi}%` }}
            >
              {a.label}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function OptionsBlock({ block: b, level }: { block: BlockOf<'checklist' | 'choice'>; level: Level }) {
  const options = (b.options ?? []).map(text);
  const short = options.every((o) => o.length <= 28);
  const cols = short && options.length >= 6 ? 3 : short && options.length >= 4 ? 2 : 1;
  return (
    <div className="wsp-block">
      <Label label={b.label} help={b.help} extra={[optionsHint(b.type)]} level={level} />
      <ul className={`wsp-options wsp-cols-${cols}`}>
        {options.map((o, i) => (
          <li key={i}>
            <span className={b.type === 'choice' ? 'wsp-circle' : 'wsp-check'} aria-hidden="true" />
            <span dir="auto">{o}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TableBlock({ block: b, level, prefill }: { block: BlockOf<'table'>; level: Level; prefill?: Prefill | null }) {
  const columns = b.columns ?? [];
  const total = columns.reduce((a, c) => a + int(c.width, 2, 1, 4), 0) || 1;
  const hasText = writesText(b);
  const rows = rowsShown(int(b.rows, 5, 1, 30), prefill, b.id);
  const filled = filledRows(prefill, b.id);
  return (
    <div className={`wsp-block${columns.length >= 6 ? ' wsp-dense' : ''}`}>
      <Label label={b.label} help={b.help} level={level} />
      <table className="wsp-table">
        <colgroup>
          {columns.map((c, i) => (
            <col key={i} style={{ width: `${(int(c.width, 2, 1, 4) / total) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c, i) => {
              const cap = columnCaption({ ...c, label: text(c.label) });
              return (
                <th key={i} scope="col">
                  {text(c.label)}
                  {cap ? <span className="wsp-caption">{cap}</span> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r} className={hasText ? 'wsp-row-tall' : 'wsp-row'}>
              {columns.map((c, i) => (
                <td key={i} aria-label={`Row ${r + 1}: ${text(c.label)}`} className="wsp-filled-cell" dir="auto">
                  {cellText(filled[r]?.[c.id])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GridBlock({ block: b, level, startDate, locale }: BlockProps & { block: BlockOf<'dailyGrid'> }) {
  const days = dayHeadings(int(b.days, 7, 1, 31), startDate, locale);
  const items = b.items ?? [];
  return (
    <div className={`wsp-block${days.length > 7 ? ' wsp-dense' : ''}`}>
      <Label label={b.label} help={b.help} level={level} />
      <table className="wsp-table wsp-grid">
        <colgroup>
          <col className="wsp-grid-label-col" />
          {days.map((_, i) => (
            <col key={i} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className="wsp-corner" />
            {days.map((d, i) => (
              <th key={i} scope="col">
                {d.top}
                {d.sub ? <span className="wsp-caption">{d.sub}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((it, r) => {
            const cap = columnCaption({ ...it, label: text(it.label) });
            return (
              <tr key={r} className={it.kind === 'text' ? 'wsp-row-tall' : 'wsp-row'}>
                <th scope="row">
                  {text(it.label)}
                  {cap ? <span className="wsp-caption">{cap}</span> : null}
                </th>
                {days.map((_, d) => (
                  <td key={d} className={it.kind === 'check' ? 'wsp-cell-check' : undefined}>
                    {it.kind === 'check' ? <span className="wsp-check" aria-hidden="true" /> : null}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function LadderBlock({ block: b, level, prefill }: { block: BlockOf<'hierarchy'> } & { level: Level; prefill?: Prefill | null }) {
  const steps = rowsShown(int(b.steps, 8, 1, 15), prefill, b.id);
  const filled = filledRows(prefill, b.id);
  const order = Array.from({ length: steps }, (_, i) => steps - i); // hardest at the top
  return (
    <div className="wsp-block">
      <Label label={b.label} help={b.help} extra={[ladderHint(steps, b.scale)]} level={level} />
      {scaleProblem(b.scale) ? (
        <p className="wsp-scale-problem" role="note">
          The rating scale cannot be shown yet. {scaleProblem(b.scale)}
        </p>
      ) : null}
      <table className="wsp-table wsp-ladder">
        <colgroup>
          <col className="wsp-ladder-step" />
          <col />
          <col className="wsp-ladder-rating" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col" className="wsp-left">
              What you will do
            </th>
            <th scope="col">
              Rating<span className="wsp-caption">{scaleProblem(b.scale) ? '(scale to fix)' : scaleRange(b.scale)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {order.map((n) => (
            <tr key={n} className="wsp-row-ladder">
              <td className="wsp-ladder-num">
                <span>{n}</span>
              </td>
              <td>
                {cellText(filled[n - 1]?.step) ? (
                  <span className="wsp-filled" dir="auto">
                    {cellText(filled[n - 1]?.step)}
                  </span>
                ) : (
                  <span className="wsp-ladder-line" />
                )}
              </td>
              <td className="wsp-filled-rating">{cellText(filled[n - 1]?.rating)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
