import { z } from 'zod';
import type { AdherenceWeek, LadderChartInput, SeriesChartInput } from '../charts';
import { idSchema, isoDateSchema } from '../domain';
import { channel } from './define';

/**
 * The client's Progress tab (issue 9): the data behind its charts, for a client and a date range.
 * Each output is the input of a chart definition in shared/charts (adherenceChart, seriesChart,
 * ladderChart), so the screen and the PDF report draw the same thing. Measure charts (PHQ-9,
 * GAD-7, PCL-5) and the item heat map get their data from the measures service; they map into
 * `MeasureChartInput` / `HeatmapChartInput` and join `progress.overview` when it exists.
 */

const date = z.string();
const rangeInput = {
  clientId: idSchema,
  /** Inclusive; default: the client's start (or their first homework, whichever is earlier). */
  from: isoDateSchema('the first day').nullish(),
  /** Inclusive; default: today. */
  to: isoDateSchema('the last day').nullish(),
};

export const adherenceWeekSchema = z.object({
  weekStart: date,
  done: z.number().int(),
  expected: z.number().int(),
  completion: z.number().nullable(),
  quality: z.number().nullable(),
  reviews: z.number().int(),
}) satisfies z.ZodType<AdherenceWeek>;

/** One chartable number of a worksheet (shared/worksheet/series.ts), with its scale's ends. */
export const progressSeriesSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** How many values the practice records in the range hold. */
  values: z.number().int(),
});
export type ProgressSeries = z.infer<typeof progressSeriesSchema>;

export const progressWorksheetSchema = z.object({
  worksheetId: idSchema,
  title: z.string(),
  series: z.array(progressSeriesSchema),
});
export type ProgressWorksheet = z.infer<typeof progressWorksheetSchema>;

const pointSchema = z.object({ date, value: z.number() });

export const seriesChartInputSchema = z.object({
  title: z.string(),
  unit: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  lines: z.array(z.object({ key: z.string(), label: z.string(), points: z.array(pointSchema) })),
  sessions: z.array(date),
  range: z.object({ from: date, to: date }),
}) satisfies z.ZodType<SeriesChartInput>;

export const ladderChartInputSchema = z.object({
  /** The first assignment of the chain of graded steps (stable across steps). */
  assignmentId: idSchema,
  title: z.string(),
  valueLabel: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  steps: z.array(z.object({ step: z.number().int(), label: z.string(), attempts: z.array(pointSchema) })),
  currentStep: z.number().int().nullable(),
}) satisfies z.ZodType<LadderChartInput>;

export const progressOverviewSchema = z.object({
  /** The range used (the defaults filled in). */
  range: z.object({ from: date, to: date }),
  /** Attended sessions in the range. */
  sessions: z.array(date),
  /** (2) Homework week by week (Monday to Sunday) over the range. */
  weeks: z.array(adherenceWeekSchema),
  /** (3) The client's assigned worksheets that have numbers to chart, and those numbers. */
  worksheets: z.array(progressWorksheetSchema),
  /** (4) Every exposure ladder (a chain of graded steps), SUDS per step. */
  ladders: z.array(ladderChartInputSchema),
});
export type ProgressOverview = z.infer<typeof progressOverviewSchema>;

export const progressContract = {
  /** Homework by week, the worksheets with chartable numbers, and the ladders, for a date range. */
  overview: channel(z.object(rangeInput), progressOverviewSchema),
  /** (3) Chosen numbers of one assigned worksheet over time, as a chart's input. */
  series: channel(
    z.object({
      ...rangeInput,
      worksheetId: idSchema,
      keys: z.array(z.string().max(200)).min(1, 'Choose at least one number to chart.').max(8, 'Choose at most 8 numbers.'),
    }),
    seriesChartInputSchema,
  ),
};
