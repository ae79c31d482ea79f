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

  it('keeps an unsaved client form through a lock and offers it back after unlocking', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const created = await app.api.vault.create({ passphrase: PASS });
    if (!created.ok) throw new Error('vault.create failed');
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
    await page.getByRole('link', { name: 'New client' }).first().click();
    await page.getByRole('heading', { name: 'New client' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Half Typed Name');
    // Kept in the vault while typing (after a short pause).
    for (let i = 0; i < 50; i++) {
      const d = await app.api.drafts.get({ formKey: 'client:new' });
      if (d.ok && d.value) break;
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Control+L');
    await page.getByLabel('Passphrase').waitFor();
    await page.getByLabel('Passphrase').fill(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
    await page.getByRole('link', { name: 'New client' }).first().click();
    await page.getByRole('heading', { name: 'New client' }).waitFor();
    await page.getByText(/You have unsaved changes to this form from/).waitFor();
    await app.shot('safe2-04-draft-offered');
    await page.getByRole('button', { name: 'Restore them' }).click();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Half Typed Name');
    await app.close();
  });
});
