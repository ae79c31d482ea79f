import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { BLOCK_LABELS, BLOCK_TYPES, type BlockType } from '../../../../../shared/worksheet';
import { BlockCard } from './BlockEditor';
import { afterUpdate, useDesigner } from './context';
import { copyBlock, newBlock, partName, type DraftBlock } from './draft';
import { GroupError } from './fields';
import { fieldId } from './validation';

const BLOCK_HINTS: Record<BlockType, string> = {
  prompt: 'Text to read, no answer',
  shortText: 'A box for a few words',
  longText: 'Ruled lines for writing',
  number: 'A number, with a unit',
  duration: 'How many minutes',
  date: 'A box for a date',
  time: 'A box for a time',
  rating: 'Numbers on a line to circle',
  checklist: 'Tick all that apply',
  choice: 'Choose one of several',
  table: 'Columns with empty rows',
  dailyGrid: 'A column per day, a row per item',
  hierarchy: 'Numbered steps, each rated',
};

interface Removed {
  block: DraftBlock;
  index: number;
}

/** The parts the client fills in: each in its card, added from a list, removed with Undo, duplicated. */
export function PartsSection() {
  const { draft, change, announce } = useDesigner();
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [adding, setAdding] = useState(false);
  const blocks = draft.blocks;

  const addBlock = (type: BlockType) => {
    const index = blocks.length;
    change((d) => ({ ...d, blocks: [...d.blocks, newBlock(type)] }));
    setAdding(false);
    announce(`${BLOCK_LABELS[type]} added as part ${index + 1}.`);
    afterUpdate(() => {
      const el = document.getElementById(fieldId(`blocks.${index}.${type === 'prompt' ? 'text' : 'label'}`));
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
    });
  };

  const removeBlock = (index: number) => {
    const block = blocks[index];
    if (!block) return;
    change((d) => ({ ...d, blocks: d.blocks.filter((_, k) => k !== index) }));
    setRemoved({ block, index });
    announce(`${partName(block, index)} removed. Press Undo to bring it back.`);
    afterUpdate(() => document.getElementById('designer-undo')?.focus());
  };

  const undoRemove = () => {
    if (!removed) return;
    const at = Math.min(removed.index, blocks.length);
    change((d) => ({ ...d, blocks: [...d.blocks.slice(0, at), removed.block, ...d.blocks.slice(at)] }));
    setRemoved(null);
    announce(`${partName(removed.block, at)} is back.`);
    afterUpdate(() => document.getElementById(fieldId(`blocks.${at}`))?.focus());
  };

  const duplicateBlock = (index: number) => {
    const block = blocks[index];
    if (!block) return;
    change((d) => ({ ...d, blocks: [...d.blocks.slice(0, index + 1), copyBlock(block), ...d.blocks.slice(index + 1)] }));
    announce(`${partName(block, index)} duplicated as part ${index + 2}.`);
    afterUpdate(() => document.getElementById(fieldId(`blocks.${index + 1}`))?.focus());
  };

  const undoAt = removed ? Math.min(removed.index, blocks.length) : -1;
  const undoBar = removed ? (
    <div className="undo-bar" role="group" aria-label="Removed part">
      <span>{partName(removed.block, removed.index)} was removed.</span>
      <button type="button" className="small" id="designer-undo" onClick={undoRemove}>
        Undo
      </button>
      <button type="button" className="small link" onClick={() => setRemoved(null)}>
        Dismiss
      </button>
    </div>
  ) : null;

  return (
    <section className="card parts" aria-labelledby="d-parts" id={fieldId('blocks')} tabIndex={-1}>
      <h2 id="d-parts">Parts to fill in</h2>
      <p className="field-hint">
        Each part is printed in this order. Inside a part, <kbd>Alt</kbd>+<kbd>↑</kbd> and <kbd>Alt</kbd>+<kbd>↓</kbd> move it.
      </p>
      <GroupError path="blocks" />
      {blocks.length === 0 && !removed ? (
        <div className="empty">
          <p>No parts yet. Add the first thing the client fills in: lines to write on, a rating scale, a table …</p>
        </div>
      ) : null}
      <div className="block-list">
        {blocks.map((b, i) => (
          <BlockSlot key={b._key} undo={i === undoAt ? undoBar : null}>
            <BlockCard
              block={b}
              index={i}
              count={blocks.length}
              onRemove={() => removeBlock(i)}
              onDuplicate={() => duplicateBlock(i)}
            />
          </BlockSlot>
        ))}
        {undoAt === blocks.length ? undoBar : null}
      </div>
      <AddPart open={adding} onToggle={setAdding} onAdd={addBlock} />
    </section>
  );
}

function BlockSlot({ undo, children }: { undo: ReactNode; children: ReactNode }) {
  return (
    <>
      {undo}
      {children}
    </>
  );
}

/** "Add a part": a button that opens the list of part types (Escape closes it). */
function AddPart({ open, onToggle, onAdd }: { open: boolean; onToggle: (open: boolean) => void; onAdd: (t: BlockType) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onToggle(false);
      document.getElementById('add-part-toggle')?.focus();
    }
  };
  return (
    <div className="add-part" onKeyDown={onKeyDown}>
      <button
        type="button"
        id="add-part-toggle"
        aria-expanded={open}
        aria-controls="add-part-menu"
        onClick={() => {
          onToggle(!open);
          if (!open) afterUpdate(() => document.querySelector<HTMLButtonElement>('#add-part-menu button')?.focus());
        }}
      >
        {open ? 'Close the list' : '+ Add a part'}
      </button>
      {open ? (
        <div id="add-part-menu" role="group" aria-label="Kind of part to add" className="add-part-menu">
          {BLOCK_TYPES.map((t) => (
            <button type="button" key={t} onClick={() => onAdd(t)}>
              <span className="add-part-name">{BLOCK_LABELS[t]}</span>
              <span className="add-part-hint">{BLOCK_HINTS[t]}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
