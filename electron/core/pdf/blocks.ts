import type { Block, BlockOf, LadderStep, Prefill, Scale } from '../../../shared/worksheet';
import {
  columnCaption,
  dayHeadings,
  ladderHint,
  needsLandscape,
  optionsHint,
  printedNumber,
  rowsToPrint,
  scaleLine,
  scaleRange,
  scaleTicks,
  writesText,
} from '../../../shared/worksheet';
import { fieldPath } from './fields';
import { BOLD, REGULAR } from './fonts';
import type { Engine, Piece, Plan, Planner, TextStyle } from './layout';
import { COLOURS } from './theme';

/** A typical answer of each kind, to size form fields so that it fits. */
const FIT: Record<string, string | undefined> = {
  date: '2026-03-14',
  time: '07:30',
  number: '100.5',
  rating: '100',
  duration: '120',
};

/**
 * One planner per block type: given the x and width of the content area, a block describes its
 * pieces (label and help kept with the start of the writing space; rows, lines and options as
 * separate pieces so long blocks split cleanly across pages).
 */

export interface BlockContext {
  e: Engine;
  locale: string;
  startDate?: string;
  /** What the assignment fills in ahead (checked against the definition by the core). */
  prefill?: Prefill;
}

/** The value filled in ahead for a block, if any. */
const filledText = (c: BlockContext, id: string): string => {
  const v = c.prefill?.values[id];
  return typeof v === 'string' ? v.trim() : '';
};
const filledRows = (c: BlockContext, id: string): readonly Record<string, unknown>[] => {
  const v = c.prefill?.values[id];
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
};
/** A cell's value as it prints ('' when empty). */
const cellText = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? printedNumber(v) : String(v);

const styles = (e: Engine) => {
  const t = e.t;
  return {
    label: { font: BOLD, size: t.label, color: COLOURS.text } satisfies TextStyle,
    help: { font: REGULAR, size: t.help, color: COLOURS.muted } satisfies TextStyle,
    body: { font: REGULAR, size: t.body, color: COLOURS.text } satisfies TextStyle,
    small: { font: REGULAR, size: t.small, color: COLOURS.text } satisfies TextStyle,
    smallMuted: { font: REGULAR, size: t.small, color: COLOURS.muted } satisfies TextStyle,
    smallBold: { font: BOLD, size: t.small, color: COLOURS.text } satisfies TextStyle,
    accentSmall: { font: BOLD, size: t.small, color: COLOURS.accent } satisfies TextStyle,
  };
};

/** Label and help as one piece (extra help lines, e.g. "Choose one.", appended to the help). */
function labelPiece(e: Engine, x: number, width: number, label: string, help: string[] = [], after?: number): Piece {
  const st = styles(e);
  const s = e.t.scale;
  const labelLines = label ? e.wrap(label, st.label.font, st.label.size, width) : [];
  const helpText = help.filter(Boolean).join(' ');
  const helpLines = helpText ? e.wrap(helpText, st.help.font, st.help.size, width) : [];
  const lh = labelLines.length * e.lh(st.label.size);
  const hh = helpLines.length ? 2 * s + helpLines.length * e.lh(st.help.size) : 0;
  return {
    h: lh + hh + (after ?? 6 * s),
    draw: (y) => {
      e.lines(labelLines, x, y, st.label, width);
      if (helpLines.length) e.lines(helpLines, x, y + lh + 2 * s, st.help, width);
    },
  };
}

const helpOf = (b: Block) => ('help' in b && b.help ? [b.help] : []);

// ------------------------------------------------------------------------------ simple answers

function shortTextPlan(c: BlockContext, b: BlockOf<'shortText'>): Planner {
  return (x, w) => {
    const e = c.e;
    const st = styles(e);
    const value = filledText(c, b.id);
    const padX = 6 * e.t.scale;
    // Filled in ahead: on paper the words in the box (the box grows to hold them all); in a
    // fillable PDF the field's value, which the client can change.
    const lines = value && !e.fillable ? e.wrap(value, st.body.font, st.body.size, w - 2 * padX) : [];
    const h = Math.max(e.t.box, lines.length * e.lh(st.body.size) + 8 * e.t.scale);
    return {
      head: [
        labelPiece(e, x, w, b.label, helpOf(b)),
        {
          h,
          draw: (y) => {
            e.box(x, y, w, h, { radius: 3 });
            if (lines.length) e.lines(lines, x + padX, y + (h - lines.length * e.lh(st.body.size)) / 2, st.body, w - 2 * padX);
            e.textField(fieldPath.block(b.id), x + 2, y + 2, w - 4, h - 4, {
              tooltip: b.label,
              ...(value ? { value } : {}),
            });
          },
        },
      ],
      body: [],
    };
  };
}

function longTextPlan(c: BlockContext, b: BlockOf<'longText'>): Planner {
  return (x, w) => {
    const e = c.e;
    const lh = e.t.writeLine;
    // Every writing line is the same piece (pieces are never modified).
    const line: Piece = { h: lh, draw: (y: number) => e.hline(x, y + lh - 0.5, w, COLOURS.rule, 0.6) };
    // Filled in ahead: on paper written on the first lines (with at least one line left for the
    // client); in a fillable PDF the first field's value.
    const value = filledText(c, b.id);
    const st = styles(e);
    const written = value && !e.fillable ? value.split('\n').flatMap((p) => e.wrap(p, st.body.font, st.body.size, w)) : [];
    const writtenPieces: Piece[] = written.map((text) => ({
      h: lh,
      draw: (y: number) => {
        e.lines([text], x, y + lh - 1.5 - e.lh(st.body.size), st.body, w);
        e.hline(x, y + lh - 0.5, w, COLOURS.rule, 0.6);
      },
    }));
    const blank = Math.max(b.lines - written.length, written.length ? 1 : b.lines);
    const body: Piece[] = [...writtenPieces, ...new Array<Piece>(blank).fill(line)];
    return {
      head: [labelPiece(e, x, w, b.label, helpOf(b), 0)],
      body,
      repeat: [continuedPiece(e, x, w, b.label)],
      segment: (top, bottom, part) =>
        e.textField(fieldPath.part(b.id, part), x, top + 2, w, bottom - top - 2, {
          multiline: true,
          tooltip: part > 1 ? `${b.label} (continued)` : b.label,
          ...(value && part <= 1 ? { value } : {}),
        }),
    };
  };
}

/** number, duration, date, time: the label on the left, a box (and its unit) in a column on the right. */
function inlinePlan(c: BlockContext, b: BlockOf<'number' | 'duration' | 'date' | 'time'>): Planner {
  return (x, w) => {
    const e = c.e;
    const s = e.t.scale;
    const st = styles(e);
    const unit = b.type === 'number' ? b.unit : b.type === 'duration' ? 'minutes' : undefined;
    const boxW = (b.type === 'date' ? 150 : b.type === 'time' ? 90 : 100) * s;
    const unitW = unit ? e.measure(unit, REGULAR, e.t.body) + 8 * s : 0;
    // Boxes line up in one column, so a run of short answers reads like a form.
    const boxX = x + Math.min(w * 0.55, w - boxW - unitW);
    const labelW = boxX - x - 14 * s;
    const label = labelPiece(e, x, labelW, b.label, helpOf(b), 0);
    const h = Math.max(label.h, e.t.box);
    const labelTop = Math.max(0, (e.t.box - e.lh(e.t.label)) / 2);
    return {
      head: [
        {
          h: h + 2 * s,
          draw: (y) => {
            label.draw(y + (label.h < e.t.box ? labelTop : 0));
            e.box(boxX, y, boxW, e.t.box, { radius: 3 });
            if (unit) e.text(unit, boxX + boxW + 8 * s, y + (e.t.box - e.lh(e.t.body)) / 2 + 1, st.body);
            e.textField(fieldPath.block(b.id), boxX + 2, y + 2, boxW - 4, e.t.box - 4, {
              tooltip:
                b.type === 'date'
                  ? `${b.label} (date, e.g. 2026-03-14)`
                  : b.type === 'time'
                    ? `${b.label} (time, e.g. 07:30)`
                    : unit
                      ? `${b.label} (${unit})`
                      : b.label,
            });
          },
        },
      ],
      body: [],
    };
  };
}

// ------------------------------------------------------------------------------ rating scale

/** A scale drawn as a line with numbered ticks and anchor labels under them. */
export function scalePiece(e: Engine, x: number, width: number, scale: Scale): Piece {
  const st = styles(e);
  const s = e.t.scale;
  const ticks = scaleTicks(scale);
  const labels = ticks.map((v) => printedNumber(v));
  const widths = labels.map((l) => e.measure(l, st.small.font, st.small.size));
  const maxLabel = Math.max(...widths);
  const inset = maxLabel / 2 + 2;
  const x0 = x + inset;
  const x1 = x + width - inset;
  const n = ticks.length;
  const gap = n > 1 ? (x1 - x0) / (n - 1) : 0;
  const tx = (i: number) => (n > 1 ? x0 + i * gap : (x0 + x1) / 2);
  // Label every k-th tick so numbers never touch; always the ends and the anchors.
  let k = 1;
  while (k < n && maxLabel + 4 * s > gap * k) k++;
  const { numbered: shown, anchors } = scaleLine(scale, k, tx, x, x + width);
  const anchorValues = new Set(anchors.map((a) => a.value));
  // Drop a label that would collide with the one after it (keep ends and anchors first).
  for (let i = n - 2; i > 0; i--) {
    if (!shown[i]) continue;
    let j = i + 1;
    while (j < n && !shown[j]) j++;
    if (j < n && tx(j) - tx(i) < (widths[i]! + widths[j]!) / 2 + 3 * s) {
      if (anchorValues.has(ticks[i]!) && !anchorValues.has(ticks[j]!) && j !== n - 1) shown[j] = false;
      else shown[i] = false;
    }
  }
  // Anchors: each wraps in the space halfway to its neighbours (at least its longest word), sits
  // centred under its tick, then the boxes are pushed apart and kept inside the scale's width.
  const aGap = 6 * s;
  const boxes = anchors.map((a) => {
    const longest = Math.max(...a.label.split(/\s+/).map((wd) => e.measure(wd, st.smallMuted.font, st.smallMuted.size)));
    const lines = e.wrap(a.label, st.smallMuted.font, st.smallMuted.size, Math.min(width, Math.max(a.hi - a.lo - aGap, longest)));
    const lw = lines.map((l) => e.measure(l, st.smallMuted.font, st.smallMuted.size));
    const bw = Math.max(...lw);
    const left = Math.min(Math.max(a.at - bw / 2, x), x + width - bw);
    return { lines, lw, bw, align: a.align, left };
  });
  for (let i = 1; i < boxes.length; i++) boxes[i]!.left = Math.max(boxes[i]!.left, boxes[i - 1]!.left + boxes[i - 1]!.bw + aGap);
  for (let i = boxes.length - 1; i >= 0; i--) {
    const limit = i === boxes.length - 1 ? x + width : boxes[i + 1]!.left - aGap;
    boxes[i]!.left = Math.max(x, Math.min(boxes[i]!.left, limit - boxes[i]!.bw));
  }
  const anchorLayout = boxes;
  const anchorH = Math.max(0, ...anchorLayout.map((a) => a.lines.length)) * e.lh(st.small.size);
  const lineY = 7 * s;
  const tickH = 5 * s;
  const numY = lineY + tickH + 3 * s;
  const anchorY = numY + e.lh(st.small.size) + 1 * s;
  const h = anchorY + anchorH + 4 * s;
  return {
    h,
    draw: (y) => {
      e.hline(x0, y + lineY, x1 - x0, COLOURS.box, 1);
      ticks.forEach((v, i) => {
        const isAnchor = anchorValues.has(v);
        const px = tx(i);
        e.vline(px, y + lineY - tickH, 2 * tickH, isAnchor ? COLOURS.accent : COLOURS.box, isAnchor ? 1.4 : 0.9);
        if (shown[i]) e.text(labels[i]!, px - widths[i]! / 2, y + numY, isAnchor ? st.smallBold : st.small);
      });
      for (const a of anchorLayout) {
        a.lines.forEach((line, li) => {
          const lw = a.lw[li]!;
          const lx = a.align === 'left' ? a.left : a.align === 'right' ? a.left + a.bw - lw : a.left + (a.bw - lw) / 2;
          e.text(line, lx, y + anchorY + li * e.lh(st.small.size), st.smallMuted);
        });
      }
    },
  };
}

function ratingPlan(c: BlockContext, b: BlockOf<'rating'>): Planner {
  return (x, w) => {
    const e = c.e;
    const s = e.t.scale;
    const st = styles(e);
    const fieldW = e.fillable ? 76 * s : 0;
    const scaleW = e.fillable ? w - fieldW - 18 * s : w;
    const hint = e.fillable ? 'Type your rating in the box, or circle a number.' : 'Circle a number on the line.';
    const sp = scalePiece(e, x, scaleW, b.scale);
    const capH = e.lh(st.smallMuted.size);
    return {
      head: [
        labelPiece(e, x, w, b.label, [...helpOf(b), `${hint} (${scaleRange(b.scale)})`], 8 * s),
        {
          h: Math.max(sp.h, capH + e.t.box) + 2 * s,
          draw: (y) => {
            sp.draw(y);
            if (e.fillable) {
              const fx = x + w - fieldW;
              e.text('Your rating', fx, y - 2 * s, st.smallMuted);
              e.box(fx, y + capH - 2 * s, fieldW, e.t.box, { radius: 3 });
              e.textField(fieldPath.block(b.id), fx + 2, y + capH, fieldW - 4, e.t.box - 4, {
                tooltip: `${b.label} (${scaleRange(b.scale)})`,
                align: 'center',
              });
            }
          },
        },
      ],
      body: [],
    };
  };
}

// ------------------------------------------------------------------------------ options

function optionsPlan(c: BlockContext, b: BlockOf<'checklist' | 'choice'>): Planner {
  return (x, w) => {
    const e = c.e;
    const s = e.t.scale;
    const st = styles(e);
    const mark = e.t.check;
    const textX = mark + 8 * s;
    const colGap = 18 * s;
    const widest = Math.max(...b.options.map((o) => e.measure(o, st.body.font, st.body.size)));
    let cols = 1;
    for (const n of [3, 2]) {
      const cw = (w - (n - 1) * colGap) / n;
      if (b.options.length >= n * 2 && widest + textX <= cw) {
        cols = n;
        break;
      }
    }
    const colW = (w - (cols - 1) * colGap) / cols;
    const rows: Piece[] = [];
    const lineH = e.lh(st.body.size);
    for (let r = 0; r * cols < b.options.length; r++) {
      const cells = b.options.slice(r * cols, r * cols + cols).map((opt, j) => ({
        index: r * cols + j,
        opt,
        lines: e.wrap(opt, st.body.font, st.body.size, colW - textX),
      }));
      const h = Math.max(...cells.map((cl) => cl.lines.length * lineH)) + 6 * s;
      rows.push({
        h,
        draw: (y) => {
          cells.forEach((cl, j) => {
            const cx = x + j * (colW + colGap);
            const my = y + (lineH - mark) / 2;
            if (b.type === 'choice') e.circle(cx + mark / 2, my + mark / 2, mark / 2, { stroke: COLOURS.box, width: 0.9 });
            else e.box(cx, my, mark, mark, { stroke: COLOURS.box, width: 0.9, radius: 1.5 });
            // Against its box, whatever the direction (the box stays on the left).
            e.lines(cl.lines, cx + textX, y, st.body, colW - textX, 'left');
            e.checkField(fieldPath.option(b.id, cl.index), cx - 1, my - 1, mark + 2, `${b.label}: ${cl.opt}`);
          });
        },
      });
    }
    return { head: [labelPiece(e, x, w, b.label, [...helpOf(b), optionsHint(b.type)], 8 * s)], body: rows, keepTogether: true };
  };
}

// ------------------------------------------------------------------------------ tables and grids

interface HeaderCell {
  lines: readonly string[];
  sub: readonly string[];
}

/** A header row: tinted, bold headings with optional muted second parts, centred in their columns. */
function headerRow(e: Engine, x: number, cols: { w: number; cell: HeaderCell; align?: 'left' | 'center' }[]): Piece {
  const st = styles(e);
  const pad = e.t.pad;
  const lh = e.lh(st.smallBold.size);
  const h = Math.max(...cols.map((c) => (c.cell.lines.length + c.cell.sub.length) * lh)) + 2 * pad + 2;
  const total = cols.reduce((a, c) => a + c.w, 0);
  return {
    h,
    draw: (y) => {
      e.box(x, y, total, h, { fill: COLOURS.headerFill, stroke: COLOURS.box });
      let cx = x;
      cols.forEach((c, i) => {
        if (i > 0) e.vline(cx, y, h, COLOURS.box);
        const align = c.align ?? 'center';
        const used = e.lines(c.cell.lines, cx + pad, y + pad + 1, st.smallBold, c.w - 2 * pad, align);
        e.lines(c.cell.sub, cx + pad, y + pad + 1 + used, st.smallMuted, c.w - 2 * pad, align);
        cx += c.w;
      });
    },
  };
}

function continuedPiece(e: Engine, x: number, w: number, label: string): Piece {
  const st = styles(e);
  const s = e.t.scale;
  const line = e.fit(`${label} (continued)`, st.help, w);
  return { h: e.lh(st.help.size) + 4 * s, draw: (y) => e.text(line, x, y, st.help) };
}

const landscapeRule = (e: Engine) => ({ largePrint: e.t.scale > 1, paper: e.paper });

/** Table: landscape by the shared rule (≥ 6 columns, ≥ 5 in large print), or when a heading word cannot fit its portrait column. */
export function tableIsWide(e: Engine, b: BlockOf<'table'>): boolean {
  if (needsLandscape(b, landscapeRule(e))) return true;
  const total = b.columns.reduce((a, col) => a + col.width, 0);
  const portrait = e.widthFor(false);
  return b.columns.some((col) => {
    const cw = (portrait * col.width) / total;
    const longest = Math.max(...col.label.split(/\s+/).map((word) => e.measure(word, BOLD, e.t.small)));
    return longest + 2 * e.t.pad > cw;
  });
}

function tablePlan(c: BlockContext, b: BlockOf<'table'>): Planner {
  return (x, w) => {
    const e = c.e;
    const s = e.t.scale;
    const st = styles(e);
    const pad = e.t.pad;
    const total = b.columns.reduce((a, col) => a + col.width, 0);
    const widths = b.columns.map((col) => (w * col.width) / total);
    const header = headerRow(
      e,
      x,
      b.columns.map((col, i) => {
        const cw = widths[i]! - 2 * pad;
        const cap = columnCaption(col);
        return {
          w: widths[i]!,
          cell: {
            lines: e.wrap(col.label, BOLD, st.smallBold.size, cw),
            sub: cap ? e.wrap(cap, REGULAR, st.small.size, cw) : [],
          },
        };
      }),
    );
    const baseH = writesText(b) ? e.t.rowText : e.t.rowShort;
    const filled = filledRows(c, b.id);
    const cellStyle: TextStyle = { ...st.small, size: Math.min(e.t.body, 10 * s) };
    const rows: Piece[] = Array.from({ length: rowsToPrint(b, c.prefill) }, (_, r) => {
      const row = filled[r] ?? {};
      // Filled in ahead: on paper the words in their cells (the row grows to hold them).
      const cells = b.columns.map((col, i) => {
        const text = cellText(row[col.id]);
        return { text, lines: text && !e.fillable ? e.wrap(text, cellStyle.font, cellStyle.size, widths[i]! - 2 * pad) : [] };
      });
      const rowH = Math.max(baseH, ...cells.map((cl) => cl.lines.length * e.lh(cellStyle.size) + 2 * pad + 2));
      return {
        h: rowH,
        draw: (y: number) => {
          e.box(x, y, w, rowH, { stroke: COLOURS.box });
          let cx = x;
          b.columns.forEach((col, i) => {
            const cw = widths[i]!;
            if (i > 0) e.vline(cx, y, rowH, COLOURS.box);
            const cell = cells[i]!;
            if (cell.lines.length)
              e.lines(cell.lines, cx + pad, y + pad + 1, cellStyle, cw - 2 * pad, col.kind === 'text' ? 'left' : 'center');
            e.textField(fieldPath.cell(b.id, r, col.id), cx + 2, y + 2, cw - 4, rowH - 4, {
              multiline: col.kind === 'text',
              tooltip: `${b.label}, row ${r + 1}: ${col.label}`,
              ...(FIT[col.kind] ? { fit: FIT[col.kind] } : {}),
              size: Math.min(e.t.body, 10 * s),
              align: col.kind === 'text' ? 'left' : 'center',
              ...(cell.text ? { value: cell.text } : {}),
            });
            cx += cw;
          });
        },
      };
    });
    return {
      head: [labelPiece(e, x, w, b.label, helpOf(b), 8 * s), header],
      body: rows,
      repeat: [continuedPiece(e, x, w, b.label), header],
    };
  };
}

function gridPlan(c: BlockContext, b: BlockOf<'dailyGrid'>): Planner {
  return (x, w) => {
    const e = c.e;
    const s = e.t.scale;
    const st = styles(e);
    const pad = e.t.pad;
    const captions = b.items.map((it) => columnCaption(it));
    const widestLabel = Math.max(...b.items.map((it) => e.measure(it.label, REGULAR, st.small.size)));
    const labelW = Math.min(Math.max(widestLabel + 2 * pad + 2, 90 * s), w * 0.34);
    const dayW = (w - labelW) / b.days;
    const days = dayHeadings(b.days, c.startDate, c.locale);
    const header = headerRow(e, x, [
      { w: labelW, cell: { lines: [], sub: [] }, align: 'left' },
      ...days.map((d) => ({
        w: dayW,
        cell: {
          lines: e.wrap(d.top, BOLD, st.smallBold.size, dayW - 2 * pad),
          sub: d.sub ? e.wrap(d.sub, REGULAR, st.small.size, dayW - 2 * pad) : [],
        },
      })),
    ]);
    const rows: Piece[] = b.items.map((it, i) => {
      const lines = e.wrap(it.label, REGULAR, st.small.size, labelW - 2 * pad);
      const cap = captions[i] ? e.wrap(captions[i]!, REGULAR, st.small.size, labelW - 2 * pad) : [];
      const textH = (lines.length + cap.length) * e.lh(st.small.size) + 2 * pad + 2;
      const minH = it.kind === 'check' ? 26 * s : it.kind === 'text' ? e.t.rowText : e.t.rowShort;
      const h = Math.max(textH, minH);
      return {
        h,
        draw: (y: number) => {
          e.box(x, y, w, h, { stroke: COLOURS.box });
          const used = e.lines(lines, x + pad, y + pad + 1, st.small, labelW - 2 * pad);
          e.lines(cap, x + pad, y + pad + 1 + used, st.smallMuted, labelW - 2 * pad);
          for (let d = 0; d < b.days; d++) {
            const cx = x + labelW + d * dayW;
            e.vline(cx, y, h, COLOURS.box);
            const tooltip = `${b.label}, ${days[d]!.top}${days[d]!.sub ? ` ${days[d]!.sub}` : ''}: ${it.label}`;
            if (it.kind === 'check') {
              const m = e.t.check;
              const mx = cx + (dayW - m) / 2;
              const my = y + (h - m) / 2;
              e.box(mx, my, m, m, { stroke: COLOURS.box, width: 0.9, radius: 1.5 });
              e.checkField(fieldPath.day(b.id, d, it.id), mx - 1, my - 1, m + 2, tooltip);
            } else {
              e.textField(fieldPath.day(b.id, d, it.id), cx + 2, y + 2, dayW - 4, h - 4, {
                multiline: it.kind === 'text',
                tooltip,
                ...(FIT[it.kind] ? { fit: FIT[it.kind] } : {}),
                size: Math.min(e.t.body, 9.5 * s),
                align: it.kind === 'text' ? 'left' : 'center',
              });
            }
          }
        },
      };
    });
    return {
      head: [labelPiece(e, x, w, b.label, helpOf(b), 8 * s), header],
      body: rows,
      repeat: [continuedPiece(e, x, w, b.label), header],
      keepTogether: true,
    };
  };
}

function hierarchyPlan(c: BlockContext, b: BlockOf<'hierarchy'>): Planner {
  return (x, w) => {
    const e = c.e;
    const s = e.t.scale;
    const st = styles(e);
    const pad = e.t.pad;
    const numW = 46 * s;
    const rateW = Math.max(90 * s, e.measure(scaleRange(b.scale), REGULAR, st.small.size) + 2 * pad + 4);
    const stepW = w - numW - rateW;
    const header = headerRow(e, x, [
      { w: numW, cell: { lines: ['Step'], sub: [] } },
      { w: stepW, cell: { lines: ['What you will do'], sub: [] }, align: 'left' },
      { w: rateW, cell: { lines: e.wrap('Rating', BOLD, st.smallBold.size, rateW - 2 * pad), sub: [scaleRange(b.scale)] } },
    ]);
    const baseH = e.t.rowShort + 6 * s;
    // The number of steps agreed (fewer than the worksheet's own), with the steps filled in ahead.
    const count = rowsToPrint(b, c.prefill);
    const filled = filledRows(c, b.id) as readonly LadderStep[];
    const order = Array.from({ length: count }, (_, i) => count - 1 - i); // hardest at the top
    const rows: Piece[] = order.map((step) => {
      const f = filled[step];
      const stepText = f?.step?.trim() ?? '';
      const ratingText = f && f.rating !== null && f.rating !== undefined ? printedNumber(f.rating) : '';
      const stepLines = stepText && !e.fillable ? e.wrap(stepText, st.body.font, st.body.size, stepW - 4 * pad) : [];
      const rowH = Math.max(baseH, stepLines.length * e.lh(st.body.size) + 2 * pad + 9 * s);
      return {
        h: rowH,
        draw: (y: number) => {
          e.box(x, y, w, rowH, { stroke: COLOURS.box });
          const r = Math.min(numW, rowH) * 0.3;
          e.circle(x + numW / 2, y + rowH / 2, r, { fill: COLOURS.accentTint, stroke: COLOURS.accent });
          const label = String(step + 1);
          const lw = e.measure(label, BOLD, st.small.size);
          e.text(label, x + numW / 2 - lw / 2, y + rowH / 2 - e.lh(st.small.size) / 2 + 0.5, st.accentSmall);
          e.vline(x + numW, y, rowH, COLOURS.box);
          e.hline(x + numW + 2 * pad, y + rowH - 7 * s, stepW - 4 * pad, COLOURS.rule, 0.6);
          e.vline(x + numW + stepW, y, rowH, COLOURS.box);
          if (stepLines.length) e.lines(stepLines, x + numW + 2 * pad, y + pad + 1, st.body, stepW - 4 * pad);
          if (ratingText && !e.fillable) {
            const rw = e.measure(ratingText, BOLD, st.body.size);
            e.text(ratingText, x + numW + stepW + (rateW - rw) / 2, y + (rowH - e.lh(st.body.size)) / 2, {
              ...st.body,
              font: BOLD,
            });
          }
          e.textField(fieldPath.step(b.id, step, 'step'), x + numW + 2, y + 2, stepW - 4, rowH - 4, {
            tooltip: `${b.label}, step ${step + 1}`,
            ...(stepText ? { value: stepText } : {}),
          });
          e.textField(fieldPath.step(b.id, step, 'rating'), x + numW + stepW + 2, y + 2, rateW - 4, rowH - 4, {
            tooltip: `${b.label}, step ${step + 1}: rating (${scaleRange(b.scale)})`,
            fit: '100',
            align: 'center',
            ...(ratingText ? { value: ratingText } : {}),
          });
        },
      };
    });
    const help = [...helpOf(b), ladderHint(count, b.scale)];
    return {
      head: [labelPiece(e, x, w, b.label, help, 8 * s), header],
      body: rows,
      repeat: [continuedPiece(e, x, w, b.label), header],
      keepTogether: true,
    };
  };
}

// ------------------------------------------------------------------------------ prompt

/** Text to read, in a tinted panel with an accent bar (line by line, so it can break across pages). */
export function panelPlan(e: Engine, text: string, help?: string): Planner {
  return (x, w) => {
    const s = e.t.scale;
    const st = styles(e);
    const padX = 12 * s;
    const padY = 8 * s;
    const lines = [
      ...e.wrap(text, st.body.font, st.body.size, w - 2 * padX).map((l) => ({ l, st: st.body })),
      ...(help ? e.wrap(help, st.help.font, st.help.size, w - 2 * padX).map((l) => ({ l, st: st.help })) : []),
    ];
    const body: Piece[] = lines.map((ln, i) => {
      const top = i === 0 ? padY : 0;
      const bottom = i === lines.length - 1 ? padY : 0;
      const h = top + e.lh(ln.st.size) + bottom;
      return {
        h,
        draw: (y: number) => {
          e.box(x, y, w, h, { fill: COLOURS.accentTint });
          e.box(x, y, 3 * s, h, { fill: COLOURS.accent });
          e.lines([ln.l], x + padX, y + top, ln.st, w - 2 * padX);
        },
      };
    });
    return { head: [], body, keepTogether: true };
  };
}

// ------------------------------------------------------------------------------ dispatch

export function planBlock(c: BlockContext, b: Block): { planner: Planner; wide: boolean } {
  switch (b.type) {
    case 'prompt':
      return { planner: panelPlan(c.e, b.text, b.help), wide: false };
    case 'shortText':
      return { planner: shortTextPlan(c, b), wide: false };
    case 'longText':
      return { planner: longTextPlan(c, b), wide: false };
    case 'number':
    case 'duration':
    case 'date':
    case 'time':
      return { planner: inlinePlan(c, b), wide: false };
    case 'rating':
      return { planner: ratingPlan(c, b), wide: false };
    case 'checklist':
    case 'choice':
      return { planner: optionsPlan(c, b), wide: false };
    case 'table':
      return { planner: tablePlan(c, b), wide: tableIsWide(c.e, b) };
    case 'dailyGrid':
      return { planner: gridPlan(c, b), wide: needsLandscape(b, landscapeRule(c.e)) };
    case 'hierarchy':
      return { planner: hierarchyPlan(c, b), wide: false };
  }
}

export type { Plan };
