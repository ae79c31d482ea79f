import type { Handlers, TimelineItem, TimelineKind } from '../../../shared/contract';
import { localIsoDate } from '../../../shared/dates';
import { ATTENDANCE_LABELS, COMPLETION_LABELS, MODALITY_LABELS, PLAN_LABELS } from '../../../shared/domain';
import type { CoreContext } from '../core';
import { sql } from '../db/sql';
import type { AssignmentRow, HomeworkReviewRow, PracticeRecordRow, SessionRow } from '../db/tables';
import { requireClient } from './clients';
import { versionHead } from './library';

const ENDED_WORDS: Record<string, string> = {
  modified: 'stepped on (modified)',
  replaced: 'replaced',
  completed: 'completed',
  discontinued: 'discontinued',
};

const SOURCE_WORDS: Record<PracticeRecordRow['source'], string> = {
  paper: 'typed from paper',
  pdf: 'from a filled PDF',
  session: 'in session',
};

/**
 * The order of one day's events as they happen: the day's practice, then the session, its reviews,
 * the homework a plan ended, and what was assigned. Listed newest first, so in reverse.
 */
const DAY_ORDER: Record<string, number> = { practice: 0, session: 1, review: 2, 'assignment-ended': 3, 'assignment-created': 4 };

export const timelineHandlers: Handlers<CoreContext>['timeline'] = {
  list: ({ clientId, kinds, limit }, core) => {
    const db = core.read;
    requireClient(db, clientId);
    const want = new Set<TimelineKind>(kinds && kinds.length > 0 ? kinds : ['session', 'review', 'practice', 'assignment']);
    const items: (TimelineItem & { order: number; at: string })[] = [];

    // Worksheet titles, read once per version (and kept for the open vault: versions never change).
    const titleOf = (versionId: string): string => versionHead(core, db, versionId).title;

    if (want.has('session')) {
      // Each list is cut in SQL to its newest `limit` items (in the final order: day, then entry),
      // read backwards off an index: only those can be among the newest `limit` items overall, so
      // the first page costs the same after twenty years of sessions as after one.
      const sessions = db.all(
        sql<SessionRow>`SELECT * FROM session WHERE client_id = ${clientId} ORDER BY date DESC, created_at DESC LIMIT ${limit}`,
      );
      for (const s of sessions) {
        items.push({
          kind: 'session',
          date: s.date,
          id: s.id,
          title: `Session ${s.number} — ${ATTENDANCE_LABELS[s.attendance].toLowerCase()}`,
          detail: [MODALITY_LABELS[s.modality], s.finished_at ? null : 'not finished yet'].filter(Boolean).join(' · '),
          assignmentId: null,
          sessionId: s.id,
          order: DAY_ORDER.session!,
          at: s.created_at,
        });
      }
    }

    if (want.has('review')) {
      const rows = db.all(
        sql<HomeworkReviewRow & Pick<SessionRow, 'date' | 'number'> & Pick<AssignmentRow, 'worksheet_version_id'>>`
          SELECT r.*, s.date, s.number, a.worksheet_version_id
            FROM homework_review r JOIN session s ON s.id = r.session_id JOIN assignment a ON a.id = r.assignment_id
           WHERE s.client_id = ${clientId}
           ORDER BY s.date DESC, r.created_at DESC LIMIT ${limit}`,
      );
      for (const r of rows) {
        const amount = r.amount_done !== null && r.amount_expected !== null ? ` (${r.amount_done} of ${r.amount_expected})` : '';
        items.push({
          kind: 'review',
          date: r.date,
          id: r.id,
          title: `Reviewed ${titleOf(r.worksheet_version_id)}: ${r.completion ? COMPLETION_LABELS[r.completion].toLowerCase() : 'not rated'}${amount}`,
          detail:
            [r.quality !== null ? `Quality ${r.quality} of 4` : null, r.plan ? `Plan: ${PLAN_LABELS[r.plan]}` : null]
              .filter(Boolean)
              .join(' · ') || null,
          assignmentId: r.assignment_id,
          sessionId: r.session_id,
          order: DAY_ORDER.review!,
          at: r.created_at,
        });
      }
    }

    if (want.has('practice')) {
      const rows = db.all(
        // Only the newest `limit` records can be among the newest `limit` items: practice is by far
        // the longest list (years of daily records), so it is cut in SQL, in the order of the index
        // practice_client_newest (day, time of day, entry), which reads no more than `limit` rows.
        sql<PracticeRecordRow>`
          SELECT * FROM practice_record WHERE client_id = ${clientId} AND deleted_at IS NULL
           ORDER BY practiced_on DESC, coalesce(practiced_time, '') DESC, created_at DESC, rowid DESC LIMIT ${limit}`,
      );
      for (const p of rows) {
        const parts = [
          SOURCE_WORDS[p.source],
          p.ladder_step !== null ? `step ${p.ladder_step}` : null,
          p.duration_minutes !== null ? `${p.duration_minutes} min` : null,
        ];
        items.push({
          kind: 'practice',
          date: p.practiced_on,
          id: p.id,
          title: `Practised ${titleOf(p.worksheet_version_id)}`,
          detail: parts.filter(Boolean).join(' · '),
          assignmentId: p.assignment_id,
          sessionId: null,
          order: DAY_ORDER.practice!,
          at: p.created_at,
        });
      }
    }

    if (want.has('assignment')) {
      for (const a of db.all(sql<AssignmentRow>`SELECT * FROM assignment WHERE client_id = ${clientId}`)) {
        const title = titleOf(a.worksheet_version_id);
        const step = a.step_current !== null && a.step_total !== null ? `, step ${a.step_current} of ${a.step_total}` : '';
        items.push({
          kind: 'assignment',
          date: a.start_date,
          id: a.id,
          title: `${a.follows_id ? 'Next step assigned' : 'Assigned'}: ${title}${step}`,
          detail: null,
          assignmentId: a.id,
          sessionId: null,
          order: DAY_ORDER['assignment-created']!,
          at: a.created_at,
        });
        if (a.status !== 'active') {
          const endedOn = a.ended_at ? localIsoDate(new Date(a.ended_at)) : localIsoDate(new Date(a.updated_at));
          const reason = a.ended_reason ?? a.status;
          const known = ENDED_WORDS[reason];
          items.push({
            kind: 'assignment',
            date: endedOn,
            id: a.id,
            title: `${title}${step} ${known ?? 'discontinued'}`,
            detail: known ? null : `Reason: ${reason}`,
            assignmentId: a.id,
            sessionId: null,
            order: DAY_ORDER['assignment-ended']!,
            at: a.ended_at ?? a.updated_at,
          });
        }
      }
    }

    return items
      .sort((x, y) =>
        x.date !== y.date ? (x.date < y.date ? 1 : -1) : y.order - x.order || (x.at < y.at ? 1 : x.at > y.at ? -1 : 0),
      )
      .slice(0, limit)
      .map(({ order: _order, at: _at, ...item }) => item);
  },
};
