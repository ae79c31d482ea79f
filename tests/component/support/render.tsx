import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { UnsavedChangesProvider } from '../../../renderer/src/components/UnsavedChanges';
import { fakeCore, type FakeCore, type FakeHandlers } from './fakeCore';

export interface Rendered extends RenderResult {
  core: FakeCore;
  queryClient: QueryClient;
  user: ReturnType<typeof userEvent.setup>;
  router: ReturnType<typeof createMemoryRouter>;
}

/**
 * Renders one screen of the renderer at an address, with window.stepwise answered by a typed
 * double of the core built from `handlers`, a fresh query cache, and a router. Any other address
 * the screen navigates to shows “At /that/address” (with its location state as JSON), so a test
 * can check where a save led.
 */
export function renderRoute(opts: { path: string; url: string; element: ReactNode; handlers: FakeHandlers }): Rendered {
  // Forms keep unsaved contents as drafts in the vault; unless a test says otherwise, there is none.
  const core = fakeCore({
    ...opts.handlers,
    drafts: {
      get: () => null,
      save: () => ({ savedAt: new Date().toISOString() }),
      discard: () => ({ discarded: true }),
      list: () => [],
      ...opts.handlers.drafts,
    },
  });
  window.stepwise = core.api;
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      // As in the app's layout: forms tell it when they hold unsaved input.
      { path: opts.path, element: <UnsavedChangesProvider>{opts.element}</UnsavedChangesProvider> },
      { path: '*', element: <Elsewhere /> },
    ],
    { initialEntries: [opts.url] },
  );
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, core, queryClient, user, router };
}

function Elsewhere() {
  const location = useLocation();
  return (
    <p>
      At {location.pathname}
      <span data-testid="location-state">{JSON.stringify(location.state ?? null)}</span>
    </p>
  );
}
