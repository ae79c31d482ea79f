import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { launchBrowser, type AppPage } from './harness';
import { clientWithHomework, shotsAtTwoSizes, unlockedApp } from './screens';

/*
 * Issue 11, "nothing typed is ever lost": every form with typed input keeps it across a lock.
 * The vault is locked from the core, as the main process does when the computer is idle (the
 * window learns it from the vault's status); after unlocking, the clinician goes back to the
 * form, which is open again and offers what was typed back.
 */

const PASS = 'maple river quietly 42 lanterns';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const go = (app: AppPage, hash: string) => app.page.evaluate((h) => (window.location.hash = h), hash);

/** Waits until the form's draft is in the vault, locks as the idle timer does, and unlocks. */
async function idleLockAndUnlock(app: AppPage, formKey: string): Promise<void> {
  const { page } = app;
  await expect.poll(async () => (await app.do.drafts.list()).map((d) => d.formKey)).toContain(formKey);
  await app.do.vault.lock();
  await page.getByRole('heading', { name: 'Stepwise is locked' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Passphrase').fill(PASS);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** The form offers what was kept; restoring it puts the text back in the field. */
async function restored(app: AppPage, field: Locator, value: string, shot?: string): Promise<void> {
  await app.page.getByRole('button', { name: 'Restore them' }).click();
  await expect.poll(() => field.inputValue()).toBe(value);
  if (shot) await shotsAtTwoSizes(app, shot);
}

describe('a lock keeps what was typed', () => {
  it('goal (new and edited), edit assignment, practice record, review, questionnaire and own problems', async () => {
    const app = await unlockedApp(browser, PASS);
    const { page } = app;
    const today = localIsoDate(new Date());
    const { client: zoe, assignment } = await clientWithHomework(app, 'Zoë Martin', addDays(today, -60), addDays(today, -14));

    // A new goal, added inline on the Overview.
    await go(app, `#/clients/${zoe.id}`);
    await page.getByRole('button', { name: 'Add a goal' }).click();
    const goal = page.getByLabel('Goal', { exact: true });
    await goal.fill('Take the bus to work on my own');
    await idleLockAndUnlock(app, `goal:${zoe.id}:new`);
    await go(app, `#/clients/${zoe.id}`);
    await restored(app, goal, 'Take the bus to work on my own', 'drafts-lock-01-goal-restored');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByRole('heading', { name: 'Take the bus to work on my own' }).waitFor();
    expect(await app.do.drafts.list()).toEqual([]);

    // The same goal, edited inline.
    await page.getByRole('button', { name: 'Edit goal: Take the bus to work on my own' }).click();
    const description = page.getByLabel('Description (optional)');
    await description.fill('Three stops first, then the whole way.');
    const [saved] = await app.do.goals.list({ clientId: zoe.id });
    await idleLockAndUnlock(app, `goal:${zoe.id}:${saved!.id}`);
    await go(app, `#/clients/${zoe.id}`);
    await restored(app, description, 'Three stops first, then the whole way.');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await description.waitFor({ state: 'detached' });
    expect(await app.do.drafts.list()).toEqual([]);

    // Editing an assignment's tailoring.
    await go(app, `#/assignments/${assignment.id}/edit`);
    const instructions = page.getByLabel('Personal instructions (optional)');
    await instructions.fill('Before bed, ten minutes.');
    await idleLockAndUnlock(app, `assignment:${assignment.id}`);
    await go(app, `#/assignments/${assignment.id}/edit`);
    await restored(app, instructions, 'Before bed, ten minutes.', 'drafts-lock-02-assignment-restored');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/Your changes to .* were saved/).waitFor();
    expect(await app.do.drafts.list()).toEqual([]);

    // A practice record typed from paper.
    await go(app, `#/clients/${zoe.id}/practice`);
    await page
      .getByRole('button', { name: /^Add practice/ })
      .first()
      .click();
    const note = page.getByLabel('Note (optional)');
    await note.fill('Stayed on until the end of the street.');
    await idleLockAndUnlock(app, `practice:${zoe.id}:add_${assignment.id}`);
    await go(app, `#/clients/${zoe.id}/practice`);
    await restored(app, note, 'Stayed on until the end of the street.', 'drafts-lock-03-practice-restored');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('alertdialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave without saving' })
      .click();
    await expect.poll(async () => (await app.do.drafts.list()).length).toBe(0);

    // A homework review in session mode.
    const session = await app.do.sessions.create({ clientId: zoe.id, date: today });
    const sessionAt = `#/clients/${zoe.id}/sessions/${session.id}`;
    await go(app, sessionAt);
    const learned = page.getByLabel('What the client learned (their words)');
    await learned.fill('The fear went down after ten minutes.');
    await idleLockAndUnlock(app, `review:${session.id}:${assignment.id}`);
    await go(app, sessionAt);
    await restored(app, learned, 'The fear went down after ten minutes.', 'drafts-lock-04-review-restored');

    // A questionnaire typed from paper: the answers so far.
    await page
      .getByRole('navigation', { name: 'Session stages' })
      .getByRole('button', { name: /Measures/ })
      .click();
    await page
      .getByRole('alertdialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave without saving' })
      .click();
    await page.getByRole('heading', { name: 'Patient Health Questionnaire (PHQ-9)' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-q0$/);
    await page.keyboard.type('213');
    await idleLockAndUnlock(app, `measure:${session.id}:phq9`);
    await go(app, sessionAt);
    await page.getByRole('heading', { name: 'Patient Health Questionnaire (PHQ-9)' }).waitFor();
    await restored(app, page.locator('input[id$="-q2"]'), '3', 'drafts-lock-05-questionnaire-restored');
    expect(await page.locator('input[id$="-q0"]').inputValue()).toBe('2');

    // The client's own problems, in their words.
    await page.getByRole('radio', { name: /own problems/i }).check();
    const problem = page.getByLabel('Problem 1');
    await problem.fill('Panic on the bus');
    await idleLockAndUnlock(app, `problems:${zoe.id}`);
    await go(app, sessionAt);
    // The stage opens where it was; the problems form is offered again.
    await page
      .getByRole('navigation', { name: 'Session stages' })
      .getByRole('button', { name: /Measures/ })
      .click();
    await page.getByRole('radio', { name: /own problems/i }).check();
    await restored(app, problem, 'Panic on the bus');
    await app.close();
  });
});
