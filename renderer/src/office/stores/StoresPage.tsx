import { useState, type FormEvent } from 'react';
import type { Store } from '../../../../shared/src/index.js';
import { DataTable, FormField, problemFor, useSubmit } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

/**
 * The chain's stores: the owner opens one (with another store's settings and tax classes), and a
 * store's name and code are changed here. A new store's tills are added on the Tills page.
 */
export function StoresPage() {
  const { may, stores: known } = useSession();
  const [reloads, setReloads] = useState(0);
  const stores = useLoaded(() => office.get('/api/office/stores'), String(reloads));
  const reload = () => setReloads((count) => count + 1);
  return (
    <section aria-labelledby="stores-heading">
      <h2 id="stores-heading">Stores</h2>
      {stores.problem ? (
        <p className="problem" role="alert">
          {stores.problem}
        </p>
      ) : null}
      <DataTable
        label="Stores"
        columns={[
          { id: 'code', header: 'Code', cell: (store: Store) => store.code },
          { id: 'name', header: 'Name', cell: (store: Store) => store.name },
          { id: 'currency', header: 'Currency', cell: (store: Store) => store.currency },
          ...(may('PUT /api/office/stores/:store') ? [{ id: 'rename', header: <span className="visually-hidden">Change</span>, cell: (store: Store) => <RenameStore store={store} onRenamed={reload} /> }] : []),
        ]}
        rows={stores.value ?? known}
        rowId={(store) => store.id}
        rowProps={(store) => ({ 'data-store': store.code })}
      />
      {may('POST /api/office/stores') ? <OpenStore stores={stores.value ?? known} onOpened={reload} /> : null}
    </section>
  );
}

function OpenStore(props: { stores: readonly Store[]; onOpened(): void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [copyFrom, setCopyFrom] = useState(props.stores[0]?.id ?? '');
  const [result, setResult] = useState('');
  const open = useSubmit(async () => {
    setResult('');
    const store = await office.post('/api/office/stores', { body: { code: code.trim(), name: name.trim(), ...(copyFrom ? { copyFrom } : {}) } });
    setResult(`${store.name} (${store.code}) opened. Reload the page to pick it in the store picker; add its tills on the Tills page.`);
    setCode('');
    setName('');
    props.onOpened();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void open.run();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="open-store-heading">
      <h3 id="open-store-heading">Open a store</h3>
      <FormField label="Store code" hint="in its receipt numbers" error={problemFor(open.fieldProblems, 'code')}>
        {(control) => <input {...control} value={code} onChange={(event) => setCode(event.target.value)} required size={6} autoComplete="off" />}
      </FormField>
      <FormField label="Store name" error={problemFor(open.fieldProblems, 'name')}>
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required size={24} autoComplete="off" />}
      </FormField>
      <FormField label="Settings and tax classes from" error={problemFor(open.fieldProblems, 'copyFrom')}>
        {(control) => (
          <select {...control} value={copyFrom} onChange={(event) => setCopyFrom(event.target.value)}>
            {props.stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name} ({store.code})
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit" disabled={open.busy}>
        Open store
      </button>
      <p role="status" className={open.problem ? 'problem' : undefined}>
        {open.problem ? `Not opened: ${open.problem}` : result}
      </p>
    </form>
  );
}

function RenameStore(props: { store: Store; onRenamed(): void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(props.store.name);
  const rename = useSubmit(async () => {
    await office.put('/api/office/stores/:store', { params: { store: props.store.id }, body: { name: name.trim() } });
    setEditing(false);
    props.onRenamed();
  });
  if (!editing)
    return (
      <button type="button" onClick={() => setEditing(true)}>
        Rename
      </button>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void rename.run();
      }}
    >
      <input aria-label={`New name of ${props.store.name}`} value={name} onChange={(event) => setName(event.target.value)} required size={20} autoFocus />
      <button type="submit" disabled={rename.busy}>
        Save
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {rename.problem ? <span className="problem">{rename.problem}</span> : null}
    </form>
  );
}
