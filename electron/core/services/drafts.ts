import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import { sql } from '../db/sql';
import type { DraftRow } from '../db/tables';

/** At most this many drafts are kept; saving one more removes the oldest. */
const MAX_DRAFTS = 200;

/*
 * Drafts are not clinical records: saving or discarding one records no audit event (they are
 * written every time Stepwise locks with a form open). Their content is encrypted with the vault.
 */
export const draftsHandlers: Handlers<CoreContext>['drafts'] = {
  save: ({ formKey, data }, core) => {
    try {
      JSON.parse(data);
    } catch {
      throw new AppError('VALIDATION', 'That draft could not be read.');
    }
    const savedAt = core.now().toISOString();
    core.write([], (w) => {
      w.run(sql`INSERT INTO draft (form_key, data, saved_at) VALUES (${formKey}, ${data}, ${savedAt})
                ON CONFLICT(form_key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`);
      w.run(sql`DELETE FROM draft WHERE form_key NOT IN (SELECT form_key FROM draft ORDER BY saved_at DESC LIMIT ${MAX_DRAFTS})`);
    });
    return { savedAt };
  },

  get: ({ formKey }, core) => {
    const row = core.read.get(sql<DraftRow>`SELECT form_key, data, saved_at FROM draft WHERE form_key = ${formKey}`);
    return row ? { formKey: row.form_key, data: row.data, savedAt: row.saved_at } : null;
  },

  discard: ({ formKey }, core) => {
    const discarded = core.write([], (w) => w.run(sql`DELETE FROM draft WHERE form_key = ${formKey}`).changes > 0);
    return { discarded };
  },

  list: (_input, core) =>
    core.read
      .all(sql<Pick<DraftRow, 'form_key' | 'saved_at'>>`SELECT form_key, saved_at FROM draft ORDER BY saved_at DESC`)
      .map((r) => ({ formKey: r.form_key, savedAt: r.saved_at })),
};
