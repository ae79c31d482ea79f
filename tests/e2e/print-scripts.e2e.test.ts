import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { launchBrowser } from './harness';
import { clientWithHomework, shotsAtTwoSizes, unlockedApp } from './screens';

/*
 * The print dialog says, in plain words, what paper and PDF cannot promise (issue 11): a
 * character no font of Stepwise has is named (never a silent box), and a fillable PDF says that
 * typed text in some scripts depends on the client's PDF reader.
 */

const PASS = 'maple river quietly 42 lanterns';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('printing every script', () => {
  it('names a character no font has, and says what a fillable PDF depends on', async () => {
    const app = await unlockedApp(browser, PASS);
    const { page } = app;
    const today = localIsoDate(new Date());
    // A Santali name in Ol Chiki (no font of Stepwise has it), with a Bengali one (printed).
    const { assignment: a } = await clientWithHomework(app, 'ᱥᱟᱱᱛᱟᱲ সুমাইয়া', addDays(today, -30), today);
    await page.evaluate((h) => (window.location.hash = h), `#/print?assignment=${a.id}`);
    const note = page.getByText(/Stepwise has no font for these characters: ᱥ \(U\+1C65\)/);
    await note.waitFor();
    expect(await note.textContent()).toContain('They print as an empty box.');
    await page.getByLabel('Fillable PDF (the client types the answers on a computer)').check();
    await page.getByText(/show in the fonts of the client’s PDF reader/).waitFor();
    await page.getByText(/\d+ pages?$/).waitFor();
    await shotsAtTwoSizes(app, 'print-scripts-notes');
    await app.close();
  });
});
