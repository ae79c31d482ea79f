import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useBlocker, useLocation, useNavigate, useParams, type BlockerFunction } from 'react-router';
import {
  APPROACHES,
  BLOCK_LABELS,
  BLOCK_TYPES,
  CATEGORIES,
  LIMITS,
  PHASES,
  type BlockType,
  type WorksheetDefinition,
} from '../../../../shared/worksheet';
import { ApiError, errorMessage, fieldErrors } from '../../api/client';
import { ConfirmDialog } from '../../components/Dialog';
import { PageHeading } from '../../components/PageHeading';
import { BlockCard } from './designer/BlockEditor';
import { afterUpdate, DesignerContext, type DesignerApi } from './designer/context';
import {
  blankDraft,
  copyBlock,
  fromDefinition,
  getIn,
  moveIn,
  newBlock,
  partName,
  refreshAutoIds,
  setIn,
  toDefinition,
  type Draft,
  type DraftBlock,
  type Path,
} from './designer/draft';
import { capital, DNumber, DSelect, DText, GroupError, TextList } from './designer/fields';
import { describePath, fieldId, validate } from './designer/validation';
import { approachLabel, categoryLabel, phaseLabel } from './format';
import { useDuplicateWorksheet, useSaveWorksheet, useWorksheet } from '../../api/library';
import { BUILT_IN_NOTE, WorksheetNotOpen, type DetailLocationState } from './WorksheetDetailPage';
import { WorksheetPreview } from './WorksheetPreview';

export const SAVED_VERSION = (n: number) => `Saved as version ${n}. Assignments already given keep the version they were given.`;

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

type Mode = { kind: 'create' } | { kind: 'update'; id: string; baseVersion: number; title: string };

export function DesignerNewPage() {
  return <Designer mode={{ kind: 'create' }} />;
}

export function DesignerEditPage() {
  const { id } = useParams();
  const q = useWorksheet(id, null);
  const duplicate = useDuplicateWorksheet();
  const navigate = useNavigate();
  if (q.isPending || q.isError) return <WorksheetNotOpen query={q} />;
  const w = q.data.worksheet;
  if (w.builtIn) {
    return (
      <section className="page narrow" aria-labelledby="ro-title">
        <Link to={`/library/${w.id}`} className="back-link">
          {w.title}
        </Link>
        <PageHeading id="ro-title">{w.title}</PageHeading>
        <div className="notice">{BUILT_IN_NOTE}</div>
        {duplicate.error ? (
          <div className="form-error" role="alert">
            {errorMessage(duplicate.error)}
          </div>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={duplicate.isPending}
            onClick={() =>
              duplicate.mutate(w.id, {
                onSuccess: (copy) =>
                  navigate(`/library/${copy.worksheet.id}/edit`, { replace: true, state: { duplicatedFrom: w.title } }),
              })
            }
          >
            Duplicate to customise
          </button>
          <Link to={`/library/${w.id}`}>Back to the worksheet</Link>
        </div>
      </section>
    );
  }
  return (
    <Designer
      key={w.id}
      mode={{ kind: 'update', id: w.id, baseVersion: q.data.version.version, title: q.data.version.definition.title }}
      definition={q.data.version.definition}
    />
  );
}

interface Removed {
  block: DraftBlock;
  index: number;
}

function Designer({ mode: initialMode, definition }: { mode: Mode; definition?: WorksheetDefinition }) {
  const navigate = useNavigate();
  const location = useLocation();
  const duplicatedFrom = (location.state as { duplicatedFrom?: string } | null)?.duplicatedFrom;
  // The version the edit started from is fixed at mount: a newer one saved elsewhere is a conflict, not a silent reload.
  const [mode] = useState(initialMode);
  const [draft, setDraft] = useState<Draft>(() => (definition ? fromDefinition(definition) : blankDraft()));
  const [initialJson] = useState(() => JSON.stringify(toDefinition(definition ? fromDefinition(definition) : blankDraft())));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [live, setLive] = useState('');
  const [adding, setAdding] = useState(false);
  /** The part in focus: outlined in the preview, which scrolls to it. */
  const [activeBlock, setActiveBlock] = useState<number | null>(null);
  const asideRef = useRef<HTMLElement>(null);
  const save = useSaveWorksheet();
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const leaving = useRef(false);

  const definitionNow = useMemo(() => toDefinition(draft), [draft]);
  const validation = useMemo(() => validate(draft), [draft]);
  const preview = useDeferredValue(definitionNow);
  const dirty = JSON.stringify(definitionNow) !== initialJson;

  // ------------------------------------------------------------------ editing

  const scopeOf = useCallback((path: Path, d: Draft) => {
    const m = /^blocks\.(\d+)/.exec(path);
    return m ? (d.blocks[Number(m[1])]?._key ?? 'blocks') : (path.split('.')[0] ?? path);
  }, []);

  const announce = useCallback((message: string) => {
    // A new string each time, so that the same words are announced again.
    setLive((old) => (old === message ? `${message}\u00a0` : message));
  }, []);

  const markEdited = useCallback(
    (path: Path) => {
      const scope = scopeOf(path, draft);
      setTouched((t) => (t.has(scope) ? t : new Set(t).add(scope)));
      setServerFields((f) => (Object.keys(f).length ? {} : f));
    },
    [draft, scopeOf],
  );

  const set = useCallback(
    (path: Path, value: unknown) => {
      markEdited(path);
      setDraft((d) => refreshAutoIds(setIn(d, path, value)));
    },
    [markEdited],
  );

  const update = useCallback(
    (path: Path, fn: (old: unknown) => unknown) => {
      markEdited(path);
      setDraft((d) => refreshAutoIds(setIn(d, path, fn(getIn(d, path)))));
    },
    [markEdited],
  );

  const move = useCallback(
    (path: Path, from: number, to: number, what: string) => {
      const count = ((getIn(draft, path) as unknown[]) ?? []).length;
      if (to < 0 || to >= count) return;
      // Keep focus on the same control of the moved item (its id follows its position).
      const oldPrefix = fieldId(`${path}.${from}`);
      const newPrefix = fieldId(`${path}.${to}`);
      const active = document.activeElement as HTMLElement | null;
      const activeId = active?.id ?? '';
      const target =
        activeId === oldPrefix || activeId.startsWith(`${oldPrefix}-`) ? newPrefix + activeId.slice(oldPrefix.length) : null;
      setDraft((d) => refreshAutoIds(moveIn(d, path, from, to)));
      if (path === 'blocks' && target) setActiveBlock(to);
      if (path !== 'blocks') markEdited(path);
      announce(`${capital(what)} moved ${to < from ? 'up' : 'down'}: now ${to + 1} of ${count}.`);
      afterUpdate(() => {
        const candidates = target ? [target, `${newPrefix}-${to < from ? 'down' : 'up'}`, newPrefix] : [];
        for (const id of candidates) {
          const el = document.getElementById(id) as HTMLElement | null;
          if (el && !(el as HTMLButtonElement).disabled) {
            el.focus();
            el.scrollIntoView({ block: 'nearest' });
            return;
          }
        }
        if (active?.isConnected && document.activeElement !== active) active.focus();
      });
    },
    [draft, announce, markEdited],
  );

  const errorFor = useCallback(
    (path: Path) => {
      if (serverFields[path]) return serverFields[path];
      const msg = validation.byField.get(path);
      if (!msg) return undefined;
      return submitted || touched.has(scopeOf(path, draft)) ? msg : undefined;
    },
    [serverFields, validation, submitted, touched, scopeOf, draft],
  );

  const api: DesignerApi = useMemo(
    () => ({ draft, set, update, move, errorFor, announce }),
    [draft, set, update, move, errorFor, announce],
  );

  // ------------------------------------------------------------------ parts

  const addBlock = (type: BlockType) => {
    const index = draft.blocks.length;
    setDraft((d) => refreshAutoIds({ ...d, blocks: [...d.blocks, newBlock(type)] }));
    setAdding(false);
    announce(`${BLOCK_LABELS[type]} added as part ${index + 1}.`);
    afterUpdate(() => {
      const el = document.getElementById(fieldId(`blocks.${index}.${type === 'prompt' ? 'text' : 'label'}`));
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
    });
  };

  const removeBlock = (index: number) => {
    const block = draft.blocks[index];
    if (!block) return;
    setDraft((d) => refreshAutoIds({ ...d, blocks: d.blocks.filter((_, k) => k !== index) }));
    setRemoved({ block, index });
    announce(`${partName(block, index)} removed. Press Undo to bring it back.`);
    afterUpdate(() => document.getElementById('designer-undo')?.focus());
  };

  const undoRemove = () => {
    if (!removed) return;
    const at = Math.min(removed.index, draft.blocks.length);
    setDraft((d) => refreshAutoIds({ ...d, blocks: [...d.blocks.slice(0, at), removed.block, ...d.blocks.slice(at)] }));
    setRemoved(null);
    announce(`${partName(removed.block, at)} is back.`);
    afterUpdate(() => document.getElementById(fieldId(`blocks.${at}`))?.focus());
  };

  const duplicateBlock = (index: number) => {
    const block = draft.blocks[index];
    if (!block) return;
    setDraft((d) =>
      refreshAutoIds({ ...d, blocks: [...d.blocks.slice(0, index + 1), copyBlock(block), ...d.blocks.slice(index + 1)] }),
    );
    announce(`${partName(block, index)} duplicated as part ${index + 2}.`);
    afterUpdate(() => document.getElementById(fieldId(`blocks.${index + 1}`))?.focus());
  };

  // ------------------------------------------------------------------ saving

  const problems = useMemo(() => {
    const list = validation.problems.map((p) => ({ at: p.at, where: describePath(p.path, draft), message: p.message }));
    for (const [path, message] of Object.entries(serverFields)) {
      if (!list.some((p) => p.at === path)) list.push({ at: path, where: describePath(path, draft), message });
    }
    return list;
  }, [validation, serverFields, draft]);

  const trySave = () => {
    if (save.isPending) return;
    if (!validation.data) {
      setSubmitted(true);
      afterUpdate(() => summaryRef.current?.focus());
      return;
    }
    const input =
      mode.kind === 'create'
        ? { kind: 'create' as const, definition: validation.data }
        : { kind: 'update' as const, id: mode.id, baseVersion: mode.baseVersion, definition: validation.data };
    save.mutate(input, {
      onSuccess: (d) => {
        leaving.current = true;
        const saved =
          mode.kind === 'create'
            ? `Saved as version ${d.version.version}. “${d.worksheet.title}” is in your library now.`
            : d.version.version === mode.baseVersion
              ? 'Nothing had changed, so no new version was made.'
              : SAVED_VERSION(d.version.version);
        navigate(`/library/${d.worksheet.id}`, { state: { saved } satisfies DetailLocationState });
      },
      onError: (e) => {
        const fields: Record<string, string> = {};
        for (const [k, v] of Object.entries(fieldErrors(e))) fields[k.replace(/^definition\./, '')] = v;
        setServerFields(fields);
        setSubmitted(true);
        afterUpdate(() => errorRef.current?.focus());
      },
    });
  };

  const saveRef = useRef(trySave);
  useEffect(() => {
    saveRef.current = trySave;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        if (document.querySelector('dialog[open]')) return;
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Ask before leaving with unsaved changes (not when the vault locks: that always goes through).
  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation, historyAction }) =>
        dirty &&
        !leaving.current &&
        currentLocation.pathname !== nextLocation.pathname &&
        !(historyAction === 'POP' && nextLocation.pathname === '/'),
      [dirty],
    ),
  );

  // Bring the part in focus into view in the preview (once it is rendered there: the preview lags a little).
  const scrolledTo = useRef<number | null>(null);
  useEffect(() => {
    const aside = asideRef.current;
    if (activeBlock === null) scrolledTo.current = null;
    if (activeBlock === null || scrolledTo.current === activeBlock || !aside) return;
    const el = aside.querySelector(`[data-block="${activeBlock}"]`);
    if (!el) return;
    scrolledTo.current = activeBlock;
    if (aside.scrollHeight <= aside.clientHeight) return;
    const top = el.getBoundingClientRect().top - aside.getBoundingClientRect().top + aside.scrollTop;
    aside.scrollTo({ top: Math.max(0, top - 80) });
  }, [activeBlock, preview]);

  // ------------------------------------------------------------------ view

  const cancelTo = mode.kind === 'update' ? `/library/${mode.id}` : '/library';
  const conflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';
  const showSummary = submitted && problems.length > 0;
  const blocks = draft.blocks;
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
    <DesignerContext.Provider value={api}>
      <section className="page designer" aria-labelledby="designer-title">
        <Link to={cancelTo} className="back-link">
          {mode.kind === 'update' ? mode.title : 'Library'}
        </Link>
        <div className="page-header">
          <div>
            <PageHeading id="designer-title">{mode.kind === 'create' ? 'New worksheet' : `Edit “${mode.title}”`}</PageHeading>
            <p className="muted">
              {mode.kind === 'create'
                ? 'Build the worksheet on the left; the preview on the right shows how it prints.'
                : `You are editing version ${mode.baseVersion}. Saving makes version ${mode.baseVersion + 1}; assignments already given keep the version they were given.`}
            </p>
          </div>
          <div className="actions">
            <Link to={cancelTo} className="button">
              Cancel
            </Link>
            <button type="button" className="primary" onClick={trySave} disabled={save.isPending} aria-keyshortcuts="Control+S">
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          </div>
        </div>

        {duplicatedFrom ? (
          <div className="notice">
            This is your own copy of “{duplicatedFrom}”, already in your library as version 1. Change what you need, then save.
          </div>
        ) : null}

        {save.error && !Object.keys(serverFields).length ? (
          <div className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
            {errorMessage(save.error)}
            {conflict ? ' Your edits are still here; copy what you need before you leave this page.' : ''}
          </div>
        ) : null}

        {showSummary ? (
          <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="designer-problems">
            <h2 id="designer-problems">
              {problems.length === 1 ? 'One thing to fix before saving' : `${problems.length} things to fix before saving`}
            </h2>
            <ul>
              {problems.map((p, i) => (
                <li key={`${p.at}-${i}`}>
                  <a
                    href={`#${fieldId(p.at)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusPath(p.at);
                    }}
                  >
                    {p.where}: {p.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="designer-layout">
          <div
            className="designer-form"
            onFocus={(e) => {
              const card = (e.target as HTMLElement).closest('.block-card');
              setActiveBlock(card ? Number(card.getAttribute('data-index')) : null);
            }}
          >
            <section className="card" aria-labelledby="d-about">
              <h2 id="d-about">About the worksheet</h2>
              <DText path="title" label="Title" maxLength={LIMITS.titleLength} />
              <DText
                path="summary"
                label="One-line summary"
                maxLength={200}
                hint="Shown in the library: what the worksheet is for."
              />
              <div className="row">
                <DSelect
                  path="category"
                  label="Category"
                  placeholder="Choose a category"
                  options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
                  className="grow"
                />
                <DSelect
                  path="approach"
                  label="Approach"
                  placeholder="Choose an approach"
                  options={APPROACHES.map((a) => ({ value: a, label: approachLabel(a) }))}
                  className="grow"
                />
              </div>
              <fieldset className="checks" id={fieldId('phases')} tabIndex={-1}>
                <legend>Phases of therapy it suits</legend>
                <GroupError path="phases" />
                {PHASES.map((p) => (
                  <div className="check" key={p}>
                    <input
                      type="checkbox"
                      id={fieldId(`phases-${p}`)}
                      checked={draft.phases.includes(p)}
                      onChange={(e) =>
                        set(
                          'phases',
                          PHASES.filter((x) => (x === p ? e.target.checked : draft.phases.includes(x))),
                        )
                      }
                    />
                    <label htmlFor={fieldId(`phases-${p}`)}>{phaseLabel(p)}</label>
                  </div>
                ))}
              </fieldset>
            </section>

            <section className="card" aria-labelledby="d-client">
              <h2 id="d-client">For the client</h2>
              <DText
                path="rationale"
                label="Why this helps"
                multiline
                rows={4}
                maxLength={LIMITS.textLength}
                hint="Written to the client, in plain words."
              />
              <TextList
                path="instructions"
                legend="What to do"
                hint={`Steps, in order (at most ${LIMITS.instructions}). Alt+↑ and Alt+↓ move the step you are in.`}
                noun="step"
                addLabel="Add a step"
                multiline
                maxLength={400}
                minCount={1}
              />
            </section>

            <section className="card" aria-labelledby="d-practice">
              <h2 id="d-practice">Suggested practice</h2>
              <fieldset className="radios" id={fieldId('suggestedFrequency')} tabIndex={-1}>
                <legend>How often</legend>
                <GroupError path="suggestedFrequency" />
                {(
                  [
                    ['once', 'Once'],
                    ['daily', 'Every day'],
                    ['weekly', 'A number of times a week'],
                  ] as const
                ).map(([kind, label]) => (
                  <div className="check" key={kind}>
                    <input
                      type="radio"
                      name="suggested-frequency"
                      id={fieldId(`suggestedFrequency-${kind}`)}
                      checked={draft.suggestedFrequency.kind === kind}
                      onChange={() => set('suggestedFrequency.kind', kind)}
                    />
                    <label htmlFor={fieldId(`suggestedFrequency-${kind}`)}>{label}</label>
                  </div>
                ))}
                {draft.suggestedFrequency.kind === 'weekly' ? (
                  <DNumber path="suggestedFrequency.times" label="Times a week" min={1} max={14} className="narrow indent" />
                ) : null}
              </fieldset>
              <DNumber
                path="suggestedMinutes"
                label="Minutes per practice (optional)"
                optional
                min={1}
                max={240}
                className="narrow"
                unit="minutes"
              />
            </section>

            <section className="card parts" aria-labelledby="d-parts" id={fieldId('blocks')} tabIndex={-1}>
              <h2 id="d-parts">Parts to fill in</h2>
              <p className="field-hint">
                Each part is printed in this order. Inside a part, <kbd>Alt</kbd>+<kbd>↑</kbd> and <kbd>Alt</kbd>+<kbd>↓</kbd>{' '}
                move it.
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

            <div className="actions designer-bottom">
              <button type="button" className="primary" onClick={trySave} disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save'}
              </button>
              <Link to={cancelTo} className="button">
                Cancel
              </Link>
              <span className="muted">
                <kbd>Ctrl</kbd>+<kbd>S</kbd> saves.
              </span>
            </div>
          </div>

          <aside className="designer-preview" aria-labelledby="d-preview" ref={asideRef}>
            <h2 id="d-preview">Preview</h2>
            <div className="preview-frame">
              <WorksheetPreview definition={preview} headingLevel={3} activeBlock={activeBlock} />
            </div>
          </aside>
        </div>

        <div className="visually-hidden" aria-live="polite" role="status">
          {live}
        </div>

        <ConfirmDialog
          open={blocker.state === 'blocked'}
          title="Leave without saving?"
          confirmLabel="Leave without saving"
          cancelLabel="Keep editing"
          danger
          onConfirm={() => blocker.proceed?.()}
          onCancel={() => blocker.reset?.()}
        >
          <p>Your changes to this worksheet have not been saved. If you leave now, they are lost.</p>
        </ConfirmDialog>
      </section>
    </DesignerContext.Provider>
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

/** Focuses the control of a path, or the nearest group that holds it. */
function focusPath(path: string) {
  const segs = path.split('.');
  while (segs.length) {
    const el = document.getElementById(fieldId(segs.join('.')));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
    segs.pop();
  }
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
