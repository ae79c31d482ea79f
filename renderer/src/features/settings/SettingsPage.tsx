import { useState } from 'react';
import type { Settings } from '../../../../shared/settings';
import { api, errorMessage, fieldErrors, unwrap } from '../../api/client';
import { useSettings, useUpdateSettings } from '../../api/settings';
import { useVaultInfo } from '../../api/vault';
import { ExportDialog } from '../../components/ExportDialog';
import { FormError, SelectField, TextField } from '../../components/Field';
import { NewPassphraseForm, RecoveryKeyNotice } from '../vault';
import { RciSettings } from '../measures';
import { ActivityLog } from './ActivityLog';
import { BackupSection } from './BackupSection';
import { NewKeys } from './NewKeys';

export function SettingsPage() {
  const settings = useSettings();
  const info = useVaultInfo();
  const save = useUpdateSettings();
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);
  const [verify, setVerify] = useState<string | null>(null);
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const s = settings.data;
  const errs = fieldErrors(save.error);

  if (newRecoveryKey)
    return (
      <div className="page narrow">
        <RecoveryKeyNotice
          inline
          recoveryKey={newRecoveryKey}
          title="Your new recovery key"
          lead="The vault has new keys. Your old recovery key no longer works: destroy it. Write this one down or print it, and keep it somewhere safe — away from this computer. Stepwise shows it only now."
          doneLabel="Back to Settings"
          onDone={() => setNewRecoveryKey(null)}
        />
      </div>
    );

  return (
    <section className="page narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <p className="muted">
        Preferences only. They are kept on this computer, outside the vault, and hold no client information.
      </p>
      <FormError message={save.error ? errorMessage(save.error) : null} />
      {s ? (
        <div className="card stack">
          <h2>Printing</h2>
          <SelectField
            label="Paper size"
            value={s.paperSize}
            onChange={(e) => save.mutate({ paperSize: e.target.value as Settings['paperSize'] })}
            options={[
              { value: 'a4', label: 'A4' },
              { value: 'letter', label: 'US Letter' },
            ]}
          />
          <SelectField
            label="Client’s name on worksheets"
            value={s.nameOnWorksheets}
            onChange={(e) => save.mutate({ nameOnWorksheets: e.target.value as Settings['nameOnWorksheets'] })}
            options={[
              { value: 'full', label: 'Full name' },
              { value: 'initials', label: 'Initials only' },
            ]}
          />
          <div className="check">
            <input
              id="large-print"
              type="checkbox"
              checked={s.largePrintDefault}
              onChange={(e) => save.mutate({ largePrintDefault: e.target.checked })}
            />
            <label htmlFor="large-print">Use large print by default</label>
          </div>
          <h2>Security</h2>
          <TextField
            label="Lock automatically after (minutes)"
            type="number"
            min={1}
            max={60}
            defaultValue={s.autoLockMinutes}
            hint="1 to 60 minutes without using the computer. Stepwise also locks when the screen locks or the computer sleeps, and with the Lock button or Ctrl+L."
            error={errs.autoLockMinutes}
            onBlur={(e) => save.mutate({ autoLockMinutes: Number(e.target.value) })}
          />
        </div>
      ) : null}
      <div className="card stack">
        <h2>Passphrase</h2>
        {changed ? <p role="status">Your passphrase was changed. Use the new one next time you unlock.</p> : null}
        {changing ? (
          <NewPassphraseForm
            onDone={() => {
              setChanging(false);
              setChanged(true);
            }}
            onCancel={() => setChanging(false)}
          />
        ) : (
          <div className="actions">
            <button type="button" onClick={() => setChanging(true)}>
              Change passphrase
            </button>
          </div>
        )}
      </div>
      {s ? <BackupSection settings={s} save={(patch) => save.mutate(patch)} /> : null}
      <NewKeys onDone={setNewRecoveryKey} />
      <div className="card stack">
        <h2>Vault</h2>
        {info.data ? (
          <dl className="facts">
            <dt>Encryption</dt>
            <dd>{info.data.cipher}</dd>
            <dt>Passphrase protection</dt>
            <dd>{info.data.kdf}</dd>
            <dt>Format version</dt>
            <dd>{info.data.schemaVersion}</dd>
          </dl>
        ) : null}
        <div className="actions">
          <button
            type="button"
            onClick={async () => {
              setVerify('Checking…');
              try {
                const r = await unwrap(api().vault.verify());
                setVerify(
                  r.healthy ? 'The vault is healthy.' : 'The vault has problems. Restore it from a backup, or contact support.',
                );
              } catch (e) {
                setVerify(errorMessage(e));
              }
            }}
          >
            Verify the vault
          </button>
        </div>
        {verify ? <p role="status">{verify}</p> : null}
      </div>
      <div className="card stack">
        <h2>Your data</h2>
        <p>
          Export every client — goals, homework, sessions, reviews and practice records — as JSON or as CSV files for a
          spreadsheet. To export one client, use Export… on their page.
        </p>
        <div className="actions">
          <button type="button" onClick={() => setExporting(true)}>
            Export all clients…
          </button>
        </div>
      </div>
      <RciSettings />
      <ExportDialog open={exporting} onClose={() => setExporting(false)} who="all clients" />
      <ActivityLog />
    </section>
  );
}
