import { useEffect, useRef, useState } from 'react';
import { addDays, daysBetween, formatDate, localIsoDate } from '../../../../shared/dates';
import { TEXT_LIMITS } from '../../../../shared/limits';
import {
  PRACTICE_SOURCE_LABELS,
  type AssignmentDetail,
  type PracticeFields,
  type PracticeRecord,
} from '../../../../shared/domain';
import { fieldsOf, formMessage } from '../../components/forms';
import { FormError, SelectField, TextArea, TextField } from '../../components/Field';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { useDraft } from '../../components/useDraft';
import { useCreateManyPractice, useCreatePractice, useUpdatePractice } from '../../api/practice';
import { AnswerForm, Cell } from './AnswerForm';
import { answersOf, draftOf, parseNumber, type Draft, type DraftValue } from './draft';

interface Common {
  assignment: AssignmentDetail;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * The key of a practice form's kept draft: `practice:<client>:add_<assignment>`,
 * `…:week_<assignment>` or `…:edit_<record>`. The Practice tab opens the form again from it.
 */
export function practiceDraftKey(a: { clientId: string; id: string }, form: 'add' | 'week' | { edit: string }): string {
  return `practice:${a.clientId}:${typeof form === 'string' ? `${form}_${a.id}` : `edit_${form.edit}`}`;
}

/** The ladder steps to choose from: the assignment's ladder, else the worksheet's own. */
function ladderSteps(a: AssignmentDetail): number | null {
  if (a.step) return a.step.total;
  const h = a.definition.blocks.find((b) => b.type === 'hierarchy');
  if (h && h.type === 'hierarchy') return h.steps;
  return a.category === 'exposure' ? 10 : null;
}

/** Adds or edits one practice record: when, source, time spent, note, and the worksheet's own parts. */
export function PracticeForm({ assignment: a, record, onDone, onCancel }: Common & { record?: PracticeRecord }) {
  const today = localIsoDate(new Date());
  const [practicedOn, setOn] = useState(record?.practicedOn ?? (today < a.startDate ? a.startDate : today));
  const [time, setTime] = useState(record?.practicedTime ?? '');
  const [source, setSource] = useState<'paper' | 'session' | 'pdf'>(record?.source ?? 'paper');
  const [minutes, setMinutes] = useState(record?.durationMinutes != null ? String(record.durationMinutes) : '');
  const [step, setStep] = useState(record?.ladderStep != null ? String(record.ladderStep) : a.step ? String(a.step.current) : '');
  const [note, setNote] = useState(record?.note ?? '');
  const [draft, setDraft] = useState<Draft>(() => (record ? draftOf(a.definition, record.answers) : {}));
  const [local, setLocal] = useState<Record<string, string>>({});
  const now = { practicedOn, time, source, minutes, step, note, draft };
  const [start] = useState(now);
  const initial = JSON.stringify(start);
  // Unsaved contents are kept (encrypted, in the vault) while typing, and offered back after a lock.
  const kept = useDraft<typeof now>(practiceDraftKey(a, record ? { edit: record.id } : 'add'), now, start, (v) => {
    setOn(v.practicedOn);
    setTime(v.time);
    setSource(v.source);
    setMinutes(v.minutes);
    setStep(v.step);
    setNote(v.note);
    setDraft(v.draft);
  });
  const unsaved = useUnsavedChanges(JSON.stringify(now) !== initial, `the practice record of “${a.title}”`, kept.discard);
  const create = useCreatePractice();
  const update = useUpdatePractice();
  const saving = create.isPending || update.isPending;
  const error = record ? update.error : create.error;
  const server = fieldsOf(error, record ? 'record.' : '');
  const errors = { ...server, ...local };
  const answerErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('answers.'))
      .map(([k, m]) => [k.slice('answers.'.length), m]),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const steps = ladderSteps(a);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (Object.keys(errors).length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- after each failed save only
  }, [error, local]);

  const change = (path: string, value: DraftValue) => setDraft((d) => ({ ...d, [path]: value }));

  const submit = async () => {
    const { answers, errors: answerProblems } = answersOf(a.definition, draft);
    const problems: Record<string, string> = {};
    for (const [k, m] of Object.entries(answerProblems)) problems[`answers.${k}`] = m;
    const mins = minutes.trim() ? parseNumber(minutes) : null;
    if (mins === undefined) problems.durationMinutes = 'Please enter the minutes as a number, for example 20.';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const fields: PracticeFields = {
      practicedOn,
      practicedTime: time || null,
      source,
      durationMinutes: mins ?? null,
      ladderStep: step ? Number(step) : null,
      note: note.trim() || null,
      answers,
    };
    try {
      if (record) await update.mutateAsync({ id: record.id, record: fields });
      else await create.mutateAsync({ assignmentId: a.id, ...fields });
      unsaved.saved();
      kept.discard();
      onDone(`Practice on ${formatDate(practicedOn, undefined, 'medium')} ${record ? 'updated' : 'saved'}.`);
    } catch {
      // The messages show at the fields.
    }
  };

  const shown = [
    'practicedOn',
    'practicedTime',
    'durationMinutes',
    'ladderStep',
    'note',
    ...Object.keys(server).filter((k) => k.startsWith('answers.')),
  ];
  return (
    <form
      ref={form}
      className="practice-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 ref={heading} tabIndex={-1}>
        {record ? 'Edit practice' : 'Add practice'}: {a.title}
      </h2>
      {kept.banner}
      <FormError
        message={
          Object.keys(local).length ? 'Please check the fields marked below.' : formMessage(error, shown, record ? 'record.' : '')
        }
      />
      <div className="practice-when">
        <TextField
          type="date"
          label="Day of the practice"
          hint={`From ${formatDate(a.startDate, undefined, 'medium')} to today.`}
          required
          value={practicedOn}
          min={a.startDate}
          max={today}
          error={errors.practicedOn}
          onChange={(e) => setOn(e.target.value)}
        />
        <TextField
          type="time"
          label="Time (optional)"
          value={time}
          error={errors.practicedTime}
          onChange={(e) => setTime(e.target.value)}
        />
        <SelectField
          label="Source"
          value={source}
          onChange={(e) => setSource(e.target.value as typeof source)}
          options={(record?.source === 'pdf' ? (['paper', 'session', 'pdf'] as const) : (['paper', 'session'] as const)).map(
            (s) => ({
              value: s,
              label: PRACTICE_SOURCE_LABELS[s],
            }),
          )}
        />
        <TextField
          label="Time spent (minutes, optional)"
          inputMode="numeric"
          className="field-number"
          value={minutes}
          error={errors.durationMinutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        {steps ? (
          <SelectField
            label="Ladder step practised"
            value={step}
            error={errors.ladderStep}
            onChange={(e) => setStep(e.target.value)}
            options={[
              { value: '', label: 'Not recorded' },
              ...Array.from({ length: steps }, (_, i) => ({ value: String(i + 1), label: `Step ${i + 1} of ${steps}` })),
            ]}
          />
        ) : null}
      </div>
      <AnswerForm definition={a.definition} draft={draft} onChange={change} errors={answerErrors} />
      <TextArea
        label="Note (optional)"
        rows={2}
        limit={TEXT_LIMITS.long}
        value={note}
        error={errors.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : record ? 'Save changes' : 'Save practice'}
        </button>
        <button type="button" onClick={() => unsaved.confirmLeave(onCancel)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "Mon 9 Mar" in the clinician's locale. */
export function dayLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The first day of the assignment's current week (weeks counted from its start), never after today. */
export function currentWeekStart(start: string, today: string): string {
  if (today <= start) return start;
  return addDays(start, Math.floor(daysBetween(start, today) / 7) * 7);
}

/**
 * A daily log's week at once, from the client's paper: a row per day, a column per row of the
 * worksheet's grid; Tab goes through the cells in reading order; one save (all or none).
 */
export function WeekGrid({ assignment: a, onDone, onCancel }: Common) {
  const grid = a.definition.blocks.find((b) => b.type === 'dailyGrid');
  const today = localIsoDate(new Date());
  const [weekStart, setWeekStart] = useState(currentWeekStart(a.startDate, today));
  const [draft, setDraft] = useState<Draft>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  const typed = Object.values(draft).some((v) => v === true || (typeof v === 'string' && v.trim() !== ''));
  const [start] = useState(() => ({ weekStart, draft: {} as Draft }));
  const now = typed ? { weekStart, draft } : start;
  const kept = useDraft<typeof now>(practiceDraftKey(a, 'week'), now, start, (v) => {
    setWeekStart(v.weekStart);
    setDraft(v.draft);
  });
  const unsaved = useUnsavedChanges(typed, `the week of “${a.title}”`, kept.discard);
  const save = useCreateManyPractice();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!grid || grid.type !== 'dailyGrid') return null;
  const days = Array.from({ length: Math.min(grid.days, 7) }, (_, i) => addDays(weekStart, i));
  // Rows are keyed by the day's index in the week: `${grid.id}.${d}.${item}` in `draft`.
  const rowDraft = (d: number): Draft => {
    const out: Draft = {};
    for (const it of grid.items) {
      const v = draft[`${grid.id}.${d}.${it.id}`];
      if (v !== undefined) out[`${grid.id}.0.${it.id}`] = v;
    }
    return out;
  };
  const filled = (d: number) => Object.values(rowDraft(d)).some((v) => v === true || (typeof v === 'string' && v.trim()));
  const server = fieldsOf(save.error);
  // The core names records by their place in what was sent: map them back to the days.
  const sent = days.map((_, d) => d).filter(filled);
  const errorsByDay: Record<number, string[]> = {};
  for (const [k, m] of Object.entries(server)) {
    const i = /^records\.(\d+)\./.exec(k);
    const d = i ? sent[Number(i[1])] : undefined;
    if (d !== undefined) (errorsByDay[d] ??= []).push(m);
  }
  for (const [k, m] of Object.entries(local)) (errorsByDay[Number(k)] ??= []).push(m);

  const submit = async () => {
    const problems: Record<string, string> = {};
    const records: PracticeFields[] = [];
    for (const d of days.map((_, i) => i).filter(filled)) {
      const { answers, errors } = answersOf(a.definition, rowDraft(d));
      const first = Object.values(errors)[0];
      if (first) problems[d] = first;
      if (days[d]! > today) problems[d] = 'This day is in the future.';
      records.push({ practicedOn: days[d]!, source: 'paper', answers });
    }
    if (!records.length) problems[0] = 'Nothing is filled in yet: type the client’s entries for at least one day.';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    try {
      await save.mutateAsync({ assignmentId: a.id, records });
      unsaved.saved();
      kept.discard();
      onDone(`${records.length} day${records.length === 1 ? '' : 's'} of “${a.title}” saved.`);
    } catch {
      // The messages show beside the days.
    }
  };

  return (
    <form
      className="practice-form week-grid"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 ref={heading} tabIndex={-1}>
        Enter a week: {a.title}
      </h2>
      {kept.banner}
      <p className="muted">
        Type the client’s paper log day by day. Tab moves to the next cell; empty days are left out. Saved at once: all days, or
        none.
      </p>
      <FormError message={save.isError && !Object.keys(server).length ? formMessage(save.error, []) : null} />
      <TextField
        type="date"
        label="Week starting"
        className="field-week"
        value={weekStart}
        min={a.startDate}
        max={today}
        onChange={(e) => e.target.value && setWeekStart(e.target.value)}
      />
      <div className="table-scroll">
        <table className="entry-table week-table">
          <caption className="visually-hidden">{grid.label}, one row per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {grid.items.map((it) => (
                <th key={it.id} scope="col">
                  {it.label}
                  {it.kind === 'rating' && it.scale ? (
                    <span className="th-sub">
                      {it.scale.min}–{it.scale.max}
                    </span>
                  ) : null}
                  {it.kind === 'number' && it.unit ? <span className="th-sub">{it.unit}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, d) => {
              const outside = day > today || day < a.startDate;
              const label = dayLabel(day);
              return (
                <tr key={day} className={errorsByDay[d] ? 'row-invalid' : undefined}>
                  <th scope="row">
                    {label}
                    {errorsByDay[d]?.map((m) => (
                      <span key={m} className="field-error cell-error" role="alert">
                        {m}
                      </span>
                    ))}
                  </th>
                  {grid.items.map((it) => (
                    <td key={it.id}>
                      {outside ? (
                        <span className="muted">—</span>
                      ) : (
                        <Cell
                          kind={it.kind}
                          label={`${label}: ${it.label}`}
                          path={`${grid.id}.${d}.${it.id}`}
                          draft={draft}
                          onChange={(p, v) => setDraft((x) => ({ ...x, [p]: v }))}
                          invalid={!!errorsByDay[d]}
                          scale={it.scale}
                        />
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save the week'}
        </button>
        <button type="button" onClick={() => unsaved.confirmLeave(onCancel)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
