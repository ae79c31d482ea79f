import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, openApp } from './harness';

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
    // The folder comes from the system's folder dialog (faked at the shell boundary).
    app.output.folderNext = folder;
    await page.getByRole('button', { name: 'Choose the backup folder…' }).click();
    await page.getByTestId('backup-folder').getByText(folder).waitFor();
    expect(app.settings.backupFolder).toBe(folder);
    expect(app.output.folderPurposes).toEqual(['backupFolder']);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backed up and checked:').waitFor();
    await page.getByText(/^Last backup: /).waitFor();
    expect(readdirSync(folder)).toHaveLength(1);
    await page.getByRole('button', { name: 'Check this backup' }).click();
    await page.getByText(/That backup \(made .*\) is good: 1 clients/).waitFor();
    await app.shot('safe2-02-settings-backups');
    for (const [w, h] of [
      [1024, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByRole('heading', { name: 'Backups' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `safe3-00-backup-folder-${w}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.getByRole('heading', { name: 'Activity log' }).scrollIntoViewIfNeeded();
    await page.getByLabel('Kind').selectOption('created');
    await page.getByRole('cell', { name: 'client — Robin Example' }).waitFor();
    await app.shot('safe2-03-activity-log');
    // Saved by the main process through its save dialog, not a download in the page.
    await page.getByRole('button', { name: 'Save as CSV…' }).click();
    await page.getByText(/^Saved \d+ events? as stepwise-activity-.*\.csv\.$/).waitFor();
    expect(readdirSync(app.exportsDir).some((f) => /^stepwise-activity-.*\.csv$/.test(f))).toBe(true);
    await app.close();
  });

  it('restores a backup into a new folder, then in place of the vault after a clear confirmation', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const created = await app.api.vault.create({ passphrase: PASS });
    if (!created.ok) throw new Error('vault.create failed');
    await app.api.clients.create({ name: 'Before Backup', startDate: '2026-01-05' });
    const folder = path.join(path.dirname(app.vaultDir), 'backups');
    const made = await app.do.backup.create({ folder });
    await app.api.clients.create({ name: 'After Backup', startDate: '2026-02-05' });
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const restore = page.getByRole('heading', { name: 'Restore from a backup' });
    await restore.scrollIntoViewIfNeeded();

    // Into a new folder: the backup file and the folder come from the system's dialogs.
    app.output.openNext = made.file;
    await page.getByRole('button', { name: 'Choose a backup file…' }).click();
    await page.getByText(made.file).first().waitFor();
    await page.getByLabel('Passphrase of the backup').fill(PASS);
    const target = path.join(path.dirname(app.vaultDir), 'restored');
    app.output.folderNext = target;
    await page.getByRole('button', { name: 'Choose a new folder…' }).click();
    await page.getByText(target).waitFor();
    for (const [w, h] of [
      [1024, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await restore.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `safe3-01-restore-new-${w}.png`) });
    }
    await page.getByRole('button', { name: 'Restore into the new folder' }).click();
    await page.getByText(/was restored into .*restored\. This vault was not changed\./).waitFor();
    expect(readdirSync(target)).toContain('stepwise.key');
    expect((await app.do.clients.list({ status: 'all' })).map((c) => c.name).sort()).toEqual(['After Backup', 'Before Backup']);

    // In place of this vault: only after the clinician ticks the confirmation.
    await page.getByLabel('In place of this vault').check();
    await page.getByText('Everything in this vault now will be replaced').waitFor();
    const replace = page.getByRole('button', { name: 'Replace this vault' });
    expect(await replace.isDisabled()).toBe(true);
    await page.getByLabel('Passphrase of the backup').fill(PASS);
    await page.getByLabel('I understand: replace this vault with the backup.').check();
    for (const [w, h] of [
      [1024, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await replace.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `safe3-02-restore-replace-${w}.png`) });
    }
    await replace.click();
    await page.getByText(/This vault now holds the backup made/).waitFor();
    expect((await app.do.clients.list({ status: 'all' })).map((c) => c.name)).toEqual(['Before Backup']);
    await page.getByRole('heading', { name: 'Vault' }).scrollIntoViewIfNeeded();
    await page.getByText('Technical details').first().waitFor();
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('heading', { name: 'Vault' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'safe3-03-vault-plain-words-1024.png') });
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
