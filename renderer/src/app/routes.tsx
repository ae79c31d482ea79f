import type { RouteObject } from 'react-router';
import { Today } from '../features/home/Today';
import { SettingsPage } from '../features/settings/SettingsPage';
import { clientRoutes } from '../features/clients/routes';
import { libraryRoutes } from '../features/library/routes';
import { PrintPage } from '../features/print/PrintPage';

/** The screens inside the unlocked app. Each feature adds its own here. */
export const featureRoutes: RouteObject[] = [
  { index: true, element: <Today /> },
  { path: 'settings', element: <SettingsPage /> },
  ...clientRoutes,
  ...libraryRoutes,
  { path: 'print', element: <PrintPage /> },
];
