import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { launchBrowser, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('print preview, save and print', () => {
  it('shows the real pages, saves the PDF where the clinician chooses, and records it', async () => {
    const app = await openApp(browser);
    const { page } = app;
    expect(await app.api.vault.create({ passphrase: 'print preview passphrase' })).toMatchObject({ ok: true });
    await seedDemo(app.do, new Date());
    const clients = await app.do.clients.list({ status: 'all' });
    const zoe = clients.find((c) => c.name === 'Zoë Łukasiewicz')!;

    // Today lists what fell due since the last session (to review), and what is due soon, across the caseload.
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('heading', { name: /^To review at the next session/ }).waitFor();
    await page.getByRole('heading', { name: /^Due in the next few days/ }).waitFor();
    await app.shot('today-attention');

    // From the client's Assignments tab, as a therapist would.
    await page.goto(`http://stepwise.test/index.html#/clients/${zoe.id}/assignments`);
    await page.getByRole('link', { name: 'Print', exact: true }).first().waitFor();
    const firstTitle = (await page.locator('article h3, article h2').first().textContent())!;
    await page.getByRole('link', { name: 'Print', exact: true }).first().click();
    await page.getByRole('heading', { name: /^Print “/ }).waitFor();
    expect(await page.getByRole('heading', { name: /^Print “/ }).textContent()).toContain(
      firstTitle
        .replace(/\s*v\d+.*$/, '')
        .trim()
        .slice(0, 20),
    );
    await page.getByRole('img', { name: /page 1 of \d+/ }).waitFor();
    const pages = await page.getByRole('img', { name: /, page \d+ of \d+$/ }).count();
    expect(pages).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(300);
    await app.shot('print-01-preview');

    // Large print changes the pages; the preview follows.
    await page.getByLabel('Large print').check();
    await page.getByText(/^\d+ pages?$/).waitFor();
    await page.getByRole('button', { name: 'Save PDF…' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = app.output.saved.at(-1)!;
    expect(execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' })).toContain('Zoë Łukasiewicz');
    const audit = await app.do.audit.list({ limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'exported', entity: 'assignment' });
    expect(audit[0]!.detail).toContain('large print');

    await page.getByRole('button', { name: 'Print…' }).click();
    await page.getByRole('status').filter({ hasText: 'print window is open' }).waitFor();
    expect(app.output.printed.length).toBe(1);

    // The packet for the same client, from the client page.
    await page.getByRole('link', { name: /^Back to / }).click();
    await page.getByRole('link', { name: 'Print packet' }).click();
    await page.getByRole('heading', { name: 'Print the homework packet' }).waitFor();
    await page.getByRole('img', { name: /page 1 of \d+/ }).waitFor();
    await page.waitForTimeout(300);
    await app.shot('print-02-packet');
    await app.close();
  });
});
