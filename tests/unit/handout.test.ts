import { describe, expect, it } from 'vitest';
import { reviewSummary, type HandoutReviewFacts } from '../../shared/domain/handout';

const facts = (f: Partial<HandoutReviewFacts>): HandoutReviewFacts => ({
  title: 'Sleep diary',
  completion: null,
  amountDone: null,
  amountExpected: null,
  plan: null,
  daily: false,
  ...f,
});

describe('a reviewed assignment in words for the client', () => {
  it('counts days for daily practice, times otherwise, and just "did this" for one-off tasks', () => {
    expect(reviewSummary(facts({ completion: 'partial', amountDone: 4, amountExpected: 7, daily: true }))).toBe(
      'You did this on 4 of 7 days.',
    );
    expect(reviewSummary(facts({ completion: 'full', amountDone: 3, amountExpected: 3 }))).toBe('You did this 3 of 3 times.');
    expect(reviewSummary(facts({ completion: 'full', amountDone: 1, amountExpected: 1, plan: 'completed' }))).toBe(
      'You did this. This one is now complete.',
    );
    expect(reviewSummary(facts({ completion: 'partial' }))).toBe('You did some of this.');
  });

  it('never judges a missed week, and never names what got in the way', () => {
    for (const completion of ['not-done', 'not-attempted'] as const) {
      const s = reviewSummary(facts({ completion, amountDone: 0, amountExpected: 7, plan: 'modify' }));
      expect(s).toBe(
        'We talked about how this week went and what could make it easier. We adjusted it together for the coming week.',
      );
      expect(s).not.toMatch(/fail|didn’t|did not|forgot|avoid|only/i);
    }
    expect(reviewSummary(facts({}))).toBe('We looked at how this went.');
  });
});
