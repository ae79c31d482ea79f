import { axisName, base, count, day, GRID, hatch, MUTED, num, OKABE_ITO, short, TEXT } from './style';
import type { Chart, LadderChartInput } from './types';

/**
 * (4) The exposure ladder: the steps along the bottom, SUDS up the side. Every attempt is a small
 * grey dot; the first attempt at each step a hollow circle, the latest a filled diamond (joined
 * step to step), so the fall within a step reads as the gap between them. The current step is
 * a shaded, hatched column named at its top.
 */
export function ladderChart(input: LadderChartInput): Chart {
  const steps = [...input.steps].sort((a, b) => a.step - b.step);
  const cats = steps.map((s) => `${s.step}`);
  const current = steps.find((s) => s.step === input.currentStep) ?? null;
  const title = input.title;
  const tried = steps.filter((s) => s.attempts.length > 0);
  const allValues = steps.flatMap((s) => s.attempts.map((a) => a.value));

  const words: string[] = [];
  if (tried.length === 0) words.push(`${title}: no attempts recorded yet.`);
  else {
    words.push(
      `${title}: ${count(
        tried.reduce((n, s) => n + s.attempts.length, 0),
        'attempt',
      )} on ${count(tried.length, 'step')} of ${steps.length}.`,
    );
    for (const s of tried) {
      const f = s.attempts[0]!;
      const l = s.attempts.at(-1)!;
      words.push(
        s.attempts.length === 1
          ? `Step ${s.step}: one attempt, ${input.valueLabel} ${num(f.value)}.`
          : `Step ${s.step}: ${s.attempts.length} attempts, ${input.valueLabel} from ${num(f.value)} to ${num(l.value)}.`,
      );
    }
  }
  if (current) words.push(`Current step: ${current.step}, ${current.label}.`);
  const summary = words.join(' ');

  const option = {
    ...base(title, summary),
    grid: { left: 60, right: 24, top: 44, bottom: 70 },
    legend: { bottom: 4, left: 'center', itemWidth: 18, textStyle: { color: TEXT } },
    xAxis: {
      type: 'category' as const,
      name: 'Step',
      nameLocation: 'middle' as const,
      nameGap: 26,
      data: cats,
      axisLabel: { color: TEXT },
      axisLine: { lineStyle: { color: MUTED } },
    },
    yAxis: {
      type: 'value' as const,
      ...axisName(input.valueLabel),
      ...(input.min != null ? { min: input.min } : {}),
      ...(input.max != null ? { max: input.max } : {}),
      axisLabel: { color: TEXT },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      // The current step: a shaded, hatched column behind the points, named above it.
      ...(current
        ? [
            {
              type: 'bar' as const,
              name: 'Current step',
              data: steps.map((s) => (s.step === current.step ? (input.max ?? Math.max(...allValues, 10)) : null)),
              barWidth: '70%',
              silent: true,
              z: 0,
              itemStyle: {
                color: 'rgba(230,159,0,0.16)',
                borderColor: OKABE_ITO.orange,
                borderWidth: 1,
                borderType: 'dashed' as const,
                decal: hatch('rgba(230,159,0,0.16)', 'rgba(230,159,0,0.55)'),
              },
              label: {
                show: true,
                position: 'insideTop' as const,
                formatter: short(current.label, 24),
                color: TEXT,
                fontSize: 10,
                fontWeight: 'bold' as const,
              },
            },
          ]
        : []),
      {
        type: 'scatter' as const,
        name: 'Every attempt',
        data: steps.flatMap((s) => s.attempts.map((a) => [`${s.step}`, a.value])),
        symbol: 'circle',
        symbolSize: 5,
        itemStyle: { color: MUTED, opacity: 0.6 },
        z: 3,
      },
      {
        type: 'line' as const,
        name: 'First attempt',
        data: steps.map((s) => [`${s.step}`, s.attempts[0]?.value ?? null]),
        connectNulls: false,
        symbol: 'emptyCircle',
        symbolSize: 10,
        lineStyle: { color: OKABE_ITO.vermillion, width: 1.5, type: 'dashed' as const },
        itemStyle: { color: OKABE_ITO.vermillion },
      },
      {
        type: 'line' as const,
        name: 'Latest attempt',
        data: steps.map((s) => [`${s.step}`, s.attempts.length > 1 ? s.attempts.at(-1)!.value : null]),
        connectNulls: true,
        symbol: 'diamond',
        symbolSize: 11,
        lineStyle: { color: OKABE_ITO.blue, width: 2 },
        itemStyle: { color: OKABE_ITO.blue },
      },
    ],
  };

  return {
    kind: 'ladder',
    title,
    option: option as Chart['option'],
    summary,
    table: {
      caption: `${title}: ${input.valueLabel} per step`,
      columns: ['Step', 'What', 'Attempts', 'First', 'Latest', 'Dates', 'Current'],
      rows: steps.map((s) => [
        s.step,
        s.label,
        s.attempts.length,
        s.attempts[0]?.value ?? null,
        s.attempts.at(-1)?.value ?? null,
        s.attempts.length ? s.attempts.map((a) => `${day(a.date)}: ${num(a.value)}`).join('; ') : null,
        s.step === input.currentStep ? 'yes' : null,
      ]),
    },
  };
}
