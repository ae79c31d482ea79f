import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../../shared/settings';
import { api, errorMessage, unwrap } from '../../api/client';
import { TextField } from '../../components/Field';
import { useBackupStatus } from '../../api/backup';
import { queryKeys } from '../../api/keys';
import { lastBackupLine } from '../../components/backupText';
import './settings.css';

/** Settings → Backups: where they go, the last good one, back up now, check a backup. */
export function BackupSection({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => void }) {
  const qc = useQueryClient();
  const status = useBackupStatus();
  const [checkFile, setCheckFile] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const backUp = useMutation({
    mutationFn: (folder: string) => unwrap(api().backup.create({ folder })),
    onSuccess: (r) => {
      setCheckFile(r.file);
      setMessage(`Backed up and checked: ${r.file}`);
      void qc.invalidateQueries({ queryKey: queryKeys.backup.all });
    },
    onError: (e) => setMessage(errorMessage(e)),
  });
  const check = useMutation({
    mutationFn: (file: string) => unwrap(api().backup.check({ file })),
    onSuccess: (r) =>
      setMessage(
        r.healthy
          ? `That backup (made ${new Date(r.createdAt).toLocaleString()}) is good: ${r.counts.client ?? 0} clients, ${r.counts.assignment ?? 0} assignments.`
          : `That backup has problems: ${r.integrity}`,
      ),
    onError: (e) => setMessage(errorMessage(e)),
  });
  /** The system's dialogs (in the main process): the backup folder, or a backup file to check. */
  async function choose(kind: 'folder' | 'file') {
    try {
      if (kind === 'folder') {
        const r = await unwrap(api().output.chooseFolder({ purpose: 'backupFolder' }));
        if (r.path) save({ backupFolder: r.path });
      } else {
        const r = await unwrap(api().output.chooseBackupFile());
        if (r.path) setCheckFile(r.path);
      }
    } catch (e) {
      setMessage(errorMessage(e));
    }
  }
  const stale = status.data?.stale;
  return (
    <div className="card stack" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p role={stale ? 'alert' : 'status'} className={stale ? 'warning' : 'muted'}>
        {lastBackupLine(status.data)}
      </p>
      <div className="field">
        <span className="field-label" id="backup-folder-label">
          Backup folder
        </span>
        <p className="path" aria-labelledby="backup-folder-label" data-testid="backup-folder">
          {settings.backupFolder ?? 'None chosen yet.'}
        </p>
        <p className="field-hint">
          An external drive or a synced folder. Backups are encrypted: they open only with your passphrase or recovery key.
        </p>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void choose('folder')}>
            {settings.backupFolder ? 'Choose another backup folder…' : 'Choose the backup folder…'}
          </button>
        </div>
      </div>
      <div className="check">
        <input
          id="auto-backup"
          type="checkbox"
          checked={settings.autoBackup}
          onChange={(e) => save({ autoBackup: e.target.checked })}
        />
        <label htmlFor="auto-backup">Back up automatically every day and when quitting (keeps 7 daily and 4 weekly)</label>
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={!settings.backupFolder || backUp.isPending}
          onClick={() => settings.backupFolder && backUp.mutate(settings.backupFolder)}
        >
          {backUp.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <TextField label="Check a backup (file)" value={checkFile} onChange={(e) => setCheckFile(e.target.value)} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void choose('file')}>
          Choose a backup to check…
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!checkFile || check.isPending}
          onClick={() => check.mutate(checkFile)}
        >
          {check.isPending ? 'Checking…' : 'Check this backup'}
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
