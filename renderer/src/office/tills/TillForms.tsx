import { useState, type FormEvent } from 'react';
import type { TillView } from '../../../../shared/src/index.js';
import { FormField, problemFor, useSubmit } from '../../ui-kit/index.js';
import { office } from '../api.js';

/** Adds a till to the store: a code (printed in its receipt numbers, unique in the store) and a name; it is paired afterwards. */
export function AddTill(props: { storeId: string; onAdded(): Promise<unknown> }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [result, setResult] = useState('');
  const add = useSubmit(async () => {
    setResult('');
    const till = await office.post('/api/office/tills', { body: { storeId: props.storeId, code: code.trim(), name: name.trim() } });
    setResult(`Till ${till.code} added: pair a device with it below.`);
    setCode('');
    setName('');
    await props.onAdded();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="add-till-heading">
      <h3 id="add-till-heading">Add a till</h3>
      <FormField label="Till code" hint="in its receipt numbers" error={problemFor(add.fieldProblems, 'code')}>
        {(control) => <input {...control} value={code} onChange={(event) => setCode(event.target.value)} required size={6} autoComplete="off" />}
      </FormField>
      <FormField label="Till name" error={problemFor(add.fieldProblems, 'name')}>
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required size={20} autoComplete="off" />}
      </FormField>
      <button type="submit" disabled={add.busy}>
        Add till
      </button>
      <p role="status" className={add.problem ? 'problem' : undefined}>
        {add.problem ? `Not added: ${add.problem}` : result}
      </p>
    </form>
  );
}

/** A till's Rename button: asks for the new name in place (the code stays: it is in the till's receipt numbers). */
export function RenameTill(props: { till: TillView; onRenamed(): Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(props.till.name);
  const rename = useSubmit(async () => {
    await office.put('/api/office/tills/:till', { params: { till: props.till.id }, body: { name: name.trim() } });
    setEditing(false);
    await props.onRenamed();
  });
  if (!editing)
    return (
      <button type="button" onClick={() => setEditing(true)}>
        Rename
      </button>
    );
  return (
    <form
      className="rename-till"
      onSubmit={(event) => {
        event.preventDefault();
        void rename.run();
      }}
    >
      <input aria-label={`New name of till ${props.till.code}`} value={name} onChange={(event) => setName(event.target.value)} required size={14} autoFocus />
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
