import { useRef, useState, type DragEvent } from 'react';
import { useParams } from 'react-router';
import type { PdfPreview } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/dates';
import { PRACTICE_SOURCE_LABELS, type Assignment, type PracticeRecord } from '../../../../shared/domain';
import { answerFields, keyFields, minutesText } from '../../../../shared/worksheet';
import { errorMessage } from '../../api/client';
import { useAssignment, useAssignments } from '../../api/assignments';
import { useClient } from '../../api/clients';
import {
  useDeletePractice,
  useOpenPdf,
  usePracticePages,
  usePreviewPdf,
  useSavePdf,
  useUndoDeletePractice,
} from '../../api/practice';
import { ConfirmDialog } from '../../components/Dialog';
import { FormError } from '../../components/Field';
import { UndoNotice, type UndoMessage } from '../../components/UndoNotice';
import { useKeptDrafts } from '../../components/useDraft';
import { PracticeForm, WeekGrid } from './PracticeForm';
import './practice.css';

type Mode =
  | { kind: 'list' }
  | { kind: 'add'; assignmentId: string }
  | { kind: 'week'; assignmentId: string }
  | { kind: 'edit'; record: PracticeRecord }
  | { kind: 'import'; preview: PdfPreview; bytes: Uint8Array<ArrayBuffer> };

/**
 * Records read at first and added by each "Show older records": a page a clinician reads at a
 * glance (each record is a few dozen elements on screen; years of daily records stay in the vault
 * until asked for).
 */
const PRACTICE_PAGE = 50;

/** The Practice tab: the client's practice records by assignment, entry from paper, and filled PDFs back in. */
export function ClientPractice() {
  const { id = '' } = useParams();
  const client = useClient(id);
  const assignments = useAssignments(id);
  // Years of daily records: the newest page first, older ones on request.
  const pages = usePracticePages(id, PRACTICE_PAGE);
  const status = useRef<HTMLParagraphElement>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<UndoMessage | null>(null);
  const [deleting, setDeleting] = useState<PracticeRecord | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const del = useDeletePractice();
  const undo = useUndoDeletePractice();
  const open = useOpenPdf();
  const preview = usePreviewPdf();
  const importButton = useRef<HTMLButtonElement>(null);
  // A practice form left open when Stepwise locked opens again, to offer what was typed back.
  const kept = useKeptDrafts(`practice:${id}:`);
  // (State adjusted while rendering, as React advises.)
  const [reopened, setReopened] = useState(false);
  const loaded = pages.data?.pages.flat();
  if (kept && loaded && !reopened) {
    setReopened(true);
    const [, kind, target = ''] = kept.map((k) => /^practice:[^:]+:(add|week|edit)_(.+)$/.exec(k)).find((x) => x) ?? [];
    const record = kind === 'edit' ? loaded.find((r) => r.id === target) : undefined;
    if (kind === 'add' || kind === 'week') setMode({ kind, assignmentId: target });
    else if (record) setMode({ kind: 'edit', record });
  }

  const back = (message?: string) => {
    setMode({ kind: 'list' });
    if (message) setNotice({ text: message });
  };

  const readPdf = async (bytes: Uint8Array<ArrayBuffer>) => {
    setImportError(null);
    try {
      const p = await preview.mutateAsync({ bytes, clientId: id });
      setMode({ kind: 'import', preview: p, bytes });
    } catch (e) {
      setImportError(errorMessage(e));
    }
  };

  const chooseFile = async () => {
    setImportError(null);
    try {
      const file = await open.mutateAsync();
      if (file.bytes) await readPdf(file.bytes);
    } catch (e) {
      setImportError(errorMessage(e));
    }
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') {
      setImportError('Only a filled PDF worksheet can be dropped here.');
      return;
    }
    await readPdf(new Uint8Array(await file.arrayBuffer()));
  };

  const remove = async (r: PracticeRecord) => {
    setDeleting(null);
    try {
      await del.mutateAsync(r.id);
      setNotice({
        text: `Practice on ${formatDate(r.practicedOn, undefined, 'medium')} deleted.`,
        undo: () => {
          undo.mutate(r.id, {
            onSuccess: () => setNotice({ text: 'Undone: the practice record is back.' }),
            onError: (e) => setNotice({ text: errorMessage(e) }),
          });
        },
      });
    } catch (e) {
      setNotice({ text: errorMessage(e) });
    }
  };

  const showOlder = async () => {
    if (pages.isFetchingNextPage) return;
    const r = await pages.fetchNextPage();
    // The button stays where it is while there is more; when the oldest record is in, it goes,
    // and focus moves to the line that says how many records are shown.
    if (!r.hasNextPage) status.current?.focus();
  };

  if (assignments.isPending || pages.isPending) return <p className="muted">Loading practice…</p>;
  if (assignments.isError) return <FormError message={errorMessage(assignments.error)} />;
  if (pages.isError) return <FormError message={errorMessage(pages.error)} />;
  const records = pages.data.pages.flat();

  if (mode.kind === 'add' || mode.kind === 'week') {
    return <EntryFor assignmentId={mode.assignmentId} week={mode.kind === 'week'} onDone={back} onCancel={() => back()} />;
  }
  if (mode.kind === 'edit') {
    return <EntryFor assignmentId={mode.record.assignmentId} record={mode.record} onDone={back} onCancel={() => back()} />;
  }
  if (mode.kind === 'import') {
    return (
      <ImportConfirm
        preview={mode.preview}
        bytes={mode.bytes}
        clientId={id}
        onDone={back}
        onCancel={() => {
          back();
          importButton.current?.focus();
        }}
      />
    );
  }

  const archived = client.data?.status === 'archived';
  const withRecords = new Set(records.map((r) => r.assignmentId));
  const shown = assignments.data.filter((a) => a.status === 'active' || withRecords.has(a.id));

  return (
    <div
      className={`practice-tab${dragging ? ' drop-active' : ''}`}
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <UndoNotice message={notice} onDismiss={() => setNotice(null)} />
      <div className="tab-toolbar">
        <p className="muted practice-count" ref={status} tabIndex={-1} aria-live="polite">
          {records.length === 0
            ? 'No practice recorded yet.'
            : pages.hasNextPage
              ? `The newest ${records.length} practice records.`
              : `${records.length} practice record${records.length === 1 ? '' : 's'}, newest first.`}{' '}
          Drop a filled PDF here to import it.
        </p>
        {pages.hasNextPage ? (
          <button type="button" onClick={() => void showOlder()} aria-disabled={pages.isFetchingNextPage || undefined}>
            {pages.isFetchingNextPage ? 'Reading older records…' : 'Show older records'}
          </button>
        ) : null}
        <button type="button" ref={importButton} onClick={() => void chooseFile()} disabled={open.isPending || preview.isPending}>
          {preview.isPending ? 'Reading the PDF…' : 'Import a filled PDF…'}
        </button>
      </div>
      <FormError message={importError} />
      {shown.length === 0 ? (
        <div className="empty">
          <h2>No homework to record practice for</h2>
          <p>
            Assign a worksheet first. Then enter the client’s practice from their paper here, or import the PDF they filled in.
          </p>
        </div>
      ) : (
        shown.map((a) => (
          <AssignmentPractice
            key={a.id}
            assignment={a}
            records={records.filter((r) => r.assignmentId === a.id)}
            canAdd={!archived}
            onAdd={(week) => setMode({ kind: week ? 'week' : 'add', assignmentId: a.id })}
            onEdit={(record) => setMode({ kind: 'edit', record })}
            onDelete={setDeleting}
          />
        ))
      )}
      <ConfirmDialog
        open={!!deleting}
        title="Delete this practice record?"
        confirmLabel="Delete"
        cancelLabel="Keep it"
        danger
        busy={del.isPending}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>
          The practice on {deleting ? formatDate(deleting.practicedOn, undefined, 'long') : ''} is removed. You can undo this
          until you delete another record or lock Stepwise.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function EntryFor({
  assignmentId,
  record,
  week,
  onDone,
  onCancel,
}: {
  assignmentId: string;
  record?: PracticeRecord;
  week?: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const a = useAssignment(assignmentId);
  if (a.isPending) return <p className="muted">Loading the worksheet…</p>;
  if (a.isError) return <FormError message={errorMessage(a.error)} />;
  if (week) return <WeekGrid assignment={a.data} onDone={onDone} onCancel={onCancel} />;
  return <PracticeForm assignment={a.data} {...(record ? { record } : {})} onDone={onDone} onCancel={onCancel} />;
}

function AssignmentPractice({
  assignment: a,
  records,
  canAdd,
  onAdd,
  onEdit,
  onDelete,
}: {
  assignment: Assignment;
  records: PracticeRecord[];
  canAdd: boolean;
  onAdd: (week: boolean) => void;
  onEdit: (r: PracticeRecord) => void;
  onDelete: (r: PracticeRecord) => void;
}) {
  const detail = useAssignment(a.id);
  const def = detail.data?.definition;
  const daily = def?.blocks.some((b) => b.type === 'dailyGrid') ?? false;
  const headingId = `practice-${a.id}`;
  return (
    <section className="practice-group" aria-labelledby={headingId}>
      <div className="practice-group-head">
        <h2 id={headingId}>
          {a.title}
          {a.step ? (
            <span className="muted">
              {' '}
              — step {a.step.current} of {a.step.total}
            </span>
          ) : null}
        </h2>
        {canAdd && a.status === 'active' ? (
          <div className="actions">
            {daily ? (
              <button type="button" className="primary" onClick={() => onAdd(true)}>
                Enter a week
              </button>
            ) : null}
            <button type="button" className={daily ? undefined : 'primary'} onClick={() => onAdd(false)}>
              Add practice<span className="visually-hidden"> for {a.title}</span>
            </button>
          </div>
        ) : null}
      </div>
      {records.length === 0 ? (
        <p className="muted">No practice recorded yet. Enter it from the client’s paper, or import their filled PDF.</p>
      ) : (
        <ul className="plain-list practice-list">
          {records.map((r) => {
            const fields = def ? keyFields(answerFields(def, r.answers)) : [];
            return (
              <li key={r.id} className="practice-item">
                <div className="practice-item-head">
                  <strong>{formatDate(r.practicedOn, undefined, 'medium')}</strong>
                  {r.practicedTime ? <span>{r.practicedTime}</span> : null}
                  <span className="badge-quiet">{PRACTICE_SOURCE_LABELS[r.source]}</span>
                  {r.durationMinutes !== null ? <span>{minutesText(r.durationMinutes)}</span> : null}
                  {r.ladderStep !== null ? <span>Ladder step {r.ladderStep}</span> : null}
                </div>
                {fields.length ? (
                  <>
                    <Values fields={fields.slice(0, 6)} />
                    {fields.length > 6 ? (
                      <details className="practice-more">
                        <summary>{fields.length - 6} more answers</summary>
                        <Values fields={fields.slice(6)} />
                      </details>
                    ) : null}
                  </>
                ) : (
                  <p className="muted">No answers entered.</p>
                )}
                {r.note ? <p className="practice-note">{r.note}</p> : null}
                <div className="actions">
                  <button type="button" className="small" onClick={() => onEdit(r)}>
                    Edit<span className="visually-hidden"> practice on {formatDate(r.practicedOn, undefined, 'medium')}</span>
                  </button>
                  <button type="button" className="small" onClick={() => onDelete(r)}>
                    Delete<span className="visually-hidden"> practice on {formatDate(r.practicedOn, undefined, 'medium')}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Values({ fields }: { fields: readonly { label: string; value: string }[] }) {
  return (
    <dl className="practice-values">
      {fields.map((f) => (
        <div key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What a filled PDF will become: each record's answers beside their worksheet labels, then one save. */
function ImportConfirm({
  preview: p,
  bytes,
  clientId,
  onDone,
  onCancel,
}: {
  preview: PdfPreview;
  bytes: Uint8Array<ArrayBuffer>;
  clientId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const save = useSavePdf();
  const n = p.records.length;
  const what = `${n} practice record${n === 1 ? '' : 's'}`;
  return (
    <section className="import-confirm" aria-labelledby="import-title">
      <h2 id="import-title" tabIndex={-1} ref={(el) => el?.focus()}>
        Import a filled PDF
      </h2>
      <dl className="import-about">
        <div>
          <dt>Client</dt>
          <dd>{p.clientName}</dd>
        </div>
        <div>
          <dt>Assignment</dt>
          <dd>{p.title}</dd>
        </div>
      </dl>
      {p.alreadyImported ? (
        <p className="notice">This file was imported before: its answers are already saved. Nothing will be saved again.</p>
      ) : p.empty ? (
        <p className="notice">Nothing was filled in on this worksheet, so there is nothing to save.</p>
      ) : (
        <p>Saving makes {what} with the source “Filled PDF”:</p>
      )}
      <ol className="plain-list import-records">
        {p.records.map((r) => (
          <li key={r.practicedOn} className="practice-item">
            <h3>{formatDate(r.practicedOn, undefined, 'long')}</h3>
            <Values fields={r.fields} />
          </li>
        ))}
      </ol>
      <FormError message={save.isError ? errorMessage(save.error) : null} />
      <div className="actions">
        {!p.alreadyImported && !p.empty ? (
          <button
            type="button"
            className="primary"
            disabled={save.isPending}
            onClick={() =>
              void save
                .mutateAsync({ bytes, clientId })
                .then((r) =>
                  onDone(`${r.records.length} practice record${r.records.length === 1 ? '' : 's'} imported from the PDF.`),
                )
                .catch(() => undefined)
            }
          >
            {save.isPending ? 'Saving…' : `Save ${what}`}
          </button>
        ) : null}
        <button type="button" onClick={onCancel}>
          {p.alreadyImported || p.empty ? 'Back' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}
