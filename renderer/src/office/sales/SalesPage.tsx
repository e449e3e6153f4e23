import type { ReceivedSale } from '../../../../shared/src/index.js';
import { DataTable, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useLoaded } from '../use-loaded.js';

/** How many of the latest sales and returns the page lists. */
const RECENT = 500;

/** The store's latest sales and returns as the server received them. */
export function SalesPage({ store, version }: StorePageProps) {
  const key = `${store.id}:${version}`;
  const sales = useLoaded(() => office.get('/api/office/sales', { query: { store: store.id, limit: RECENT } }), key);
  const tills = useLoaded(() => office.get('/api/office/tills', { query: { store: store.id } }), key);
  const tillCode = new Map((tills.value ?? []).map((till) => [till.id, till.code]));
  const format = formatterOf(store);
  const columns: Column<ReceivedSale>[] = [
    { id: 'receipt', header: 'Receipt', cell: (row) => row.sale.receiptNumber },
    { id: 'kind', header: 'What', cell: (row) => (row.sale.kind === 'return' ? 'return' : 'sale') },
    { id: 'completed', header: 'At the till', cell: (row) => format.dateTime(row.sale.completedAt) },
    { id: 'received', header: 'Received', cell: (row) => format.dateTime(row.receivedAt) },
    { id: 'till', header: 'Till', cell: (row) => tillCode.get(row.sale.tillId) ?? row.sale.tillId },
    { id: 'cashier', header: 'Cashier', cell: (row) => row.sale.cashierName },
    { id: 'customer', header: 'Customer', cell: (row) => row.sale.customer?.name ?? '' },
    { id: 'lines', header: 'Lines', numeric: true, cell: (row) => row.sale.lines.length },
    { id: 'total', header: 'Total', numeric: true, cell: (row) => `${format.amount(row.sale.totals.gross, store.pricing.currencyDecimals)} ${row.sale.currency}` },
  ];
  return (
    <section aria-labelledby="sales-heading">
      <h2 id="sales-heading">Recent sales</h2>
      <p className="muted">The latest {RECENT} sales and returns the tills sent, newest first.</p>
      {sales.problem ? <p className="problem" role="alert">{sales.problem}</p> : null}
      <DataTable
        label="Recent sales"
        columns={columns}
        rows={sales.value}
        rowId={(received) => received.sale.id}
        rowProps={(received) => ({ 'data-receipt': received.sale.receiptNumber })}
        height={520}
        empty={<p className="muted">No sales have reached the server yet.</p>}
      />
    </section>
  );
}
