import type { z } from 'zod';
import type { Handlers, ReviewItem } from '../../../shared/contract';
import { daysBetween } from '../../../shared/dates';
import type { Review, reviewFieldsSchema } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { Frequency } from '../../../shared/worksheet';
import type { AuditEvent, CoreContext } from '../core';
import type { ReadDb, WriteDb } from '../db/handle';
import { sql } from '../db/sql';
import type { AssignmentRow, HomeworkReviewRow, PracticeRecordRow, SessionRow } from '../db/tables';
import type { PlanRequest } from '../../../shared/contract';
import { newId } from '../util/ids';
import { nowIso } from '../util/clock';
import { ASSIGNMENT_NOT_FOUND, assignmentDetail, currentVersionId, readAssignment, tailoring } from './assignments';
import { previousSession, requireSession } from './sessions';
import { requireAssignableWorksheet } from './library';

type ReviewFields = z.output<typeof reviewFieldsSchema>;

const toReview = (r: HomeworkReviewRow): Review => ({
  id: r.id,
  sessionId: r.session_id,
  assignmentId: r.assignment_id,
  completion: r.completion,
  amountDone: r.amount_done,
  amountExpected: r.amount_expected,
  quality: r.quality,
  understood: r.understood,
  rationaleBelief: r.rationale_belief,
  obstacles: JSON.parse(r.obstacles) as Review['obstacles'],
  obstacleOther: r.obstacle_other,
  learning: r.learning,
  plan: r.plan,
  planNote: r.plan_note,
  nextAssignmentId: r.next_assignment_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const reviewRow = (db: ReadDb, sessionId: string, assignmentId: string): HomeworkReviewRow | undefined =>
  db.get(
    sql<HomeworkReviewRow>`SELECT * FROM homework_review WHERE session_id = ${sessionId} AND assignment_id = ${assignmentId}`,
  );

/** The assignment, which must belong to the session's client. */
function requireAssignmentOf(db: ReadDb, assignmentId: string, session: SessionRow): AssignmentRow {
  const a = db.get(sql<AssignmentRow>`SELECT * FROM assignment WHERE id = ${assignmentId}`);
  if (!a) throw new AppError('NOT_FOUND', ASSIGNMENT_NOT_FOUND);
  if (a.client_id !== session.client_id) {
    throw new AppError('VALIDATION', 'That homework belongs to another client, so it cannot be reviewed in this session.');
  }
  return a;
}

/** How many practices the frequency asks for in a period of `days` days. */
export function expectedPractices(frequency: Frequency, days: number): number {
  if (frequency.kind === 'once') return 1;
  if (frequency.kind === 'daily') return Math.max(1, days);
  return Math.max(1, Math.round((frequency.times * days) / 7));
}

/**
 * What the practice records suggest for one assignment in one session: the distinct days practised
 * from the previous session (or the assignment's start, whichever is later) up to the day before
 * this session, against what the frequency asked for in that period.
 */
function proposal(db: ReadDb, a: AssignmentRow, session: SessionRow, previousDate: string | null): ReviewItem['proposal'] {
  const from = previousDate && previousDate > a.start_date ? previousDate : a.start_date;
  const to = session.date;
  const counts = db.get(
    sql<{ days: number; records: number } & Partial<PracticeRecordRow>>`
      SELECT count(DISTINCT practiced_on) AS days, count(*) AS records
        FROM practice_record
       WHERE assignment_id = ${a.id} AND deleted_at IS NULL AND practiced_on >= ${from} AND practiced_on < ${to}`,
  ) ?? { days: 0, records: 0 };
  const days = Math.max(0, daysBetween(from, to));
  return {
    from,
    to,
    done: counts.days,
    expected: expectedPractices(JSON.parse(a.frequency) as Frequency, days),
    records: counts.records,
  };
}

/**
 * The assignments a session reviews, oldest first: every one that is active, whose due date fell
 * since the previous session, or that this session already reviewed. Homework given during or
 * after this session (a plan's follow-on, new homework) waits for the next one.
 */
function assignmentsToReview(db: ReadDb, session: SessionRow, previousDate: string | null): AssignmentRow[] {
  const since = previousDate ?? '0000-01-01';
  return db.all(
    sql<AssignmentRow>`
      SELECT a.* FROM assignment a
       WHERE a.client_id = ${session.client_id}
         AND (
           a.id IN (SELECT assignment_id FROM homework_review WHERE session_id = ${session.id})
           OR (
             a.created_at <= ${session.created_at} AND a.start_date <= ${session.date}
             AND a.id NOT IN (SELECT next_assignment_id FROM homework_review
                               WHERE session_id = ${session.id} AND next_assignment_id IS NOT NULL)
             AND (a.status = 'active' OR (a.due_date IS NOT NULL AND a.due_date > ${since} AND a.due_date <= ${session.date}))
           )
         )
       ORDER BY a.start_date, a.created_at, a.rowid`,
  );
}

/** Inserts or updates the review row of one assignment in one session; returns its id. */
function upsertReview(
  w: WriteDb,
  at: string,
  session: SessionRow,
  assignmentId: string,
  fields: Partial<ReviewFields>,
  keepPlan: boolean,
): { id: string; created: boolean } {
  const existing = reviewRow(w, session.id, assignmentId);
  if (!existing) {
    const id = newId();
    const position =
      (w.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM homework_review WHERE session_id = ${session.id}`) ?? 0) + 1;
    w.run(sql`
      INSERT INTO homework_review (id, session_id, assignment_id, completion, amount_done, amount_expected, quality, understood,
                                   rationale_belief, obstacles, obstacle_other, learning, plan, plan_note, next_assignment_id,
                                   position, created_at, updated_at)
      VALUES (${id}, ${session.id}, ${assignmentId}, ${fields.completion ?? null}, ${fields.amountDone ?? null},
              ${fields.amountExpected ?? null}, ${fields.quality ?? null}, ${fields.understood ?? null},
              ${fields.rationaleBelief ?? null}, ${JSON.stringify(fields.obstacles ?? [])}, ${fields.obstacleOther ?? null},
              ${fields.learning ?? null}, ${fields.plan ?? null}, ${fields.planNote ?? null}, NULL,
              ${position}, ${at}, ${at})`);
    return { id, created: true };
  }
  const plan = keepPlan || fields.plan === undefined ? existing.plan : fields.plan;
  const planNote = keepPlan || fields.planNote === undefined ? existing.plan_note : fields.planNote;
  w.run(sql`
    UPDATE homework_review
       SET completion = ${fields.completion ?? null}, amount_done = ${fields.amountDone ?? null},
           amount_expected = ${fields.amountExpected ?? null}, quality = ${fields.quality ?? null},
           understood = ${fields.understood ?? null}, rationale_belief = ${fields.rationaleBelief ?? null},
           obstacles = ${JSON.stringify(fields.obstacles ?? [])}, obstacle_other = ${fields.obstacleOther ?? null},
           learning = ${fields.learning ?? null}, plan = ${plan ?? null}, plan_note = ${planNote ?? null}, updated_at = ${at}
     WHERE id = ${existing.id}`);
  return { id: existing.id, created: false };
}

const readReview = (db: ReadDb, id: string): Review =>
  toReview(db.get(sql<HomeworkReviewRow>`SELECT * FROM homework_review WHERE id = ${id}`)!);

const fieldsOf = (r: HomeworkReviewRow): Partial<ReviewFields> => ({
  completion: r.completion,
  amountDone: r.amount_done,
  amountExpected: r.amount_expected,
  quality: r.quality,
  understood: r.understood,
  rationaleBelief: r.rationale_belief,
  obstacles: JSON.parse(r.obstacles) as ReviewFields['obstacles'],
  obstacleOther: r.obstacle_other,
  learning: r.learning,
});

type Next = NonNullable<PlanRequest['next']>;
type AssignmentFields = Parameters<typeof tailoring>[0];

/**
 * The follow-on assignment's tailoring: what the plan gave, the rest carried over from the
 * assignment it follows (the step only for a modified one); it starts on the session's day.
 */
function followOnFields(old: AssignmentRow, session: SessionRow, next: Next | undefined, keepStep: boolean): AssignmentFields {
  const f: AssignmentFields = {
    goalId: next?.goalId !== undefined ? (next.goalId ?? null) : old.goal_id,
    personalInstructions:
      next?.personalInstructions !== undefined ? (next.personalInstructions ?? null) : old.personal_instructions,
    agreedRationale: next?.agreedRationale !== undefined ? (next.agreedRationale ?? null) : old.agreed_rationale,
    frequency: next?.frequency ?? (JSON.parse(old.frequency) as Frequency),
    startDate: next?.startDate ?? session.date,
    dueDate: next?.dueDate ?? null,
    step:
      next?.step !== undefined
        ? (next.step ?? null)
        : keepStep && old.step_current !== null && old.step_total !== null
          ? { current: old.step_current, total: old.step_total }
          : null,
    phase: next?.phase ?? old.phase,
  };
  if (f.dueDate && f.dueDate < f.startDate) {
    const message = 'The due date is before the start date.';
    throw new AppError('VALIDATION', message, { 'next.dueDate': message });
  }
  return f;
}

const PLAN_ENDED =
  'The plan for this homework has already been carried out: it is no longer active. Open the homework itself to change it.';

export const reviewsHandlers: Handlers<CoreContext>['reviews'] = {
  items: ({ sessionId }, core) => {
    const db = core.read;
    const session = requireSession(db, sessionId);
    const previousDate = previousSession(db, session)?.date ?? null;
    return assignmentsToReview(db, session, previousDate).map((a) => {
      const { definition, clientName: _clientName, ...assignment } = assignmentDetail(core, a.id);
      const r = reviewRow(db, sessionId, a.id);
      return { assignment, definition, review: r ? toReview(r) : null, proposal: proposal(db, a, session, previousDate) };
    });
  },

  save: ({ sessionId, assignmentId, review }, core) => {
    const at = nowIso(core);
    let created = false;
    const id = core.write(
      (rid: string) => ({ action: created ? 'created' : 'changed', entity: 'homework_review', entityId: rid }),
      (w) => {
        const session = requireSession(w, sessionId);
        const a = requireAssignmentOf(w, assignmentId, session);
        const existing = reviewRow(w, sessionId, assignmentId);
        // Once a plan has been carried out, it stays as recorded.
        const keepPlan = existing !== undefined && (existing.next_assignment_id !== null || a.status !== 'active');
        const r = upsertReview(w, at, session, assignmentId, review, keepPlan);
        created = r.created;
        return r.id;
      },
    );
    return readReview(core.read, id);
  },

  plan: ({ sessionId, assignmentId, plan, note, next }, core) => {
    const at = nowIso(core);
    const events: AuditEvent[] = [];
    const { reviewId, nextId } = core.write(
      () => events,
      (w) => {
        const session = requireSession(w, sessionId);
        const old = requireAssignmentOf(w, assignmentId, session);
        if (old.status !== 'active') throw new AppError('CONFLICT', PLAN_ENDED);
        const noteText = note ?? null;

        let nextId: string | null = null;
        const follow = (versionId: string, keepStep: boolean, endStatus: 'completed' | 'discontinued', reason: string) => {
          const t = tailoring(followOnFields(old, session, next, keepStep));
          nextId = newId();
          w.run(sql`
            INSERT INTO assignment (id, client_id, worksheet_version_id,
                                    goal_id, personal_instructions, agreed_rationale, frequency, start_date, due_date,
                                    step_current, step_total, phase, status, follows_id, created_at, updated_at, prefill)
            VALUES (${nextId}, ${old.client_id}, ${versionId},
                    ${t.goal_id}, ${t.personal_instructions}, ${t.agreed_rationale}, ${t.frequency}, ${t.start_date}, ${t.due_date},
                    ${t.step_current}, ${t.step_total}, ${t.phase}, 'active', ${old.id}, ${at}, ${at},
                    ${versionId === old.worksheet_version_id ? old.prefill : null})`);
          events.push({ action: 'created', entity: 'assignment', entityId: nextId, detail: `follows ${old.id}` });
          end(endStatus, reason);
        };
        const end = (status: 'completed' | 'discontinued', reason: string) => {
          w.run(sql`
            UPDATE assignment SET status = ${status}, ended_reason = ${reason}, ended_at = ${at}, updated_at = ${at}
             WHERE id = ${old.id}`);
          events.push({ action: 'changed', entity: 'assignment', entityId: old.id, detail: `status ${status}` });
        };

        switch (plan) {
          case 'continue':
            if (next?.dueDate !== undefined && next.dueDate !== old.due_date) {
              if (next.dueDate && next.dueDate < old.start_date) {
                const message = 'The new due date is before the homework started.';
                throw new AppError('VALIDATION', message, { 'next.dueDate': message });
              }
              w.run(sql`UPDATE assignment SET due_date = ${next.dueDate}, updated_at = ${at} WHERE id = ${old.id}`);
              events.push({ action: 'changed', entity: 'assignment', entityId: old.id, detail: 'due date' });
            }
            break;
          case 'modify':
            follow(old.worksheet_version_id, true, 'completed', 'modified');
            break;
          case 'replace': {
            if (!next?.worksheetId) {
              const message = 'Please choose the worksheet to use instead.';
              throw new AppError('VALIDATION', message, { 'next.worksheetId': message });
            }
            const ws = requireAssignableWorksheet(w, next.worksheetId);
            if (ws.archived === 1) {
              const message = 'That worksheet is archived. Restore it in the library, or choose another.';
              throw new AppError('VALIDATION', message, { 'next.worksheetId': message });
            }
            follow(currentVersionId(w, next.worksheetId), false, 'discontinued', 'replaced');
            break;
          }
          case 'completed':
            end('completed', 'completed');
            break;
          case 'discontinued':
            if (!noteText) {
              const message = 'Please say why this homework is discontinued (a few words are enough).';
              throw new AppError('VALIDATION', message, { note: message });
            }
            end('discontinued', noteText);
            break;
        }

        const existing = reviewRow(w, sessionId, assignmentId);
        const r = upsertReview(w, at, session, assignmentId, existing ? fieldsOf(existing) : {}, false);
        w.run(sql`
          UPDATE homework_review SET plan = ${plan}, plan_note = ${noteText}, next_assignment_id = ${nextId}, updated_at = ${at}
           WHERE id = ${r.id}`);
        events.unshift({
          action: r.created ? 'created' : 'changed',
          entity: 'homework_review',
          entityId: r.id,
          detail: `plan ${plan}`,
        });
        return { reviewId: r.id, nextId: nextId as string | null };
      },
    );
    return {
      review: readReview(core.read, reviewId),
      nextAssignment: nextId ? readAssignment(core, core.read, nextId) : null,
    };
  },

  ofAssignment: ({ assignmentId }, core) => {
    const db = core.read;
    if (!db.get(sql<Pick<AssignmentRow, 'id'>>`SELECT id FROM assignment WHERE id = ${assignmentId}`)) {
      throw new AppError('NOT_FOUND', ASSIGNMENT_NOT_FOUND);
    }
    return db
      .all(
        sql<HomeworkReviewRow & { session_date: string }>`
          SELECT r.*, s.date AS session_date FROM homework_review r JOIN session s ON s.id = r.session_id
           WHERE r.assignment_id = ${assignmentId}
           ORDER BY s.date, s.number`,
      )
      .map((r) => ({ ...toReview(r), sessionDate: r.session_date }));
  },
};
