import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ActivityLog } from '../../renderer/src/features/settings/ActivityLog';
import { BackupSection } from '../../renderer/src/features/settings/BackupSection';
import { RestoreSection } from '../../renderer/src/features/settings/RestoreSection';
import { RecoveryKeyNotice } from '../../renderer/src/features/vault';
import { renderRoute } from './support/render';

const check = { healthy: true, integrity: 'ok', createdAt: '2026-11-20T09:00:00.000Z', schemaVersion: 4, counts: { client: 1 } };

describe('Settings: backups, restore, activity log and the recovery key', () => {
  it('takes the backup folder from the system folder dialog and saves it; a cancel changes nothing', async () => {
    const saved: unknown[] = [];
    let next: string | null = '/media/drive/Stepwise';
    const { user, core } = renderRoute({
      path: '/settings',
      url: '/settings',
      element: <BackupSection settings={DEFAULT_SETTINGS} save={(p) => saved.push(p)} />,
      handlers: {
        backup: { status: () => ({ lastBackupAt: null, lastBackupFile: null, stale: true, due: true }) },
        output: { chooseFolder: () => ({ path: next }) },
      },
    });
    expect(screen.getByText('None chosen yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Choose the backup folder…' }));
    await waitFor(() => expect(saved).toEqual([{ backupFolder: '/media/drive/Stepwise' }]));
    next = null;
    await user.click(screen.getByRole('button', { name: 'Choose the backup folder…' }));
    await waitFor(() => expect(core.inputs.output.chooseFolder).toHaveLength(2));
    expect(saved).toHaveLength(1);
    expect(core.inputs.output.chooseFolder[0]).toEqual({ purpose: 'backupFolder' });
    expect(core.problems).toEqual([]);
  });

  it('restores into a new folder only once a file, the passphrase and a folder are given', async () => {
    const { user, core } = renderRoute({
      path: '/settings',
      url: '/settings',
      element: <RestoreSection />,
      handlers: {
        output: {
          chooseBackupFile: () => ({ path: '/media/drive/b.swbackup' }),
          chooseFolder: () => ({ path: '/home/me/Restored' }),
        },
        backup: { restore: () => ({ vaultDir: '/home/me/Restored', createdAt: check.createdAt, check }) },
      },
    });
    const go = screen.getByRole('button', { name: 'Restore into the new folder' });
    expect(go.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Choose a backup file…' }));
    await screen.findByText('/media/drive/b.swbackup');
    await user.type(screen.getByLabelText('Passphrase of the backup'), 'old pass phrase');
    expect(go.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Choose a new folder…' }));
    await screen.findByText('/home/me/Restored');
    await user.click(go);
    expect(await screen.findByText(/\(1 client, 0 assignments\) was restored into \/home\/me\/Restored/)).toBeTruthy();
    expect(core.inputs.backup.restore).toEqual([
      {
        file: '/media/drive/b.swbackup',
        secret: { passphrase: 'old pass phrase' },
        target: { kind: 'new', vaultDir: '/home/me/Restored' },
      },
    ]);
    expect(core.inputs.output.chooseFolder).toEqual([{ purpose: 'restoreFolder' }]);
    expect(core.problems).toEqual([]);
  });

  it('replaces the vault only after the clear confirmation, with the recovery key if chosen', async () => {
    const { user, core } = renderRoute({
      path: '/settings',
      url: '/settings',
      element: <RestoreSection />,
      handlers: {
        output: { chooseBackupFile: () => ({ path: '/media/drive/b.swbackup' }) },
        backup: { restore: () => ({ vaultDir: '/vault', createdAt: check.createdAt, check }) },
      },
    });
    await user.click(screen.getByRole('button', { name: 'Choose a backup file…' }));
    await screen.findByText('/media/drive/b.swbackup');
    await user.click(screen.getByLabelText('Use the recovery key instead of the passphrase'));
    await user.type(screen.getByLabelText('Recovery key'), 'AAAA-BBBB');
    await user.click(screen.getByLabelText('In place of this vault'));
    expect(screen.getByRole('note').textContent).toMatch(/Everything in this vault now will be replaced/);
    const go = screen.getByRole('button', { name: 'Replace this vault' });
    expect(go.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByLabelText('I understand: replace this vault with the backup.'));
    await user.click(go);
    expect(await screen.findByText(/This vault now holds the backup made .* unlock it with the recovery key/)).toBeTruthy();
    expect(core.inputs.backup.restore).toEqual([
      { file: '/media/drive/b.swbackup', secret: { recoveryKey: 'AAAA-BBBB' }, target: { kind: 'replace', confirmed: true } },
    ]);
    expect(core.problems).toEqual([]);
  });

  it('saves the activity log through the main process, with the filter shown, and says where', async () => {
    const { user, core } = renderRoute({
      path: '/settings',
      url: '/settings',
      element: <ActivityLog />,
      handlers: {
        clients: { list: () => [] },
        audit: { list: () => [] },
        output: { saveActivityCsv: () => ({ saved: true, fileName: 'stepwise-activity-2026-11-28.csv', rows: 3 }) },
      },
    });
    await user.selectOptions(screen.getByLabelText('Kind'), 'created');
    await user.click(screen.getByRole('button', { name: 'Save as CSV…' }));
    expect(await screen.findByText('Saved 3 events as stepwise-activity-2026-11-28.csv.')).toBeTruthy();
    expect(core.inputs.output.saveActivityCsv).toEqual([{ action: 'created' }]);
    expect(core.problems).toEqual([]);
  });

  it('offers the recovery key as a file, and shows it in rows that never split a group', async () => {
    const key = 'Z5VR-HPN8-2QDB-SDT1-RMSJ-X2XK-Q6C3-DPJ7';
    const { user, core } = renderRoute({
      path: '/',
      url: '/',
      element: <RecoveryKeyNotice inline recoveryKey={key} onDone={() => undefined} />,
      handlers: { output: { saveRecoveryKey: () => ({ saved: true, fileName: 'Stepwise recovery key.txt' }) } },
    });
    const shown = screen.getByTestId('recovery-key');
    expect(shown.textContent).toBe(key);
    expect([...shown.querySelectorAll('.key-row')].map((r) => r.textContent)).toEqual([
      'Z5VR-HPN8-2QDB-SDT1-',
      'RMSJ-X2XK-Q6C3-DPJ7',
    ]);
    await user.click(screen.getByRole('button', { name: 'Save as a file…' }));
    expect(await screen.findByText(/Saved as Stepwise recovery key\.txt\. Move it off this computer/)).toBeTruthy();
    expect(core.inputs.output.saveRecoveryKey).toEqual([{ recoveryKey: key }]);
    expect(core.problems).toEqual([]);
  });
});
