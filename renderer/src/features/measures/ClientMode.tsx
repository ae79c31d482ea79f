import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import {
  IDIOGRAPHIC,
  MEASURES,
  measureName,
  scoreAnswers,
  scoreLine,
  type MeasureKey,
  type ResponseOption,
} from '../../../../shared/measures';
import { api, ApiError, errorMessage, unwrap } from '../../api/client';
import { useProblems, useRecordMeasure } from '../../api/measures';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import type { ClientModeOutcome, ClientModeRequest } from './clientMode';
import './clientMode.css';

/** One question as the client sees it. */
interface Question {
  key: string;
  text: string;
  options: readonly ResponseOption[];
  optional: boolean;
}

/** What the client sees of a questionnaire: its wording only (client-safe: no score, no band, no flags). */
interface ClientForm {
  measure: MeasureKey;
  title: string;
  instructions: string | null;
  stem: string;
  questions: Question[];
  /** The idiographic measure's problems, aligned with the answers. */
  problemIds: string[] | null;
}

/**
 * Client mode: the screen shows only the questionnaire, in large calm type, one question at a
 * time. Digits answer (and move on), the arrow keys move between answers, Enter goes on. Escape,
 * shortcuts and navigation do nothing; "Return to clinician" asks for the vault's passphrase,
 * checked by the core like an unlock (a wrong one counts as a failed attempt). The end screen
 * thanks the client and shows no score.
 *
 * `request` is null after the window was reloaded in client mode: then only the hand-back screen.
 */
export function ClientModeScreen({
  request,
  onReturn,
}: {
  request: ClientModeRequest | null;
  onReturn: (outcome: ClientModeOutcome | null) => void;
}) {
  const [returning, setReturning] = useState(false);
  const outcome = useRef<ClientModeOutcome | null>(null);
  useBlockLeaving();

  return (
    <div className="client-mode">
      <header className="client-mode-bar">
        <span className="client-mode-brand">Questionnaire</span>
        <button type="button" className="client-mode-return" onClick={() => setReturning(true)}>
          Return to clinician
        </button>
      </header>
      <main className="client-mode-main" id="main" tabIndex={-1}>
        {request ? (
          <Questionnaire
            request={request}
            onSaved={(o) => {
              outcome.current = o;
            }}
          />
        ) : (
          <Thanks />
        )}
      </main>
      <ReturnDialog open={returning} onClose={() => setReturning(false)} onVerified={() => onReturn(outcome.current)} />
    </div>
  );
}

/**
 * Nothing leads out of client mode but the passphrase: Escape, browser shortcuts (Ctrl+K, Ctrl+L,
 * Alt+←, reload) and the back button do nothing. Typing shortcuts (copy, paste, undo) still work
 * in a text field.
 */
function useBlockLeaving() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inText = e.target instanceof HTMLInputElement && e.target.type !== 'radio';
      if (e.key === 'Escape' || /^F\d+$/.test(e.key) || e.key === 'BrowserBack' || e.key === 'BrowserForward') {
        // The passphrase dialog's own Escape (close the dialog, stay in client mode) still runs.
        e.preventDefault();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) {
        if (inText && !e.altKey && ['a', 'c', 'v', 'x', 'z'].includes(e.key.toLowerCase())) return;
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}

function useClientForm(request: ClientModeRequest): { form: ClientForm | null; error: string | null } {
  const idiographic = request.measure === 'idiographic';
  const problems = useProblems(request.clientId);
  if (!idiographic) {
    const def = MEASURES[request.measure as Exclude<MeasureKey, 'idiographic'>];
    return {
      form: {
        measure: def.key,
        title: def.title,
        instructions: def.instructions ?? null,
        stem: def.stem,
        questions: def.items.map((item) => ({
          key: String(item.number),
          text: item.stem ? `${item.stem} ${item.text}` : item.text,
          options: item.options,
          optional: item.optional,
        })),
        problemIds: null,
      },
      error: null,
    };
  }
  if (problems.isError) return { form: null, error: errorMessage(problems.error) };
  if (!problems.data) return { form: null, error: null };
  const active = problems.data.active;
  return {
    form: {
      measure: 'idiographic',
      title: 'Your own problems',
      instructions: `Rate each from ${IDIOGRAPHIC.minRating} (${IDIOGRAPHIC.anchors.min.toLowerCase()}) to ${IDIOGRAPHIC.maxRating} (${IDIOGRAPHIC.anchors.max.toLowerCase()}).`,
      stem: IDIOGRAPHIC.stem,
      questions: active.map((p) => ({ key: p.id, text: p.text, options: IDIOGRAPHIC.options, optional: false })),
      problemIds: active.map((p) => p.id),
    },
    error: active.length ? null : 'There are no problems to rate yet. Please hand the screen back to your clinician.',
  };
}

function Questionnaire({ request, onSaved }: { request: ClientModeRequest; onSaved: (o: ClientModeOutcome) => void }) {
  const { form, error } = useClientForm(request);
  if (error) return <p className="client-mode-message">{error}</p>;
  if (!form) return <p className="client-mode-message">Getting the questionnaire ready…</p>;
  return <Steps form={form} request={request} onSaved={onSaved} />;
}

type Step = { kind: 'intro' } | { kind: 'question'; index: number } | { kind: 'check' } | { kind: 'done' };

function Steps({
  form,
  request,
  onSaved,
}: {
  form: ClientForm;
  request: ClientModeRequest;
  onSaved: (o: ClientModeOutcome) => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'intro' });
  const [answers, setAnswers] = useState<(number | null)[]>(() => form.questions.map(() => null));
  const record = useRecordMeasure();
  const n = form.questions.length;
  const blanks = form.questions.flatMap((q, i) => (answers[i] === null && !q.optional ? [i] : []));

  const finish = async () => {
    try {
      const r = await record.mutateAsync({
        clientId: request.clientId,
        sessionId: request.sessionId,
        measure: request.measure,
        administeredOn: request.administeredOn,
        answers,
        problemIds: form.problemIds,
        source: 'client-mode',
      });
      // For the clinician only, told once they are back: never shown on this screen.
      onSaved({
        clientId: request.clientId,
        line: `${measureName(r.measure)} filled in by the client: ${scoreLine(scoreAnswers(r.measure, r.answers))}.`,
      });
      setStep({ kind: 'done' });
    } catch {
      // The message shows on the check screen.
    }
  };

  if (step.kind === 'intro') {
    return (
      <section className="client-mode-step" aria-labelledby="cm-title">
        <StepHeading id="cm-title" focusKey="intro">
          {form.title}
        </StepHeading>
        {form.instructions ? <p className="client-mode-text">{form.instructions}</p> : null}
        <p className="client-mode-text">{form.stem}</p>
        <p className="client-mode-hint">
          There {n === 1 ? 'is 1 question' : `are ${n} questions`}, one at a time. Choose the answer that fits best: click or
          touch it, or type its number. Enter goes on to the next question.
        </p>
        <div className="client-mode-actions">
          <button type="button" className="primary" onClick={() => setStep({ kind: 'question', index: 0 })}>
            Start
          </button>
        </div>
      </section>
    );
  }

  if (step.kind === 'question') {
    const i = step.index;
    return (
      <QuestionStep
        key={i}
        form={form}
        index={i}
        answer={answers[i] ?? null}
        onAnswer={(v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
        onBack={() => setStep(i === 0 ? { kind: 'intro' } : { kind: 'question', index: i - 1 })}
        onNext={() => setStep(i + 1 < n ? { kind: 'question', index: i + 1 } : { kind: 'check' })}
      />
    );
  }

  if (step.kind === 'check') {
    return (
      <section className="client-mode-step" aria-labelledby="cm-check">
        <StepHeading id="cm-check" focusKey="check">
          {blanks.length ? 'Some questions are not answered' : 'All questions are answered'}
        </StepHeading>
        {blanks.length ? (
          <>
            <p className="client-mode-text">You can go back to {blanks.length === 1 ? 'it' : 'them'}, or finish as it is.</p>
            <ul className="client-mode-blanks">
              {blanks.map((i) => (
                <li key={i}>
                  <button type="button" onClick={() => setStep({ kind: 'question', index: i })}>
                    Question {i + 1}: {form.questions[i]!.text}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="client-mode-text">Thank you. Choose Finish to hand in your answers.</p>
        )}
        <FormError message={record.isError ? errorMessage(record.error) : null} />
        <div className="client-mode-actions">
          <button type="button" onClick={() => setStep({ kind: 'question', index: n - 1 })}>
            Back
          </button>
          <button type="button" className="primary" disabled={record.isPending} onClick={() => void finish()}>
            {record.isPending ? 'Handing in…' : 'Finish'}
          </button>
        </div>
      </section>
    );
  }

  return <Thanks />;
}

function Thanks() {
  return (
    <section className="client-mode-step" aria-labelledby="cm-done">
      <StepHeading id="cm-done" focusKey="done">
        Thank you
      </StepHeading>
      <p className="client-mode-text">Your answers are saved. Please hand the screen back to your clinician.</p>
    </section>
  );
}

/** A step's heading, focused when the step appears (so a screen reader starts there). */
function StepHeading({ id, focusKey, children }: { id: string; focusKey: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [focusKey]);
  return (
    <h1 id={id} ref={ref} tabIndex={-1} className="client-mode-title">
      {children}
    </h1>
  );
}

function QuestionStep({
  form,
  index,
  answer,
  onAnswer,
  onBack,
  onNext,
}: {
  form: ClientForm;
  index: number;
  answer: number | null;
  onAnswer: (v: number | null) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const q = form.questions[index]!;
  const id = useId();
  const group = useRef<HTMLFieldSetElement>(null);
  const lastDigit = useRef<string | null>(null);
  const twoDigits = q.options.some((o) => o.score >= 10);

  // The chosen answer (or the first) takes the focus, so the arrow keys work at once.
  useEffect(() => {
    const el =
      group.current?.querySelector<HTMLInputElement>('input:checked') ?? group.current?.querySelector<HTMLInputElement>('input');
    el?.focus();
  }, []);

  const choose = (v: number, advance: boolean) => {
    onAnswer(v);
    if (advance) onNext();
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLFormElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      // 0–10 ratings: "1" then "0" is 10; otherwise a digit answers and moves on.
      const v = twoDigits && lastDigit.current === '1' && e.key === '0' ? 10 : Number(e.key);
      lastDigit.current = e.key;
      if (q.options.some((o) => o.score === v)) choose(v, !twoDigits);
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      onNext();
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      if (e.target instanceof HTMLInputElement) {
        e.preventDefault();
        onAnswer(null);
      }
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onNext();
  };

  return (
    <form className="client-mode-step" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby={`${id}-count`}>
      <p className="client-mode-count" id={`${id}-count`}>
        Question {index + 1} of {form.questions.length}
      </p>
      <p className="client-mode-stem">{form.stem}</p>
      <fieldset ref={group} className={`client-mode-options${twoDigits ? ' scale' : ''}`}>
        <legend className="client-mode-question">{q.text}</legend>
        {q.options.map((o) => (
          <label key={o.score} className={o.score === answer ? 'checked' : undefined}>
            <input
              type="radio"
              name={`${id}-answer`}
              value={o.score}
              checked={o.score === answer}
              onChange={() => onAnswer(o.score)}
              onClick={(e) => {
                // A click or touch on an answer moves on (the arrow keys only choose).
                if (e.detail > 0 && !twoDigits) choose(o.score, true);
              }}
            />
            <span className="client-mode-digit">{o.score}</span>
            {twoDigits ? <span className="client-mode-anchor">{scaleAnchor(o.score)}</span> : <span>{o.label}</span>}
          </label>
        ))}
      </fieldset>
      {q.optional ? <p className="client-mode-hint">You may leave this question out.</p> : null}
      <div className="client-mode-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary">
          {answer === null ? 'Skip' : 'Next'}
        </button>
      </div>
    </form>
  );
}

/** The words at the ends of the 0–10 scale (the numbers between speak for themselves). */
function scaleAnchor(score: number): string {
  if (score === IDIOGRAPHIC.minRating) return IDIOGRAPHIC.anchors.min;
  if (score === IDIOGRAPHIC.maxRating) return IDIOGRAPHIC.anchors.max;
  return '';
}

/**
 * The clinician's passphrase, checked by the core like an unlock of the open vault: a wrong one
 * counts as a failed attempt and waits out the same growing delay.
 */
function ReturnDialog({ open, onClose, onVerified }: { open: boolean; onClose: () => void; onVerified: () => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const close = () => {
    setValue('');
    setError(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value) {
      setError('Please enter your passphrase.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(api().vault.unlock({ passphrase: value }));
      setValue('');
      onVerified();
    } catch (err) {
      setValue('');
      setError(
        err instanceof ApiError && err.code === 'WRONG_PASSPHRASE'
          ? 'That passphrase is not right. The screen stays with the questionnaire.'
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
      // The button was disabled while checking: focus goes back to the field (inside the dialog).
      requestAnimationFrame(() => field.current?.focus());
    }
  };

  return (
    <Dialog open={open} title="Return to clinician" onClose={close} className="client-mode-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>The clinician’s passphrase ends the questionnaire screen.</p>
        <FormError message={error} />
        <TextField
          label="Clinician’s passphrase"
          type="password"
          autoComplete="off"
          data-autofocus
          ref={field}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Checking…' : 'Return to clinician'}
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
