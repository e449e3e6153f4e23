import { syncPaths, type PairResponse, type SyncErrorBody } from '../../shared/src/index.js';

/** What a till needs to know about itself, kept in the browser's local storage (the credential is kept apart). */
export interface TillSettings {
  serverUrl: string;
  storeId: string;
  tillId: string;
  tillCode: string;
  cashierName: string;
}

const SETTINGS_KEY = 'kassa.settings';
const LAST_CONTACT_KEY = 'kassa.lastContactAt';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export function loadSettings(): TillSettings | null {
  const raw = localStorage.getItem(SETTINGS_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as TillSettings;
    return parsed.serverUrl && parsed.tillId && parsed.storeId ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSettings(settings: TillSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

/** First-start values handed over in the address: `?server=…&pair=CODE&cashier=…`. */
export function settingsFromAddress(): { serverUrl?: string; pairingCode?: string; cashierName?: string } {
  const params = new URLSearchParams(location.search);
  return {
    serverUrl: params.get('server') ?? undefined,
    pairingCode: params.get('pair') ?? undefined,
    cashierName: params.get('cashier') ?? undefined,
  };
}

const CREDENTIAL_KEY = 'kassa.credential';

/**
 * The device credential: in the desktop shell, encrypted by the operating system (safeStorage); in
 * a plain browser, in the till profile's local storage.
 */
export async function loadCredential(): Promise<string | null> {
  if (window.kassa) return window.kassa.loadCredential();
  return localStorage.getItem(CREDENTIAL_KEY);
}

export async function saveCredential(credential: string): Promise<void> {
  if (window.kassa) await window.kassa.saveCredential(credential);
  else localStorage.setItem(CREDENTIAL_KEY, credential);
}

/** Trades a one-time pairing code from head office for this till's device credential. */
export async function pairWithServer(serverUrl: string, code: string): Promise<PairResponse> {
  let response: Response;
  try {
    response = await fetch(new URL(syncPaths.pair, serverUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  } catch (failure) {
    throw new Error(`could not reach the sync server at ${serverUrl} (${(failure as Error).message}); check the address and that the server runs`, { cause: failure });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as SyncErrorBody | undefined;
    throw new Error(body?.message ?? `the server answered ${response.status}`);
  }
  return (await response.json()) as PairResponse;
}

/** Kept across restarts so an offline till can say since when it has not reached the server. */
export function loadLastContact(): string | null {
  return localStorage.getItem(LAST_CONTACT_KEY);
}

export function saveLastContact(at: string): void {
  localStorage.setItem(LAST_CONTACT_KEY, at);
}
