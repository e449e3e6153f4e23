import { useState, type FormEvent } from 'react';
import { FormField, FormProblem, problemFor, useSubmit } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { Link, useRouter } from '../router.js';
import { useLoaded } from '../use-loaded.js';

/** At least this many characters, as the server asks of every password. */
const PASSWORD_LENGTH = 10;

/** The owner's first start: the link the server printed carries a one-time token; the owner chooses e-mail and password. */
export function SetupPage() {
  const { place, navigate } = useRouter();
  const token = place.query.get('token') ?? '';
  const setup = useLoaded(() => office.get('/api/office/setup'), 'setup');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const create = useSubmit(async () => {
    if (password.length < PASSWORD_LENGTH) throw new FormProblem('password', `at least ${PASSWORD_LENGTH} characters`);
    if (password !== repeated) throw new FormProblem('repeated', 'the two passwords differ');
    await office.post('/api/office/setup', { body: { token, name, email, password } });
    // The owner is logged in now: the app reads who they are as it leaves this page.
    navigate('/', { replace: true });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run();
  };
  const error = (path: string) => problemFor(create.fieldProblems, path);
  return (
    <main className="narrow">
      <h1>Kassa head office</h1>
      <section aria-labelledby="setup-heading">
        <h2 id="setup-heading">Create the owner’s account</h2>
        {setup.problem ? <p className="problem" role="alert">{setup.problem}</p> : null}
        {setup.value && !setup.value.needed ? (
          <p>
            The owner’s account exists already. <Link to="/">Log in</Link>.
          </p>
        ) : !token ? (
          <p className="problem">This address lacks its one-time token: open the link the server printed when it started.</p>
        ) : (
          <form className="stacked-form" onSubmit={submit}>
            <p className="muted">The owner may do everything, in every store, and creates the accounts of everyone else.</p>
            <FormField label="Your name" error={error('name')}>
              {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} autoComplete="name" />}
            </FormField>
            <FormField label="E-mail" error={error('email')}>
              {(control) => <input {...control} type="email" value={email} onChange={(event) => setEmail(event.target.value)} required autoComplete="username" />}
            </FormField>
            <FormField label="Password" hint={`at least ${PASSWORD_LENGTH} characters`} error={error('password')}>
              {(control) => <input {...control} type="password" value={password} onChange={(event) => setPassword(event.target.value)} required autoComplete="new-password" />}
            </FormField>
            <FormField label="Password again" error={error('repeated')}>
              {(control) => <input {...control} type="password" value={repeated} onChange={(event) => setRepeated(event.target.value)} required autoComplete="new-password" />}
            </FormField>
            <button type="submit" disabled={create.busy}>
              Create the account
            </button>
            {create.problem ? (
              <p className="problem" role="alert">
                Not created: {create.problem}
              </p>
            ) : null}
          </form>
        )}
      </section>
    </main>
  );
}
