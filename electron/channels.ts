import type { KassaBridge } from './bridge.js';

/** Every IPC channel the till may use. All start with `pos:`; nothing else crosses the bridge. */
export const posChannels = {
  printReceipt: 'pos:print-receipt',
  appVersion: 'pos:app-version',
  credentialLoad: 'pos:credential-load',
  credentialSave: 'pos:credential-save',
  credentialClear: 'pos:credential-clear',
} as const;

export type PosChannel = (typeof posChannels)[keyof typeof posChannels];

/** What each channel carries, written once as the bridge function that sends it. */
export type PosHandlers = {
  'pos:print-receipt': KassaBridge['printReceipt'];
  'pos:app-version': KassaBridge['getAppVersion'];
  'pos:credential-load': KassaBridge['loadCredential'];
  'pos:credential-save': KassaBridge['saveCredential'];
  'pos:credential-clear': KassaBridge['clearCredential'];
};

const knownChannels: ReadonlySet<string> = new Set(Object.values(posChannels));

/** True for a channel the bridge knows; a name without the `pos:` prefix never is. */
export function isPosChannel(name: unknown): name is PosChannel {
  return typeof name === 'string' && name.startsWith('pos:') && knownChannels.has(name);
}

export function assertPosChannel(name: unknown): asserts name is PosChannel {
  if (!isPosChannel(name)) {
    throw new Error(`Kassa bridge: refusing unknown IPC channel ${JSON.stringify(name)}`);
  }
}
