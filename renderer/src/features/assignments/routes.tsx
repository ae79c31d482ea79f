import type { RouteObject } from 'react-router';
import { AssignPage, ChooseClientPage } from './AssignPage';
import { ClientAssignments } from './ClientAssignments';
import { EditAssignmentPage } from './EditAssignmentPage';
import { MoveVersionPage } from './MoveVersionPage';

/** Assigning homework to a client, choosing the client first, and editing an assignment's tailoring. */
export const assignmentRoutes: RouteObject[] = [
  { path: 'clients/:id/assign', element: <AssignPage /> },
  { path: 'assign', element: <ChooseClientPage /> },
  { path: 'assignments/:id/edit', element: <EditAssignmentPage /> },
  { path: 'assignments/:id/version', element: <MoveVersionPage /> },
];

/** The Assignments tab of the client page. */
export const assignmentsTab = { path: 'assignments', label: 'Assignments', element: <ClientAssignments /> };
