import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './harness';

const PASS = 'maple river quietly 42 lanterns';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('backups and the activity log in Settings', () => {
  it('warns on Today without a backup, backs up from Settings, checks it, shows the activity log', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const created = await app.api.vault.create({ passphrase: PASS });
    if (!created.ok) throw new Error('vault.create failed');
    await app.api.clients.create({ name: 'Robin Example', startDate: '2026-01-05' });
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByText('No backup yet.').waitFor();
    await app.shot('safe2-01-today-no-backup');

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Backups' }).waitFor();
    const folder = path.join(path.dirname(app.vaultDir), 'backups');
    await page.getByLabel('Backup folder').fill(folder);
    await page.getByLabel('Backup folder').blur();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backed up and checked:').waitFor();
    await page.getByText(/^Last backup: /).waitFor();
    expect(readdirSync(folder)).toHaveLength(1);
    await page.getByRole('button', { name: 'Check this backup' }).click();
    await page.getByText(/That backup \(made .*\) is good: 1 clients/).waitFor();
    await app.shot('safe2-02-settings-backups');

    await page.getByRole('heading', { name: 'Activity log' }).scrollIntoViewIfNeeded();
    await page.getByLabel('Kind').selectOption('created');
    await page.getByRole('cell', { name: 'client — Robin Example' }).waitFor();
    await app.shot('safe2-03-activity-log');
    await app.close();
  });
});
