import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, openApp, type AppPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function unlockedApp(): Promise<AppPage> {
  const app = await openApp(browser);
  const r = await app.api.vault.create({ passphrase: 'some long passphrase' });
  expect(r.ok).toBe(true);
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Today' }).waitFor();
  return app;
}

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

/** The window at the two sizes the issue names. */
async function shots(app: AppPage, name: string) {
  for (const [w, h] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await app.page.setViewportSize({ width: w, height: h });
    await app.page.waitForTimeout(100); // the preview follows a moment later (deferred rendering)
    await app.page.screenshot({ path: path.join(ARTIFACTS, `drafts-${name}-${w}.png`) });
  }
  await app.page.setViewportSize({ width: 1280, height: 900 });
}

describe('a worksheet saved as a draft (issue 11)', () => {
  it('is kept incomplete, marked in the library, cannot be assigned (and says why), then is finished and assigned', async () => {
    const app = await unlockedApp();
    const { page } = app;
    await app.page.setViewportSize({ width: 1280, height: 900 });
    const client = await app.do.clients.create({ name: 'Ingrid Nilsen', startDate: '2026-01-05' });

    // A title and one part with an impossible scale: the preview shows a placeholder, the field the message.
    await go(page, '#/library/new');
    await page.getByRole('heading', { name: 'New worksheet', level: 1 }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Evening wind-down log');
    await page.getByRole('button', { name: '+ Add a part' }).click();
    await page.getByRole('button', { name: /^Rating scale/ }).click();
    await page.keyboard.type('How calm did you feel?');
    const part = page.locator('#wd-blocks-0');
    await part.getByLabel('Lowest').fill('10');
    await part.getByLabel('Highest').fill('0');
    await part.getByLabel('Step').fill('0');
    const preview = page.getByRole('complementary', { name: 'Preview' });
    await preview.getByText('The scale cannot be shown yet.').waitFor();
    expect(await preview.locator('.wsp-scale').count()).toBe(0);
    expect(await preview.getByText(/Circle a number/).count()).toBe(0);
    await part.getByText('A scale needs a highest value above its lowest value.').first().waitFor();
    await shots(app, '01-impossible-scale');

    // Save as draft (the keyboard shortcut): nothing typed is lost, and what is missing is listed at once.
    await page.getByLabel('Title', { exact: true }).focus();
    await page.keyboard.press('Control+Shift+S');
    await page.getByRole('heading', { name: 'Draft: Evening wind-down log', level: 1 }).waitFor();
    await page.getByText('Saved as a draft in your library.').waitFor();
    const todo = page.getByRole('region', { name: /things to do before it can be assigned/ });
    await todo.waitFor();
    for (const line of ['One-line summary: Please enter a one-line summary.', 'Category: Please choose a category.']) {
      await todo.getByText(line).waitFor();
    }
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Evening wind-down log');
    expect(await page.locator('#wd-blocks-0').getByLabel('Lowest').inputValue()).toBe('10');
    await shots(app, '02-saved-as-draft');
    const [draft] = await app.do.library.drafts();
    expect(draft).toMatchObject({ title: 'Evening wind-down log', ready: false, worksheetId: null });

    // The library marks it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    const drafts = page.getByRole('list', { name: 'Drafts' });
    await drafts.getByText(/^Draft — not ready to assign: One-line summary: Please enter a one-line summary/).waitFor();
    await shots(app, '03-library');

    // It cannot be assigned: the picker says why, and so does the core.
    await go(page, `#/clients/${client.id}/assign`);
    await page.getByText('One worksheet is still a draft, so not listed').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Draft — not ready to assign' }).first().waitFor();
    expect(await page.getByRole('option', { name: /Evening wind-down log/ }).count()).toBe(0);
    await shots(app, '04-assign-picker');
    const refused = await app.api.assignments.create({
      clientId: client.id,
      worksheetId: draft!.id,
      frequency: { kind: 'daily' },
      startDate: '2026-01-12',
      phase: 'baseline',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('is still a draft, so it cannot be assigned yet');

    // Finish it and save: it becomes version 1 and can be assigned.
    await page.getByRole('link', { name: 'Evening wind-down log' }).first().click();
    await page.getByRole('heading', { name: 'Draft: Evening wind-down log', level: 1 }).waitFor();
    await page.getByLabel('One-line summary').fill('Notice how you wind down before sleep.');
    await page.getByLabel('Category').selectOption({ label: 'Sleep' });
    await page.getByLabel('Approach').selectOption({ label: 'Behavioural' });
    await page.getByLabel('Baseline observation').check();
    await page.getByLabel('Why this helps').fill('Seeing the pattern helps us choose what to change.');
    await page.getByLabel('Step 1', { exact: true }).fill('Each evening, rate how calm you felt.');
    const part2 = page.locator('#wd-blocks-0');
    await part2.getByLabel('Lowest').fill('0');
    await part2.getByLabel('Highest').fill('10');
    await part2.getByLabel('Step').fill('1');
    await page.getByText('Nothing is missing: choose Save to make it ready to assign.').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Evening wind-down log', level: 1, exact: true }).waitFor();
    await page.getByText('is in your library now and can be assigned').waitFor();
    expect(await app.do.library.drafts()).toEqual([]);

    await go(page, `#/clients/${client.id}/assign`);
    await page.getByRole('option', { name: /Evening wind-down log/ }).click();
    await page.getByRole('radio', { name: 'Every day' }).check();
    await page.getByRole('button', { name: 'Assign homework' }).click();
    await page.getByText('“Evening wind-down log” was assigned to Ingrid Nilsen.').waitFor();
    await app.close();
  }, 120_000);
});
