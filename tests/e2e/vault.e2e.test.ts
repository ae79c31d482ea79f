import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, openApp, type AppPage } from './harness';

const PASS = 'maple river quietly 42 lanterns';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('vault in the renderer', () => {
  let app: AppPage;

  it('creates a vault, shows the recovery key once, locks and unlocks', async () => {
    app = await openApp(browser);
    const { page } = app;
    await page.getByRole('heading', { name: 'Welcome to Stepwise' }).waitFor();
    await app.shot('01-create-vault');

    // Mismatched passphrases get a clear message next to the field, and nothing is created.
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByLabel('Type the passphrase again').fill(`${PASS}x`);
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(page.getByText('The two passphrases are not the same. Please type it again.').isVisible()).resolves.toBe(true);
    expect((await app.api.vault.status()).ok && (await app.api.vault.status())).toMatchObject({
      value: { exists: false },
    });
    await app.shot('02-create-mismatch');

    // Keyboard only from here: type the repeat and press Enter.
    await page.getByLabel('Type the passphrase again').fill(PASS);
    await expect(
      page
        .getByText(/Strong|Good/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.keyboard.press('Enter');
    const keyEl = page.getByTestId('recovery-key');
    await keyEl.waitFor();
    const recoveryKey = (await keyEl.textContent())!.trim();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await app.shot('03-recovery-key');
    // Saved as a text file too, through the main process's save dialog.
    await page.getByRole('button', { name: 'Save as a file…' }).click();
    await page.getByText('Saved as Stepwise recovery key.txt.', { exact: false }).waitFor();
    expect(readFileSync(path.join(app.exportsDir, 'Stepwise recovery key.txt'), 'utf8')).toContain(recoveryKey);
    for (const [w, h] of [
      [1024, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: path.join(ARTIFACTS, `safe3-04-recovery-key-${w}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    const cont = page.getByRole('button', { name: 'Continue to Stepwise' });
    expect(await cont.isDisabled()).toBe(true);
    await page.getByLabel('I have written down, printed or saved my recovery key and stored it safely.').check();
    await cont.click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await app.shot('04-today');

    // Lock with the keyboard shortcut.
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Stepwise is locked' }).waitFor();
    expect(await app.api.vault.status()).toEqual({ ok: true, value: { exists: true, unlocked: false } });

    // A wrong passphrase: a clear message, still locked.
    await page.getByLabel('Passphrase').fill('not the right one');
    await page.keyboard.press('Enter');
    await page.getByText('That passphrase is not right. Please check it and try again.').waitFor();
    await app.shot('05-wrong-passphrase');
    expect(await app.api.vault.status()).toEqual({ ok: true, value: { exists: true, unlocked: false } });

    // The right one opens it.
    await page.getByLabel('Passphrase').fill(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    // The Lock button locks too.
    await page.getByRole('button', { name: /^Lock/ }).click();
    await page.getByRole('heading', { name: 'Stepwise is locked' }).waitFor();

    // Forgotten passphrase: the recovery key opens the vault and a new passphrase is chosen.
    await page.getByRole('button', { name: 'I forgot my passphrase' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Choose a new passphrase' }).waitFor();
    await page.getByLabel('New passphrase', { exact: true }).fill('a completely new passphrase');
    await page.getByLabel('Type the new passphrase again').fill('a completely new passphrase');
    await app.shot('06-new-passphrase');
    await page.getByRole('button', { name: 'Save the new passphrase' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.keyboard.press('Control+l');
    await page.getByLabel('Passphrase').fill('a completely new passphrase');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await app.close();
  });

  it('every control on the create screen is reachable by Tab and has a visible focus ring', async () => {
    app = await openApp(browser);
    const { page } = app;
    await page.getByRole('heading', { name: 'Welcome to Stepwise' }).waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const d = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el === document.body) return { label: '', outline: 'none' };
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : el.textContent;
        const style = getComputedStyle(el);
        return { label: label ?? '', outline: style.outlineStyle };
      });
      seen.push(d.label);
      if (d.label) expect(d.outline).not.toBe('none');
      await page.keyboard.press('Tab');
    }
    expect(seen).toEqual(expect.arrayContaining(['Passphrase', 'Type the passphrase again', 'Create the vault']));
    await app.close();
  });
});
