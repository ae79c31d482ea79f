import Store from 'electron-store';
import { readSettings, settingsSchema, type Settings } from '../../shared/settings';

/** Preferences in electron-store (a JSON file in the app's user-data folder). No client data. */
export class SettingsStore {
  private store = new Store<{ settings: Settings }>({ name: 'preferences' });

  /** Each stored preference that is still valid, the default for each that is not (see readSettings). */
  get(): Settings {
    return readSettings(this.store.get('settings'));
  }

  /** Changes only the preferences in `patch`. */
  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.store.set('settings', next);
    return next;
  }
}
