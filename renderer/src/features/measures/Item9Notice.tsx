import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { item9AckFormSchema, type Item9Open } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/dates';
import { useAcknowledgeItem9, useItem9Open } from '../../api/measures';
import { errorMessage } from '../../api/client';
import { FormError, TextArea } from '../../components/Field';
import { errorMessages, showServerErrors } from '../../components/forms';
import './measures.css';

/**
 * PHQ-9 item 9 answered above 0, shown to the clinician until they acknowledge it with a note:
 * on the client page (`clientId`) and on Today (every client). Calm and clear, never alarming;
 * never on anything made for the client.
 */
export function Item9Notices({ clientId, showName }: { clientId: string | null; showName: boolean }) {
  const open = useItem9Open(clientId);
  if (open.isError) return <FormError message={errorMessage(open.error)} />;
  if (!open.data?.length) return null;
  return (
    <div className="item9-notices">
      {open.data.map((o) => (
        <Item9Notice key={o.resultId} flag={o} showName={showName} />
      ))}
    </div>
  );
}

type Values = z.input<typeof item9AckFormSchema>;

/**
 * One item 9 notice with its acknowledgement form. On Today (`showName`), `detail` tells the client
 * apart from a namesake (date of birth, start date).
 */
export function Item9Notice({ flag, showName, detail }: { flag: Item9Open; showName: boolean; detail?: string | null }) {
  const ack = useAcknowledgeItem9();
  const titleId = useId();
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof item9AckFormSchema>>({
    defaultValues: { note: '' },
    resolver: zodResolver(item9AckFormSchema),
  });
  const errs = errorMessages(formState.errors);
  const who = flag.clientPreferredName ?? flag.clientName;
  const submit = handleSubmit(async (v) => {
    try {
      await ack.mutateAsync({ id: flag.resultId, note: v.note });
    } catch (e) {
      showServerErrors(setError, e);
    }
  });
  return (
    <section className="item9-notice" aria-labelledby={titleId}>
      <h2 id={titleId}>
        PHQ-9 item 9{showName ? ` — ${flag.clientName}` : ''}
        {showName && detail ? <span className="muted"> ({detail})</span> : null}: please acknowledge
      </h2>
      <p>
        On {formatDate(flag.administeredOn)}, {who} answered <strong>“{flag.answerLabel}”</strong> to item 9 (thoughts of being
        better off dead or of self-harm). Add a note of what you did or decided; the flag stays here until you do.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextArea
          label="Your note"
          hint="For example: asked directly; no plan or intent; safety plan reviewed."
          rows={2}
          error={errs['note']}
          {...register('note')}
        />
        <FormError message={ack.isError && !errs['note'] ? errorMessage(ack.error) : null} />
        <div className="actions">
          <button type="submit" className="primary" disabled={ack.isPending}>
            Acknowledge
          </button>
        </div>
      </form>
    </section>
  );
}
