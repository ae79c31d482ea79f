import type { ReactNode } from 'react';
import { BLOCK_LABELS, columnKinds, gridItemKinds, LIMITS } from '../../../../../shared/worksheet';
import {
  defaultScale,
  newColumn,
  newItem,
  partName,
  type DraftBlock,
  type DraftColumn,
  type DraftItem,
  type Path,
} from './draft';
import { afterUpdate, useDesigner } from './context';
import { capital, DNumber, DSelect, DText, GroupError, ItemButtons, TextList, useMoveKeys } from './fields';
import { ScaleEditor } from './ScaleEditor';
import { fieldId } from './validation';

const COLUMN_KINDS: Record<(typeof columnKinds)[number], string> = {
  text: 'Text',
  number: 'Number',
  rating: 'Rating',
  date: 'Date',
  time: 'Time',
};
const ITEM_KINDS: Record<(typeof gridItemKinds)[number], string> = {
  check: 'Tick box',
  number: 'Number',
  rating: 'Rating',
  text: 'Text',
};
const WIDTHS = [
  { value: '1', label: 'Narrow' },
  { value: '2', label: 'Medium' },
  { value: '3', label: 'Wide' },
  { value: '4', label: 'Widest' },
];

interface BlockCardProps {
  block: DraftBlock;
  index: number;
  count: number;
  onRemove: () => void;
  onDuplicate: () => void;
}

/** One part of the worksheet: its header with the move/duplicate/remove buttons, then its own editor. */
export function BlockCard({ block, index, count, onRemove, onDuplicate }: BlockCardProps) {
  const path = `blocks.${index}`;
  const name = partName(block, index);
  const onKeyDown = useMoveKeys('blocks', index, count, name);
  const { move: moveIn } = useDesigner();
  const move = (to: number) => moveIn('blocks', index, to, name);
  const headingId = `${fieldId(path)}-title`;
  return (
    <section
      className="block-card"
      id={fieldId(path)}
      data-index={index}
      tabIndex={-1}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
    >
      <header className="block-card-head">
        <h3 id={headingId}>
          <span className="block-num">Part {index + 1}</span> <span className="block-type">{BLOCK_LABELS[block.type]}</span>
        </h3>
        <span className="item-buttons">
          <button
            type="button"
            className="small"
            id={`${fieldId(path)}-up`}
            disabled={index === 0}
            aria-label={`Move up: ${name}`}
            title="Alt+↑ moves the part you are in"
            onClick={() => move(index - 1)}
          >
            Move up
          </button>
          <button
            type="button"
            className="small"
            id={`${fieldId(path)}-down`}
            disabled={index === count - 1}
            aria-label={`Move down: ${name}`}
            title="Alt+↓ moves the part you are in"
            onClick={() => move(index + 1)}
          >
            Move down
          </button>
          <button type="button" className="small" aria-label={`Duplicate: ${name}`} onClick={onDuplicate}>
            Duplicate
          </button>
          <button
            type="button"
            className="small danger"
            id={`${fieldId(path)}-remove`}
            aria-label={`Remove: ${name}`}
            onClick={onRemove}
          >
            Remove
          </button>
        </span>
      </header>
      <div className="block-card-body">
        <BlockFields block={block} path={path} />
      </div>
    </section>
  );
}

function LabelAndHelp({ path }: { path: Path }) {
  return (
    <>
      <DText path={`${path}.label`} label="Label" maxLength={LIMITS.labelLength} />
      <DText
        path={`${path}.help`}
        label="Help text (optional)"
        optional
        maxLength={400}
        placeholder="Printed under the label in smaller type"
      />
    </>
  );
}

function BlockFields({ block, path }: { block: DraftBlock; path: Path }) {
  switch (block.type) {
    case 'prompt':
      return (
        <>
          <DText path={`${path}.text`} label="Text to read" multiline rows={3} maxLength={LIMITS.textLength} />
          <DText path={`${path}.help`} label="Small print (optional)" optional maxLength={400} />
        </>
      );
    case 'shortText':
    case 'duration':
    case 'date':
    case 'time':
      return <LabelAndHelp path={path} />;
    case 'longText':
      return (
        <>
          <LabelAndHelp path={path} />
          <DNumber path={`${path}.lines`} label="Writing lines" min={2} max={LIMITS.longTextLines} />
        </>
      );
    case 'number':
      return (
        <>
          <LabelAndHelp path={path} />
          <div className="row">
            <DText path={`${path}.unit`} label="Unit (optional)" optional maxLength={12} placeholder="e.g. hours" />
            <DNumber path={`${path}.min`} label="Lowest allowed (optional)" optional />
            <DNumber path={`${path}.max`} label="Highest allowed (optional)" optional />
          </div>
        </>
      );
    case 'rating':
      return (
        <>
          <LabelAndHelp path={path} />
          <ScaleEditor path={`${path}.scale`} />
        </>
      );
    case 'checklist':
    case 'choice':
      return (
        <>
          <LabelAndHelp path={path} />
          <TextList
            path={`${path}.options`}
            legend="Options"
            hint={block.type === 'choice' ? 'The client chooses one.' : 'The client ticks all that apply.'}
            noun="option"
            addLabel="Add an option"
            maxLength={80}
            minCount={block.type === 'choice' ? 2 : 1}
          />
        </>
      );
    case 'table':
      return (
        <>
          <LabelAndHelp path={path} />
          <ColumnsEditor path={`${path}.columns`} columns={block.columns} />
          <DNumber path={`${path}.rows`} label="Empty rows" min={1} max={LIMITS.tableRows} className="narrow" />
        </>
      );
    case 'dailyGrid':
      return (
        <>
          <LabelAndHelp path={path} />
          <DNumber
            path={`${path}.days`}
            label="Days"
            min={1}
            max={LIMITS.gridDays}
            className="narrow"
            hint="Printed as columns “Day 1”, “Day 2” … (or dates, once assigned)."
          />
          <ItemsEditor path={`${path}.items`} items={block.items} />
        </>
      );
    case 'hierarchy':
      return (
        <>
          <LabelAndHelp path={path} />
          <DNumber path={`${path}.steps`} label="Steps on the ladder" min={3} max={LIMITS.hierarchySteps} className="narrow" />
          <ScaleEditor path={`${path}.scale`} legend="Rating of each step" />
        </>
      );
  }
}

/** Table columns: heading, kind, width, and a unit or a scale where the kind needs one. */
function ColumnsEditor({ path, columns }: { path: Path; columns: DraftColumn[] }) {
  const { update, announce } = useDesigner();
  const add = () => {
    update(path, (old) => [...(old as DraftColumn[]), newColumn(columns.length + 1)]);
    announce(`Column ${columns.length + 1} added.`);
    afterUpdate(() => document.getElementById(fieldId(`${path}.${columns.length}.label`))?.focus());
  };
  const remove = (i: number) => {
    update(path, (old) => (old as DraftColumn[]).filter((_, k) => k !== i));
    announce(`Column ${i + 1} removed.`);
    afterUpdate(() => document.getElementById(`${fieldId(path)}-add`)?.focus());
  };
  return (
    <fieldset className="sub-list" id={fieldId(path)} tabIndex={-1}>
      <legend>Columns</legend>
      <p className="field-hint">At most {LIMITS.tableColumns} columns print readably. Wider columns get more room on paper.</p>
      <GroupError path={path} />
      <ol>
        {columns.map((c, i) => (
          <SubItem key={c._key} path={path} index={i} count={columns.length} noun="column" onRemove={() => remove(i)}>
            <div className="row">
              <DText path={`${path}.${i}.label`} label="Heading" maxLength={60} className="grow" />
              <DSelect
                path={`${path}.${i}.kind`}
                label="Kind"
                options={columnKinds.map((k) => ({ value: k, label: COLUMN_KINDS[k] }))}
                onPick={(k) => update(`${path}.${i}`, (old) => withKind(old as DraftColumn, k))}
              />
              <DSelect
                path={`${path}.${i}.width`}
                label="Width"
                options={WIDTHS}
                onPick={(w) => update(`${path}.${i}.width`, () => Number(w))}
              />
              {c.kind === 'number' ? (
                <DText path={`${path}.${i}.unit`} label="Unit" optional maxLength={12} className="narrow" />
              ) : null}
            </div>
            {c.kind === 'rating' ? <ScaleEditor path={`${path}.${i}.scale`} legend={`Scale of column ${i + 1}`} /> : null}
          </SubItem>
        ))}
      </ol>
      <button type="button" className="small" id={`${fieldId(path)}-add`} onClick={add}>
        Add a column
      </button>
    </fieldset>
  );
}

/** Rows of a daily grid: label and kind (tick box, number, rating, text). */
function ItemsEditor({ path, items }: { path: Path; items: DraftItem[] }) {
  const { update, announce } = useDesigner();
  const add = () => {
    update(path, (old) => [...(old as DraftItem[]), newItem(items.length + 1)]);
    announce(`Row ${items.length + 1} added.`);
    afterUpdate(() => document.getElementById(fieldId(`${path}.${items.length}.label`))?.focus());
  };
  const remove = (i: number) => {
    update(path, (old) => (old as DraftItem[]).filter((_, k) => k !== i));
    announce(`Row ${i + 1} removed.`);
    afterUpdate(() => document.getElementById(`${fieldId(path)}-add`)?.focus());
  };
  return (
    <fieldset className="sub-list" id={fieldId(path)} tabIndex={-1}>
      <legend>Rows</legend>
      <p className="field-hint">What the client fills in each day, one row each (at most {LIMITS.gridItems}).</p>
      <GroupError path={path} />
      <ol>
        {items.map((it, i) => (
          <SubItem key={it._key} path={path} index={i} count={items.length} noun="row" onRemove={() => remove(i)}>
            <div className="row">
              <DText path={`${path}.${i}.label`} label="Label" maxLength={60} className="grow" />
              <DSelect
                path={`${path}.${i}.kind`}
                label="Kind"
                options={gridItemKinds.map((k) => ({ value: k, label: ITEM_KINDS[k] }))}
                onPick={(k) => update(`${path}.${i}`, (old) => withKind(old as DraftItem, k))}
              />
              {it.kind === 'number' ? (
                <DText path={`${path}.${i}.unit`} label="Unit" optional maxLength={12} className="narrow" />
              ) : null}
            </div>
            {it.kind === 'rating' ? <ScaleEditor path={`${path}.${i}.scale`} legend={`Scale of row ${i + 1}`} /> : null}
          </SubItem>
        ))}
      </ol>
      <button type="button" className="small" id={`${fieldId(path)}-add`} onClick={add}>
        Add a row
      </button>
    </fieldset>
  );
}

/** A column or a row takes a scale only when it is a rating, and a unit only when it is a number. */
function withKind<T extends DraftColumn | DraftItem>(old: T, kind: string): T {
  const { scale, unit, ...rest } = old;
  return {
    ...rest,
    kind,
    ...(kind === 'rating' ? { scale: scale ?? defaultScale() } : {}),
    ...(kind === 'number' && unit ? { unit } : {}),
  } as T;
}

function SubItem({
  path,
  index,
  count,
  noun,
  onRemove,
  children,
}: {
  path: Path;
  index: number;
  count: number;
  noun: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  const what = `${noun} ${index + 1}`;
  const onKeyDown = useMoveKeys(path, index, count, what);
  return (
    <li className="sub-item" onKeyDown={onKeyDown}>
      <div className="sub-item-head">
        <span className="sub-item-title">{capital(what)}</span>
        <ItemButtons path={path} index={index} count={count} what={what} minCount={1} onRemove={onRemove} />
      </div>
      {children}
    </li>
  );
}
