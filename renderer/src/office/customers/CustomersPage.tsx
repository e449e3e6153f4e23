import { useState, type FormEvent } from 'react';
import type { Customer } from '../../../../shared/src/index.js';
import { ConfirmDialog, DataTable, Dialog, FormField, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

interface Merge {
  keep: Customer;
  merge: Customer;
}

const contact = (customer: Customer) => customer.phone || customer.email || customer.id;

/** The store's customers, flagged where two look like one person, with adding, changing and merging. */
export function CustomersPage({ store, version }: StorePageProps) {
  const { may } = useSession();
  const key = `${store.id}:${version}`;
  const listing = useLoaded(() => office.get('/api/office/customers', { query: { store: store.id } }), key);
  const tills = useLoaded(() => office.get('/api/office/tills', { query: { store: store.id } }), key);
  const tillCode = new Map((tills.value ?? []).map((till) => [till.id, till.code]));
  const [result, setResult] = useState('');
  const [editing, setEditing] = useState<Customer | 'new' | null>(null);
  const [merging, setMerging] = useState<Merge | null>(null);
  const mayChange = may('POST /api/office/customers');
  const mayMerge = may('POST /api/office/customers/merge');
  const customers = listing.value?.customers ?? [];
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  const groups = listing.value?.duplicates.length ?? 0;

  const merge = useSubmit(async ({ keep, merge: merged }: Merge) => {
    await office.post('/api/office/customers/merge', { body: { keep: keep.id, merge: merged.id } });
    setMerging(null);
    setResult(`Merged ${merged.name} into ${keep.name}.`);
    await listing.reload();
  });

  const columns: Column<Customer>[] = [
    { id: 'name', header: 'Name', cell: (row) => row.name },
    { id: 'phone', header: 'Phone', cell: (row) => row.phone ?? '' },
    { id: 'email', header: 'E-mail', cell: (row) => row.email ?? '' },
    { id: 'note', header: 'Note', cell: (row) => row.note ?? '' },
    { id: 'recordedBy', header: 'Recorded by', cell: (row) => (row.createdBy === 'office' ? 'head office' : `till ${tillCode.get(row.createdBy) ?? row.createdBy}`) },
    {
      id: 'duplicates',
      header: 'Possible duplicates',
      cell: (row) => {
        const customer = row;
        const duplicates = (customer.possibleDuplicates ?? []).map((id) => byId.get(id)).filter((other): other is Customer => other !== undefined);
        if (duplicates.length === 0) return null;
        return (
          <>
            <span className="duplicate-flag">Possible duplicate of</span>
            <ul className="duplicates">
              {duplicates.map((other) => (
                <li key={other.id}>
                  {other.name}{' '}
                  {mayMerge ? (
                    <button
                      type="button"
                      onClick={() => {
                        merge.clear();
                        setMerging({ keep: customer, merge: other });
                      }}
                      aria-label={`Merge into this one: keep ${customer.name} (${contact(customer)}), remove ${other.name} (${contact(other)})`}
                    >
                      Merge into this one
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        );
      },
    },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) =>
        mayChange ? (
          <button type="button" onClick={() => setEditing(row)} aria-label={`Change ${row.name}`}>
            Change
          </button>
        ) : null,
    },
  ];

  return (
    <section aria-labelledby="customers-heading">
      <h2 id="customers-heading">Customers</h2>
      <p className="muted">
        Recorded at the tills (offline too) and here. Changes made in two places merge field by field: the newest change of each field wins. Customers with the same phone number or e-mail are flagged as
        possible duplicates and never refused; <strong>Merge</strong> keeps one, takes over what only the other has, and removes the other from every till. Sales keep the customer name they recorded.
      </p>
      {groups > 0 ? <p className="duplicate-flag">{groups === 1 ? '1 group of possible duplicates (same phone or e-mail).' : `${groups} groups of possible duplicates (same phone or e-mail).`}</p> : null}
      {mayChange ? (
        <p>
          <button type="button" onClick={() => setEditing('new')}>
            Add a customer
          </button>
        </p>
      ) : null}
      {listing.problem ? <p className="problem" role="alert">{listing.problem}</p> : null}
      <p id="customer-result" role="status">
        {result}
      </p>
      <DataTable
        label="Customers"
        columns={columns}
        rows={customers}
        rowId={(customer) => customer.id}
        rowProps={(customer) => ({ 'data-customer': customer.id, className: customer.possibleDuplicates?.length ? 'duplicate' : undefined })}
        rowHeight={40}
        height={520}
        empty={<p className="muted">No customers yet.</p>}
      />
      {editing ? (
        <CustomerForm
          storeId={store.id}
          customer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            setResult(`${editing === 'new' ? 'Added' : 'Saved'} ${saved.name}; the tills receive it as they sync.`);
            setEditing(null);
            await listing.reload();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={merging !== null}
        title={merging ? `Merge ${merging.merge.name} into ${merging.keep.name}?` : 'Merge'}
        confirmLabel="Merge"
        busy={merge.busy}
        problem={merge.problem ? `Not merged: ${merge.problem}` : ''}
        onCancel={() => setMerging(null)}
        onConfirm={() => merging && void merge.run(merging)}
      >
        {merging ? (
          <p>
            {merging.keep.name} ({contact(merging.keep)}) keeps its details and takes over what only {merging.merge.name} ({contact(merging.merge)}) has; {merging.merge.name} is removed from every till.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function CustomerForm(props: { storeId: string; customer: Customer | null; onClose(): void; onSaved(customer: Customer): Promise<void> }) {
  const { customer } = props;
  const [name, setName] = useState(customer?.name ?? '');
  const [phone, setPhone] = useState(customer?.phone ?? '');
  const [email, setEmail] = useState(customer?.email ?? '');
  const [note, setNote] = useState(customer?.note ?? '');
  const save = useSubmit(async () => {
    // A new customer leaves out what is empty; a change clears it (null).
    const given = (value: string) => value.trim() || undefined;
    const saved = customer
      ? await office.post('/api/office/customers', { body: { id: customer.id, storeId: props.storeId, name, phone: given(phone) ?? null, email: given(email) ?? null, note: given(note) ?? null } })
      : await office.post('/api/office/customers', { body: { storeId: props.storeId, name, phone: given(phone), email: given(email), note: given(note) } });
    await props.onSaved(saved);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const error = (path: string) => problemFor(save.fieldProblems, path);
  return (
    <Dialog title={customer ? `Change ${customer.name}` : 'Add a customer'} open onClose={props.onClose}>
      <form className="stacked-form" onSubmit={submit}>
        <FormField label="Name" error={error('name')}>
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} autoComplete="off" />}
        </FormField>
        <FormField label="Phone" error={error('phone')}>
          {(control) => <input {...control} type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} maxLength={40} autoComplete="off" />}
        </FormField>
        <FormField label="E-mail" error={error('email')}>
          {(control) => <input {...control} type="email" value={email} onChange={(event) => setEmail(event.target.value)} maxLength={200} autoComplete="off" />}
        </FormField>
        <FormField label="Note" error={error('note')}>
          {(control) => <input {...control} value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} autoComplete="off" />}
        </FormField>
        {save.problem ? (
          <p className="problem" role="alert">
            {customer ? 'Not saved: ' : 'Not added: '}
            {save.problem}
          </p>
        ) : null}
        <div className="form-buttons">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" disabled={save.busy}>
            {customer ? 'Save' : 'Add'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
