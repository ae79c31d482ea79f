import { localIsoDate } from '../../../shared/dates';

/** Where the time comes from: the core's clock (tests give it a fixed one). */
export interface Clock {
  now(): Date;
}

/** The current instant as UTC ISO-8601. */
export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/** Today's calendar date (`YYYY-MM-DD`) where the clinician is. */
export function todayIso(clock: Clock): string {
  return localIsoDate(clock.now());
}
