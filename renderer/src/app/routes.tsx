import type { RouteObject } from 'react-router';
import { assignmentRoutes, assignmentsTab } from '../features/assignments/routes';
import { clientRoutes } from '../features/clients/routes';
import { Today } from '../features/home/Today';
import { libraryRoutes } from '../features/library/routes';
import { practiceTab } from '../features/practice/routes';
import { PrintPage } from '../features/print/PrintPage';
import { progressTab } from '../features/progress/routes';
import { sessionRoutes, sessionsTab, timelineTab } from '../features/sessions/routes';
import { SettingsPage } from '../features/settings/SettingsPage';

/**
 * The screens inside the unlocked app. Each feature adds its own here. Features import each other
 * only through a feature's index.ts, and clients and assignments not at all (eslint): what joins
 * those two (the client page's Assignments tab) is put together here.
 */
export const featureRoutes: RouteObject[] = [
  { index: true, element: <Today /> },
  { path: 'settings', element: <SettingsPage /> },
  ...clientRoutes([assignmentsTab, sessionsTab, practiceTab, progressTab, timelineTab]),
  ...assignmentRoutes,
  ...sessionRoutes,
  ...libraryRoutes,
  { path: 'print', element: <PrintPage /> },
];
