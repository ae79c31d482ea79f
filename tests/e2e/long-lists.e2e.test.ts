import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericAnswers } from '../../electron/core/demoHistory';
import { writeHistory } from '../../electron/core/history';
import { addDays, localIsoDate } from '../../shared/dates';
import type { WorksheetDefinition } from '../../shared/worksheet';
import path from 'node:path';
import { ARTIFACTS, launchBrowser, openApp, type AppPage } from './harness';

/**
 * Issue 12 (helper "lists"): long lists a page at a time. The Practice tab shows the newest 50
 * records and reads older ones on request; the timeline shows the newest 50 items. By keyboard:
 * Tab to "Show older …", Enter, and focus stays on the button while there is more; when the
 * oldest record is in, focus goes to the line that says how many are shown.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASS = 'a long career of practice';
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el && el !== document.body ? (el.textContent ?? '').trim() : '';
  });

async function shots(app: AppPage, name: string): Promise<void> {
  for (const [w, h] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await app.page.setViewportSize({ width: w, height: h });
    await app.shot(`${name}-${w}`);
  }
  await app.page.setViewportSize({ width: 1280, height: 860 });
}

/** A client with 120 days of a thought record (through the history bulk path, as the bench does). */
async function clientWithHistory(app: AppPage) {
  await app.do.vault.create({ passphrase: PASS });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Today' }).waitFor();
  const client = await app.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2025-06-01' });
  const ws = (await app.do.library.list({ search: 'thought record' }))[0]!;
  const today = localIsoDate(new Date());
  const start = addDays(today, -130);
  const a = await app.do.assignments.create({
    clientId: client.id,
    worksheetId: ws.id,
    frequency: { kind: 'daily' },
    startDate: start,
    phase: 'skill-practice',
  });
  const detail = await app.do.assignments.get({ id: a.id });
  let seed = 12;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  writeHistory(app.core, {
    practice: Array.from({ length: 120 }, (_, i) => {
      const day = addDays(today, -i);
      return {
        assignmentId: a.id,
        practicedOn: day,
        answers: genericAnswers(detail.definition as WorksheetDefinition, day, rnd, i / 120),
      };
    }),
  });
  return client;
}

async function tabTo(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 60 && (await focused(page)) !== text; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(text);
}

describe('long lists, a page at a time', () => {
  it('Practice tab: 50 records, then older ones by keyboard, focus kept', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const client = await clientWithHistory(app);
    await go(page, `#/clients/${client.id}/practice`);
    await page.locator('.practice-item').first().waitFor();
    await expect.poll(() => page.locator('.practice-item').count()).toBe(50);
    await page.getByText('The newest 50 practice records.').waitFor();
    await shots(app, 'lists-01-practice-first-page');

    await page.locator('body').focus();
    await tabTo(page, 'Show older records');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.practice-item').count()).toBe(100);
    expect(await focused(page)).toBe('Show older records');
    // The last page (20 records): the button goes, focus moves to the count.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.practice-item').count()).toBe(120);
    await expect.poll(() => focused(page)).toMatch(/^120 practice records, newest first\./);
    expect(await page.getByRole('button', { name: 'Show older records' }).count()).toBe(0);
    // Newest first, across the pages.
    const days = await page.locator('.practice-item-head strong').allTextContents();
    expect(days).toHaveLength(120);
    await shots(app, 'lists-02-practice-all');
    // What the clinician sees at the smaller size: the top of the tab, focus on the count.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.practice-count').focus();
    await page.screenshot({ path: path.join(ARTIFACTS, 'lists-02-practice-top-1024.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    await app.close();
  });

  it('Timeline: 50 items, then older ones by keyboard, focus kept', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const client = await clientWithHistory(app);
    await go(page, `#/clients/${client.id}/timeline`);
    await page.locator('.timeline-item').first().waitFor();
    await expect.poll(() => page.locator('.timeline-item').count()).toBe(50);
    await shots(app, 'lists-03-timeline-first-page');
    await page.getByRole('button', { name: 'Show older items' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.timeline-item').count()).toBe(100);
    expect(await focused(page)).toBe('Show older items');
    // 121 items in all (120 days of practice and the assignment): the third page is the last.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.timeline-item').count()).toBe(121);
    await expect.poll(() => focused(page)).toBe('Nothing older: this is the beginning.');
    await app.close();
  });
});
