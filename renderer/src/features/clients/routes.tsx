import type { RouteObject } from 'react-router';
import { AssignPage, ChooseClientPage } from '../assignments/AssignPage';
import { EditAssignmentPage } from '../assignments/EditAssignmentPage';
import { NewClientPage, EditClientPage } from './ClientForm';
import { ClientPage } from './ClientPage';
import { ClientsPage } from './ClientsPage';
import { CLIENT_TABS } from './tabs';

/** Clients, the client page (one child route per tab), and assigning homework. */
export const clientRoutes: RouteObject[] = [
  { path: 'clients', element: <ClientsPage /> },
  { path: 'clients/new', element: <NewClientPage /> },
  { path: 'clients/:id/edit', element: <EditClientPage /> },
  { path: 'clients/:id/assign', element: <AssignPage /> },
  {
    path: 'clients/:id',
    element: <ClientPage />,
    children: CLIENT_TABS.map((t) => (t.path ? { path: t.path, element: t.element } : { index: true, element: t.element })),
  },
  { path: 'assign', element: <ChooseClientPage /> },
  { path: 'assignments/:id/edit', element: <EditAssignmentPage /> },
];
