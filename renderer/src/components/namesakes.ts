import { formatDate } from '../../../shared/dates';

/**
 * What tells a client apart from a namesake, in lists and the quick search: "born 3 May 1990 ·
 * started 1 Mar 2026".
 */
export function tellApart(c: { dateOfBirth: string | null; startDate: string }): string {
  const born = c.dateOfBirth ? `born ${formatDate(c.dateOfBirth, undefined, 'medium')}` : 'no date of birth';
  return `${born} · started ${formatDate(c.startDate, undefined, 'medium')}`;
}
