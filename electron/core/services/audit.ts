import type { Handlers, InternalHandlers } from '../../../shared/contract';
import type { CoreContext } from '../core';
import { sql } from '../db/sql';
import type { AuditEventRow } from '../db/tables';

export const auditHandlers: Handlers<CoreContext>['audit'] = {
  list: (input, core) =>
    core.read.all(
      sql<Pick<AuditEventRow, 'at' | 'action' | 'entity' | 'detail'> & { entityId: AuditEventRow['entity_id'] }>`
        SELECT at, action, entity, entity_id AS entityId, detail FROM audit_event ORDER BY id DESC LIMIT ${input?.limit ?? 100}`,
    ),
};

/** Channels only the Electron main process sends (it records what it printed or exported). */
export const internalHandlers: InternalHandlers<CoreContext> = {
  audit: {
    record: ({ action, entity, entityId, detail }, core) => {
      core.write({ action, entity, entityId, detail }, () => undefined);
      return { recorded: true as const };
    },
  },
};
