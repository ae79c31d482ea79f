import type { AuditFilter, Handlers, InternalHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from '../db/sql';
import type { AuditEventRow } from '../db/tables';

type EventView = Pick<AuditEventRow, 'id' | 'at' | 'action' | 'entity' | 'detail'> & { entityId: AuditEventRow['entity_id'] };

/** The WHERE clause of a filter: every condition a bound value, joined with AND. */
function where(f: AuditFilter & { beforeId?: number | undefined }): SqlFragment {
  const parts: SqlFragment[] = [sqlFragment`1 = 1`];
  if (f.clientId) {
    // The client's own events and those of its goals, assignments and sessions.
    parts.push(sqlFragment`(entity_id = ${f.clientId}
      OR entity_id IN (SELECT id FROM goal WHERE client_id = ${f.clientId})
      OR entity_id IN (SELECT id FROM assignment WHERE client_id = ${f.clientId})
      OR entity_id IN (SELECT id FROM session WHERE client_id = ${f.clientId}))`);
  }
  if (f.action) parts.push(sqlFragment`action = ${f.action}`);
  if (f.entity) parts.push(sqlFragment`entity = ${f.entity}`);
  if (f.from) parts.push(sqlFragment`at >= ${f.from}`);
  // Instants are UTC ISO-8601: every instant of the day `to` sorts below the next day's date.
  if (f.to) parts.push(sqlFragment`at < ${nextDay(f.to)}`);
  if (f.beforeId) parts.push(sqlFragment`id < ${f.beforeId}`);
  return sqlJoin(parts, sqlFragment` AND `);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const CSV_MAX_ROWS = 100_000;

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The seconds within which a second view of the same record is not recorded again. */
const VIEW_WINDOW_MS = 60_000;

export const auditHandlers: Handlers<CoreContext>['audit'] = {
  list: (input, core) => {
    const f = input ?? { limit: 100 };
    return core.read.all(
      sql<EventView>`
        SELECT id, at, action, entity, entity_id AS entityId, detail FROM audit_event
        WHERE ${where(f)} ORDER BY id DESC LIMIT ${f.limit ?? 100}`,
    );
  },

  csv: (input, core) => {
    const rows = core.read.all(
      sql<EventView>`
        SELECT id, at, action, entity, entity_id AS entityId, detail FROM audit_event
        WHERE ${where(input ?? {})} ORDER BY id DESC LIMIT ${CSV_MAX_ROWS}`,
    );
    const lines = ['time (UTC),action,record,record id,detail'];
    for (const r of rows) lines.push([r.at, r.action, r.entity, r.entityId, r.detail].map(csvField).join(','));
    // A byte-order mark, so spreadsheet programs read the file as UTF-8.
    return { csv: `\ufeff${lines.join('\r\n')}\r\n`, rows: rows.length };
  },

  viewed: ({ entity, entityId }, core) => {
    if (!core.read.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM client WHERE id = ${entityId}`))
      throw new AppError('NOT_FOUND', 'That client could not be found.');
    const since = new Date(core.now().getTime() - VIEW_WINDOW_MS).toISOString();
    const recent = core.read.pluck(
      sql<{ n: number }>`SELECT count(*) AS n FROM audit_event
        WHERE action = 'viewed' AND entity = ${entity} AND entity_id = ${entityId} AND at >= ${since}`,
    );
    if (recent) return { recorded: false };
    core.write({ action: 'viewed', entity, entityId }, () => undefined);
    return { recorded: true };
  },
};

/** Channels only the Electron main process sends (it records what it printed or exported). */
export const internalHandlers: InternalHandlers<CoreContext> = {
  audit: {
    record: ({ action, entity, entityId, detail }, core) => {
      core.write({ action, entity, entityId, detail }, () => undefined);
      return { recorded: true as const };
    },
  },
  idle: {
    setMinutes: ({ minutes }, core) => {
      core.setAutoLockMinutes(minutes);
      return { minutes };
    },
  },
};
