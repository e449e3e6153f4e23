import { useEffect, useRef, useState } from 'react';
import { useSubmit } from '../../ui-kit/index.js';
import { DEFAULT_SERVER_URL, pairAndKeep, settingsFromAddress, type TillSettings } from '../settings.js';

/**
 * First start: the sync server's address and the one-time pairing code head office shows for this
 * till. The code is traded once for this till's device credential; cashiers then sign in with PINs.
 */
export function SetupScreen({ onDone, current }: { onDone(settings: TillSettings): Promise<void>; current?: TillSettings | null }) {
  const fromAddress = settingsFromAddress();
  const [serverUrl, setServerUrl] = useState(fromAddress.serverUrl ?? DEFAULT_SERVER_URL);
  const [code, setCode] = useState(fromAddress.pairingCode ?? '');
  const started = useRef(false);

  const pairing = useSubmit(
    async (url: string, pairingCode: string) => {
      const paired = await pairAndKeep(url, pairingCode, current);
      await onDone({ serverUrl: url, storeId: paired.store.id, tillId: paired.till.id, tillCode: paired.till.code, cashierName: '' });
    },
    { clearOnRun: true, failure: (message) => `The till was not paired: ${message}.` },
  );

  // A till started with ?server=…&pair=… (by the desktop shell or `npm start`) pairs without questions.
  useEffect(() => {
    if (started.current || !fromAddress.serverUrl || !fromAddress.pairingCode) return;
    started.current = true;
    void pairing.run(fromAddress.serverUrl, fromAddress.pairingCode);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <main className="setup">
      <h1>Set up this till</h1>
      <p>On the head-office page, choose this till and press “Pair a device”. Enter the code it shows here; it works once, for 15 minutes.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void pairing.run(serverUrl.trim(), code);
        }}
      >
        <label htmlFor="server-url">Sync server address</label>
        <input id="server-url" value={serverUrl} onChange={(event) => setServerUrl(event.target.value)} required />
        <label htmlFor="pairing-code">Pairing code</label>
        <input id="pairing-code" value={code} onChange={(event) => setCode(event.target.value)} placeholder="e.g. K7QMX-4T9PA" autoComplete="off" required />
        <button type="submit" disabled={pairing.busy}>
          {pairing.busy ? 'Pairing…' : 'Pair and start selling'}
        </button>
      </form>
      {pairing.problem ? (
        <p role="alert" className="setup__error">
          {pairing.problem}
        </p>
      ) : null}
    </main>
  );
}
