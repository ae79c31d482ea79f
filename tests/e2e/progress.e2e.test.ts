import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory } from '../../electron/core/demoHistory';
import { launchBrowser, openApp } from './harness';

/**
 * The Progress tab on the demo: Zoë's homework week by week, her worksheet numbers and her fear
 * ladder as charts (ECharts loaded on demand, SVG), each chart's data table toggled by keyboard.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

describe('progress tab', () => {
  it("shows a demo client's charts; T toggles a chart's data table; looks right at 1024×700 and 1920×1080", async () => {
    const app = await openApp(browser);
    const { page } = app;
    await app.do.vault.create({ passphrase: 'progress we can see' });
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const now = new Date();
    await seedDemo(app.do, now);
    await seedDemoHistory(app.do, app.core, now);
    const zoe = (await app.do.clients.list({ status: 'all' })).find((c) => c.name === 'Zoë Łukasiewicz')!;

    await go(page, `#/clients/${zoe.id}`);
    await page.getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { name: 'Homework', exact: true }).waitFor();
    const homework = page.getByRole('figure', { name: /^Homework/ });
    // ECharts drew an SVG inside the chart.
    await homework.locator('.chart-host svg').waitFor();
    expect(await page.getByRole('heading', { name: 'Exposure ladders' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Worksheet numbers over time' }).count()).toBe(1);
    await page
      .getByRole('figure', { name: /ladder/ })
      .locator('.chart-host svg')
      .waitFor();
    // The chart is an image named by its title and described by its summary.
    const img = homework.getByRole('img');
    expect(await img.getAttribute('aria-label')).toMatch(/^Homework/);
    const describedBy = (await img.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('Practice records:');

    // Keyboard: focus the chart, T shows its table, T again hides it.
    const table = homework.locator('table');
    expect(await table.isVisible()).toBe(false);
    await img.focus();
    await page.keyboard.press('t');
    await table.waitFor({ state: 'visible' });
    expect(await homework.getByRole('button', { name: /Hide the table/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await table.locator('thead th').first().textContent()).toBe('Week of');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(4);
    await app.shot('progress-01-table');
    await page.keyboard.press('t');
    await table.waitFor({ state: 'hidden' });

    // The worksheet's own numbers are offered to choose from.
    const numbers = page.getByRole('group', { name: 'Numbers to show' });
    expect(await numbers.getByRole('checkbox').count()).toBeGreaterThan(0);

    for (const [w, h] of [
      [1024, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      // The charts follow the new width (ResizeObserver): wait until every SVG fills its box.
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLElement>('.chart-host')].every((h) => {
          const w = Number(h.querySelector('svg')?.getAttribute('width'));
          return Math.abs(w - h.clientWidth) < 2;
        }),
      );
      await app.shot(`progress-02-${w}x${h}`);
    }
    await app.close();
  });
});
