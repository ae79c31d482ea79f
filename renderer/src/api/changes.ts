import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './keys';

/**
 * What to refetch after a change, by what changed: one place, so that every mutation refreshes
 * every screen that shows what it changed. Invalidating a key refetches the queries on screen
 * and marks the others stale.
 */
export const afterChange = {
  /** A client's details or status: lists, their page, and everything that shows their name. */
  client: (qc: QueryClient) =>
    invalidate(qc, [queryKeys.clients.all, queryKeys.assignments.all, queryKeys.print.all, queryKeys.today.all]),

  /** A treatment goal: the client's page, and assignments (they show the goal they serve). */
  goal: (qc: QueryClient, clientId: string) =>
    invalidate(qc, [queryKeys.clients.detail(clientId), queryKeys.assignments.all, queryKeys.print.all]),

  /**
   * An assignment (assigned, edited, completed, discontinued, reactivated): the client's
   * assignments, Today's attention list, the client lists (active and overdue counts), the library
   * (how many assignments use each worksheet) and what is printed.
   */
  assignment: (qc: QueryClient) =>
    invalidate(qc, [
      queryKeys.assignments.all,
      queryKeys.clients.lists(),
      queryKeys.library.all,
      queryKeys.print.all,
      queryKeys.sessions.all,
      queryKeys.progress.all,
      queryKeys.today.all,
    ]),

  /**
   * A session (started, finished, reopened, removed): its client's sessions and timeline, Today
   * (unfinished sessions, homework to review) and the client lists ("Last session").
   */
  session: (qc: QueryClient) =>
    invalidate(qc, [
      queryKeys.sessions.all,
      queryKeys.clients.lists(),
      queryKeys.measures.caseload(),
      queryKeys.progress.all,
      queryKeys.today.all,
    ]),

  /** A homework review saved: the session's items and counts, the timeline, Today. */
  review: (qc: QueryClient) =>
    invalidate(qc, [queryKeys.sessions.all, queryKeys.measures.caseload(), queryKeys.progress.all, queryKeys.today.all]),

  /** A plan carried out (an assignment ended, a follow-on made): everything an assignment change touches. */
  plan: (qc: QueryClient) =>
    invalidate(qc, [
      queryKeys.sessions.all,
      queryKeys.assignments.all,
      queryKeys.clients.lists(),
      queryKeys.library.all,
      queryKeys.print.all,
      queryKeys.progress.all,
      queryKeys.today.all,
    ]),

  /** A practice record (entered, imported, edited, deleted, restored): the practice lists. */
  practice: (qc: QueryClient) => invalidate(qc, [queryKeys.practice.all, queryKeys.progress.all]),

  /**
   * A questionnaire result, an item 9 acknowledgement, the client's problems: every measures
   * query (results, item 9 banners, caseload flags on Today and the client list).
   */
  measures: (qc: QueryClient) => invalidate(qc, [queryKeys.measures.all, queryKeys.today.all]),

  /** A worksheet (saved, duplicated, archived, restored): the library, and assignments ("a newer version is available"). */
  worksheet: (qc: QueryClient) => invalidate(qc, [queryKeys.library.all, queryKeys.assignments.all, queryKeys.today.all]),
};

async function invalidate(qc: QueryClient, keys: readonly (readonly unknown[])[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
}
