import { APPROACHES, CATEGORIES, LIMITS, PHASES } from '../../../../../shared/worksheet';
import { approachLabel, categoryLabel, phaseLabel } from '../format';
import { useDesigner } from './context';
import { DNumber, DSelect, DText, GroupError, TextList } from './fields';
import { fieldId } from './validation';

/** Title, summary, category, approach and the phases it suits. */
export function AboutSection() {
  const { draft, set } = useDesigner();
  return (
    <section className="card" aria-labelledby="d-about">
      <h2 id="d-about">About the worksheet</h2>
      <DText path="title" label="Title" maxLength={LIMITS.titleLength} />
      <DText path="summary" label="One-line summary" maxLength={200} hint="Shown in the library: what the worksheet is for." />
      <div className="row">
        <DSelect
          path="category"
          label="Category"
          placeholder="Choose a category"
          options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
          className="grow"
        />
        <DSelect
          path="approach"
          label="Approach"
          placeholder="Choose an approach"
          options={APPROACHES.map((a) => ({ value: a, label: approachLabel(a) }))}
          className="grow"
        />
      </div>
      <fieldset className="checks" id={fieldId('phases')} tabIndex={-1}>
        <legend>Phases of therapy it suits</legend>
        <GroupError path="phases" />
        {PHASES.map((p) => (
          <div className="check" key={p}>
            <input
              type="checkbox"
              id={fieldId(`phases-${p}`)}
              checked={draft.phases.includes(p)}
              onChange={(e) =>
                set(
                  'phases',
                  PHASES.filter((x) => (x === p ? e.target.checked : draft.phases.includes(x))),
                )
              }
            />
            <label htmlFor={fieldId(`phases-${p}`)}>{phaseLabel(p)}</label>
          </div>
        ))}
      </fieldset>
    </section>
  );
}

/** What the client reads: why it helps, and the steps. */
export function ClientSection() {
  return (
    <section className="card" aria-labelledby="d-client">
      <h2 id="d-client">For the client</h2>
      <DText
        path="rationale"
        label="Why this helps"
        multiline
        rows={4}
        maxLength={LIMITS.textLength}
        hint="Written to the client, in plain words."
      />
      <TextList
        path="instructions"
        legend="What to do"
        hint={`Steps, in order (at most ${LIMITS.instructions}). Alt+↑ and Alt+↓ move the step you are in.`}
        noun="step"
        addLabel="Add a step"
        multiline
        maxLength={400}
        minCount={1}
      />
    </section>
  );
}

const FREQUENCIES = [
  ['once', 'Once'],
  ['daily', 'Every day'],
  ['weekly', 'A number of times a week'],
] as const;

/** How often, and for how long, the worksheet is suggested. */
export function PracticeSection() {
  const { draft, set } = useDesigner();
  return (
    <section className="card" aria-labelledby="d-practice">
      <h2 id="d-practice">Suggested practice</h2>
      <fieldset className="radios" id={fieldId('suggestedFrequency')} tabIndex={-1}>
        <legend>How often</legend>
        <GroupError path="suggestedFrequency" />
        {FREQUENCIES.map(([kind, label]) => (
          <div className="check" key={kind}>
            <input
              type="radio"
              name="suggested-frequency"
              id={fieldId(`suggestedFrequency-${kind}`)}
              checked={draft.suggestedFrequency.kind === kind}
              onChange={() => set('suggestedFrequency.kind', kind)}
            />
            <label htmlFor={fieldId(`suggestedFrequency-${kind}`)}>{label}</label>
          </div>
        ))}
        {draft.suggestedFrequency.kind === 'weekly' ? (
          <DNumber path="suggestedFrequency.times" label="Times a week" min={1} max={14} className="narrow indent" />
        ) : null}
      </fieldset>
      <DNumber
        path="suggestedMinutes"
        label="Minutes per practice (optional)"
        optional
        min={1}
        max={240}
        className="narrow"
        unit="minutes"
      />
    </section>
  );
}
