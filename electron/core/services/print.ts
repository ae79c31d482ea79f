import type { Handlers } from '../../../shared/contract';
import type { PrintOptionsInput } from '../../../shared/contract/print';
import { localIsoDate } from '../../../shared/dates';
import { fileInitialsOf, initialsOf, pdfFileName } from '../../../shared/names';
import { AppError } from '../../../shared/result';
import { printedPrefill, type Prefill, type WorksheetDefinition } from '../../../shared/worksheet';

const withPrefill = (p: Prefill | null) => (p ? { prefill: p } : {});
import type { CoreContext } from '../core';
import { renderHandout, renderPacket, renderWorksheet, type PrintJob, type PrintOptions } from '../pdf';
import { takeUnprintable } from '../pdf/scripts';
import { reviewSummary, type HandoutView } from '../../../shared/domain/handout';
import { frequencyLabel, type Frequency } from '../../../shared/worksheet';
import type { Assignment } from '../../../shared/domain';
import type { ReadDb } from '../db/handle';
import { sql } from '../db/sql';
import type { AssignmentRow, HomeworkReviewRow, SessionRow, WorksheetVersionRow } from '../db/tables';
import { readDefinition, WORKSHEET_NOT_FOUND } from './library';
import { listAssignments, readAssignment } from './assignments';
import { clientDetail, requireClient } from './clients';
import { deepFreeze } from '../util/freeze';

type Options = Required<Pick<PrintOptionsInput, 'paper' | 'largePrint' | 'nameOnWorksheets'>> & { locale?: string | undefined };

/** Pages of a PDF that pdfkit wrote (page objects are never compressed). */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const label = (name: string, options: Options) => (options.nameOnWorksheets === 'initials' ? initialsOf(name) : name);
const pdfOptions = (o: Options, fillable: boolean): PrintOptions => ({
  paper: o.paper,
  largePrint: o.largePrint,
  fillable,
  ...(o.locale ? { locale: o.locale } : {}),
});

/** Worksheet definitions as printed, per open vault (gone with it when it locks) and version. */
const definitions = new WeakMap<object, Map<string, WorksheetDefinition>>();

/**
 * The definition of a worksheet version, read and parsed once per open vault: a version never
 * changes once written (a changed worksheet is a new version, with its own id), so every packet
 * reuses it — and, being the same object each time, the PDF engine's schema check of it too
 * (render.ts). Frozen: it is shared. A worksheet definition holds no client data.
 */
export function printedDefinition(core: CoreContext, db: ReadDb, versionId: string): WorksheetDefinition {
  const vault = core.requireVault();
  let cache = definitions.get(vault);
  if (!cache) definitions.set(vault, (cache = new Map()));
  let def = cache.get(versionId);
  if (!def) {
    const json = db.pluck(
      sql<Pick<WorksheetVersionRow, 'definition'>>`SELECT definition FROM worksheet_version WHERE id = ${versionId}`,
    );
    if (json === undefined) throw new AppError('NOT_FOUND', WORKSHEET_NOT_FOUND);
    def = deepFreeze(readDefinition(json));
    cache.set(versionId, def);
  }
  return def;
}

/** One assignment as a print job: the worksheet version it was given, tailored for the client. */
function assignmentJob(
  core: CoreContext,
  a: Assignment,
  clientName: string,
  options: Options,
  fillable: boolean,
): PrintJob & { clientName: string } {
  const definition = printedDefinition(core, core.read, a.worksheetVersionId);
  return {
    clientName,
    definition,
    clientLabel: label(clientName, options),
    assignment: {
      id: a.id,
      startDate: a.startDate,
      ...(a.dueDate ? { dueDate: a.dueDate } : {}),
      frequency: a.frequency,
      ...(a.step ? { step: a.step } : {}),
      phase: a.phase,
      ...(a.goalTitle ? { goal: a.goalTitle } : {}),
      ...(a.personalInstructions ? { personalInstructions: a.personalInstructions } : {}),
      ...(a.agreedRationale ? { agreedRationale: a.agreedRationale } : {}),
    },
    identity: {
      vaultId: core.requireVault().id,
      clientId: a.clientId,
      assignmentId: a.id,
      worksheetVersionId: a.worksheetVersionId,
    },
    ...withPrefill(printedPrefill(definition, a.prefill, a.step)),
    options: pdfOptions(options, fillable),
  };
}

export async function printAssignment(core: CoreContext, assignmentId: string, options: Options, fillable: boolean) {
  const db = core.read;
  const a = readAssignment(core, db, assignmentId);
  const job = assignmentJob(core, a, requireClient(db, a.clientId).name, options, fillable);
  const bytes = new Uint8Array(await renderWorksheet({ ...job, creationDate: core.now() }));
  const fileName = pdfFileName([job.definition.title, fileInitialsOf(job.clientName)], fillable ? '(fillable)' : '');
  return { bytes, pages: countPages(bytes), fileName, unprintable: takeUnprintable() };
}

export async function printPacket(core: CoreContext, clientId: string, options: Options, fillable = false) {
  const client = clientDetail(core.read, clientId);
  const active = listAssignments(core, clientId).filter((a) => a.status === 'active');
  if (active.length === 0) {
    throw new AppError('NOT_FOUND', 'This client has no active homework to print. Assign a worksheet first.');
  }
  const items = [];
  // The listed assignments are read as assignments.get reads them; the client's name once.
  for (const a of active) items.push(assignmentJob(core, a, client.name, options, fillable));
  const today = localIsoDate(core.now());
  const bytes = new Uint8Array(
    await renderPacket({
      clientLabel: label(client.name, options),
      items,
      options: pdfOptions(options, fillable),
      creationDate: core.now(),
      weekOf: today,
    }),
  );
  const fileName = pdfFileName(['Homework packet', fileInitialsOf(client.name), today], fillable ? '(fillable)' : '');
  return { bytes, pages: countPages(bytes), fileName, unprintable: takeUnprintable() };
}

export const SESSION_NOT_FOUND = 'That session could not be found.';

type HandoutReviewRow = Pick<HomeworkReviewRow, 'completion' | 'amount_done' | 'amount_expected' | 'plan'> &
  Pick<AssignmentRow, 'frequency' | 'step_current' | 'step_total'> &
  Pick<WorksheetVersionRow, 'definition'>;

/**
 * The client-safe view of a session: every field chosen here by name. The session's notes, the
 * reviews' obstacles, quality, understanding, belief, plan notes and learning are never selected.
 */
export function handoutView(core: CoreContext, sessionId: string): HandoutView & { clientId: string } {
  const db = core.read;
  const session = db.get(
    sql<Pick<SessionRow, 'client_id' | 'date' | 'number' | 'takeaways'>>`
      SELECT client_id, date, number, takeaways FROM session WHERE id = ${sessionId}`,
  );
  if (!session) throw new AppError('NOT_FOUND', SESSION_NOT_FOUND);
  const reviews = db.all(
    sql<HandoutReviewRow>`
      SELECT r.completion, r.amount_done, r.amount_expected, r.plan, a.frequency, a.step_current, a.step_total, v.definition
        FROM homework_review r
        JOIN assignment a ON a.id = r.assignment_id
        JOIN worksheet_version v ON v.id = a.worksheet_version_id
       WHERE r.session_id = ${sessionId}
       ORDER BY r.position, r.created_at`,
  );
  const practice = listAssignments(core, session.client_id)
    .filter((a) => a.status === 'active')
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title));
  return {
    clientId: session.client_id,
    sessionDate: session.date,
    sessionNumber: session.number,
    reviewed: reviews.map((r) => {
      const worksheet = readDefinition(r.definition).title;
      const title = r.step_current && r.step_total ? `${worksheet} (step ${r.step_current} of ${r.step_total})` : worksheet;
      const frequency = JSON.parse(r.frequency) as Frequency;
      return {
        title,
        summary: reviewSummary({
          title,
          completion: r.completion,
          amountDone: r.amount_done,
          amountExpected: r.amount_expected,
          plan: r.plan,
          daily: frequency.kind === 'daily',
        }),
      };
    }),
    takeaways: session.takeaways?.trim() ? session.takeaways.trim() : null,
    practice: practice.map((a) => ({
      title: a.title,
      frequency: frequencyLabel(a.frequency),
      dueDate: a.dueDate,
      step: a.step,
      instructions: a.personalInstructions?.trim() ? a.personalInstructions.trim() : null,
    })),
  };
}

export async function printHandout(core: CoreContext, sessionId: string, options: Options) {
  const { clientId, ...view } = handoutView(core, sessionId);
  const client = clientDetail(core.read, clientId);
  const bytes = new Uint8Array(
    await renderHandout({
      clientLabel: label(client.name, options),
      view,
      options: { paper: options.paper, largePrint: options.largePrint, ...(options.locale ? { locale: options.locale } : {}) },
      creationDate: core.now(),
    }),
  );
  const fileName = pdfFileName(['Session handout', fileInitialsOf(client.name), view.sessionDate]);
  return { bytes, pages: countPages(bytes), fileName, unprintable: takeUnprintable() };
}

export const printHandlers: Handlers<CoreContext>['print'] = {
  assignment: ({ assignmentId, fillable, options }, core) => printAssignment(core, assignmentId, options, fillable),
  packet: ({ clientId, fillable, options }, core) => printPacket(core, clientId, options, fillable),
  handout: ({ sessionId, options }, core) => printHandout(core, sessionId, options),
};
