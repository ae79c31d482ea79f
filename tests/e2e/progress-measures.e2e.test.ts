import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory } from '../../electron/core/demoHistory';
import { launchBrowser, openApp } from './harness';

/**
 * Issue 9 on the Progress tab: a demo client's measures over time and items as heat maps, the
 * change panel (the RCI follows an edited SD), and the progress report saved for the client.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

describe('progress tab: outcome measures', () => {
  it('charts the measures, edits the RCI parameters, and saves the client report', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await app.do.vault.create({ passphrase: 'measures we can see' });
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const now = new Date();
    await seedDemo(app.do, now);
    await seedDemoHistory(app.do, app.core, now);
    const client = (await app.do.clients.list({ status: 'all' })).find((c) => c.name === 'Øyvind Ødegård')!;

    await go(page, `#/clients/${client.id}`);
    await page.getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { name: 'Outcome measures' }).waitFor();
    await page.getByRole('figure', { name: 'PHQ-9 over time' }).locator('.chart-host svg').waitFor();
    await page.getByRole('figure', { name: 'PHQ-9 items' }).locator('.chart-host svg').waitFor();

    // The change panel: the formula, and the RCI following an edited SD.
    const phq = page.getByRole('article', { name: 'PHQ-9' });
    const rci = phq.getByTestId('rci-phq9');
    const before = await rci.textContent();
    expect(before).toMatch(/^RC = \(\d+ − \d+\) \/ \(3\.5 · √2 · √\(1 − 0\.84\)\) = /);
    await phq.getByLabel('SD (PHQ-9)').fill('6');
    await phq.getByRole('button', { name: 'Use these' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="rci-phq9"]')?.textContent?.includes('(6 · √2'));
    expect(await rci.textContent()).not.toBe(before);
    await phq.getByRole('button', { name: /Back to the default/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="rci-phq9"]')?.textContent?.includes('(3.5 · √2'));

    for (const [w, h] of [
      [1024, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLElement>('.chart-host')].every((x) => {
          const sw = Number(x.querySelector('svg')?.getAttribute('width'));
          return Math.abs(sw - x.clientWidth) < 2;
        }),
      );
      await app.shot(`progress-measures-${w}x${h}`);
    }

    // The report for the client, saved through the main process.
    await page.getByRole('button', { name: 'Progress report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Progress report' });
    await dialog.getByRole('radio', { name: /^Client/ }).check();
    await dialog.getByRole('radio', { name: 'Initials only' }).check();
    await app.shot('progress-measures-report-dialog');
    await dialog.getByRole('button', { name: 'Save PDF…' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const file = app.output.saved.at(-1)!;
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Your progress so far');
    expect(text).not.toContain('Ødegård');
    expect(text.toLowerCase()).not.toContain('item 9');
    expect(text.toLowerCase()).not.toContain('self-harm');
    const events = await app.do.audit.list();
    expect(events[0]).toMatchObject({ action: 'exported', entity: 'report', entityId: client.id });
    await app.close();
  });
});
