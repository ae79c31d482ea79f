import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { launchBrowser, openApp, type AppPage } from './harness';

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

async function shots(app: AppPage, name: string): Promise<void> {
  for (const [w, h] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await app.page.setViewportSize({ width: w, height: h });
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.shot(`${name}-${w}`);
  }
  await app.page.setViewportSize({ width: 1280, height: 860 });
}

describe('printing every script', () => {
  it('names a character no font has, and says what a fillable PDF depends on', async () => {
    const app = await openApp(browser);
    await app.do.vault.create({ passphrase: PASS });
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Today' }).waitFor();
    const { page } = app;
    const today = localIsoDate(new Date());
    // A Santali name in Ol Chiki (no font of Stepwise has it), with a Bengali one (printed).
    const client = await app.do.clients.create({ name: 'ᱥᱟᱱᱛᱟᱲ সুমাইয়া', startDate: addDays(today, -30) });
    const ws = (await app.do.library.list({})).find((w) => w.title === 'Exposure practice log')!;
    const a = await app.do.assignments.create({
      clientId: client.id,
      worksheetId: ws.id,
      frequency: { kind: 'daily' },
      startDate: today,
      phase: 'baseline',
    });
    await page.evaluate((h) => (window.location.hash = h), `#/print?assignment=${a.id}`);
    const note = page.getByText(/Stepwise has no font for these characters: ᱥ \(U\+1C65\)/);
    await note.waitFor();
    expect(await note.textContent()).toContain('They print as an empty box.');
    await page.getByLabel('Fillable PDF (the client types the answers on a computer)').check();
    await page.getByText(/show in the fonts of the client’s PDF reader/).waitFor();
    await page.getByText(/\d+ pages?$/).waitFor();
    await shots(app, 'print-scripts-notes');
    await app.close();
  });
});
