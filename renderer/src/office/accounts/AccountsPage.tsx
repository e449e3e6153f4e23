import { useState, type FormEvent } from 'react';
import { OFFICE_ROLES, type OfficeAccount, type OfficeAccountChanges, type OfficeRole } from '../../../../shared/src/index.js';
import { ConfirmDialog, DataTable, Dialog, FormField, FormProblem, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

const PASSWORD_LENGTH = 10;

/** What each role may do, as the owner reads it when choosing one. */
const ROLE_WORDS: Record<OfficeRole, string> = {
  owner: 'everything, in every store, including accounts',
  manager: 'tills, cashiers, customers, stock and settings of their stores',
  clerk: 'receives goods and adjusts stock in their stores, and reads them',
  viewer: 'reads their stores, changes nothing',
};

/** The people at head office: the owner adds them, gives each a role and stores, and deactivates them. */
export function AccountsPage() {
  const { stores, me } = useSession();
  const accounts = useLoaded(() => office.get('/api/office/accounts'), 'accounts');
  const [editing, setEditing] = useState<OfficeAccount | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<OfficeAccount | null>(null);
  const [result, setResult] = useState('');
  const storeName = new Map(stores.map((store) => [store.id, store.name]));
  const active = useSubmit(async (account: OfficeAccount) => {
    const changed = await office.put('/api/office/accounts/:id', { params: { id: account.id }, body: { active: !account.active } });
    setDeactivating(null);
    setResult(changed.active ? `${changed.name} can log in again.` : `${changed.name} is deactivated.`);
    await accounts.reload();
  });
  const columns: Column<OfficeAccount>[] = [
    { id: 'name', header: 'Name', cell: (row) => row.name },
    { id: 'email', header: 'E-mail', cell: (row) => row.email },
    { id: 'role', header: 'Role', className: 'account-role', cell: (row) => row.role },
    { id: 'stores', header: 'Stores', cell: (row) => (row.role === 'owner' ? 'every store' : row.storeIds.map((id) => storeName.get(id) ?? id).join(', ') || 'none yet') },
    { id: 'status', header: 'Status', className: 'account-status', cell: (row) => (row.active ? 'active' : <span className="muted">deactivated</span>) },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) =>
        row.id === me.account?.id ? (
          <span className="muted">you</span>
        ) : (
          <span className="actions">
            <button type="button" onClick={() => setEditing(row)} aria-label={`Change ${row.name}`}>
              Change
            </button>
            {row.active ? (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  active.clear();
                  setDeactivating(row);
                }}
                aria-label={`Deactivate ${row.name}`}
              >
                Deactivate
              </button>
            ) : (
              <button type="button" onClick={() => void active.run(row)} aria-label={`Reactivate ${row.name}`}>
                Reactivate
              </button>
            )}
          </span>
        ),
    },
  ];
  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      <p className="muted">
        Everyone who logs in to head office, with what their role lets them do. Managers, clerks and viewers work in the stores given to them. Each change is in the audit log.
      </p>
      <p>
        <button type="button" onClick={() => setEditing('new')}>
          Add an account
        </button>
      </p>
      {accounts.problem ? <p className="problem" role="alert">{accounts.problem}</p> : null}
      <p id="account-result" role="status">
        {result}
      </p>
      <DataTable label="Accounts" columns={columns} rows={accounts.value} rowId={(account) => account.id} rowProps={(account) => ({ 'data-account': account.email })} />
      {editing ? (
        <AccountForm
          account={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            setResult(`${editing === 'new' ? 'Added' : 'Saved'} ${saved.name} (${saved.role}).`);
            setEditing(null);
            await accounts.reload();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deactivating !== null}
        title={`Deactivate ${deactivating?.name ?? ''}?`}
        confirmLabel="Deactivate"
        busy={active.busy}
        problem={active.problem}
        onCancel={() => setDeactivating(null)}
        onConfirm={() => deactivating && void active.run(deactivating)}
      >
        <p>They can no longer log in, and a session they have open ends at its next step. Their changes stay in the audit log under their name.</p>
      </ConfirmDialog>
    </section>
  );
}

function AccountForm(props: { account: OfficeAccount | null; onClose(): void; onSaved(account: OfficeAccount): Promise<void> }) {
  const { stores } = useSession();
  const { account } = props;
  const [name, setName] = useState(account?.name ?? '');
  const [email, setEmail] = useState(account?.email ?? '');
  const [role, setRole] = useState<OfficeRole>(account?.role ?? 'manager');
  const [storeIds, setStoreIds] = useState<string[]>(account?.storeIds ?? []);
  const [password, setPassword] = useState('');
  const save = useSubmit(async () => {
    if ((!account || password) && password.length < PASSWORD_LENGTH) throw new FormProblem('password', `at least ${PASSWORD_LENGTH} characters`);
    const chosenStores = role === 'owner' ? [] : storeIds;
    if (!account) {
      await props.onSaved(await office.post('/api/office/accounts', { body: { name, email, role, storeIds: chosenStores, password } }));
      return;
    }
    const changes: OfficeAccountChanges = {};
    if (name !== account.name) changes.name = name;
    if (role !== account.role) changes.role = role;
    if (chosenStores.join() !== account.storeIds.join()) changes.storeIds = chosenStores;
    if (password) changes.password = password;
    await props.onSaved(Object.keys(changes).length > 0 ? await office.put('/api/office/accounts/:id', { params: { id: account.id }, body: changes }) : account);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const error = (path: string) => problemFor(save.fieldProblems, path);
  return (
    <Dialog title={account ? `Change ${account.name}` : 'Add an account'} open onClose={props.onClose}>
      <form className="stacked-form" onSubmit={submit}>
        <FormField label="Name" error={error('name')}>
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} autoComplete="off" />}
        </FormField>
        {account ? (
          <p>
            E-mail: <strong>{account.email}</strong>
          </p>
        ) : (
          <FormField label="E-mail" error={error('email')}>
            {(control) => <input {...control} type="email" value={email} onChange={(event) => setEmail(event.target.value)} required autoComplete="off" />}
          </FormField>
        )}
        <FormField label="Role" error={error('role')} hint={ROLE_WORDS[role]}>
          {(control) => (
            <select {...control} value={role} onChange={(event) => setRole(event.target.value as OfficeRole)}>
              {OFFICE_ROLES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {role === 'owner' ? null : (
          <fieldset>
            <legend>Stores</legend>
            {stores.map((store) => (
              <label key={store.id} className="check">
                <input
                  type="checkbox"
                  checked={storeIds.includes(store.id)}
                  onChange={(event) => setStoreIds((current) => (event.target.checked ? [...current, store.id] : current.filter((id) => id !== store.id)))}
                />{' '}
                {store.name} ({store.code})
              </label>
            ))}
            {error('storeIds') ? (
              <span className="field-error" data-field-error>
                {error('storeIds')}
              </span>
            ) : null}
          </fieldset>
        )}
        <FormField label={account ? 'New password' : 'Password'} hint={account ? `empty keeps the password; else at least ${PASSWORD_LENGTH} characters` : `at least ${PASSWORD_LENGTH} characters`} error={error('password')}>
          {(control) => <input {...control} type="password" value={password} onChange={(event) => setPassword(event.target.value)} required={!account} autoComplete="new-password" />}
        </FormField>
        {save.problem ? (
          <p className="problem" role="alert">
            Not saved: {save.problem}
          </p>
        ) : null}
        <div className="form-buttons">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" disabled={save.busy}>
            {account ? 'Save' : 'Add'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
