import { syncPaths, type PairResponse, type SyncErrorBody } from '../../../shared/src/index.js';

/**
 * What a till needs to know about itself. Kept in IndexedDB, whose commits survive the till being
 * switched off a moment after pairing (local storage is written to disk only every few seconds, and
 * a lost pairing cannot be redone while the server is out of reach). The credential is kept apart.
 */
export interface TillSettings {
  serverUrl: string;
  storeId: string;
  tillId: string;
  tillCode: string;
  /** Before cashiers signed in with PINs, the till was set up with one cashier's name; unused since. */
  cashierName: string;
}

const SETTINGS_KEY = 'kassa.settings';
const LAST_CONTACT_KEY = 'kassa.lastContactAt';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

const KEEP_DATABASE = 'kassa-settings';
const KEEP_STORE = 'settings';

function openKeep(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(KEEP_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(KEEP_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the settings database did not open'));
  });
}

/** Reads one value the till keeps in its own small IndexedDB database (settings, parked carts). */
export async function keepRead<T>(key: string): Promise<T | undefined> {
  const db = await openKeep();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const request = db.transaction(KEEP_STORE, 'readonly').objectStore(KEEP_STORE).get(key);
      request.onsuccess = () => resolve(request.result as T | undefined);
      request.onerror = () => reject(request.error ?? new Error(`could not read ${key}`));
    });
  } finally {
    db.close();
  }
}

/** Resolves once the value is committed (strict durability: flushed before the commit completes). */
export async function keepWrite(key: string, value: unknown): Promise<void> {
  const db = await openKeep();
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(KEEP_STORE, 'readwrite', { durability: 'strict' });
      transaction.objectStore(KEEP_STORE).put(value, key);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error(`could not keep ${key}`));
      transaction.onabort = () => reject(transaction.error ?? new Error(`could not keep ${key}`));
    });
  } finally {
    db.close();
  }
}

function validSettings(value: unknown): TillSettings | null {
  const settings = value as Partial<TillSettings> | undefined;
  return settings?.serverUrl && settings.tillId && settings.storeId && settings.tillCode ? (settings as TillSettings) : null;
}

export async function loadSettings(): Promise<TillSettings | null> {
  const kept = validSettings(await keepRead<TillSettings>(SETTINGS_KEY));
  if (kept) return kept;
  // A till set up by an earlier version kept its settings in local storage: move them.
  try {
    const earlier = validSettings(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null'));
    if (earlier) await keepWrite(SETTINGS_KEY, earlier);
    return earlier;
  } catch {
    return null;
  }
}

export async function saveSettings(settings: TillSettings): Promise<void> {
  await keepWrite(SETTINGS_KEY, settings);
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
 * a plain browser, in the till profile's IndexedDB.
 */
export async function loadCredential(): Promise<string | null> {
  if (window.kassa) return window.kassa.loadCredential();
  return (await keepRead<string>(CREDENTIAL_KEY)) ?? null;
}

export async function saveCredential(credential: string): Promise<void> {
  if (window.kassa) await window.kassa.saveCredential(credential);
  else await keepWrite(CREDENTIAL_KEY, credential);
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
  const paired = (await response.json()) as PairResponse;
  // Benchmarks time a new till from here to ready to sell.
  performance.mark('kassa:paired');
  return paired;
}

/** Kept across restarts so an offline till can say since when it has not reached the server. */
export function loadLastContact(): string | null {
  return localStorage.getItem(LAST_CONTACT_KEY);
}

export function saveLastContact(at: string): void {
  localStorage.setItem(LAST_CONTACT_KEY, at);
}

/**
 * Pairs this till and keeps the credential it gets. A till already set up (`current`) keeps its
 * database, and the sales waiting in it, only as the same till: a code for another is refused.
 */
export async function pairAndKeep(serverUrl: string, code: string, current?: Pick<TillSettings, 'tillId' | 'tillCode'> | null): Promise<PairResponse> {
  const paired = await pairWithServer(serverUrl, code);
  if (current && paired.till.id !== current.tillId) {
    throw new Error(`that code is for till ${paired.till.code}, and this is till ${current.tillCode}; ask head office for a code for this till`);
  }
  await saveCredential(paired.credential);
  return paired;
}
