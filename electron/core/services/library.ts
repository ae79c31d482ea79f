import type { Handlers } from '../../../shared/contract';
import type { WorksheetDetail, WorksheetSummary } from '../../../shared/domain';
import { BUILT_IN_WORKSHEETS, type BuiltInWorksheet } from '../../../shared/library';
import { AppError } from '../../../shared/result';
import {
  checkDraft,
  LIMITS,
  notAssignableMessage,
  problemLine,
  worksheetDefinitionSchema,
  worksheetDraftDefinitionSchema,
  type WorksheetDefinition,
  type WorksheetDraftDefinition,
} from '../../../shared/worksheet';
import type { WorksheetDraft, WorksheetDraftSummary } from '../../../shared/contract/library';
import type { AuditEvent, CoreContext } from '../core';
import type { ReadDb, WriteDb } from '../db/handle';
import { sql, sqlFragment } from '../db/sql';
import type { WorksheetDraftRow, WorksheetRow, WorksheetVersionRow } from '../db/tables';
import { newId } from '../util/ids';
import { nowIso } from '../util/clock';
import { compareText, matchesSearch } from '../util/text';
import { canonicalJson } from '../util/json';

export const WORKSHEET_NOT_FOUND = 'That worksheet could not be found.';
export const BUILT_IN_READ_ONLY = 'Built-in worksheets cannot be changed. Duplicate it to make your own version.';
export const STALE_VERSION =
  'This worksheet was changed elsewhere since you opened it. Your changes were not saved: reopen the worksheet to see the latest version, then make your changes again.';

/** A worksheet with its current version, as `SELECT_SUMMARY` reads it. */
type SummaryRow = WorksheetRow & {
  version_id: WorksheetVersionRow['id'];
  definition: WorksheetVersionRow['definition'];
  assignment_count: number;
  derived_definition: WorksheetVersionRow['definition'] | null;
};

/** Stored definitions were validated (and given their defaults) before they were written. */
export const readDefinition = (json: string): WorksheetDefinition => JSON.parse(json) as WorksheetDefinition;

/** What a list shows of a worksheet version: its title and category. */
export interface VersionHead {
  title: string;
  category: WorksheetDefinition['category'];
}

/** Version heads of each open vault (keyed by the open vault: gone with it when it locks). */
const heads = new WeakMap<object, Map<string, VersionHead>>();

/**
 * The title and category of a worksheet version, read and parsed once per open vault: versions
 * never change once written, so a list of a thousand rows parses each definition once, not once
 * per row (issue 12: Today parsed 5 MB of JSON per call to read titles).
 */
export function versionHead(core: CoreContext, db: ReadDb, versionId: string): VersionHead {
  const vault = core.requireVault();
  let cache = heads.get(vault);
  if (!cache) heads.set(vault, (cache = new Map()));
  let head = cache.get(versionId);
  if (!head) {
    const json = db.pluck(
      sql<Pick<WorksheetVersionRow, 'definition'>>`SELECT definition FROM worksheet_version WHERE id = ${versionId}`,
    );
    if (json === undefined) throw new AppError('NOT_FOUND', WORKSHEET_NOT_FOUND);
    const def = readDefinition(json);
    head = { title: def.title, category: def.category };
    cache.set(versionId, head);
  }
  return head;
}

const sameDefinition = (a: WorksheetDefinition, b: WorksheetDefinition) => canonicalJson(a) === canonicalJson(b);

const SELECT_SUMMARY = sqlFragment`
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

export function requireWorksheet(db: ReadDb, id: string): WorksheetRow {
  const row = db.get(sql<WorksheetRow>`SELECT * FROM worksheet WHERE id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', WORKSHEET_NOT_FOUND);
  return row;
}

// ---- drafts (issue 11)
export const DRAFT_NOT_FOUND = 'That draft could not be found. It may have been saved as a worksheet or discarded already.';

/** Stored drafts were checked by the draft schema before they were written. */
const readDraftDefinition = (json: string): WorksheetDraftDefinition => worksheetDraftDefinitionSchema.parse(JSON.parse(json));

function toDraft(r: WorksheetDraftRow): WorksheetDraft {
  const definition = readDraftDefinition(r.definition);
  const { problems } = checkDraft(definition);
  return {
    id: r.id,
    worksheetId: r.worksheet_id,
    baseVersion: r.base_version,
    title: definition.title.trim(),
    category: definition.category || null,
    missing: problems.map(problemLine),
    ready: problems.length === 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    definition,
  };
}

const toDraftSummary = (r: WorksheetDraftRow): WorksheetDraftSummary => {
  const { definition: _d, ...summary } = toDraft(r);
  return summary;
};

function requireDraft(db: ReadDb, id: string): WorksheetDraftRow {
  const row = db.get(sql<WorksheetDraftRow>`SELECT * FROM worksheet_draft WHERE id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', DRAFT_NOT_FOUND);
  return row;
}

/**
 * A worksheet that can be assigned (or given as the next homework): one in the library. An id of
 * a new worksheet still saved as a draft is refused with what it still needs, in the clinician's
 * words (changes kept as a draft for a worksheet in the library do not stop its saved version).
 */
export function requireAssignableWorksheet(db: ReadDb, id: string): WorksheetRow {
  const row = db.get(sql<WorksheetRow>`SELECT * FROM worksheet WHERE id = ${id}`);
  if (row) return row;
  const draft = db.get(sql<WorksheetDraftRow>`SELECT * FROM worksheet_draft WHERE id = ${id} AND worksheet_id IS NULL`);
  if (!draft) throw new AppError('NOT_FOUND', WORKSHEET_NOT_FOUND);
  const d = toDraft(draft);
  const message = notAssignableMessage(d.title, d.missing.length ? d.missing : ['Save it as a worksheet.']);
  throw new AppError('VALIDATION', message, { worksheetId: message });
}
// ---- end drafts

function summaryOf(db: ReadDb, id: string): WorksheetSummary {
  const row = db.get(sql<SummaryRow>`${SELECT_SUMMARY} WHERE w.id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', WORKSHEET_NOT_FOUND);
  return toSummary(row);
}

function currentDefinition(db: ReadDb, w: WorksheetRow): WorksheetDefinition {
  const json = db.pluck(
    sql<Pick<WorksheetVersionRow, 'definition'>>`
      SELECT definition FROM worksheet_version WHERE worksheet_id = ${w.id} AND version = ${w.current_version}`,
  );
  return readDefinition(json!);
}

function detailOf(db: ReadDb, id: string, versionId?: string): WorksheetDetail {
  const worksheet = summaryOf(db, id);
  const v = db.get(
    sql<WorksheetVersionRow>`SELECT * FROM worksheet_version WHERE id = ${versionId ?? worksheet.versionId} AND worksheet_id = ${id}`,
  );
  if (!v) throw new AppError('NOT_FOUND', 'That version of the worksheet could not be found.');
  const versions = db.all(
    sql<Pick<WorksheetVersionRow, 'id' | 'version' | 'created_at'> & { assignment_count: number }>`
      SELECT v.id, v.version, v.created_at,
             (SELECT count(*) FROM assignment a WHERE a.worksheet_version_id = v.id) AS assignment_count
        FROM worksheet_version v WHERE v.worksheet_id = ${id} ORDER BY v.version DESC`,
  );
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
function insertVersion(w: WriteDb, worksheetId: string, version: number, def: WorksheetDefinition, at: string): void {
  w.run(sql`
    INSERT INTO worksheet_version (id, worksheet_id, version, definition, created_at)
    VALUES (${newId()}, ${worksheetId}, ${version}, ${JSON.stringify(def)}, ${at})`);
}

function insertWorksheet(
  w: WriteDb,
  id: string,
  def: WorksheetDefinition,
  at: string,
  opts: { builtinKey?: string; derivedFrom?: string } = {},
): void {
  w.run(sql`
    INSERT INTO worksheet (id, builtin_key, current_version, archived, derived_from, created_at, updated_at)
    VALUES (${id}, ${opts.builtinKey ?? null}, 1, 0, ${opts.derivedFrom ?? null}, ${at}, ${at})`);
  insertVersion(w, id, 1, def, at);
}

/** Adds version current+1 and makes it current. */
function addVersion(w: WriteDb, ws: WorksheetRow, def: WorksheetDefinition, at: string): void {
  insertVersion(w, ws.id, ws.current_version + 1, def, at);
  w.run(sql`UPDATE worksheet SET current_version = ${ws.current_version + 1}, updated_at = ${at} WHERE id = ${ws.id}`);
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
export function syncBuiltIns(core: CoreContext, builtIns: readonly BuiltInWorksheet[] = BUILT_IN_WORKSHEETS): void {
  core.write(
    (events: AuditEvent[]) => events,
    (w) => {
      const at = nowIso(core);
      const events: AuditEvent[] = [];
      for (const b of builtIns) {
        // The built-ins are checked by their own tests; one that does not parse is left out rather
        // than keeping the clinician out of their vault.
        const parsed = worksheetDefinitionSchema.safeParse(b.definition);
        if (!parsed.success) continue;
        const def = parsed.data;
        const existing = w.get(sql<WorksheetRow>`SELECT * FROM worksheet WHERE builtin_key = ${b.key}`);
        if (!existing) {
          const id = newId();
          insertWorksheet(w, id, def, at, { builtinKey: b.key });
          events.push({ action: 'created', entity: 'worksheet', entityId: id, detail: 'built-in' });
        } else if (!sameDefinition(currentDefinition(w, existing), def)) {
          addVersion(w, existing, def, at);
          events.push({ action: 'changed', entity: 'worksheet', entityId: existing.id, detail: 'built-in update' });
        }
      }
      return events;
    },
  );
}

function builtInOrder(builtIns: readonly BuiltInWorksheet[]): (key: string) => number {
  const order = new Map(builtIns.map((b, i) => [b.key, i]));
  return (key) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
}

function setArchived(core: CoreContext, id: string, archived: boolean): WorksheetSummary {
  return core.write({ action: archived ? 'archived' : 'restored', entity: 'worksheet', entityId: id }, (w) => {
    const ws = requireWorksheet(w, id);
    if ((ws.archived === 1) === archived) {
      throw new AppError(
        'CONFLICT',
        archived ? 'This worksheet is already archived.' : 'This worksheet is not archived, so there is nothing to restore.',
      );
    }
    w.run(sql`UPDATE worksheet SET archived = ${archived ? 1 : 0}, updated_at = ${nowIso(core)} WHERE id = ${id}`);
    return summaryOf(w, id);
  });
}

export const libraryHandlers: Handlers<CoreContext>['library'] = {
  list: (filter, core) => {
    const f = filter ?? {};
    const order = builtInOrder(BUILT_IN_WORKSHEETS);
    return core.read
      .all(sql<SummaryRow>`${SELECT_SUMMARY}`)
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

  get: ({ id, versionId }, core) => detailOf(core.read, id, versionId),

  create: ({ definition }, core) => {
    const id = newId();
    return core.write({ action: 'created', entity: 'worksheet', entityId: id }, (w) => {
      insertWorksheet(w, id, definition, nowIso(core));
      return detailOf(w, id);
    });
  },

  duplicate: ({ id }, core) => {
    const copyId = newId();
    return core.write({ action: 'created', entity: 'worksheet', entityId: copyId, detail: 'duplicate' }, (w) => {
      const source = requireWorksheet(w, id);
      const def = currentDefinition(w, source);
      const copy = worksheetDefinitionSchema.parse({ ...def, title: copyTitle(def.title) });
      insertWorksheet(w, copyId, copy, nowIso(core), { derivedFrom: source.id });
      return detailOf(w, copyId);
    });
  },

  update: ({ id, baseVersion, definition }, core) => {
    // Saving the definition it already has makes no new version and records nothing.
    core.write(
      (changed: boolean) => (changed ? { action: 'changed', entity: 'worksheet', entityId: id } : []),
      (w) => {
        const ws = requireWorksheet(w, id);
        if (ws.builtin_key !== null) throw new AppError('CONFLICT', BUILT_IN_READ_ONLY);
        if (baseVersion !== ws.current_version) throw new AppError('CONFLICT', STALE_VERSION);
        if (sameDefinition(currentDefinition(w, ws), definition)) return false;
        addVersion(w, ws, definition, nowIso(core));
        return true;
      },
    );
    return detailOf(core.read, id);
  },

  archive: ({ id }, core) => setArchived(core, id, true),

  restore: ({ id }, core) => setArchived(core, id, false),

  // ---- drafts (issue 11)
  drafts: (_input, core) =>
    core.read.all(sql<WorksheetDraftRow>`SELECT * FROM worksheet_draft ORDER BY updated_at DESC, id`).map(toDraftSummary),

  getDraft: ({ id }, core) => toDraft(requireDraft(core.read, id)),

  saveDraft: ({ id, worksheetId, baseVersion, definition }, core) => {
    const at = nowIso(core);
    const json = JSON.stringify(definition);
    // The audit event names the draft only, never its content.
    return core.write(
      (d: WorksheetDraft & { isNew: boolean }) => ({
        action: d.isNew ? 'created' : 'changed',
        entity: 'worksheet_draft',
        entityId: d.id,
        detail: d.worksheetId ? 'changes to a saved worksheet' : null,
      }),
      (w) => {
        let row: WorksheetDraftRow | undefined;
        if (id) {
          row = requireDraft(w, id);
        } else if (worksheetId) {
          const ws = requireWorksheet(w, worksheetId);
          if (ws.builtin_key !== null) throw new AppError('CONFLICT', BUILT_IN_READ_ONLY);
          if (baseVersion === undefined) throw new AppError('VALIDATION', 'Say which version these changes start from.');
          if (baseVersion !== ws.current_version) throw new AppError('CONFLICT', STALE_VERSION);
          row = w.get(sql<WorksheetDraftRow>`SELECT * FROM worksheet_draft WHERE worksheet_id = ${worksheetId}`);
          if (row) w.run(sql`UPDATE worksheet_draft SET base_version = ${baseVersion} WHERE id = ${row.id}`);
        }
        if (row) {
          w.run(sql`UPDATE worksheet_draft SET definition = ${json}, updated_at = ${at} WHERE id = ${row.id}`);
          return { ...toDraft(requireDraft(w, row.id)), isNew: false };
        }
        const newDraftId = newId();
        w.run(sql`
          INSERT INTO worksheet_draft (id, worksheet_id, base_version, definition, created_at, updated_at)
          VALUES (${newDraftId}, ${worksheetId ?? null}, ${worksheetId ? (baseVersion ?? null) : null}, ${json}, ${at}, ${at})`);
        return { ...toDraft(requireDraft(w, newDraftId)), isNew: true };
      },
    );
  },

  publishDraft: ({ id, definition }, core) => {
    const worksheetId = core.write(
      (r: { worksheetId: string; made: 'created' | 'changed' | null }) => [
        ...(r.made ? [{ action: r.made, entity: 'worksheet', entityId: r.worksheetId, detail: 'from a draft' }] : []),
        { action: 'deleted' as const, entity: 'worksheet_draft', entityId: id, detail: 'saved as a worksheet' },
      ],
      (w) => {
        const draft = requireDraft(w, id);
        const at = nowIso(core);
        let made: 'created' | 'changed' | null;
        let target: string;
        if (draft.worksheet_id === null) {
          // The new worksheet takes the draft's id: a link to the draft leads to the worksheet.
          insertWorksheet(w, draft.id, definition, at);
          target = draft.id;
          made = 'created';
        } else {
          const ws = requireWorksheet(w, draft.worksheet_id);
          if (draft.base_version !== ws.current_version) throw new AppError('CONFLICT', STALE_VERSION);
          made = sameDefinition(currentDefinition(w, ws), definition) ? null : 'changed';
          if (made) addVersion(w, ws, definition, at);
          target = ws.id;
        }
        w.run(sql`DELETE FROM worksheet_draft WHERE id = ${id}`);
        return { worksheetId: target, made };
      },
    ).worksheetId;
    return detailOf(core.read, worksheetId);
  },

  discardDraft: ({ id }, core) => {
    const discarded = core.write(
      (gone: boolean) => (gone ? { action: 'deleted', entity: 'worksheet_draft', entityId: id } : []),
      (w) => w.run(sql`DELETE FROM worksheet_draft WHERE id = ${id}`).changes > 0,
    );
    return { discarded };
  },
  // ---- end drafts
};
