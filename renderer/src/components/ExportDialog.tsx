import { useState } from 'react';
import { errorMessage } from '../api/client';
import { useExportData } from '../api/data';
import { Dialog } from './Dialog';
import { RadioGroup } from './RadioGroup';
import './ExportDialog.css';

type Format = 'json' | 'csv';

const FORMATS: readonly { value: Format; label: string }[] = [
  { value: 'json', label: 'JSON — one file with everything (to keep, or for another program)' },
  { value: 'csv', label: 'CSV — a new folder with a spreadsheet file per table' },
];

/**
 * Export one client (`clientId`) or the whole vault: the plain warning first, then the format,
 * then the save dialog of the main process. What was saved (or why not) is said in the dialog.
 */
export function ExportDialog({
  open,
  onClose,
  clientId,
  who,
}: {
  open: boolean;
  onClose: () => void;
  clientId?: string;
  who: string;
}) {
  const [format, setFormat] = useState<Format>('json');
  const [status, setStatus] = useState<string | null>(null);
  const run = useExportData();
  const close = () => {
    setStatus(null);
    run.reset();
    onClose();
  };
  const start = async () => {
    setStatus(null);
    try {
      const r = await run.mutateAsync({ ...(clientId ? { clientId } : {}), format });
      setStatus(
        r.saved
          ? format === 'json'
            ? `Saved “${r.location}”.`
            : `Saved ${r.files} files in the new folder “${r.location}”.`
          : 'Not saved: you closed the save dialog.',
      );
    } catch {
      // The message shows below.
    }
  };
  return (
    <Dialog open={open} title={`Export ${who}`} onClose={close} className="export-dialog">
      <div className="dialog-body stack">
        <p className="notice notice-warning">
          <strong>An export is not encrypted.</strong> Anyone who can open the file can read everything in it, private notes
          included. Save it only where it is safe (not a shared or synced folder), and delete it when you no longer need it.
        </p>
        <RadioGroup legend="Format" value={format} options={FORMATS} onChange={setFormat} />
        <p className="muted">
          A JSON export states its format version, so that other programs can read it reliably. CSV files open in any spreadsheet.
        </p>
      </div>
      {status ? <p role="status">{status}</p> : null}
      {run.isError ? (
        <div className="form-error" role="alert">
          {errorMessage(run.error)}
        </div>
      ) : null}
      <div className="actions dialog-actions">
        <button type="button" className="primary" onClick={() => void start()} disabled={run.isPending} data-autofocus>
          {run.isPending ? 'Exporting…' : 'Export…'}
        </button>
        <button type="button" onClick={close}>
          {status ? 'Close' : 'Cancel'}
        </button>
      </div>
    </Dialog>
  );
}
