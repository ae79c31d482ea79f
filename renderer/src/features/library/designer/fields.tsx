import type { KeyboardEvent, ReactNode } from 'react';
import { counterText } from '../../../../../shared/limits';
import { getIn, type Path } from './draft';
import { afterUpdate, useDesigner } from './context';
import { fieldId } from './validation';

/**
 * Designer fields: each edits one path of the draft, takes its DOM id from the path (so that the
 * problem summary can focus it) and shows the schema's message for that path next to itself.
 */

interface Common {
  path: Path;
  label: string;
  hint?: ReactNode;
  className?: string;
  /** Hide the label visually (it still names the control). */
  hideLabel?: boolean;
  /** Shorter words shown on screen; `label` stays the accessible name. */
  shownLabel?: string;
}

function Shell({
  path,
  label,
  shownLabel,
  hint,
  error,
  className,
  hideLabel,
  children,
}: Common & { error?: string | undefined; children: ReactNode }) {
  const id = fieldId(path);
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {shownLabel && !hideLabel ? (
          <>
            <span aria-hidden="true">{shownLabel}</span>
            <span className="visually-hidden">{label}</span>
          </>
        ) : (
          label
        )}
      </label>
      {children}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (path: Path, hint: unknown, error: unknown) =>
  [hint ? `${fieldId(path)}-hint` : '', error ? `${fieldId(path)}-error` : ''].filter(Boolean).join(' ') || undefined;

export function DText(
  props: Common & { optional?: boolean; multiline?: boolean; rows?: number; maxLength?: number; placeholder?: string },
) {
  const { draft, set, errorFor } = useDesigner();
  const { path, optional, multiline, rows, maxLength, placeholder } = props;
  const value = (getIn(draft, path) as string | undefined) ?? '';
  const error = errorFor(path);
  const onChange = (v: string) => set(path, optional && v.trim() === '' ? undefined : v);
  // `maxLength` is the limit the schema checks: shown by a counter as it nears, never a cut (shared/limits.ts).
  const counter = maxLength ? counterText(value.length, maxLength) : null;
  const countId = `${fieldId(path)}-count`;
  const common = {
    id: fieldId(path),
    value,
    placeholder,
    'aria-invalid': error || counter?.over ? true : undefined,
    'aria-describedby': [describedBy(path, props.hint, error), counter ? countId : ''].filter(Boolean).join(' ') || undefined,
  } as const;
  return (
    <Shell {...props} error={error}>
      {multiline ? (
        <textarea {...common} rows={rows ?? 3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      {counter ? (
        <p
          className={counter.over ? 'field-count field-error' : 'field-count field-hint'}
          id={countId}
          aria-live={counter.over ? 'polite' : undefined}
        >
          {counter.text}
        </p>
      ) : null}
    </Shell>
  );
}

export function DNumber(props: Common & { optional?: boolean; min?: number; max?: number; step?: number; unit?: string }) {
  const { draft, set, errorFor } = useDesigner();
  const { path, optional, min, max } = props;
  const v = getIn(draft, path);
  const error = errorFor(path);
  return (
    <Shell {...props} error={error} className={`field-number${props.className ? ` ${props.className}` : ''}`}>
      <span className="number-with-unit">
        <input
          id={fieldId(path)}
          type="number"
          inputMode="numeric"
          value={typeof v === 'number' && Number.isFinite(v) ? String(v) : ''}
          min={min}
          max={max}
          step={props.step ?? 1}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(path, props.hint, error)}
          onChange={(e) => {
            const raw = e.target.value.trim();
            set(path, raw === '' ? (optional ? undefined : Number.NaN) : Number(raw));
          }}
        />
        {props.unit ? <span className="unit">{props.unit}</span> : null}
      </span>
    </Shell>
  );
}

export function DSelect(
  props: Common & { options: readonly { value: string; label: string }[]; placeholder?: string; onPick?: (v: string) => void },
) {
  const { draft, set, errorFor } = useDesigner();
  const { path, options, placeholder } = props;
  const value = String(getIn(draft, path) ?? '');
  const error = errorFor(path);
  return (
    <Shell {...props} error={error}>
      <select
        id={fieldId(path)}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(path, props.hint, error)}
        onChange={(e) => (props.onPick ? props.onPick(e.target.value) : set(path, e.target.value))}
      >
        {placeholder !== undefined ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** The message of a whole group (a list, a scale), shown at its top. */
export function GroupError({ path }: { path: Path }) {
  const { errorFor } = useDesigner();
  const error = errorFor(path);
  return error ? (
    <p className="field-error" id={`${fieldId(path)}-error`}>
      {error}
    </p>
  ) : null;
}

/** Alt+↑ / Alt+↓ inside a list item moves it. Returns a keydown handler for the item. */
export function useMoveKeys(path: Path, index: number, count: number, what: string) {
  const { move } = useDesigner();
  return (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    e.stopPropagation();
    const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
    if (to < 0 || to >= count) return;
    move(path, index, to, what);
  };
}

/** Move up / Move down / Remove buttons of one list item. */
export function ItemButtons({
  path,
  index,
  count,
  what,
  minCount = 0,
  onRemove,
}: {
  path: Path;
  index: number;
  count: number;
  what: string;
  minCount?: number;
  onRemove: () => void;
}) {
  const { move } = useDesigner();
  const base = fieldId(`${path}.${index}`);
  return (
    <span className="item-buttons">
      <button
        type="button"
        className="small icon"
        id={`${base}-up`}
        aria-label={`Move ${what} up`}
        title="Move up (Alt+↑)"
        disabled={index === 0}
        onClick={() => move(path, index, index - 1, what)}
      >
        ↑
      </button>
      <button
        type="button"
        className="small icon"
        id={`${base}-down`}
        aria-label={`Move ${what} down`}
        title="Move down (Alt+↓)"
        disabled={index === count - 1}
        onClick={() => move(path, index, index + 1, what)}
      >
        ↓
      </button>
      <button
        type="button"
        className="small icon"
        aria-label={`Remove ${what}`}
        title="Remove"
        disabled={count <= minCount}
        onClick={onRemove}
      >
        ✕
      </button>
    </span>
  );
}

/** A list of texts (instruction steps, options): edit, add, reorder, remove. */
export function TextList({
  path,
  noun,
  addLabel,
  multiline,
  minCount = 0,
  maxLength,
  legend,
  hint,
}: {
  path: Path;
  noun: string;
  addLabel: string;
  multiline?: boolean;
  minCount?: number;
  maxLength?: number;
  legend: string;
  hint?: ReactNode;
}) {
  const { draft, update, announce } = useDesigner();
  const items = (getIn(draft, path) as string[] | undefined) ?? [];
  const add = () => {
    update(path, (old) => [...((old as string[]) ?? []), '']);
    announce(`${capital(noun)} ${items.length + 1} added.`);
    afterUpdate(() => document.getElementById(fieldId(`${path}.${items.length}`))?.focus());
  };
  const remove = (i: number) => {
    update(path, (old) => (old as string[]).filter((_, k) => k !== i));
    announce(`${capital(noun)} ${i + 1} removed.`);
    afterUpdate(() => {
      const next = Math.min(i, items.length - 2);
      document.getElementById(next >= 0 ? fieldId(`${path}.${next}`) : `${fieldId(path)}-add`)?.focus();
    });
  };
  return (
    <fieldset className="text-list" id={fieldId(path)} tabIndex={-1}>
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <GroupError path={path} />
      <ol>
        {items.map((_, i) => (
          <TextListItem
            key={i}
            path={path}
            index={i}
            count={items.length}
            noun={noun}
            multiline={multiline}
            maxLength={maxLength}
            minCount={minCount}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      <button type="button" className="small" id={`${fieldId(path)}-add`} onClick={add}>
        {addLabel}
      </button>
    </fieldset>
  );
}

function TextListItem({
  path,
  index,
  count,
  noun,
  multiline,
  maxLength,
  minCount,
  onRemove,
}: {
  path: Path;
  index: number;
  count: number;
  noun: string;
  multiline?: boolean | undefined;
  maxLength?: number | undefined;
  minCount: number;
  onRemove: () => void;
}) {
  const onKeyDown = useMoveKeys(path, index, count, `${noun} ${index + 1}`);
  return (
    <li onKeyDown={onKeyDown}>
      <span className="item-number" aria-hidden="true">
        {index + 1}.
      </span>
      <DText
        path={`${path}.${index}`}
        label={`${capital(noun)} ${index + 1}`}
        hideLabel
        multiline={multiline}
        rows={2}
        maxLength={maxLength}
        className="grow"
      />
      <ItemButtons
        path={path}
        index={index}
        count={count}
        what={`${noun} ${index + 1}`}
        minCount={minCount}
        onRemove={onRemove}
      />
    </li>
  );
}

export const capital = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
