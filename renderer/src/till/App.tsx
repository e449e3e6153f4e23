import { useEffect, useState } from 'react';
import { openTill, type TillServices } from './services.js';
import { loadCredential, loadSettings, saveSettings, type TillSettings } from './settings.js';
import { ServicesContext } from './context.js';
import { useSession } from './shift/session.js';
import { SetupScreen } from './sync/SetupScreen.js';
import { SignInScreen } from './shift/SignInScreen.js';
import { TillScreen } from './TillScreen.js';

export function App() {
  // undefined while the kept settings are read; null when there are none (first start).
  const [settings, setSettings] = useState<TillSettings | null | undefined>(undefined);
  const [services, setServices] = useState<TillServices | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [unpaired, setUnpaired] = useState(false);
  const cashier = useSession((state) => state.cashier);

  useEffect(() => {
    loadSettings().then(setSettings, (failure: unknown) => setError(`the till's settings could not be read: ${(failure as Error).message}`));
  }, []);

  useEffect(() => {
    if (!settings) return;
    void loadCredential().then(
      (credential) => {
        // Set up before pairing existed, or the credential is gone: pair again (the database stays).
        if (!credential) return setUnpaired(true);
        openTill(settings, credential).then(setServices, (failure: unknown) => setError((failure as Error).message));
      },
      (failure: unknown) => setError(`the till's credential could not be read: ${(failure as Error).message}`),
    );
  }, [settings]);

  if (error) {
    return (
      <main className="setup">
        <h1>The till could not open its database</h1>
        <p role="alert">{error}</p>
      </main>
    );
  }
  if (settings === null || unpaired) {
    return (
      <SetupScreen
        current={settings}
        onDone={async (chosen) => {
          // Selling starts only once the till's settings are on disk.
          await saveSettings(chosen);
          setUnpaired(false);
          setSettings(chosen);
        }}
      />
    );
  }
  if (!services) {
    return (
      <main className="setup" aria-busy="true">
        <p>Opening the till…</p>
      </main>
    );
  }
  return (
    <ServicesContext.Provider value={services}>
      {cashier ? <TillScreen /> : <SignInScreen />}
    </ServicesContext.Provider>
  );
}
