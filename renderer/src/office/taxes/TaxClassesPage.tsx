import { useState, type FormEvent } from 'react';
import { effectiveTaxRate, type TaxClass } from '../../../../shared/src/index.js';
import { DataTable, FormField, problemFor, useSubmit } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

/**
 * The store's tax classes: each with the rate in force now and the rates dated after it. A manager
 * adds a class, dates a new rate from a day on (tills apply it then by their own clocks), or renames
 * a class (its code, which products name, stays).
 */
export function TaxClassesPage({ store, version }: StorePageProps) {
  const { may } = useSession();
  const format = formatterOf(store);
  const [reloads, setReloads] = useState(0);
  const classes = useLoaded(() => office.get('/api/office/tax-classes', { query: { store: store.id } }), `${store.id}:${version}:${reloads}`);
  const reload = () => setReloads((count) => count + 1);
  const now = Date.now();
  return (
    <section aria-labelledby="taxes-heading">
      <h2 id="taxes-heading">Tax classes</h2>
      {classes.problem ? (
        <p className="problem" role="alert">
          {classes.problem}
        </p>
      ) : null}
      <DataTable
        label="Tax classes"
        columns={[
          { id: 'code', header: 'Code', cell: (taxClass: TaxClass) => taxClass.code },
          { id: 'name', header: 'Name', cell: (taxClass: TaxClass) => taxClass.name },
          { id: 'rate', header: 'Rate now', numeric: true, className: 'rate', cell: (taxClass: TaxClass) => `${effectiveTaxRate(taxClass, now)} %` },
          {
            id: 'dated',
            header: 'Dated rates',
            cell: (taxClass: TaxClass) =>
              (taxClass.rates ?? []).map((rate) => `${rate.ratePercent} % from ${format.dateTime(rate.from)}${Date.parse(rate.from) > now ? ' (to come)' : ''}`).join('; ') || 'none',
          },
        ]}
        rows={classes.value ?? []}
        rowId={(taxClass) => taxClass.id}
        rowProps={(taxClass) => ({ 'data-tax-class': taxClass.code })}
      />
      {may('POST /api/office/tax-classes') && classes.value ? (
        <>
          <DateRate classes={classes.value} onChanged={reload} />
          <RenameClass classes={classes.value} onChanged={reload} />
          <AddClass storeId={store.id} onAdded={reload} />
        </>
      ) : null}
    </section>
  );
}

function DateRate(props: { classes: TaxClass[]; onChanged(): void }) {
  const [id, setId] = useState(props.classes[0]?.id ?? '');
  const [from, setFrom] = useState('');
  const [rate, setRate] = useState('');
  const [result, setResult] = useState('');
  const change = useSubmit(async () => {
    setResult('');
    const changed = await office.post('/api/office/tax-classes/:id/rates', { params: { id }, body: { from: from ? new Date(from).toISOString() : '', ratePercent: rate.trim().replace(',', '.') } });
    setResult(`${changed.name}: ${rate.trim()} % dated.`);
    setRate('');
    props.onChanged();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change.run();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="date-rate-heading">
      <h3 id="date-rate-heading">Date a new rate</h3>
      <TaxClassPicker label="Tax class" classes={props.classes} value={id} onChange={setId} />
      <FormField label="From" error={problemFor(change.fieldProblems, 'from')}>
        {(control) => <input {...control} type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} required />}
      </FormField>
      <FormField label="Rate in %" error={problemFor(change.fieldProblems, 'ratePercent')}>
        {(control) => <input {...control} value={rate} onChange={(event) => setRate(event.target.value)} required size={6} inputMode="decimal" autoComplete="off" />}
      </FormField>
      <button type="submit" disabled={change.busy}>
        Date the rate
      </button>
      <ChangeStatus problem={change.problem} failed="Not dated" result={result} />
    </form>
  );
}

function RenameClass(props: { classes: TaxClass[]; onChanged(): void }) {
  const [id, setId] = useState(props.classes[0]?.id ?? '');
  const [name, setName] = useState('');
  const [result, setResult] = useState('');
  const rename = useSubmit(async () => {
    setResult('');
    const renamed = await office.put('/api/office/tax-classes/:id', { params: { id }, body: { name: name.trim() } });
    setResult(`${renamed.code} is now called ${renamed.name}.`);
    setName('');
    props.onChanged();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void rename.run();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="rename-class-heading">
      <h3 id="rename-class-heading">Rename a class</h3>
      <TaxClassPicker label="Class to rename" classes={props.classes} value={id} onChange={setId} />
      <FormField label="New name" hint="the code stays" error={problemFor(rename.fieldProblems, 'name')}>
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required size={16} autoComplete="off" />}
      </FormField>
      <button type="submit" disabled={rename.busy}>
        Rename
      </button>
      <ChangeStatus problem={rename.problem} failed="Not renamed" result={result} />
    </form>
  );
}

/** Which class a change is for: each by its name and code. */
function TaxClassPicker(props: { label: string; classes: TaxClass[]; value: string; onChange(id: string): void }) {
  return (
    <FormField label={props.label}>
      {(control) => (
        <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
          {props.classes.map((taxClass) => (
            <option key={taxClass.id} value={taxClass.id}>
              {taxClass.name} ({taxClass.code})
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** What became of the last change: what was done, or why it was not (`failed` says what was not done). */
function ChangeStatus(props: { problem: string; failed: string; result: string }) {
  return (
    <p role="status" className={props.problem ? 'problem' : undefined}>
      {props.problem ? `${props.failed}: ${props.problem}` : props.result}
    </p>
  );
}

function AddClass(props: { storeId: string; onAdded(): void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [rate, setRate] = useState('');
  const add = useSubmit(async () => {
    await office.post('/api/office/tax-classes', { body: { storeId: props.storeId, code: code.trim(), name: name.trim(), ratePercent: rate.trim().replace(',', '.') } });
    setCode('');
    setName('');
    setRate('');
    props.onAdded();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="add-class-heading">
      <h3 id="add-class-heading">Add a tax class</h3>
      <FormField label="Class code" hint="products name it: standard, reduced, books" error={problemFor(add.fieldProblems, 'code')}>
        {(control) => <input {...control} value={code} onChange={(event) => setCode(event.target.value)} required size={10} autoComplete="off" />}
      </FormField>
      <FormField label="Class name" error={problemFor(add.fieldProblems, 'name')}>
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required size={16} autoComplete="off" />}
      </FormField>
      <FormField label="Rate %" error={problemFor(add.fieldProblems, 'ratePercent')}>
        {(control) => <input {...control} value={rate} onChange={(event) => setRate(event.target.value)} required size={6} inputMode="decimal" autoComplete="off" />}
      </FormField>
      <button type="submit" disabled={add.busy}>
        Add class
      </button>
      {add.problem ? (
        <p role="alert" className="problem">
          Not added: {add.problem}
        </p>
      ) : null}
    </form>
  );
}
