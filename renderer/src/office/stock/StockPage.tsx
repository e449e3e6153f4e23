import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { ADJUSTMENT_REASONS, type AdjustmentReason, type StockDocument, type StockDocumentKind, type StockRow } from '../../../../shared/src/index.js';
import { DataTable, FormField, FormProblem, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

const COLUMNS: Column<StockRow>[] = [
  { id: 'sku', header: 'SKU', className: 'nowrap', cell: (row) => row.sku },
  { id: 'name', header: 'Product', cell: (row) => row.name },
  { id: 'unit', header: 'Unit', cell: (row) => row.unit },
  { id: 'opening', header: 'Opening', numeric: true, cell: (row) => row.opening },
  { id: 'received', header: 'Received', numeric: true, cell: (row) => row.received },
  { id: 'adjusted', header: 'Adjusted', numeric: true, cell: (row) => row.adjusted },
  { id: 'sold', header: 'Sold', numeric: true, cell: (row) => row.sold },
  { id: 'returned', header: 'Returned', numeric: true, cell: (row) => row.returned },
  // Transfers: received from other stores less sent to them.
  { id: 'transferred', header: 'Transfers', numeric: true, className: 'transferred', cell: (row) => row.transferred },
  {
    id: 'onHand',
    header: 'On hand',
    numeric: true, className: 'on-hand',
    cell: (row) => <span className={row.quantity.startsWith('-') ? 'negative' : undefined}>{row.quantity}</span>,
  },
  // What sent purchase orders still await.
  { id: 'onOrder', header: 'On order', numeric: true, className: 'on-order', cell: (row) => row.onOrder },
  // Sent to this store by others and not received yet; sent by this store and not received yet (out of its stock already).
  { id: 'inTransit', header: 'In transit', numeric: true, className: 'in-transit', cell: (row) => row.inTransit },
  { id: 'sentInTransit', header: 'Sent, in transit', numeric: true, className: 'sent-in-transit', cell: (row) => row.sentInTransit },
  { id: 'averageCost', header: 'Avg cost', numeric: true, className: 'average-cost', cell: (row) => row.averageCost },
];

/** Stock on hand per product (one row each, 100,000 and more), with goods received and adjustments recorded here. */
export function StockPage({ store, version }: StorePageProps) {
  const { may } = useSession();
  const key = `${store.id}:${version}`;
  const report = useLoaded(() => office.get('/api/office/stock', { query: { store: store.id } }), key);
  const documents = useLoaded(() => office.get('/api/office/stock-documents', { query: { store: store.id, limit: 20 } }), key);
  const format = formatterOf(report.value?.store ?? store);
  const [filter, setFilter] = useState('');
  const wanted = useDeferredValue(filter.trim().toLowerCase());
  const products = report.value?.products;
  const rows = useMemo(() => (products ?? []).filter((product) => !wanted || product.name.toLowerCase().includes(wanted) || product.sku.toLowerCase().includes(wanted)), [products, wanted]);
  const productName = useMemo(() => new Map((products ?? []).map((product) => [product.productId, `${product.name} (${product.sku})`])), [products]);

  return (
    <>
      <section aria-labelledby="stock-heading">
        <h2 id="stock-heading">Stock on hand</h2>
        {report.problem ? <p className="problem" role="alert">{report.problem}</p> : null}
        {report.value ? (
          <p className="muted" id="summary">
            {report.value.products.length} products, {report.value.salesCount} sales received, updated {format.time(report.value.generatedAt)}
          </p>
        ) : null}
        {may('POST /api/office/stock-documents') && products ? <StockForm storeId={store.id} products={products} onRecorded={() => Promise.all([report.reload(), documents.reload()])} /> : null}
        <div className="filter">
          <label>
            Filter <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="name or SKU" />
          </label>
          {wanted ? (
            <span className="muted" role="status">
              {rows.length} of {products?.length ?? 0} products
            </span>
          ) : null}
        </div>
        <DataTable label="Stock on hand" columns={COLUMNS} rows={rows} rowId={(row) => row.productId} rowProps={(row) => ({ 'data-sku': row.sku })} height={440} />
      </section>
      <section aria-labelledby="stock-documents-heading">
        <h2 id="stock-documents-heading">Recorded here lately</h2>
        <DataTable
          label="Goods received and adjustments recorded lately"
          columns={[
            { id: 'at', header: 'Recorded', cell: (row) => format.dateTime(row.recordedAt) },
            { id: 'kind', header: 'What', cell: (row) => (row.kind === 'receipt' ? 'Goods received' : `Adjustment (${row.reason ?? ''})`) },
            { id: 'reference', header: 'Reference', cell: (row) => row.reference },
            { id: 'lines', header: 'Products', cell: (row) => row.lines.map((line) => `${productName.get(line.productId) ?? line.productId}: ${line.quantity}`).join(', ') },
            { id: 'by', header: 'By', cell: (row) => row.recordedBy },
          ]}
          rows={documents.value}
          rowId={(document) => document.id}
          empty={<p className="muted">Nothing recorded here yet.</p>}
        />
      </section>
    </>
  );
}

/** Goods received, or an adjustment with its reason: one document of one line, recorded once however often it is sent. */
function StockForm(props: { storeId: string; products: StockRow[]; onRecorded(): Promise<unknown> }) {
  const { me } = useSession();
  const [kind, setKind] = useState<StockDocumentKind>('receipt');
  const [sku, setSku] = useState('');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState<AdjustmentReason>('count');
  const [reference, setReference] = useState('');
  const [result, setResult] = useState('');
  const record = useSubmit(async () => {
    setResult('');
    const product = props.products.find((candidate) => candidate.sku.toLowerCase() === sku.trim().toLowerCase());
    if (!product) throw new FormProblem('sku', `no product with SKU ${sku.trim()}`);
    const document: StockDocument = {
      id: crypto.randomUUID(),
      kind,
      storeId: props.storeId,
      reference: reference.trim(),
      lines: [{ productId: product.productId, quantity: quantity.trim().replace(',', '.') }],
      recordedBy: me.account?.name ?? 'head office',
      ...(kind === 'adjustment' ? { reason } : {}),
    };
    await office.post('/api/office/stock-documents', { body: document });
    setResult(`Recorded: ${product.name} ${document.lines[0].quantity}.`);
    setQuantity('');
    await props.onRecorded();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void record.run();
  };
  const error = (path: string) => problemFor(record.fieldProblems, path);
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="stock-form-heading">
      <h3 id="stock-form-heading">Receive goods or adjust stock</h3>
      <FormField label="What">
        {(control) => (
          <select {...control} value={kind} onChange={(event) => setKind(event.target.value as StockDocumentKind)}>
            <option value="receipt">Goods received</option>
            <option value="adjustment">Adjustment</option>
          </select>
        )}
      </FormField>
      <FormField label="SKU" error={error('sku')}>
        {(control) => <input {...control} value={sku} onChange={(event) => setSku(event.target.value)} required size={12} autoComplete="off" />}
      </FormField>
      <FormField label="Quantity" error={error('lines') ?? error('quantity')}>
        {(control) => <input {...control} value={quantity} onChange={(event) => setQuantity(event.target.value)} required size={8} inputMode="decimal" placeholder="12 or -2" autoComplete="off" />}
      </FormField>
      {kind === 'adjustment' ? (
        <FormField label="Reason" error={error('reason')}>
          {(control) => (
            <select {...control} value={reason} onChange={(event) => setReason(event.target.value as AdjustmentReason)}>
              {ADJUSTMENT_REASONS.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <FormField label="Reference" error={error('reference')}>
        {(control) => <input {...control} value={reference} onChange={(event) => setReference(event.target.value)} size={16} placeholder="delivery note" autoComplete="off" />}
      </FormField>
      <button type="submit" disabled={record.busy}>
        Record
      </button>
      <p id="stock-result" role="status" className={record.problem ? 'problem' : undefined}>
        {record.problem ? `Not recorded: ${record.problem}` : result}
      </p>
    </form>
  );
}
