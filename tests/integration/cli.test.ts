import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCore, tempDir } from '../support/vault';

const tmp = tempDir('stepwise-cli-');
afterAll(() => tmp.cleanup());
const vault = path.join(tmp.dir, 'v');
const PASS = 'cli test passphrase 1';

function cli(args: string[], passphrase: string | null = PASS) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  delete env.STEPWISE_PASSPHRASE;
  if (passphrase !== null) env.STEPWISE_PASSPHRASE = passphrase;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { env, encoding: 'utf8', input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('command line', () => {
  it('demo creates the vault, prints the recovery key once, and fills it', () => {
    const r = cli(['demo', '--vault', vault]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    expect(r.out).toMatch(/Added demo data: 13 fictional clients, \d+ goals, \d+ assignments/);
    const again = cli(['demo', '--vault', vault]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('already');
    expect(again.out).not.toMatch(/([0-9A-Z]{4}-){7}/);
  });

  it('leaves no plaintext: not SQLite to the sqlite3 tool, no table or client names in any file', () => {
    for (const f of readdirSync(vault)) {
      const file = path.join(vault, f);
      expect(statSync(file).mode & 0o077).toBe(0);
      // The vault lock's file stays empty (an empty file is an empty database to sqlite3).
      if (f === 'stepwise.lock') {
        expect(statSync(file).size).toBe(0);
        continue;
      }
      const bytes = readFileSync(file);
      const sq = spawnSync('sqlite3', [file, '.tables'], { encoding: 'utf8' });
      expect(`${sq.stdout}${sq.stderr}`).toMatch(/not a database/);
      for (const needle of [
        'assignment',
        'worksheet_version',
        'client',
        'Redcloud',
        'Ødegård',
        'Ελένη',
        'Panic attacks',
        'Thought record',
      ]) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${f} contains ${needle}`).toBe(false);
      }
    }
  });

  it('info --json lists clients with names and assignments with IDs', () => {
    const r = cli(['info', '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out) as {
      vault: { schemaVersion: number };
      clients: { id: string; name: string; assignments: { id: string; title: string }[] }[];
    };
    expect(info.clients.length).toBeGreaterThanOrEqual(12);
    expect(info.clients.map((c) => c.name)).toContain('Zoë Łukasiewicz');
    const zoe = info.clients.find((c) => c.name === 'Zoë Łukasiewicz')!;
    expect(zoe.assignments.length).toBeGreaterThanOrEqual(2);
    for (const a of zoe.assignments) expect(a.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('prints an assignment (fillable) and a packet to PDF files', () => {
    const info = JSON.parse(cli(['info', '--vault', vault, '--json']).out) as {
      clients: { id: string; name: string; assignments: { id: string; state: string }[] }[];
    };
    const eleni = info.clients.find((c) => c.name.startsWith('Ελένη'))!;
    const a = eleni.assignments[0]!;
    const one = path.join(tmp.dir, 'one.pdf');
    const r = cli(['print', '--vault', vault, '--assignment', a.id, '--out', one, '--fillable', '--paper', 'letter']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Wrote .*one\.pdf \(\d+ pages?\)\.\n$/);
    const text = spawnSync('pdftotext', [one, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Ελένη Παπαδοπούλου');
    expect(spawnSync('pdfinfo', [one], { encoding: 'utf8' }).stdout).toMatch(/Form:\s+AcroForm/);
    const packet = path.join(tmp.dir, 'packet.pdf');
    expect(cli(['packet', '--vault', vault, '--client', eleni.id, '--out', packet, '--initials']).code).toBe(0);
    const ptext = spawnSync('pdftotext', [packet, '-'], { encoding: 'utf8' }).stdout;
    expect(ptext).toContain('Ε. Π.');
    expect(ptext).not.toContain('Παπαδοπούλου');
    const bad = cli(['print', '--vault', vault, '--assignment', 'f'.repeat(32), '--out', path.join(tmp.dir, 'x.pdf')]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toBe('stepwise: That assignment could not be found.\n');
  });

  it('verify says healthy with the right passphrase', () => {
    const r = cli(['verify', '--vault', vault]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The vault is healthy');
  });

  it('fails with one clear line and no stack: wrong passphrase, missing vault, no passphrase, bad command', () => {
    const cases: [string[], string | null, RegExp][] = [
      [
        ['verify', '--vault', vault],
        'wrong wrong wrong',
        /^stepwise: That passphrase is not right\. Please check it and try again\.\n$/,
      ],
      [['info', '--vault', path.join(tmp.dir, 'nothing')], PASS, /^stepwise: There is no Stepwise vault in .*\n$/],
      [['verify', '--vault', vault], null, /^stepwise: No passphrase: set STEPWISE_PASSPHRASE.*\n$/],
      [['frobnicate', '--vault', vault], PASS, /^stepwise: Unknown command “frobnicate”.*\n$/],
      [['info'], PASS, /^stepwise: Please name the vault folder with --vault DIR\.\n$/],
      [['init', '--vault', vault], PASS, /^stepwise: A Stepwise vault already exists in .*\n$/],
    ];
    for (const [args, pass, re] of cases) {
      const r = cli(args, pass);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err).toMatch(re);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    }
  });

  it('passes a long listing whole through a pipe (more than the 64 KiB a pipe holds)', async () => {
    const big = path.join(tmp.dir, 'big');
    const EXTRA = 80;
    expect(cli(['demo', '--vault', big]).code).toBe(0);
    // More clients, each with homework, through the typed client on the same vault.
    const t = makeCore({ vaultDir: big });
    try {
      await t.do.vault.unlock({ passphrase: PASS });
      const worksheets = (await t.do.library.list()).slice(0, 3);
      for (let i = 1; i <= EXTRA; i++) {
        const client = await t.do.clients.create({ name: `Extra Client ${i}`, startDate: '2026-01-05' });
        for (const w of worksheets) {
          await t.do.assignments.create({
            clientId: client.id,
            worksheetId: w.id,
            frequency: { kind: 'daily' },
            startDate: '2026-01-05',
            phase: 'baseline',
          });
        }
      }
    } finally {
      t.cleanup();
    }
    // A real pipe (a shell's `| cat`), as a clinician would write `info --json | jq`.
    const env: Record<string, string> = { ...(process.env as Record<string, string>), STEPWISE_PASSPHRASE: PASS };
    const child = spawn('sh', ['-c', '"$0" --import tsx electron/cli.ts info --vault "$1" --json | cat', process.execPath, big], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const out = Buffer.concat(chunks);
    expect(code).toBe(0);
    expect(out.length).toBeGreaterThan(3 * 65_536);
    const info = JSON.parse(out.toString('utf8')) as { clients: { name: string; assignments: unknown[] }[] };
    expect(info.clients.length).toBe(13 + EXTRA);
    expect(info.clients.find((c) => c.name === `Extra Client ${EXTRA}`)?.assignments).toHaveLength(3);
  });

  it('init refuses a short passphrase without creating anything', () => {
    const dir = path.join(tmp.dir, 'short');
    const r = cli(['init', '--vault', dir], 'short');
    expect(r.code).not.toBe(0);
    expect(r.err).toBe('stepwise: A passphrase needs at least 10 characters.\n');
    expect(() => readdirSync(dir)).toThrow();
  });

  it('backup, check-backup and restore: the restored vault has the same clients', () => {
    const file = path.join(tmp.dir, 'cli.swbackup');
    const b = cli(['backup', '--vault', vault, '--out', file]);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    expect(b.out).toContain(`Wrote an encrypted backup to ${file}`);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('stepwise-backup-'))).toEqual([]);
    const again = cli(['backup', '--vault', vault, '--out', file]);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/already exists/);

    const c = cli(['check-backup', '--backup', file]);
    expect(c.err).toBe('');
    expect(c.out).toMatch(/^The backup of .* is good \(integrity ok/);
    const wrong = cli(['check-backup', '--backup', file], 'not the right passphrase');
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toMatch(/^stepwise: That backup does not open with this key/);

    const target = path.join(tmp.dir, 'restored');
    const r = cli(['restore', '--backup', file, '--vault', target]);
    expect(r.err).toBe('');
    expect(r.out).toContain(`into ${target}; it opened and passed its check`);
    const names = (dir: string) =>
      (JSON.parse(cli(['info', '--vault', dir, '--json']).out) as { clients: { name: string }[] }).clients.map((x) => x.name);
    expect(names(target)).toEqual(names(vault));
    const over = cli(['restore', '--backup', file, '--vault', target]);
    expect(over.code).not.toBe(0);
    expect(over.err).toMatch(/already holds a Stepwise vault/);
  });

  it('delete-client deletes an archived client for good only with --yes', () => {
    type Info = { clients: { id: string; name: string; status: string }[] };
    const info = () => JSON.parse(cli(['info', '--vault', vault, '--json']).out) as Info;
    const before = info().clients;
    const archived = before.find((c) => c.status === 'archived')!;
    const ask = cli(['delete-client', '--vault', vault, '--client', archived.id]);
    expect(ask.code).toBe(2);
    expect(ask.out).toContain(`This would delete ${archived.name}`);
    expect(ask.out).toContain('Nothing was deleted');
    const r = cli(['delete-client', '--vault', vault, '--client', archived.id, '--yes']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Deleted ${archived.name} and all of their records for good.`);
    expect(r.out).toContain('Backups made before now still contain them');
    expect(info().clients.map((c) => c.id)).toEqual(before.filter((c) => c.id !== archived.id).map((c) => c.id));
    // Four runs of the command line, each unlocking with the app's own scrypt cost.
  }, 180_000);
});
