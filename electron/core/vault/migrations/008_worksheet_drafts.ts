import type { Migration } from './index';

/**
 * Worksheets saved as drafts (issue 11): the designer's "Save as draft", for a worksheet that is
 * not complete yet. A draft is not a version: it cannot be assigned, printed or put in a packet
 * until it is saved as a worksheet ("Save"), which checks it with the worksheet schema and turns
 * it into a version (and removes the draft, in the same transaction).
 *
 * - `worksheet_id` is null for a new worksheet that was never saved (on saving, the worksheet
 *   takes the draft's id, so links to it keep working); it is set for changes to a worksheet
 *   already in the library, kept as a draft while its saved version stays as it is and can still
 *   be assigned. One such draft per worksheet.
 * - `base_version` is the version those changes started from: saving them over a newer version
 *   is refused, as the designer's save is.
 * - `definition` is JSON, checked by `worksheetDraftDefinitionSchema` (the worksheet's size
 *   limits, nothing required).
 *
 * Not client data (the library, shared by every client): erasure leaves it; the vault export
 * lists drafts; backups hold them as they hold everything.
 */
export const m008: Migration = {
  version: 8,
  name: 'worksheet-drafts',
  up(db) {
    db.exec(`
      CREATE TABLE worksheet_draft (
        id           TEXT PRIMARY KEY,
        worksheet_id TEXT UNIQUE REFERENCES worksheet(id),
        base_version INTEGER,
        definition   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        CHECK ((worksheet_id IS NULL) = (base_version IS NULL))
      ) STRICT;
    `);
  },
};
