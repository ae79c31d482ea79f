import type { CaseloadEntry } from '../../../../shared/contract';
import './measures.css';

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
