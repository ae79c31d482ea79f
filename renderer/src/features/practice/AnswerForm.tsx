import { useId } from 'react';
import {
  ANSWER_LIMITS,
  columnCaption,
  scaleRange,
  scaleSummary,
  textLimitOf,
  type Block,
  type BlockOf,
  type Scale,
  type WorksheetDefinition,
} from '../../../../shared/worksheet';
import { FieldMessages, TextArea, TextField } from '../../components/Field';
import type { Draft, DraftValue } from './draft';

interface Props {
  definition: WorksheetDefinition;
  draft: Draft;
  onChange: (path: string, value: DraftValue) => void;
  /** Messages by answer path ("mood", "thoughts.0.feeling"). */
  errors: Record<string, string>;
}

/**
 * The practice-entry form, generated from the worksheet version's own definition: one control
 * (or group) per block, every block type, labelled with the worksheet's own words. Never a form
 * written by hand for one worksheet.
 */
export function AnswerForm({ definition, draft, onChange, errors }: Props) {
  return (
    <div className="answer-form">
      {definition.blocks.map((b) => (
        <BlockInput key={b.id} block={b} draft={draft} onChange={onChange} errors={errors} />
      ))}
    </div>
  );
}

const text = (v: DraftValue | undefined) => (typeof v === 'string' ? v : '');
const numberHint = (unit: string | undefined, min: number | undefined, max: number | undefined) => {
  const range =
    min !== undefined && max !== undefined
      ? `${min}–${max}`
      : min !== undefined
        ? `at least ${min}`
        : max !== undefined
          ? `at most ${max}`
          : '';
  return [unit, range].filter(Boolean).join(', ') || undefined;
};
/** Errors below a block (its cells' messages), in the order they came. */
const under = (errors: Record<string, string>, id: string) =>
  Object.entries(errors)
    .filter(([k]) => k === id || k.startsWith(`${id}.`))
    .map(([, m]) => m);

function BlockInput({ block: b, draft, onChange, errors }: { block: Block } & Omit<Props, 'definition'>) {
  const v = draft[b.id];
  switch (b.type) {
    case 'prompt':
      return <p className="answer-prompt">{b.text}</p>;
    case 'shortText':
    case 'longText': {
      const limit = textLimitOf(b)!;
      const length = text(v).length;
      const hint = `${b.help ? `${b.help} ` : ''}${length > limit * 0.8 ? `${length.toLocaleString()} of ` : 'At most '}${limit.toLocaleString()} characters.`;
      const props = {
        label: b.label,
        hint,
        error: errors[b.id],
        value: text(v),
        onChange: (e: { target: { value: string } }) => onChange(b.id, e.target.value),
      };
      return b.type === 'shortText' ? <TextField {...props} /> : <TextArea rows={Math.min(b.lines, 6)} {...props} />;
    }
    case 'number':
      return (
        <TextField
          label={b.label}
          hint={numberHint(b.unit, b.min, b.max)}
          inputMode="decimal"
          className="field-number"
          error={errors[b.id]}
          value={text(v)}
          onChange={(e) => onChange(b.id, e.target.value)}
        />
      );
    case 'duration':
      return (
        <TextField
          label={`${b.label} (minutes)`}
          hint="Minutes, at most 24 hours (1,440 minutes)."
          inputMode="numeric"
          className="field-number"
          error={errors[b.id]}
          value={text(v)}
          onChange={(e) => onChange(b.id, e.target.value)}
        />
      );
    case 'date':
      return (
        <TextField
          type="date"
          label={b.label}
          error={errors[b.id]}
          value={text(v)}
          onChange={(e) => onChange(b.id, e.target.value)}
        />
      );
    case 'time':
      return (
        <TextField
          type="time"
          label={b.label}
          error={errors[b.id]}
          value={text(v)}
          onChange={(e) => onChange(b.id, e.target.value)}
        />
      );
    case 'rating':
      return (
        <TextField
          label={b.label}
          hint={scaleSummary(b.scale)}
          inputMode="numeric"
          className="field-number"
          error={errors[b.id]}
          value={text(v)}
          onChange={(e) => onChange(b.id, e.target.value)}
        />
      );
    case 'checklist':
    case 'choice':
      return <Options block={b} value={v} onChange={onChange} error={under(errors, b.id)[0]} />;
    case 'table':
      return <TableInput block={b} draft={draft} onChange={onChange} errors={under(errors, b.id)} />;
    case 'dailyGrid':
      return <DayInput block={b} draft={draft} onChange={onChange} errors={under(errors, b.id)} />;
    case 'hierarchy':
      return <LadderInput block={b} draft={draft} onChange={onChange} errors={under(errors, b.id)} />;
  }
}

function Options({
  block: b,
  value,
  onChange,
  error,
}: {
  block: BlockOf<'checklist' | 'choice'>;
  value: DraftValue | undefined;
  onChange: Props['onChange'];
  error: string | undefined;
}) {
  const name = useId();
  const picked = Array.isArray(value) ? value : [];
  return (
    <fieldset className={`field options-field${error ? ' field-invalid' : ''}`}>
      <legend>{b.label}</legend>
      <p className="field-hint">{b.type === 'choice' ? 'Choose one.' : 'Tick all that apply.'}</p>
      {b.options.map((o) => (
        <label key={o} className="option">
          {b.type === 'choice' ? (
            <input type="radio" name={name} checked={value === o} onChange={() => onChange(b.id, o)} />
          ) : (
            <input
              type="checkbox"
              checked={picked.includes(o)}
              onChange={(e) => onChange(b.id, e.target.checked ? [...picked, o] : picked.filter((p) => p !== o))}
            />
          )}
          {o}
        </label>
      ))}
      {b.type === 'choice' && typeof value === 'string' && value ? (
        <button type="button" className="link-button" onClick={() => onChange(b.id, '')}>
          Clear the choice
        </button>
      ) : null}
      <FieldMessages error={error} />
    </fieldset>
  );
}

/** One cell of a table, a day or a ladder: a checkbox or a text box, labelled for screen readers. */
export function Cell({
  kind,
  label,
  path,
  draft,
  onChange,
  invalid,
  scale,
}: {
  kind: string;
  label: string;
  path: string;
  draft: Draft;
  onChange: Props['onChange'];
  invalid: boolean;
  scale?: Scale | undefined;
}) {
  const v = draft[path];
  if (kind === 'check') {
    return <input type="checkbox" aria-label={label} checked={v === true} onChange={(e) => onChange(path, e.target.checked)} />;
  }
  const type = kind === 'date' ? 'date' : kind === 'time' ? 'time' : 'text';
  return (
    <input
      type={type}
      aria-label={scale ? `${label} (${scaleRange(scale)})` : label}
      aria-invalid={invalid || undefined}
      inputMode={kind === 'number' || kind === 'rating' ? 'decimal' : undefined}
      className={kind === 'text' ? 'cell-text' : 'cell-short'}
      value={text(v)}
      onChange={(e) => onChange(path, e.target.value)}
    />
  );
}

function TableInput({
  block: b,
  draft,
  onChange,
  errors,
}: {
  block: BlockOf<'table'>;
  draft: Draft;
  onChange: Props['onChange'];
  errors: string[];
}) {
  return (
    <fieldset className="field table-field">
      <legend>{b.label}</legend>
      {b.help ? <p className="field-hint">{b.help}</p> : null}
      <div className="table-scroll">
        <table className="entry-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Row</span>
              </th>
              {b.columns.map((c) => (
                <th key={c.id} scope="col">
                  {c.label}
                  {columnCaption(c) ? <span className="th-sub">{columnCaption(c)}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: b.rows }, (_, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {b.columns.map((c) => (
                  <td key={c.id}>
                    <Cell
                      kind={c.kind}
                      label={`${b.label}, row ${r + 1}, ${c.label}`}
                      path={`${b.id}.${r}.${c.id}`}
                      draft={draft}
                      onChange={onChange}
                      invalid={errors.length > 0}
                      scale={c.scale}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field-hint">Text in a cell: at most {ANSWER_LIMITS.cellText.toLocaleString()} characters.</p>
      {errors.map((m) => (
        <FieldMessages key={m} error={m} />
      ))}
    </fieldset>
  );
}

function DayInput({
  block: b,
  draft,
  onChange,
  errors,
}: {
  block: BlockOf<'dailyGrid'>;
  draft: Draft;
  onChange: Props['onChange'];
  errors: string[];
}) {
  return (
    <fieldset className="field day-field">
      <legend>{b.label} — this day</legend>
      <div className="day-items">
        {b.items.map((it) => (
          <label key={it.id} className="day-item">
            <span>
              {it.label}
              {it.kind === 'rating' && it.scale ? <span className="muted"> ({scaleSummary(it.scale)})</span> : null}
              {it.kind === 'number' && it.unit ? <span className="muted"> ({it.unit})</span> : null}
            </span>
            <Cell
              kind={it.kind}
              label={it.label}
              path={`${b.id}.0.${it.id}`}
              draft={draft}
              onChange={onChange}
              invalid={errors.length > 0}
            />
          </label>
        ))}
      </div>
      {errors.map((m) => (
        <FieldMessages key={m} error={m} />
      ))}
    </fieldset>
  );
}

function LadderInput({
  block: b,
  draft,
  onChange,
  errors,
}: {
  block: BlockOf<'hierarchy'>;
  draft: Draft;
  onChange: Props['onChange'];
  errors: string[];
}) {
  return (
    <fieldset className="field table-field">
      <legend>{b.label}</legend>
      <p className="field-hint">Each step and its rating, {scaleSummary(b.scale)}.</p>
      <table className="entry-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">What the step is</th>
            <th scope="col">Rating ({scaleRange(b.scale)})</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: b.steps }, (_, s) => (
            <tr key={s}>
              <th scope="row">{s + 1}</th>
              <td>
                <Cell
                  kind="text"
                  label={`${b.label}, step ${s + 1}`}
                  path={`${b.id}.${s}.step`}
                  draft={draft}
                  onChange={onChange}
                  invalid={false}
                />
              </td>
              <td>
                <Cell
                  kind="rating"
                  label={`${b.label}, step ${s + 1}, rating`}
                  path={`${b.id}.${s}.rating`}
                  draft={draft}
                  onChange={onChange}
                  invalid={errors.length > 0}
                  scale={b.scale}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.map((m) => (
        <FieldMessages key={m} error={m} />
      ))}
    </fieldset>
  );
}
