import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartToSvg, drawChart } from '../../electron/core/charts';
import { createDocument, toBuffer } from '../../electron/core/pdf/fonts';
import { addDays } from '../../shared/dates';
import { adherenceChart, heatmapChart, ladderChart, measureChart, seriesChart } from '../../shared/charts';
import { PHQ9_SCALE } from '../support/charts';
import { savePreview } from '../support/pdf';
import { tempDir } from '../support/vault';

/**
 * Charts into PDFs: ECharts server-side to SVG, svg-to-pdfkit into the engine's document. Read
 * back with pdftotext (titles, axis labels, band names in the embedded fonts) and saved as PNG
 * under tests/artifacts/pdf/charts-*.png to look at.
 */
const tmp = tempDir('stepwise-charts-');
afterAll(() => tmp.cleanup());

const measure = measureChart({
  measure: PHQ9_SCALE,
  points: [
    { date: '2026-01-05', total: 18 },
    { date: '2026-01-19', total: 16 },
    { date: '2026-02-02', total: null },
    { date: '2026-02-16', total: 11 },
    { date: '2026-03-02', total: 8 },
    { date: '2026-03-16', total: 6 },
  ],
  sessions: ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-16', '2026-03-02', '2026-03-16'],
  events: [{ date: '2026-02-09', label: 'Moved house' }],
});
const adherence = adherenceChart({
  weeks: Array.from({ length: 10 }, (_, i) => ({
    weekStart: addDays('2026-01-05', i * 7),
    done: [2, 4, 5, 3, 5, 1, 4, 5, 5, 4][i]!,
    expected: 5,
    completion: i % 3 === 0 ? null : [0.5, 1, 0.75][i % 3]!,
    quality: i % 3 === 0 ? null : 2 + (i % 3),
    reviews: i % 3 === 0 ? 0 : 1,
  })),
  outcome: {
    name: 'PHQ-9',
    min: 0,
    max: 27,
    points: [
      { date: '2026-01-05', total: 18 },
      { date: '2026-01-26', total: 12 },
    ],
  },
});
const series = seriesChart({
  title: 'Sleep diary',
  unit: 'h',
  min: 0,
  max: 12,
  lines: [
    {
      key: 'diary.hours',
      label: 'Hours slept',
      points: [5, 6, 5.5, 7, 6.5, 7.5].map((v, i) => ({ date: `2026-01-0${i + 1}`, value: v })),
    },
  ],
});
const ladder = ladderChart({
  title: 'Fear ladder: station',
  valueLabel: 'SUDS peak',
  min: 0,
  max: 100,
  steps: [
    { step: 1, label: 'Station entrance', attempts: [82, 75, 61, 48].map((v, i) => ({ date: `2026-01-0${i + 2}`, value: v })) },
    { step: 2, label: 'Platform, two trains', attempts: [76, 66].map((v, i) => ({ date: `2026-01-1${i + 2}`, value: v })) },
    { step: 3, label: 'One stop', attempts: [] },
    { step: 4, label: 'Two stops', attempts: [] },
  ],
  currentStep: 2,
});
const heatmap = heatmapChart({
  title: 'PHQ-9 items',
  items: ['Interest', 'Feeling down', 'Sleep', 'Tired', 'Appetite'].map((l, i) => ({
    key: String(i + 1),
    label: `${i + 1} ${l}`,
  })),
  min: 0,
  max: 3,
  administrations: [
    { date: '2026-01-05', scores: [3, 3, 2, 2, 1] },
    { date: '2026-02-02', scores: [2, 2, null, 2, 1] },
    { date: '2026-03-02', scores: [1, 1, 1, 0, 0] },
  ],
});

const text = (pdf: Buffer, name: string) => {
  const file = path.join(tmp.dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

describe('charts in PDFs', () => {
  it('renders server-side to an SVG with the title, and the axis labels, no animation', () => {
    const svg = chartToSvg(measure, { width: 500, height: 260 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('PHQ-9 over time');
    expect(svg).toContain('Moderately severe');
    expect(svg).not.toMatch(/<animate/);
  });

  it('draws all five kinds into one PDF as vector text in the embedded fonts', async () => {
    const doc = createDocument({ size: 'A4', margin: 36, info: { Title: 'Charts' } });
    const size = { width: 523, height: 230 };
    drawChart(doc, measure, 36, 36, size);
    drawChart(doc, adherence, 36, 286, size);
    drawChart(doc, series, 36, 536, size);
    doc.addPage();
    drawChart(doc, ladder, 36, 36, size);
    drawChart(doc, heatmap, 36, 286, { width: 523, height: 260 });
    const pdf = await toBuffer(doc);
    const t = text(pdf, 'all');
    for (const want of [
      'PHQ-9 over time',
      'Caseness 10',
      'Reliable change ±6',
      'Moderately severe',
      'Minimal',
      'Moved house',
      'Homework beside PHQ-9',
      '% done',
      'Sleep diary: Hours slept',
      'Fear ladder: station',
      'Platform, two trains',
      'Current step',
      'SUDS peak',
      'PHQ-9 items',
      '2 Feeling down',
      '5 Jan 2026',
    ]) {
      expect(t, want).toContain(want);
    }
    // Axis labels: the y ticks of PHQ-9 and the months of the time axis.
    expect(t).toMatch(/\b15\b/);
    expect(t).toMatch(/Feb|Mar/);
    // Only the embedded faces: no standard-14 font.
    const fonts = execFileSync('pdffonts', [path.join(tmp.dir, 'all.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans/);
    expect(fonts).not.toMatch(/Helvetica|Times/);
    savePreview('charts-all', pdf);
  });
});
