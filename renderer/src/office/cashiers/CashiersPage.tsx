import { useState, type FormEvent } from 'react';
import { CASHIER_ROLES, type CashierChanges, type CashierRole, type CashierView } from '../../../../shared/src/index.js';
import { DataTable, Dialog, FormField, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

const PIN_PATTERN = '[0-9]{4,8}';

/** The people who sign in to the store's tills with a PIN: adding, changing, deactivating. */
export function CashiersPage({ store, version }: StorePageProps) {
  const { may } = useSession();
  const cashiers = useLoaded(() => office.get('/api/office/cashiers', { query: { store: store.id } }), `${store.id}:${version}`);
  const [result, setResult] = useState('');
  const [editing, setEditing] = useState<CashierView | null>(null);
  const mayChange = may('PUT /api/office/cashiers/:id');

  const [name, setName] = useState('');
  const [role, setRole] = useState<CashierRole>('cashier');
  const [pin, setPin] = useState('');
  const add = useSubmit(async () => {
    const added = await office.post('/api/office/cashiers', { body: { storeId: store.id, name, role, pin } });
    setResult(`Added ${added.name} (${added.role}).`);
    setName('');
    setPin('');
    await cashiers.reload();
  });
  const activate = useSubmit(async (cashier: CashierView) => {
    const changed = await office.put('/api/office/cashiers/:id', { params: { id: cashier.id }, body: { active: !cashier.active } });
    setResult(changed.active ? `${changed.name} can sign in again.` : `${changed.name} is deactivated.`);
    await cashiers.reload();
  });

  const columns: Column<CashierView>[] = [
    { id: 'name', header: 'Name', cell: (row) => row.name },
    { id: 'role', header: 'Role', cell: (row) => row.role },
    { id: 'status', header: 'Status', className: 'cashier-status', cell: (row) => (row.active ? 'active' : <span className="muted">deactivated</span>) },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) =>
        mayChange ? (
          <span className="actions">
            <button type="button" onClick={() => setEditing(row)} aria-label={`Change ${row.name}`}>
              Change
            </button>
            <button type="button" onClick={() => void activate.run(row)} aria-label={`${row.active ? 'Deactivate' : 'Reactivate'} ${row.name}`}>
              {row.active ? 'Deactivate' : 'Reactivate'}
            </button>
          </span>
        ) : null,
    },
  ];

  const submitAdd = (event: FormEvent) => {
    event.preventDefault();
    void add.run();
  };
  return (
    <section aria-labelledby="cashiers-heading">
      <h2 id="cashiers-heading">Cashiers</h2>
      <p className="muted">
        People who sign in to this store’s tills with a PIN. Only a hash of each PIN is kept; the tills receive it and check PINs offline. A deactivated cashier keeps their name on old sales but can
        no longer sign in or approve.
      </p>
      {cashiers.problem ? <p className="problem" role="alert">{cashiers.problem}</p> : null}
      <DataTable label="Cashiers" columns={columns} rows={cashiers.value} rowId={(cashier) => cashier.id} rowProps={(cashier) => ({ 'data-cashier-row': cashier.id })} empty={<p className="muted">No cashiers yet.</p>} />
      <p id="cashier-result" role="status">
        {result}
        {activate.problem ? `Not changed: ${activate.problem}` : ''}
      </p>
      {mayChange ? (
        <form className="inline-form" onSubmit={submitAdd} aria-labelledby="cashier-form-heading" noValidate={false}>
          <h3 id="cashier-form-heading">Add a cashier</h3>
          <FormField label="Name" error={problemFor(add.fieldProblems, 'name')}>
            {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} size={20} autoComplete="off" />}
          </FormField>
          <FormField label="Role" error={problemFor(add.fieldProblems, 'role')}>
            {(control) => (
              <select {...control} value={role} onChange={(event) => setRole(event.target.value as CashierRole)}>
                {CASHIER_ROLES.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="PIN" hint="4 to 8 digits" error={problemFor(add.fieldProblems, 'pin')}>
            {(control) => <input {...control} type="password" value={pin} onChange={(event) => setPin(event.target.value)} required inputMode="numeric" pattern={PIN_PATTERN} size={8} autoComplete="new-password" />}
          </FormField>
          <button type="submit" disabled={add.busy}>
            Add
          </button>
          {add.problem ? (
            <p className="problem" role="alert">
              Not added: {add.problem}
            </p>
          ) : null}
        </form>
      ) : null}
      {editing ? (
        <ChangeCashier
          cashier={editing}
          onClose={() => setEditing(null)}
          onSaved={async (changed, pinChanged) => {
            setEditing(null);
            setResult(pinChanged ? `Saved ${changed.name}, with a new PIN.` : `Saved ${changed.name}.`);
            await cashiers.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function ChangeCashier(props: { cashier: CashierView; onClose(): void; onSaved(changed: CashierView, pinChanged: boolean): Promise<void> }) {
  const { cashier } = props;
  const [name, setName] = useState(cashier.name);
  const [role, setRole] = useState<CashierRole>(cashier.role);
  const [pin, setPin] = useState('');
  const save = useSubmit(async () => {
    const changes: CashierChanges = {};
    if (name !== cashier.name) changes.name = name;
    if (role !== cashier.role) changes.role = role;
    if (pin) changes.pin = pin;
    const changed = Object.keys(changes).length > 0 ? await office.put('/api/office/cashiers/:id', { params: { id: cashier.id }, body: changes }) : cashier;
    await props.onSaved(changed, pin !== '');
  });
  return (
    <Dialog title={`Change ${cashier.name}`} open onClose={props.onClose}>
      <form
        className="stacked-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <FormField label="Name" error={problemFor(save.fieldProblems, 'name')}>
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} autoComplete="off" />}
        </FormField>
        <FormField label="Role" error={problemFor(save.fieldProblems, 'role')}>
          {(control) => (
            <select {...control} value={role} onChange={(event) => setRole(event.target.value as CashierRole)}>
              {CASHIER_ROLES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="New PIN" hint="4 to 8 digits; empty keeps the PIN" error={problemFor(save.fieldProblems, 'pin')}>
          {(control) => <input {...control} type="password" value={pin} onChange={(event) => setPin(event.target.value)} inputMode="numeric" pattern={PIN_PATTERN} size={8} autoComplete="new-password" />}
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
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
