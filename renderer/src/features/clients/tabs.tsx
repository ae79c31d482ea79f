import type { ReactNode } from 'react';
import { ClientAssignments } from '../assignments/ClientAssignments';
import { ClientOverview } from './ClientOverview';

export interface ClientTab {
  /** The part of the address after /clients/:id ('' for the first tab). */
  path: string;
  label: string;
  element: ReactNode;
}

/**
 * The sections of a client's page, in the order of the tabs. A new feature plugs in by adding
 * one entry here (e.g. { path: 'sessions', label: 'Sessions', element: <ClientSessions /> });
 * the tab and its route follow from it.
 */
export const CLIENT_TABS: readonly ClientTab[] = [
  { path: '', label: 'Overview', element: <ClientOverview /> },
  { path: 'assignments', label: 'Assignments', element: <ClientAssignments /> },
];
