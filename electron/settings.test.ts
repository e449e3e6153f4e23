import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, readLaunchOptions, resolveTillSettings, tillStartUrl } from './settings.js';

function collectWarnings(): { warnings: string[]; warn: (message: string) => void } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

describe('readLaunchOptions', () => {
  it('defaults to a normal window and the default profile', () => {
    expect(readLaunchOptions(['/opt/Kassa/kassa'], {})).toEqual({ kiosk: false, userDataDir: undefined });
  });

  it('turns kiosk on by flag or environment', () => {
    expect(readLaunchOptions(['kassa', '--kiosk'], {}).kiosk).toBe(true);
    expect(readLaunchOptions(['kassa'], { KASSA_KIOSK: '1' }).kiosk).toBe(true);
    expect(readLaunchOptions(['kassa'], { KASSA_KIOSK: 'true' }).kiosk).toBe(true);
    expect(readLaunchOptions(['kassa'], { KASSA_KIOSK: '0' }).kiosk).toBe(false);
  });

  it('takes the profile folder from the flag before the environment', () => {
    expect(readLaunchOptions(['kassa'], { KASSA_USER_DATA: '/tmp/a' }).userDataDir).toBe('/tmp/a');
    expect(
      readLaunchOptions(['kassa', '--user-data-dir=/tmp/b'], { KASSA_USER_DATA: '/tmp/a' }).userDataDir,
    ).toBe('/tmp/b');
    expect(readLaunchOptions(['kassa', '--user-data-dir='], { KASSA_USER_DATA: ' ' }).userDataDir).toBeUndefined();
  });
});

describe('resolveTillSettings', () => {
  it('falls back to the local sync server', () => {
    const { warnings, warn } = collectWarnings();
    expect(resolveTillSettings({}, undefined, warn)).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      pairingCode: undefined,
      cashier: undefined,
    });
    expect(warnings).toEqual([]);
  });

  it('reads settings.json', () => {
    const { warn } = collectWarnings();
    const file = JSON.stringify({ serverUrl: 'https://office.example:8443/', pairingCode: 'K7QMX-4T9PA', cashier: 'Ana' });
    expect(resolveTillSettings({}, file, warn)).toEqual({
      serverUrl: 'https://office.example:8443',
      pairingCode: 'K7QMX-4T9PA',
      cashier: 'Ana',
    });
  });

  it('lets the environment override the file, setting by setting', () => {
    const { warn } = collectWarnings();
    const file = JSON.stringify({ serverUrl: 'http://10.0.0.5:8787', pairingCode: 'K7QMX-4T9PA', cashier: 'Ana' });
    expect(
      resolveTillSettings({ KASSA_SERVER_URL: 'http://127.0.0.1:9999', KASSA_PAIRING_CODE: ' ABCDE-FGHJK ' }, file, warn),
    ).toEqual({ serverUrl: 'http://127.0.0.1:9999', pairingCode: 'ABCDE-FGHJK', cashier: 'Ana' });
    expect(resolveTillSettings({ KASSA_CASHIER: 'Bo' }, file, warn)).toEqual({
      serverUrl: 'http://10.0.0.5:8787',
      pairingCode: 'K7QMX-4T9PA',
      cashier: 'Bo',
    });
  });

  it('ignores a till id from before pairing, saying so', () => {
    const { warnings, warn } = collectWarnings();
    expect(resolveTillSettings({ KASSA_TILL_ID: 'till-1' }, JSON.stringify({ tillId: 'till-2' }), warn)).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      pairingCode: undefined,
      cashier: undefined,
    });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/settings\.json tillId is no longer used.*pairingCode/);
    expect(warnings[1]).toMatch(/KASSA_TILL_ID is no longer used.*KASSA_PAIRING_CODE/);
  });

  it('warns about and skips a broken file or a server URL that is not http(s)', () => {
    const { warnings, warn } = collectWarnings();
    expect(resolveTillSettings({}, '{ not json', warn).serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(resolveTillSettings({}, '["a"]', warn).serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(resolveTillSettings({}, JSON.stringify({ serverUrl: 42 }), warn).serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(resolveTillSettings({}, JSON.stringify({ pairingCode: 12345 }), warn).pairingCode).toBeUndefined();
    expect(resolveTillSettings({ KASSA_SERVER_URL: 'javascript:alert(1)' }, undefined, warn).serverUrl).toBe(
      DEFAULT_SERVER_URL,
    );
    expect(
      resolveTillSettings({ KASSA_SERVER_URL: 'nope' }, JSON.stringify({ serverUrl: 'http://10.0.0.5:8787' }), warn)
        .serverUrl,
    ).toBe('http://10.0.0.5:8787');
    expect(warnings).toHaveLength(6);
  });

  it('spells one server one way, keeping a path prefix', () => {
    const { warn } = collectWarnings();
    expect(resolveTillSettings({ KASSA_SERVER_URL: 'HTTP://Office.Example:80//' }, undefined, warn).serverUrl).toBe(
      'http://office.example',
    );
    expect(resolveTillSettings({ KASSA_SERVER_URL: 'https://h.example/kassa/' }, undefined, warn).serverUrl).toBe(
      'https://h.example/kassa',
    );
  });
});

describe('tillStartUrl', () => {
  it('passes the settings to the renderer as query parameters', () => {
    const url = new URL(
      tillStartUrl({ serverUrl: 'http://127.0.0.1:8787', pairingCode: 'K7QMX-4T9PA', cashier: 'Jo & Co' }),
    );
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('app://till/index.html');
    expect(url.searchParams.get('server')).toBe('http://127.0.0.1:8787');
    expect(url.searchParams.get('pair')).toBe('K7QMX-4T9PA');
    expect(url.searchParams.get('cashier')).toBe('Jo & Co');
    // Pairing decides the till; the shell no longer names one.
    expect(url.searchParams.has('till')).toBe(false);
  });

  it('leaves out what is not set', () => {
    const url = new URL(tillStartUrl({ serverUrl: DEFAULT_SERVER_URL, pairingCode: undefined, cashier: undefined }));
    expect([...url.searchParams.keys()]).toEqual(['server']);
  });
});
