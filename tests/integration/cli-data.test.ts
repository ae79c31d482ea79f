import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCore, tempDir } from '../support/vault';

const tmp = tempDir('stepwise-cli-data-');
afterAll(() => tmp.cleanup());
const vault = path.join(tmp.dir, 'v');
const PASS = 'cli data passphrase 1';

function cli(args: string[]) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), STEPWISE_PASSPHRASE: PASS };
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { env, encoding: 'utf8', input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// One vault, used in order: each step is a test of its own (every CLI call starts a process).
let id = '';
const json = path.join(tmp.dir, 'out.json');
const folder = path.join(tmp.dir, 'csv');

describe('command line: import-clients, export, info counts', () => {
  it('imports clients from a CSV: a dry run first, then the good rows', () => {
    expect(cli(['init', '--vault', vault]).code).toBe(0);
    const csv = path.join(tmp.dir, 'clients.csv');
    writeFileSync(
      csv,
      '\uFEFFFull name;Date of birth;Start date\r\n"Renée Smith, Jr.";02/01/1980;2026-01-05\r\n;1990-01-01;\r\n',
    );
    const dry = cli(['import-clients', '--vault', vault, '--csv', csv, '--dry-run']);
    expect(dry.err).toBe('');
    expect(dry.out).toContain('row 2: Renée Smith, Jr., born 1980-01-02 — ok');
    expect(dry.out).toContain('row 3: (no name)');
    expect(dry.out).toContain('1 of 2 rows can be imported, 1 cannot. Dry run: nothing was saved.');
    const real = cli(['import-clients', '--vault', vault, '--csv', csv]);
    expect(real.out).toContain('Imported 1 client; 1 row could not be imported.');
  });

  it('info --json counts sessions, reviews and practice records per client', () => {
    const info = JSON.parse(cli(['info', '--vault', vault, '--json']).out) as {
      clients: { id: string; name: string; sessions: number; reviews: number; practiceRecords: number }[];
    };
    expect(info.clients).toEqual([
      expect.objectContaining({ name: 'Renée Smith, Jr.', sessions: 0, reviews: 0, practiceRecords: 0 }),
    ]);
    id = info.clients[0]!.id;
  });

  it('exports one client as JSON and the vault as a CSV folder', () => {
    const e1 = cli(['export', '--vault', vault, '--client', id, '--format', 'json', '--out', json]);
    expect(e1.err).toBe('');
    expect(e1.out).toContain('It is not encrypted');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ formatVersion: 1, scope: 'client', clients: [{ id }] });
    expect(cli(['export', '--vault', vault, '--all', '--format', 'csv', '--out', folder]).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(
      [
        'assignments.csv',
        'clients.csv',
        'goals.csv',
        'practice-records.csv',
        'reviews.csv',
        'sessions.csv',
        'measure-results.csv',
        'measure-problems.csv',
        'life-events.csv',
      ].sort(),
    );
    const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(folder, 'clients.csv'), 'utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r.name)).toEqual(['Renée Smith, Jr.']);
  });

  it('refuses an existing folder and a missing scope; the exports and the import are in the audit trail', async () => {
    const again = cli(['export', '--vault', vault, '--all', '--format', 'csv', '--out', folder]);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/^stepwise: csv already exists\. Choose a new name for the export folder\.\n$/);
    const bad = cli(['export', '--vault', vault, '--format', 'json', '--out', json]);
    expect(bad.err).toMatch(/--client ID .* or --all/);

    const t = makeCore({ vaultDir: vault });
    try {
      await t.do.vault.unlock({ passphrase: PASS });
      const events = (await t.do.audit.list({ limit: 10 })).map((e) => [e.action, e.entity, e.entityId, e.detail]);
      expect(events).toContainEqual(['exported', 'client', id, 'json, 1 file']);
      expect(events).toContainEqual(['exported', 'vault', null, 'csv, 9 files']);
      expect(events).toContainEqual(['imported', 'client', id, 'csv']);
    } finally {
      t.cleanup();
    }
  });
});
