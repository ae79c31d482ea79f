import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/bridge';
import { CHANNEL_NAMES } from '../../shared/contract/channels';

/**
 * Exposes exactly `window.stepwise`: one named function per channel of the contract. No generic
 * invoke, no ipcRenderer, nothing else. Only the channel names are imported, not the schemas: the
 * preload stays small and carries no zod (the main process and the core check every call).
 */
contextBridge.exposeInMainWorld(
  'stepwise',
  buildApi(CHANNEL_NAMES, (channel, input) => ipcRenderer.invoke(channel, input)),
);
