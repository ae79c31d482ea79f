import type { RouteObject } from 'react-router';
import { DesignerEditPage, DesignerNewPage } from './DesignerPage';
import { LibraryPage } from './LibraryPage';
import { WorksheetDetailPage } from './WorksheetDetailPage';

/** /library, /library/new, /library/:id (?version=), /library/:id/edit */
export const libraryRoutes: RouteObject[] = [
  { path: 'library', element: <LibraryPage /> },
  { path: 'library/new', element: <DesignerNewPage /> },
  { path: 'library/:id', element: <WorksheetDetailPage /> },
  { path: 'library/:id/edit', element: <DesignerEditPage /> },
];
