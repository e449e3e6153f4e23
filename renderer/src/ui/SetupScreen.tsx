import { useEffect, useState } from 'react';
import { DEFAULT_SERVER_URL, fetchRegisteredTills, settingsFromAddress, type RegisteredTills, type TillSettings } from '../settings.js';

/** First start: which server, which registered till, who is at it. */
export function SetupScreen({ onDone }: { onDone(settings: TillSettings): void }) {
  const fromAddress = settingsFromAddress();
  const [serverUrl, setServerUrl] = useState(fromAddress.serverUrl ?? DEFAULT_SERVER_URL);
  const [cashierName, setCashierName] = useState(fromAddress.cashierName ?? '');
  const [registered, setRegistered] = useState<RegisteredTills[] | null>(null);
  const [tillId, setTillId] = useState(fromAddress.tillId ?? '');
  const [error, setError] = useState<string | null>(null);

  const connect = async (url: string) => {
    setError(null);
    try {
      const found = await fetchRegisteredTills(url);
      setRegistered(found);
      return found;
    } catch (failure) {
      setError(`Could not reach the sync server at ${url} (${(failure as Error).message}). Check the address and that the server runs.`);
      return null;
    }
  };

  const finish = (found: RegisteredTills[], chosenTill: string, cashier: string) => {
    for (const entry of found) {
      const till = entry.tills.find((candidate) => candidate.id === chosenTill);
      if (till) {
        onDone({ serverUrl, storeId: entry.store.id, tillId: till.id, tillCode: till.code, cashierName: cashier.trim() || 'Cashier' });
        return;
      }
    }
    setError(`Till "${chosenTill}" is not registered with this server.`);
  };

  // A till started with ?server=…&till=… sets itself up without questions.
  useEffect(() => {
    if (fromAddress.serverUrl && fromAddress.tillId) {
      void connect(fromAddress.serverUrl).then((found) => found && finish(found, fromAddress.tillId!, fromAddress.cashierName ?? ''));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <main className="setup">
      <h1>Set up this till</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!registered) void connect(serverUrl);
          else finish(registered, tillId, cashierName);
        }}
      >
        <label htmlFor="server-url">Sync server address</label>
        <input id="server-url" value={serverUrl} onChange={(event) => { setServerUrl(event.target.value); setRegistered(null); }} />
        {registered ? (
          <>
            <label htmlFor="till">This till</label>
            <select id="till" value={tillId} onChange={(event) => setTillId(event.target.value)} required>
              <option value="">Choose…</option>
              {registered.flatMap((entry) =>
                entry.tills.map((till) => (
                  <option key={till.id} value={till.id}>
                    {entry.store.name}: {till.name} ({till.code})
                  </option>
                )),
              )}
            </select>
            <label htmlFor="cashier">Cashier name</label>
            <input id="cashier" value={cashierName} onChange={(event) => setCashierName(event.target.value)} required />
            <button type="submit">Start selling</button>
          </>
        ) : (
          <button type="submit">Connect</button>
        )}
      </form>
      {error ? <p role="alert" className="setup__error">{error}</p> : null}
    </main>
  );
}
