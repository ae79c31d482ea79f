import { createContext, useContext } from 'react';
import type { MeasureKey } from '../../../../shared/measures';

/**
 * Client mode (issue 9): the clinician hands the screen to the client to fill in one
 * questionnaire. While it is on, the app shows nothing but the questionnaire (the router and its
 * navigation are not mounted); only the clinician's passphrase ends it.
 */
export interface ClientModeRequest {
  clientId: string;
  /** The session it is given in, if any. */
  sessionId: string | null;
  measure: MeasureKey;
  /** The calendar date recorded for the result (YYYY-MM-DD). */
  administeredOn: string;
  /** Where the clinician was (the location hash), to go back to afterwards. */
  returnTo: string;
}

/** What the clinician is told when they are back: only for the clinician's eyes. */
export interface ClientModeOutcome {
  clientId: string;
  line: string;
}

export interface ClientModeControl {
  start: (request: Omit<ClientModeRequest, 'returnTo'>) => void;
  /** The last client mode's outcome, until the next one starts. */
  outcome: ClientModeOutcome | null;
}

export const ClientModeContext = createContext<ClientModeControl>({ start: () => undefined, outcome: null });
export const useClientMode = () => useContext(ClientModeContext);

/**
 * A reload of the window must not hand the clinician's screens to the client: while client mode is
 * on, a marker (no client data, no ids) says so, and a reloaded window comes back to client mode's
 * hand-back screen.
 */
const MARKER = 'stepwise.clientMode';
export const clientModeMarker = {
  set: () => safely(() => window.sessionStorage.setItem(MARKER, '1')),
  clear: () => safely(() => window.sessionStorage.removeItem(MARKER)),
  isSet: (): boolean => safely(() => window.sessionStorage.getItem(MARKER) === '1') ?? false,
};

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
