import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { writeHistory } from '../../electron/core/history';
import { launchBrowser, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const URL = 'http://stepwise.test/index.html#';

describe('handout, export and client import, as a therapist', () => {
  it('previews and saves the session handout: the takeaways and homework, never the notes', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await app.do.vault.create({ passphrase: 'handout e2e passphrase' });
    await seedDemo(app.do, new Date());
    const zoe = (await app.do.clients.list({ status: 'all' })).find((c) => c.name === 'Zoë Łukasiewicz')!;
    const active = (await app.do.assignments.list({ clientId: zoe.id })).filter((a) => a.status === 'active');
    const today = new Date().toISOString().slice(0, 10);
    const { sessions } = writeHistory(app.core, {
      sessions: [
        {
          clientId: zoe.id,
          number: 6,
          date: today,
          attendance: 'attended',
          modality: 'video',
          notes: 'PRIVATE: talked about her father',
          takeaways: 'My heart racing is not a heart attack; I can stay on the train.',
          reviews: active.map((a, i) => ({
            assignmentId: a.id,
            completion: i === 0 ? ('full' as const) : ('not-done' as const),
            amountDone: i === 0 ? 3 : null,
            amountExpected: i === 0 ? 3 : null,
            obstacles: i === 0 ? [] : ['anxiety-avoidance'],
            obstacleOther: 'PRIVATE obstacle',
            plan: 'continue' as const,
          })),
        },
      ],
    });
    await page.goto(`${URL}/print?handout=${sessions[0]}`);
    await page.getByRole('heading', { name: 'Print the session handout' }).waitFor();
    await page.getByRole('link', { name: 'Back to the session with Zoë Łukasiewicz' }).waitFor();
    await page.getByRole('img', { name: /page 1 of \d+/ }).waitFor();
    await page.waitForTimeout(300);
    await app.shot('handout-01-preview');
    await page.getByRole('button', { name: 'Save PDF…' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const text = execFileSync('pdftotext', [app.output.saved.at(-1)!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('I can stay on the train.');
    expect(text).toContain('Your practice for the coming week');
    expect(text).toContain(active[0]!.title);
    expect(text).not.toContain('PRIVATE');
    expect((await app.do.audit.list({ limit: 1 }))[0]).toMatchObject({
      action: 'exported',
      entity: 'handout',
      entityId: sessions[0],
    });
    await app.close();
  });

  it('exports one client as CSV from their page and the whole vault as JSON from Settings, warned first', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await app.do.vault.create({ passphrase: 'export e2e passphrase' });
    await seedDemo(app.do, new Date());
    const zoe = (await app.do.clients.list({ status: 'all' })).find((c) => c.name === 'Zoë Łukasiewicz')!;
    await page.goto(`${URL}/clients/${zoe.id}`);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export Zoë Łukasiewicz' });
    await dialog.getByText('An export is not encrypted.').waitFor();
    await dialog.getByLabel(/^CSV/).check();
    await app.shot('export-01-dialog');
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: /Saved \d+ files in the new folder/ })
      .waitFor();
    await app.shot('export-02-saved');
    const folder = app.output.saved.at(-1)!;
    expect(readdirSync(folder)).toContain('clients.csv');
    expect(readFileSync(path.join(folder, 'clients.csv'), 'utf8')).toContain('Zoë Łukasiewicz');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect((await app.do.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'exported', entity: 'client', entityId: zoe.id });

    await page.goto(`${URL}/settings`);
    await page.getByRole('button', { name: 'Export all clients…' }).click();
    const all = page.getByRole('dialog', { name: 'Export all clients' });
    await all.getByRole('button', { name: 'Export…' }).click();
    await all
      .getByRole('status')
      .filter({ hasText: /^Saved “Stepwise export - all clients - .*\.json”\.$/ })
      .waitFor();
    const doc = JSON.parse(readFileSync(app.output.saved.at(-1)!, 'utf8'));
    expect(doc.clients.length).toBe(13);
    expect((await app.do.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'exported', entity: 'vault', entityId: null });
    await app.close();
  });

  it('imports clients from a CSV: preview with problems and duplicates flagged, then the ticked rows', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await app.do.vault.create({ passphrase: 'import e2e passphrase' });
    await app.do.clients.create({ name: 'Zoë Łukasiewicz', dateOfBirth: '1991-04-17', startDate: '2026-01-05' });
    await page.goto(`${URL}/clients`);
    await page.getByRole('link', { name: 'Import from CSV…' }).click();
    await page.getByRole('heading', { name: 'Import clients from a CSV file' }).waitFor();
    const csv = [
      '\uFEFFFirst name,Last name,Preferred name,Date of birth,Start date',
      'Anaïs,"Lefèvre, née Roux",Ana,14/03/1988,2026-03-01',
      'ZOE,Lukasiewicz,,17/04/1991,',
      'Bob,"The ""Builder""",,1975-04-03,',
      ',,Nick,,',
      'Dieter,Day,,03/14/1980,',
    ].join('\r\n');
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('table').waitFor();
    await page.getByText('5 rows: 3 can be imported, 2 cannot').waitFor();
    await app.shot('import-01-preview');
    expect(await page.getByLabel('Import row 3, ZOE Lukasiewicz').isChecked()).toBe(false);
    expect(await page.getByLabel('Import row 5').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Import 2 clients' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 2 clients.' }).waitFor();
    await app.shot('import-02-done');
    const names = (await app.do.clients.list({ status: 'all' })).map((c) => c.name);
    expect(names).toEqual(['Anaïs Lefèvre, née Roux', 'Bob The "Builder"', 'Zoë Łukasiewicz']);
    await app.close();
  });
});
