import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { OutputTarget } from '../../../../shared/contract';
import { errorMessage } from '../../api/client';
import { useOutputActions, usePdf, usePrintSubject } from '../../api/print';
import { useSettings } from '../../api/settings';
import { FormError, SelectField } from '../../components/Field';
import { UnprintableNote } from './UnprintableNote';
import './print.css';

/** pdf.js loads only when a preview is shown (it is most of a megabyte): never on the first screen. */
const PdfPreview = lazy(() => import('./PdfPreview').then((m) => ({ default: m.PdfPreview })));

type Options = { paper: 'a4' | 'letter'; largePrint: boolean; nameOnWorksheets: 'full' | 'initials' };

/**
 * Print preview: the real PDF pages, the paper options, then Save PDF… (native save dialog) or
 * Print… (system print dialog). Route: /print?assignment=ID, /print?client=ID (the packet) or
 * /print?handout=SESSION_ID (the session handout for the client).
 */
export function PrintPage() {
  const [params] = useSearchParams();
  const assignmentId = params.get('assignment');
  const clientId = params.get('client');
  const handoutId = params.get('handout');
  const settings = useSettings();
  // The clinician's defaults from Settings, changed here for this print only.
  const [changes, setChanges] = useState<Partial<Options>>({});
  const options: Options | null = settings.data
    ? {
        paper: settings.data.paperSize,
        largePrint: settings.data.largePrintDefault,
        nameOnWorksheets: settings.data.nameOnWorksheets,
        ...changes,
      }
    : null;
  const setOptions = (o: Options) => setChanges(o);
  const [fillable, setFillable] = useState(false);
  const output = useOutputActions();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const subject = usePrintSubject(handoutId ? null : assignmentId, handoutId ? null : clientId, handoutId);

  const target: OutputTarget | null = options
    ? handoutId
      ? { kind: 'handout', sessionId: handoutId, options }
      : assignmentId
        ? { kind: 'assignment', assignmentId, fillable, options }
        : clientId
          ? { kind: 'packet', clientId, fillable, options }
          : null
    : null;

  const pdf = usePdf(target);

  const run = (what: 'save' | 'print') => output.run(what, target);

  if (!assignmentId && !clientId && !handoutId) {
    return (
      <section className="page">
        <h1>Print</h1>
        <p>Choose an assignment or a client to print from their page.</p>
      </section>
    );
  }
  const title = handoutId
    ? `Session handout${subject.data ? ` — ${subject.data.who}` : ''}`
    : subject.data
      ? `${subject.data.title} — ${subject.data.who}`
      : 'Print preview';

  return (
    <section className="page print-page" aria-labelledby="print-title">
      <p className="muted">
        {handoutId && subject.data ? (
          <Link to={`/clients/${subject.data.clientId}/sessions/${handoutId}`}>Back to the session with {subject.data.who}</Link>
        ) : subject.data ? (
          <Link to={`/clients/${subject.data.clientId}`}>Back to {subject.data.who}</Link>
        ) : null}
      </p>
      <h1 id="print-title" tabIndex={-1} ref={heading}>
        {handoutId
          ? 'Print the session handout'
          : subject.data
            ? assignmentId
              ? `Print “${subject.data.title}”`
              : `Print the homework packet`
            : 'Print preview'}
      </h1>
      {handoutId ? (
        <p className="muted">
          For the client: what you looked at together, their takeaways and the practice for the coming week. Your notes, ratings
          and the obstacles you recorded are never on it.
        </p>
      ) : null}
      <FormError message={subject.error ? errorMessage(subject.error) : null} />
      <div className="print-layout">
        <aside className="card print-options" aria-label="Print options">
          {options ? (
            <>
              <SelectField
                label="Paper size"
                value={options.paper}
                onChange={(e) => setOptions({ ...options, paper: e.target.value as Options['paper'] })}
                options={[
                  { value: 'a4', label: 'A4' },
                  { value: 'letter', label: 'US Letter' },
                ]}
              />
              <SelectField
                label="Client’s name on the page"
                value={options.nameOnWorksheets}
                onChange={(e) => setOptions({ ...options, nameOnWorksheets: e.target.value as Options['nameOnWorksheets'] })}
                options={[
                  { value: 'full', label: 'Full name' },
                  { value: 'initials', label: 'Initials only' },
                ]}
              />
              <div className="check">
                <input
                  id="print-large"
                  type="checkbox"
                  checked={options.largePrint}
                  onChange={(e) => setOptions({ ...options, largePrint: e.target.checked })}
                />
                <label htmlFor="print-large">Large print</label>
              </div>
              {(assignmentId || clientId) && !handoutId ? (
                <div className="check">
                  <input id="print-fillable" type="checkbox" checked={fillable} onChange={(e) => setFillable(e.target.checked)} />
                  <label htmlFor="print-fillable">Fillable PDF (the client types the answers on a computer)</label>
                  {!assignmentId && fillable ? (
                    <p className="field-hint">
                      Answers typed into a packet stay in the PDF: to bring answers back into Stepwise, print each worksheet as
                      its own fillable PDF.
                    </p>
                  ) : null}
                </div>
              ) : null}
              {fillable && !handoutId ? (
                <p className="field-hint">
                  Answers typed in Chinese, Japanese, Korean, Hindi, Thai or another script beyond Latin, Greek, Cyrillic, Arabic
                  and Hebrew show in the fonts of the client’s PDF reader: most readers have them, some show empty boxes. The
                  answers still come back into Stepwise whole, and a sheet printed and filled in by hand always works.
                </p>
              ) : null}
            </>
          ) : null}
          <p className="muted" aria-live="polite">
            {pdf.data ? `${pdf.data.pages} page${pdf.data.pages === 1 ? '' : 's'}` : pdf.isFetching ? 'Preparing the pages…' : ''}
          </p>
          <UnprintableNote chars={pdf.data?.unprintable} />
          <div className="actions">
            <button type="button" className="primary" disabled={!pdf.data || output.busy} onClick={() => void run('save')}>
              Save PDF…
            </button>
            <button type="button" disabled={!pdf.data || output.busy} onClick={() => void run('print')}>
              Print…
            </button>
          </div>
          {output.status ? <p role="status">{output.status}</p> : null}
          <FormError message={output.error ?? (pdf.error ? errorMessage(pdf.error) : null)} />
        </aside>
        <div className="print-preview" aria-label="Preview of the pages">
          {pdf.data ? (
            <Suspense fallback={<p className="muted">Preparing the preview…</p>}>
              <PdfPreview bytes={pdf.data.bytes} title={title} />
            </Suspense>
          ) : (
            <p className="muted">Preparing the preview…</p>
          )}
        </div>
      </div>
    </section>
  );
}
