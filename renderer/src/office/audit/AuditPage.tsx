import { useState } from 'react';
import type { AuditEntry, AuditQuery } from '../../../../shared/src/index.js';
import { DataTable, FormField, type Column } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

/** The kinds of thing the log names, as the filter offers them. */
const KINDS = ['store', 'till', 'cashier', 'customer', 'stockDocument', 'product', 'taxClass', 'supplier', 'purchaseOrder', 'reorderRule', 'transfer', 'stockCount', 'refusal', 'account'];

/** A thing before or after a change, short enough for a cell: its fields that changed. */
function changed(entry: AuditEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (entry.before === null) return 'new';
  if (entry.after === null) return 'removed';
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
  return names.map((name) => `${name}: ${JSON.stringify(before[name] ?? null)} → ${JSON.stringify(after[name] ?? null)}`).join('; ');
}

/** What a change was made to, by name where it has one: "Mia Manager", "Kassa Demo Store", else its id. */
function subjectOf(entry: AuditEntry, people: ReadonlyMap<string, string>): string {
  const named = (thing: unknown) => (thing && typeof thing === 'object' && typeof (thing as { name?: unknown }).name === 'string' ? (thing as { name: string }).name : undefined);
  return people.get(entry.subjectId) ?? named(entry.after) ?? named(entry.before) ?? entry.subjectId;
}

/** Every change made at head office, newest first: who, when, what; filtered by person, kind and dates. */
export function AuditPage() {
  const { stores, may } = useSession();
  const [query, setQuery] = useState<AuditQuery>({});
  const entries = useLoaded(() => office.get('/api/office/audit', { query }), JSON.stringify(query));
  // The people to filter by: the accounts (the owner sees them), else those the log names.
  const accounts = useLoaded(() => (may('GET /api/office/accounts') ? office.get('/api/office/accounts') : Promise.resolve([])), 'accounts');
  const people = new Map<string, string>([['office-key', 'office key']]);
  for (const account of accounts.value ?? []) people.set(account.id, account.name);
  for (const entry of entries.value ?? []) if (entry.actorId && !people.has(entry.actorId)) people.set(entry.actorId, entry.actorLabel);
  const storeName = new Map(stores.map((store) => [store.id, store.name]));
  const format = formatterOf(stores[0]);
  const set = (name: keyof AuditQuery) => (value: string) => setQuery((current) => ({ ...current, [name]: value || undefined }));
  const columns: Column<AuditEntry>[] = [
    { id: 'at', header: 'When', cell: (row) => format.dateTime(row.at) },
    { id: 'who', header: 'Who', cell: (row) => row.actorLabel },
    { id: 'action', header: 'What', cell: (row) => row.action },
    { id: 'kind', header: 'Kind', cell: (row) => row.kind },
    { id: 'subject', header: 'Of', cell: (row) => subjectOf(row, people) },
    { id: 'store', header: 'Store', cell: (row) => (row.storeId ? (storeName.get(row.storeId) ?? row.storeId) : '') },
    { id: 'change', header: 'Change', className: 'audit-change', cell: (row) => changed(row) },
  ];
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <form className="inline-form" role="search" aria-label="Filter the audit log" onSubmit={(event) => event.preventDefault()}>
        <FormField label="Person">
          {(control) => (
            <select {...control} value={query.actor ?? ''} onChange={(event) => set('actor')(event.target.value)}>
              <option value="">everyone</option>
              {[...people].map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Kind">
          {(control) => (
            <select {...control} value={query.kind ?? ''} onChange={(event) => set('kind')(event.target.value)}>
              <option value="">every kind</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="From">{(control) => <input {...control} type="date" value={query.from ?? ''} onChange={(event) => set('from')(event.target.value)} />}</FormField>
        <FormField label="To">{(control) => <input {...control} type="date" value={query.to ?? ''} onChange={(event) => set('to')(event.target.value)} />}</FormField>
      </form>
      {entries.problem ? <p className="problem" role="alert">{entries.problem}</p> : null}
      <DataTable
        label="Audit log"
        columns={columns}
        rows={entries.value}
        rowId={(entry) => String(entry.id)}
        rowProps={(entry) => ({ 'data-audit': entry.action })}
        height={520}
        empty={<p className="muted">Nothing matches.</p>}
      />
    </section>
  );
}
