/**
 * The caseload's flags as they were computed before issue 12's tuning (commit e0533d9): three
 * queries per client, every column of every result. Kept as the straightforward answer the tuned
 * service must equal (tests/integration/progress-scale.test.ts). Not used by the app.
 */
import { caseloadFlags, type Administration, type SessionAdherence } from '../../../shared/measures';
import type { CoreContext } from '../../../electron/core/core';
import type { ReadDb } from '../../../electron/core/db/handle';
import { sql } from '../../../electron/core/db/sql';
import type { ClientRow, HomeworkReviewRow, MeasureResultRow, SessionRow } from '../../../electron/core/db/tables';
import { todayIso } from '../../../electron/core/util/clock';
import { rciOverrides } from '../../../electron/core/services/measures';

const toAdministration = (r: MeasureResultRow): Administration => ({
  id: r.id,
  measure: r.measure,
  administeredOn: r.administered_on,
  sessionId: r.session_id,
  total: r.total,
  createdAt: r.created_at,
});

function reviewAmounts(
  r: Pick<HomeworkReviewRow, 'completion' | 'amount_done' | 'amount_expected'>,
): { done: number; expected: number } | null {
  if (r.amount_expected !== null && r.amount_expected > 0)
    return { done: Math.min(r.amount_done ?? 0, r.amount_expected), expected: r.amount_expected };
  if (r.completion === 'full') return { done: 1, expected: 1 };
  if (r.completion === 'partial') return { done: 0.5, expected: 1 };
  if (r.completion === 'not-done' || r.completion === 'not-attempted') return { done: 0, expected: 1 };
  return null;
}

function adherenceOf(db: ReadDb, clientId: string, attended: readonly SessionRow[]): SessionAdherence[] {
  const reviews = db.all(
    sql<Pick<HomeworkReviewRow, 'session_id' | 'completion' | 'amount_done' | 'amount_expected'>>`
      SELECT r.session_id, r.completion, r.amount_done, r.amount_expected
        FROM homework_review r JOIN session s ON s.id = r.session_id
       WHERE s.client_id = ${clientId} AND s.attendance = 'attended'`,
  );
  const ordered = [...attended].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number));
  const out: SessionAdherence[] = [];
  ordered.forEach((s, i) => {
    let done = 0;
    let expected = 0;
    for (const r of reviews) {
      if (r.session_id !== s.id) continue;
      const a = reviewAmounts(r);
      if (!a) continue;
      done += a.done;
      expected += a.expected;
    }
    if (expected > 0) out.push({ date: s.date, previousDate: i > 0 ? ordered[i - 1]!.date : null, done, expected });
  });
  return out;
}

export function caseloadReference(core: CoreContext) {
  const db = core.read;
  const today = todayIso(core);
  const rci = rciOverrides(db);
  const clients = db.all(
    sql<ClientRow>`
      SELECT * FROM client c
       WHERE c.status = 'active'
          OR EXISTS (SELECT 1 FROM measure_result m WHERE m.client_id = c.id AND m.item9 > 0 AND m.item9_ack_at IS NULL)
       ORDER BY c.name COLLATE NOCASE, c.id`,
  );
  const out = [];
  for (const c of clients) {
    const attended = db.all(sql<SessionRow>`SELECT * FROM session WHERE client_id = ${c.id} AND attendance = 'attended'`);
    const results = db.all(
      sql<MeasureResultRow>`SELECT * FROM measure_result WHERE client_id = ${c.id} ORDER BY administered_on, created_at, rowid`,
    );
    const flags = caseloadFlags({
      today,
      active: c.status === 'active',
      attendedSessionDates: attended.map((s) => s.date),
      administrations: results.map(toAdministration),
      openItem9: results
        .filter((r) => (r.item9 ?? 0) > 0 && r.item9_ack_at === null)
        .map((r) => ({ resultId: r.id, administeredOn: r.administered_on, answer: r.item9! })),
      adherence: adherenceOf(db, c.id, attended),
      rci,
    });
    if (flags.length > 0) {
      out.push({ clientId: c.id, clientName: c.name, clientPreferredName: c.preferred_name, clientStatus: c.status, flags });
    }
  }
  return out;
}
