import { useEffect, useRef, useState } from 'react';
import { DEFAULT_SERVER_URL, pairAndKeep, settingsFromAddress, type TillSettings } from '../settings.js';

/**
 * First start: the sync server's address and the one-time pairing code head office shows for this
 * till. The code is traded once for this till's device credential; cashiers then sign in with PINs.
 */
export function SetupScreen({ onDone, current }: { onDone(settings: TillSettings): Promise<void>; current?: TillSettings | null }) {
  const fromAddress = settingsFromAddress();
  const [serverUrl, setServerUrl] = useState(fromAddress.serverUrl ?? DEFAULT_SERVER_URL);
  const [code, setCode] = useState(fromAddress.pairingCode ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  const pair = async (url: string, pairingCode: string) => {
    setBusy(true);
    setError(null);
    try {
      const paired = await pairAndKeep(url, pairingCode, current);
      await onDone({ serverUrl: url, storeId: paired.store.id, tillId: paired.till.id, tillCode: paired.till.code, cashierName: '' });
    } catch (failure) {
      setError(`The till was not paired: ${(failure as Error).message}.`);
      setBusy(false);
    }
  };

  // A till started with ?server=…&pair=… (by the desktop shell or `npm start`) pairs without questions.
  useEffect(() => {
    if (started.current || !fromAddress.serverUrl || !fromAddress.pairingCode) return;
    started.current = true;
    void pair(fromAddress.serverUrl, fromAddress.pairingCode);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <main className="setup">
      <h1>Set up this till</h1>
      <p>On the head-office page, choose this till and press “Pair a device”. Enter the code it shows here; it works once, for 15 minutes.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void pair(serverUrl.trim(), code);
        }}
      >
        <label htmlFor="server-url">Sync server address</label>
        <input id="server-url" value={serverUrl} onChange={(event) => setServerUrl(event.target.value)} required />
        <label htmlFor="pairing-code">Pairing code</label>
        <input id="pairing-code" value={code} onChange={(event) => setCode(event.target.value)} placeholder="e.g. K7QMX-4T9PA" autoComplete="off" required />
        <button type="submit" disabled={busy}>
          {busy ? 'Pairing…' : 'Pair and start selling'}
        </button>
      </form>
      {error ? (
        <p role="alert" className="setup__error">
          {error}
        </p>
      ) : null}
    </main>
  );
}
