import { Link } from 'react-router';
import type { CaseloadEntry } from '../../../../shared/contract';
import { errorMessage } from '../../api/client';
import { useCaseload } from '../../api/measures';
import { FormError } from '../../components/Field';
import './measures.css';

/**
 * Today: who needs attention and why, one line each (reliable deterioration, no reliable
 * improvement after six sessions, homework under half for three weeks, no measure for four
 * weeks). Item 9 has its own notices above, with the form to acknowledge it.
 */
export function CaseloadAttention() {
  const caseload = useCaseload();
  if (caseload.isError) return <FormError message={errorMessage(caseload.error)} />;
  const entries = (caseload.data ?? [])
    .map((e) => ({ ...e, flags: e.flags.filter((f) => f.kind !== 'item9') }))
    .filter((e) => e.flags.length > 0);
  if (entries.length === 0) return null;
  return (
    <section className="card today-group" aria-labelledby="today-attention">
      <h2 id="today-attention">
        Needs attention <span className="muted">({entries.length})</span>
      </h2>
      <ul className="today-list attention-list">
        {entries.map((e) => (
          <li key={e.clientId}>
            <Link to={`/clients/${e.clientId}`} className="today-client">
              {e.clientName}
              {e.clientPreferredName ? ` (${e.clientPreferredName})` : ''}
            </Link>
            <CaseloadLines flags={e.flags} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A client's flags, one line each (the client list shows them under the name). */
export function CaseloadLines({ flags }: { flags: CaseloadEntry['flags'] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="flag-lines">
      {flags.map((f) => (
        <li key={f.kind}>{f.line}</li>
      ))}
    </ul>
  );
}
