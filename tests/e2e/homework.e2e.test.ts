import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './harness';

/**
 * The whole first half of a therapist's week, as a new therapist would do it in the app:
 * create a client with a goal, duplicate a built-in worksheet and change it, assign it with
 * tailored instructions, find it on the client's page, and print it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a new therapist’s first homework', () => {
  it('client with goal → customised worksheet → tailored assignment → on the client page → printed', async () => {
    const app = await openApp(browser);
    const { page } = app;

    // Create the vault through the screens.
    await page.getByLabel('Passphrase', { exact: true }).fill('first week at the practice');
    await page.getByLabel('Type the passphrase again').fill('first week at the practice');
    await page.keyboard.press('Enter');
    await page.getByLabel('I have written down, printed or saved my recovery key and stored it safely.').check();
    await page.getByRole('button', { name: 'Continue to Stepwise' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('heading', { name: 'Nothing is due' }).waitFor();

    // A client with a goal.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: 'New client' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Øyvind Ødegård');
    await page.getByLabel('Pronouns (optional)').fill('he/him');
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('heading', { name: 'Øyvind Ødegård', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByLabel('Goal', { exact: true }).fill('Go back to the running club');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page
      .getByRole('region', { name: 'Treatment goals' })
      .getByRole('heading', { name: 'Go back to the running club' })
      .waitFor();

    // Duplicate a built-in worksheet and change it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.getByRole('link', { name: 'Activity planning: mastery and pleasure' }).click();
    await page.getByRole('button', { name: 'Duplicate to customise' }).click();
    await page.getByRole('heading', { name: /^Edit “Activity planning: mastery and pleasure \(copy\)”/, level: 1 }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Running and pleasure plan');
    await page.getByLabel('Step 1', { exact: true }).fill('Plan one short run and one enjoyable thing for each day.');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Running and pleasure plan', level: 1, exact: true }).waitFor();
    await app.shot('homework-01-customised');

    // Assign it to the client, tailored.
    await page.getByRole('link', { name: 'Assign to a client' }).click();
    await page.getByText('Øyvind Ødegård').first().waitFor();
    await page
      .getByRole('option', { name: /Øyvind Ødegård/ })
      .first()
      .click();
    await page.getByLabel('Personal instructions (optional)').waitFor();
    await page
      .getByLabel('Personal instructions (optional)')
      .fill('Start with ten minutes around the park on Tuesday and Thursday.');
    await page.getByLabel('Treatment goal').selectOption({ label: 'Go back to the running club' });
    await page.getByRole('radio', { name: 'Every day' }).check();
    await page.getByLabel('Current step').fill('1');
    await page.getByLabel('Number of steps').fill('4');
    await app.shot('homework-02-tailoring');
    await page.getByRole('button', { name: 'Assign homework' }).click();

    // On the client's page.
    await page.getByText('“Running and pleasure plan” was assigned to Øyvind Ødegård.').waitFor();
    const card = page.getByRole('article', { name: 'Running and pleasure plan' });
    for (const text of ['Every day', 'Step 1 of 4', 'Go back to the running club', 'Start with ten minutes around the park']) {
      await card.getByText(text, { exact: false }).first().waitFor();
    }
    await app.shot('homework-03-on-client-page');

    // Printed, with the tailoring on paper.
    await card.getByRole('link', { name: 'Print', exact: true }).click();
    await page.getByRole('heading', { name: 'Print “Running and pleasure plan”' }).waitFor();
    await page.getByRole('img', { name: /page 1 of \d+/ }).waitFor();
    await page.getByRole('button', { name: 'Save PDF…' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', [app.output.saved.at(-1)!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of [
      'Running and pleasure plan',
      'Øyvind Ødegård',
      'Start with ten minutes around the park',
      'Go back to the running club',
    ]) {
      expect(text).toContain(s);
    }
    await app.close();
  });
});
