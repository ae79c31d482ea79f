import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptsPath } from '../../electron/core/vault/files';
import { launchBrowser, openApp, type AppPage } from './harness';

/**
 * Client mode (issue 9): the clinician hands the screen over; the client fills in a questionnaire
 * by keyboard; the screen cannot be left without the clinician's passphrase (a wrong one is
 * refused and counted); the end screen shows no score; the clinician, back in, sees the result.
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

/** Nothing of the clinician's app is on the screen. */
async function onlyTheQuestionnaire(page: Page): Promise<void> {
  expect(await page.getByRole('navigation').count()).toBe(0);
  expect(await page.getByRole('link').count()).toBe(0);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/Clients|Library|Settings|Find a client|Ingrid|Solberg/);
}

const failures = (app: AppPage): number => {
  const file = attemptsPath(app.vaultDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { failures: number }).failures : 0;
};

describe('client mode', () => {
  it('hands the screen over for a GAD-7 filled by keyboard, cannot be left, and comes back with the passphrase', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const client = await app.do.clients.create({ name: 'Ingrid Solberg', startDate: '2026-01-05' });
    await page.evaluate((id) => (window.location.hash = `#/clients/${id}`), client.id);
    await page.getByRole('heading', { name: 'Ingrid Solberg', level: 1 }).waitFor();

    // Started from the client page.
    await page.getByRole('button', { name: 'Client mode…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand the screen to the client' });
    await dialog.getByLabel('GAD-7 (anxiety)').check();
    await dialog.getByRole('button', { name: 'Hand over' }).click();

    await page.getByRole('heading', { name: /GAD-7/, level: 1 }).waitFor();
    await onlyTheQuestionnaire(page);
    await shots(app, 'clientmode-01-intro');

    // By keyboard: Tab to Start, Enter; then one digit per question (each moves on by itself).
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Start');
    await page.keyboard.press('Enter');
    await page.getByText('Question 1 of 7').waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await shots(app, 'clientmode-02-question');
    const answers = [1, 2, 0, 1, 2, 1, 0];
    for (const [i, a] of answers.slice(0, 3).entries()) {
      await page.getByText(`Question ${i + 1} of 7`).waitFor();
      await page.keyboard.press(String(a));
    }
    // Question 4: the arrow keys choose, Enter moves on; the chosen answer is checked.
    await page.getByText('Question 4 of 7').waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: '1 Several days' }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    for (const [i, a] of answers.slice(4).entries()) {
      await page.getByText(`Question ${i + 5} of 7`).waitFor();
      await page.keyboard.press(String(a));
    }
    await page.getByRole('heading', { name: 'All questions are answered' }).waitFor();

    // Trying to leave: Escape, Ctrl+K, Ctrl+L, Alt+← and the back button change nothing.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+l');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.goBack().catch(() => undefined);
    await page.evaluate(() => (window.location.hash = '#/clients'));
    await page.getByRole('heading', { name: 'All questions are answered' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await onlyTheQuestionnaire(page);
    expect((await app.do.vault.status()).unlocked).toBe(true);

    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    const end = await page.locator('body').innerText();
    // No score, no band, nothing about item 9.
    expect(end).not.toMatch(/\d|Mild|Minimal|Moderate|Severe|score|total|item 9/i);
    await shots(app, 'clientmode-03-thanks');

    // Recorded at once, from client mode.
    const [saved] = await app.do.measures.list({ clientId: client.id });
    expect(saved).toMatchObject({ measure: 'gad7', answers, total: 7, complete: true, source: 'client-mode' });

    // Taking it back: a wrong passphrase is refused (and counted as a failed attempt)…
    const before = failures(app);
    await page.getByRole('button', { name: 'Return to clinician' }).click();
    const back = page.getByRole('dialog', { name: 'Return to clinician' });
    await back.getByLabel('Clinician’s passphrase').fill('not the passphrase');
    await back.getByRole('button', { name: 'Return to clinician' }).click();
    await back.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    expect(failures(app)).toBe(before + 1);
    await shots(app, 'clientmode-04-wrong-passphrase');
    // …Escape closes only the dialog…
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
    await page.keyboard.press('Escape');
    await back.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await onlyTheQuestionnaire(page);
    // …and the right one brings the clinician back where they were, with the result.
    const returnButton = page.getByRole('banner').getByRole('button', { name: 'Return to clinician' });
    await returnButton.click();
    await back.getByLabel('Clinician’s passphrase').fill(PASS);
    await back.getByRole('button', { name: 'Return to clinician' }).click();
    await page.getByRole('heading', { name: 'Ingrid Solberg', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'GAD-7 filled in by the client: 7 · Mild.' }).waitFor();
    expect(failures(app)).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await shots(app, 'clientmode-05-back');
    await app.close();
  });

  it('started in session mode: a PHQ-9 with item 9 above 0 shows nothing to the client, the notice to the clinician; a reload stays in client mode', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const client = await app.do.clients.create({ name: 'Ingrid Solberg', startDate: '2026-01-05' });
    const session = await app.do.sessions.create({ clientId: client.id, date: '2026-02-02' });
    await app.do.sessions.update({ id: session.id, stage: 'measures' });
    await page.evaluate(([c, s]) => (window.location.hash = `#/clients/${c}/sessions/${s}`), [client.id, session.id] as const);
    await page.getByRole('heading', { name: 'Measures', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Hand the screen to the client for the PHQ-9' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    // Mouse and touch: a click on an answer chooses it and moves on.
    for (let i = 0; i < 9; i++) {
      await page.getByText(`Question ${i + 1} of 10`).waitFor();
      await page.getByRole('radio', { name: i === 8 ? '1 Several days' : '0 Not at all' }).click();
    }
    await page.getByText('Question 10 of 10').waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/\d|item 9|Minimal|score/i);

    // A reload keeps the screen in client mode (the hand-back screen), not the clinician's app.
    await page.reload();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await onlyTheQuestionnaire(page);

    await page.getByRole('button', { name: 'Return to clinician' }).click();
    await page.getByLabel('Clinician’s passphrase').fill(PASS);
    await page.getByRole('dialog').getByRole('button', { name: 'Return to clinician' }).click();
    await page.getByRole('heading', { name: 'Measures', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'PHQ-9 item 9: please acknowledge' }).waitFor();
    const [saved] = await app.do.measures.list({ clientId: client.id });
    expect(saved).toMatchObject({ measure: 'phq9', item9Flag: true, source: 'client-mode', sessionId: session.id });
    await shots(app, 'clientmode-06-session-back');
    await app.close();
  });

  it('saves a GAD-7 as a fillable PDF, imports it filled (one answer blank) after showing the answers, recorded as imported', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const client = await app.do.clients.create({ name: 'Ingrid Solberg', startDate: '2026-01-05' });
    await page.evaluate((id) => (window.location.hash = `#/clients/${id}`), client.id);
    await page.getByRole('heading', { name: 'Ingrid Solberg', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Questionnaire PDF…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Questionnaire on paper' });
    await dialog.getByLabel('GAD-7 (anxiety)').check();
    await dialog.getByRole('button', { name: 'Save fillable PDF…' }).click();
    await dialog.getByText(/Saved GAD-7 - I\. S\. \(fillable\)\.pdf/).waitFor();
    const saved = app.output.saved.at(-1)!;

    // The client fills it with another program (Debian's pypdf), leaving question 5 blank.
    const filled = path.join(app.exportsDir, 'filled.pdf');
    const boxes = Object.fromEntries(
      [1, 2, 0, 1, null, 1, 0].flatMap((a, i) => (a === null ? [] : [[`sw.q${i + 1}.o${a + 1}`, true]])),
    );
    const r = spawnSync('/usr/bin/python3', [path.resolve('tests/support/pypdf-fill.py'), saved, filled, JSON.stringify(boxes)], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    app.output.openNext = filled;
    await dialog.getByRole('button', { name: 'Import a filled questionnaire…' }).click();
    await dialog.getByRole('heading', { name: 'GAD-7 from the PDF: please check the answers' }).waitFor();
    expect(await dialog.getByRole('listitem').nth(1).innerText()).toContain('2 More than half the days');
    expect(await dialog.getByRole('listitem').nth(4).innerText()).toContain('left blank');
    await dialog.getByText(/Incomplete: question 5 left blank/).waitFor();
    await shots(app, 'clientmode-07-pdf-confirm');
    await dialog.getByRole('button', { name: 'Save GAD-7' }).click();
    await dialog.getByText('GAD-7 imported: Incomplete (1 question blank).').waitFor();
    const [result] = await app.do.measures.list({ clientId: client.id });
    expect(result).toMatchObject({ measure: 'gad7', answers: [1, 2, 0, 1, null, 1, 0], complete: false, source: 'pdf' });
    await app.close();
  });
});
