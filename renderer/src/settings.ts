/** What a till needs to know about itself, kept in the browser's local storage. */
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

/** First-start values handed over in the address: `?server=…&till=…&cashier=…`. */
export function settingsFromAddress(): { serverUrl?: string; tillId?: string; cashierName?: string } {
  const params = new URLSearchParams(location.search);
  return {
    serverUrl: params.get('server') ?? undefined,
    tillId: params.get('till') ?? undefined,
    cashierName: params.get('cashier') ?? undefined,
  };
}

/** Kept across restarts so an offline till can say since when it has not reached the server. */
export function loadLastContact(): string | null {
  return localStorage.getItem(LAST_CONTACT_KEY);
}

export function saveLastContact(at: string): void {
  localStorage.setItem(LAST_CONTACT_KEY, at);
}

export interface RegisteredTills {
  store: { id: string; code: string; name: string };
  tills: { id: string; code: string; name: string }[];
}

/** Asks the server which tills are registered (first start only; selling never waits for this). */
export async function fetchRegisteredTills(serverUrl: string): Promise<RegisteredTills[]> {
  const response = await fetch(new URL('/api/tills', serverUrl));
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return (await response.json()) as RegisteredTills[];
}
