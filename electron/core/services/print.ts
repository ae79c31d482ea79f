import type { Handlers } from '../../../shared/contract';
import type { PrintOptionsInput } from '../../../shared/contract/print';
import { localIsoDate } from '../../../shared/dates';
import { initialsOf, safeFilePart } from '../../../shared/names';
import { AppError } from '../../../shared/result';
import type { WorksheetDefinition } from '../../../shared/worksheet';
import type { CoreContext } from '../core';
import { renderPacket, renderWorksheet, type PrintJob, type PrintOptions } from '../pdf';
import { assignmentDetail, listAssignments } from './assignments';
import { clientDetail } from './clients';

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

/** One assignment as a print job: the worksheet version it was given, tailored for the client. */
function assignmentJob(
  core: CoreContext,
  assignmentId: string,
  options: Options,
  fillable: boolean,
): PrintJob & { clientName: string } {
  const a = assignmentDetail(core, assignmentId);
  return {
    clientName: a.clientName,
    definition: a.definition as WorksheetDefinition,
    clientLabel: label(a.clientName, options),
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
    options: pdfOptions(options, fillable),
  };
}

export async function printAssignment(core: CoreContext, assignmentId: string, options: Options, fillable: boolean) {
  const job = assignmentJob(core, assignmentId, options, fillable);
  const bytes = new Uint8Array(await renderWorksheet({ ...job, creationDate: core.now() }));
  const fileName = `${safeFilePart(job.definition.title)} - ${safeFilePart(initialsOf(job.clientName))}${fillable ? ' (fillable)' : ''}.pdf`;
  return { bytes, pages: countPages(bytes), fileName };
}

export async function printPacket(core: CoreContext, clientId: string, options: Options) {
  const client = clientDetail(core.read, clientId);
  const active = listAssignments(core, clientId).filter((a) => a.status === 'active');
  if (active.length === 0) {
    throw new AppError('NOT_FOUND', 'This client has no active homework to print. Assign a worksheet first.');
  }
  const items = [];
  for (const a of active) items.push(assignmentJob(core, a.id, options, false));
  const today = localIsoDate(core.now());
  const bytes = new Uint8Array(
    await renderPacket({
      clientLabel: label(client.name, options),
      items,
      options: pdfOptions(options, false),
      creationDate: core.now(),
      weekOf: today,
    }),
  );
  const fileName = `Homework packet - ${safeFilePart(initialsOf(client.name))} - ${today}.pdf`;
  return { bytes, pages: countPages(bytes), fileName };
}

export const printHandlers: Handlers<CoreContext>['print'] = {
  assignment: ({ assignmentId, fillable, options }, core) => printAssignment(core, assignmentId, options, fillable),
  packet: ({ clientId, options }, core) => printPacket(core, clientId, options),
};
