import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorksheetDefinition } from '../../shared/worksheet';
import { launchBrowser, openApp } from './harness';

/**
 * Tailored content (issue 11), as a therapist does it: choose the fear ladder while its parts
 * show beside the list, fill in the ladder agreed in session and see it in the preview, print it
 * with its 8 steps; then move homework to the newest version of its worksheet after reading what
 * changed. Screenshots at 1024×700 and 1920×1080.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const URL = 'http://stepwise.test/index.html#';

describe('tailoring the content of homework', () => {
  it('tailors a ladder and sees it in the preview; then moves homework to the newest version after the comparison', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await app.do.vault.create({ passphrase: 'tailoring e2e passphrase' });
    const client = await app.do.clients.create({ name: 'Siobhán Ní Bhriain', startDate: '2026-01-10' });
    const goal = await app.do.goals.create({ clientId: client.id, goal: { title: 'Taking the lift at work' } });

    // Choosing a worksheet: its parts show beside the list.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${URL}/clients/${client.id}/assign`);
    const search = page.getByRole('combobox', { name: 'Find a worksheet' });
    await search.fill('Fear ladder');
    await page.getByRole('heading', { name: /^Preview: Fear ladder/ }).waitFor();
    await page
      .getByRole('region', { name: /^Preview: Fear ladder/ })
      .getByText('My fear ladder')
      .first()
      .waitFor();
    await app.shot('tailoring-01-picker-preview-1920');
    await search.press('Enter');

    // Tailor: the goal, step 1 of 8, the goal as the fear, three steps of the ladder.
    await page.getByLabel('Treatment goal').selectOption({ label: goal.title });
    await page.getByLabel('Current step').fill('1');
    await page.getByLabel('Number of steps').fill('8');
    await page
      .getByRole('button', { name: `Use the goal “${goal.title}”` })
      .first()
      .click();
    const ladder = page.getByRole('group', { name: 'My fear ladder' });
    const steps: [string, string][] = [
      ['Look at photos of lifts', '10'],
      ['Stand next to a lift for five minutes', '20'],
      ['Ride one floor with my partner', '55'],
    ];
    for (const [i, [text, rating]] of steps.entries()) {
      await ladder.getByRole('button', { name: 'Add a step' }).click();
      await page.keyboard.type(text);
      await page.getByLabel(`Step ${i + 1}: rating (0–100)`).fill(rating);
    }
    const preview = page.getByRole('region', { name: 'As it will print' });
    await preview.getByText('Ride one floor with my partner').waitFor();
    expect(await preview.locator('.wsp-ladder tbody tr').count()).toBe(8);
    await app.shot('tailoring-02-ladder-1920');

    // At 1024 px: a toggle between the form and the preview.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await preview.getByText('Look at photos of lifts').waitFor();
    await page.screenshot({ path: 'tests/artifacts/e2e/tailoring-03-preview-1024.png' });
    await page.getByRole('button', { name: 'Tailoring', exact: true }).click();
    await page.getByRole('button', { name: 'Assign homework' }).click();
    await page.getByText('“Fear ladder (exposure hierarchy)” was assigned to Siobhán Ní Bhriain.').waitFor();

    // Printed with its 8 steps and ratings.
    const [a] = await app.do.assignments.list({ clientId: client.id });
    const pdf = await app.do.print.assignment({ assignmentId: a!.id, options: {} });
    const file = `${app.exportsDir}/ladder.pdf`;
    (await import('node:fs')).writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Ride one floor with my partner\s+55/);
    expect(text).toContain('Taking the lift at work');
    expect(text).toMatch(/step\s+8\s+the hardest/);

    // A newer version of a worksheet of one's own: see what changed, then move.
    const [fear] = await app.do.library.list({ search: 'Fear ladder' });
    const mine = await app.do.library.duplicate({ id: fear!.id });
    const b = await app.do.assignments.create({
      clientId: client.id,
      worksheetId: mine.worksheet.id,
      frequency: { kind: 'once' },
      startDate: '2026-03-02',
      phase: 'skill-practice',
      prefill: { values: { fear: 'Lifts', goal: 'Meetings on the 9th floor' } },
    });
    const def = mine.version.definition as WorksheetDefinition;
    await app.do.library.update({
      id: mine.worksheet.id,
      baseVersion: 1,
      definition: {
        ...def,
        instructions: [...def.instructions, 'Keep the ladder where you can see it.'],
        blocks: def.blocks.filter((x) => x.id !== 'goal').map((x) => (x.id === 'fear' ? { ...x, label: 'What I fear' } : x)),
      },
    });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${URL}/clients/${client.id}/assignments`);
    await page.reload(); // set up behind the page's back: read afresh
    await page.getByRole('link', { name: 'See what changed' }).click();
    await page.getByRole('heading', { name: /^What changed in “Fear ladder \(exposure hierarchy\) \(copy\)”/ }).waitFor();
    await page.getByText('“The fear I am working on” is now called “What I fear”.').waitFor();
    await page.getByText('Removed: “What I want to be able to do” (long answer).').waitFor();
    await page.getByText('New step 7: “Keep the ladder where you can see it.”').waitFor();
    await page.getByText(/for a part the new version no longer has \(“Meetings on the 9th floor”\)/).waitFor();
    await app.shot('tailoring-04-compare-1920');
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: 'tests/artifacts/e2e/tailoring-05-compare-1024.png', fullPage: true });
    await page.getByRole('button', { name: 'Move to version 2' }).click();
    await page.getByText('now uses version 2.').waitFor();
    const moved = await app.do.assignments.get({ id: b.id });
    expect(moved.worksheetVersion).toBe(2);
    expect(moved.prefill?.values).toEqual({ fear: 'Lifts' });

    // The library's version history says the same.
    await page.goto(`${URL}/library/${mine.worksheet.id}`);
    await page.getByText('What changed in version 2 (since version 1)').click();
    await page.getByText('“The fear I am working on” is now called “What I fear”.').waitFor();

    // The designer at 1024 px: a toggle between the form and its preview (never the preview lost below).
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(`${URL}/library/${mine.worksheet.id}/edit`);
    await page.getByRole('button', { name: 'Worksheet', exact: true }).waitFor();
    await page.screenshot({ path: 'tests/artifacts/e2e/tailoring-06-designer-1024.png' });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('heading', { name: 'Preview', level: 2 }).waitFor();
    await page.screenshot({ path: 'tests/artifacts/e2e/tailoring-07-designer-preview-1024.png' });
    await app.close();
  });
});
