import { useState } from 'react';
import type { ValuedProduct } from '../../../../shared/src/index.js';
import { DataTable, FormField, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { useLoaded } from '../use-loaded.js';

const COLUMNS: Column<ValuedProduct>[] = [
  { id: 'category', header: 'Category', cell: (row) => row.category || '—' },
  { id: 'sku', header: 'SKU', className: 'nowrap', cell: (row) => row.sku },
  { id: 'name', header: 'Product', cell: (row) => row.name },
  { id: 'quantity', header: 'On hand', numeric: true, cell: (row) => row.quantity },
  { id: 'cost', header: 'Avg cost', numeric: true, cell: (row) => row.averageCost },
  { id: 'value', header: 'Value', numeric: true, className: 'value', cell: (row) => row.value },
];

/**
 * The store's stock value at the end of a day: what was on hand then at its moving average cost
 * then, replayed from the ledger, by top-level category and per product.
 */
export function ValuationPage({ store, version }: StorePageProps) {
  const today = new Date().toISOString().slice(0, 10);
  const [at, setAt] = useState(today);
  const valuation = useLoaded(() => office.get('/api/office/valuation', { query: { store: store.id, at } }), `${store.id}:${version}:${at}`);
  return (
    <section aria-labelledby="valuation-heading">
      <h2 id="valuation-heading">Stock value</h2>
      <div className="inline-form">
        <FormField label="At the end of" hint="a past day is replayed from the ledger">
          {(control) => <input {...control} type="date" value={at} max={today} onChange={(event) => setAt(event.target.value || today)} />}
        </FormField>
      </div>
      {valuation.problem ? (
        <p className="problem" role="alert">
          {valuation.problem}
        </p>
      ) : null}
      {valuation.value ? (
        <>
          <p data-testid="valuation-total">
            <strong>
              {valuation.value.total} {store.currency}
            </strong>{' '}
            at cost, before tax, at the end of {valuation.value.at}
          </p>
          <div className="data-table">
          <table className="valuation-categories" aria-label="Value by category">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col" className="num">
                  Products
                </th>
                <th scope="col" className="num">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {valuation.value.categories.map((category) => (
                <tr key={category.category} data-category={category.category}>
                  <td>{category.category || 'no category'}</td>
                  <td className="num">{category.products}</td>
                  <td className="num">
                    {category.value} {store.currency}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      ) : null}
      <DataTable label="Value per product" columns={COLUMNS} rows={valuation.value?.products} rowId={(row) => row.productId} rowProps={(row) => ({ 'data-valued': row.sku })} empty={<p className="muted">Nothing on hand then.</p>} />
    </section>
  );
}
