import { memo, useDeferredValue, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { WorksheetDefinition } from '../../../../../shared/worksheet';
import { ApiError, errorMessage } from '../../../api/client';
import {
  useDiscardWorksheetDraft,
  usePublishWorksheetDraft,
  useSaveWorksheet,
  useSaveWorksheetDraft,
} from '../../../api/library';
import type { WorksheetDraft } from '../../../../../shared/contract';
import { ConfirmDialog } from '../../../components/Dialog';
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
import { toDraftDefinition, type Draft } from './draft';
import '../library.css';
import './designer.css';

export const SAVED_VERSION = (n: number) => `Saved as version ${n}. Assignments already given keep the version they were given.`;

/** The preview re-renders only when the worksheet or the part in focus changes (not for each new message). */
const Preview = memo(WorksheetPreview);

export type DesignerMode =
  | { kind: 'create' }
  | { kind: 'update'; id: string; baseVersion: number; title: string }
  /** A worksheet saved as a draft: a new one (worksheetId null) or changes to one in the library. */
  | { kind: 'draft'; draftId: string; worksheetId: string | null; baseVersion: number | null; title: string };

/** What the designer says once a draft is saved. */
export function draftSavedMessage(d: WorksheetDraft): string {
  const where = d.worksheetId
    ? `Your changes are kept as a draft; version ${d.baseVersion} stays as it is and can still be assigned.`
    : 'Saved as a draft in your library.';
  return d.ready
    ? `${where} Nothing is missing now: choose Save to make it ready to assign.`
    : `${where} It cannot be assigned until it is complete: the list below says what is still to do.`;
}

/** Where the designer goes back to (Cancel, the back link). */
const backTo = (mode: DesignerMode) =>
  mode.kind === 'update'
    ? `/library/${mode.id}`
    : mode.kind === 'draft' && mode.worksheetId
      ? `/library/${mode.worksheetId}`
      : '/library';

/** The worksheet designer: the form on the left, the preview of the paper on the right. */
export function Designer({
  mode: initialMode,
  definition,
  start,
}: {
  mode: DesignerMode;
  definition?: WorksheetDefinition;
  /** A draft to continue (mode 'draft'). */
  start?: Draft;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const locationState = location.state as { duplicatedFrom?: string; draftSaved?: string } | null;
  const duplicatedFrom = locationState?.duplicatedFrom;
  // The version the edit started from is fixed at mount: a newer one saved elsewhere is a conflict, not a silent reload.
  const [mode] = useState(initialMode);
  const isDraft = mode.kind === 'draft';
  // A draft shows at once every message of what is still to do.
  const d = useDesignerForm(definition, { start, showAll: isDraft });
  // Unsaved contents kept in the vault (encrypted, like the client form's) when Stepwise locks.
  const formKey =
    mode.kind === 'update' ? `worksheet:${mode.id}` : mode.kind === 'draft' ? `worksheet-draft:${mode.draftId}` : 'worksheet:new';
  const kept = useDraft<Draft>(formKey, d.draft, d.initial, (v) => {
    d.form.reset(v);
    void d.form.trigger();
  });
  const preview = useDeferredValue(d.definitionNow);
  const saveWorksheet = useSaveWorksheet();
  const publish = usePublishWorksheetDraft();
  const saveDraft = useSaveWorksheetDraft();
  const discard = useDiscardWorksheetDraft();
  const [discarding, setDiscarding] = useState(false);
  /** What the last "Save as draft" said (in place; a first one comes through the location). */
  const [draftStatus, setDraftStatus] = useState<string | null>(locationState?.draftSaved ?? null);
  const statusRef = useRef<HTMLDivElement>(null);
  const busy = saveWorksheet.isPending || publish.isPending || saveDraft.isPending;
  const lastError = saveDraft.error ?? publish.error ?? saveWorksheet.error;
  const save = { isPending: busy, error: lastError };
  const resetErrors = () => {
    saveWorksheet.reset();
    publish.reset();
    saveDraft.reset();
  };
  // Leaving with unsaved changes asks first (the app's shared guard, components/UnsavedChanges).
  const unsaved = useUnsavedChanges(d.dirty, 'this worksheet', () => kept.discard());
  const asideRef = useRef<HTMLElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  /** Where focus goes once the outcome of a save is on screen. */
  const focusNext = useRef<'summary' | 'error' | 'status' | null>(null);
  // A draft's list of what is still to do is there from the start.
  const { trigger } = d.form;
  useEffect(() => {
    if (isDraft) void trigger();
  }, [isDraft, trigger]);
  useEffect(() => {
    if (locationState?.draftSaved) statusRef.current?.focus();
  }, [locationState?.draftSaved]);

  const trySave = () => {
    if (busy) return;
    void d.form.handleSubmit(
      async (def) => {
        try {
          resetErrors();
          const saved =
            mode.kind === 'draft'
              ? await publish.mutateAsync({ id: mode.draftId, definition: def })
              : await saveWorksheet.mutateAsync(
                  mode.kind === 'create'
                    ? { kind: 'create' as const, definition: def }
                    : { kind: 'update' as const, id: mode.id, baseVersion: mode.baseVersion, definition: def },
                );
          kept.discard();
          unsaved.saved();
          const message =
            mode.kind === 'create'
              ? `Saved as version ${saved.version.version}. “${saved.worksheet.title}” is in your library now.`
              : mode.kind === 'draft' && !mode.worksheetId
                ? `Saved as version ${saved.version.version}. “${saved.worksheet.title}” is in your library now and can be assigned.`
                : saved.version.version === (mode.kind === 'update' ? mode.baseVersion : mode.baseVersion)
                  ? 'Nothing had changed, so no new version was made.'
                  : SAVED_VERSION(saved.version.version);
          navigate(`/library/${saved.worksheet.id}`, { state: { saved: message } satisfies DetailLocationState });
        } catch (e) {
          d.showServerErrors(e);
          focusNext.current = 'error';
        }
      },
      () => {
        resetErrors();
        focusNext.current = 'summary';
      },
    )();
  };

  /** Keeps the worksheet as it is, complete or not: nothing typed is lost. */
  const trySaveDraft = async () => {
    if (busy) return;
    resetErrors();
    const definition = toDraftDefinition(d.form.getValues());
    try {
      const saved = await saveDraft.mutateAsync(
        mode.kind === 'draft'
          ? { id: mode.draftId, definition }
          : mode.kind === 'update'
            ? { worksheetId: mode.id, baseVersion: mode.baseVersion, definition }
            : { definition },
      );
      kept.discard();
      const message = draftSavedMessage(saved);
      if (mode.kind === 'draft') {
        d.markSaved();
        // A new string each time, so that the same words are announced again.
        setDraftStatus((old) => (old === message ? `${message}\u00a0` : message));
        focusNext.current = 'status';
      } else {
        unsaved.saved();
        navigate(`/library/drafts/${saved.id}`, { replace: true, state: { draftSaved: message } });
      }
    } catch (e) {
      d.showServerErrors(e);
      focusNext.current = 'error';
    }
  };
  useSaveShortcut(trySave, () => void trySaveDraft());

  // Once the outcome of a save is on screen: focus on the list of problems, or on the core's
  // message (there is none to focus when its messages are at the fields).
  useEffect(() => {
    if (focusNext.current === 'summary' && d.submitted) {
      focusNext.current = null;
      summaryRef.current?.focus();
    } else if (focusNext.current === 'error' && save.error) {
      focusNext.current = null;
      (d.serverFieldErrors ? summaryRef.current : errorRef.current)?.focus();
    } else if (focusNext.current === 'status' && draftStatus) {
      focusNext.current = null;
      statusRef.current?.focus();
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

  const cancelTo = backTo(mode);
  const conflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';
  const showSummary = (isDraft || d.submitted || d.serverFieldErrors) && d.problems.length > 0;
  const draftButton = (
    <button type="button" onClick={() => void trySaveDraft()} disabled={busy} aria-keyshortcuts="Control+Shift+S">
      {saveDraft.isPending ? 'Saving the draft…' : 'Save as draft'}
    </button>
  );

  return (
    <DesignerContext.Provider value={d.api}>
      <section className="page designer" aria-labelledby="designer-title">
        <Link to={cancelTo} className="back-link">
          {mode.kind === 'update' || (mode.kind === 'draft' && mode.worksheetId) ? mode.title : 'Library'}
        </Link>
        <div className="page-header">
          <div>
            <PageHeading id="designer-title">
              {mode.kind === 'create'
                ? 'New worksheet'
                : mode.kind === 'draft' && !mode.worksheetId
                  ? `Draft: ${mode.title || 'untitled worksheet'}`
                  : `Edit “${mode.title}”`}
            </PageHeading>
            <p className="muted">
              {mode.kind === 'create'
                ? 'Build the worksheet on the left; the preview on the right shows how it prints. Not finished? Save as draft keeps it as it is.'
                : mode.kind === 'draft' && !mode.worksheetId
                  ? 'A draft cannot be assigned yet. Save checks that nothing is missing and puts it in your library, ready to assign.'
                  : mode.kind === 'draft'
                    ? `Changes to version ${mode.baseVersion}, kept as a draft: version ${mode.baseVersion} stays as it is and can still be assigned. Save makes version ${(mode.baseVersion ?? 0) + 1}.`
                    : `You are editing version ${mode.baseVersion}. Saving makes version ${mode.baseVersion + 1}; assignments already given keep the version they were given.`}
            </p>
          </div>
          <div className="actions">
            <Link to={cancelTo} className="button">
              Cancel
            </Link>
            {isDraft ? (
              <button type="button" className="danger" onClick={() => setDiscarding(true)} disabled={busy}>
                Discard draft
              </button>
            ) : null}
            {draftButton}
            <button type="button" className="primary" onClick={trySave} disabled={busy} aria-keyshortcuts="Control+S">
              {publish.isPending || saveWorksheet.isPending ? 'Saving…' : 'Save'}
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

        {draftStatus ? (
          <div className="notice" role="status" tabIndex={-1} ref={statusRef}>
            {draftStatus}
          </div>
        ) : null}

        {kept.banner}
        {showSummary ? (
          <ErrorSummary problems={d.problems} ref={summaryRef} draft={isDraft && !d.submitted} />
        ) : isDraft && d.problems.length === 0 ? (
          <div className="notice">Nothing is missing: choose Save to make it ready to assign.</div>
        ) : null}

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
                <button type="button" className="primary" onClick={trySave} disabled={busy}>
                  {publish.isPending || saveWorksheet.isPending ? 'Saving…' : 'Save'}
                </button>
                {draftButton}
                <Link to={cancelTo} className="button">
                  Cancel
                </Link>
                <span className="muted">
                  <kbd>Ctrl</kbd>+<kbd>S</kbd> saves; <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> saves as a draft.
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

        {mode.kind === 'draft' ? (
          <ConfirmDialog
            open={discarding}
            title="Discard this draft?"
            confirmLabel="Discard draft"
            danger
            busy={discard.isPending}
            error={discard.error ? errorMessage(discard.error) : null}
            onCancel={() => {
              discard.reset();
              setDiscarding(false);
            }}
            onConfirm={() =>
              discard.mutate(mode.draftId, {
                onSuccess: () => {
                  kept.discard();
                  unsaved.saved();
                  setDiscarding(false);
                  navigate(cancelTo, { replace: true });
                },
              })
            }
          >
            <p>
              {mode.worksheetId
                ? `The changes kept in this draft go for good. Version ${mode.baseVersion} of the worksheet stays as it is.`
                : 'This draft goes for good: it was never assigned, so no client’s homework changes.'}
            </p>
          </ConfirmDialog>
        ) : null}
      </section>
    </DesignerContext.Provider>
  );
}
