import { answersSchemaFor } from '../../shared/worksheet';
import { AppError } from '../../shared/result';
import type { AuditEvent, CoreContext } from './core';
import { sql } from './db/sql';
import type { AssignmentRow, HomeworkReviewRow, PracticeRecordRow, SessionRow, WorksheetVersionRow } from './db/tables';
import { readDefinition } from './services/library';
import { newId } from './util/ids';
import { nowIso, todayIso } from './util/clock';

/**
 * The bulk path for history: sessions, homework reviews and practice records written straight
 * into their tables in one `core.write` — all of it or nothing, one audit event per record (IDs
 * only) — keeping the invariants the sessions, reviews and practice services keep: a review's
 * assignment belongs to its session's client; a practice record belongs to its assignment's
 * client and worksheet version, happened between the assignment's start and today, and its
 * answers fit that version's definition. The demo uses it to lay down months of history in one
 * transaction (and the large-vault generator of the benchmarks can); everything a clinician does
 * goes through the services.
 */
export interface HistorySession {
  clientId: string;
  number: number;
  date: string;
  time?: string | null;
  durationMinutes?: number | null;
  attendance: SessionRow['attendance'];
  modality: SessionRow['modality'];
  notes?: string | null;
  takeaways?: string | null;
  reviews?: HistoryReview[];
}

export interface HistoryReview {
  assignmentId: string;
  completion: HomeworkReviewRow['completion'];
  amountDone?: number | null;
  amountExpected?: number | null;
  quality?: number | null;
  understood?: HomeworkReviewRow['understood'];
  rationaleBelief?: number | null;
  obstacles?: string[];
  obstacleOther?: string | null;
  learning?: string | null;
  plan?: HomeworkReviewRow['plan'];
  planNote?: string | null;
  nextAssignmentId?: string | null;
}

export interface HistoryPractice {
  assignmentId: string;
  practicedOn: string;
  practicedTime?: string | null;
  source?: PracticeRecordRow['source'];
  durationMinutes?: number | null;
  ladderStep?: number | null;
  note?: string | null;
  answers: Record<string, unknown>;
}

export interface History {
  sessions?: HistorySession[];
  practice?: HistoryPractice[];
  /** Assignment chains: `id` follows `followsId` (a modified step), and why the earlier one ended. */
  chains?: { id: string; followsId: string; endedReason: string }[];
}

export function writeHistory(core: CoreContext, h: History): { sessions: string[]; reviews: string[]; records: string[] } {
  const at = nowIso(core);
  const today = todayIso(core);
  const sessions = (h.sessions ?? []).map((s) => ({
    ...s,
    id: newId(),
    reviews: (s.reviews ?? []).map((r) => ({ ...r, id: newId() })),
  }));
  const records = (h.practice ?? []).map((p) => ({ ...p, id: newId() }));
  const audit: AuditEvent[] = [
    ...sessions.flatMap((s) => [
      { action: 'created' as const, entity: 'session', entityId: s.id },
      ...s.reviews.map((r) => ({ action: 'created' as const, entity: 'review', entityId: r.id })),
    ]),
    ...records.map((r) => ({ action: 'created' as const, entity: 'practice', entityId: r.id })),
    ...(h.chains ?? []).map((c) => ({ action: 'changed' as const, entity: 'assignment', entityId: c.id, detail: 'follows' })),
  ];
  return core.write(audit, (w) => {
    // Each assignment (and its answers' schema) is read once per call: a year of daily records
    // of one assignment checks them all against the same definition.
    const seen = new Map<string, ReturnType<typeof lookup>>();
    const schemas = new Map<string, ReturnType<typeof answersSchemaFor>>();
    const assignment = (id: string) => {
      let a = seen.get(id);
      if (!a) seen.set(id, (a = lookup(id)));
      return a;
    };
    const answersSchema = (a: ReturnType<typeof lookup>) => {
      let s = schemas.get(a.worksheet_version_id);
      if (!s) schemas.set(a.worksheet_version_id, (s = answersSchemaFor(readDefinition(a.definition))));
      return s;
    };
    const lookup = (id: string) => {
      const a = w.get(
        sql<Pick<AssignmentRow, 'client_id' | 'worksheet_version_id' | 'start_date'> & Pick<WorksheetVersionRow, 'definition'>>`
          SELECT a.client_id, a.worksheet_version_id, a.start_date, v.definition
            FROM assignment a JOIN worksheet_version v ON v.id = a.worksheet_version_id WHERE a.id = ${id}`,
      );
      if (!a) throw new AppError('NOT_FOUND', 'That assignment could not be found.');
      return a;
    };
    for (const s of sessions) {
      w.run(sql`
        INSERT INTO session (id, client_id, number, date, time, duration_minutes, attendance, modality, notes, takeaways,
                             stage, finished_at, created_at, updated_at)
        VALUES (${s.id}, ${s.clientId}, ${s.number}, ${s.date}, ${s.time ?? null}, ${s.durationMinutes ?? null}, ${s.attendance},
                ${s.modality}, ${s.notes ?? null}, ${s.takeaways ?? null}, 'finish', ${at}, ${at}, ${at})`);
      s.reviews.forEach((r, i) => {
        if (assignment(r.assignmentId).client_id !== s.clientId) {
          throw new AppError('VALIDATION', 'A review must be of one of the session client’s own assignments.');
        }
        w.run(sql`
          INSERT INTO homework_review (id, session_id, assignment_id, completion, amount_done, amount_expected, quality, understood,
                                       rationale_belief, obstacles, obstacle_other, learning, plan, plan_note, next_assignment_id,
                                       position, created_at, updated_at)
          VALUES (${r.id}, ${s.id}, ${r.assignmentId}, ${r.completion}, ${r.amountDone ?? null}, ${r.amountExpected ?? null},
                  ${r.quality ?? null}, ${r.understood ?? null}, ${r.rationaleBelief ?? null}, ${JSON.stringify(r.obstacles ?? [])},
                  ${r.obstacleOther ?? null}, ${r.learning ?? null}, ${r.plan ?? null}, ${r.planNote ?? null},
                  ${r.nextAssignmentId ?? null}, ${i + 1}, ${at}, ${at})`);
      });
    }
    for (const p of records) {
      const a = assignment(p.assignmentId);
      if (p.practicedOn < a.start_date || p.practicedOn > today) {
        throw new AppError('VALIDATION', 'A practice record must fall between the assignment’s start and today.');
      }
      const answers = answersSchema(a).safeParse(p.answers);
      if (!answers.success)
        throw new AppError('VALIDATION', answers.error.issues[0]?.message ?? 'These answers do not fit the worksheet.');
      w.run(sql`
        INSERT INTO practice_record (id, assignment_id, client_id, worksheet_version_id, practiced_on, practiced_time, source,
                                     duration_minutes, ladder_step, note, answers, pdf_import_id, deleted_at, created_at, updated_at)
        VALUES (${p.id}, ${p.assignmentId}, ${a.client_id}, ${a.worksheet_version_id}, ${p.practicedOn}, ${p.practicedTime ?? null},
                ${p.source ?? 'paper'}, ${p.durationMinutes ?? null}, ${p.ladderStep ?? null}, ${p.note ?? null},
                ${JSON.stringify(answers.data)}, ${null}, ${null}, ${at}, ${at})`);
    }
    for (const c of h.chains ?? []) {
      if (assignment(c.id).client_id !== assignment(c.followsId).client_id) {
        throw new AppError('VALIDATION', 'An assignment can only follow another of the same client.');
      }
      w.run(sql`UPDATE assignment SET follows_id = ${c.followsId}, updated_at = ${at} WHERE id = ${c.id}`);
      w.run(sql`
        UPDATE assignment SET ended_reason = ${c.endedReason}, ended_at = coalesce(ended_at, ${at}), updated_at = ${at}
         WHERE id = ${c.followsId}`);
    }
    return {
      sessions: sessions.map((s) => s.id),
      reviews: sessions.flatMap((s) => s.reviews.map((r) => r.id)),
      records: records.map((r) => r.id),
    };
  });
}
