import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { useDeleteClient } from '../api/clients';
import { Dialog } from './Dialog';

/** The same name, give or take case and spaces: what the clinician types to confirm. */
export function sameName(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(typed) !== '' && norm(typed) === norm(name);
}

interface Props {
  open: boolean;
  client: { id: string; name: string };
  onClose: () => void;
  /** After the deletion (the client no longer exists). */
  onDeleted: (r: { tracesOverwritten: boolean }) => void;
}

/**
 * Asks before deleting an archived client for good: says what goes (everything), what stays (a
 * line in the activity log without anything about them; backups made before), and asks for the
 * client's name typed out. Focus starts in the name field; Escape or Cancel leaves everything.
 */
export function DeleteClientDialog({ open, client, onClose, onDeleted }: Props) {
  return (
    <Dialog open={open} title={`Delete ${client.name} for good?`} onClose={onClose} role="alertdialog" className="confirm">
      <DeleteClientForm client={client} onClose={onClose} onDeleted={onDeleted} />
    </Dialog>
  );
}

function DeleteClientForm({ client, onClose, onDeleted }: Omit<Props, 'open'>) {
  const del = useDeleteClient();
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const matches = sameName(typed, client.name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!matches || del.isPending) return;
    try {
      const r = await del.mutateAsync({ id: client.id });
      onDeleted(r);
    } catch {
      // The message shows below.
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="dialog-body stack">
        <p>
          This deletes {client.name} and everything of theirs from this vault: their details and goals, every assignment, session
          and session note, homework review and practice record, imported worksheets and unsaved drafts.{' '}
          <strong>This cannot be undone.</strong>
        </p>
        <p>The activity log keeps one line saying that a client record was deleted, with nothing about who it was.</p>
        <p>
          Backups made before now still contain {client.name}. Automatic backups in your backup folder are replaced within about
          five weeks; backups you made yourself stay until you delete those files.
        </p>
      </div>
      <div className={`field${tried && !matches ? ' field-invalid' : ''}`}>
        <label htmlFor={inputId}>Type the client’s name to confirm</label>
        <input
          id={inputId}
          value={typed}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={tried && !matches}
          data-autofocus
          onChange={(e) => setTyped(e.target.value)}
        />
        <p id={hintId} className={tried && !matches ? 'field-error' : 'field-hint'}>
          {tried && !matches ? `Type “${client.name}” exactly as shown to delete.` : `As shown: ${client.name}`}
        </p>
      </div>
      {del.isError ? (
        <div className="form-error" role="alert">
          {errorMessage(del.error)}
        </div>
      ) : null}
      <div className="actions dialog-actions">
        <button type="submit" className="danger" disabled={del.isPending} aria-disabled={!matches}>
          {del.isPending ? 'Deleting…' : 'Delete for good'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
