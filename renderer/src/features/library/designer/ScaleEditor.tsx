import { useId } from 'react';
import type { Scale } from '../../../../../shared/worksheet';
import { getIn, SCALE_PRESETS, type Path } from './draft';
import { afterUpdate, useDesigner } from './context';
import { DNumber, DText, GroupError } from './fields';
import { fieldId } from './validation';

/** Lowest, highest, step, unit and the anchor labels of a rating scale (also used by ladders and rating columns). */
export function ScaleEditor({ path, legend = 'Scale' }: { path: Path; legend?: string }) {
  const { draft, set, update, announce } = useDesigner();
  const scale = getIn(draft, path) as Scale | undefined;
  const presetId = useId();
  if (!scale) return <GroupError path={path} />;
  const anchors = scale.anchors ?? [];
  const anchorsPath = `${path}.anchors`;

  const addAnchor = () => {
    const used = new Set(anchors.map((a) => a.value));
    const value =
      [scale.min, scale.max, Math.round((scale.min + scale.max) / 2)].find((v) => Number.isFinite(v) && !used.has(v)) ??
      scale.min;
    update(anchorsPath, (old) => [
      ...((old as Scale['anchors']) ?? []),
      { value: Number.isFinite(value) ? value : 0, label: '' },
    ]);
    announce(`Anchor ${anchors.length + 1} added.`);
    afterUpdate(() => document.getElementById(fieldId(`${anchorsPath}.${anchors.length}.label`))?.focus());
  };
  const removeAnchor = (i: number) => {
    update(anchorsPath, (old) => (old as Scale['anchors']).filter((_, k) => k !== i));
    announce(`Anchor ${i + 1} removed.`);
    afterUpdate(() => document.getElementById(`${fieldId(anchorsPath)}-add`)?.focus());
  };

  return (
    <fieldset className="scale-editor" id={fieldId(path)} tabIndex={-1}>
      <legend>{legend}</legend>
      <GroupError path={path} />
      <div className="field preset">
        <label htmlFor={presetId}>Start from a common scale</label>
        <select
          id={presetId}
          value=""
          onChange={(e) => {
            const p = SCALE_PRESETS.find((x) => x.key === e.target.value);
            if (!p) return;
            set(path, p.scale());
            announce(`Scale set to ${p.label}.`);
          }}
        >
          <option value="">Choose…</option>
          {SCALE_PRESETS.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <DNumber path={`${path}.min`} label="Lowest" min={-100} max={1000} />
        <DNumber path={`${path}.max`} label="Highest" min={-100} max={1000} />
        <DNumber path={`${path}.step`} label="Step" min={1} />
        <DText path={`${path}.unit`} label="Unit (optional)" optional maxLength={12} placeholder="e.g. %" />
      </div>
      <fieldset className="anchors" id={fieldId(anchorsPath)} tabIndex={-1}>
        <legend>Anchor labels</legend>
        <p className="field-hint">Words printed under a number, e.g. 0 “not at all”, 10 “extremely”. At most 6.</p>
        <GroupError path={anchorsPath} />
        {anchors.length ? (
          <ul>
            {anchors.map((_, i) => (
              <li key={i} className={i === 0 ? 'row anchor-row first' : 'row anchor-row'}>
                <DNumber
                  path={`${anchorsPath}.${i}.value`}
                  label={`Anchor ${i + 1} value`}
                  shownLabel="Value"
                  hideLabel={i > 0}
                  className="narrow"
                />
                <DText
                  path={`${anchorsPath}.${i}.label`}
                  label={`Anchor ${i + 1} label`}
                  shownLabel="Words under it"
                  hideLabel={i > 0}
                  maxLength={40}
                  className="grow"
                />
                <button
                  type="button"
                  className="small icon"
                  aria-label={`Remove anchor ${i + 1}`}
                  title="Remove"
                  onClick={() => removeAnchor(i)}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <button type="button" className="small" id={`${fieldId(anchorsPath)}-add`} onClick={addAnchor}>
          Add an anchor label
        </button>
      </fieldset>
    </fieldset>
  );
}
