import { createHash } from 'node:crypto';
import type { Handlers, PdfPreview } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import { AppError } from '../../../shared/result';
import { answerFields, type Answers } from '../../../shared/worksheet';
import type { CoreContext } from '../core';
import { sql } from '../db/sql';
import type { PdfImportRow } from '../db/tables';
import { PDF_MESSAGES, readFilledPdf, readPdfIdentity } from '../pdf';
import { nowIso, todayIso } from '../util/clock';
import { newId } from '../util/ids';
import { requireClient } from './clients';
import { isMeasureIdentity } from './measurePdf';
import { insertRecords, practiceTarget, type PracticeFieldsOut, type PracticeTarget } from './practice';

export const ALREADY_IMPORTED =
  'This file was imported before, so its answers are already saved as practice records. Nothing was saved again.';
const NOTHING_FILLED = 'Nothing was filled in on this worksheet, so there is nothing to save.';

interface Reading {
  target: PracticeTarget;
  clientName: string;
  sha256: string;
  alreadyImported: boolean;
  filledCount: number;
  records: PracticeFieldsOut[];
}

/**
 * Splits a filled worksheet into practice records. A practice record is one day: a filled daily
 * grid makes one record per filled day, dated by the grid's day headings (the assignment's start
 * plus the day's index); the other blocks' answers go with the last filled day. A worksheet
 * without a filled grid makes one record, dated `practicedOn`.
 */
export function recordsOf(target: PracticeTarget, answers: Answers, practicedOn: string): PracticeFieldsOut[] {
  const grids = target.definition.blocks.filter((b) => b.type === 'dailyGrid' && Array.isArray(answers[b.id]));
  const days = new Map<number, Answers>();
  for (const g of grids) {
    (answers[g.id] as Record<string, unknown>[]).forEach((row, d) => {
      if (!row || !Object.keys(row).length) return;
      const day = days.get(d) ?? {};
      day[g.id] = [row];
      days.set(d, day);
    });
  }
  const rest: Answers = {};
  for (const [k, v] of Object.entries(answers)) if (!grids.some((g) => g.id === k)) rest[k] = v;
  const base = { practicedTime: null, source: 'pdf' as const, durationMinutes: null, ladderStep: null, note: null };
  if (!days.size) return Object.keys(rest).length ? [{ ...base, practicedOn, answers: rest }] : [];
  const order = [...days.keys()].sort((a, b) => a - b);
  const last = order[order.length - 1]!;
  return order.map((d) => ({
    ...base,
    practicedOn: addDays(target.startDate, d),
    answers: d === last ? { ...days.get(d)!, ...rest } : days.get(d)!,
  }));
}

async function readPdf(
  core: CoreContext,
  input: { bytes: Uint8Array; clientId?: string | undefined; practicedOn?: string | undefined },
): Promise<Reading> {
  const vaultId = core.requireVault().id;
  const identity = await readPdfIdentity(input.bytes);
  if (identity.vaultId !== vaultId) throw new AppError('CONFLICT', PDF_MESSAGES.otherVault);
  if (input.clientId && identity.clientId !== input.clientId) throw new AppError('CONFLICT', PDF_MESSAGES.otherClient);
  if (isMeasureIdentity(identity.assignmentId)) {
    throw new AppError(
      'VALIDATION',
      'This PDF is a questionnaire, not a worksheet. Import it with “Questionnaire PDF…” on the client’s page.',
    );
  }
  let target: PracticeTarget;
  try {
    target = practiceTarget(core.read, identity.assignmentId);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      'The assignment this worksheet was printed for is no longer in this vault. Enter the answers by hand.',
    );
  }
  const { answers, filledCount } = await readFilledPdf(input.bytes, {
    vaultId,
    clientId: target.clientId,
    assignmentId: target.id,
    definition: target.definition,
  });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const seen = core.read.get(sql<Pick<PdfImportRow, 'id'>>`SELECT id FROM pdf_import WHERE file_sha256 = ${sha256}`);
  return {
    target,
    clientName: requireClient(core.read, target.clientId).name,
    sha256,
    alreadyImported: seen !== undefined,
    filledCount,
    records: recordsOf(target, answers, input.practicedOn ?? todayIso(core)),
  };
}

export const importsHandlers: Handlers<CoreContext>['imports'] = {
  previewPdf: async (input, core): Promise<PdfPreview> => {
    const r = await readPdf(core, input);
    return {
      clientId: r.target.clientId,
      clientName: r.clientName,
      assignmentId: r.target.id,
      title: r.target.definition.title,
      alreadyImported: r.alreadyImported,
      records: r.records.map((rec) => ({
        practicedOn: rec.practicedOn,
        fields: answerFields(r.target.definition, rec.answers).map(({ label, value }) => ({ label, value })),
      })),
      filledCount: r.filledCount,
      empty: r.records.length === 0,
    };
  },

  savePdf: async (input, core) => {
    const r = await readPdf(core, input);
    if (r.alreadyImported) throw new AppError('CONFLICT', ALREADY_IMPORTED);
    if (!r.records.length) throw new AppError('VALIDATION', NOTHING_FILLED);
    const importId = newId();
    const ids = r.records.map(() => newId());
    return core.write(
      [
        { action: 'imported', entity: 'pdf_import', entityId: importId, detail: `${ids.length} practice records` },
        ...ids.map((id) => ({ action: 'created' as const, entity: 'practice_record', entityId: id })),
      ],
      (w) => {
        // Checked again inside the write: a second save of the same file in between is refused too.
        if (w.get(sql<Pick<PdfImportRow, 'id'>>`SELECT id FROM pdf_import WHERE file_sha256 = ${r.sha256}`)) {
          throw new AppError('CONFLICT', ALREADY_IMPORTED);
        }
        w.run(sql`
          INSERT INTO pdf_import (id, client_id, assignment_id, file_sha256, records, imported_at)
          VALUES (${importId}, ${r.target.clientId}, ${r.target.id}, ${r.sha256}, ${ids.length}, ${nowIso(core)})`);
        const records = insertRecords(core, w, practiceTarget(w, r.target.id), r.records, ids, {
          pdfImportId: importId,
          prefix: (i) => `records.${i}.`,
        });
        return { records };
      },
    );
  },
};
