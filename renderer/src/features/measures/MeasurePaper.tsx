import { useState } from 'react';
import type { MeasurePdfPreview } from '../../../../shared/contract';
import { localIsoDate } from '../../../../shared/dates';
import { IDIOGRAPHIC, measureName, scoreAnswers, scoreLine, type MeasureKey } from '../../../../shared/measures';
import { api, errorMessage, unwrap } from '../../api/client';
import { useImportMeasurePdf, usePreviewMeasurePdf } from '../../api/measures';
import { useOpenPdf } from '../../api/practice';
import { useSettings } from '../../api/settings';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import { RadioGroup } from '../../components/RadioGroup';

const CHOICES: readonly { value: MeasureKey; label: string }[] = [
  { value: 'phq9', label: 'PHQ-9 (depression)' },
  { value: 'gad7', label: 'GAD-7 (anxiety)' },
  { value: 'pcl5', label: 'PCL-5 (post-traumatic stress)' },
  { value: 'idiographic', label: `${IDIOGRAPHIC.name} (0–10)` },
];

/**
 * The client page: a questionnaire as a fillable PDF (saved or printed through the main process,
 * like worksheets), and a filled one imported back: its answers shown for the clinician to
 * confirm, then recorded as "Imported PDF". A blank answer stays blank (the result is incomplete).
 */
export function MeasurePaper({ clientId }: { clientId: string }) {
  const [open, setOpen] = useState(false);
  const [measure, setMeasure] = useState<MeasureKey>('phq9');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<{ bytes: Uint8Array<ArrayBuffer>; preview: MeasurePdfPreview } | null>(null);
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const settings = useSettings();
  const openPdf = useOpenPdf();
  const preview = usePreviewMeasurePdf();
  const save = useImportMeasurePdf();

  const options = {
    paper: settings.data?.paperSize ?? 'a4',
    largePrint: false,
    nameOnWorksheets: settings.data?.nameOnWorksheets ?? 'full',
  } as const;

  const close = () => {
    setOpen(false);
    setFile(null);
    setError(null);
  };

  const output = async (how: 'save' | 'print') => {
    setError(null);
    setMessage(null);
    try {
      const target = { kind: 'measure' as const, clientId, measure, fillable: how === 'save', options };
      if (how === 'save') {
        const r = await unwrap(api().output.save(target));
        if (r.saved) setMessage(`Saved ${r.fileName ?? 'the PDF'}. The client can fill it in on a computer, or on paper.`);
      } else {
        await unwrap(api().output.print(target));
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const importFilled = async () => {
    setError(null);
    setMessage(null);
    try {
      const chosen = await openPdf.mutateAsync();
      if (!chosen.bytes) return;
      const bytes = new Uint8Array(chosen.bytes);
      const p = await preview.mutateAsync({ bytes, clientId });
      setFile({ bytes, preview: p });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const confirm = async () => {
    if (!file) return;
    setError(null);
    try {
      const r = await save.mutateAsync({ bytes: file.bytes, clientId, administeredOn: date });
      setMessage(`${measureName(r.measure)} imported: ${scoreLine(scoreAnswers(r.measure, r.answers))}.`);
      setFile(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const p = file?.preview;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Questionnaire PDF…
      </button>
      <Dialog open={open} title="Questionnaire on paper" onClose={close} className="measure-paper-dialog">
        {p ? (
          <section aria-labelledby="measure-paper-confirm">
            <h3 id="measure-paper-confirm">{measureName(p.measure)} from the PDF: please check the answers</h3>
            <ol className="measure-paper-answers">
              {p.items.map((it) => (
                <li key={it.number}>
                  <span>{it.text}</span>: <strong>{it.answer ?? 'left blank'}</strong>
                </li>
              ))}
            </ol>
            <p className={p.complete ? 'muted' : 'notice'}>
              {p.complete
                ? scoreLine(scoreAnswers(p.measure, p.answers))
                : `Incomplete: question${p.missingItems.length === 1 ? '' : 's'} ${p.missingItems.join(', ')} left blank. It is saved as incomplete, without a total.`}
            </p>
            <TextField label="Date it was filled in" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            <FormError message={error} />
            <div className="actions">
              <button type="button" className="primary" disabled={save.isPending} onClick={() => void confirm()}>
                Save {measureName(p.measure)}
              </button>
              <button type="button" onClick={() => setFile(null)}>
                Back
              </button>
            </div>
          </section>
        ) : (
          <>
            <RadioGroup legend="Questionnaire" value={measure} options={CHOICES} onChange={setMeasure} />
            <p role="status" className={message ? 'notice' : 'visually-hidden'}>
              {message ?? ''}
            </p>
            <FormError message={error} />
            <div className="actions">
              <button type="button" className="primary" data-autofocus onClick={() => void output('save')}>
                Save fillable PDF…
              </button>
              <button type="button" onClick={() => void output('print')}>
                Print…
              </button>
            </div>
            <h3>A filled questionnaire back in</h3>
            <p className="muted">Its answers are read from the form and shown here before anything is saved.</p>
            <div className="actions">
              <button type="button" disabled={openPdf.isPending || preview.isPending} onClick={() => void importFilled()}>
                Import a filled questionnaire…
              </button>
              <button type="button" onClick={close}>
                Close
              </button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
