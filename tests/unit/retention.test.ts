import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToPrune, backupTimeOf } from '../../electron/core/vault/retention';

const DAY = 24 * 3600_000;
const start = new Date('2026-01-05T09:30:00Z'); // a Monday

describe('backup retention: 7 daily, 4 weekly', () => {
  it('names and reads back a backup’s time; other files are never pruned', () => {
    const name = backupFileName(start);
    expect(name).toBe('stepwise-backup-20260105-093000.swbackup');
    expect(backupTimeOf(name)?.toISOString()).toBe(start.toISOString());
    expect(backupTimeOf('notes.txt')).toBeNull();
    expect(backupsToPrune(['notes.txt', 'stepwise.db'])).toEqual([]);
  });

  it('after 60 daily backups keeps the last 7 days and the newest of the last 4 weeks', () => {
    const names = Array.from({ length: 60 }, (_, d) => backupFileName(new Date(start.getTime() + d * DAY)));
    const pruned = new Set(backupsToPrune(names));
    const kept = names.filter((n) => !pruned.has(n)).map((n) => backupTimeOf(n)!.toISOString().slice(0, 10));
    // Day 59 is 2026-03-05 (a Thursday); the last 7 days, plus the Sundays ending the 3 weeks before.
    expect(kept).toEqual([
      '2026-02-15',
      '2026-02-22',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
  });

  it('keeps only the newest of several backups on one day', () => {
    const names = [0, 1, 2].map((h) => backupFileName(new Date(start.getTime() + h * 3600_000)));
    expect(backupsToPrune(names)).toEqual([names[1], names[0]]);
  });
});
