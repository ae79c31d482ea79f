/**
 * The progress report (issue 9) as a document: headings, paragraphs, tables and charts, for one
 * client over a date range, for one of two audiences. Pure: the core gathers the data
 * (electron/core/services/reports.ts), this decides the words, electron/core/pdf/report.ts draws.
 *
 * - clinician (for the file or a referrer): every chart, every result with its band, change per
 *   measure (NHS Talking Therapies rule and the Jacobson–Truax index, with the formula and the SD
 *   and r used, and their sources), the paired NHS categories, homework, goals, life events.
 * - client: encouraging plain words and their charts, from `clientSafeData` only: no PHQ-9 item 9
 *   (not the item, not its answers, not a heat map row), no life-event notes, no goal
 *   descriptions, no acknowledgement notes.
 */
import {
  adherenceChart,
  ladderChart,
  seriesChart,
  type AdherenceWeek,
  type Chart,
  type ChartEvent,
  type LadderChartInput,
  type SeriesChartInput,
} from '../charts';
import { formatDate } from '../dates';
import {
  CHANGE_DIRECTION_LABELS,
  MEASURES,
  PAIRED_OUTCOME_LABELS,
  PHQ9_ITEM9_NUMBER,
  RCI_CRITICAL,
  RCI_FORMULA,
  standardErrorOfDifference,
  summarizeChange,
  type ChangeSummary,
  type MeasureChange,
  type RciOverrides,
  type StandardMeasureKey,
} from '../measures';
import { itemHeatmaps, measureCharts, ownProblemsChart, RCI_SOURCES, type ReportAudience } from './measures';

export interface ReportResult {
  id: string;
  measure: 'phq9' | 'gad7' | 'pcl5' | 'idiographic';
  administeredOn: string;
  sessionId: string | null;
  total: number | null;
  complete: boolean;
  band: string | null;
  missingItems: number[];
  /** Item answers in item order (for the client view, PHQ-9 item 9 is blanked). */
  answers: (number | null)[];
  /** Clinician only: PHQ-9 item 9 above 0, and whether it was acknowledged. */
  item9: { answer: number; acknowledged: boolean } | null;
  /** Idiographic only: the problems rated, in the client's words, aligned with `answers`. */
  problems?: { id: string; text: string }[] | null;
  createdAt: string;
}

export interface ReportRciSetting {
  sd: number;
  r: number;
  /** Set by the clinician rather than the built-in default. */
  custom: boolean;
}

/** Everything the report may show, gathered by the core for one client and range. */
export interface ProgressReportData {
  audience: ReportAudience;
  /** The name or initials, as chosen. */
  clientLabel: string;
  range: { from: string; to: string };
  /** The day the report was made. */
  preparedOn: string;
  /** Attended session dates in the range. */
  sessions: string[];
  /** Results in the range, oldest first (idiographic ones charted as the client's own problems). */
  results: ReportResult[];
  rci: Record<StandardMeasureKey, ReportRciSetting>;
  /** Life events in the range (clinician only). */
  events: ChartEvent[];
  weeks: AdherenceWeek[];
  worksheetSeries: SeriesChartInput[];
  ladders: LadderChartInput[];
  assignments: { title: string; frequency: string; status: string; step: string | null }[];
  goals: { title: string; status: string; targetDate: string | null; description: string | null }[];
}

export interface ReportTable {
  columns: string[];
  /** Relative column widths (default: equal). */
  widths?: number[];
  rows: string[][];
}

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  table?: ReportTable;
  charts?: Chart[];
  /** Small print after the section (sources, definitions). */
  notes?: string[];
}

export interface ProgressReportDocument {
  audience: ReportAudience;
  kicker: string;
  title: string;
  /** Footer and running header words. */
  footer: string;
  meta: { label: string; value: string }[];
  intro: string[];
  sections: ReportSection[];
}

/**
 * Words that mark a number as a risk rating (a diary card's "suicidal thoughts" or "urge to
 * self-harm"): such series stay out of the client's report, like PHQ-9 item 9. The clinician's
 * report keeps them.
 */
export const RISK_WORDS =
  /suicid|self[- ]?harm|harm (?:yourself|myself|themselves)|better off dead|kill|hurting (?:yourself|myself)/i;

/**
 * The client's view of the data, every private part removed: PHQ-9 item 9 answers blanked and
 * its flag dropped, risk ratings of worksheets (RISK_WORDS) left out, life-event notes and goal
 * descriptions left out.
 */
export function clientSafeData(data: ProgressReportData): ProgressReportData {
  return {
    ...data,
    audience: 'client',
    results: data.results.map((r) => ({
      ...r,
      answers:
        r.measure === 'phq9'
          ? r.answers.map((a, i) => (i === PHQ9_ITEM9_NUMBER - 1 ? null : a))
          : r.measure === 'idiographic'
            ? // An own problem worded around risk is the clinician's to see, like the risk ratings below.
              r.answers.map((a, i) => (RISK_WORDS.test(r.problems?.[i]?.text ?? '') ? null : a))
            : [...r.answers],
      missingItems: r.measure === 'phq9' ? r.missingItems.filter((n) => n !== PHQ9_ITEM9_NUMBER) : r.missingItems,
      item9: null,
    })),
    events: [],
    worksheetSeries: data.worksheetSeries
      .map((w) => ({ ...w, lines: w.lines.filter((l) => !RISK_WORDS.test(l.label) && !RISK_WORDS.test(l.key)) }))
      .filter((w) => w.lines.length > 0 && !RISK_WORDS.test(w.title)),
    ladders: data.ladders.filter((l) => !RISK_WORDS.test(l.title) && !RISK_WORDS.test(l.valueLabel)),
    assignments: data.assignments.filter((a) => !RISK_WORDS.test(a.title)),
    goals: data.goals.map((g) => ({ ...g, description: null })),
  };
}

const day = (iso: string) => formatDate(iso, 'en-GB', 'medium');
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
const dec = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '')).replace('-', '−');
const yesNo = (b: boolean | null) => (b === null ? 'not applicable' : b ? 'yes' : 'no');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the measure asks about, in plain words for the client. */
const PLAIN: Record<StandardMeasureKey, string> = {
  phq9: 'low mood',
  gad7: 'worry and anxiety',
  pcl5: 'reactions to a very stressful experience',
};

function changeSummaryOf(data: ProgressReportData): ChangeSummary {
  const overrides: RciOverrides = {};
  for (const k of Object.keys(data.rci) as StandardMeasureKey[]) overrides[k] = { sd: data.rci[k].sd, r: data.rci[k].r };
  return summarizeChange(
    data.results.map((r) => ({
      id: r.id,
      measure: r.measure,
      administeredOn: r.administeredOn,
      sessionId: r.sessionId,
      total: r.complete ? r.total : null,
      createdAt: r.createdAt,
    })),
    overrides,
  );
}

const bandOf = (key: StandardMeasureKey, total: number) =>
  MEASURES[key].bands.find((b) => total >= b.min && total <= b.max)?.label ?? null;
const scoreWords = (key: StandardMeasureKey, total: number) => {
  const b = bandOf(key, total);
  return b ? `${total} (${b})` : String(total);
};

/** The category words of one measure's change, as the clinician reads them. */
function categoryWords(c: MeasureChange): string {
  const d = MEASURES[c.measure];
  const rule =
    c.basis === 'nhs-points'
      ? `NHS Talking Therapies: ${d.reliableChangePoints} points or more`
      : `Jacobson–Truax: |RC| ≥ ${RCI_CRITICAL}`;
  const caseness =
    d.caseness !== null ? `. Case (≥ ${d.caseness}): start ${yesNo(c.caseAtStart)}, end ${yesNo(c.caseAtEnd)}` : '';
  return `${CHANGE_DIRECTION_LABELS[c.direction]} (${rule})${caseness}`;
}

function rciWords(c: MeasureChange): string {
  return `${dec(c.rci.value)} (${c.rci.reliable ? 'reliable' : 'not reliable'})`;
}

// ------------------------------------------------------------------------------ sections

function homeworkFacts(data: ProgressReportData) {
  const withExpected = data.weeks.filter((w) => w.expected > 0);
  const done = withExpected.reduce((s, w) => s + Math.min(w.done, w.expected), 0);
  const expected = withExpected.reduce((s, w) => s + w.expected, 0);
  const practised = data.weeks.reduce((s, w) => s + w.done, 0);
  const reviewed = data.weeks.filter((w) => w.completion !== null);
  const completion = reviewed.length ? reviewed.reduce((s, w) => s + w.completion!, 0) / reviewed.length : null;
  const rated = data.weeks.filter((w) => w.quality !== null);
  const quality = rated.length ? rated.reduce((s, w) => s + w.quality!, 0) / rated.length : null;
  const reviews = data.weeks.reduce((s, w) => s + w.reviews, 0);
  return { done, expected, practised, completion, quality, reviews, weeks: data.weeks.length };
}

function homeworkCharts(data: ProgressReportData): Chart[] {
  const facts = homeworkFacts(data);
  if (facts.expected === 0 && facts.reviews === 0 && facts.practised === 0) return [];
  // Homework beside outcome: the first measure with complete results, on the same time axis.
  const key = (['phq9', 'gad7', 'pcl5'] as const).find((k) => data.results.some((r) => r.measure === k && r.complete));
  const outcome = key
    ? {
        name: MEASURES[key].name,
        min: MEASURES[key].minTotal,
        max: MEASURES[key].maxTotal,
        points: data.results
          .filter((r) => r.measure === key)
          .map((r) => ({ date: r.administeredOn, total: r.complete ? r.total : null })),
      }
    : null;
  return [adherenceChart({ weeks: data.weeks, sessions: data.sessions, range: data.range, outcome })];
}

function practiceCharts(data: ProgressReportData): { series: Chart[]; ladders: Chart[] } {
  return {
    series: data.worksheetSeries.filter((s) => s.lines.some((l) => l.points.length > 0)).map((s) => seriesChart(s)),
    ladders: data.ladders.filter((l) => l.steps.some((s) => s.attempts.length > 0)).map((l) => ladderChart(l)),
  };
}

function charts(data: ProgressReportData) {
  const rci: RciOverrides = {};
  for (const k of Object.keys(data.rci) as StandardMeasureKey[]) rci[k] = { sd: data.rci[k].sd, r: data.rci[k].r };
  const standard = data.results.filter((r) => r.measure !== 'idiographic');
  return {
    measures: [
      ...measureCharts(standard, { sessions: data.sessions, events: data.events, range: data.range, rci }),
      // The client's own problems (idiographic), each 0–10, beside the questionnaires.
      ...[ownProblemsChart(data.results, { sessions: data.sessions, range: data.range })].flatMap((chart) =>
        chart ? [{ measure: 'idiographic' as const, chart }] : [],
      ),
    ],
    heatmaps: itemHeatmaps(standard, data.audience, data.range),
  };
}

// ------------------------------------------------------------------------------ clinician

function clinicianDocument(data: ProgressReportData): ProgressReportDocument {
  const change = changeSummaryOf(data);
  const { measures, heatmaps } = charts(data);
  const facts = homeworkFacts(data);
  const practice = practiceCharts(data);
  const sections: ReportSection[] = [];

  // Summary.
  const summary: string[] = [];
  if (change.measures.length === 0) summary.push('No outcome measure was completed in this period.');
  for (const m of change.measures) {
    const name = MEASURES[m.measure].name;
    const o = m.overall;
    if (o) {
      summary.push(
        `${name}: ${scoreWords(m.measure, o.from.total)} on ${day(o.from.administeredOn)} → ${scoreWords(m.measure, o.to.total)} on ${day(o.to.administeredOn)}, ${signed(o.difference)} points: ${CHANGE_DIRECTION_LABELS[o.direction].toLowerCase()}.`,
      );
    } else if (m.points[0]) {
      summary.push(
        `${name}: one complete result, ${scoreWords(m.measure, m.points[0].total)} on ${day(m.points[0].administeredOn)}.`,
      );
    } else summary.push(`${name}: no complete result (${plural(m.incompleteCount, 'incomplete result')}).`);
  }
  const po = change.paired.overall;
  if (po) summary.push(`NHS Talking Therapies outcome over the period (PHQ-9 with GAD-7): ${PAIRED_OUTCOME_LABELS[po.outcome]}.`);
  if (facts.expected > 0)
    summary.push(
      `Homework: ${facts.done} of ${facts.expected} expected practices recorded (${Math.round((facts.done / facts.expected) * 100)}%).`,
    );
  sections.push({ heading: 'Summary', paragraphs: summary });

  // Measures: change per measure.
  if (change.measures.length) {
    sections.push({
      heading: 'Outcome measures: change over the period',
      table: {
        columns: ['Measure', 'First', 'Latest', 'Change', 'Category', 'RCI'],
        widths: [1, 1.5, 1.4, 0.95, 2.4, 1.25],
        rows: change.measures.map((m) => {
          const name = MEASURES[m.measure].name;
          const o = m.overall;
          if (!o) {
            const p = m.points[0];
            return [
              name,
              p ? `${scoreWords(m.measure, p.total)}, ${day(p.administeredOn)}` : 'incomplete',
              '—',
              '—',
              'Needs two complete results',
              '—',
            ];
          }
          return [
            name,
            `${scoreWords(m.measure, o.from.total)}, ${day(o.from.administeredOn)}`,
            `${scoreWords(m.measure, o.to.total)}, ${day(o.to.administeredOn)}`,
            signed(o.difference),
            categoryWords(o),
            rciWords(o),
          ];
        }),
      },
      charts: measures.map((m) => m.chart),
      notes: [
        'Bands: PHQ-9 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe; GAD-7 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe; PCL-5 0–80, no bands. A result with a missing item is incomplete and has no total.',
        'Shaded: severity bands; dashed red line: caseness; blue band: reliable change around the first score; ticks along the bottom: sessions; dotted lines: life events.',
      ],
    });
  }

  // NHS Talking Therapies paired categories.
  if (change.paired.points.length) {
    const rows: string[][] = [];
    const o = change.paired.overall;
    if (o) {
      rows.push(
        [
          'At caseness at the start',
          `${yesNo(o.caseAtStart)} (PHQ-9 ${o.from.phq9.total}, GAD-7 ${o.from.gad7.total}; ${day(o.from.administeredOn)})`,
        ],
        [
          'At caseness at the end',
          `${yesNo(o.caseAtEnd)} (PHQ-9 ${o.to.phq9.total}, GAD-7 ${o.to.gad7.total}; ${day(o.to.administeredOn)})`,
        ],
        ['Reliable improvement', yesNo(o.reliableImprovement)],
        ['Reliable deterioration', yesNo(o.reliableDeterioration)],
        ['Recovery', yesNo(o.recovery)],
        ['Reliable recovery', yesNo(o.reliableRecovery)],
        ['Outcome', PAIRED_OUTCOME_LABELS[o.outcome]],
      );
    } else {
      const p = change.paired.points[0]!;
      rows.push([
        'At caseness',
        `${yesNo(p.caseness)} (PHQ-9 ${p.phq9.total}, GAD-7 ${p.gad7.total}; ${day(p.administeredOn)}); one paired occasion only`,
      ]);
    }
    const pairs = change.paired.pairs.map(
      (c) => `${day(c.from.administeredOn)} → ${day(c.to.administeredOn)}: ${PAIRED_OUTCOME_LABELS[c.outcome]}`,
    );
    sections.push({
      heading: 'NHS Talking Therapies categories (PHQ-9 with GAD-7, first to last paired occasion)',
      table: { columns: ['Category', 'Result'], widths: [1, 2.4], rows },
      notes: [
        ...(pairs.length > 1 ? [`Occasion to occasion: ${pairs.join('; ')}.`] : []),
        'Caseness: PHQ-9 ≥ 10 or GAD-7 ≥ 8. Reliable improvement: a fall of at least 6 (PHQ-9) or 4 (GAD-7) points on one, and no reliable rise on the other; reliable deterioration the other way round. Recovery: at caseness at the start, below caseness on both at the end. Reliable recovery: recovery with reliable improvement. (NHS Talking Therapies Manual, v7 2024.)',
      ],
    });
  }

  // The Jacobson–Truax index: formula, SD and r used, and their sources.
  if (change.measures.length) {
    sections.push({
      heading: 'Reliable change index (Jacobson & Truax, 1991)',
      paragraphs: [
        `${RCI_FORMULA}, where x₁ is the first score, x₂ the latest, SD the standard deviation of the measure and r its reliability. |RC| ≥ ${RCI_CRITICAL} is reliable change (p < .05); negative means fewer symptoms.`,
      ],
      table: {
        columns: ['Measure', 'SD', 'r', 'SD·√2·√(1 − r)', 'Reliable from', 'RC, first → latest', 'Source of SD and r'],
        widths: [1, 0.6, 0.6, 1.1, 1.1, 1.2, 2.8],
        rows: change.measures.map((m) => {
          const p = data.rci[m.measure];
          const sdiff = standardErrorOfDifference(p);
          const src = p.custom
            ? 'set by the clinician in Stepwise'
            : `SD: ${RCI_SOURCES[m.measure].sd}; r: ${RCI_SOURCES[m.measure].r}`;
          return [
            MEASURES[m.measure].name,
            String(p.sd),
            String(p.r),
            dec(Math.round(sdiff * 100) / 100),
            `${dec(Math.round(RCI_CRITICAL * sdiff * 100) / 100)} points`,
            m.overall ? `${dec(m.overall.rci.value)} (${m.overall.rci.reliable ? 'reliable' : 'not reliable'})` : '—',
            src,
          ];
        }),
      },
    });
  }

  // Every result.
  const standard = data.results.filter((r) => r.measure !== 'idiographic');
  if (standard.length) {
    sections.push({
      heading: 'Every result in the period',
      table: {
        columns: ['Date', 'Measure', 'Total', 'Severity', 'Case', 'Notes'],
        widths: [1, 0.9, 0.8, 1.3, 0.6, 2.4],
        rows: standard.map((r) => {
          const k = r.measure as StandardMeasureKey;
          const c = MEASURES[k].caseness;
          const notes: string[] = [];
          if (!r.complete)
            notes.push(`incomplete: item${r.missingItems.length === 1 ? '' : 's'} ${r.missingItems.join(', ')} missing`);
          if (r.item9)
            notes.push(`item 9 answered ${r.item9.answer}${r.item9.acknowledged ? ', acknowledged' : ', not yet acknowledged'}`);
          return [
            day(r.administeredOn),
            MEASURES[k].name,
            r.complete && r.total !== null ? String(r.total) : 'incomplete',
            r.band ?? '—',
            c === null || !r.complete || r.total === null ? '—' : r.total >= c ? 'yes' : 'no',
            notes.join('; ') || '—',
          ];
        }),
      },
    });
  }

  if (heatmaps.length) {
    sections.push({
      heading: 'Items, administration by administration',
      charts: heatmaps.map((h) => h.chart),
      notes: ['Each cell is the item score (0 not at all – 3 nearly every day); an empty cell is a missing answer.'],
    });
  }

  sections.push(...homeworkSections(data, 'clinician'));
  if (practice.series.length) sections.push({ heading: 'Worksheet numbers over time', charts: practice.series });
  if (practice.ladders.length) sections.push({ heading: 'Exposure ladders', charts: practice.ladders });
  sections.push(goalsSection(data, 'clinician'));
  if (data.events.length) {
    sections.push({
      heading: 'Life events',
      table: { columns: ['Date', 'Note'], widths: [1, 4], rows: data.events.map((e) => [day(e.date), e.label]) },
    });
  }

  return {
    audience: 'clinician',
    kicker: 'Stepwise · Progress report · For the clinical record',
    title: 'Progress report',
    footer: 'Progress report (clinician) · confidential',
    meta: meta(data),
    intro: [],
    sections,
  };
}

function meta(data: ProgressReportData) {
  return [
    { label: 'Name', value: data.clientLabel },
    { label: 'Period', value: `${day(data.range.from)} – ${day(data.range.to)}` },
    { label: 'Sessions attended', value: String(data.sessions.length) },
    { label: 'Prepared', value: day(data.preparedOn) },
  ];
}

function homeworkSections(data: ProgressReportData, audience: ReportAudience): ReportSection[] {
  const facts = homeworkFacts(data);
  const chartsOut = homeworkCharts(data);
  if (chartsOut.length === 0 && data.assignments.length === 0) return [];
  const paragraphs: string[] = [];
  if (audience === 'clinician') {
    if (facts.expected > 0)
      paragraphs.push(
        `Practice records: ${facts.done} of ${facts.expected} expected practices over ${plural(facts.weeks, 'week')} (${Math.round((facts.done / facts.expected) * 100)}%).`,
      );
    if (facts.reviews > 0)
      paragraphs.push(
        `${plural(facts.reviews, 'homework review')} in sessions${facts.completion !== null ? `; completion ${Math.round(facts.completion * 100)}% on average` : ''}${facts.quality !== null ? `; quality ${facts.quality.toFixed(1)} of 4 on average` : ''}.`,
      );
  } else {
    if (facts.practised > 0)
      paragraphs.push(
        `You recorded ${plural(facts.practised, 'practice')} between sessions. Every practice counts, even the short ones and the ones that felt hard.`,
      );
    else paragraphs.push('Practice between sessions is where most change happens. We can plan it together so it fits your week.');
  }
  return [
    {
      heading: audience === 'client' ? 'Your practice between sessions' : 'Homework beside outcome',
      paragraphs,
      charts: chartsOut,
      ...(data.assignments.length
        ? {
            table: {
              columns: audience === 'client' ? ['Practice', 'How often', 'Now'] : ['Assignment', 'How often', 'Status'],
              widths: [2.4, 1.4, 1],
              rows: data.assignments.map((a) => [a.step ? `${a.title} (${a.step})` : a.title, a.frequency, a.status]),
            },
          }
        : {}),
    },
  ];
}

function goalsSection(data: ProgressReportData, audience: ReportAudience): ReportSection {
  if (data.goals.length === 0)
    return { heading: audience === 'client' ? 'Your goals' : 'Goals', paragraphs: ['No goals are recorded yet.'] };
  return {
    heading: audience === 'client' ? 'Your goals' : 'Goals',
    table: {
      columns: audience === 'client' ? ['Goal', 'Where it stands', 'Aiming for'] : ['Goal', 'Status', 'Target date'],
      widths: [3, 1, 1],
      rows: data.goals.map((g) => [
        audience === 'clinician' && g.description ? `${g.title}: ${g.description}` : g.title,
        g.status,
        g.targetDate ? day(g.targetDate) : '—',
      ]),
    },
  };
}

// ------------------------------------------------------------------------------ client

/** One measure's change in plain, encouraging words. */
function clientMeasureWords(key: StandardMeasureKey, first: number, last: number, c: MeasureChange | null): string {
  const name = `${MEASURES[key].name} (${PLAIN[key]})`;
  if (!c) return `${name}: your score was ${last}. As you fill it in again, we will see how things move.`;
  if (c.direction === 'reliable-improvement')
    return `${name}: from ${first} to ${last}. That is a real change, bigger than the usual ups and downs from week to week. Well done: this is the result of the work you have put in.`;
  if (c.direction === 'reliable-deterioration')
    return `${name}: from ${first} to ${last}. Things have been harder lately. That happens, and it is useful to know: we can look at it together and adjust the plan.`;
  if (c.difference < 0)
    return `${name}: from ${first} to ${last}, moving in the right direction. Change often takes time; keep going.`;
  return `${name}: from ${first} to ${last}, about the same so far. Change often takes time, and the practice still counts.`;
}

function clientDocument(source: ProgressReportData): ProgressReportDocument {
  const data = clientSafeData(source);
  const change = changeSummaryOf(data);
  const { measures, heatmaps } = charts(data);
  const practice = practiceCharts(data);
  const sections: ReportSection[] = [];

  const words: string[] = [];
  for (const m of change.measures) {
    const first = m.points[0];
    const last = m.points.at(-1);
    if (first && last) words.push(clientMeasureWords(m.measure, first.total, last.total, m.overall));
  }
  if (words.length || measures.length) {
    sections.push({
      heading: 'How you have been feeling',
      paragraphs: words.length ? words : ['The questionnaires you filled in are charted below.'],
      charts: [...measures.map((m) => m.chart), ...heatmaps.map((h) => h.chart)],
      notes: [
        'Lower scores mean fewer difficulties. The shaded bands show the range a score falls in; the blue band shows how big a change needs to be to count as more than the usual ups and downs.',
      ],
    });
  }
  sections.push(...homeworkSections(data, 'client'));
  if (practice.series.length) sections.push({ heading: 'Your worksheets over time', charts: practice.series });
  if (practice.ladders.length)
    sections.push({
      heading: 'Your steps',
      paragraphs: ['Each step you tried counts: the chart shows how distress came down as you kept practising.'],
      charts: practice.ladders,
    });
  sections.push(goalsSection(data, 'client'));
  sections.push({
    heading: 'Next',
    paragraphs: [
      'Bring this report to our next session: we will look at it together, see what has helped, and plan the next steps.',
    ],
  });

  return {
    audience: 'client',
    kicker: 'Stepwise · Your progress',
    title: 'Your progress so far',
    footer: 'Your progress report',
    meta: meta(data),
    intro: [
      `This report brings together the questionnaires you filled in and the practice you did between sessions, from ${day(data.range.from)} to ${day(data.range.to)}. It is a picture of your own work.`,
    ],
    sections,
  };
}

/** The report for its audience. The client's is built from `clientSafeData` only. */
export function progressReportDocument(data: ProgressReportData): ProgressReportDocument {
  return data.audience === 'client' ? clientDocument(data) : clinicianDocument(data);
}
