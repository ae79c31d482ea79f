import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import { MIGRATIONS, type Migration } from './migrations';

/** The schema version this Stepwise writes. */
export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `target` (default: latest). All pending migrations run in one
 * transaction: on any failure the vault stays exactly at its old version.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target = migrations.length): number {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new AppError(
      'NEWER_VERSION',
      `This vault was written by a newer version of Stepwise (vault format ${current}; this version reads up to ${migrations.length}). Please update Stepwise to open it. Nothing was changed.`,
    );
  }
  if (current >= target) return current;
  const run = db.transaction(() => {
    for (const m of migrations.slice(current, target)) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run.immediate();
  return schemaVersion(db);
}
