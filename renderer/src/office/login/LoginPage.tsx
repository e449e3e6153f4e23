import { useState, type FormEvent } from 'react';
import { SyncError } from '../../../../shared/src/index.js';
import { FormField, useSubmit } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { useLoaded } from '../use-loaded.js';

/** Head office's login: an account's e-mail and password. */
export function LoginPage(props: { onLoggedIn(): Promise<void> }) {
  const setup = useLoaded(() => office.get('/api/office/setup'), 'setup');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useSubmit(async () => {
    try {
      await office.post('/api/office/login', { body: { email, password } });
    } catch (error) {
      if (error instanceof SyncError && error.status === 429) throw new Error('Too many tries; wait a minute.', { cause: error });
      if (error instanceof SyncError && (error.status === 401 || error.status === 400)) throw new Error('That e-mail and password do not match an active account.', { cause: error });
      throw error;
    }
    setPassword('');
    await props.onLoggedIn();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void login.run();
  };
  return (
    <main className="narrow" id="login">
      <h1>Kassa head office</h1>
      <section aria-labelledby="login-heading">
        <h2 id="login-heading">Log in</h2>
        <form className="stacked-form" onSubmit={submit}>
          <FormField label="E-mail">{(control) => <input {...control} type="email" value={email} onChange={(event) => setEmail(event.target.value)} required autoComplete="username" autoFocus />}</FormField>
          <FormField label="Password">{(control) => <input {...control} type="password" value={password} onChange={(event) => setPassword(event.target.value)} required autoComplete="current-password" />}</FormField>
          <button type="submit" disabled={login.busy}>
            Log in
          </button>
          <p id="login-error" className="problem" role="alert">
            {login.problem}
          </p>
          {setup.value?.needed ? (
            <p>No one can log in yet: the owner’s account is made first, with the link the server printed when it started.</p>
          ) : (
            <p className="muted">The owner creates everyone’s account. Forgotten your password? Ask the owner to set a new one.</p>
          )}
        </form>
      </section>
    </main>
  );
}
