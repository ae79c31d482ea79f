import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { MEASURE_SOURCE_LABELS } from '../../../../shared/contract';
import { MEASURES, scoreAnswers, scoreLine, type StandardMeasureKey } from '../../../../shared/measures';
import { errorMessage } from '../../api/client';
import { useRecordMeasure } from '../../api/measures';
import { FormError } from '../../components/Field';
import { useDraft } from '../../components/useDraft';

/** The key of a questionnaire's kept answers: `measure:<session, else client>:<measure>`. */
export function measureDraftKey(clientId: string, sessionId: string | null, measure: string): string {
  return `measure:${sessionId ?? clientId}:${measure}`;
}

/**
 * A questionnaire typed from the paper form: one item after another with the digit keys. A digit
 * answers the item and moves on; Backspace clears it (or, on a blank item, goes back and clears
 * the one before); Tab and the arrow keys move without changing anything. The total and its band
 * show once every scored item is answered; until then the result reads "incomplete".
 */
export function QuestionnaireEntry({
  measure,
  clientId,
  sessionId,
  date,
  onSaved,
}: {
  measure: StandardMeasureKey;
  clientId: string;
  sessionId: string | null;
  date: string;
  onSaved: (line: string) => void;
}) {
  const def = MEASURES[measure];
  const [blank] = useState<(number | null)[]>(() => def.items.map(() => null));
  const [answers, setAnswers] = useState<(number | null)[]>(blank);
  // Answers typed so far are kept (encrypted, in the vault) and offered back after a lock.
  const kept = useDraft(measureDraftKey(clientId, sessionId, measure), answers, blank, setAnswers);
  const [hint, setHint] = useState<string | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const saveButton = useRef<HTMLButtonElement>(null);
  const record = useRecordMeasure();
  const id = useId();
  const score = scoreAnswers(measure, answers);
  const answered = answers.some((a) => a !== null);
  const scored = def.items.filter((i) => i.scored).length;
  const done = def.items.filter((item, i) => item.scored && answers[i] !== null).length;

  // The first question takes the focus (after the page heading has had it), as the notes stage does.
  useEffect(() => inputs.current[0]?.focus(), []);

  const set = (i: number, v: number | null) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)));
  const focus = (i: number) => {
    if (i >= def.items.length) saveButton.current?.focus();
    else inputs.current[Math.max(0, i)]?.focus();
  };

  const onKey = (i: number, e: KeyboardEvent<HTMLInputElement>) => {
    const item = def.items[i]!;
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      const v = Number(e.key);
      if (!item.options.some((o) => o.score === v)) {
        const hi = item.options[item.options.length - 1]!.score;
        setHint(`Question ${item.number} takes an answer from 0 to ${hi}.`);
        return;
      }
      setHint(null);
      set(i, v);
      focus(i + 1);
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      setHint(null);
      if (answers[i] !== null) set(i, null);
      else if (i > 0) {
        set(i - 1, null);
        focus(i - 1);
      }
    } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      focus(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focus(i - 1);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault(); // only digits are answers
    }
  };

  const save = async () => {
    try {
      const r = await record.mutateAsync({ clientId, sessionId, measure, administeredOn: date, answers, source: 'paper' });
      const s = scoreAnswers(r.measure, r.answers);
      kept.discard();
      onSaved(`${def.name} saved: ${scoreLine(s)}.`);
      setAnswers(def.items.map(() => null));
    } catch {
      // The message shows above the button.
    }
  };

  const optionsLine = (options: (typeof def.items)[number]['options']) => options.map((o) => `${o.score} ${o.label}`).join(' · ');
  const firstOptions = def.items[0]!.options;

  return (
    <section className="measure-entry" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{def.title}</h3>
      {kept.banner}
      <p className="muted">
        {MEASURE_SOURCE_LABELS.paper}: type each answer’s number; the next question comes up by itself. Backspace goes back.
      </p>
      {def.instructions ? <p className="measure-instructions">{def.instructions}</p> : null}
      <p className="measure-stem">{def.stem}</p>
      <p className="measure-options" id={`${id}-options`}>
        {optionsLine(firstOptions)}
      </p>
      <ol className="measure-items">
        {def.items.map((item, i) => {
          const own = item.options !== firstOptions;
          const chosen = item.options.find((o) => o.score === answers[i]);
          return (
            <li key={item.number} className={`measure-item${item.scored ? '' : ' unscored'}`}>
              <label htmlFor={`${id}-q${i}`}>
                {item.number}. {item.text}
                {item.optional ? <span className="muted"> (optional, not scored)</span> : null}
                {own ? <span className="measure-options-own muted"> — {optionsLine(item.options)}</span> : null}
              </label>
              <input
                id={`${id}-q${i}`}
                ref={(el) => {
                  inputs.current[i] = el;
                }}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={1}
                aria-describedby={own ? undefined : `${id}-options`}
                value={answers[i] ?? ''}
                onKeyDown={(e) => onKey(i, e)}
                onChange={(e) => {
                  // Pasted or typed without a key event (touch keyboards): take the last digit.
                  const v = Number(e.target.value.slice(-1));
                  if (e.target.value === '') set(i, null);
                  else if (item.options.some((o) => o.score === v)) set(i, v);
                }}
              />
              <span className="measure-chosen" aria-hidden="true">
                {chosen?.label ?? ''}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="field-error" role="alert">
        {hint ?? ''}
      </p>
      <p className={`measure-score${score.complete ? '' : ' incomplete'}`} role="status" aria-live="polite">
        {score.complete
          ? `Total ${scoreLine(score)}`
          : `Incomplete: ${done} of ${scored} questions answered${answered ? '' : ' so far'}. No total until every question is answered.`}
      </p>
      {score.item9Flag ? (
        <p className="notice">Item 9 is answered above 0. After saving, you will be asked to acknowledge it with a note.</p>
      ) : null}
      <FormError message={record.isError ? errorMessage(record.error) : null} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          ref={saveButton}
          disabled={!answered || record.isPending}
          onClick={() => void save()}
        >
          {score.complete ? `Save ${def.name}` : `Save ${def.name} as incomplete`}
        </button>
      </div>
    </section>
  );
}
