import { useEffect, useRef, useState } from 'react';
import { formatDate } from '../../../../shared/dates';
import {
  RETENTION_PRESETS,
  RETENTION_YEARS_MAX,
  RETENTION_YEARS_MIN,
  retentionYears,
  type Settings,
} from '../../../../shared/settings';
import { errorMessage } from '../../api/client';
import { usePastRetention } from '../../api/clients';
import { SelectField, TextField } from '../../components/Field';
import { DeleteClientDialog } from '../../components/DeleteClientDialog';
import './settings.css';

const OPTIONS = [
  { value: 'none', label: 'Not set' },
  ...Object.entries(RETENTION_PRESETS).map(([value, p]) => ({ value, label: p.label })),
  { value: 'custom', label: 'Another period…' },
];

/**
 * Record retention: how many years after the last contact a client's records are kept, and the
 * archived clients past that period, each with "Delete for good…" (the same confirmation as on
 * the client's page). Nothing is ever deleted on its own.
 */
export function RetentionSection({
  settings,
  save,
  error,
}: {
  settings: Settings;
  save: (patch: Partial<Settings>) => void;
  error?: string | undefined;
}) {
  const years = retentionYears(settings);
  const due = usePastRetention(years);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a deletion the dialog's button is gone with its row: focus goes to the section. In an
  // effect, so it runs after the closing dialog has handed focus back (its cleanup runs first).
  const [focusHeading, setFocusHeading] = useState(0);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  const preset =
    settings.recordRetention === 'none' || settings.recordRetention === 'custom'
      ? null
      : RETENTION_PRESETS[settings.recordRetention];

  return (
    <div className="card stack retention">
      <h2 ref={heading} tabIndex={-1}>
        Keeping records
      </h2>
      <p>
        How long a client’s records are kept after the last contact — their latest session, homework review, practice record or
        assignment. Archived clients past this period are listed here, so you can delete them when you are ready. Nothing is
        deleted on its own.
      </p>
      <SelectField
        label="Keep records after the last contact"
        value={settings.recordRetention}
        hint={preset ? `${preset.note} Check what applies to your practice.` : undefined}
        onChange={(e) => {
          setDone(null);
          save({ recordRetention: e.target.value as Settings['recordRetention'] });
        }}
        options={OPTIONS}
      />
      {settings.recordRetention === 'custom' ? (
        <TextField
          label="Years after the last contact"
          type="number"
          min={RETENTION_YEARS_MIN}
          max={RETENTION_YEARS_MAX}
          defaultValue={settings.recordRetentionYears}
          hint={`${RETENTION_YEARS_MIN} to ${RETENTION_YEARS_MAX} years.`}
          error={error}
          onBlur={(e) => save({ recordRetentionYears: Number(e.target.value) })}
        />
      ) : null}
      {done ? <p role="status">{done}</p> : null}
      {years === null ? (
        <p className="muted">Choose a period to see archived clients whose records are past it.</p>
      ) : due.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(due.error)}
        </p>
      ) : due.data ? (
        due.data.length === 0 ? (
          <p className="muted">
            No archived client is past {years} {years === 1 ? 'year' : 'years'} since their last contact.
          </p>
        ) : (
          <>
            <h3>
              Archived clients past {years} {years === 1 ? 'year' : 'years'} ({due.data.length})
            </h3>
            <ul className="retention-list">
              {due.data.map((c) => (
                <li key={c.id}>
                  <div>
                    <strong>{c.name}</strong>
                    <span className="muted retention-dates">
                      Last contact {formatDate(c.lastContact, undefined, 'medium')} · kept until{' '}
                      {formatDate(c.keptUntil, undefined, 'medium')}
                    </span>
                  </div>
                  <button
                    type="button"
                    className="danger small"
                    aria-label={`Delete ${c.name} for good…`}
                    onClick={() => {
                      setDone(null);
                      setDeleting({ id: c.id, name: c.name });
                    }}
                  >
                    Delete for good…
                  </button>
                </li>
              ))}
            </ul>
          </>
        )
      ) : (
        <p className="muted">Looking for archived clients…</p>
      )}
      {deleting ? (
        <DeleteClientDialog
          open
          client={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(r) => {
            setDeleting(null);
            setDone(
              `The client and all of their records were deleted for good${r.tracesOverwritten ? '' : '; the vault finishes clearing them from the disk when Stepwise next locks'}. Backups made before the deletion still contain them.`,
            );
            setFocusHeading((n) => n + 1);
          }}
        />
      ) : null}
    </div>
  );
}
