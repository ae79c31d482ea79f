import { useId, useLayoutEffect, useRef } from 'react';
import {
  isPrefillable,
  scaleRange,
  type BlockOf,
  type PrefillableBlock,
  type WorksheetDefinition,
} from '../../../../shared/worksheet';
import { FieldMessages } from '../../components/Field';
import { NUMERIC, type PrefillValues } from './tailoring';

interface Props {
  definition: WorksheetDefinition;
  value: PrefillValues;
  onChange: (next: PrefillValues) => void;
  /** Messages by part ID (from `prefill.<partId>`). */
  errors: Record<string, string>;
  /** The chosen goal's title: a short or long answer can take it in one click. */
  goalTitle?: string | undefined;
  /** The agreed "step … of N": a ladder then prints N steps unless a number is given here. */
  stepTotal?: number | undefined;
}

/**
 * Parts of the worksheet filled in with the client before it goes home: ladder steps with their
 * ratings (add, remove, move up and down, all by keyboard), table rows, short and long answers
 * (the fear a goal names). They print already filled in; the client can still change them.
 */
export function PrefillFields({ definition, value, onChange, errors, goalTitle, stepTotal }: Props) {
  const parts = definition.blocks.filter(isPrefillable);
  if (parts.length === 0) return null;
  // The goal is offered for the first text part only (“The fear I am working on”).
  const goalPart = parts.find((b) => b.type === 'shortText' || b.type === 'longText')?.id;
  return (
    <fieldset className="prefill">
      <legend>Filled in together (optional)</legend>
      <p className="field-hint">
        What you agreed in session, printed already filled in on the worksheet. The client can still change it.
      </p>
      {parts.map((b) => (
        <PrefillPart
          key={b.id}
          block={b}
          value={value}
          onChange={onChange}
          error={errors[b.id]}
          goalTitle={b.id === goalPart ? goalTitle : undefined}
          stepTotal={stepTotal}
        />
      ))}
    </fieldset>
  );
}

function PrefillPart({
  block: b,
  value,
  onChange,
  error,
  goalTitle,
  stepTotal,
}: {
  block: PrefillableBlock;
  value: PrefillValues;
  onChange: (next: PrefillValues) => void;
  error: string | undefined;
  goalTitle: string | undefined;
  stepTotal: number | undefined;
}) {
  const id = useId();
  if (b.type === 'shortText' || b.type === 'longText') {
    const text = value.texts[b.id] ?? '';
    const set = (t: string) => onChange({ ...value, texts: { ...value.texts, [b.id]: t } });
    const errorId = error ? `${id}-error` : undefined;
    const common = {
      id,
      value: text,
      onChange: (e: { target: { value: string } }) => set(e.target.value),
      'aria-invalid': error ? true : undefined,
      'aria-describedby': errorId,
      maxLength: b.type === 'shortText' ? 500 : 20000,
    };
    return (
      <div className={`field prefill-text${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{b.label}</label>
        {b.type === 'shortText' ? <input type="text" {...common} /> : <textarea rows={2} {...common} />}
        {goalTitle && text.trim() !== goalTitle.trim() ? (
          <button type="button" className="link-button" onClick={() => set(goalTitle)}>
            Use the goal “{goalTitle}”
          </button>
        ) : null}
        <FieldMessages error={error} errorId={errorId} />
      </div>
    );
  }
  if (b.type === 'hierarchy')
    return <LadderPart block={b} value={value} onChange={onChange} error={error} stepTotal={stepTotal} />;
  return <TablePart block={b} value={value} onChange={onChange} error={error} />;
}

/** Moves focus, after the next render, to the control named by a data-focus key. */
function useFocusAfter() {
  const pending = useRef<string | null>(null);
  const root = useRef<HTMLFieldSetElement>(null);
  useLayoutEffect(() => {
    const key = pending.current;
    if (!key) return;
    pending.current = null;
    root.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`)?.focus();
  });
  return {
    root,
    focus: (key: string) => {
      pending.current = key;
    },
  };
}

function move<T>(xs: readonly T[], from: number, to: number): T[] {
  const next = [...xs];
  const [it] = next.splice(from, 1);
  next.splice(to, 0, it!);
  return next;
}

function LadderPart({
  block: b,
  value,
  onChange,
  error,
  stepTotal,
}: {
  block: BlockOf<'hierarchy'>;
  value: PrefillValues;
  onChange: (next: PrefillValues) => void;
  error: string | undefined;
  stepTotal: number | undefined;
}) {
  const id = useId();
  const { root, focus } = useFocusAfter();
  const ladder = value.ladders[b.id] ?? { count: '', steps: [] };
  const set = (next: typeof ladder) => onChange({ ...value, ladders: { ...value.ladders, [b.id]: next } });
  const setSteps = (steps: typeof ladder.steps) => set({ ...ladder, steps });
  const agreed = /^\d+$/.test(ladder.count.trim())
    ? Number(ladder.count)
    : stepTotal && stepTotal <= b.steps
      ? stepTotal
      : b.steps;
  const errorId = error ? `${id}-error` : undefined;
  const range = scaleRange(b.scale);
  return (
    <fieldset
      ref={root}
      className={`prefill-ladder${error ? ' field-invalid' : ''}`}
      aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
    >
      <legend>{b.label}</legend>
      <div className="field prefill-count">
        <label htmlFor={`${id}-count`}>Steps on the ladder</label>
        <input
          id={`${id}-count`}
          type="number"
          inputMode="numeric"
          min={1}
          max={b.steps}
          value={ladder.count}
          placeholder={String(stepTotal && stepTotal <= b.steps ? stepTotal : b.steps)}
          onChange={(e) => set({ ...ladder, count: e.target.value })}
        />
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {ladder.count.trim()
          ? `Prints ${agreed} steps.`
          : stepTotal && stepTotal <= b.steps
            ? `Prints ${stepTotal} steps, as agreed (step … of ${stepTotal}). Up to ${b.steps}.`
            : `Prints all ${b.steps} steps unless you give a number.`}{' '}
        Step 1 is the easiest. Ratings {range}.
      </p>
      {ladder.steps.length ? (
        <ol className="prefill-steps">
          {ladder.steps.map((s, i) => (
            <li key={i} className="prefill-step">
              <span className="prefill-step-number" aria-hidden="true">
                {i + 1}
              </span>
              <input
                type="text"
                aria-label={`Step ${i + 1}: what they will do`}
                data-focus={`step-${i}`}
                maxLength={300}
                value={s.step}
                onChange={(e) => setSteps(ladder.steps.map((x, j) => (j === i ? { ...x, step: e.target.value } : x)))}
              />
              <input
                type="number"
                className="prefill-rating"
                aria-label={`Step ${i + 1}: rating (${range})`}
                inputMode="numeric"
                min={b.scale.min}
                max={b.scale.max}
                step={b.scale.step}
                value={s.rating}
                onChange={(e) => setSteps(ladder.steps.map((x, j) => (j === i ? { ...x, rating: e.target.value } : x)))}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Move step ${i + 1} up`}
                data-focus={`up-${i}`}
                disabled={i === 0}
                onClick={() => {
                  setSteps(move(ladder.steps, i, i - 1));
                  focus(i - 1 === 0 ? `down-${i - 1}` : `up-${i - 1}`);
                }}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move step ${i + 1} down`}
                data-focus={`down-${i}`}
                disabled={i === ladder.steps.length - 1}
                onClick={() => {
                  setSteps(move(ladder.steps, i, i + 1));
                  focus(i + 1 === ladder.steps.length - 1 ? `up-${i + 1}` : `down-${i + 1}`);
                }}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove step ${i + 1}`}
                onClick={() => {
                  setSteps(ladder.steps.filter((_, j) => j !== i));
                  focus(ladder.steps.length > 1 ? `step-${Math.max(0, i - 1)}` : 'add');
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <button
        type="button"
        data-focus="add"
        disabled={ladder.steps.length >= b.steps}
        onClick={() => {
          setSteps([...ladder.steps, { step: '', rating: '' }]);
          focus(`step-${ladder.steps.length}`);
        }}
      >
        Add a step
      </button>
      <span className="muted prefill-room">
        {' '}
        {ladder.steps.length} of {agreed} steps filled in
      </span>
      <FieldMessages error={error} errorId={errorId} />
    </fieldset>
  );
}

function TablePart({
  block: b,
  value,
  onChange,
  error,
}: {
  block: BlockOf<'table'>;
  value: PrefillValues;
  onChange: (next: PrefillValues) => void;
  error: string | undefined;
}) {
  const id = useId();
  const { root, focus } = useFocusAfter();
  const numeric = b.columns.filter((c) => NUMERIC.has(c.kind)).map((c) => c.id);
  const table = value.tables[b.id] ?? { count: '', rows: [], numeric };
  const set = (next: typeof table) => onChange({ ...value, tables: { ...value.tables, [b.id]: { ...next, numeric } } });
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset ref={root} className={`prefill-table${error ? ' field-invalid' : ''}`} aria-describedby={errorId}>
      <legend>{b.label}</legend>
      <div className="field prefill-count">
        <label htmlFor={`${id}-count`}>Rows to print</label>
        <input
          id={`${id}-count`}
          type="number"
          inputMode="numeric"
          min={1}
          max={b.rows}
          value={table.count}
          placeholder={String(b.rows)}
          onChange={(e) => set({ ...table, count: e.target.value })}
        />
      </div>
      {table.rows.map((r, i) => (
        <div key={i} className="prefill-row" role="group" aria-label={`Row ${i + 1}`}>
          {b.columns.map((c, ci) => (
            <input
              key={c.id}
              type={NUMERIC.has(c.kind) ? 'number' : c.kind === 'date' ? 'date' : c.kind === 'time' ? 'time' : 'text'}
              aria-label={`Row ${i + 1}: ${c.label}`}
              placeholder={c.label}
              data-focus={ci === 0 ? `row-${i}` : undefined}
              maxLength={2000}
              value={r[c.id] ?? ''}
              onChange={(e) =>
                set({ ...table, rows: table.rows.map((x, j) => (j === i ? { ...x, [c.id]: e.target.value } : x)) })
              }
            />
          ))}
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove row ${i + 1}`}
            onClick={() => {
              set({ ...table, rows: table.rows.filter((_, j) => j !== i) });
              focus(table.rows.length > 1 ? `row-${Math.max(0, i - 1)}` : 'add');
            }}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        data-focus="add"
        disabled={table.rows.length >= b.rows}
        onClick={() => {
          set({ ...table, rows: [...table.rows, {}] });
          focus(`row-${table.rows.length}`);
        }}
      >
        Add a row
      </button>
      <FieldMessages error={error} errorId={errorId} />
    </fieldset>
  );
}
