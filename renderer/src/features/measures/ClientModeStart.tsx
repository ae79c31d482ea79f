import { useState } from 'react';
import { localIsoDate } from '../../../../shared/dates';
import { IDIOGRAPHIC, measureName, type MeasureKey } from '../../../../shared/measures';
import { useProblems } from '../../api/measures';
import { Dialog } from '../../components/Dialog';
import { RadioGroup } from '../../components/RadioGroup';
import { useClientMode } from './clientMode';

const CHOICES: readonly { value: MeasureKey; label: string }[] = [
  { value: 'phq9', label: 'PHQ-9 (depression)' },
  { value: 'gad7', label: 'GAD-7 (anxiety)' },
  { value: 'pcl5', label: 'PCL-5 (post-traumatic stress)' },
  { value: 'idiographic', label: `${IDIOGRAPHIC.name} (0–10)` },
];

/** What the clinician is told once they are back from client mode (this client's only). */
export function ClientModeOutcomeNotice({ clientId }: { clientId: string }) {
  const { outcome } = useClientMode();
  if (!outcome || outcome.clientId !== clientId) return null;
  return (
    <p className="notice" role="status">
      {outcome.line}
    </p>
  );
}

/** Session mode's Measures stage: hand the screen over for the questionnaire chosen there. */
export function ClientModeButton(props: { clientId: string; sessionId: string | null; date: string; measure: MeasureKey }) {
  // The client's own problems are asked for only when they are the questionnaire chosen.
  return props.measure === 'idiographic' ? <IdiographicHandOver {...props} /> : <HandOverButton {...props} noProblems={false} />;
}

function IdiographicHandOver(props: { clientId: string; sessionId: string | null; date: string; measure: MeasureKey }) {
  const problems = useProblems(props.clientId);
  return <HandOverButton {...props} noProblems={!problems.data?.active.length} />;
}

function HandOverButton({
  clientId,
  sessionId,
  date,
  measure,
  noProblems,
}: {
  clientId: string;
  sessionId: string | null;
  date: string;
  measure: MeasureKey;
  noProblems: boolean;
}) {
  const { start } = useClientMode();
  return (
    <div className="client-mode-start">
      <button type="button" disabled={noProblems} onClick={() => start({ clientId, sessionId, measure, administeredOn: date })}>
        Hand the screen to the client for the {measureName(measure)}
      </button>
      <p className="muted">
        {noProblems
          ? 'Add the client’s own problems first (below), then hand the screen over.'
          : 'The screen then shows only the questionnaire. Your passphrase brings you back.'}
      </p>
    </div>
  );
}

/** The client page: choose a questionnaire, then hand the screen over (dated today). */
export function ClientModeLauncher({ clientId }: { clientId: string }) {
  const { start } = useClientMode();
  const [open, setOpen] = useState(false);
  const [measure, setMeasure] = useState<MeasureKey>('phq9');
  const problems = useProblems(clientId);
  const noProblems = measure === 'idiographic' && !problems.data?.active.length;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Client mode…
      </button>
      <Dialog open={open} title="Hand the screen to the client" onClose={() => setOpen(false)}>
        <p>The screen will show only the questionnaire, one question at a time. Your passphrase brings you back.</p>
        <RadioGroup legend="Questionnaire" value={measure} options={CHOICES} onChange={setMeasure} />
        {noProblems ? (
          <p className="field-error" role="alert">
            This client has no problems of their own to rate yet. Add them in a session’s Measures stage.
          </p>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            data-autofocus
            disabled={noProblems}
            onClick={() => {
              setOpen(false);
              start({ clientId, sessionId: null, measure, administeredOn: localIsoDate(new Date()) });
            }}
          >
            Hand over
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </>
  );
}
