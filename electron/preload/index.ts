import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/bridge';
import { CHANNELS } from '../../shared/contract';

/**
 * Exposes exactly `window.stepwise`: one named function per channel of the contract. No generic
 * invoke, no ipcRenderer, nothing else.
 */
contextBridge.exposeInMainWorld(
  'stepwise',
  buildApi(CHANNELS, (channel, input) => ipcRenderer.invoke(channel, input)),
);
