/**
 * Launch flags and the till's settings, worked out from the command line, the environment and
 * settings.json. Pure: main.ts reads the file and passes its text in, so this is tested in Node.
 */
import { TILL_ORIGIN } from './tillProtocol.js';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

type Environment = Readonly<Record<string, string | undefined>>;

export interface LaunchOptions {
  /** Full screen with no window chrome, for a dedicated till. */
  kiosk: boolean;
  /** Where the profile (IndexedDB, settings.json) lives, when not Electron's default. */
  userDataDir: string | undefined;
}

const userDataFlag = '--user-data-dir=';

/** `--kiosk` or KASSA_KIOSK=1; `--user-data-dir=<path>` or KASSA_USER_DATA (the flag wins). */
export function readLaunchOptions(argv: readonly string[], env: Environment): LaunchOptions {
  const kioskEnv = env.KASSA_KIOSK?.trim().toLowerCase();
  const userDataArg = argv.findLast((arg) => arg.startsWith(userDataFlag))?.slice(userDataFlag.length);
  return {
    kiosk: argv.includes('--kiosk') || kioskEnv === '1' || kioskEnv === 'true',
    userDataDir: nonEmpty(userDataArg) ?? nonEmpty(env.KASSA_USER_DATA),
  };
}

export interface TillSettings {
  /** Base URL of the sync server, http(s), without a trailing slash. */
  serverUrl: string;
  /**
   * The one-time code head office made for this till. The renderer trades it for the till's
   * device credential on its first start; which till this machine is follows from the code.
   */
  pairingCode: string | undefined;
  cashier: string | undefined;
}

/**
 * Each setting from the environment (KASSA_SERVER_URL, KASSA_PAIRING_CODE, KASSA_CASHIER), else
 * from settings.json (`serverUrl`, `pairingCode`, `cashier`), else the default. A broken file, a
 * server URL that is not http(s), or a till id from before pairing is reported through `warn` and
 * skipped, never fatal: a till that cannot find its server still sells.
 */
export function resolveTillSettings(
  env: Environment,
  settingsFileText: string | undefined,
  warn: (message: string) => void,
): TillSettings {
  const file = parseSettingsFile(settingsFileText, warn);
  if (nonEmpty(env.KASSA_TILL_ID) !== undefined) {
    warn('KASSA_TILL_ID is no longer used and is ignored: pairing decides the till; set KASSA_PAIRING_CODE');
  }
  const serverUrl =
    normalizeServerUrl(env.KASSA_SERVER_URL, 'KASSA_SERVER_URL', warn) ??
    normalizeServerUrl(file.serverUrl, 'settings.json serverUrl', warn) ??
    DEFAULT_SERVER_URL;
  return {
    serverUrl,
    pairingCode: nonEmpty(env.KASSA_PAIRING_CODE) ?? nonEmpty(file.pairingCode),
    cashier: nonEmpty(env.KASSA_CASHIER) ?? nonEmpty(file.cashier),
  };
}

/**
 * The first URL the till window loads. The renderer reads `?server=`, `?pair=` and `?cashier=`
 * on its first start (or when it has lost its credential) and keeps what pairing gives it in
 * its own storage after that.
 */
export function tillStartUrl(settings: TillSettings): string {
  const url = new URL(`${TILL_ORIGIN}/index.html`);
  url.searchParams.set('server', settings.serverUrl);
  if (settings.pairingCode !== undefined) url.searchParams.set('pair', settings.pairingCode);
  if (settings.cashier !== undefined) url.searchParams.set('cashier', settings.cashier);
  return url.href;
}

interface SettingsFile {
  serverUrl?: string;
  pairingCode?: string;
  cashier?: string;
}

function parseSettingsFile(text: string | undefined, warn: (message: string) => void): SettingsFile {
  if (text === undefined || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    warn(`settings.json is not valid JSON and is ignored: ${(error as Error).message}`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    warn('settings.json must hold a JSON object; it is ignored');
    return {};
  }
  const record = parsed as Record<string, unknown>;
  const settings: SettingsFile = {};
  if (record.tillId !== undefined) {
    warn('settings.json tillId is no longer used and is ignored: pairing decides the till; give pairingCode');
  }
  for (const key of ['serverUrl', 'pairingCode', 'cashier'] as const) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value === 'string') settings[key] = value;
    else warn(`settings.json ${key} must be a string; it is ignored`);
  }
  return settings;
}

function normalizeServerUrl(
  raw: string | undefined,
  source: string,
  warn: (message: string) => void,
): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    warn(`${source} is not a URL and is ignored: ${JSON.stringify(value)}`);
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    warn(`${source} must be an http or https URL and is ignored: ${JSON.stringify(value)}`);
    return undefined;
  }
  // One spelling per server: the renderer keys its replication state by this string.
  return url.href.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
