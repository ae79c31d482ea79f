import { formatDate } from '../../../../shared/dates';
import { ASSIGNMENT_STATE_LABELS, type Assignment, type AssignmentState } from '../../../../shared/domain';
import { Badge, type BadgeTone } from '../../components/Badge';

/** The order of the groups on the Assignments tab: what needs attention first. */
export const STATE_ORDER: readonly AssignmentState[] = ['overdue', 'due-soon', 'active', 'completed', 'discontinued'];

const TONES: Record<AssignmentState, BadgeTone> = {
  overdue: 'warn',
  'due-soon': 'accent',
  active: 'neutral',
  completed: 'ok',
  discontinued: 'muted',
};

export function StateBadge({ state }: { state: AssignmentState }) {
  return <Badge tone={TONES[state]}>{ASSIGNMENT_STATE_LABELS[state]}</Badge>;
}

/** "Due 14 Mar 2026", or "No due date". */
export function dueText(a: Pick<Assignment, 'dueDate'>): string {
  return a.dueDate ? `Due ${formatDate(a.dueDate, undefined, 'medium')}` : 'No due date';
}

/** The first words of a longer text, cut at a word. */
export function excerpt(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
