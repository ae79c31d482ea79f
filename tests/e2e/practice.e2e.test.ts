import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { launchBrowser, openApp, type AppPage } from './harness';

/**
 * Practice records as a therapist enters them: a week of a paper sleep diary typed into the week
 * grid by keyboard alone, and a PDF the client filled in (with pypdf, a filler that is not ours)
 * imported through the Import button and by dropping it on the Practice tab.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASS = 'a calm week of practice';
const FILLER = path.resolve(import.meta.dirname, '../support/pypdf-fill.py');
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

async function clientWith(app: AppPage, search: string) {
  await app.do.vault.create({ passphrase: PASS });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Today' }).waitFor();
  const client = await app.do.clients.create({ name: 'Zoë Łukasiewicz', startDate: '2026-01-10' });
  const ws = (await app.do.library.list({ search }))[0]!;
  const start = addDays(localIsoDate(new Date()), -6);
  const a = await app.do.assignments.create({
    clientId: client.id,
    worksheetId: ws.id,
    frequency: { kind: 'daily' },
    startDate: start,
    phase: 'baseline',
  });
  return { client, a, start };
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

describe('practice records', () => {
  it('a week of a paper sleep diary, typed into the week grid by keyboard alone, then listed', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const { client } = await clientWith(app, 'sleep diary');
    await go(page, `#/clients/${client.id}/practice`);
    await page.getByRole('heading', { name: 'Sleep diary' }).waitFor();
    await app.shot('practice-01-empty');

    // Keyboard only from here: Tab to "Enter a week", Enter.
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Enter a week'; i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Enter a week: Sleep diary' }).waitFor();
    // Tab past the week's start to the first cell of the first day.
    for (let i = 0; i < 10 && !/: Went to bed/.test(await focusedLabel(page)); i++) await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toMatch(/: Went to bed \(time\)$/);

    // Seven nights, twelve cells each, as the client wrote them on paper.
    const night = (d: number) => [
      '23:15',
      '23:30',
      String(20 + d * 5),
      String(d % 3),
      '15',
      '06:40',
      '07:00',
      String(6 + (d % 3) * 0.5),
      String(2 + (d % 4)),
      String(3),
      '0',
      d % 2 ? 'coffee 3pm' : '',
    ];
    for (let d = 0; d < 7; d++) {
      for (const v of night(d)) {
        if (v) await page.keyboard.type(v);
        await page.keyboard.press('Tab');
      }
    }
    await app.shot('practice-02-week-grid');
    // The focus is on "Save the week" now.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save the week');
    await page.keyboard.press('Enter');
    await page.getByText('7 days of “Sleep diary” saved.').waitFor();
    await page.getByText('7 practice records, newest first.').waitFor();
    const records = await app.do.practice.list({ clientId: client.id });
    expect(records).toHaveLength(7);
    expect(records.every((r) => r.source === 'paper')).toBe(true);
    expect(records.at(-1)!.answers).toMatchObject({ nights: [{ bedtime: '23:15', 'minutes-to-sleep': 20, quality: 2 }] });
    await expect(page.getByText('Sleep quality (1–5)').first().isVisible()).resolves.toBe(true);
    await app.shot('practice-03-listed');
    await app.close();
  });

  it('one day of a thought record with the generated form; edit; delete and undo', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const { client } = await clientWith(app, 'thought record');
    await go(page, `#/clients/${client.id}/practice`);
    await page
      .getByRole('button', { name: /^Add practice/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Add practice:/ }).waitFor();
    await app.shot('practice-04-form');
    await page.getByLabel('Time spent (minutes, optional)').fill('1500');
    await page.getByRole('button', { name: 'Save practice' }).click();
    await page.getByText('The time spent is more than 24 hours. Please check the minutes.').waitFor();
    await page.getByLabel('Time spent (minutes, optional)').fill('20');
    await page.getByRole('button', { name: 'Save practice' }).click();
    await page.getByText(/^Practice on .* saved\.$/).waitFor();
    // Edit: the form comes back with what was saved.
    await page.getByRole('button', { name: /^Edit practice on/ }).click();
    await page.getByRole('heading', { name: /^Edit practice:/ }).waitFor();
    expect(await page.getByLabel('Time spent (minutes, optional)').inputValue()).toBe('20');
    await page.getByLabel('Time spent (minutes, optional)').fill('35');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/^Practice on .* updated\.$/).waitFor();
    await page.getByText('35 min').waitFor();
    await page.getByRole('button', { name: /^Delete practice on/ }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText(/^Practice on .* deleted\.$/).waitFor();
    await app.shot('practice-05-deleted');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone: the practice record is back.').waitFor();
    expect(await app.do.practice.list({ clientId: client.id })).toHaveLength(1);
    await app.close();
  });

  it('a pypdf-filled PDF through the Import button, confirmed; the same file dropped again is recognised', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const { client, a, start } = await clientWith(app, 'sleep diary');
    const blank = (await app.do.print.assignment({ assignmentId: a.id, fillable: true, options: {} })).bytes;
    const src = path.join(app.exportsDir, 'blank.pdf');
    const filled = path.join(app.exportsDir, 'Sleep diary - filled.pdf');
    writeFileSync(src, blank);
    const values = {
      'sw.nights.d1.bedtime': '23:00',
      'sw.nights.d1.quality': '4',
      'sw.nights.d2.hours-asleep': '6.5',
      'sw.notes': 'Noisy neighbours on Tuesday',
    };
    const r = spawnSync('/usr/bin/python3', [FILLER, src, filled, JSON.stringify(values)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');

    await go(page, `#/clients/${client.id}/practice`);
    app.output.openNext = filled;
    await page.getByRole('button', { name: 'Import a filled PDF…' }).click();
    await page.getByRole('heading', { name: 'Import a filled PDF' }).waitFor();
    await page.getByRole('button', { name: 'Save 2 practice records' }).waitFor();
    await expect(page.getByText('Noisy neighbours on Tuesday').isVisible()).resolves.toBe(true);
    await app.shot('practice-06-import-confirm');
    await page.getByRole('button', { name: 'Save 2 practice records' }).click();
    await page.getByText('2 practice records imported from the PDF.').waitFor();
    const saved = await app.do.practice.list({ clientId: client.id });
    expect(saved.map((x) => x.practicedOn)).toEqual([addDays(start, 1), start]);
    expect(saved.every((x) => x.source === 'pdf')).toBe(true);

    // The same file, dropped on the tab.
    const bytes = [...readFileSync(filled)];
    const dt = await page.evaluateHandle((b) => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array(b)], 'Sleep diary - filled.pdf', { type: 'application/pdf' }));
      return d;
    }, bytes);
    await page.locator('.practice-tab').dispatchEvent('drop', { dataTransfer: dt });
    await page.getByText('This file was imported before: its answers are already saved. Nothing will be saved again.').waitFor();
    await expect(page.getByRole('button', { name: /^Save \d/ }).count()).resolves.toBe(0);
    await app.shot('practice-07-already-imported');
    await app.close();
  });
});
