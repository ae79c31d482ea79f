/**
 * Questionnaires on paper (issue 9): a measure printed as a (fillable) PDF through the same engine
 * as worksheets, and a filled one read back through the same reader. The PDF's identity names the
 * vault, the client and the measure (`measure:<key>`; for the client's own problems also their
 * ids), never what anyone wrote. Recording the result is the measures service's (source "pdf").
 */
import type { MeasurePdfPreview, PdfOutput, PrintOptionsInput } from '../../../shared/contract';
import { initialsOf, safeFilePart } from '../../../shared/names';
import {
  answersFromForm,
  IDIOGRAPHIC,
  MEASURE_KEYS,
  MEASURES,
  measureForm,
  measureName,
  scoreAnswers,
  type MeasureKey,
} from '../../../shared/measures';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql } from '../db/sql';
import type { MeasureProblemRow } from '../db/tables';
import { PDF_MESSAGES, readFilledPdf, readPdfIdentity, renderMeasure } from '../pdf';
import { requireClient } from './clients';
import { takeUnprintable } from '../pdf/scripts';
import { countPages } from './print';

const PREFIX = 'measure:';
const NOT_A_MEASURE =
  'This PDF is a worksheet, not a questionnaire. Import it from the client’s Practice tab, or enter the answers by hand.';
const NO_PROBLEMS = 'This client has no problems of their own to rate yet. Add them in a session’s Measures stage first.';
const PROBLEMS_CHANGED =
  'The problems on this form are no longer the client’s current ones, so its answers cannot be matched. Enter the ratings by hand.';

type Options = Required<Pick<PrintOptionsInput, 'paper' | 'largePrint' | 'nameOnWorksheets'>> & { locale?: string | undefined };

/** Is this identity's "assignment" a questionnaire? */
export const isMeasureIdentity = (assignmentId: string) => assignmentId.startsWith(PREFIX);

function activeProblems(db: ReadDb, clientId: string): MeasureProblemRow[] {
  return db.all(
    sql<MeasureProblemRow>`SELECT * FROM measure_problem WHERE client_id = ${clientId} AND archived_at IS NULL ORDER BY position, created_at`,
  );
}

export async function printMeasurePdf(
  core: CoreContext,
  input: { clientId: string; measure: MeasureKey; fillable: boolean; options: Options },
): Promise<PdfOutput> {
  const client = requireClient(core.read, input.clientId);
  const problems = input.measure === 'idiographic' ? activeProblems(core.read, client.id) : [];
  if (input.measure === 'idiographic' && problems.length === 0) throw new AppError('VALIDATION', NO_PROBLEMS);
  const form = measureForm(
    input.measure,
    problems.map((p) => p.text),
  );
  const id = `${PREFIX}${input.measure}`;
  const bytes = new Uint8Array(
    await renderMeasure({
      definition: form.definition,
      clientLabel: input.options.nameOnWorksheets === 'initials' ? initialsOf(client.name) : client.name,
      identity: {
        vaultId: core.requireVault().id,
        clientId: client.id,
        assignmentId: id,
        worksheetVersionId: problems.length ? `${id}:${problems.map((p) => p.id).join(',')}` : id,
      },
      options: {
        paper: input.options.paper,
        largePrint: input.options.largePrint,
        fillable: input.fillable,
        ...(input.options.locale ? { locale: input.options.locale } : {}),
      },
      creationDate: core.now(),
    }),
  );
  const fileName = `${safeFilePart(measureName(input.measure))} - ${safeFilePart(initialsOf(client.name))}${input.fillable ? ' (fillable)' : ''}.pdf`;
  return { bytes, pages: countPages(bytes), fileName, unprintable: takeUnprintable() };
}

/** Reads a filled questionnaire PDF: whose it is, which measure, and the answers (null = blank). */
export async function readMeasurePdf(
  core: CoreContext,
  input: { bytes: Uint8Array; clientId?: string | undefined },
): Promise<MeasurePdfPreview> {
  const vaultId = core.requireVault().id;
  const identity = await readPdfIdentity(input.bytes);
  if (identity.vaultId !== vaultId) throw new AppError('CONFLICT', PDF_MESSAGES.otherVault);
  if (input.clientId && identity.clientId !== input.clientId) throw new AppError('CONFLICT', PDF_MESSAGES.otherClient);
  if (!isMeasureIdentity(identity.assignmentId)) throw new AppError('VALIDATION', NOT_A_MEASURE);
  const key = identity.assignmentId.slice(PREFIX.length) as MeasureKey;
  if (!(MEASURE_KEYS as readonly string[]).includes(key)) throw new AppError('VALIDATION', PDF_MESSAGES.foreign);
  const client = requireClient(core.read, identity.clientId);

  let problemIds: string[] | null = null;
  let texts: string[] = [];
  if (key === 'idiographic') {
    problemIds = identity.worksheetVersionId.split(':')[2]?.split(',').filter(Boolean) ?? [];
    const rows = problemIds.map((pid) =>
      core.read.get(sql<MeasureProblemRow>`SELECT * FROM measure_problem WHERE id = ${pid} AND client_id = ${client.id}`),
    );
    if (!problemIds.length || rows.some((r) => !r || r.archived_at !== null)) throw new AppError('CONFLICT', PROBLEMS_CHANGED);
    texts = rows.map((r) => r!.text);
  }
  const form = measureForm(key, texts);
  const { answers: raw } = await readFilledPdf(input.bytes, {
    vaultId,
    clientId: client.id,
    assignmentId: identity.assignmentId,
    definition: form.definition,
  });
  const answers = answersFromForm(form, raw);
  const score = scoreAnswers(key, answers);
  const questions =
    key === 'idiographic'
      ? texts.map((text, i) => ({ number: i + 1, text, options: IDIOGRAPHIC.options }))
      : MEASURES[key].items.map((it) => ({ number: it.number, text: it.text, options: it.options }));
  return {
    clientId: client.id,
    clientName: client.name,
    measure: key,
    answers,
    problemIds,
    items: questions.map((q, i) => {
      const o = q.options.find((x) => x.score === answers[i]);
      return {
        number: q.number,
        text: q.text,
        answer: o ? (o.label.startsWith(String(o.score)) ? o.label : `${o.score} ${o.label}`) : null,
      };
    }),
    missingItems: score.missingItems,
    complete: score.complete,
  };
}
