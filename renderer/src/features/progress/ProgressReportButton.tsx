import { useState } from 'react';
import type { OutputTarget } from '../../../../shared/contract';
import { useOutputActions } from '../../api/print';
import { useSettings } from '../../api/settings';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import { RadioGroup } from '../../components/RadioGroup';
import './outcomes.css';

type Audience = 'clinician' | 'client';
type Paper = 'a4' | 'letter';
type NameOn = 'full' | 'initials';

const AUDIENCES = [
  { value: 'clinician', label: 'Clinician: for the file or a referrer (every chart, change, item scores)' },
  { value: 'client', label: 'Client: encouraging words and their charts (no item 9, no notes)' },
] as const;
const PAPERS = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'Letter' },
] as const;
const NAMES = [
  { value: 'full', label: 'Full name' },
  { value: 'initials', label: 'Initials only' },
] as const;

/**
 * The progress report (issue 9) from the Progress tab: who it is for, the dates, name or
 * initials, the paper; then Save PDF… or Print… through the main process, which records the
 * export in the activity log without its content.
 */
export function ProgressReportButton({ clientId, range }: { clientId: string; range: { from: string; to: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Progress report…
      </button>
      <Dialog open={open} title="Progress report" onClose={() => setOpen(false)} className="report-dialog">
        <ReportForm clientId={clientId} range={range} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function ReportForm({ clientId, range, onDone }: { clientId: string; range: { from: string; to: string }; onDone: () => void }) {
  const settings = useSettings();
  const [audience, setAudience] = useState<Audience>('clinician');
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [paper, setPaper] = useState<Paper | null>(null);
  const [nameOn, setNameOn] = useState<NameOn | null>(null);
  const { busy, status, error, run: runOutput } = useOutputActions();
  const chosenPaper = paper ?? settings.data?.paperSize ?? 'a4';
  const chosenName = nameOn ?? settings.data?.nameOnWorksheets ?? 'full';

  const run = (what: 'save' | 'print') => {
    const target: OutputTarget = {
      kind: 'progressReport',
      clientId,
      audience,
      from: from || null,
      to: to || null,
      options: { paper: chosenPaper, largePrint: false, nameOnWorksheets: chosenName },
    };
    return runOutput(what, target);
  };

  return (
    <div className="report-form">
      <RadioGroup legend="Who is it for?" value={audience} options={AUDIENCES} onChange={setAudience} />
      <div className="report-dates">
        <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} max={to || undefined} />
        <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} min={from || undefined} />
      </div>
      <RadioGroup legend="Name on the report" value={chosenName} options={NAMES} onChange={setNameOn} look="segmented" />
      <RadioGroup legend="Paper" value={chosenPaper} options={PAPERS} onChange={setPaper} look="segmented" />
      <FormError message={error} />
      {status ? (
        <p role="status" className="report-status">
          {status}
        </p>
      ) : null}
      <div className="dialog-actions report-actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void run('save')}>
          Save PDF…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void run('print')}>
          Print…
        </button>
        <button type="button" className="button" onClick={onDone}>
          Close
        </button>
      </div>
    </div>
  );
}
