import type { z } from 'zod';
import type { Handlers } from '../../../shared/contract';
import { formatDate } from '../../../shared/dates';
import type { PracticeRecord, practiceFieldsSchema } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { answersSchemaFor, type Answers, type WorksheetDefinition } from '../../../shared/worksheet';
import type { CoreContext } from '../core';
import type { ReadDb, WriteDb } from '../db/handle';
import { sql, sqlFragment, sqlJoin } from '../db/sql';
import type { AssignmentRow, PracticeRecordRow, WorksheetVersionRow } from '../db/tables';
import { nowIso, todayIso } from '../util/clock';
import { newId } from '../util/ids';
import { ASSIGNMENT_NOT_FOUND } from './assignments';
import { readDefinition, versionHead } from './library';

export type PracticeFieldsOut = z.output<typeof practiceFieldsSchema>;

export const PRACTICE_NOT_FOUND = 'That practice record could not be found. It may have been deleted.';
const UNDO_GONE =
  'This practice record can no longer be restored: only the most recent delete can be undone, and it was replaced by a newer one (or the vault was locked since).';

/** An assignment as practice entry needs it: its worksheet version's definition, start and ladder. */
export interface PracticeTarget {
  id: string;
  clientId: string;
  worksheetVersionId: string;
  startDate: string;
  stepTotal: number | null;
  definition: WorksheetDefinition;
}

export function practiceTarget(db: ReadDb, assignmentId: string): PracticeTarget {
  const row = db.get(
    sql<AssignmentRow & Pick<WorksheetVersionRow, 'definition'>>`
      SELECT a.*, v.definition FROM assignment a JOIN worksheet_version v ON v.id = a.worksheet_version_id
       WHERE a.id = ${assignmentId}`,
  );
  if (!row) throw new AppError('NOT_FOUND', ASSIGNMENT_NOT_FOUND);
  return {
    id: row.id,
    clientId: row.client_id,
    worksheetVersionId: row.worksheet_version_id,
    startDate: row.start_date,
    stepTotal: row.step_total,
    definition: readDefinition(row.definition),
  };
}

type RecordReadRow = PracticeRecordRow;
const SELECT_RECORD = sqlFragment`SELECT p.* FROM practice_record p`;

/** A record as the contract's record; its worksheet's title read once per version (versionHead). */
function toRecord(core: CoreContext, db: ReadDb, r: RecordReadRow): PracticeRecord {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    clientId: r.client_id,
    worksheetVersionId: r.worksheet_version_id,
    title: versionHead(core, db, r.worksheet_version_id).title,
    practicedOn: r.practiced_on,
    practicedTime: r.practiced_time,
    source: r.source,
    durationMinutes: r.duration_minutes,
    ladderStep: r.ladder_step,
    note: r.note,
    answers: JSON.parse(r.answers) as Answers,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function readRecord(db: ReadDb, id: string): RecordReadRow {
  const row = db.get(sql<RecordReadRow>`${SELECT_RECORD} WHERE p.id = ${id}`);
  if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND', PRACTICE_NOT_FOUND);
  return row;
}

/**
 * Checks one record against its assignment and the worksheet version's own definition
 * (`answersSchemaFor`, the one description of the answers). Returns per-field messages, keyed by
 * the field's path below `prefix` (empty when all is well).
 */
export function checkRecord(
  target: PracticeTarget,
  rec: PracticeFieldsOut,
  today: string,
  prefix = '',
): { errors: Record<string, string>; answers: Answers } {
  const errors: Record<string, string> = {};
  const at = (k: string, message: string) => (errors[`${prefix}${k}`] ??= message);
  if (rec.practicedOn > today) at('practicedOn', 'This day is in the future. Please enter the day the practice took place.');
  else if (rec.practicedOn < target.startDate) {
    at(
      'practicedOn',
      `This day is before the assignment began (${formatDate(target.startDate, 'en-GB', 'medium')}). Please check the date.`,
    );
  }
  if (rec.ladderStep !== null && target.stepTotal !== null && rec.ladderStep > target.stepTotal) {
    at('ladderStep', `This ladder has ${target.stepTotal} steps: choose a step from 1 to ${target.stepTotal}.`);
  }
  // A practice record is one day: a daily grid's answer is that day's row only.
  for (const b of target.definition.blocks) {
    const v = rec.answers[b.id];
    if (b.type === 'dailyGrid' && Array.isArray(v) && v.length > 1) {
      at(
        `answers.${b.id}`,
        `${b.label}: a practice record holds one day. Enter a week as one record per day (the week grid does this).`,
      );
    }
  }
  const parsed = answersSchemaFor(target.definition).safeParse(rec.answers);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const message =
        issue.code === 'unrecognized_keys'
          ? 'Some answers do not belong to this worksheet. Please reopen the form and enter them again.'
          : issue.message;
      at(path ? `answers.${path}` : 'answers', message);
    }
  }
  return { errors, answers: parsed.success ? (parsed.data as Answers) : rec.answers };
}

function refuse(errors: Record<string, string>): never {
  const first = Object.values(errors)[0]!;
  const n = Object.keys(errors).length;
  throw new AppError('VALIDATION', n > 1 ? `${first} (and ${n - 1} more to check)` : first, errors);
}

/**
 * Writes records for one assignment inside the caller's write: every record is checked first, and
 * one refusal saves none (the whole write is one transaction).
 */
export function insertRecords(
  core: CoreContext,
  w: WriteDb,
  target: PracticeTarget,
  records: readonly PracticeFieldsOut[],
  ids: readonly string[],
  opts: { prefix?: (i: number) => string; pdfImportId?: string } = {},
): PracticeRecord[] {
  const today = todayIso(core);
  const errors: Record<string, string> = {};
  const checked = records.map((r, i) => {
    const c = checkRecord(target, r, today, opts.prefix?.(i) ?? '');
    Object.assign(errors, c.errors);
    return c.answers;
  });
  if (Object.keys(errors).length) refuse(errors);
  const at = nowIso(core);
  records.forEach((r, i) => {
    w.run(sql`
      INSERT INTO practice_record (id, assignment_id, client_id, worksheet_version_id, practiced_on, practiced_time, source,
                                   duration_minutes, ladder_step, note, answers, pdf_import_id, deleted_at, created_at, updated_at)
      VALUES (${ids[i]!}, ${target.id}, ${target.clientId}, ${target.worksheetVersionId}, ${r.practicedOn}, ${r.practicedTime},
              ${opts.pdfImportId ? 'pdf' : r.source}, ${r.durationMinutes}, ${r.ladderStep}, ${r.note},
              ${JSON.stringify(checked[i])}, ${opts.pdfImportId ?? null}, NULL, ${at}, ${at})`);
  });
  return ids.map((id) => toRecord(core, w, readRecord(w, id)));
}

/**
 * Hard-deletes the soft-deleted practice records (of one client, or all). Only the most recent
 * delete of a client can be undone: older deleted rows are purged on the next delete of that
 * client, and every deleted row is purged when the vault locks or the app quits (purgeBeforeClose).
 */
export function purgeDeletedPractice(w: WriteDb, clientId?: string): number {
  const r = clientId
    ? w.run(sql`DELETE FROM practice_record WHERE deleted_at IS NOT NULL AND client_id = ${clientId}`)
    : w.run(sql`DELETE FROM practice_record WHERE deleted_at IS NOT NULL`);
  return r.changes;
}

export const practiceHandlers: Handlers<CoreContext>['practice'] = {
  list: ({ clientId, assignmentId, from, to, before, limit }, core) => {
    // Only the conditions asked for are in the query, so SQLite can use practice_client or
    // practice_assignment (an `(? IS NULL OR p.client_id = ?)` hides the column from the planner:
    // a scan of every record). The order is the index's (day, then rowid: the order of entry).
    const where = [
      sqlFragment`p.deleted_at IS NULL`,
      ...(clientId !== undefined ? [sqlFragment`p.client_id = ${clientId}`] : []),
      ...(assignmentId !== undefined ? [sqlFragment`p.assignment_id = ${assignmentId}`] : []),
      ...(from !== undefined ? [sqlFragment`p.practiced_on >= ${from}`] : []),
      ...(to !== undefined ? [sqlFragment`p.practiced_on <= ${to}`] : []),
      // The next page (keyset): the records after `before` in the list's order, read on from that
      // record's place in the index (practice_client_newest), however many pages came before.
      ...(before !== undefined
        ? [
            sqlFragment`(p.practiced_on, coalesce(p.practiced_time, ''), p.created_at, p.rowid) <
              (SELECT b.practiced_on, coalesce(b.practiced_time, ''), b.created_at, b.rowid FROM practice_record b WHERE b.id = ${before})`,
          ]
        : []),
    ];
    const db = core.read;
    const rows = db.all(
      sql<RecordReadRow>`${SELECT_RECORD}
        WHERE ${sqlJoin(where, sqlFragment` AND `)}
        ORDER BY p.practiced_on DESC, coalesce(p.practiced_time, '') DESC, p.created_at DESC, p.rowid DESC
        LIMIT ${limit}`,
    );
    return rows.map((r) => toRecord(core, db, r));
  },

  get: ({ id }, core) => toRecord(core, core.read, readRecord(core.read, id)),

  create: ({ assignmentId, ...fields }, core) => {
    const id = newId();
    return core.write({ action: 'created', entity: 'practice_record', entityId: id }, (w) => {
      const target = practiceTarget(w, assignmentId);
      return insertRecords(core, w, target, [fields], [id])[0]!;
    });
  },

  createMany: ({ assignmentId, records }, core) => {
    const ids = records.map(() => newId());
    return core.write(
      ids.map((id) => ({ action: 'created' as const, entity: 'practice_record', entityId: id })),
      (w) => insertRecords(core, w, practiceTarget(w, assignmentId), records, ids, { prefix: (i) => `records.${i}.` }),
    );
  },

  update: ({ id, record }, core) =>
    core.write({ action: 'changed', entity: 'practice_record', entityId: id }, (w) => {
      const row = readRecord(w, id);
      // The record stays with the worksheet version it was entered for.
      const target = { ...practiceTarget(w, row.assignment_id), worksheetVersionId: row.worksheet_version_id };
      target.definition = readDefinition(
        w.pluck(
          sql<
            Pick<WorksheetVersionRow, 'definition'>
          >`SELECT definition FROM worksheet_version WHERE id = ${row.worksheet_version_id}`,
        )!,
      );
      const { errors, answers } = checkRecord(target, record, todayIso(core), 'record.');
      if (Object.keys(errors).length) refuse(errors);
      w.run(sql`
        UPDATE practice_record
           SET practiced_on = ${record.practicedOn}, practiced_time = ${record.practicedTime},
               source = ${row.pdf_import_id ? 'pdf' : record.source}, duration_minutes = ${record.durationMinutes},
               ladder_step = ${record.ladderStep}, note = ${record.note}, answers = ${JSON.stringify(answers)},
               updated_at = ${nowIso(core)}
         WHERE id = ${id}`);
      return toRecord(core, w, readRecord(w, id));
    }),

  delete: ({ id }, core) =>
    core.write({ action: 'deleted', entity: 'practice_record', entityId: id }, (w) => {
      const row = readRecord(w, id);
      // Only this delete can be undone from now on: the client's earlier deleted records go for good.
      purgeDeletedPractice(w, row.client_id);
      w.run(sql`UPDATE practice_record SET deleted_at = ${nowIso(core)} WHERE id = ${id}`);
      return { id };
    }),

  undoDelete: ({ id }, core) =>
    core.write({ action: 'restored', entity: 'practice_record', entityId: id }, (w) => {
      const row = w.get(sql<Pick<PracticeRecordRow, 'deleted_at'>>`SELECT deleted_at FROM practice_record WHERE id = ${id}`);
      if (!row) throw new AppError('NOT_FOUND', UNDO_GONE);
      if (row.deleted_at === null) throw new AppError('CONFLICT', 'This practice record is not deleted.');
      w.run(sql`UPDATE practice_record SET deleted_at = NULL WHERE id = ${id}`);
      return toRecord(core, w, readRecord(w, id));
    }),
};
