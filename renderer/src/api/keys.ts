import type { AuditFilter, OutputTarget, TimelineKind, TodayGroup } from '../../../shared/contract';
import type { Approach, Category, Phase } from '../../../shared/worksheet';

export type ClientStatusFilter = 'active' | 'archived' | 'all';

export interface LibraryFilters {
  search?: string;
  category?: Category;
  approach?: Approach;
  phase?: Phase;
  includeArchived?: boolean;
}

/**
 * Every query key of the renderer, one factory per domain. Keys are hierarchical: `x.all` is the
 * prefix of every key of domain x, so invalidating it refreshes all of them. Nothing outside
 * renderer/src/api writes a key by hand (eslint forbids a literal array as a queryKey).
 */
export const queryKeys = {
  vault: {
    all: ['vault'] as const,
    status: () => ['vault', 'status'] as const,
    info: () => ['vault', 'info'] as const,
  },
  settings: {
    all: ['settings'] as const,
  },
  clients: {
    all: ['clients'] as const,
    /** Every list (their assignment counts change when assignments change). */
    lists: () => ['clients', 'list'] as const,
    list: (search: string, status: ClientStatusFilter) => ['clients', 'list', { search, status }] as const,
    /** One client with their goals. */
    detail: (id: string) => ['clients', 'detail', id] as const,
    /** Archived clients past a retention period of so many years (Settings). */
    pastRetention: (years: number) => ['clients', 'past-retention', years] as const,
  },
  assignments: {
    all: ['assignments'] as const,
    ofClient: (clientId: string) => ['assignments', 'client', clientId] as const,
    detail: (id: string) => ['assignments', 'detail', id] as const,
  },
  sessions: {
    all: ['sessions'] as const,
    ofClient: (clientId: string) => ['sessions', 'client', clientId] as const,
    detail: (id: string) => ['sessions', 'detail', id] as const,
    /** What one session reviews (with the proposals from practice records). */
    reviewItems: (sessionId: string) => ['sessions', 'review-items', sessionId] as const,
    /** A client's timeline (sessions, reviews, practice, assignment changes), by the kinds shown. */
    timeline: (clientId: string, kinds: readonly TimelineKind[]) => ['sessions', 'timeline', clientId, [...kinds]] as const,
    /** Its newest `limit` items (under `timeline`, so invalidating the timeline covers every page). */
    timelinePage: (clientId: string, kinds: readonly TimelineKind[], limit: number) =>
      ['sessions', 'timeline', clientId, [...kinds], limit] as const,
  },
  library: {
    all: ['library'] as const,
    lists: () => ['library', 'list'] as const,
    list: (filters: LibraryFilters) => ['library', 'list', filters] as const,
    /** Every cached version of one worksheet. */
    worksheet: (id: string) => ['library', 'worksheet', id] as const,
    /** One worksheet at one version (null: the current one). */
    detail: (id: string, versionId?: string | null) => ['library', 'worksheet', id, versionId ?? null] as const,
  },
  practice: {
    all: ['practice'] as const,
    /** A client's practice records, newest first. */
    ofClient: (clientId: string) => ['practice', 'client', clientId] as const,
    /** Its records page by page (under `ofClient`, so invalidating covers every page). */
    pages: (clientId: string, pageSize: number) => ['practice', 'client', clientId, 'pages', pageSize] as const,
  },
  // issue 9: the Progress tab
  progress: {
    all: ['progress'] as const,
    overview: (clientId: string, from: string | null, to: string | null) =>
      ['progress', 'overview', clientId, { from, to }] as const,
    series: (clientId: string, worksheetId: string, keys: readonly string[], from: string | null, to: string | null) =>
      ['progress', 'series', clientId, worksheetId, [...keys], { from, to }] as const,
  },
  measures: {
    all: ['measures'] as const,
    /** A client's results, oldest first (optionally of one session). */
    ofClient: (clientId: string, sessionId?: string) => ['measures', 'client', clientId, sessionId ?? null] as const,
    /** PHQ-9 item 9 answers not yet acknowledged: one client's, or the caseload's (null). */
    item9Open: (clientId: string | null) => ['measures', 'item9', clientId] as const,
    /** Today and the client list: who needs attention, and why. */
    caseload: () => ['measures', 'caseload'] as const,
    /** The client's own problems (idiographic measure). */
    problems: (clientId: string) => ['measures', 'problems', clientId] as const,
    /** The Jacobson–Truax SD and r per measure. */
    rci: () => ['measures', 'rci'] as const,
  },
  // ---- today (issue 12)
  today: {
    all: ['today'] as const,
    /** Every group's first rows and counts. */
    overview: () => ['today', 'overview'] as const,
    /** The pages of one group, loaded when the clinician shows the rest. */
    more: (group: TodayGroup) => ['today', 'more', group] as const,
  },
  // ---- end today
  backup: {
    all: ['backup'] as const,
    /** The last good backup and whether it is old. */
    status: () => ['backup', 'status'] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (filter: AuditFilter) => ['audit', 'list', filter] as const,
  },
  print: {
    all: ['print'] as const,
    /** What a print page is about: an assignment, a client's packet, or a session's handout. */
    subject: (assignmentId: string | null, clientId: string | null, sessionId: string | null = null) =>
      ['print', 'subject', { assignmentId, clientId, sessionId }] as const,
    pdf: (target: OutputTarget | null) => ['print', 'pdf', target] as const,
  },
};
