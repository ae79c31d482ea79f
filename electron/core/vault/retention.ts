/**
 * Which automatic backups to keep: the newest backup of each of the last 7 days that have one
 * (daily), and the newest of each of the last 4 weeks that have one (weekly, weeks starting on
 * Monday). Days and weeks are UTC calendar days. Everything else may go. Pure: the folder's file
 * names in, the names to remove out, so it is tested with a fixed clock.
 */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

const NAME = /^stepwise-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.swbackup$/;

/** A backup's file name from its time: sorts by time, and tells its time without opening it. */
export function backupFileName(at: Date, n = 0): string {
  const p = (v: number) => String(v).padStart(2, '0');
  const stamp = `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
  return `stepwise-backup-${stamp}${n ? `-${n}` : ''}.swbackup`;
}

/** The time in a backup's file name, or null for any other file. */
export function backupTimeOf(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(at.getTime()) ? null : at;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
function weekOf(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - ((at.getUTCDay() + 6) % 7)));
  return dayOf(monday);
}

/** The backups among `names` to remove; files that are not backups are never named. */
export function backupsToPrune(names: readonly string[]): string[] {
  const backups = names
    .map((name) => ({ name, at: backupTimeOf(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of backups) {
    const day = dayOf(b.at);
    if (!days.has(day) && days.size < KEEP_DAILY) {
      days.add(day);
      keep.add(b.name);
    }
    const week = weekOf(b.at);
    if (!weeks.has(week) && weeks.size < KEEP_WEEKLY) {
      weeks.add(week);
      keep.add(b.name);
    }
  }
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** A backup is due when there is none, or the last is older than a day. */
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** The clinician is warned when the last good backup is older than this. */
export const BACKUP_STALE_MS = 7 * BACKUP_INTERVAL_MS;
