import type { AssignmentState } from '../../../../shared/domain';

/** The order of the groups on the Assignments tab: what needs attention first. */
export const STATE_ORDER: readonly AssignmentState[] = ['overdue', 'due-soon', 'active', 'completed', 'discontinued'];

/** The first words of a longer text, cut at a word. */
export function excerpt(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
