import { useState, type ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ClientImportRow } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/dates';
import { errorMessage } from '../../api/client';
import { usePreviewClientImport, useSaveClientImport } from '../../api/data';
import { Badge } from '../../components/Badge';
import { FormError } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import './clients.css';

/** The largest CSV read at once (the core refuses more too). */
const MAX_BYTES = 10_000_000;

const date = (iso: string | null) => (iso ? formatDate(iso, undefined, 'medium') : '—');

function duplicateText(r: ClientImportRow): string | null {
  if (!r.duplicateOf) return null;
  return r.duplicateOf.id
    ? `${r.duplicateOf.name} with this date of birth is already in Stepwise.`
    : `Same as row ${r.duplicateOf.line} of this file.`;
}

/**
 * /clients/import — clients from a CSV that a practice-management system exported: choose the
 * file, see every row as it will be saved (with problems and possible duplicates flagged), tick
 * the rows to import, then import them all at once. Nothing is saved before that.
 */
export function ImportClientsPage() {
  const navigate = useNavigate();
  const preview = usePreviewClientImport();
  const save = useSaveClientImport();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [readError, setReadError] = useState<string | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setReadError(null);
    preview.reset();
    save.reset();
    setCsv(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setReadError('This file is too large to import at once (10 MB at most).');
      return;
    }
    const text = await file.text();
    setFileName(file.name);
    setCsv(text);
    try {
      const p = await preview.mutateAsync(text);
      // Ready rows are ticked; rows with a problem cannot be; possible duplicates wait for the clinician.
      setChosen(new Set(p.rows.filter((r) => !r.problem && !r.duplicateOf).map((r) => r.line)));
    } catch {
      // The message shows below.
    }
  };

  const rows = preview.data?.rows ?? [];
  const importable = rows.filter((r) => !r.problem);
  const n = chosen.size;
  const toggle = (line: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(line);
    else next.delete(line);
    setChosen(next);
  };

  const run = async () => {
    if (!csv || n === 0) return;
    try {
      const r = await save.mutateAsync({ csv, lines: [...chosen] });
      void navigate('/clients', { state: { imported: r.created.length } });
    } catch {
      // The message shows below.
    }
  };

  return (
    <section className="page" aria-labelledby="import-title">
      <Link className="back-link" to="/clients">
        All clients
      </Link>
      <PageHeading id="import-title">Import clients from a CSV file</PageHeading>
      <p>
        Use the client list your practice-management system exports as CSV. Stepwise reads the name (one “Name” column, or “First
        name” and “Last name”), the preferred name, the date of birth and the start date; other columns are left out. Nothing is
        saved until you press Import.
      </p>
      <div className="field">
        <label htmlFor="import-file">CSV file</label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
      </div>
      <FormError message={readError ?? (preview.isError ? errorMessage(preview.error) : null)} />
      {preview.isPending ? <p className="muted">Reading {fileName}…</p> : null}
      {preview.data ? (
        <>
          <div className="notice">
            <p>
              <strong>Columns:</strong> {preview.data.columns.join('; ')}.
            </p>
            <p>{preview.data.dateFormats}</p>
          </div>
          <p role="status">
            {rows.length} {rows.length === 1 ? 'row' : 'rows'}: {importable.length} can be imported
            {rows.length > importable.length ? `, ${rows.length - importable.length} cannot` : ''}
            {rows.some((r) => r.duplicateOf) ? '. Possible duplicates are not ticked: tick them if they are new clients.' : '.'}
          </p>
          <table className="client-table import-table">
            <caption className="visually-hidden">Clients in {fileName}</caption>
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">Row</th>
                <th scope="col">Name</th>
                <th scope="col">Preferred name</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Start date</th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const dup = duplicateText(r);
                const id = `import-row-${r.line}`;
                return (
                  <tr key={r.line} className={r.problem ? 'import-problem' : undefined}>
                    <td>
                      <input
                        id={id}
                        type="checkbox"
                        checked={chosen.has(r.line)}
                        disabled={!!r.problem}
                        onChange={(e) => toggle(r.line, e.target.checked)}
                        aria-label={`Import row ${r.line}${r.name ? `, ${r.name}` : ''}`}
                      />
                    </td>
                    <td>{r.line}</td>
                    <th scope="row">
                      <label htmlFor={id}>{r.name || <span className="muted">No name</span>}</label>
                    </th>
                    <td>{r.preferredName ?? '—'}</td>
                    <td>{date(r.dateOfBirth)}</td>
                    <td>{date(r.startDate)}</td>
                    <td>
                      {r.problem ? (
                        <>
                          <Badge tone="warn">Cannot import</Badge> {r.problem}
                        </>
                      ) : dup ? (
                        <>
                          <Badge tone="warn">Possible duplicate</Badge> {dup}
                        </>
                      ) : (
                        <span className="muted">Ready</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <FormError message={save.isError ? errorMessage(save.error) : null} />
          <div className="actions">
            <button type="button" className="primary" disabled={n === 0 || save.isPending} onClick={() => void run()}>
              {save.isPending ? 'Importing…' : `Import ${n} ${n === 1 ? 'client' : 'clients'}`}
            </button>
            <Link className="button" to="/clients">
              Cancel
            </Link>
          </div>
        </>
      ) : null}
    </section>
  );
}
