import { useState, type FormEvent } from 'react';
import type { MeasureResult, RciSetting } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/dates';
import {
  CHANGE_DIRECTION_LABELS,
  MEASURES,
  PAIRED_OUTCOME_LABELS,
  RCI_CRITICAL,
  RCI_FORMULA,
  summarizeChange,
  type MeasureCourse,
  type RciOverrides,
  type StandardMeasureKey,
} from '../../../../shared/measures';
import { RCI_SOURCES } from '../../../../shared/reports/measures';
import { errorMessage, fieldErrors } from '../../api/client';
import { useSetRci } from '../../api/measures';
import { FormError, TextField } from '../../components/Field';

const day = (iso: string) => formatDate(iso, 'en-GB', 'medium');
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
const dec = (n: number) => String(n).replace('-', '−');
const bandOf = (k: StandardMeasureKey, t: number) => MEASURES[k].bands.find((b) => t >= b.min && t <= b.max)?.label;
const score = (k: StandardMeasureKey, t: number) => (bandOf(k, t) ? `${t} (${bandOf(k, t)})` : String(t));

/**
 * The change panel of the Progress tab (issue 9): per measure, first → latest with bands, the
 * NHS Talking Therapies words, and the Jacobson–Truax index with its formula written out, the SD
 * and r used (editable, saved with measures.setRci) and where the defaults come from. Below, the
 * paired NHS outcome (PHQ-9 with GAD-7).
 */
export function ChangePanel({ results, settings }: { results: MeasureResult[]; settings: RciSetting[] }) {
  const overrides: RciOverrides = {};
  for (const s of settings) overrides[s.measure] = { sd: s.sd, r: s.r };
  const change = summarizeChange(
    results.map((r) => ({
      id: r.id,
      measure: r.measure,
      administeredOn: r.administeredOn,
      sessionId: r.sessionId,
      total: r.complete ? r.total : null,
      createdAt: r.createdAt,
    })),
    overrides,
  );
  if (change.measures.length === 0) return null;
  const paired = change.paired.overall;
  return (
    <section aria-labelledby="progress-change" className="progress-section change-panel">
      <h2 id="progress-change">Change</h2>
      <p className="change-formula">
        Reliable change index (Jacobson &amp; Truax): <code>{RCI_FORMULA}</code>; |RC| ≥ {RCI_CRITICAL} is reliable.
      </p>
      <div className="change-measures">
        {change.measures.map((m) => (
          <MeasureChangeCard key={m.measure} course={m} setting={settings.find((s) => s.measure === m.measure)} />
        ))}
      </div>
      {paired ? (
        <p className="change-paired">
          <strong>
            NHS Talking Therapies (PHQ-9 with GAD-7), {day(paired.from.administeredOn)} → {day(paired.to.administeredOn)}:
          </strong>{' '}
          {PAIRED_OUTCOME_LABELS[paired.outcome]}. At caseness at the start: {paired.caseAtStart ? 'yes' : 'no'}; at the end:{' '}
          {paired.caseAtEnd ? 'yes' : 'no'}.
        </p>
      ) : null}
    </section>
  );
}

function MeasureChangeCard({ course, setting }: { course: MeasureCourse; setting: RciSetting | undefined }) {
  const k = course.measure;
  const d = MEASURES[k];
  const o = course.overall;
  const first = course.points[0];
  const headingId = `change-${k}`;
  return (
    <article className="change-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{d.name}</h3>
      {o ? (
        <>
          <p>
            {score(k, o.from.total)} on {day(o.from.administeredOn)} → {score(k, o.to.total)} on {day(o.to.administeredOn)}:{' '}
            {signed(o.difference)} points.
          </p>
          <p className="change-category">
            <strong>{CHANGE_DIRECTION_LABELS[o.direction]}</strong>{' '}
            {o.basis === 'nhs-points'
              ? `(NHS Talking Therapies: ${d.reliableChangePoints} points or more)`
              : `(Jacobson–Truax: |RC| ≥ ${RCI_CRITICAL})`}
            {d.caseness !== null
              ? `. Case (≥ ${d.caseness}) at the start: ${o.caseAtStart ? 'yes' : 'no'}; at the end: ${o.caseAtEnd ? 'yes' : 'no'}.`
              : '.'}
          </p>
          <p className="change-rci" data-testid={`rci-${k}`}>
            RC = ({o.to.total} − {o.from.total}) / ({o.rci.sd} · √2 · √(1 − {o.rci.r})) = <strong>{dec(o.rci.value)}</strong>
            {o.rci.reliable ? ', reliable' : ', not reliable'} (reliable from {o.rci.criterion} points)
          </p>
        </>
      ) : (
        <p className="muted">
          {first ? `One complete result: ${score(k, first.total)} on ${day(first.administeredOn)}.` : 'No complete result yet.'}{' '}
          Change needs two.
        </p>
      )}
      {course.incompleteCount > 0 ? (
        <p className="muted">
          {course.incompleteCount} incomplete result{course.incompleteCount === 1 ? '' : 's'} (an item missing) left out.
        </p>
      ) : null}
      {setting ? <RciForm setting={setting} /> : null}
    </article>
  );
}

/** The SD and r of one measure, editable; the sources of the defaults beside them. */
function RciForm({ setting }: { setting: RciSetting }) {
  const k = setting.measure;
  const name = MEASURES[k].name;
  const save = useSetRci();
  const [sd, setSd] = useState(String(setting.sd));
  const [r, setR] = useState(String(setting.r));
  const [shown, setShown] = useState({ sd: setting.sd, r: setting.r });
  // Follow the stored values when they change elsewhere (a reset, another tab).
  if (shown.sd !== setting.sd || shown.r !== setting.r) {
    setShown({ sd: setting.sd, r: setting.r });
    setSd(String(setting.sd));
    setR(String(setting.r));
  }
  const errors = save.error ? fieldErrors(save.error) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ measure: k, sd: Number(sd.replace(',', '.')), r: Number(r.replace(',', '.')) });
  };
  const changed = sd !== String(setting.sd) || r !== String(setting.r);
  return (
    <form className="rci-form" onSubmit={submit} aria-label={`Reliable change parameters for ${name}`}>
      <div className="rci-fields">
        <TextField
          label={`SD (${name})`}
          inputMode="decimal"
          value={sd}
          onChange={(e) => setSd(e.target.value)}
          error={errors.sd}
        />
        <TextField label={`r (${name})`} inputMode="decimal" value={r} onChange={(e) => setR(e.target.value)} error={errors.r} />
        <button type="submit" className="button" disabled={!changed || save.isPending}>
          Use these
        </button>
        {setting.custom ? (
          <button
            type="button"
            className="button button-quiet"
            disabled={save.isPending}
            onClick={() => save.mutate({ measure: k, reset: true })}
          >
            Back to the default (SD {setting.defaultSd}, r {setting.defaultR})
          </button>
        ) : null}
      </div>
      <FormError message={save.error && !errors.sd && !errors.r ? errorMessage(save.error) : null} />
      <p className="muted rci-source">
        {setting.custom
          ? `Set by you (default SD ${setting.defaultSd}, r ${setting.defaultR}). `
          : `Default SD: ${RCI_SOURCES[k].sd}. Default r: ${RCI_SOURCES[k].r}. `}
        Reliable change from {setting.criterion} points.
      </p>
    </form>
  );
}
