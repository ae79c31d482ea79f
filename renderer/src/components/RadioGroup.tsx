import { useId, type ReactNode } from 'react';
import { FieldMessages } from './Field';
import './RadioGroup.css';

interface RadioGroupProps<T extends string> {
  legend: string;
  value: T;
  options: readonly { value: T; label: ReactNode }[];
  onChange: (value: T) => void;
  hint?: ReactNode;
  error?: string | undefined;
  /** 'segmented' draws the choices as one row of joined buttons. */
  look?: 'list' | 'segmented';
  className?: string;
  hideLegend?: boolean;
}

/** A set of choices of which one is picked; ← → ↑ ↓ move between them, as native radio buttons do. */
export function RadioGroup<T extends string>({
  legend,
  value,
  options,
  onChange,
  hint,
  error,
  look = 'list',
  className,
  hideLegend,
}: RadioGroupProps<T>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`radio-group radio-${look}${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy}
    >
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      <div className="radio-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'checked' : undefined}>
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={o.value === value}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </fieldset>
  );
}
