import type { RouteObject } from 'react-router';
import { ClientSessions } from './ClientSessions';
import { ClientTimeline } from './ClientTimeline';
import { SessionMode } from './SessionMode';

/** Session mode, at its own address. */
export const sessionRoutes: RouteObject[] = [{ path: 'clients/:id/sessions/:sid', element: <SessionMode /> }];

/** The Sessions and Timeline tabs of the client page. */
export const sessionsTab = { path: 'sessions', label: 'Sessions', element: <ClientSessions /> };
export const timelineTab = { path: 'timeline', label: 'Timeline', element: <ClientTimeline /> };
