import { lazy, Suspense } from 'react';

/** The tab and its charts load when first opened (the chart library with them, never on the first screen). */
const ClientProgress = lazy(() => import('./ClientProgress').then((m) => ({ default: m.ClientProgress })));

/** The Progress tab of the client page. */
export const progressTab = {
  path: 'progress',
  label: 'Progress',
  element: (
    <Suspense fallback={<p className="muted">Loading progress…</p>}>
      <ClientProgress />
    </Suspense>
  ),
};
