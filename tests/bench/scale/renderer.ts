/**
 * The screens on screen (issue 12: ≤ 100 ms in Chromium), against the large vault: the built
 * renderer in Chromium through the e2e harness (tests/e2e/harness.ts — the real core behind
 * `window.stepwise`, as in the app), unlocked through the unlock screen. Each figure is the time
 * from the navigation to the screen's rows in the DOM: the first visit (its data fetched) and a
 * return visit (its data cached). Plus the DOM size each screen leaves. Not a test: a bench.
 *
 * The Progress tab (issue 9) is drawn when every chart on it has its SVG.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp } from '../../e2e/harness';
import { BENCH_PASSPHRASE } from './generate';

interface Rendered {
  name: string;
  /** The route to open, with the client's id in place of :id. */
  hash: string;
  /** What shows the screen is drawn. */
  ready: string;
  /** Every element `ready` matches inside these must be there (each chart drawn), not only the first. */
  all?: { of: string; has: string };
}

const RENDERED: Rendered[] = [
  { name: 'Today', hash: '#/', ready: '.today-list li' },
  { name: 'Client list', hash: '#/clients', ready: '.client-table tbody tr' },
  { name: 'Client page', hash: '#/clients/:id', ready: '.overview-grid' },
  { name: 'Timeline', hash: '#/clients/:id/timeline', ready: '.timeline-item' },
  { name: 'Practice list', hash: '#/clients/:id/practice', ready: '.practice-item' },
  { name: 'Library', hash: '#/library', ready: '.worksheet-grid li' },
  {
    name: 'Progress tab (all charts)',
    hash: '#/clients/:id/progress',
    ready: '.progress-tab .chart-host svg',
    all: { of: '.progress-tab figure.chart', has: '.chart-host svg' },
  },
];

/** A page with nothing of the screens on it, to leave a screen from. */
const NEUTRAL = { hash: '#/settings', ready: 'h1' };

async function visit(page: Page, hash: string, ready: string, all?: Rendered['all']): Promise<number> {
  const t0 = performance.now();
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
  if (all) {
    await page.waitForFunction(({ of, has }) => [...document.querySelectorAll(of)].every((f) => f.querySelector(has)), all, {
      timeout: 60_000,
    });
  }
  // The frame that shows it: wait for the next paint.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return performance.now() - t0;
}

export interface RenderedFigure {
  name: string;
  first: number;
  again: number;
  elements: number;
}

export async function runRendererBench(
  vaultDir: string,
  clientId: string,
): Promise<{ unlock: number; figures: RenderedFigure[] }> {
  const browser = await launchBrowser();
  const app = await openApp(browser, { vaultDir });
  const { page } = app;
  try {
    await page.getByLabel('Passphrase').waitFor();
    await page.getByLabel('Passphrase').fill(BENCH_PASSPHRASE);
    const u0 = performance.now();
    await page.keyboard.press('Enter');
    await page.locator('.today-list li').first().waitFor({ state: 'visible', timeout: 60_000 });
    const unlock = performance.now() - u0;

    const figures: RenderedFigure[] = [];
    for (const r of RENDERED) {
      const hash = r.hash.replace(':id', clientId);
      await visit(page, NEUTRAL.hash, NEUTRAL.ready);
      const first = await visit(page, hash, r.ready, r.all);
      await visit(page, NEUTRAL.hash, NEUTRAL.ready);
      const again = await visit(page, hash, r.ready, r.all);
      const elements = await page.evaluate(() => document.querySelectorAll('*').length);
      figures.push({ name: r.name, first, again, elements });
    }

    // Client search: typing "zoe" on the client list until only matching rows are drawn.
    await visit(page, '#/clients', '.client-table tbody tr');
    const s0 = performance.now();
    await page.getByLabel('Search by name').pressSequentially('zoe');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.client-table tbody tr')];
      return rows.length > 0 && rows.every((r) => /zo[eë]/i.test(r.textContent ?? ''));
    });
    figures.push({
      name: 'Client search ("zoe", typed)',
      first: performance.now() - s0,
      again: Number.NaN,
      elements: await page.evaluate(() => document.querySelectorAll('*').length),
    });
    return { unlock, figures };
  } finally {
    await app.close().catch(() => {});
    await browser.close();
  }
}
