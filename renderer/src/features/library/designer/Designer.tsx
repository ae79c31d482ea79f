import { memo, useDeferredValue, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { WorksheetDefinition } from '../../../../../shared/worksheet';
import { ApiError, errorMessage } from '../../../api/client';
import { useSaveWorksheet } from '../../../api/library';
import { PageHeading } from '../../../components/PageHeading';
import { useUnsavedChanges } from '../../../components/UnsavedChanges';
import type { DetailLocationState } from '../WorksheetDetailPage';
import { WorksheetPreview } from '../WorksheetPreview';
import { DesignerContext } from './context';
import { ErrorSummary } from './ErrorSummary';
import { useSaveShortcut } from './guards';
import { PartsSection } from './PartsSection';
import { AboutSection, ClientSection, PracticeSection } from './sections';
import { useDesignerForm } from './useDesignerForm';
import { SplitView } from '../../../components/SplitView';
import { useDraft } from '../../../components/useDraft';
import type { Draft } from './draft';
import '../library.css';
import './designer.css';

export const SAVED_VERSION = (n: number) => `Saved as version ${n}. Assignments already given keep the version they were given.`;

/** The preview re-renders only when the worksheet or the part in focus changes (not for each new message). */
const Preview = memo(WorksheetPreview);

export type DesignerMode = { kind: 'create' } | { kind: 'update'; id: string; baseVersion: number; title: string };

/** The worksheet designer: the form on the left, the preview of the paper on the right. */
export function Designer({ mode: initialMode, definition }: { mode: DesignerMode; definition?: WorksheetDefinition }) {
  const navigate = useNavigate();
  const location = useLocation();
  const duplicatedFrom = (location.state as { duplicatedFrom?: string } | null)?.duplicatedFrom;
  // The version the edit started from is fixed at mount: a newer one saved elsewhere is a conflict, not a silent reload.
  const [mode] = useState(initialMode);
  const d = useDesignerForm(definition);
  // Unsaved contents kept in the vault (encrypted, like the client form's) when Stepwise locks.
  const kept = useDraft<Draft>(mode.kind === 'update' ? `worksheet:${mode.id}` : 'worksheet:new', d.draft, d.initial, (v) => {
    d.form.reset(v);
    void d.form.trigger();
  });
  const preview = useDeferredValue(d.definitionNow);
  const save = useSaveWorksheet();
  // Leaving with unsaved changes asks first (the app's shared guard, components/UnsavedChanges).
  const unsaved = useUnsavedChanges(d.dirty, 'this worksheet', () => kept.discard());
  const asideRef = useRef<HTMLElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  /** Where focus goes once the outcome of a save is on screen. */
  const focusNext = useRef<'summary' | 'error' | null>(null);

  const trySave = () => {
    if (save.isPending) return;
    void d.form.handleSubmit(
      async (def) => {
        const input =
          mode.kind === 'create'
            ? { kind: 'create' as const, definition: def }
            : { kind: 'update' as const, id: mode.id, baseVersion: mode.baseVersion, definition: def };
        try {
          const saved = await save.mutateAsync(input);
          kept.discard();
          unsaved.saved();
          const message =
            mode.kind === 'create'
              ? `Saved as version ${saved.version.version}. “${saved.worksheet.title}” is in your library now.`
              : saved.version.version === mode.baseVersion
                ? 'Nothing had changed, so no new version was made.'
                : SAVED_VERSION(saved.version.version);
          navigate(`/library/${saved.worksheet.id}`, { state: { saved: message } satisfies DetailLocationState });
        } catch (e) {
          d.showServerErrors(e);
          focusNext.current = 'error';
        }
      },
      () => {
        save.reset();
        focusNext.current = 'summary';
      },
    )();
  };
  useSaveShortcut(trySave);

  // Once the outcome of a save is on screen: focus on the list of problems, or on the core's
  // message (there is none to focus when its messages are at the fields).
  useEffect(() => {
    if (focusNext.current === 'summary' && d.submitted) {
      focusNext.current = null;
      summaryRef.current?.focus();
    } else if (focusNext.current === 'error' && save.error) {
      focusNext.current = null;
      errorRef.current?.focus();
    }
  });

  // Bring the part in focus into view in the preview (once it is rendered there: the preview lags a little).
  const { activeBlock, setActiveBlock } = d;
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

  const cancelTo = mode.kind === 'update' ? `/library/${mode.id}` : '/library';
  const conflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';
  const showSummary = d.submitted && d.problems.length > 0;

  return (
    <DesignerContext.Provider value={d.api}>
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

        {save.error && !d.serverFieldErrors ? (
          <div className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
            {errorMessage(save.error)}
            {conflict ? ' Your edits are still here; copy what you need before you leave this page.' : ''}
          </div>
        ) : null}

        {kept.banner}
        {showSummary ? <ErrorSummary problems={d.problems} ref={summaryRef} /> : null}

        {/* Side by side on a wide window; at 1024 px a toggle between the form and the preview. */}
        <SplitView
          className="designer-layout"
          mainLabel="Worksheet"
          previewLabel="Preview"
          main={
            <div
              className="designer-form"
              onFocus={(e) => {
                const card = (e.target as HTMLElement).closest('.block-card');
                setActiveBlock(card ? Number(card.getAttribute('data-index')) : null);
              }}
            >
              <AboutSection />
              <ClientSection />
              <PracticeSection />
              <PartsSection />

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
          }
          preview={
            <aside className="designer-preview" aria-labelledby="d-preview" ref={asideRef}>
              <h2 id="d-preview">Preview</h2>
              <div className="preview-frame">
                <Preview definition={preview} headingLevel={3} activeBlock={activeBlock} />
              </div>
            </aside>
          }
        />

        <div className="visually-hidden" aria-live="polite" role="status">
          {d.live}
        </div>
      </section>
    </DesignerContext.Provider>
  );
}
