import type { Database } from 'better-sqlite3';
import { m001 } from './001_initial';
import { m002 } from './002_clients_library_assignments';
import { m003 } from './003_sessions_practice';
import { m004 } from './004_audit_chain_drafts';
import { m007 } from './007_scale_indexes';

export interface Migration {
  /** The schema version after this migration: equals its position in MIGRATIONS (1-based). */
  version: number;
  name: string;
  up(db: Database): void;
}

// >>> scale (issue 12): 005 (measures) and 006 (tailoring) are built in parallel on other branches.
// Until they are merged, their numbers are held by these two empty steps so 007 keeps its number.
// When merging, replace both lines with the real m005 and m006.
const m005: Migration = { version: 5, name: 'reserved-measures', up() {} };
const m006: Migration = { version: 6, name: 'reserved-tailoring', up() {} };
// <<< scale

/** One file per schema version, forward only. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007];

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migration ${m.name} is out of order`);
});
