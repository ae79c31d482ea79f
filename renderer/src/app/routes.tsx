import type { RouteObject } from 'react-router';
import { assignmentRoutes, assignmentsTab } from '../features/assignments/routes';
import { clientRoutes } from '../features/clients/routes';
import { Today } from '../features/home/Today';
import { libraryRoutes } from '../features/library/routes';
import { PrintPage } from '../features/print/PrintPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NewPassphraseForm } from '../features/vault/NewPassphrase';

/**
 * The screens inside the unlocked app. Each feature adds its own here; features never import
 * each other (eslint), so what joins them (the client page's tabs, the passphrase form in Settings) is put together here.
 */
export const featureRoutes: RouteObject[] = [
  { index: true, element: <Today /> },
  { path: 'settings', element: <SettingsPage passphraseForm={(p) => <NewPassphraseForm {...p} />} /> },
  ...clientRoutes([assignmentsTab]),
  ...assignmentRoutes,
  ...libraryRoutes,
  { path: 'print', element: <PrintPage /> },
];
