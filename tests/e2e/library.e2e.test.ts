import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_WORKSHEETS } from '../../shared/library';
import { worksheetDefinitionSchema, type WorksheetDefinition } from '../../shared/worksheet';
import { ARTIFACTS, launchBrowser, openApp, type AppPage } from './harness';

const SAVED_MESSAGE = /Saved as version (\d+)\. Assignments already given keep the version they were given\./;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh app with an unlocked vault (created through the core), showing Today. */
async function unlockedApp(): Promise<AppPage> {
  const app = await openApp(browser);
  const r = await app.api.vault.create({ passphrase: 'some long passphrase' });
  expect(r.ok).toBe(true);
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Today' }).waitFor();
  return app;
}

const cards = (page: Page) =>
  page
    .getByRole('list', { name: 'Worksheets' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') });

/** Presses Tab until the focused element matches (keyboard only: no clicks). */
async function tabTo(page: Page, matches: (el: { id: string; name: string; tag: string }) => boolean, max = 250, back = false) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return { id: '', name: '', tag: '' };
      const label = a.id ? document.querySelector(`label[for="${CSS.escape(a.id)}"]`)?.textContent : null;
      return { id: a.id, name: (a.getAttribute('aria-label') ?? label ?? a.textContent ?? '').trim(), tag: a.tagName };
    });
    if (matches(el)) return el;
  }
  throw new Error('Tab never reached the element');
}
const named = (name: string | RegExp) => (el: { name: string }) =>
  typeof name === 'string' ? el.name === name : name.test(el.name);
const withId = (id: string) => (el: { id: string }) => el.id === id;

async function focusedOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const card = el.closest('.worksheet-card');
    const s = getComputedStyle(card && el.matches('a') ? card : el);
    return s.outlineStyle;
  });
}

/** What the window shows (the designer is long; its preview sits beside the part in focus). */
async function viewShot(app: AppPage, name: string) {
  await app.page.waitForTimeout(100); // the preview follows a moment later (deferred rendering)
  await app.page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function designerBlock(page: Page, index: number): Promise<Locator> {
  const block = page.locator(`#wd-blocks-${index}`);
  await block.waitFor();
  return block;
}

describe('the library', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await unlockedApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the 23 built-ins; search and filters narrow the list; "/" focuses the search', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await expect.poll(() => cards(page).count()).toBe(BUILT_IN_WORKSHEETS.length);
    expect(BUILT_IN_WORKSHEETS.length).toBe(23);
    await expect(page.getByRole('status').filter({ hasText: '23 worksheets' }).count()).resolves.toBe(1);
    const first = cards(page).first();
    await first.getByText('Built-in').waitFor();
    await first.getByText('Version 1').waitFor();
    await first.getByText('Not assigned yet').waitFor();
    await app.shot('library-01-list');

    // "/" focuses the search (when not typing); the search is instant.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');
    await page.keyboard.type('sleep');
    await expect.poll(() => cards(page).count()).toBe(1);
    await expect(cards(page).first().getByRole('link').textContent()).resolves.toMatch(/Sleep diary/i);
    // Typing "/" in the search box types it.
    await page.keyboard.type('/');
    expect(await page.getByLabel('Search').inputValue()).toBe('sleep/');
    await page.keyboard.press('Escape');
    await expect.poll(() => cards(page).count()).toBe(23);

    // Filters: category, approach and phase, each narrowing; "Clear filters" brings all back.
    const defs = BUILT_IN_WORKSHEETS.map((b) => b.definition);
    const exposure = defs.filter((d) => d.category === 'exposure');
    await page.getByLabel('Category').selectOption({ label: 'Exposure' });
    await expect.poll(() => cards(page).count()).toBe(exposure.length);
    expect(exposure.length).toBeGreaterThan(1);
    await page.getByLabel('Phase of therapy').selectOption({ label: 'Skill practice' });
    await expect.poll(() => cards(page).count()).toBe(exposure.filter((d) => d.phases.includes('skill-practice')).length);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => cards(page).count()).toBe(23);
    await page.getByLabel('Approach').selectOption({ label: 'DBT' });
    await expect.poll(() => cards(page).count()).toBe(defs.filter((d) => d.approach === 'dbt').length);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // A search that finds nothing says what to try.
    await page.getByLabel('Search').fill('xylophone');
    await page.getByRole('heading', { name: 'No worksheets match “xylophone”' }).waitFor();
    await page.getByText(/Try a shorter or different word/).waitFor();
    await app.shot('library-02-empty-search');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => cards(page).count()).toBe(23);
  });

  it('opens a built-in: what it is for, the preview, its versions; Edit is not offered', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.getByRole('link', { name: 'Thought record (seven columns)' }).click();
    await page.getByRole('heading', { name: 'Thought record (seven columns)', level: 1 }).waitFor();
    const preview = page.getByRole('article', { name: /Preview of the worksheet “Thought record \(seven columns\)”/ });
    await preview.waitFor();
    await preview.getByRole('heading', { name: 'Why this helps' }).waitFor();
    await preview.getByRole('columnheader', { name: /Evidence against/ }).waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(5);
    await page.getByText('A4, landscape').waitFor();
    await expect(page.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);
    await page.getByText('Built-in worksheets are read-only — duplicate to customise.').waitFor();
    await page.getByRole('link', { name: 'Version 1 (current)' }).waitFor();
    await expect(page.getByRole('link', { name: 'Assign to a client' }).getAttribute('href')).resolves.toMatch(
      /#\/assign\?worksheet=[0-9a-f]{32}$/,
    );
    await app.shot('library-03-detail-thought-record-7');

    // The edit route of a built-in refuses, and offers the duplicate instead.
    const id = new URL(page.url()).hash.split('/')[2]!;
    await page.goto(page.url().replace(/#.*$/, `#/library/${id}/edit`));
    await page.getByText('Built-in worksheets are read-only — duplicate to customise.').waitFor();
    await expect(page.getByRole('textbox', { name: 'Title' }).count()).resolves.toBe(0);
    await page.goBack();

    // Another: a daily grid, with days as columns and items as rows; large print.
    await page.getByRole('link', { name: 'Library', exact: true }).first().click();
    await page.getByRole('link', { name: 'Activity planning: mastery and pleasure' }).click();
    const grid = page.getByRole('article', { name: /Activity planning/ });
    await grid.waitFor();
    await grid.getByRole('columnheader', { name: 'Day 7' }).waitFor();
    await grid.getByRole('rowheader', { name: /A mastery/ }).waitFor();
    await app.shot('library-04-detail-activity-scheduling');
    await page.getByLabel('Large print').check();
    await app.shot('library-05-detail-activity-scheduling-large');
    await page.getByLabel('Large print').uncheck();

    // And a ladder.
    await page.getByRole('link', { name: 'Library', exact: true }).first().click();
    await page.getByRole('link', { name: 'Fear ladder (exposure hierarchy)' }).click();
    const ladder = page.getByRole('article', { name: /Fear ladder/ });
    await ladder.waitFor();
    expect(await ladder.locator('.wsp-ladder tbody tr').count()).toBe(10);
    await app.shot('library-06-detail-exposure-hierarchy');
  });
});

describe('the designer', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await unlockedApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('duplicates a built-in, customises it, refuses an invalid definition, saves versions 2 and 3', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.getByRole('link', { name: 'Worry log and worry time' }).click();
    await page.getByRole('heading', { name: 'Worry log and worry time', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Duplicate to customise' }).click();

    // The designer opens on the copy (version 1 of the copy, made by the duplicate).
    await page.getByRole('heading', { name: 'Edit “Worry log and worry time (copy)”', level: 1 }).waitFor();
    await page.getByText(/This is your own copy of “Worry log and worry time”/).waitFor();
    const copies = (await app.do.library.list({ search: 'copy' })).filter((w) => !w.builtIn);
    expect(copies).toHaveLength(1);
    const copyId = copies[0]!.id;
    expect(copies[0]!.version).toBe(1);
    expect(copies[0]!.derivedFromTitle).toBe('Worry log and worry time');
    const before = (await app.do.library.get({ id: copyId })).version.definition;
    const preview = page.getByRole('complementary', { name: 'Preview' }).getByRole('article');

    // Title and an instruction; the preview follows as you type.
    await page.getByLabel('Title', { exact: true }).fill('Evening worry log');
    await preview.getByRole('heading', { name: 'Evening worry log' }).waitFor();
    await page.getByLabel('Step 1', { exact: true }).fill('Each evening, write down the worries of the day in the table.');
    await preview.getByText('Each evening, write down the worries of the day in the table.').waitFor();

    // Add a rating block with its scale and anchors.
    const count0 = before.blocks.length;
    await page.getByRole('button', { name: '+ Add a part' }).click();
    await page.getByRole('button', { name: /^Rating scale/ }).click();
    const rating = await designerBlock(page, count0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`wd-blocks-${count0}-label`);
    await page.keyboard.type('How much did the worry bother you?');
    await rating.getByLabel('Start from a common scale').selectOption({ label: '0–100 in tens (distress, SUDS)' });
    await rating.getByLabel('Anchor 1 label').fill('not at all');
    await rating.getByLabel('Anchor 3 label').fill('as much as ever');
    await rating.getByRole('button', { name: 'Remove anchor 2' }).click();
    await rating.getByRole('button', { name: 'Add an anchor label' }).click();
    await rating.getByLabel('Anchor 3 value').fill('50');
    await rating.getByLabel('Anchor 3 label').fill('a fair amount');
    const ratingPreview = preview.locator('.wsp-block').filter({ hasText: 'How much did the worry bother you?' });
    await ratingPreview.getByText('as much as ever').waitFor();
    await expect(ratingPreview.locator('.wsp-scale-numbers li').count()).resolves.toBe(11);

    // Reorder it with the keyboard: Alt+↑ twice from its label; focus stays in the label and the move is announced.
    await rating.getByLabel('Label', { exact: true }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    const moved = count0 - 2;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`wd-blocks-${moved}-label`);
    await expect
      .poll(() => page.locator('.designer [role="status"][aria-live="polite"]').textContent())
      .toMatch(new RegExp(`moved up: now ${moved + 1} of ${count0 + 1}`));
    await expect(page.locator(`#wd-blocks-${moved}-label`).inputValue()).resolves.toBe('How much did the worry bother you?');
    // And with the buttons.
    await page.getByRole('button', { name: /^Move down: Part \d+ “How much did the worry bother you\?”$/ }).click();
    await page.getByRole('button', { name: /^Move up: Part \d+ “How much did the worry bother you\?”$/ }).click();
    await expect(page.locator(`#wd-blocks-${moved}-label`).inputValue()).resolves.toBe('How much did the worry bother you?');
    await viewShot(app, 'library-07-designer');

    // Remove a block, then undo.
    const removedLabel = await page.locator('#wd-blocks-1-label').inputValue();
    await page.locator('#wd-blocks-1-remove').click();
    await page.getByText(/was removed\./).waitFor();
    expect(await page.locator('.block-card').count()).toBe(count0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.block-card').count()).toBe(count0 + 1);
    expect(await page.locator('#wd-blocks-1-label').inputValue()).toBe(removedLabel);

    // Duplicate a part: the copy follows it, with its own ID; then remove the copy again.
    await page.getByRole('button', { name: /^Duplicate: Part \d+ “How much did the worry bother you\?”$/ }).click();
    await expect.poll(() => page.locator('.block-card').count()).toBe(count0 + 2);
    expect(await page.locator(`#wd-blocks-${moved + 1}-label`).inputValue()).toBe('How much did the worry bother you?');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`wd-blocks-${moved + 1}`);
    await page.locator(`#wd-blocks-${moved + 1}-remove`).click();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => page.locator('.block-card').count()).toBe(count0 + 1);

    // Invalid: a scale whose lowest value equals its highest; a table with 9 columns. Messages next to the fields.
    const ratingNow = page.locator(`#wd-blocks-${moved}`);
    await ratingNow.getByLabel('Lowest').fill('100');
    const maxError = page.locator(`#wd-blocks-${moved}-scale-max-error`);
    await expect(maxError.textContent()).resolves.toBe('A scale needs a highest value above its lowest value.');
    expect(await page.locator(`#wd-blocks-${moved}-scale-max`).getAttribute('aria-invalid')).toBe('true');
    const table = page.locator('#wd-blocks-0');
    const columns = await table.locator('.sub-item').count();
    for (let i = columns; i < 9; i++) await table.getByRole('button', { name: 'Add a column' }).click();
    await expect(page.locator('#wd-blocks-0-columns-error').textContent()).resolves.toBe(
      'A table can have at most 8 columns, so that it prints readably. Split it into two tables.',
    );
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    const summary = page.getByRole('alert').filter({ hasText: 'things to fix before saving' });
    await summary.waitFor();
    await expect(
      summary.getByRole('link', { name: /Part 1 .*, columns: A table can have at most 8 columns/ }).count(),
    ).resolves.toBe(1);
    await expect(
      summary.getByRole('link', { name: /scale, highest value: A scale needs a highest value above its lowest value\./ }).count(),
    ).resolves.toBe(1);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await viewShot(app, 'library-08-designer-invalid');
    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: /highest value/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`wd-blocks-${moved}-scale-max`);
    // Nothing was saved.
    expect((await app.do.library.get({ id: copyId })).worksheet.version).toBe(1);

    // Fix both, then save: a new version of the copy.
    await ratingNow.getByLabel('Lowest').fill('0');
    await table.getByRole('button', { name: 'Remove column 9' }).click();
    await expect.poll(() => summary.count()).toBe(0);
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Evening worry log', level: 1, exact: true }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: SAVED_MESSAGE }).textContent()).resolves.toMatch(
      /Saved as version 2\./,
    );
    const v2 = await app.do.library.get({ id: copyId });
    expect(v2.worksheet.version).toBe(2);
    const def2 = v2.version.definition;
    expect(def2.title).toBe('Evening worry log');
    expect(def2.instructions[0]).toBe('Each evening, write down the worries of the day in the table.');
    const r = def2.blocks[moved]!;
    expect(r).toMatchObject({
      type: 'rating',
      id: 'how-much-did-the-worry-bother-you',
      label: 'How much did the worry bother you?',
    });
    expect(r.type === 'rating' && r.scale).toMatchObject({ min: 0, max: 100, step: 10 });
    expect(r.type === 'rating' && r.scale.anchors.map((a) => a.label)).toEqual([
      'not at all',
      'as much as ever',
      'a fair amount',
    ]);
    // Existing parts kept their IDs (they are field names and chart keys); 8 columns in the table.
    expect(def2.blocks.filter((b) => b !== r).map((b) => b.id)).toEqual(before.blocks.map((b) => b.id));
    const t = def2.blocks[0]!;
    expect(t.type === 'table' && t.columns.length).toBe(8);
    await page.getByRole('link', { name: 'Version 2 (current)' }).waitFor();
    await page.getByRole('link', { name: 'Version 1', exact: true }).waitFor();
    await app.shot('library-09-saved-v2');

    // Version 1 can still be viewed.
    await page.getByRole('link', { name: 'Version 1', exact: true }).click();
    await page.getByText(/You are looking at version 1/).waitFor();
    await page.getByRole('heading', { name: 'Worry log and worry time (copy)', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Show the current version' }).click();

    // Edit again: version 3, with the message about assignments.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit “Evening worry log”' }).waitFor();
    await page.getByText('You are editing version 2. Saving makes version 3;', { exact: false }).waitFor();
    await page.getByLabel('One-line summary').fill('Write worries down in the evening and rate how much they bothered you.');

    // Leaving with unsaved changes asks first; "Keep editing" keeps them.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Keep editing' }).click();
    await leave.waitFor({ state: 'detached' });
    await expect(page.getByLabel('One-line summary').inputValue()).resolves.toBe(
      'Write worries down in the evening and rate how much they bothered you.',
    );
    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { name: 'Evening worry log', level: 1, exact: true }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: SAVED_MESSAGE }).textContent()).resolves.toMatch(
      /Saved as version 3\./,
    );
    expect((await app.do.library.get({ id: copyId })).versions.map((v) => v.version)).toEqual([3, 2, 1]);

    // The library shows the copy as "Yours", based on the built-in.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    const mine = cards(page).filter({ hasText: 'Evening worry log' });
    await mine.getByText('Yours').waitFor();
    await mine.getByText('Based on Worry log and worry time').waitFor();
    await mine.getByText(/Version 3/).waitFor();
  });

  it('asks before leaving with unsaved changes, and a stale edit is refused with the core’s message, keeping the edits', async () => {
    const { page } = app;
    const mine = (await app.do.library.list({ search: 'Evening worry log' }))[0]!;
    await page.evaluate((id) => (location.hash = `#/library/${id}/edit`), mine.id);
    await page.getByRole('heading', { name: 'Edit “Evening worry log”' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Evening worry log (edited here)');

    // Someone saved in between (the CLI, another window): the save is refused, the edits stay.
    const current = await app.do.library.get({ id: mine.id });
    await app.do.library.update({
      id: mine.id,
      baseVersion: current.worksheet.version,
      definition: { ...current.version.definition, summary: 'Changed elsewhere.' },
    });
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByRole('alert').filter({ hasText: 'This worksheet was changed elsewhere since you opened it.' }).waitFor();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Evening worry log (edited here)');
    await viewShot(app, 'library-10-designer-conflict');

    // Leave: asked once; "Leave without saving" goes.
    await page.getByRole('link', { name: 'Cancel' }).first().click();
    const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByRole('heading', { name: 'Evening worry log', level: 1, exact: true }).waitFor();

    // Archive asks once; Restore brings it back.
    await page.getByRole('button', { name: 'Archive' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Archive “Evening worry log”?' });
    await confirm.waitFor();
    await app.shot('library-11-archive-confirm');
    await confirm.getByRole('button', { name: 'Archive' }).click();
    await page.getByText(/This worksheet is archived/).waitFor();
    expect((await app.do.library.get({ id: mine.id })).worksheet.archived).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await expect.poll(() => cards(page).count()).toBe(23);
    await page.getByLabel('Show archived').check();
    await expect.poll(() => cards(page).count()).toBe(24);
    await cards(page).filter({ hasText: 'Evening worry log' }).getByRole('link').click();
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(async () => (await app.do.library.get({ id: mine.id })).worksheet.archived).toBe(false);
  });

  it('builds a new worksheet from scratch with the keyboard only', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await tabTo(page, named('New worksheet'));
    expect(await focusedOutline(page)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New worksheet', level: 1 }).waitFor();

    await tabTo(page, withId('wd-title'));
    expect(await focusedOutline(page)).not.toBe('none');
    await page.keyboard.type('Morning energy check');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Each morning, note sleep, energy and one small plan for the day.');
    await page.keyboard.press('Tab'); // category
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // approach
    await page.keyboard.press('ArrowDown');
    await tabTo(page, named('Skill practice'));
    await page.keyboard.press('Space');
    await tabTo(page, withId('wd-rationale'));
    await page.keyboard.type('Noticing your energy each morning shows which habits help you feel better.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fill this in within an hour of getting up.');
    await tabTo(page, named('Add a step'));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bring it to your next session.');
    await tabTo(page, withId('wd-suggestedFrequency-once'));
    await page.keyboard.press('ArrowDown'); // Every day
    await tabTo(page, withId('wd-suggestedMinutes'));
    await page.keyboard.type('5');

    // Four kinds of part, each from the "Add a part" list.
    const addPart = async (kind: RegExp, label: string) => {
      await tabTo(page, named('+ Add a part'));
      await page.keyboard.press('Enter');
      await tabTo(page, named(kind));
      await page.keyboard.press('Enter');
      await page.keyboard.type(label);
    };
    await addPart(/^Number/, 'Hours slept');
    await page.keyboard.press('Tab'); // help
    await page.keyboard.press('Tab'); // unit
    await page.keyboard.type('hours');
    await addPart(/^Rating scale/, 'Energy when I got up');
    await addPart(/^Checklist/, 'What helped');
    await tabTo(page, withId('wd-blocks-2-options-0'));
    await page.keyboard.type('A walk');
    await page.keyboard.press('Tab');
    await tabTo(page, withId('wd-blocks-2-options-1'));
    await page.keyboard.type('Breakfast');
    await addPart(/^Daily grid/, 'My week');
    await addPart(/^Long answer/, 'One small plan for today');
    // Alt+↑ from inside the long answer moves it above the grid.
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wd-blocks-3-label');
    await viewShot(app, 'library-12-designer-new');

    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { name: 'Morning energy check', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved as version 1.' }).waitFor();
    const made = (await app.do.library.list({ search: 'Morning energy' }))[0]!;
    const def = (await app.do.library.get({ id: made.id })).version.definition;
    expect(def).toMatchObject({
      title: 'Morning energy check',
      category: 'thoughts',
      approach: 'cbt',
      phases: ['skill-practice'],
      suggestedFrequency: { kind: 'daily' },
      suggestedMinutes: 5,
      instructions: ['Fill this in within an hour of getting up.', 'Bring it to your next session.'],
    });
    expect(def.blocks.map((b) => [b.type, b.id])).toEqual([
      ['number', 'hours-slept'],
      ['rating', 'energy-when-i-got-up'],
      ['checklist', 'what-helped'],
      ['longText', 'one-small-plan-for-today'],
      ['dailyGrid', 'my-week'],
    ]);
    expect(def.blocks[0]).toMatchObject({ unit: 'hours' });
    expect(def.blocks[2]).toMatchObject({ options: ['A walk', 'Breakfast'] });
    await app.shot('library-13-new-saved');
  });
});

describe('locking with unsaved changes', () => {
  it('locks at once (no question asked), and unlocking opens the app again', async () => {
    const app = await unlockedApp();
    try {
      const { page } = app;
      await page.evaluate(() => (location.hash = '#/library/new'));
      await page.getByLabel('Title', { exact: true }).fill('Half-finished');
      await page.keyboard.press('Control+l');
      await page.getByRole('heading', { name: 'Stepwise is locked' }).waitFor();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      await page.getByLabel('Passphrase').fill('some long passphrase');
      await page.keyboard.press('Enter');
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      expect(await page.getByText('Half-finished').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});

describe('the preview, rendered on its own for print', () => {
  it('renders to static HTML with its CSS inlined, and prints to PDF in Chromium', async () => {
    // Loaded by path, as a benchmark would, so that the renderer's TSX stays out of the test typecheck.
    const modulePath = path.resolve('renderer/src/features/library/staticPreview.tsx');
    const { renderPreviewDocument } = (await import(/* @vite-ignore */ modulePath)) as {
      renderPreviewDocument: (
        props: {
          definition: WorksheetDefinition;
          clientLabel?: string;
          dueDate?: string;
          locale?: string;
          largePrint?: boolean;
          personalInstructions?: string;
        },
        css: string,
      ) => string;
    };
    const css = readFileSync(path.resolve('renderer/src/features/library/preview.css'), 'utf8');
    const def = (key: string) => worksheetDefinitionSchema.parse(BUILT_IN_WORKSHEETS.find((b) => b.key === key)!.definition);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    try {
      const html = renderPreviewDocument(
        {
          definition: def('thought-record-7'),
          clientLabel: 'A. B.',
          dueDate: '2026-03-14',
          locale: 'en-GB',
          personalInstructions: 'One row after each difficult moment at work.',
        },
        css,
      );
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('<style>');
      await page.setContent(html);
      await expect(page.getByText('14 March 2026').count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: 'From your therapist' }).count()).resolves.toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, 'library-14-static-thought-record-7.png'), fullPage: true });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(path.join(ARTIFACTS, 'library-print-thought-record-7.pdf'), pdf);

      await page.setContent(renderPreviewDocument({ definition: def('dbt-diary-card'), largePrint: true }, css));
      await page.screenshot({ path: path.join(ARTIFACTS, 'library-15-static-dbt-diary-card-large.png'), fullPage: true });
      await page.setContent(renderPreviewDocument({ definition: def('behavioural-experiment') }, css));
      await page.screenshot({ path: path.join(ARTIFACTS, 'library-16-static-behavioural-experiment.png'), fullPage: true });
      const pdf2 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(path.join(ARTIFACTS, 'library-print-behavioural-experiment.pdf'), pdf2);
    } finally {
      await page.close();
    }
  });
});
