import { useEffect, useState } from 'react';
import type { Cashier } from '../../../../shared/src/index.js';
import { useSubmit } from '../../ui-kit/index.js';
import { useSession } from './session.js';
import { useServices } from '../context.js';

const ROLE_NAMES: Record<Cashier['role'], string> = { cashier: 'Cashier', supervisor: 'Supervisor', manager: 'Manager' };

/**
 * Who is at the till: a cashier picks their name and types their PIN, checked against the salted hash
 * head office sent (offline too). Every sale, return and shift event names the cashier signed in.
 */
export function SignInScreen() {
  const { cashiers, settings } = useServices();
  const signIn = useSession((state) => state.signIn);
  const [list, setList] = useState<Cashier[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [pin, setPin] = useState('');

  useEffect(
    () =>
      cashiers.watch((found) => {
        setList(found);
        setChosen((current) => (found.some((cashier) => cashier.id === current) ? current : (found[0]?.id ?? '')));
      }),
    [cashiers],
  );

  const signing = useSubmit(
    async () => {
      const cashier = await cashiers.signIn(chosen, pin);
      signIn({ id: cashier.id, name: cashier.name, role: cashier.role });
    },
    { clearOnRun: true, onFailure: () => setPin('') },
  );

  return (
    <main className="setup sign-in">
      <h1>Sign in to till {settings.tillCode}</h1>
      {list === null ? (
        <p aria-busy="true">Reading the cashiers…</p>
      ) : list.length === 0 ? (
        <p role="status">No cashiers have reached this till yet. It needs to reach head office once after pairing; head office adds cashiers on its page.</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) void signing.run();
          }}
        >
          <fieldset className="sign-in__cashiers">
            <legend>Cashier</legend>
            {list.map((cashier) => (
              <label key={cashier.id} className="sign-in__cashier">
                <input type="radio" name="cashier" value={cashier.id} checked={chosen === cashier.id} onChange={() => setChosen(cashier.id)} />
                {cashier.name} <span className="sign-in__role">{ROLE_NAMES[cashier.role]}</span>
              </label>
            ))}
          </fieldset>
          <label htmlFor="sign-in-pin">PIN</label>
          <input id="sign-in-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))} autoFocus required />
          <button type="submit" disabled={signing.busy || pin.length === 0}>
            {signing.busy ? 'Checking…' : 'Sign in'}
          </button>
        </form>
      )}
      {signing.problem ? (
        <p role="alert" className="setup__error">
          {signing.problem}
        </p>
      ) : null}
    </main>
  );
}
