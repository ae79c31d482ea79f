import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, fieldErrors, unwrap } from '../../api/client';
import { TextField } from '../../components/Field';
import { RadioGroup } from '../../components/RadioGroup';
import './settings.css';

type Target = 'new' | 'replace';

const count = (n: number | undefined, what: string) => `${n ?? 0} ${what}${n === 1 ? '' : 's'}`;

/**
 * Settings → Restore from a backup: choose a backup file (the system's dialog), say how it opens
 * (the passphrase it was made with, or the recovery key), then restore it into a new, empty folder
 * (this vault stays as it is) or in place of this vault after a clear confirmation (the current
 * vault is kept aside until the restored one has opened and passed its check).
 */
export function RestoreSection() {
  const qc = useQueryClient();
  const [file, setFile] = useState<string | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [target, setTarget] = useState<Target>('new');
  const [folder, setFolder] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  const restore = useMutation({
    mutationFn: () =>
      unwrap(
        api().backup.restore({
          file: file!,
          secret: useRecovery ? { recoveryKey: secret } : { passphrase: secret },
          target: target === 'new' ? { kind: 'new', vaultDir: folder! } : { kind: 'replace', confirmed: true },
        }),
      ),
    onSuccess: (r) => {
      const when = new Date(r.createdAt).toLocaleString();
      const what = `${count(r.check.counts.client, 'client')}, ${count(r.check.counts.assignment, 'assignment')}`;
      setSecret('');
      setConfirmed(false);
      if (target === 'replace') {
        setMessage(
          `This vault now holds the backup made ${when} (${what}). From now on, unlock it with the ${useRecovery ? 'recovery key' : 'passphrase'} of that backup.`,
        );
        // Everything shown so far came from the vault that was replaced.
        void qc.invalidateQueries();
      } else {
        setMessage(`The backup made ${when} (${what}) was restored into ${r.vaultDir}. This vault was not changed.`);
      }
    },
  });

  async function choose(kind: 'file' | 'folder') {
    setPickError(null);
    try {
      if (kind === 'file') {
        const r = await unwrap(api().output.chooseBackupFile());
        if (r.path) setFile(r.path);
      } else {
        const r = await unwrap(api().output.chooseFolder({ purpose: 'restoreFolder' }));
        if (r.path) setFolder(r.path);
      }
    } catch (e) {
      setPickError(errorMessage(e));
    }
  }

  const errs = fieldErrors(restore.error);
  const ready = !!file && secret.length > 0 && (target === 'new' ? !!folder : confirmed) && !restore.isPending;
  return (
    <div className="card stack" aria-labelledby="restore-title">
      <h2 id="restore-title">Restore from a backup</h2>
      <p className="muted">
        Opens a backup with the passphrase it was made with (or your recovery key) and checks it before anything is changed.
      </p>
      <div className="field">
        <span className="field-label" id="restore-file-label">
          Backup file
        </span>
        <p className="path" aria-labelledby="restore-file-label">
          {file ?? 'None chosen yet.'}
        </p>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void choose('file')}>
            Choose a backup file…
          </button>
        </div>
      </div>
      <div className="check">
        <input
          id="restore-use-recovery"
          type="checkbox"
          checked={useRecovery}
          onChange={(e) => {
            setUseRecovery(e.target.checked);
            setSecret('');
          }}
        />
        <label htmlFor="restore-use-recovery">Use the recovery key instead of the passphrase</label>
      </div>
      <TextField
        label={useRecovery ? 'Recovery key' : 'Passphrase of the backup'}
        type={useRecovery ? 'text' : 'password'}
        autoComplete="off"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        hint={useRecovery ? undefined : 'The passphrase you used when the backup was made.'}
        error={errs['secret.passphrase'] ?? errs['secret.recoveryKey']}
      />
      <RadioGroup<Target>
        legend="Restore it"
        value={target}
        onChange={(v) => {
          setTarget(v);
          setConfirmed(false);
          setMessage(null);
        }}
        options={[
          { value: 'new', label: 'Into a new, empty folder — this vault stays as it is' },
          { value: 'replace', label: 'In place of this vault' },
        ]}
      />
      {target === 'new' ? (
        <div className="field">
          <span className="field-label" id="restore-folder-label">
            New folder
          </span>
          <p className="path" aria-labelledby="restore-folder-label">
            {folder ?? 'None chosen yet.'}
          </p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void choose('folder')}>
              Choose a new folder…
            </button>
          </div>
        </div>
      ) : (
        <div className="warning-box" role="note">
          <p>
            <strong>Everything in this vault now will be replaced</strong> by what the backup holds. Records added or changed
            since the backup was made will be gone. The current vault is kept aside until the restored one has opened and passed
            its check; if anything fails, it is put back.
          </p>
          <div className="check">
            <input id="restore-confirm" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            <label htmlFor="restore-confirm">I understand: replace this vault with the backup.</label>
          </div>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className={target === 'replace' ? 'danger' : 'primary'}
          disabled={!ready}
          onClick={() => restore.mutate()}
        >
          {restore.isPending ? 'Restoring…' : target === 'replace' ? 'Replace this vault' : 'Restore into the new folder'}
        </button>
      </div>
      {pickError ? <p role="alert">{pickError}</p> : null}
      {restore.isError ? <p role="alert">{errorMessage(restore.error)}</p> : null}
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
