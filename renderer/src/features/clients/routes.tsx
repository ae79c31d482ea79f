import type { RouteObject } from 'react-router';
import { NewClientPage, EditClientPage } from './ClientForm';
import { ClientOverview } from './ClientOverview';
import { ClientPage } from './ClientPage';
import { ClientsPage } from './ClientsPage';
import { ImportClientsPage } from './ImportClientsPage';
import type { ClientTab } from './tabs';

/**
 * Clients, and the client page with one child route per tab: Overview first, then the tabs
 * other features add (app/routes.tsx passes them, e.g. { path: 'sessions', label: 'Sessions',
 * element: <ClientSessions /> }); the tab and its route follow from the entry.
 */
export function clientRoutes(moreTabs: readonly ClientTab[]): RouteObject[] {
  const tabs: readonly ClientTab[] = [{ path: '', label: 'Overview', element: <ClientOverview /> }, ...moreTabs];
  return [
    { path: 'clients', element: <ClientsPage /> },
    { path: 'clients/new', element: <NewClientPage /> },
    { path: 'clients/import', element: <ImportClientsPage /> },
    { path: 'clients/:id/edit', element: <EditClientPage /> },
    {
      path: 'clients/:id',
      element: <ClientPage tabs={tabs} />,
      children: tabs.map((t) => (t.path ? { path: t.path, element: t.element } : { index: true, element: t.element })),
    },
  ];
}
