import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerDispatcher } from '../../electron/core/api';
import { seedDemo } from '../../electron/core/demo';
import { createContractDispatcher, hostClient } from '../../electron/host';
import { shellHandlers } from '../../electron/main/shell-handlers';
import { internalContract, shellContract, workerContract, type ApiOf, type ShellContract } from '../../shared/contract';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { testOutputHost } from '../support/output';
import { unlockedCore, type TestCore } from '../support/vault';

let t: TestCore;
let shell: ApiOf<ShellContract>;
let out: ReturnType<typeof testOutputHost>;
let zoe: { id: string; assignments: { id: string; status: string }[] };
const exportsDir = () => path.join(path.dirname(t.dir), 'exports');

beforeAll(async () => {
  t = await unlockedCore({ now: () => new Date('2026-03-10T10:00:00Z') });
  await seedDemo(t.do, t.core.now());
  const worker = hostClient(
    workerContract,
    createWorkerDispatcher(t.core, () => {}),
  );
  execFileSync('mkdir', ['-p', exportsDir()]);
  out = testOutputHost(worker.do, exportsDir());
  const shellDispatch = createContractDispatcher(
    shellContract,
    shellHandlers,
    {
      settings: { get: () => DEFAULT_SETTINGS, update: () => DEFAULT_SETTINGS },
      app: { version: 't', vaultDir: t.dir, platform: 'linux' },
      output: out.host,
    },
    { log: () => {} },
  );
  shell = hostClient(shellContract, shellDispatch).api;
  const clients = await t.do.clients.list({ status: 'all' });
  const c = clients.find((x) => x.name === 'Zoë Łukasiewicz')!;
  zoe = { id: c.id, assignments: await t.do.assignments.list({ clientId: c.id }) };
});
afterAll(() => t.cleanup());

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('printing and saving through the main process', () => {
  it('renders an assignment for preview without writing a file or an audit event', async () => {
    const before = (await t.do.audit.list()).length;
    const active = zoe.assignments.find((a) => a.status === 'active')!;
    const pdf = await t.do.print.assignment({
      assignmentId: active.id,
    });
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.fileName).toMatch(/ - ZŁ\.pdf$/);
    expect(pdf.fileName).not.toContain('Łukasiewicz');
    expect((await t.do.audit.list()).length).toBe(before);
  });

  it('saves a packet where the clinician chose, and records the export without content', async () => {
    const r = await shell.output.save({ kind: 'packet', clientId: zoe.id, options: { paper: 'letter', largePrint: true } });
    expect(r).toMatchObject({ ok: true, value: { saved: true } });
    const file = out.state.saved.at(-1)!;
    expect(existsSync(file)).toBe(true);
    const body = text(file);
    expect(body).toContain('Zoë Łukasiewicz');
    expect(body).toContain('Exposure practice log');
    const events = await t.do.audit.list();
    expect(events[0]).toMatchObject({ action: 'exported', entity: 'packet', entityId: zoe.id });
    expect(events[0]!.detail).toMatch(/^pdf, \d+ pages, letter, large print$/);
    const all = JSON.stringify(await t.do.audit.list({ limit: 500 }));
    expect(all).not.toContain('Łukasiewicz');
    expect(all).not.toContain('Exposure');
  });

  // issue 9: the progress report goes out the same way, recorded without content.
  it('saves a progress report for the client and records the export without content', async () => {
    const r = await shell.output.save({
      kind: 'progressReport',
      clientId: zoe.id,
      audience: 'client',
      options: { paper: 'a4', nameOnWorksheets: 'initials' },
    });
    expect(r).toMatchObject({ ok: true, value: { saved: true } });
    const body = text(out.state.saved.at(-1)!);
    expect(body).toContain('Your progress so far');
    expect(body).not.toContain('Łukasiewicz');
    const events = await t.do.audit.list();
    expect(events[0]).toMatchObject({ action: 'exported', entity: 'report', entityId: zoe.id });
    expect(events[0]!.detail).toMatch(/^pdf, \d+ pages?, a4, client report$/);
  });

  it('writes nothing and records nothing when the clinician cancels', async () => {
    const files = readdirSync(exportsDir()).length;
    const events = (await t.do.audit.list({ limit: 500 })).length;
    out.state.cancelNext = true;
    const a = zoe.assignments.find((x) => x.status === 'active')!;
    expect(await shell.output.save({ kind: 'assignment', assignmentId: a.id, options: {} })).toEqual({
      ok: true,
      value: { saved: false, fileName: null },
    });
    expect(readdirSync(exportsDir()).length).toBe(files);
    expect((await t.do.audit.list({ limit: 500 })).length).toBe(events);
  });

  it('prints with initials only when the clinician prefers, and records it', async () => {
    const a = zoe.assignments.find((x) => x.status === 'active')!;
    const r = await shell.output.print({
      kind: 'assignment',
      assignmentId: a.id,
      fillable: false,
      options: { nameOnWorksheets: 'initials' },
    });
    expect(r).toEqual({ ok: true, value: { opened: true } });
    const printed = out.state.printed.at(-1)!;
    const file = path.join(exportsDir(), 'printed.pdf');
    execFileSync('sh', ['-c', `cat > "${file}"`], { input: Buffer.from(printed.bytes) });
    const body = text(file);
    expect(body).toContain('Z. Ł.');
    expect(body).not.toContain('Łukasiewicz');
    expect((await t.do.audit.list())[0]!.action).toBe('printed');
  });

  it('refuses a packet for a client with no active homework, and unknown IDs, in plain words', async () => {
    const created = await t.do.clients.create({ name: 'Nobody Yet', startDate: '2026-03-01' });
    const r = await shell.output.save({ kind: 'packet', clientId: created.id, options: {} });
    expect(r).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This client has no active homework to print. Assign a worksheet first.' },
    });
    const u = await t.api.print.assignment({ assignmentId: '0'.repeat(32) });
    expect(u).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('the renderer cannot reach the internal audit channel', async () => {
    expect(
      await hostClient(internalContract, t.dispatch).api.audit.record({
        action: 'exported',
        entity: 'packet',
        entityId: zoe.id,
        detail: null,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Unknown request.' },
    });
  });

  it('openPdf returns the chosen file’s bytes, nothing when cancelled, and refuses a file too large', async () => {
    expect(await shell.output.openPdf()).toEqual({ ok: true, value: { bytes: null, fileName: null } });
    const file = path.join(exportsDir(), 'filled.pdf');
    writeFileSync(file, Buffer.from('%PDF-1.7 test'));
    out.state.openNext = file;
    const r = await shell.output.openPdf();
    expect(r.ok && r.value.fileName).toBe('filled.pdf');
    expect(r.ok && Buffer.from(r.value.bytes!).toString()).toBe('%PDF-1.7 test');
    const big = path.join(exportsDir(), 'big.pdf');
    writeFileSync(big, '');
    truncateSync(big, 21 * 1024 * 1024);
    out.state.openNext = big;
    const e = await shell.output.openPdf();
    expect(!e.ok && e.error.message).toMatch(/20 MB at most/);
  });
});

describe('the activity log, the recovery key and the dialogs through the main process', () => {
  it('saves the activity log as CSV where the clinician chooses (nothing when they cancel)', async () => {
    const r = await shell.output.saveActivityCsv({ action: 'created' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.saved).toBe(true);
    expect(r.value.fileName).toMatch(/^stepwise-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(path.join(exportsDir(), r.value.fileName!), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/action/i);
    expect(csv).toContain('created');
    expect(r.value.rows).toBeGreaterThan(0);
    out.state.cancelNext = true;
    expect(await shell.output.saveActivityCsv(undefined)).toEqual({ ok: true, value: { saved: false, fileName: null, rows: 0 } });
  });

  it('saves the recovery key as a plain text file with a note on keeping it safe', async () => {
    const key = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
    const r = await shell.output.saveRecoveryKey({ recoveryKey: key });
    expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'Stepwise recovery key.txt' } });
    const body = readFileSync(path.join(exportsDir(), 'Stepwise recovery key.txt'), 'utf8');
    expect(body).toContain(key);
    expect(body).toMatch(/forget your passphrase/);
    expect(body).toMatch(/away from this computer/);
    expect((await shell.output.saveRecoveryKey({ recoveryKey: 'x'.repeat(500) })).ok).toBe(false);
  });

  it('gives the folder or backup file chosen in the system dialog, or null when cancelled', async () => {
    out.state.folderNext = '/media/backup-drive/Stepwise';
    expect(await shell.output.chooseFolder({ purpose: 'backupFolder' })).toEqual({
      ok: true,
      value: { path: '/media/backup-drive/Stepwise' },
    });
    expect(await shell.output.chooseFolder({ purpose: 'restoreFolder' })).toEqual({ ok: true, value: { path: null } });
    expect(out.state.folderPurposes).toEqual(['backupFolder', 'restoreFolder']);
    expect((await shell.output.chooseFolder({ purpose: 'anything' } as never)).ok).toBe(false);
    out.state.openNext = '/media/backup-drive/stepwise-backup-20261128-100000.swbackup';
    expect(await shell.output.chooseBackupFile()).toEqual({
      ok: true,
      value: { path: '/media/backup-drive/stepwise-backup-20261128-100000.swbackup' },
    });
  });
});
