import type { Ref } from 'react';
import type { ShownProblem } from './useDesignerForm';
import { fieldId } from './validation';

/** "N things to fix before saving": each a link that takes the keyboard to the field. */
export function ErrorSummary({
  problems,
  ref,
  draft = false,
}: {
  problems: readonly ShownProblem[];
  ref: Ref<HTMLDivElement>;
  /** A draft: what is still to do before it can be assigned (a list to work through, not an alarm). */
  draft?: boolean;
}) {
  const n = problems.length;
  return (
    <div
      className={draft ? 'error-summary draft-todo' : 'error-summary'}
      role={draft ? 'region' : 'alert'}
      tabIndex={-1}
      ref={ref}
      aria-labelledby="designer-problems"
    >
      <h2 id="designer-problems">
        {draft
          ? n === 1
            ? 'One thing to do before it can be assigned'
            : `${n} things to do before it can be assigned`
          : n === 1
            ? 'One thing to fix before saving'
            : `${n} things to fix before saving`}
      </h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.at}-${i}`}>
            <a
              href={`#${fieldId(p.at)}`}
              onClick={(e) => {
                e.preventDefault();
                focusPath(p.at);
              }}
            >
              {p.where}: {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Focuses the control of a path, or the nearest group that holds it. */
function focusPath(path: string) {
  const segs = path.split('.');
  while (segs.length) {
    const el = document.getElementById(fieldId(segs.join('.')));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
    segs.pop();
  }
}
