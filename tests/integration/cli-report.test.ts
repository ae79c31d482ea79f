import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/vault';

/** The CLI's `report` (issue 9): a valid PDF for each audience, written whole, its flags checked. */
const tmp = tempDir('stepwise-cli-report-');
afterAll(() => tmp.cleanup());
const vault = path.join(tmp.dir, 'v');
const PASS = 'cli report passphrase 1';

function cli(args: string[]) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), STEPWISE_PASSPHRASE: PASS };
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { env, encoding: 'utf8', input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('cli report', () => {
  // The demo vault with a real key derivation, and two reports: slow on a shared machine.
  it('writes the clinician and the client progress report as valid PDFs', { timeout: 300_000 }, () => {
    expect(cli(['demo', '--vault', vault]).code).toBe(0);
    const info = JSON.parse(cli(['info', '--vault', vault, '--json']).out) as { clients: { id: string; name: string }[] };
    const zoe = info.clients.find((c) => c.name === 'Zoë Łukasiewicz')!;

    const clinician = path.join(tmp.dir, 'clinician.pdf');
    const r = cli(['report', '--vault', vault, '--client', zoe.id, '--out', clinician, '--paper', 'letter']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*clinician\.pdf \(\d+ pages?\)\.\n$/);
    expect(execFileSync('pdfinfo', [clinician], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts/);
    const c = text(clinician);
    expect(c).toContain('Progress report');
    expect(c).toContain('Zoë Łukasiewicz');
    expect(c).toContain('Homework beside outcome');

    const client = path.join(tmp.dir, 'client.pdf');
    const k = cli([
      'report',
      '--vault',
      vault,
      '--client',
      zoe.id,
      '--out',
      client,
      '--audience',
      'client',
      '--initials',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
    ]);
    expect(k.err).toBe('');
    expect(k.code).toBe(0);
    const t = text(client);
    expect(t).toContain('Your progress so far');
    expect(t).toContain('Z. Ł.');
    expect(t).not.toContain('Łukasiewicz');
    expect(t.toLowerCase()).not.toContain('item 9');
    expect(existsSync(`${client}.part`)).toBe(false);
  });

  it('refuses a wrong audience, paper or date in one clear line', { timeout: 120_000 }, () => {
    const bad = (args: string[]) => cli(['report', '--vault', vault, '--client', 'x'.repeat(32), '--out', 'x.pdf', ...args]);
    expect(bad(['--audience', 'referrer'])).toMatchObject({ code: 2, err: expect.stringMatching(/clinician or client/) });
    expect(bad(['--paper', 'a5'])).toMatchObject({ code: 2, err: expect.stringMatching(/a4 or letter/) });
    expect(bad(['--from', '1 March'])).toMatchObject({ code: 2, err: expect.stringMatching(/YYYY-MM-DD/) });
  });
});
