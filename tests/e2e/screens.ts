import type { Browser } from 'playwright-core';
import type { Assignment, Client } from '../../shared/domain';
import { openApp, type AppPage } from './harness';

/** Screenshots at the two sizes a therapist's screen is likely to be (1024×700 and 1920×1080). */
export async function shotsAtTwoSizes(app: AppPage, name: string): Promise<void> {
  for (const [w, h] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await app.page.setViewportSize({ width: w, height: h });
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.shot(`${name}-${w}`);
  }
  await app.page.setViewportSize({ width: 1280, height: 860 });
}

/** The app on a new vault, unlocked, on Today. */
export async function unlockedApp(browser: Browser, passphrase: string): Promise<AppPage> {
  const app = await openApp(browser);
  await app.do.vault.create({ passphrase });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Today' }).waitFor();
  return app;
}

/** A client (started on `startedOn`) with an "Exposure practice log" assigned daily from `startDate`. */
export async function clientWithHomework(
  app: AppPage,
  name: string,
  startedOn: string,
  startDate: string,
): Promise<{ client: Client; assignment: Assignment }> {
  const client = await app.do.clients.create({ name, startDate: startedOn });
  const ws = (await app.do.library.list({})).find((w) => w.title === 'Exposure practice log')!;
  const assignment = await app.do.assignments.create({
    clientId: client.id,
    worksheetId: ws.id,
    frequency: { kind: 'daily' },
    startDate,
    phase: 'baseline',
  });
  return { client, assignment };
}
