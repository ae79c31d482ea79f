import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../settings';
import { channel, noInput } from './define';

/**
 * Channels the Electron main process answers itself (preferences, native dialogs), not the core.
 * In browser tests the harness answers them with a test double.
 */
export const settingsContract = {
  get: channel(noInput, settingsSchema),
  update: channel(settingsPatchSchema, settingsSchema),
};

export const appContract = {
  info: channel(noInput, z.object({ version: z.string(), vaultDir: z.string(), platform: z.string() })),
};
