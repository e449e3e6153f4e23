import { useMemo } from 'react';
import type { StockException, StockReport } from '../../../../shared/src/index.js';
import { DataTable, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useLoaded } from '../use-loaded.js';

const WHAT: Record<StockException['kind'], string> = {
  oversell: 'Oversold',
  refusals_capped: 'Too many refused',
  tax_mismatch: 'Tax mismatch',
  implausible_change: 'Implausible change',
  price_mismatch: 'Price mismatch',
};

/** Why head office should look at an exception, in words. */
function details(exception: StockException, report: StockReport): string {
  const format = formatterOf(report.store);
  const decimals = report.store.pricing.currencyDecimals;
  const given = exception.details;
  switch (exception.kind) {
    case 'oversell':
      return `stock ${given.before} → ${given.after}`;
    case 'implausible_change':
      return `Change of ${format.amount(given.change, decimals)} ${given.currency} given on receipt ${given.receiptNumber} is more than the largest note (${given.largestNote}); ${format.amount(given.tendered, decimals)} ${given.currency} handed over`;
    case 'refusals_capped':
      return `the till keeps ${given.openRefusals} refused documents (${given.bytes} bytes), its cap is ${given.cap}: its pushes with more are refused until the refused documents are dealt with`;
    case 'tax_mismatch':
      return `taxed at ${given.charged}, the product now ${given.current}`;
    case 'price_mismatch':
      return `charged ${given.charged}, price now ${given.current}`;
  }
}

/** Sales that stand but want a look: stock below zero, an outdated price or tax, implausible change; tills with too many refused documents. */
export function ExceptionsPage({ store, version }: StorePageProps) {
  // The stock report carries the exceptions with the products and tills they name, and the store as it is now.
  const report = useLoaded(() => office.get('/api/office/stock', { query: { store: store.id } }), `${store.id}:${version}`);
  const value = report.value;
  const format = formatterOf(value?.store ?? store);
  const products = useMemo(() => new Map((value?.products ?? []).map((product) => [product.productId, product])), [value]);
  const tillCode = new Map((value?.tills ?? []).map((till) => [till.id, till.code]));
  const columns: Column<StockException>[] = [
    { id: 'raised', header: 'Raised', cell: (row) => format.dateTime(row.raisedAt) },
    { id: 'what', header: 'What', cell: (row) => WHAT[row.kind] },
    {
      id: 'product',
      header: 'Product',
      cell: (row) => {
        const product = products.get(row.productId);
        return product ? `${product.name} (${product.sku})` : row.productId;
      },
    },
    { id: 'till', header: 'Till', cell: (row) => tillCode.get(row.tillId) ?? row.tillId },
    { id: 'receipt', header: 'Receipt', cell: (row) => row.details.receiptNumber ?? '' },
    { id: 'details', header: 'Details', cell: (row) => (value ? details(row, value) : '') },
  ];
  return (
    <section aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">Exceptions</h2>
      {report.problem ? <p className="problem" role="alert">{report.problem}</p> : null}
      <DataTable
        label="Exceptions"
        columns={columns}
        rows={value?.exceptions ?? []}
        rowId={(exception) => String(exception.id)}
        rowProps={(exception) => ({ 'data-exception': exception.kind, 'data-product': exception.productId })}
        rowHeight={48}
        empty={
          value ? (
            <p className="muted">None: no sale took stock below zero, was charged at an outdated price or gave more change than the largest note, and no till keeps too many refused documents.</p>
          ) : null
        }
      />
    </section>
  );
}
