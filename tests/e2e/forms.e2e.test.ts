import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears, PAST_TARGET_QUESTION } from '../../shared/dateBounds';
import { addDays, formatDate, localIsoDate } from '../../shared/dates';
import { launchBrowser, openApp, type AppPage } from './harness';
import { shotsAtTwoSizes } from './screens';

/*
 * Issue 11 in the browser, one test per class: unsaved input asks before a form is left; a
 * paste is kept whole (and past a limit refused with a message, never cut); dates that cannot
 * be are refused; a namesake asks first, and the quick search, the client list and Today tell
 * namesakes apart.
 */

const PASS = 'maple river quietly 42 lanterns';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function unlockedApp(): Promise<AppPage> {
  const app = await openApp(browser);
  await app.do.vault.create({ passphrase: PASS });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Today' }).waitFor();
  return app;
}

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const today = () => localIsoDate(new Date());

/** Screenshots at the two sizes a therapist's screen is likely to be. */
const shots = shotsAtTwoSizes;

/** Pastes as the browser does (an editing command, which `maxlength` would cut). */
async function paste(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((el, t) => {
    (el as HTMLTextAreaElement).setSelectionRange(0, (el as HTMLTextAreaElement).value.length);
    document.execCommand('insertText', false, t);
  }, text);
}

/** Leaving asks; "Keep editing" stays with what was typed; asked again, "Leave without saving" goes. */
async function asksBeforeLeaving(
  page: Page,
  leave: () => Promise<void>,
  kept: Locator,
  value: string,
  shot?: () => Promise<void>,
) {
  await leave();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await ask.waitFor();
  await shot?.();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await ask.waitFor({ state: 'detached' });
  expect(await kept.inputValue()).toBe(value);
  await leave();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await ask.waitFor({ state: 'detached' });
}

describe('nothing typed is lost', () => {
  it('every form with unsaved input asks before it is left: new client, goal, assign, edit assignment, practice', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main' });

    // The new client form: leaving by the main navigation asks.
    await go(page, '#/clients/new');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Ahmed Khan');
    await asksBeforeLeaving(
      page,
      () => nav.getByRole('link', { name: 'Library' }).click(),
      name,
      'Ahmed Khan',
      () => shots(app, 'forms-00-leave-question'),
    );
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    // What was typed there is let go: no draft is kept to be offered later.
    await expect.poll(async () => (await app.do.drafts.list()).length).toBe(0);

    // A goal: Cancel asks once something is typed.
    const zoe = await app.do.clients.create({ name: 'Zoë Martin', startDate: '2026-01-05' });
    await go(page, `#/clients/${zoe.id}`);
    await page.getByRole('button', { name: 'Add a goal' }).click();
    const goal = page.getByLabel('Goal', { exact: true });
    await goal.fill('Ride the tram');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    expect(await goal.inputValue()).toBe('Ride the tram');
    // …and leaving the page asks too.
    await asksBeforeLeaving(page, () => nav.getByRole('link', { name: 'Clients' }).click(), goal, 'Ride the tram');
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();

    // The assign form: its draft is kept in the vault while typing; leaving asks, and leaving
    // without saving lets the draft go too.
    const worksheets = await app.do.library.list({});
    const ws = worksheets.find((w) => w.title === 'Exposure practice log') ?? worksheets[0]!;
    await go(page, `#/clients/${zoe.id}/assign?worksheet=${ws.id}`);
    const instructions = page.getByLabel('Personal instructions (optional)');
    await instructions.fill('After dinner, ten minutes.');
    await expect.poll(async () => (await app.do.drafts.list()).map((d) => d.formKey)).toContain(`assign:${zoe.id}`);
    await asksBeforeLeaving(
      page,
      () => page.getByRole('link', { name: 'Back to Zoë Martin' }).click(),
      instructions,
      'After dinner, ten minutes.',
    );
    await expect.poll(async () => (await app.do.drafts.list()).length).toBe(0);

    // Locking never asks; the assign form's draft is kept and offered back after unlocking.
    await go(page, `#/clients/${zoe.id}/assign?worksheet=${ws.id}`);
    await instructions.fill('Ten minutes after dinner.');
    await expect.poll(async () => (await app.do.drafts.list()).map((d) => d.formKey)).toContain(`assign:${zoe.id}`);
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Stepwise is locked' }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.getByLabel('Passphrase').fill(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await go(page, `#/clients/${zoe.id}/assign?worksheet=${ws.id}`);
    await page.getByRole('button', { name: 'Restore them' }).click();
    await expect.poll(() => instructions.inputValue()).toBe('Ten minutes after dinner.');
    await shots(app, 'forms-00b-assign-draft-restored');
    await page.getByRole('button', { name: 'Assign homework' }).click();
    await page.getByText(/was assigned to Zoë Martin/).waitFor();
    expect(await app.do.drafts.list()).toEqual([]);

    // The edit assignment form.
    const [assignment] = await app.do.assignments.list({ clientId: zoe.id });
    await go(page, `#/assignments/${assignment!.id}/edit`);
    const editInstructions = page.getByLabel('Personal instructions (optional)');
    await editInstructions.fill('Before bed instead.');
    await asksBeforeLeaving(
      page,
      () => page.getByRole('link', { name: 'Cancel' }).click(),
      editInstructions,
      'Before bed instead.',
    );
    await page.getByRole('heading', { name: 'Zoë Martin', level: 1 }).waitFor();

    // A homework row on the Overview opens the assignment, by keyboard too.
    await go(page, `#/clients/${zoe.id}`);
    const row = page.getByRole('region', { name: 'Active homework' }).getByRole('link', { name: assignment!.title });
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: assignment!.title }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-assignment'))).toBe(assignment!.id);

    // A practice record: Cancel asks once something is typed.
    await go(page, `#/clients/${zoe.id}/practice`);
    await page
      .getByRole('button', { name: /^Add practice/ })
      .first()
      .click();
    const note = page.getByLabel('Note (optional)');
    await note.fill('Went well.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    expect(await note.inputValue()).toBe('Went well.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await ask.getByRole('button', { name: 'Leave without saving' }).click();
    await note.waitFor({ state: 'detached' });
    await app.close();
  });

  it('a paste of 30,000 characters is kept whole; past the limit it is refused with a message, never cut', async () => {
    const app = await unlockedApp();
    const { page } = app;
    await go(page, '#/clients/new');
    await page.getByLabel('Name', { exact: true }).fill('Ahmed Khan');
    const concerns = page.getByLabel('Presenting concerns (optional)');
    const long = 'Worry about work keeps him awake. '.repeat(900).slice(0, 30_000);
    await paste(concerns, long);
    expect((await concerns.inputValue()).length).toBe(30_000);

    // Past the limit: kept whole, marked, refused with a message.
    await paste(concerns, 'x'.repeat(50_120));
    expect((await concerns.inputValue()).length).toBe(50_120);
    await page.getByText('120 characters too many (50,000 at most). Please shorten it; nothing has been cut.').waitFor();
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByText('Please check the field marked below.').waitFor();
    await page.getByText('120 characters too many (50,000 at most). Please shorten it; nothing has been cut.').waitFor();
    expect(await app.do.clients.list({ status: 'all' })).toEqual([]);
    await concerns.evaluate((el) => el.scrollIntoView());
    await shots(app, 'forms-01-limit');

    // Near the limit, a counter.
    await paste(concerns, 'y'.repeat(45_500));
    await page.getByText('45,500 of 50,000 characters').waitFor();
    // The 30,000 characters again: saved whole.
    await paste(concerns, long);
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('heading', { name: 'Ahmed Khan', level: 1 }).waitFor();
    const [saved] = await app.do.clients.list({ status: 'all' });
    expect((await app.do.clients.get({ id: saved!.id })).presentingConcerns).toBe(long.trim());
    await app.close();
  });

  it('dates that cannot be are refused; a goal’s target date in the past asks once', async () => {
    const app = await unlockedApp();
    const { page } = app;
    await go(page, '#/clients/new');
    await page.getByLabel('Name', { exact: true }).fill('Ahmed Khan');
    await page.getByLabel('Start date').fill('2032-01-05');
    await page.getByLabel('Date of birth (optional)').fill('2031-03-03');
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByText(/^The start date is more than three months from today/).waitFor();
    await page.getByText('The date of birth is in the future. Please check it.').waitFor();
    await shots(app, 'forms-02-dates');
    expect(await app.do.clients.list({ status: 'all' })).toEqual([]);
    // The core refuses them too (the command line and the door go through it).
    expect((await app.api.clients.create({ name: 'Ahmed Khan', startDate: '2032-01-05' })).ok).toBe(false);

    await page.getByLabel('Start date').fill(today());
    await page.getByLabel('Date of birth (optional)').fill('1980-03-03');
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('heading', { name: 'Ahmed Khan', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByLabel('Goal', { exact: true }).fill('Sleep through the night');
    await page.getByLabel('Target date (optional)').fill('1999-01-01');
    await page.getByRole('button', { name: 'Add goal' }).click();
    const question = page.getByRole('alertdialog', { name: PAST_TARGET_QUESTION });
    await question.waitFor();
    await shots(app, 'forms-03-past-target');
    await question.getByRole('button', { name: 'Save anyway' }).click();
    const goals = page.getByRole('region', { name: 'Treatment goals' });
    await goals.getByRole('heading', { name: 'Sleep through the night' }).waitFor();
    await goals.getByText(`Target date ${formatDate('1999-01-01', 'en-GB')}`).waitFor();

    // Homework dates: within a few years of today.
    const [client] = await app.do.clients.list({ status: 'all' });
    const ws = (await app.do.library.list({}))[0]!;
    await go(page, `#/clients/${client!.id}/assign?worksheet=${ws.id}`);
    await page.getByLabel('Start date').fill('1900-01-01');
    await page.getByLabel('Due date (optional)').fill('2199-12-31');
    await page.getByRole('button', { name: 'Assign homework' }).click();
    await page.getByText('The start date is more than 5 years from today. Please check the year.').waitFor();
    await page.getByText('The due date is more than 5 years from today. Please check the year.').waitFor();
    expect(await app.do.assignments.list({ clientId: client!.id })).toEqual([]);
    const far = addYears(today(), 6);
    expect(
      (
        await app.api.assignments.create({
          clientId: client!.id,
          worksheetId: ws.id,
          frequency: { kind: 'daily' },
          startDate: far,
          phase: 'baseline',
        })
      ).ok,
    ).toBe(false);
    expect(addDays(today(), 0)).toBe(today());
    await app.close();
  });

  it('a namesake asks first; the quick search, the client list and Today tell namesakes apart', async () => {
    const app = await unlockedApp();
    const { page } = app;
    await app.do.clients.create({ name: 'Siobhán Ní Bhriain', dateOfBirth: '1990-05-03', startDate: '2025-02-01' });
    await go(page, '#/clients/new');
    await page.getByLabel('Name', { exact: true }).fill('siobhan ni bhriain');
    await page.getByLabel('Date of birth (optional)').fill('1990-05-03');
    await page.getByRole('button', { name: 'Add client' }).click();
    const ask = page.getByRole('alertdialog', { name: 'A client with this name already exists' });
    await ask.getByText(/born 3 May 1990 · started 1 Feb 2025/).waitFor();
    await shots(app, 'forms-04-namesake');
    await ask.getByRole('button', { name: 'Add anyway' }).click();
    await page.getByRole('heading', { name: 'siobhan ni bhriain', level: 1 }).waitFor();
    expect(await app.do.clients.list({ status: 'all' })).toHaveLength(2);

    await page.keyboard.press('Control+k');
    const search = page.getByRole('dialog', { name: 'Find a client' });
    await search.getByRole('combobox', { name: 'Find a client' }).fill('siobhan');
    await search.getByText(/born 3 May 1990 · started 1 Feb 2025/).waitFor();
    await search.getByText(new RegExp(`born 3 May 1990 · started ${formatDate(today(), 'en-GB', 'medium')}`)).waitFor();
    await shots(app, 'forms-05-quick-search-namesakes');
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page
      .getByRole('table')
      .getByText(/born 3 May 1990 · started 1 Feb 2025/)
      .waitFor();
    await shots(app, 'forms-06-client-list-namesakes');

    // Today: the columns line up, row after row and group after group.
    const ws = (await app.do.library.list({})).slice(0, 3);
    for (const [i, c] of (await app.do.clients.list({ status: 'all' })).entries()) {
      for (const [k, w] of ws.entries()) {
        await app.do.assignments.create({
          clientId: c.id,
          worksheetId: w.id,
          frequency: { kind: 'daily' },
          startDate: addDays(today(), -10),
          dueDate: addDays(today(), (i + k) % 2 === 0 ? -2 - k : 1 + k),
          phase: 'baseline',
        });
      }
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { name: /^Due in the next few days/ }).waitFor();
    const lefts = await page
      .locator('.today-list .today-due')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(lefts.length).toBeGreaterThan(2);
    expect(new Set(lefts).size).toBe(1);
    // …and Today tells the namesakes apart too (issue 11), in every group they are in.
    const lists = page.locator('.today-list');
    await lists
      .getByText(/born 3 May 1990 · started 1 Feb 2025/)
      .first()
      .waitFor();
    await lists
      .getByText(new RegExp(`born 3 May 1990 · started ${formatDate(today(), 'en-GB', 'medium')}`))
      .first()
      .waitFor();
    expect(await lists.getByText(/born /).count()).toBe(6);
    await shots(app, 'forms-07-today');
    await app.close();
  });
});
