import type { Database } from 'better-sqlite3';
import { m001 } from './001_initial';
import { m002 } from './002_clients_library_assignments';
import { m003 } from './003_sessions_practice';
import { m004 } from './004_audit_chain_drafts';
import { m005 } from './005_measures';
import { m006 } from './006_tailoring';
import { m007 } from './007_scale_indexes';
import { m008 } from './008_worksheet_drafts';

export interface Migration {
  /** The schema version after this migration: equals its position in MIGRATIONS (1-based). */
  version: number;
  name: string;
  up(db: Database): void;
}

/** One file per schema version, forward only. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008];

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migration ${m.name} is out of order`);
});
