import { useState } from 'react';
import { MEASURE_SOURCE_LABELS, type SessionDetail } from '../../../../shared/contract';
import { IDIOGRAPHIC, measureName, scoreAnswers, scoreLine, type MeasureKey } from '../../../../shared/measures';
import { errorMessage } from '../../api/client';
import { useMeasureResults } from '../../api/measures';
import { FormError } from '../../components/Field';
import { RadioGroup } from '../../components/RadioGroup';
import { ClientModeButton, ClientModeOutcomeNotice } from './ClientModeStart';
import { IdiographicEntry } from './IdiographicEntry';
import { Item9Notices } from './Item9Notice';
import { useKeptDrafts } from '../../components/useDraft';
import { measureDraftKey, QuestionnaireEntry } from './QuestionnaireEntry';
import './measures.css';

const CHOICES: readonly { value: MeasureKey; label: string }[] = [
  { value: 'phq9', label: 'PHQ-9 (depression)' },
  { value: 'gad7', label: 'GAD-7 (anxiety)' },
  { value: 'pcl5', label: 'PCL-5 (post-traumatic stress)' },
  { value: 'idiographic', label: `${IDIOGRAPHIC.name} (0–10)` },
];

/** Session mode, stage 2: questionnaires typed from paper, scored as they complete. */
export function MeasuresStage({ session }: { session: SessionDetail }) {
  const [measure, setMeasure] = useState<MeasureKey>('phq9');
  const [saved, setSaved] = useState<string | null>(null);
  const results = useMeasureResults(session.clientId, session.id);
  const [round, setRound] = useState(0);
  // A questionnaire being typed when Stepwise locked is chosen again, to offer its answers back.
  const kept = useKeptDrafts(`measure:${session.id}:`);
  const [reopened, setReopened] = useState(false);
  if (kept && !reopened) {
    setReopened(true);
    const m = CHOICES.find((c) => kept.includes(measureDraftKey(session.clientId, session.id, c.value)));
    if (m) setMeasure(m.value);
  }

  // The entry starts afresh for the next questionnaire (its first question takes the focus); the
  // line saying what was saved is announced as a status.
  const onSaved = (line: string) => {
    setSaved(line);
    setRound((n) => n + 1);
  };

  return (
    <section className="card stage" aria-labelledby="measures-title">
      <h2 id="measures-title">Measures</h2>
      <Item9Notices clientId={session.clientId} showName={false} />
      <ClientModeOutcomeNotice clientId={session.clientId} />
      <p role="status" className={saved ? 'notice' : 'visually-hidden'}>
        {saved ?? ''}
      </p>
      <FormError message={results.isError ? errorMessage(results.error) : null} />
      {results.data?.length ? (
        <>
          <h3>Given in this session</h3>
          <ul className="measure-saved">
            {results.data.map((r) => (
              <li key={r.id}>
                <strong>{measureName(r.measure)}</strong>: {scoreLine(scoreAnswers(r.measure, r.answers))}
                {r.source !== 'paper' ? ` (${MEASURE_SOURCE_LABELS[r.source]})` : ''}
                {r.measure === 'idiographic' && r.problems
                  ? ` — ${r.problems.map((p, i) => `${p.text}: ${r.answers[i] ?? 'blank'}`).join('; ')}`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">
          No questionnaire given in this session yet. Choose one, then type the answers from the paper form.
        </p>
      )}
      <RadioGroup
        legend="Questionnaire"
        className="measure-picker"
        look="segmented"
        value={measure}
        options={CHOICES}
        onChange={(m) => {
          setMeasure(m);
          setSaved(null);
        }}
      />
      <ClientModeButton clientId={session.clientId} sessionId={session.id} date={session.date} measure={measure} />
      {measure === 'idiographic' ? (
        <IdiographicEntry
          key={`i${round}`}
          clientId={session.clientId}
          sessionId={session.id}
          date={session.date}
          onSaved={onSaved}
        />
      ) : (
        <QuestionnaireEntry
          key={`${measure}${round}`}
          measure={measure}
          clientId={session.clientId}
          sessionId={session.id}
          date={session.date}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}
