import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AuditFilter } from '../../../../shared/contract';
import { api, errorMessage, unwrap } from '../../api/client';
import { useClientList } from '../../api/clients';
import { queryKeys } from '../../api/keys';
import { SelectField, TextField } from '../../components/Field';

const KINDS = ['created', 'changed', 'viewed', 'exported', 'printed', 'archived', 'restored', 'unlocked'];

/** Settings → Activity log: what happened to which record and when (never the content), filtered, as CSV. */
export function ActivityLog() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const clients = useClientList('', 'all');
  const events = useQuery({
    queryKey: queryKeys.audit.list(filter),
    queryFn: () => unwrap(api().audit.list({ ...filter, limit: 200 })),
  });
  const [csvError, setCsvError] = useState<string | null>(null);
  const [csvSaved, setCsvSaved] = useState<string | null>(null);
  const names = new Map((clients.data ?? []).map((c) => [c.id, c.name]));
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));

  /** Saved by the main process where the clinician chooses (the system's save dialog), like other saves. */
  async function exportCsv() {
    setCsvError(null);
    setCsvSaved(null);
    try {
      const r = await unwrap(api().output.saveActivityCsv(filter));
      if (r.saved) setCsvSaved(`Saved ${r.rows} event${r.rows === 1 ? '' : 's'} as ${r.fileName}.`);
    } catch (e) {
      setCsvError(errorMessage(e));
    }
  }

  return (
    <div className="card stack" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity log</h2>
      <p className="muted">
        What was done to which record and when — never the content. The log is chained, so a change to it shows when the vault is
        verified.
      </p>
      <div className="filters">
        <SelectField
          label="Client"
          value={filter.clientId ?? ''}
          onChange={(e) => set({ clientId: e.target.value || undefined })}
          options={[{ value: '', label: 'All' }, ...(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
        <SelectField
          label="Kind"
          value={filter.action ?? ''}
          onChange={(e) => set({ action: e.target.value || undefined })}
          options={[{ value: '', label: 'All' }, ...KINDS.map((k) => ({ value: k, label: k }))]}
        />
        <TextField
          label="From"
          type="date"
          value={filter.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
        <TextField label="To" type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      </div>
      {events.isError ? <p role="alert">{errorMessage(events.error)}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Record</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {(events.data ?? []).map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.action}</td>
              <td>
                {e.entity}
                {e.entityId && names.has(e.entityId) ? ` — ${names.get(e.entityId)}` : ''}
              </td>
              <td>{e.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          Save as CSV…
        </button>
      </div>
      {csvSaved ? <p role="status">{csvSaved}</p> : null}
      {csvError ? <p role="alert">{csvError}</p> : null}
    </div>
  );
}
