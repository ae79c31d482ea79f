import type { Migration } from './index';

/**
 * Tailored content: what an assignment fills in before the client sees the worksheet (ladder
 * steps with their ratings, table rows, the fear a goal names) and how many rows a ladder or table
 * prints. JSON checked against the worksheet version (shared/worksheet/prefill.ts); NULL when
 * nothing was filled in. And when an assignment moved to a newer version of its worksheet.
 */
export const m006: Migration = {
  version: 6,
  name: 'tailoring',
  up(db) {
    db.exec(`
      ALTER TABLE assignment ADD COLUMN prefill TEXT;   -- JSON {values, rows}, or NULL
      ALTER TABLE assignment ADD COLUMN moved_at TEXT;  -- UTC instant of the last move to a newer version
    `);
  },
};
