import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { seedDemoHistory, type DemoHistorySummary } from '../../electron/core/demoHistory';
import { sql } from '../../electron/core/db/sql';
import type { AssignmentRow, HomeworkReviewRow, PracticeRecordRow, SessionRow } from '../../electron/core/db/tables';
import { unlockedCore, type TestCore } from '../support/vault';

let t: TestCore;
let summary: DemoHistorySummary;
const NOW = new Date('2026-03-10T10:00:00Z');

beforeAll(async () => {
  t = await unlockedCore({ now: () => NOW });
  await seedDemo(t.do, NOW);
  summary = await seedDemoHistory(t.do, t.core, NOW);
});
afterAll(() => t.cleanup());

const clientId = async (name: string) => (await t.do.clients.list({ status: 'all' })).find((c) => c.name === name)!.id;

describe('demo history', () => {
  it('has months of weekly sessions (some cancelled, one not attended), reviews and over 300 practice records', async () => {
    expect(summary.practiceRecords).toBeGreaterThanOrEqual(300);
    expect(summary.reviews).toBeGreaterThan(50);
    const sessions = t.core.read.all(
      sql<Pick<SessionRow, 'attendance' | 'date' | 'client_id'>>`SELECT attendance, date, client_id FROM session`,
    );
    expect(sessions.length).toBe(summary.sessions);
    expect(sessions.filter((s) => s.attendance === 'cancelled').length).toBeGreaterThanOrEqual(3);
    expect(sessions.filter((s) => s.attendance === 'did-not-attend')).toHaveLength(1);
    const dates = sessions.map((s) => s.date).sort();
    expect(dates[0]! < '2025-11-20').toBe(true); // about four months back
    expect(dates.at(-1)! < '2026-03-10').toBe(true);
    // Every assignment that ran before the last session of its client has a review.
    const unreviewed = t.core.read.all(
      sql<Pick<AssignmentRow, 'id'>>`
        SELECT a.id FROM assignment a
         WHERE a.start_date < (SELECT max(date) FROM session s WHERE s.client_id = a.client_id AND s.attendance = 'attended')
           AND NOT EXISTS (SELECT 1 FROM homework_review r WHERE r.assignment_id = a.id)`,
    );
    expect(unreviewed).toEqual([]);
  });

  it('Zoë climbs her ladder: a chain of steps, SUDS falling within each step and across steps', async () => {
    const zoe = await clientId('Zoë Łukasiewicz');
    const records = t.core.read.all(
      sql<Pick<PracticeRecordRow, 'ladder_step' | 'answers' | 'practiced_on'>>`
        SELECT ladder_step, answers, practiced_on FROM practice_record
         WHERE client_id = ${zoe} AND ladder_step IS NOT NULL ORDER BY practiced_on`,
    );
    const peaks = new Map<number, number[]>();
    for (const r of records) {
      const row = (JSON.parse(r.answers) as { practice: { 'suds-peak': number }[] }).practice[0]!;
      peaks.set(r.ladder_step!, [...(peaks.get(r.ladder_step!) ?? []), row['suds-peak']]);
    }
    expect([...peaks.keys()]).toEqual([1, 2, 3]);
    for (const [, p] of peaks) {
      expect(p.length).toBeGreaterThanOrEqual(2);
      expect(p.at(-1)!).toBeLessThan(p[0]!);
    }
    expect(peaks.get(2)![0]!).toBeLessThan(peaks.get(1)![0]!);
    expect(peaks.get(3)![0]!).toBeLessThan(peaks.get(2)![0]!);
    const chain = t.core.read.all(
      sql<Pick<AssignmentRow, 'step_current' | 'follows_id'>>`
        SELECT step_current, follows_id FROM assignment WHERE client_id = ${zoe} AND step_current IS NOT NULL ORDER BY step_current`,
    );
    expect(chain.map((c) => c.step_current)).toEqual([1, 2, 3]);
    expect(chain[0]!.follows_id).toBeNull();
    expect(chain[1]!.follows_id).not.toBeNull();
    expect(chain[2]!.follows_id).not.toBeNull();
  });

  it('Алёна missed her homework with obstacles, and it was adjusted: a smaller step that follows it', async () => {
    const alena = await clientId('Алёна Смирнова');
    const reviews = t.core.read.all(
      sql<Pick<HomeworkReviewRow, 'completion' | 'obstacles' | 'plan' | 'next_assignment_id'>>`
        SELECT r.completion, r.obstacles, r.plan, r.next_assignment_id FROM homework_review r
          JOIN assignment a ON a.id = r.assignment_id
         WHERE a.client_id = ${alena} AND a.status = 'completed' AND a.ended_reason = 'modified'`,
    );
    expect(reviews.some((r) => r.completion === 'not-done' && JSON.parse(r.obstacles).includes('anxiety-avoidance'))).toBe(true);
    const modify = reviews.find((r) => r.plan === 'modify')!;
    const next = (await t.do.assignments.get({ id: modify.next_assignment_id! }))!;
    expect(next.frequency).toEqual({ kind: 'weekly', times: 2 });
    expect(next.personalInstructions).toContain('smaller step');
  });

  it('has a mood diary, a sleep diary and thought records with belief before and after', async () => {
    const count = (key: string) =>
      t.core.read.pluck(
        sql<{ n: number }>`
          SELECT count(*) AS n FROM practice_record p JOIN worksheet_version v ON v.id = p.worksheet_version_id
            JOIN worksheet w ON w.id = v.worksheet_id WHERE w.builtin_key = ${key}`,
      )!;
    expect(count('activity-mood-diary')).toBeGreaterThanOrEqual(3);
    expect(count('sleep-diary')).toBeGreaterThanOrEqual(30);
    expect(count('thought-record-7')).toBeGreaterThanOrEqual(15);
    const belief = t.core.read.all(
      sql<Pick<PracticeRecordRow, 'answers'>>`
        SELECT p.answers FROM practice_record p JOIN worksheet_version v ON v.id = p.worksheet_version_id
          JOIN worksheet w ON w.id = v.worksheet_id WHERE w.builtin_key IN ('evidence-for-against', 'behavioural-experiment')`,
    );
    expect(belief.length).toBeGreaterThanOrEqual(1);
    for (const b of belief) {
      const a = JSON.parse(b.answers) as Record<string, number>;
      expect(a['belief-after']!).toBeLessThan(a['belief-before']!);
    }
  });

  it('exports and prints a handout from it', async () => {
    const { files } = await t.do.export.build({ format: 'csv' });
    expect(files.length).toBeGreaterThan(15);
    const session = t.core.read.get(
      sql<Pick<SessionRow, 'id'>>`SELECT id FROM session WHERE attendance = 'attended' ORDER BY date DESC`,
    )!;
    const pdf = await t.do.print.handout({ sessionId: session.id });
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
  });
});

describe('demo measures', () => {
  it('at most sessions: some improve reliably, one does not respond, one deteriorates, one answers item 9 once', async () => {
    expect(summary.measures).toBeGreaterThan(60);
    const outcome = async (name: string) => (await t.do.measures.summary({ clientId: await clientId(name) })).paired.overall!;
    for (const name of ['Øyvind Ødegård', 'Kenji Watanabe', 'Ελένη Παπαδοπούλου']) {
      expect((await outcome(name)).reliableImprovement, name).toBe(true);
    }
    expect((await outcome('Priya Raman')).outcome).toBe('no-reliable-change');
    expect((await outcome('Marcus Adeyemi')).outcome).toBe('reliable-deterioration');

    const open = await t.do.measures.item9Open();
    expect(open.map((o) => o.clientName)).toEqual(['Kenji Watanabe']);

    // Measured at most attended sessions of a long-running client.
    const kenji = await clientId('Kenji Watanabe');
    const attended = (await t.do.sessions.list({ clientId: kenji })).filter((s) => s.attendance === 'attended');
    const phq = await t.do.measures.list({ clientId: kenji, measure: 'phq9' });
    expect(phq.length).toBeGreaterThan(attended.length / 2);
    expect(phq.every((r) => r.complete && r.sessionId !== null)).toBe(true);

    const flags = Object.fromEntries((await t.do.measures.caseload()).map((e) => [e.clientName, e.flags.map((f) => f.kind)]));
    expect(flags['Kenji Watanabe']).toContain('item9');
    expect(flags['Marcus Adeyemi']).toContain('reliable-deterioration');
    expect(flags['Priya Raman']).toContain('no-reliable-improvement');
    // Zoë rates her own problems too.
    const zoe = await t.do.measures.list({ clientId: await clientId('Zoë Łukasiewicz'), measure: 'idiographic' });
    expect(zoe.length).toBeGreaterThan(2);
  });
});
