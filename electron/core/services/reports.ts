/**
 * The progress report (issue 9): gathers one client's measures, change, homework, worksheet
 * numbers, ladders and goals over a date range from the other services, and renders the PDF for
 * the clinician or the client. What the report says is decided in shared/reports (the client's
 * from a client-safe view); this module reads and hands over.
 *
 * Rendering only, like print.*: nothing is written and nothing recorded here. output.save /
 * output.print (main process) and the CLI's `report` record an audit event without content.
 */
import type { Handlers } from '../../../shared/contract';
import type { ProgressReportInput } from '../../../shared/contract/reports';
import { GOAL_STATUS_LABELS } from '../../../shared/domain/clients';
import { initialsOf, safeFilePart } from '../../../shared/names';
import {
  clientSafeData,
  progressReportDocument,
  type ProgressReportData,
  type ReportRciSetting,
} from '../../../shared/reports/progressReport';
import type { SeriesChartInput } from '../../../shared/charts';
import { STANDARD_MEASURE_KEYS, type StandardMeasureKey } from '../../../shared/measures';
import { frequencyLabel } from '../../../shared/worksheet';
import type { CoreContext } from '../core';
import { renderProgressReport } from '../pdf/report';
import { todayIso } from '../util/clock';
import { listAssignments } from './assignments';
import { clientDetail } from './clients';
import { measuresHandlers } from './measures';
import { takeUnprintable } from '../pdf/scripts';
import { countPages } from './print';
import { progressHandlers } from './progress';

type Input = Required<Pick<ProgressReportInput, 'clientId'>> & {
  from?: string | null | undefined;
  to?: string | null | undefined;
  audience: 'clinician' | 'client';
  options: { paper: 'a4' | 'letter'; largePrint: boolean; nameOnWorksheets: 'full' | 'initials' };
};

const ASSIGNMENT_STATUS_WORDS = { active: 'Active', completed: 'Completed', discontinued: 'Stopped' } as const;

/** Everything the report may show, for the clinician; the client's report filters it (clientSafeData). */
export async function progressReportData(core: CoreContext, input: Input): Promise<ProgressReportData> {
  const db = core.read;
  const client = clientDetail(db, input.clientId);
  const overview = await progressHandlers.overview({ clientId: input.clientId, from: input.from, to: input.to }, core);
  const range = overview.range;
  const results = await measuresHandlers.list({ clientId: input.clientId, from: range.from, to: range.to }, core);
  const settings = await measuresHandlers.rciSettings(undefined, core);
  const rci = {} as Record<StandardMeasureKey, ReportRciSetting>;
  for (const k of STANDARD_MEASURE_KEYS) {
    const s = settings.find((x) => x.measure === k)!;
    rci[k] = { sd: s.sd, r: s.r, custom: s.custom };
  }
  const events = await measuresHandlers.events({ clientId: input.clientId, from: range.from, to: range.to }, core);

  // Every worksheet's numbers that have values in the range (at most four per chart).
  const worksheetSeries: SeriesChartInput[] = [];
  for (const w of overview.worksheets) {
    const keys = w.series.filter((s) => s.values > 0).map((s) => s.key);
    if (keys.length === 0) continue;
    const series = await progressHandlers.series(
      { clientId: input.clientId, worksheetId: w.worksheetId, keys: keys.slice(0, 4), from: range.from, to: range.to },
      core,
    );
    worksheetSeries.push(series);
  }

  const assignments = listAssignments(core, input.clientId)
    .filter((a) => a.startDate <= range.to && (a.status === 'active' || !a.endedAt || a.endedAt.slice(0, 10) >= range.from))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.title.localeCompare(b.title)))
    .map((a) => ({
      title: a.title,
      frequency: frequencyLabel(a.frequency),
      status: ASSIGNMENT_STATUS_WORDS[a.status],
      step: a.step ? `step ${a.step.current} of ${a.step.total}` : null,
    }));

  return {
    audience: input.audience,
    clientLabel: input.options.nameOnWorksheets === 'initials' ? initialsOf(client.name) : client.name,
    range,
    preparedOn: todayIso(core),
    sessions: overview.sessions,
    results: results.map((r) => ({
      id: r.id,
      measure: r.measure,
      administeredOn: r.administeredOn,
      sessionId: r.sessionId,
      total: r.total,
      complete: r.complete,
      band: r.band?.label ?? null,
      missingItems: r.missingItems,
      answers: r.answers,
      item9: r.item9Flag ? { answer: r.answers[8] ?? 0, acknowledged: r.item9Acknowledgement !== null } : null,
      problems: r.problems?.map((p) => ({ id: p.id, text: p.text })) ?? null,
      createdAt: r.createdAt,
    })),
    rci,
    events: events.map((e) => ({ date: e.date, label: e.note })),
    weeks: overview.weeks,
    worksheetSeries,
    ladders: overview.ladders,
    assignments,
    goals: client.goals.map((g) => ({
      title: g.title,
      status: GOAL_STATUS_LABELS[g.status],
      targetDate: g.targetDate,
      description: g.description,
    })),
  };
}

export async function renderReport(core: CoreContext, input: Input) {
  const all = await progressReportData(core, input);
  // The client's report is built from the client-safe view only.
  const data = input.audience === 'client' ? clientSafeData(all) : all;
  const bytes = new Uint8Array(
    await renderProgressReport({
      document: progressReportDocument(data),
      paper: input.options.paper,
      largePrint: input.options.largePrint,
      creationDate: core.now(),
    }),
  );
  const who = safeFilePart(initialsOf(clientDetail(core.read, input.clientId).name));
  const fileName = `${input.audience === 'client' ? 'Your progress' : 'Progress report'} - ${who} - ${data.range.to}.pdf`;
  return { bytes, pages: countPages(bytes), fileName, unprintable: takeUnprintable() };
}

export const reportsHandlers: Handlers<CoreContext>['reports'] = {
  progress: (input, core) => renderReport(core, input),
};
