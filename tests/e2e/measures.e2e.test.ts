import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { launchBrowser, openApp, type AppPage } from './harness';
import { shotsAtTwoSizes } from './screens';

/**
 * Outcome measures as a therapist meets them: a PHQ-9 typed from the paper form in session mode
 * with the digit keys alone (Backspace to fix a slip), its total and band shown as it completes;
 * item 9 answered above 0 raises a calm notice on Today and the client page until it is
 * acknowledged with a note; the caseload's reasons show on Today and in the client list.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASS = 'a quiet room with two chairs';

async function unlockedApp(): Promise<AppPage> {
  const app = await openApp(browser);
  await app.do.vault.create({ passphrase: PASS });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Today' }).waitFor();
  return app;
}

const shots = shotsAtTwoSizes;

describe('measures', () => {
  it('enters a PHQ-9 from paper by keyboard, then acknowledges its item 9 flag with a note', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const today = localIsoDate(new Date());
    const client = await app.do.clients.create({ name: 'Ingrid Solberg', startDate: addDays(today, -30) });
    const session = await app.do.sessions.create({ clientId: client.id, date: today });

    await page.evaluate((to) => (location.hash = to), `#/clients/${client.id}/sessions/${session.id}`);
    await page.getByRole('heading', { name: /Session 1 with Ingrid Solberg/ }).waitFor();
    await page
      .getByRole('navigation', { name: 'Session stages' })
      .getByRole('button', { name: /Measures/ })
      .click();
    await page.getByRole('heading', { name: 'Patient Health Questionnaire (PHQ-9)' }).waitFor();

    // Focus is on question 1; the digits answer and move on. A slip on question 3 is fixed with Backspace.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-q0$/);
    await page.keyboard.type('21');
    await page.keyboard.type('3');
    await page.keyboard.press('Backspace'); // back to question 3, cleared (typed wrongly)
    await page.keyboard.type('1');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Incomplete' }).count()).toBe(1);
    await page.keyboard.type('212101');
    // Total and band as soon as item 9 is in; then the optional difficulty question.
    await page.getByText('Total 11 · Moderate').waitFor();
    await page.getByText(/Item 9 is answered above 0/).waitFor();
    await shots(app, 'measures-phq9-typed');
    await page.keyboard.type('2'); // difficulty: very difficult (not scored)
    await page.keyboard.press('Enter'); // focus is on the save button
    await page.getByText('PHQ-9 saved: 11 · Moderate.').waitFor();

    const [saved] = await app.do.measures.list({ clientId: client.id });
    expect(saved).toMatchObject({ measure: 'phq9', total: 11, answers: [2, 1, 1, 2, 1, 2, 1, 0, 1, 2], item9Flag: true });

    // The item 9 notice, here and on Today, until acknowledged.
    await page.getByRole('region', { name: /PHQ-9 item 9: please acknowledge/ }).waitFor();
    await shots(app, 'measures-item9-session');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    const notice = page.getByRole('region', { name: 'PHQ-9 item 9 — Ingrid Solberg: please acknowledge' });
    await notice.waitFor();
    await shots(app, 'measures-item9-today');
    await notice.getByRole('button', { name: 'Acknowledge' }).click();
    await notice.getByText('Please enter a note (what you did or decided).').waitFor();
    await notice.getByLabel('Your note').fill('Asked directly: passive thoughts, no plan or intent. Safety plan reviewed.');
    await notice.getByRole('button', { name: 'Acknowledge' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await app.do.measures.item9Open()).toEqual([]);
    expect((await app.do.measures.get({ id: saved!.id })).item9Acknowledgement?.note).toMatch(/Safety plan reviewed/);

    // The client page has no notice left either.
    await page.evaluate((to) => (location.hash = to), `#/clients/${client.id}`);
    await page.getByRole('heading', { name: 'Ingrid Solberg', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: /item 9/ }).count()).toBe(0);
    await app.close();
  });

  it('shows who needs attention, and why, on Today and in the client list', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const today = localIsoDate(new Date());
    const client = await app.do.clients.create({ name: 'Tor Haugen', startDate: addDays(today, -40) });
    for (const [offset, phq] of [
      [-35, [1, 1, 1, 1, 1, 1, 1, 1, 0, 0]],
      [-7, [2, 2, 2, 2, 2, 2, 2, 2, 0, 1]],
    ] as const) {
      const s = await app.do.sessions.create({ clientId: client.id, date: addDays(today, offset) });
      await app.do.measures.record({
        clientId: client.id,
        sessionId: s.id,
        measure: 'phq9',
        administeredOn: addDays(today, offset),
        answers: [...phq],
      });
    }
    await page.reload();
    const attention = page.getByRole('region', { name: /Needs attention/ });
    await attention.getByText('Reliable deterioration since the first measure: PHQ-9 8 → 16.').waitFor();
    await shots(app, 'measures-today-attention');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('table').getByText('Reliable deterioration since the first measure: PHQ-9 8 → 16.').waitFor();
    await shots(app, 'measures-client-list');

    // The reliable change parameters, editable in Settings, with the formula.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const phq = page.getByRole('form', { name: 'PHQ-9 reliable change' });
    await phq.getByText('A change of 3.88 points or more is reliable.').waitFor();
    await phq.getByLabel('PHQ-9 SD').fill('5.7');
    await phq.getByRole('button', { name: 'Save PHQ-9' }).click();
    await page
      .getByRole('form', { name: 'PHQ-9 reliable change' })
      .getByText(/A change of 6.32 points or more/)
      .waitFor();
    expect((await app.do.measures.rciSettings())[0]).toMatchObject({ measure: 'phq9', sd: 5.7, custom: true });
    await page.getByRole('heading', { name: 'Reliable change' }).evaluate((el) => el.closest('.card')!.scrollIntoView());
    await page.locator('.card', { has: page.getByRole('heading', { name: 'Reliable change' }) }).screenshot({
      path: 'tests/artifacts/e2e/measures-settings-rci.png',
    });
    await app.close();
  });
});
