import Store from 'electron-store';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/settings';

/** Preferences in electron-store (a JSON file in the app's user-data folder). No client data. */
export class SettingsStore {
  private store = new Store<{ settings: Settings }>({ name: 'preferences', defaults: { settings: DEFAULT_SETTINGS } });

  get(): Settings {
    const parsed = settingsSchema.safeParse(this.store.get('settings'));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.store.set('settings', next);
    return next;
  }
}
