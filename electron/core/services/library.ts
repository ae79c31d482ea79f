import type { Handlers } from '../../../shared/contract';
import type { WorksheetDetail, WorksheetSummary } from '../../../shared/domain';
import { BUILT_IN_WORKSHEETS, type BuiltInWorksheet } from '../../../shared/library';
import { AppError } from '../../../shared/result';
import { LIMITS, worksheetDefinitionSchema, type WorksheetDefinition } from '../../../shared/worksheet';
import type { Core } from '../core';
import type { Db } from '../vault/vault';
import { newId } from '../util/ids';
import { nowIso } from '../util/clock';
import { compareText, matchesSearch } from '../util/text';
import { canonicalJson } from '../util/json';

export const WORKSHEET_NOT_FOUND = 'That worksheet could not be found.';
export const BUILT_IN_READ_ONLY = 'Built-in worksheets cannot be changed. Duplicate it to make your own version.';
export const STALE_VERSION =
  'This worksheet was changed elsewhere since you opened it. Your changes were not saved: reopen the worksheet to see the latest version, then make your changes again.';

interface WorksheetRow {
  id: string;
  builtin_key: string | null;
  current_version: number;
  archived: 0 | 1;
  derived_from: string | null;
  created_at: string;
  updated_at: string;
}

interface SummaryRow extends WorksheetRow {
  version_id: string;
  definition: string;
  assignment_count: number;
  derived_definition: string | null;
}

interface VersionRow {
  id: string;
  worksheet_id: string;
  version: number;
  definition: string;
  created_at: string;
}

/** Stored definitions were validated (and given their defaults) before they were written. */
export const readDefinition = (json: string): WorksheetDefinition => JSON.parse(json) as WorksheetDefinition;

const sameDefinition = (a: WorksheetDefinition, b: WorksheetDefinition) => canonicalJson(a) === canonicalJson(b);

const SUMMARY_SQL = `
  SELECT w.*, v.id AS version_id, v.definition,
         (SELECT count(*) FROM assignment a JOIN worksheet_version av ON av.id = a.worksheet_version_id
           WHERE av.worksheet_id = w.id) AS assignment_count,
         dv.definition AS derived_definition
    FROM worksheet w
    JOIN worksheet_version v ON v.worksheet_id = w.id AND v.version = w.current_version
    LEFT JOIN worksheet d ON d.id = w.derived_from
    LEFT JOIN worksheet_version dv ON dv.worksheet_id = d.id AND dv.version = d.current_version`;

function toSummary(r: SummaryRow): WorksheetSummary {
  const def = readDefinition(r.definition);
  return {
    id: r.id,
    builtInKey: r.builtin_key,
    builtIn: r.builtin_key !== null,
    title: def.title,
    summary: def.summary,
    category: def.category,
    approach: def.approach,
    phases: def.phases,
    version: r.current_version,
    versionId: r.version_id,
    blockCount: def.blocks.length,
    assignmentCount: r.assignment_count,
    archived: r.archived === 1,
    derivedFromTitle: r.derived_definition ? readDefinition(r.derived_definition).title : null,
    updatedAt: r.updated_at,
  };
}

export function requireWorksheet(db: Db, id: string): WorksheetRow {
  const row = db.prepare('SELECT * FROM worksheet WHERE id = ?').get(id) as WorksheetRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', WORKSHEET_NOT_FOUND);
  return row;
}

function summaryOf(db: Db, id: string): WorksheetSummary {
  const row = db.prepare(`${SUMMARY_SQL} WHERE w.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', WORKSHEET_NOT_FOUND);
  return toSummary(row);
}

function currentVersion(db: Db, w: WorksheetRow): VersionRow {
  return db
    .prepare('SELECT * FROM worksheet_version WHERE worksheet_id = ? AND version = ?')
    .get(w.id, w.current_version) as VersionRow;
}

function detailOf(db: Db, id: string, versionId?: string): WorksheetDetail {
  const worksheet = summaryOf(db, id);
  const v = db
    .prepare('SELECT * FROM worksheet_version WHERE id = ? AND worksheet_id = ?')
    .get(versionId ?? worksheet.versionId, id) as VersionRow | undefined;
  if (!v) throw new AppError('NOT_FOUND', 'That version of the worksheet could not be found.');
  const versions = db
    .prepare(
      `SELECT v.id, v.version, v.created_at,
              (SELECT count(*) FROM assignment a WHERE a.worksheet_version_id = v.id) AS assignment_count
         FROM worksheet_version v WHERE v.worksheet_id = ? ORDER BY v.version DESC`,
    )
    .all(id) as { id: string; version: number; created_at: string; assignment_count: number }[];
  return {
    worksheet,
    version: {
      id: v.id,
      worksheetId: v.worksheet_id,
      version: v.version,
      definition: readDefinition(v.definition),
      createdAt: v.created_at,
    },
    versions: versions.map((x) => ({
      id: x.id,
      version: x.version,
      createdAt: x.created_at,
      assignmentCount: x.assignment_count,
    })),
  };
}

/** Inserts an immutable version snapshot. Versions are never updated afterwards. */
function insertVersion(db: Db, worksheetId: string, version: number, def: WorksheetDefinition, at: string): string {
  const id = newId();
  db.prepare('INSERT INTO worksheet_version (id, worksheet_id, version, definition, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    worksheetId,
    version,
    JSON.stringify(def),
    at,
  );
  return id;
}

function insertWorksheet(
  db: Db,
  def: WorksheetDefinition,
  at: string,
  opts: { builtinKey?: string; derivedFrom?: string } = {},
): string {
  const id = newId();
  db.prepare(
    'INSERT INTO worksheet (id, builtin_key, current_version, archived, derived_from, created_at, updated_at) VALUES (?, ?, 1, 0, ?, ?, ?)',
  ).run(id, opts.builtinKey ?? null, opts.derivedFrom ?? null, at, at);
  insertVersion(db, id, 1, def, at);
  return id;
}

/** Adds version current+1 and makes it current. */
function addVersion(db: Db, w: WorksheetRow, def: WorksheetDefinition, at: string): void {
  insertVersion(db, w.id, w.current_version + 1, def, at);
  db.prepare('UPDATE worksheet SET current_version = ?, updated_at = ? WHERE id = ?').run(w.current_version + 1, at, w.id);
}

/** "<title> (copy)", shortened so that it stays within the title limit. */
export function copyTitle(title: string): string {
  const suffix = ' (copy)';
  const room = LIMITS.titleLength - suffix.length;
  const base = title.length > room ? title.slice(0, room).trimEnd() : title;
  return `${base}${suffix}`;
}

/**
 * Brings the built-in worksheets of this Stepwise into the vault: a missing one is added as
 * version 1; one whose current definition differs from the app's (after an app update) gets a
 * new version. Nothing is ever deleted, and assignments keep the version they point to.
 * Runs on every create and unlock, as one transaction.
 */
export function syncBuiltIns(core: Core, builtIns: readonly BuiltInWorksheet[] = BUILT_IN_WORKSHEETS): void {
  core.write((db) => {
    const at = nowIso(core);
    const byKey = db.prepare('SELECT * FROM worksheet WHERE builtin_key = ?');
    for (const b of builtIns) {
      // The built-ins are checked by their own tests; one that does not parse is left out rather
      // than keeping the clinician out of their vault.
      const parsed = worksheetDefinitionSchema.safeParse(b.definition);
      if (!parsed.success) continue;
      const def = parsed.data;
      const existing = byKey.get(b.key) as WorksheetRow | undefined;
      if (!existing) {
        const id = insertWorksheet(db, def, at, { builtinKey: b.key });
        core.audit('created', 'worksheet', id, 'built-in');
      } else if (!sameDefinition(readDefinition(currentVersion(db, existing).definition), def)) {
        addVersion(db, existing, def, at);
        core.audit('changed', 'worksheet', existing.id, 'built-in update');
      }
    }
  });
}

function builtInOrder(builtIns: readonly BuiltInWorksheet[]): (key: string) => number {
  const order = new Map(builtIns.map((b, i) => [b.key, i]));
  return (key) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
}

function setArchived(core: Core, id: string, archived: boolean): WorksheetSummary {
  return core.write((db) => {
    const w = requireWorksheet(db, id);
    if ((w.archived === 1) === archived) {
      throw new AppError(
        'CONFLICT',
        archived ? 'This worksheet is already archived.' : 'This worksheet is not archived, so there is nothing to restore.',
      );
    }
    db.prepare('UPDATE worksheet SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, nowIso(core), id);
    core.audit(archived ? 'archived' : 'restored', 'worksheet', id);
    return summaryOf(db, id);
  });
}

export const libraryHandlers: Handlers<Core>['library'] = {
  list: (filter, core) => {
    const f = filter ?? {};
    const order = builtInOrder(BUILT_IN_WORKSHEETS);
    return (core.db.prepare(SUMMARY_SQL).all() as SummaryRow[])
      .map(toSummary)
      .filter(
        (w) =>
          (f.includeArchived || !w.archived) &&
          (!f.category || w.category === f.category) &&
          (!f.approach || w.approach === f.approach) &&
          (!f.phase || w.phases.includes(f.phase)) &&
          matchesSearch(f.search, w.title, w.summary),
      )
      .sort((a, b) => {
        if (a.builtIn !== b.builtIn) return a.builtIn ? -1 : 1;
        if (a.builtInKey !== null && b.builtInKey !== null) {
          const d = order(a.builtInKey) - order(b.builtInKey);
          if (d !== 0) return d;
        }
        return compareText(a.title, b.title) || compareText(a.id, b.id);
      });
  },

  get: ({ id, versionId }, core) => detailOf(core.db, id, versionId),

  create: ({ definition }, core) =>
    core.write((db) => {
      const id = insertWorksheet(db, definition, nowIso(core));
      core.audit('created', 'worksheet', id);
      return detailOf(db, id);
    }),

  duplicate: ({ id }, core) =>
    core.write((db) => {
      const source = requireWorksheet(db, id);
      const def = readDefinition(currentVersion(db, source).definition);
      const copy = worksheetDefinitionSchema.parse({ ...def, title: copyTitle(def.title) });
      const newWorksheetId = insertWorksheet(db, copy, nowIso(core), { derivedFrom: source.id });
      core.audit('created', 'worksheet', newWorksheetId, 'duplicate');
      return detailOf(db, newWorksheetId);
    }),

  update: ({ id, baseVersion, definition }, core) =>
    core.write((db) => {
      const w = requireWorksheet(db, id);
      if (w.builtin_key !== null) throw new AppError('CONFLICT', BUILT_IN_READ_ONLY);
      if (baseVersion !== w.current_version) throw new AppError('CONFLICT', STALE_VERSION);
      if (sameDefinition(readDefinition(currentVersion(db, w).definition), definition)) return detailOf(db, id);
      addVersion(db, w, definition, nowIso(core));
      core.audit('changed', 'worksheet', id);
      return detailOf(db, id);
    }),

  archive: ({ id }, core) => setArchived(core, id, true),

  restore: ({ id }, core) => setArchived(core, id, false),
};
