import { addDays, formatDate, isValidIsoDate, localIsoDate } from './dates';

/**
 * Sensible bounds for the calendar dates a clinician enters, in one place: the contract (so the
 * core, the command line and the window all refuse the impossible) and the forms (the same
 * messages, before anything is sent). "Today" is the local calendar date of the computer.
 */
export const DATE_BOUNDS = {
  /** No record in Stepwise is dated before this. */
  earliest: '1900-01-01',
  /** A client's start date may be planned this many days ahead, no more. */
  clientStartAheadDays: 92,
  /** Homework starts and falls due within this many years of today, either way. */
  assignmentYears: 5,
  /** A goal's target date lies at most this many years ahead. */
  goalTargetAheadYears: 10,
} as const;

export const todayIso = (): string => localIsoDate(new Date());

/** The same calendar day `years` later (or earlier); 29 February becomes 28 February. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const tooEarly = (what: string) => `Please check the year of ${what}: it is before ${DATE_BOUNDS.earliest.slice(0, 4)}.`;

/** The date of birth: not in the future, not before 1900. Null when it is fine (or empty). */
export function birthDateProblem(dob: string | null | undefined, today = todayIso()): string | null {
  if (!dob || !isValidIsoDate(dob)) return null;
  if (dob > today) return 'The date of birth is in the future. Please check it.';
  if (dob < DATE_BOUNDS.earliest) return tooEarly('the date of birth');
  return null;
}

/** A client's start date: at most about three months ahead, not before 1900. */
export function clientStartProblem(start: string | null | undefined, today = todayIso()): string | null {
  if (!start || !isValidIsoDate(start)) return null;
  if (start > addDays(today, DATE_BOUNDS.clientStartAheadDays))
    return `The start date is more than three months from today (after ${formatDate(addDays(today, DATE_BOUNDS.clientStartAheadDays))}). Please check the year.`;
  if (start < DATE_BOUNDS.earliest) return tooEarly('the start date');
  return null;
}

/** An assignment's start or due date: within five years of today, either way. */
export function assignmentDateProblem(what: string, date: string | null | undefined, today = todayIso()): string | null {
  if (!date || !isValidIsoDate(date)) return null;
  const years = DATE_BOUNDS.assignmentYears;
  if (date > addYears(today, years) || date < addYears(today, -years))
    return `${what} is more than ${years} years from today. Please check the year.`;
  return null;
}

/** A goal's target date: at most ten years ahead, not before 1900. A date in the past is allowed (the form asks once). */
export function goalTargetProblem(date: string | null | undefined, today = todayIso()): string | null {
  if (!date || !isValidIsoDate(date)) return null;
  if (date > addYears(today, DATE_BOUNDS.goalTargetAheadYears))
    return `The target date is more than ${DATE_BOUNDS.goalTargetAheadYears} years from today. Please check the year.`;
  if (date < DATE_BOUNDS.earliest) return tooEarly('the target date');
  return null;
}

/** The question a form asks once before saving a target date in the past. */
export const PAST_TARGET_QUESTION = 'This date is in the past — save anyway?';
