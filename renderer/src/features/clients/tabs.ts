import type { ReactNode } from 'react';

export interface ClientTab {
  /** The part of the address after /clients/:id ('' for the first tab). */
  path: string;
  label: string;
  element: ReactNode;
}
