import { formatDate } from '../../../shared/dates';
import { ASSIGNMENT_STATE_LABELS, type Assignment, type AssignmentState } from '../../../shared/domain';
import { Badge, type BadgeTone } from './Badge';

const TONES: Record<AssignmentState, BadgeTone> = {
  overdue: 'warn',
  'due-soon': 'accent',
  active: 'neutral',
  completed: 'ok',
  discontinued: 'muted',
};

/** An assignment's state as a badge: Overdue, Due soon, Active, Completed, Discontinued. */
export function StateBadge({ state }: { state: AssignmentState }) {
  return <Badge tone={TONES[state]}>{ASSIGNMENT_STATE_LABELS[state]}</Badge>;
}

/** "Due 14 Mar 2026", or "No due date". */
export function dueText(a: Pick<Assignment, 'dueDate'>): string {
  return a.dueDate ? `Due ${formatDate(a.dueDate, undefined, 'medium')}` : 'No due date';
}
