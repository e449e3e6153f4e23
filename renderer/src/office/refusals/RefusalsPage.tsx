import type { RefusedDocument } from '../../../../shared/src/index.js';
import { DataTable, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { ago, formatterOf } from '../format.js';
import { useSession } from '../session.js';
import { useLoaded, useNow } from '../use-loaded.js';
import { AcceptRefusal } from './AcceptRefusal.js';

/** What a refused document was, in the shop's words: a receipt number, a shift event, a customer. */
function describe(refusal: RefusedDocument): string {
  const document = refusal.document as { kind?: string; name?: string; receiptNumber?: string };
  if (refusal.collection === 'shiftEvents') return `shift ${document.kind ?? 'event'} no. ${refusal.number}`;
  if (refusal.collection === 'customers') return `customer ${document.name ?? refusal.id}`;
  return document.receiptNumber ?? refusal.id;
}

/** Documents the server refused from the store's tills, with the reasons, until a till sends them again and they are taken. */
export function RefusalsPage({ store, version }: StorePageProps) {
  const format = formatterOf(store);
  const now = useNow();
  const { may } = useSession();
  const key = `${store.id}:${version}`;
  const refusals = useLoaded(() => office.get('/api/office/refusals', { query: { store: store.id } }), key);
  const tills = useLoaded(() => office.get('/api/office/tills', { query: { store: store.id } }), key);
  const tillCode = new Map((tills.value ?? []).map((till) => [till.id, till.code]));
  const columns: Column<RefusedDocument>[] = [
    { id: 'last', header: 'Last refused', cell: (row) => format.dateTime(row.lastRefusedAt) },
    { id: 'till', header: 'Till', cell: (row) => tillCode.get(row.tillId) ?? row.tillId },
    { id: 'document', header: 'Receipt', cell: (row) => describe(row) },
    {
      id: 'reasons',
      header: 'Reasons',
      cell: (row) => (
        <ul className="problems">
          {row.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ),
    },
    { id: 'attempts', header: 'Attempts', numeric: true, cell: (row) => row.attempts },
    { id: 'status', header: 'Status', className: 'status', cell: (row) => (row.acceptedAt ? `taken ${ago(format, row.acceptedAt, now)}` : <span className="refused">open</span>) },
    ...(may('POST /api/office/refusals/:id/accept')
      ? [{ id: 'take', header: <span className="visually-hidden">Take</span>, cell: (row: RefusedDocument) => <AcceptRefusal refusal={row} label={describe(row)} onTaken={() => refusals.reload()} /> }]
      : []),
  ];
  return (
    <section aria-labelledby="refusals-heading">
      <h2 id="refusals-heading">Refused documents</h2>
      {refusals.problem ? <p className="problem" role="alert">{refusals.problem}</p> : null}
      <DataTable
        label="Refused documents"
        columns={columns}
        rows={refusals.value}
        rowId={(refusal) => `${refusal.tillId}:${refusal.collection}:${refusal.id}`}
        rowProps={(refusal) => ({ 'data-refusal': refusal.id })}
        rowHeight={48}
        empty={<p className="muted">None: every document the tills sent was taken.</p>}
      />
    </section>
  );
}
