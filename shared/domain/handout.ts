import type { Completion, Plan } from './sessions';

/**
 * What a session handout may show the client: nothing else exists in this view. Built field by
 * field (never by spreading a row), so the clinician's notes, obstacles, quality ratings,
 * understanding and belief ratings, plan notes and what was learned cannot reach the paper.
 */
export interface HandoutView {
  /** `YYYY-MM-DD` */
  sessionDate: string;
  sessionNumber: number;
  /** Each reviewed assignment, described in client-friendly words. */
  reviewed: { title: string; summary: string }[];
  /** What the client takes away, in their own words. */
  takeaways: string | null;
  /** The homework for the coming week. */
  practice: {
    title: string;
    frequency: string;
    /** `YYYY-MM-DD` */
    dueDate: string | null;
    step: { current: number; total: number } | null;
    instructions: string | null;
  }[];
}

/** The only review fields a handout's wording may use. */
export interface HandoutReviewFacts {
  title: string;
  completion: Completion | null;
  amountDone: number | null;
  amountExpected: number | null;
  plan: Plan | null;
  /** Daily practice is counted in days, anything else in times. */
  daily: boolean;
}

const PLAN_WORDS: Record<Plan, string> = {
  continue: 'You will carry on with it this week.',
  modify: 'We adjusted it together for the coming week.',
  replace: 'We chose a different exercise for the coming week.',
  completed: 'This one is now complete.',
  discontinued: 'We agreed to set this one aside.',
};

/**
 * One reviewed assignment in words for the client: what they did, never what got in the way or
 * how well — a missed week is something we looked at together, not a failure.
 */
export function reviewSummary(f: HandoutReviewFacts): string {
  const counted =
    f.amountDone !== null && f.amountExpected !== null && f.amountDone > 0
      ? f.amountExpected === 1
        ? 'You did this.'
        : f.daily
          ? `You did this on ${f.amountDone} of ${f.amountExpected} days.`
          : `You did this ${f.amountDone} of ${f.amountExpected} times.`
      : null;
  let done: string;
  switch (f.completion) {
    case 'full':
      done = counted ?? 'You did this.';
      break;
    case 'partial':
      done = counted ?? 'You did some of this.';
      break;
    case 'not-done':
    case 'not-attempted':
      done = 'We talked about how this week went and what could make it easier.';
      break;
    default:
      done = counted ?? 'We looked at how this went.';
  }
  return f.plan ? `${done} ${PLAN_WORDS[f.plan]}` : done;
}
