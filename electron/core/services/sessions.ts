import type { z } from 'zod';
import type { Handlers, SessionDetail } from '../../../shared/contract';
import { addDays, formatDate } from '../../../shared/dates';
import type { Session, sessionFieldsSchema } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import type { ReadDb } from '../db/handle';
import { sql, sqlFragment } from '../db/sql';
import type { ClientRow, SessionRow } from '../db/tables';
import { newId } from '../util/ids';
import { nowIso, todayIso } from '../util/clock';
import { requireClient } from './clients';

type SessionFields = z.output<typeof sessionFieldsSchema>;

export const SESSION_NOT_FOUND = 'That session could not be found.';
export const CLIENT_ARCHIVED_FOR_SESSION =
  'This client is archived, so a new session cannot be started. Restore the client first.';

/** How far ahead a session may be dated (a typing slip in the year, most often). */
const FUTURE_LIMIT_DAYS = 365;

type SessionReadRow = SessionRow & { review_count: number };

const SELECT_SESSION = sqlFragment`
  SELECT s.*, (SELECT count(*) FROM homework_review r WHERE r.session_id = s.id) AS review_count
    FROM session s`;

/** A session row in the contract's words, without the review count (the export uses it as it is). */
export const sessionFields = (r: SessionRow) => ({
  id: r.id,
  clientId: r.client_id,
  number: r.number,
  date: r.date,
  time: r.time,
  durationMinutes: r.duration_minutes,
  attendance: r.attendance,
  modality: r.modality,
  notes: r.notes,
  takeaways: r.takeaways,
  stage: r.stage,
  finishedAt: r.finished_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toSession = (r: SessionReadRow): Session => ({ ...sessionFields(r), reviewCount: r.review_count });

/** The session row, or NOT_FOUND. Used by the reviews and timeline services too. */
export function requireSession(db: ReadDb, id: string): SessionRow {
  const row = db.get(sql<SessionRow>`SELECT * FROM session WHERE id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', SESSION_NOT_FOUND);
  return row;
}

export function readSession(db: ReadDb, id: string): Session {
  const row = db.get(sql<SessionReadRow>`${SELECT_SESSION} WHERE s.id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', SESSION_NOT_FOUND);
  return toSession(row);
}

/**
 * The attended session before this one (by date, then number), if any: what "since the last
 * session" counts from. Cancelled sessions and ones the client did not attend reviewed nothing.
 */
export function previousSession(db: ReadDb, s: Pick<SessionRow, 'id' | 'client_id' | 'date' | 'number'>): SessionRow | null {
  return (
    db.get(
      sql<SessionRow>`
        SELECT * FROM session
         WHERE client_id = ${s.client_id} AND id <> ${s.id} AND attendance = 'attended'
           AND (date < ${s.date} OR (date = ${s.date} AND number < ${s.number}))
         ORDER BY date DESC, number DESC LIMIT 1`,
    ) ?? null
  );
}

/** Refuses a date far in the future or before the client started, at the date field. */
function checkDate(core: CoreContext, client: ClientRow, date: string): void {
  const latest = addDays(todayIso(core), FUTURE_LIMIT_DAYS);
  let message: string | null = null;
  if (date > latest) {
    message = 'That date is more than a year from today. Please check the year.';
  } else if (date < client.start_date) {
    message = `That date is before this client started (${formatDate(client.start_date, 'en-GB')}). Please check the date, or change the client’s start date first.`;
  }
  if (message) throw new AppError('VALIDATION', message, { date: message });
}

const nextNumber = (db: ReadDb, clientId: string): number =>
  (db.pluck(sql<{ n: number | null }>`SELECT max(number) AS n FROM session WHERE client_id = ${clientId}`) ?? 0) + 1;

export const sessionsHandlers: Handlers<CoreContext>['sessions'] = {
  list: ({ clientId }, core) => {
    const db = core.read;
    requireClient(db, clientId);
    return db
      .all(
        sql<SessionReadRow>`${SELECT_SESSION} WHERE s.client_id = ${clientId} ORDER BY s.date DESC, s.number DESC, s.created_at DESC`,
      )
      .map(toSession);
  },

  get: ({ id }, core): SessionDetail => {
    const db = core.read;
    const s = readSession(db, id);
    const row = requireSession(db, id);
    const client = requireClient(db, s.clientId);
    return {
      ...s,
      clientName: client.name,
      clientPreferredName: client.preferred_name,
      previousDate: previousSession(db, row)?.date ?? null,
    };
  },

  create: (input, core) => {
    const id = newId();
    const at = nowIso(core);
    return core.write({ action: 'created', entity: 'session', entityId: id }, (w) => {
      const client = requireClient(w, input.clientId);
      if (client.status !== 'active') throw new AppError('CONFLICT', CLIENT_ARCHIVED_FOR_SESSION);
      checkDate(core, client, input.date);
      const number = input.number ?? nextNumber(w, input.clientId);
      w.run(sql`
        INSERT INTO session (id, client_id, number, date, time, duration_minutes, attendance, modality, notes, takeaways,
                             stage, finished_at, created_at, updated_at)
        VALUES (${id}, ${input.clientId}, ${number}, ${input.date}, ${input.time}, ${input.durationMinutes},
                ${input.attendance}, ${input.modality}, ${input.notes}, ${input.takeaways},
                'review', NULL, ${at}, ${at})`);
      return readSession(w, id);
    });
  },

  update: ({ id, fields, stage }, core) =>
    core.write({ action: 'changed', entity: 'session', entityId: id }, (w) => {
      const row = requireSession(w, id);
      const f: Partial<SessionFields> = fields ?? {};
      if (f.date !== undefined && f.date !== row.date) checkDate(core, requireClient(w, row.client_id), f.date);
      const pick = <K extends keyof SessionFields & keyof typeof map>(k: K) => (f[k] !== undefined ? f[k] : map[k]);
      const map = {
        date: row.date,
        time: row.time,
        durationMinutes: row.duration_minutes,
        number: row.number,
        attendance: row.attendance,
        modality: row.modality,
        notes: row.notes,
        takeaways: row.takeaways,
      };
      w.run(sql`
        UPDATE session
           SET date = ${pick('date')}, time = ${pick('time')}, duration_minutes = ${pick('durationMinutes')},
               number = ${pick('number') ?? row.number}, attendance = ${pick('attendance')}, modality = ${pick('modality')},
               notes = ${pick('notes')}, takeaways = ${pick('takeaways')}, stage = ${stage ?? row.stage},
               updated_at = ${nowIso(core)}
         WHERE id = ${id}`);
      return readSession(w, id);
    }),

  finish: ({ id }, core) => {
    core.write(
      (changed: boolean) => (changed ? { action: 'changed', entity: 'session', entityId: id, detail: 'finished' } : []),
      (w) => {
        const row = requireSession(w, id);
        if (row.finished_at !== null) return false;
        const at = nowIso(core);
        w.run(sql`UPDATE session SET finished_at = ${at}, stage = 'finish', updated_at = ${at} WHERE id = ${id}`);
        return true;
      },
    );
    return readSession(core.read, id);
  },

  reopen: ({ id }, core) => {
    core.write(
      (changed: boolean) => (changed ? { action: 'changed', entity: 'session', entityId: id, detail: 'reopened' } : []),
      (w) => {
        const row = requireSession(w, id);
        if (row.finished_at === null) return false;
        w.run(sql`UPDATE session SET finished_at = NULL, updated_at = ${nowIso(core)} WHERE id = ${id}`);
        return true;
      },
    );
    return readSession(core.read, id);
  },

  remove: ({ id }, core) =>
    core.write({ action: 'deleted', entity: 'session', entityId: id }, (w) => {
      requireSession(w, id);
      // The reviews go with it; assignments a plan made (and practice records) stay.
      w.run(sql`DELETE FROM homework_review WHERE session_id = ${id}`);
      w.run(sql`DELETE FROM session WHERE id = ${id}`);
      return { id };
    }),
};
