import { describe, expect, it } from 'vitest';
import {
  addYears,
  assignmentDateProblem,
  birthDateProblem,
  clientStartProblem,
  goalTargetProblem,
} from '../../shared/dateBounds';
import { counterText, TEXT_LIMITS } from '../../shared/limits';
import { nameKey, namesakesOf, sharedNameIds } from '../../shared/names';

/* The pure rules behind issue 11's forms: limits and their counter, date bounds, namesakes. */

describe('limits', () => {
  it('the counter shows in the last 10 % and says how far past the limit a text is', () => {
    expect(counterText(44_999, TEXT_LIMITS.long)).toBeNull();
    expect(counterText(45_000, TEXT_LIMITS.long)).toEqual({ text: '45,000 of 50,000 characters', over: false });
    expect(counterText(50_000, TEXT_LIMITS.long)).toEqual({ text: '50,000 of 50,000 characters', over: false });
    expect(counterText(50_001, TEXT_LIMITS.long)).toEqual({
      text: '1 character too many (50,000 at most). Please shorten it; nothing has been cut.',
      over: true,
    });
    expect(counterText(0, 300)).toBeNull();
  });
});

describe('date bounds (today fixed at 2026-11-28)', () => {
  const today = '2026-11-28';
  it('birth: not in the future, not before 1900', () => {
    expect(birthDateProblem('2026-11-28', today)).toBeNull();
    expect(birthDateProblem('2026-11-29', today)).toBe('The date of birth is in the future. Please check it.');
    expect(birthDateProblem('1899-12-31', today)).toBe('Please check the year of the date of birth: it is before 1900.');
    expect(birthDateProblem(null, today)).toBeNull();
    expect(birthDateProblem('2026-02-30', today)).toBeNull(); // not a date: the calendar check says so
  });
  it('a client’s start: at most about three months ahead', () => {
    expect(clientStartProblem('2027-02-28', today)).toBeNull();
    expect(clientStartProblem('2027-03-01', today)).toMatch(/^The start date is more than three months from today/);
    expect(clientStartProblem('1899-01-01', today)).toBe('Please check the year of the start date: it is before 1900.');
  });
  it('homework: within five years either way', () => {
    expect(assignmentDateProblem('The due date', '2031-11-28', today)).toBeNull();
    expect(assignmentDateProblem('The due date', '2031-11-29', today)).toBe(
      'The due date is more than 5 years from today. Please check the year.',
    );
    expect(assignmentDateProblem('The start date', '2021-11-28', today)).toBeNull();
    expect(assignmentDateProblem('The start date', '2021-11-27', today)).not.toBeNull();
  });
  it('a goal’s target: in the past is allowed (the form asks), more than ten years ahead is not', () => {
    expect(goalTargetProblem('1999-01-01', today)).toBeNull();
    expect(goalTargetProblem('2036-11-28', today)).toBeNull();
    expect(goalTargetProblem('2036-11-29', today)).toBe(
      'The target date is more than 10 years from today. Please check the year.',
    );
  });
  it('years move 29 February to 28 February', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2026-11-28', -5)).toBe('2021-11-28');
  });
});

describe('namesakes', () => {
  it('compares names without accents, case, extra spaces or the kind of apostrophe', () => {
    expect(nameKey('  Siobhán   Ní Bhriain ')).toBe(nameKey('siobhan ni bhriain'));
    expect(nameKey('Zoë Łukasiewicz')).toBe('zoe lukasiewicz');
    expect(nameKey('Daniel O’Connor')).toBe(nameKey("daniel o'connor"));
  });
  it('a date of birth that differs tells them apart; a missing one does not', () => {
    const list = [
      { id: 'a', name: 'Siobhán Ní Bhriain', dateOfBirth: '1990-05-03' },
      { id: 'b', name: 'Siobhán Ní Bhriain', dateOfBirth: null },
      { id: 'c', name: 'Siobhán Ní Bhriain', dateOfBirth: '1985-01-01' },
      { id: 'd', name: 'Ahmed Khan', dateOfBirth: '1990-05-03' },
    ];
    const found = namesakesOf({ name: 'siobhan ni bhriain', dateOfBirth: '1990-05-03' }, list).map((c) => c.id);
    expect(found).toEqual(['a', 'b']);
    // Renaming a client: they are not their own namesake.
    expect(namesakesOf({ id: 'a', name: 'Siobhán Ní Bhriain', dateOfBirth: '1990-05-03' }, list).map((c) => c.id)).toEqual(['b']);
    expect([...sharedNameIds(list)].sort()).toEqual(['a', 'b', 'c']);
  });
});
