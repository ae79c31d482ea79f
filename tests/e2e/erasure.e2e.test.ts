import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInVault, vaultKey } from '../support/pages';
import { launchBrowser, openApp, type AppPage } from './harness';

const PASS = 'maple river quietly 42 lanterns';
const NAME = 'Xanthippe Quarrendale';

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

/** The focused element's label (its aria-label, its <label>, or its text). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    return (el.getAttribute('aria-label') ?? byFor ?? el.textContent ?? '').trim();
  });
}

/** Screenshots at the two sizes the app is checked at, from the top. */
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

describe('deleting a client for good', () => {
  it('asks on an archived client’s page, needs the name typed, then the client is gone from the list and quick search', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const x = await app.do.clients.create({ name: NAME, preferredName: 'Xan', startDate: '2025-03-01' });
    await app.do.goals.create({ clientId: x.id, goal: { title: 'Sleep through the night' } });
    const s = await app.do.sessions.create({ clientId: x.id, date: '2025-04-01' });
    await app.do.sessions.update({ id: s.id, fields: { notes: 'The lighthouse dream again.' } });
    await app.do.clients.create({ name: 'Ahmed Khan', startDate: '2025-01-06' });

    // An active client has no delete: archive first.
    await go(page, `#/clients/${x.id}`);
    await page.getByRole('heading', { name: `${NAME} (Xan)`, level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete for good…' }).count()).toBe(0);
    await app.do.clients.archive({ id: x.id });
    await page.reload();
    const open = page.getByRole('button', { name: 'Delete for good…' });
    await open.waitFor();
    await shots(app, 'erasure-01-archived-client');

    // Escape leaves everything, and focus goes back to the button.
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: `Delete ${NAME} for good?` });
    await dialog.waitFor();
    expect(await focusedName(page)).toBe('Type the client’s name to confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Delete for good…');

    // Open again: Enter without the name deletes nothing and says what to type.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('Backups made before now still contain');
    await page.keyboard.press('Enter');
    await dialog.getByText(`Type “${NAME}” exactly as shown to delete.`).waitFor();
    await page.keyboard.type('xanthippe  quarrendale');
    await shots(app, 'erasure-02-confirm');
    expect((await app.do.clients.list({ status: 'all' })).length).toBe(2);

    // The name typed (case and spacing aside): Enter deletes, and the client list says so calmly.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'deleted for good' });
    await status.waitFor();
    expect(await status.textContent()).toBe(
      'The client and all of their records were deleted for good. Backups made before the deletion still contain them.',
    );
    await shots(app, 'erasure-03-deleted');
    expect((await app.do.clients.list({ status: 'all' })).map((c) => c.name)).toEqual(['Ahmed Khan']);
    expect(await page.getByText(NAME).count()).toBe(0);

    // And on disk: the name and the session note are in no page of the database or its WAL,
    // decrypted with the vault's key, free pages included — nor in the raw files.
    const key = await vaultKey(app.vaultDir, { passphrase: PASS });
    try {
      for (const words of [NAME, 'lighthouse dream']) {
        expect(findInVault(app.vaultDir, key, words), words).toMatchObject({ pages: [], walFrames: [], raw: [] });
      }
      expect(findInVault(app.vaultDir, key, 'Ahmed Khan').pages.length).toBeGreaterThan(0);
    } finally {
      key.fill(0);
    }

    // Quick search finds nobody by that name (and still finds the others).
    await page.keyboard.press('Control+k');
    const finder = page.getByRole('dialog', { name: 'Find a client' });
    await finder.waitFor();
    await page.keyboard.type('xan');
    await finder.getByText('No client matches “xan”.').waitFor();
    expect(await finder.getByRole('option').count()).toBe(0);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('ahm');
    await finder.getByRole('option', { name: /Ahmed Khan/ }).waitFor();
    await page.keyboard.press('Escape');

    // The old address of the page finds nothing either.
    await go(page, `#/clients/${x.id}`);
    await page.getByText('That client could not be found.').waitFor();
    await app.close();
  });
});

describe('retention in Settings', () => {
  it('lists archived clients past the period and deletes one through the same confirmation', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const old = await app.do.clients.create({ name: 'Harriet Oldcastle', startDate: '2012-02-01' });
    await app.do.sessions.create({ clientId: old.id, date: '2016-05-10' });
    await app.do.clients.archive({ id: old.id });
    const recent = await app.do.clients.create({ name: 'Recent Archived', startDate: '2024-01-08' });
    await app.do.clients.archive({ id: recent.id });

    await go(page, '#/settings');
    await page.getByRole('heading', { name: 'Keeping records' }).waitFor();
    const section = page.locator('.retention');
    await page.getByText('Choose a period to see archived clients whose records are past it.').waitFor();
    await page.getByLabel('Keep records after the last contact').selectOption('uk-nhs-adult');
    await page.getByText(/The NHS Records Management Code of Practice keeps adult health records 8 years/).waitFor();
    expect(app.settings.recordRetention).toBe('uk-nhs-adult');
    const row = section.getByRole('listitem').filter({ hasText: 'Harriet Oldcastle' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Last contact 10 May 2016 · kept until 10 May 2024');
    expect(await section.getByText('Recent Archived').count()).toBe(0);
    await page.getByRole('heading', { name: 'Keeping records' }).scrollIntoViewIfNeeded();
    await shots(app, 'erasure-04-retention');

    await row.getByRole('button', { name: 'Delete Harriet Oldcastle for good…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete Harriet Oldcastle for good?' });
    await dialog.waitFor();
    await page.keyboard.type('Harriet Oldcastle');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('status').filter({ hasText: 'deleted for good' }).waitFor();
    await page.getByText('No archived client is past 8 years since their last contact.').waitFor();
    await expect.poll(() => focusedName(page)).toBe('Keeping records');
    expect((await app.do.clients.list({ status: 'all' })).map((c) => c.name)).toEqual(['Recent Archived']);

    // A custom period.
    await page.getByLabel('Keep records after the last contact').selectOption('custom');
    const years = page.getByLabel('Years after the last contact');
    await years.fill('1');
    await years.blur();
    await section.getByRole('listitem').filter({ hasText: 'Recent Archived' }).waitFor();
    expect(app.settings.recordRetentionYears).toBe(1);
    await app.close();
  });
});

describe('deleting a goal', () => {
  it('deletes a goal nothing points to; for one homework serves, explains and offers to mark it dropped', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const c = await app.do.clients.create({ name: 'Zoë Martin', startDate: '2025-03-01' });
    const used = await app.do.goals.create({ clientId: c.id, goal: { title: 'Take the bus alone' } });
    await app.do.goals.create({ clientId: c.id, goal: { title: 'Written by mistake' } });
    const ws = (await app.do.library.list())[0]!;
    await app.do.assignments.create({
      clientId: c.id,
      worksheetId: ws.id,
      goalId: used.id,
      frequency: { kind: 'once' },
      startDate: '2025-03-02',
      phase: 'baseline',
    });

    await go(page, `#/clients/${c.id}`);
    await page.getByRole('heading', { name: 'Zoë Martin', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit goal: Written by mistake' }).click();
    await page.getByRole('button', { name: 'Delete goal…' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Delete the goal “Written by mistake”?' });
    await ask.waitFor();
    expect(await focusedName(page)).toBe('Keep it');
    await ask.getByRole('button', { name: 'Delete goal' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('Written by mistake').count()).toBe(0);
    expect(await focusedName(page)).toBe('Add a goal');

    await page.getByRole('button', { name: 'Edit goal: Take the bus alone' }).click();
    await page.getByRole('button', { name: 'Delete goal…' }).click();
    const ask2 = page.getByRole('alertdialog', { name: 'Delete the goal “Take the bus alone”?' });
    await ask2.getByRole('button', { name: 'Delete goal' }).click();
    await ask2
      .getByText(
        'This goal can’t be deleted: 1 homework assignment serves it. Mark it as dropped instead; its history stays linked.',
      )
      .waitFor();
    expect(await focusedName(page)).toBe('Mark as dropped');
    await shots(app, 'erasure-05-goal-in-use');
    await page.keyboard.press('Enter');
    await ask2.waitFor({ state: 'detached' });
    await expect.poll(async () => (await app.do.goals.list({ clientId: c.id }))[0]?.status).toBe('dropped');
    expect(await focusedName(page)).toBe('Edit goal: Take the bus alone');
    await app.close();
  });
});
