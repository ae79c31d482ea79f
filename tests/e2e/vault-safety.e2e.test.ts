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

describe('passphrase strength and new keys in the renderer', () => {
  it('explains why a weak passphrase is refused and creates nothing', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByRole('heading', { name: 'Welcome to Stepwise' }).waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill('password12');
    await page.getByLabel('Type the passphrase again').fill('password12');
    // The estimate loads on its own; then it explains in plain words.
    await page.getByText('Very easy to guess.').waitFor();
    await page.getByText(/This is a commonly used password\..*would need .* to find it/).waitFor();
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await page.getByText('That passphrase is too easy to guess. Add another word or two that do not belong together.').waitFor();
    await app.shot('safe-01-weak-passphrase');
    expect(await app.api.vault.status(undefined)).toEqual({ ok: true, value: { exists: false, unlocked: false } });

    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByLabel('Type the passphrase again').fill(PASS);
    await page.getByText('Strong.').waitFor();
    await app.shot('safe-02-strong-passphrase');
    await app.close();
  });

  it('makes a new recovery key from Settings: asks the passphrase once, shows the key, the old one stops working', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const created = await app.api.vault.create({ passphrase: PASS });
    if (!created.ok) throw new Error('vault.create failed');
    const oldKey = (created.value as { recoveryKey: string }).recoveryKey;
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Recovery key' }).waitFor();
    await page.getByRole('button', { name: 'Make a new recovery key' }).click();
    await app.shot('safe-03-new-keys-ask');

    await page.getByLabel('Your passphrase, to confirm').fill('not the passphrase');
    await page.getByRole('button', { name: 'Make new keys' }).click();
    await page.getByText('That passphrase is not right. Please check it and try again.').first().waitFor();

    await page.getByLabel('Your passphrase, to confirm').fill(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your new recovery key' }).waitFor();
    const newKey = (await page.getByTestId('recovery-key').textContent())!.trim();
    expect(newKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(newKey).not.toBe(oldKey);
    await app.shot('safe-04-new-recovery-key');
    const back = page.getByRole('button', { name: 'Back to Settings' });
    expect(await back.isDisabled()).toBe(true);
    await page.getByLabel('I have written down, printed or saved my recovery key and stored it safely.').check();
    await back.click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();

    await app.api.vault.lock(undefined);
    expect(await app.api.vault.unlock({ recoveryKey: oldKey })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await app.api.vault.unlock({ recoveryKey: newKey })).toMatchObject({ ok: true });
    await app.close();
  });
});
