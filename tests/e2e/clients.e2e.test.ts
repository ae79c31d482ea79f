import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDate, localIsoDate } from '../../shared/dates';
import { launchBrowser, openApp, type AppPage } from './harness';

const PASS = 'maple river quietly 42 lanterns';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A new app with an unlocked vault, showing Today. */
async function unlockedApp(): Promise<AppPage> {
  const app = await openApp(browser);
  await app.do.vault.create({ passphrase: PASS });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Today' }).waitFor();
  return app;
}

/** A full-page screenshot from the top (a sticky bar would otherwise show where the page was scrolled). */
async function shotTop(app: AppPage, name: string): Promise<void> {
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.shot(name);
}

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

/** What a screen reader would call the focused element (near enough for these tests). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    return (el.getAttribute('aria-label') ?? byFor ?? el.closest('label')?.textContent ?? el.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element has this name: the keyboard way to reach a control. */
async function tabTo(page: Page, name: string | RegExp, max = 40): Promise<void> {
  const matches = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
  for (let i = 0; i < max; i++) {
    if (matches(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached “${String(name)}” (last: “${await focusedName(page)}”)`);
}

/**
 * Types a date into the focused date input, as a person would. The order of the day and month
 * boxes follows the browser's own language, so try day-first and, if that was wrong, month-first.
 */
async function typeDate(page: Page, label: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  await page.keyboard.type(`${d}${m}${y}`);
  if ((await page.getByLabel(label).inputValue()) === iso) return;
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(`${m}${d}${y}`);
}

/** Dates as the page shows them (the browser runs in en-GB). */
const shown = (iso: string, style: 'long' | 'medium' = 'long') => formatDate(iso, 'en-GB', style);

describe('clients and goals', () => {
  it('adds a client (after a validation message), adds and edits a goal, finds clients by name, archives with undo', async () => {
    const app = await unlockedApp();
    const { page } = app;

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Add your first client' }).waitFor();
    await app.shot('clients-01-empty');

    // An empty name: a message next to the field, focus on it, and nothing saved.
    await page.getByRole('link', { name: 'New client' }).first().click();
    await page.getByRole('heading', { name: 'New client' }).waitFor();
    expect(await focusedName(page)).toBe('Name');
    await page.getByRole('button', { name: 'Add client' }).click();
    const nameField = page.getByLabel('Name', { exact: true });
    await page.getByText('Please enter the client’s name.').waitFor();
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    expect(await nameField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await app.do.clients.list({ status: 'all' })).toHaveLength(0);
    await app.shot('clients-02-validation');

    const today = localIsoDate(new Date());
    expect(await page.getByLabel('Start date').inputValue()).toBe(today);
    await nameField.fill('Zoë Martin');
    await page.getByLabel('Preferred name (optional)').fill('Zo');
    await page.getByLabel('Pronouns (optional)').fill('she/her');
    await page.getByLabel('Date of birth (optional)').fill('1991-04-12');
    await page.getByLabel('Preferred language (optional)').fill('English');
    await page.getByLabel('Presenting concerns (optional)').fill('Panic attacks on public transport since last spring.');
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('heading', { name: 'Zoë Martin (Zo)', level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/clients\/[0-9a-f]{32}$/);
    await page.getByText('No sessions recorded yet.').waitFor();
    await page.getByText(shown('1991-04-12')).waitFor();

    // Add a goal, then edit it in place.
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByLabel('Goal', { exact: true }).fill('Take the bus to work on my own');
    // A target date ahead (one in the past asks first: see forms.e2e.test.ts).
    const target = addDays(today, 200);
    await page.getByLabel('Target date (optional)').fill(target);
    await page.getByRole('button', { name: 'Add goal' }).click();
    const goals = page.getByRole('region', { name: 'Treatment goals' });
    await goals.getByRole('heading', { name: 'Take the bus to work on my own' }).waitFor();
    await goals.getByText(`Target date ${shown(target)}`).waitFor();
    // Focus went back to "Add a goal", ready for the next one.
    expect(await focusedName(page)).toBe('Add a goal');

    await goals.getByRole('button', { name: 'Edit goal: Take the bus to work on my own' }).click();
    const title = page.getByLabel('Goal', { exact: true });
    await title.fill('');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await page.getByText('Please enter a goal title.').waitFor();
    await title.fill('Take the bus to work alone');
    await page.getByLabel('Description (optional)').fill('Three stops at first, then the whole way.');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await goals.getByRole('heading', { name: 'Take the bus to work alone' }).waitFor();
    await goals.getByText('Three stops at first, then the whole way.').waitFor();
    expect(await focusedName(page)).toBe('Edit goal: Take the bus to work alone');
    await app.shot('clients-03-overview');

    // More clients, one with overdue homework, then search with and without accents.
    const ahmed = await app.do.clients.create({ name: 'Ahmed Khan', startDate: '2025-01-06' });
    await app.do.clients.create({ name: 'Łukasz Nowak', preferredName: 'Luke', startDate: '2025-02-03' });
    await app.do.clients.create({ name: 'Zoltan Varga', startDate: '2025-03-03' });
    const worksheets = await app.do.library.list({});
    await app.do.assignments.create({
      clientId: ahmed.id,
      worksheetId: worksheets[0]!.id,
      frequency: { kind: 'daily' },
      startDate: '2025-01-06',
      dueDate: '2025-01-13',
      phase: 'baseline',
    });
    await app.do.assignments.create({
      clientId: ahmed.id,
      worksheetId: worksheets[1]!.id,
      frequency: { kind: 'once' },
      startDate: today,
      phase: 'skill-practice',
    });
    await page.getByRole('link', { name: 'All clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    const ahmedRow = page.getByRole('row', { name: /Ahmed Khan/ });
    await ahmedRow.getByText('2 active').waitFor();
    await ahmedRow.getByText('1 overdue').waitFor();
    await page
      .getByRole('row', { name: /Zoë Martin/ })
      .getByText('No sessions yet')
      .waitFor();
    await app.shot('clients-04-list');

    const search = page.getByLabel('Search by name');
    await search.fill('zoe');
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // the header and Zoë
    await page.getByRole('row', { name: /Zoë Martin/ }).waitFor();
    await app.shot('clients-05-search-accent');
    await search.fill('lukasz');
    await page.getByRole('row', { name: /Łukasz Nowak/ }).waitFor();
    await search.fill('nobody here');
    await page.getByRole('heading', { name: 'No clients match “nobody here”' }).waitFor();
    await search.fill('');

    // Clicking anywhere on a row opens the client.
    // (The link covers the row, so the click on the date cell lands on it.)
    await ahmedRow.locator('td').last().click({ force: true });
    await page.getByRole('heading', { name: 'Ahmed Khan', level: 1 }).waitFor();

    // Archive asks once, then offers Undo.
    await page.getByRole('button', { name: 'Archive' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Archive Ahmed Khan?' });
    await dialog.waitFor();
    expect(await focusedName(page)).toBe('Keep active');
    await app.shot('clients-06-archive-confirm');
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('status').getByText('Ahmed Khan was archived.').waitFor();
    await page.getByText('This client is archived.').waitFor();
    expect(await page.getByRole('link', { name: 'Assign homework' }).count()).toBe(0);
    expect(await app.do.clients.get({ id: ahmed.id })).toMatchObject({ status: 'archived' });
    await app.shot('clients-07-archived-undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone: Ahmed Khan is active again.').waitFor();
    await page.getByRole('button', { name: 'Archive' }).waitFor();
    expect(await app.do.clients.get({ id: ahmed.id })).toMatchObject({ status: 'active' });

    // Archive for good; the Archived filter shows him, Active does not.
    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('button', { name: 'Restore' }).waitFor();
    await page.getByRole('link', { name: 'All clients' }).click();
    await page.getByRole('row', { name: /Zoë Martin/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ahmed Khan/ }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Archived' }).check();
    await page.getByRole('row', { name: /Ahmed Khan/ }).waitFor();
    await app.shot('clients-08-archived-filter');
    await app.close();
  });
});

describe('assigning homework', () => {
  it('keyboard only: quick search to the client, assign a tailored worksheet, find it, mark it completed', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const zoe = await app.do.clients.create({
      name: 'Zoë Martin',
      preferredName: 'Zo',
      startDate: '2025-03-01',
    });
    await app.do.goals.create({ clientId: zoe.id, goal: { title: 'Take the bus to work alone' } });
    await app.do.clients.create({ name: 'Ahmed Khan', startDate: '2025-01-06' });

    // Ctrl+K, a few letters, Enter: the client's page.
    await page.keyboard.press('Control+k');
    const finder = page.getByRole('dialog', { name: 'Find a client' });
    await finder.waitFor();
    expect(await focusedName(page)).toBe('Find a client');
    await page.keyboard.type('zo');
    await finder.getByRole('option', { name: /Zoë Martin/ }).waitFor();
    await app.shot('clients-09-quick-search');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Zoë Martin (Zo)', level: 1 }).waitFor();
    expect(await finder.count()).toBe(0);

    // Assign homework, by keyboard.
    await tabTo(page, 'Assign homework');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Assign homework to Zo' }).waitFor();
    expect(await focusedName(page)).toBe('Find a worksheet');
    await page.keyboard.type('three columns');
    await page.getByRole('option', { name: /Thought record \(three columns\)/ }).waitFor();
    await app.shot('clients-10-choose-worksheet');
    await page.keyboard.press('Enter');
    // The chosen worksheet (its preview beside the form shows the same title).
    const chosen = page.locator('.chosen-worksheet');
    await chosen.getByRole('heading', { name: 'Thought record (three columns)' }).waitFor();
    await chosen.getByText('Why this helps').waitFor();

    // Focus is on the personal instructions.
    expect(await focusedName(page)).toBe('Personal instructions (optional)');
    await page.keyboard.type('After dinner, at the kitchen table. Write down the bus thoughts from that day.');
    await tabTo(page, 'Treatment goal');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^(Once|Every day|Times a week)$/);
    for (let i = 0; i < 3 && (await focusedName(page)) !== 'Times a week'; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('Times a week');
    await tabTo(page, 'Number of times a week');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('3');
    await tabTo(page, 'Due date (optional)');
    const due = addDays(localIsoDate(new Date()), 10);
    await typeDate(page, 'Due date (optional)', due);
    expect(await page.getByLabel('Due date (optional)').inputValue()).toBe(due);
    await tabTo(page, 'Current step');
    await page.keyboard.type('2');
    await tabTo(page, 'Number of steps');
    await page.keyboard.type('6');
    expect(await page.getByLabel('Rationale agreed with the client').inputValue()).not.toBe('');
    await shotTop(app, 'clients-11-tailor');
    await tabTo(page, 'Assign homework');
    await page.keyboard.press('Enter');

    // Back on the client's Assignments tab, with the new assignment in view.
    await page.getByText('“Thought record (three columns)” was assigned to Zo.').waitFor();
    expect(page.url()).toMatch(new RegExp(`#/clients/${zoe.id}/assignments$`));
    const card = page.getByRole('article', { name: 'Thought record (three columns)' });
    await card.waitFor();
    expect(await card.evaluate((el) => el === document.activeElement)).toBe(true);
    for (const text of [
      'version 1',
      '3 times a week',
      'Step 2 of 6',
      'Take the bus to work alone',
      'After dinner, at the kitchen table.',
      shown(due, 'medium'),
    ]) {
      await card.getByText(text, { exact: false }).first().waitFor();
    }
    await page.getByRole('heading', { name: 'Active (1)' }).waitFor();
    await app.shot('clients-12-assignments-tab');
    const [saved] = await app.do.assignments.list({
      clientId: zoe.id,
    });
    expect(saved).toMatchObject({
      frequency: { kind: 'weekly', times: 3 },
      step: { current: 2, total: 6 },
      goalTitle: 'Take the bus to work alone',
      dueDate: due,
    });

    // Mark it completed, from the keyboard: Tab from the card to its first action.
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Mark completed');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Completed (1)' }).waitFor();
    await page.getByText('“Thought record (three columns)” was marked as completed.').waitFor();
    expect(await app.do.assignments.get({ id: saved!.id })).toMatchObject({ status: 'completed' });
    await app.shot('clients-13-completed');

    // The list's counts follow.
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Escape');
    await go(page, '#/clients');
    await page
      .getByRole('row', { name: /Zoë Martin/ })
      .getByText('None active')
      .waitFor();
    await app.close();
  });

  it('edits the tailoring, discontinues with a confirm, reactivates; /assign asks for the client first', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const zoe = await app.do.clients.create({ name: 'Zoë Martin', startDate: '2025-03-01' });
    const ws = await app.do.library.list({ search: 'sleep diary' });
    const sleep = ws[0]!;

    // A worksheet of the clinician's own, assigned, then changed in the library: a newer version exists.
    const copy = await app.do.library.duplicate({ id: sleep.id });
    await app.do.assignments.create({
      clientId: zoe.id,
      worksheetId: copy.worksheet.id,
      frequency: { kind: 'once' },
      startDate: localIsoDate(new Date()),
      phase: 'skill-practice',
    });
    await app.do.library.update({
      id: copy.worksheet.id,
      baseVersion: 1,
      definition: { ...copy.version.definition, summary: 'A sleep diary, shortened for this practice.' },
    });

    // From the library's link: /assign?worksheet=ID asks which client, then continues.
    await go(page, `#/assign?worksheet=${sleep.id}`);
    await page.getByRole('heading', { name: 'Assign homework' }).waitFor();
    await page.getByText(`Worksheet: ${sleep.title}`).waitFor();
    expect(await focusedName(page)).toBe('Client');
    await page.keyboard.type('zoe');
    await page.getByRole('option', { name: /Zoë Martin/ }).waitFor();
    await app.shot('clients-14-assign-choose-client');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Assign homework to Zoë Martin' }).waitFor();
    await page.locator('.chosen-worksheet').getByRole('heading', { name: sleep.title }).waitFor();
    // The phase defaults to the worksheet's first phase; the rationale to its rationale.
    expect(await page.getByLabel('Rationale agreed with the client').inputValue()).not.toBe('');
    await page.getByLabel('Due date (optional)').fill(addDays(localIsoDate(new Date()), -7));
    await page.getByRole('button', { name: 'Assign homework' }).click();
    await page.getByText('The due date is before the start date.').waitFor();
    await shotTop(app, 'clients-15-assign-error');
    await page.getByLabel('Due date (optional)').fill('');
    await page.getByRole('button', { name: 'Assign homework' }).click();
    const card = page.getByRole('article', { name: sleep.title, exact: true });
    await card.waitFor();

    // Edit tailoring reuses the form.
    await card.getByRole('link', { name: 'Edit tailoring' }).click();
    await page.getByRole('heading', { name: 'Edit tailoring' }).waitFor();
    await page.getByLabel('Personal instructions (optional)').fill('Fill it in each morning, before coffee.');
    await page.getByLabel('Current step').fill('3');
    await shotTop(app, 'clients-16-edit-tailoring');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Enter both numbers as whole numbers (for example step 2 of 6), or leave both empty.').waitFor();
    await page.getByLabel('Number of steps').fill('8');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`Your changes to “${sleep.title}” were saved.`).waitFor();
    await card.getByText('Step 3 of 8').waitFor();
    await card.getByText('Fill it in each morning, before coffee.').waitFor();

    // Discontinue asks once; Reactivate brings it back.
    await card.getByRole('button', { name: 'Discontinue' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Discontinue “${sleep.title}”?` });
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Discontinue');
    await card.getByRole('button', { name: 'Discontinue' }).click();
    await confirm.getByRole('button', { name: 'Discontinue' }).click();
    await page.getByRole('heading', { name: 'Discontinued (1)' }).waitFor();
    await app.shot('clients-17-discontinued');
    await card.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('heading', { name: 'Active (2)' }).waitFor();
    await card.getByRole('button', { name: 'Mark completed' }).waitFor();
    const list = await app.do.assignments.list({ clientId: zoe.id });
    expect(list.map((a) => a.status)).toEqual(['active', 'active']);
    await page
      .getByRole('article', { name: copy.worksheet.title })
      .getByText('A newer version of this worksheet is available in the library. This assignment keeps version 1.')
      .waitFor();
    await app.shot('clients-18-two-active');

    // The Escape key closes the quick search and gives focus back.
    await tabTo(page, 'Edit tailoring');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Find a client' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Find a client' }).waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Edit tailoring');
    await app.close();
  });
});
