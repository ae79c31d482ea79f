import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import type { Assignment } from '../../shared/domain';
import { launchBrowser, openApp, type AppPage } from './harness';

/**
 * A session as a therapist runs it: last week's homework reviewed one assignment at a time by
 * keyboard alone (one done well and stepped up the fear ladder, one not done, with obstacles),
 * notes saved as typed, the session finished; leaving mid-session and coming back resumes there.
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

async function shotTop(app: AppPage, name: string): Promise<void> {
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.shot(name);
}

/** Where focus is: the group's legend and the control's own label. */
const focusAt = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return '';
    const legend = el.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
    const label = el.labels?.[0]?.textContent ?? el.textContent ?? '';
    return `${legend}|${label}`;
  });

/** Presses Tab until focus reaches the control (or group) whose legend or label contains `what`. */
async function tabTo(page: Page, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await focusAt(page)).includes(what)) return;
  }
  throw new Error(`Tab never reached “${what}”.`);
}

describe('session mode', () => {
  it('reviews two assignments by keyboard, steps the fear ladder up, writes notes, finishes, and resumes', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const today = localIsoDate(new Date());
    const lastWeek = addDays(today, -7);

    // A client, through the screens.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: 'New client' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Ingrid Solberg');
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('heading', { name: 'Ingrid Solberg', level: 1 }).waitFor();
    const clientId = page.url().match(/clients\/([0-9a-f]{32})/)![1]!;
    await app.do.clients.update({ id: clientId, client: { name: 'Ingrid Solberg', startDate: addDays(today, -30) } });

    // Two worksheets assigned last week (the assigning screens have their own tests).
    const library = await app.do.library.list();
    const id = (title: string) => library.find((w) => w.title === title)!.id;
    const ladder = await app.do.assignments.create({
      clientId,
      worksheetId: id('Fear ladder (exposure hierarchy)'),
      frequency: { kind: 'weekly', times: 3 },
      startDate: lastWeek,
      dueDate: addDays(today, -1),
      step: { current: 2, total: 8 },
      personalInstructions: 'Stand in the queue at the corner shop until the anxiety halves.',
      phase: 'skill-practice',
    });
    const log = await app.do.assignments.create({
      clientId,
      worksheetId: id('Exposure practice log'),
      frequency: { kind: 'daily' },
      startDate: lastWeek,
      phase: 'skill-practice',
    });
    // Three practices of the ladder typed in from paper (the practice screens are another feature's).
    app.core.write((db) => {
      const stmt = db.prepare(`
        INSERT INTO practice_record (id, assignment_id, client_id, worksheet_version_id, practiced_on, source, answers,
                                     created_at, updated_at)
        VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, 'paper', '{}', ?, ?)`);
      const at = new Date().toISOString();
      for (const d of [-6, -4, -2]) stmt.run(ladder.id, clientId, ladder.worksheetVersionId, addDays(today, d), at, at);
    });

    // Today: the ladder fell due and waits for review.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    const toReview = page.getByRole('region', { name: /To review at the next session/ });
    await toReview.getByText('Fear ladder (exposure hierarchy)').waitFor();
    await shotTop(app, 'sessions-00-today');

    // Start the session from the client's Sessions tab.
    await toReview.getByRole('link', { name: 'Ingrid Solberg' }).click();
    await page.getByRole('heading', { name: 'No sessions yet' }).waitFor();
    await shotTop(app, 'sessions-01-tab-empty');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('heading', { name: 'Session 1 with Ingrid Solberg', level: 1 }).waitFor();
    // Today now lists it as unfinished.
    expect((await app.do.today.overview()).unfinished.rows.map((s) => s.client.name)).toEqual(['Ingrid Solberg']);

    // 1 of 2: the fear ladder, done well, stepped up one step.
    const form = page.getByRole('form', { name: /Fear ladder/ });
    await form.getByText('Homework 1 of 2').waitFor();
    await expect(form.getByLabel('Done', { exact: true }).inputValue()).resolves.toBe('3');
    await expect(form.getByLabel('Asked (times)').inputValue()).resolves.toBe('3');
    await form.getByText(/Suggested from 3 practice records/).waitFor();
    await tabTo(page, 'Completion');
    await page.keyboard.press('1');
    await tabTo(page, 'Quality of engagement');
    await page.keyboard.press('4');
    await tabTo(page, 'Did the client understand');
    await page.keyboard.press('1');
    await tabTo(page, 'Belief in the rationale');
    await page.keyboard.type('85');
    await tabTo(page, 'What the client learned');
    await page.keyboard.type('The anxiety came down after eight minutes, every time.');
    await tabTo(page, 'The plan');
    await page.keyboard.press('2'); // modify
    await expect(form.getByLabel('Step', { exact: true }).inputValue()).resolves.toBe('3');
    await expect(form.getByLabel('Instructions for the next step').inputValue()).resolves.toContain('corner shop');
    await shotTop(app, 'sessions-02-review-ladder');
    // Focus is still on the chosen plan: Enter saves and goes on.
    expect(await focusAt(page)).toContain('Modify');
    await page.keyboard.press('Enter');

    // 2 of 2: the practice log, not done, with obstacles.
    const second = page.getByRole('form', { name: /Exposure practice log/ });
    await second.getByText('Homework 2 of 2').waitFor();
    await second.getByText(/No practice records entered/).waitFor();
    await tabTo(page, 'Completion');
    await page.keyboard.press('3'); // not done
    await tabTo(page, 'Done');
    await page.keyboard.type('0');
    await tabTo(page, 'Quality of engagement');
    await page.keyboard.press('0');
    await tabTo(page, 'Did the client understand');
    await page.keyboard.press('2'); // partly
    await tabTo(page, '|Forgot');
    await page.keyboard.press('Space');
    await tabTo(page, '|Anxiety or avoidance');
    await page.keyboard.press('Space');
    await tabTo(page, '|Other');
    await page.keyboard.press('Space');
    await tabTo(page, 'Other obstacle');
    await page.keyboard.type('Night shifts all week');
    await tabTo(page, 'The plan');
    await page.keyboard.press('1'); // continue
    await shotTop(app, 'sessions-03-review-not-done');

    // Leave mid-review and come back: it resumes at the second assignment, the first one saved.
    // (Nothing saved yet for this one: Enter has not been pressed, so leaving asks first.)
    await page.getByRole('link', { name: 'Ingrid Solberg: sessions' }).click();
    await page
      .getByRole('alertdialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave without saving' })
      .click();
    await page.getByRole('button', { name: 'Resume session 1' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    const unfinished = page.getByRole('region', { name: /Sessions left unfinished/ });
    await unfinished.getByText('Session 1: carry on where you stopped').waitFor();
    await shotTop(app, 'sessions-03b-today-unfinished');
    await unfinished.getByRole('link', { name: 'Ingrid Solberg' }).click();
    await page
      .getByRole('form', { name: /Exposure practice log/ })
      .getByText('Homework 2 of 2')
      .waitFor();
    await tabTo(page, 'Completion');
    await page.keyboard.press('3');
    await tabTo(page, '|Forgot');
    await page.keyboard.press('Space');
    await tabTo(page, '|Anxiety or avoidance');
    await page.keyboard.press('Space');
    await tabTo(page, '|Other');
    await page.keyboard.press('Space');
    await tabTo(page, 'Other obstacle');
    await page.keyboard.type('Night shifts all week');
    await page.keyboard.press('Enter');

    // Measures: nothing has to be given (measures.e2e.test.ts types one in).
    await page.getByRole('heading', { name: 'Measures', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Patient Health Questionnaire (PHQ-9)' }).waitFor();
    await shotTop(app, 'sessions-04-measures');
    await page.getByRole('button', { name: 'Next: Notes' }).click();

    // Notes, saved as typed.
    await page.getByLabel('Your notes (private)').fill('Engaged well with the ladder; shifts got in the way of the log.');
    await page.getByLabel('What the client takes away (their words)').fill('If I stay, the fear comes down on its own.');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await shotTop(app, 'sessions-05-notes');

    // Closing the window mid-session loses nothing: reload, and it resumes at the notes.
    await page.reload();
    await expect(page.getByLabel('Your notes (private)').inputValue()).resolves.toBe(
      'Engaged well with the ladder; shifts got in the way of the log.',
    );

    await page.getByRole('button', { name: 'Next: New homework' }).click();
    const active = page.locator('.active-homework');
    await active.getByText('step 3 of 8').waitFor();
    await shotTop(app, 'sessions-06-homework');
    await page.getByRole('button', { name: 'Next: Finish' }).click();
    await page.getByRole('button', { name: 'Mark session finished' }).click();
    await page.getByText('This session is finished.').waitFor();
    await expect(page.getByRole('link', { name: 'Print handout' }).getAttribute('href')).resolves.toMatch(/#\/print\?handout=/);
    await shotTop(app, 'sessions-07-finished');

    // What was saved.
    const [session] = await app.do.sessions.list({ clientId });
    expect(session).toMatchObject({ number: 1, reviewCount: 2, stage: 'finish', finishedAt: expect.any(String) });
    const items = await app.do.reviews.items({ sessionId: session!.id });
    expect(items.map((i) => i.assignment.id)).toEqual([ladder.id, log.id]);
    expect(items[0]!.review).toMatchObject({
      completion: 'full',
      amountDone: 3,
      amountExpected: 3,
      quality: 4,
      understood: 'yes',
      rationaleBelief: 85,
      learning: 'The anxiety came down after eight minutes, every time.',
      plan: 'modify',
    });
    expect(items[1]!.review).toMatchObject({
      completion: 'not-done',
      obstacles: ['forgot', 'anxiety-avoidance', 'other'],
      obstacleOther: 'Night shifts all week',
      plan: null,
    });
    // The chain: step 3 follows step 2, which ended as modified.
    const next: Assignment = await app.do.assignments.get({ id: items[0]!.review!.nextAssignmentId! });
    expect(next).toMatchObject({ followsId: ladder.id, step: { current: 3, total: 8 }, status: 'active' });
    expect(await app.do.assignments.get({ id: ladder.id })).toMatchObject({ status: 'completed', endedReason: 'modified' });

    // The timeline and the client list.
    await page.getByRole('link', { name: 'Ingrid Solberg: sessions' }).click();
    await page.getByRole('link', { name: 'Session 1' }).waitFor();
    await shotTop(app, 'sessions-08-list');
    await page.getByRole('navigation', { name: 'Client sections' }).getByRole('link', { name: 'Timeline' }).click();
    await page.getByText('Next step assigned: Fear ladder (exposure hierarchy), step 3 of 8').waitFor();
    await page.getByText('Practised Fear ladder (exposure hierarchy)').first().waitFor();
    await shotTop(app, 'sessions-09-timeline');
    await page.getByLabel('Practice').uncheck();
    await expect(page.getByText('Practised Fear ladder (exposure hierarchy)').count()).resolves.toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    const row = page.getByRole('row', { name: /Ingrid Solberg/ });
    await row.waitFor();
    expect(await row.getByText('No sessions yet').count()).toBe(0);
    await shotTop(app, 'sessions-10-clients');

    // Reopened from the list, the finished session opens at its last stage.
    await page.getByRole('link', { name: 'Ingrid Solberg' }).click();
    await page.getByRole('navigation', { name: 'Client sections' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('link', { name: 'Session 1' }).click();
    await page.getByRole('button', { name: 'Reopen to correct' }).waitFor();
    await app.close();
  });
});
