import type { RouteObject } from 'react-router';
import { DesignerDraftPage, DesignerEditPage, DesignerNewPage } from './DesignerPage';
import { LibraryPage } from './LibraryPage';
import { WorksheetDetailPage } from './WorksheetDetailPage';

/** /library, /library/new, /library/drafts/:id, /library/:id (?version=), /library/:id/edit */
export const libraryRoutes: RouteObject[] = [
  { path: 'library', element: <LibraryPage /> },
  { path: 'library/new', element: <DesignerNewPage /> },
  // ---- drafts (issue 11)
  { path: 'library/drafts/:id', element: <DesignerDraftPage /> },
  { path: 'library/:id', element: <WorksheetDetailPage /> },
  { path: 'library/:id/edit', element: <DesignerEditPage /> },
];
