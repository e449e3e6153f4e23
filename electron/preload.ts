/**
 * Runs in the till's sandboxed renderer before the page. It exposes one named function per
 * message on `window.kassa` and never `ipcRenderer` itself, so the page can only send the
 * messages listed in channels.ts.
 *
 * Sandboxed preloads may require only `electron` (and a few Node polyfills); the build checks
 * that this bundle imports nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { KassaBridge } from './bridge.js';
import { assertPosChannel, posChannels, type PosChannel, type PosHandlers } from './channels.js';

function invoke<C extends PosChannel>(
  channel: C,
  ...args: Parameters<PosHandlers[C]>
): ReturnType<PosHandlers[C]> {
  assertPosChannel(channel);
  return ipcRenderer.invoke(channel, ...args) as ReturnType<PosHandlers[C]>;
}

const bridge: KassaBridge = {
  platform: 'electron',
  printReceipt: (html) => invoke(posChannels.printReceipt, html),
  getAppVersion: () => invoke(posChannels.appVersion),
  loadCredential: () => invoke(posChannels.credentialLoad),
  saveCredential: (credential) => invoke(posChannels.credentialSave, credential),
  clearCredential: () => invoke(posChannels.credentialClear),
};

contextBridge.exposeInMainWorld('kassa', bridge);
