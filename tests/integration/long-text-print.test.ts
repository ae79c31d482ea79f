import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../shared/dates';
import { unlockedCore, type TestCore } from '../support/vault';

/*
 * Issue 11: long texts are taken whole (shared/limits.ts), so they must print whole too: an
 * agreed rationale and personal instructions of tens of thousands of characters flow over pages.
 */
let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('long texts print whole', () => {
  it('a 30,000-character rationale and instructions flow over pages, to their last word', async () => {
    t = await unlockedCore();
    const today = localIsoDate(new Date());
    const client = await t.do.clients.create({ name: 'Ahmed Khan', startDate: today });
    const ws = (await t.do.library.list({}))[0]!;
    const words = (prefix: string) =>
      Array.from({ length: 3_000 }, (_, i) => `${prefix}${i}`)
        .join(' ')
        .slice(0, 30_000)
        .replace(/\s+\S*$/, ' endof' + prefix);
    const a = await t.do.assignments.create({
      clientId: client.id,
      worksheetId: ws.id,
      frequency: { kind: 'daily' },
      startDate: today,
      phase: 'baseline',
      agreedRationale: words('why'),
      personalInstructions: words('how'),
    });
    const pdf = await t.do.print.assignment({ assignmentId: a.id });
    expect(pdf.pages).toBeGreaterThan(3);
    const file = path.join(t.dir, 'long.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('endofwhy');
    expect(text).toContain('endofhow');
  });
});
