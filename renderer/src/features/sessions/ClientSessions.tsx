import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate, localIsoDate } from '../../../../shared/dates';
import { ATTENDANCE_LABELS, MODALITY_LABELS } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { useClient } from '../../api/clients';
import { useCreateSession, useSessions } from '../../api/sessions';
import { Badge } from '../../components/Badge';
import { FormError } from '../../components/Field';
import './sessions.css';

const pad = (n: number) => String(n).padStart(2, '0');

/** The Sessions tab: every session of the client, newest first, and "Start session". */
export function ClientSessions() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useClient(id);
  const sessions = useSessions(id);
  const create = useCreateSession();
  const [error, setError] = useState<string | null>(null);

  if (sessions.isPending) return <p className="muted">Loading sessions…</p>;
  if (sessions.isError) return <FormError message={errorMessage(sessions.error)} />;

  const archived = client.data?.status === 'archived';
  const open = sessions.data.find((s) => s.finishedAt === null);

  const start = async () => {
    setError(null);
    if (open) {
      navigate(`/clients/${id}/sessions/${open.id}`);
      return;
    }
    const now = new Date();
    try {
      const s = await create.mutateAsync({
        clientId: id,
        date: localIsoDate(now),
        time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
      });
      navigate(`/clients/${id}/sessions/${s.id}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="sessions-tab">
      <div className="actions sessions-actions">
        {archived ? null : (
          <button type="button" className="primary" onClick={() => void start()} disabled={create.isPending}>
            {open ? `Resume session ${open.number}` : 'Start session'}
          </button>
        )}
        {open ? <span className="muted">Session {open.number} is not finished yet; it carries on where you stopped.</span> : null}
      </div>
      <FormError message={error} />
      {sessions.data.length === 0 ? (
        <div className="empty">
          <h2>No sessions yet</h2>
          <p>
            Start a session when you meet: it walks through last week’s homework one assignment at a time, then your notes, new
            homework and the handout for the client. Everything is saved as you go.
          </p>
        </div>
      ) : (
        <table className="sessions-table">
          <caption className="visually-hidden">Sessions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Date</th>
              <th scope="col">Attendance</th>
              <th scope="col">How</th>
              <th scope="col">Homework reviewed</th>
              <th scope="col">
                <span className="visually-hidden">State</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/clients/${id}/sessions/${s.id}`}>Session {s.number}</Link>
                </td>
                <td>
                  {formatDate(s.date, undefined, 'medium')}
                  {s.time ? <span className="muted"> {s.time}</span> : null}
                </td>
                <td>{ATTENDANCE_LABELS[s.attendance]}</td>
                <td>{MODALITY_LABELS[s.modality]}</td>
                <td>{s.reviewCount}</td>
                <td>{s.finishedAt ? <Badge tone="muted">Finished</Badge> : <Badge tone="warn">In progress</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
