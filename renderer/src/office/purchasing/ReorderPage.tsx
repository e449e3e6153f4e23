import { useState, type FormEvent } from 'react';
import { dec, SERVICE_LEVEL_CHOICES, type ReorderSuggestion } from '../../../../shared/src/index.js';
import { DataTable, FormField, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';
import { reportCsv, type ReportColumn } from '../reports/columns.js';
import { ReportActions } from '../reports/ReportParts.js';

/** The suggestions as a report: every figure a suggestion is worked out from, as the server sent it. */
export const REORDER_CSV_COLUMNS: readonly ReportColumn<ReorderSuggestion>[] = [
  { id: 'sku', header: 'SKU', kind: 'text', value: (row) => row.sku },
  { id: 'product', header: 'Product', kind: 'text', value: (row) => row.name },
  { id: 'policy', header: 'Policy', kind: 'text', value: (row) => row.policy },
  { id: 'cover', header: 'Days of cover', kind: 'text', value: (row) => row.daysOfCover },
  { id: 'daily', header: 'Sold a day', kind: 'text', value: (row) => row.averageDaily },
  { id: 'spread', header: 'Spread a day', kind: 'text', value: (row) => row.spread },
  { id: 'lead', header: 'Lead time (days)', kind: 'count', value: (row) => row.leadTimeDays },
  { id: 'safety', header: 'Safety stock', kind: 'text', value: (row) => row.safetyStock },
  { id: 'target', header: 'Target', kind: 'text', value: (row) => row.target },
  { id: 'on-hand', header: 'On hand', kind: 'text', value: (row) => row.onHand },
  { id: 'on-order', header: 'On order', kind: 'text', value: (row) => row.onOrder },
  { id: 'wanted', header: 'Wanted', kind: 'text', value: (row) => row.wanted },
  { id: 'packs', header: 'Packs', kind: 'count', value: (row) => row.packs },
  { id: 'pack-size', header: 'Pack size', kind: 'text', value: (row) => row.packSize },
  { id: 'quantity', header: 'Quantity', kind: 'text', value: (row) => row.quantity },
  { id: 'supplier', header: 'Supplier', kind: 'text', value: (row) => row.supplierName },
  { id: 'pack-cost', header: 'Pack cost', kind: 'text', value: (row) => row.packCost },
  { id: 'currency', header: 'Currency', kind: 'text', value: (row) => row.currency },
  { id: 'explanation', header: 'Explanation', kind: 'text', value: (row) => row.explanation },
];

/**
 * What the store should order now: each product's suggestion with the figures it comes from, those
 * that run out soonest first. A manager accepts some (packs may be changed) and makes draft orders
 * of them, one per supplier, and sets a product's fixed min/max where the automatic rule does not fit.
 */
export function ReorderPage({ store, version }: StorePageProps) {
  const { may } = useSession();
  const [windowDays, setWindowDays] = useState('28');
  const [reviewDays, setReviewDays] = useState('7');
  const [serviceLevel, setServiceLevel] = useState('95');
  const [asked, setAsked] = useState({ windowDays: '28', reviewDays: '7', serviceLevel: '95' });
  const [reloads, setReloads] = useState(0);
  const suggestions = useLoaded(
    () => office.get('/api/office/reorder', { query: { store: store.id, windowDays: Number(asked.windowDays), reviewDays: Number(asked.reviewDays), serviceLevel: asked.serviceLevel } }),
    `${store.id}:${version}:${JSON.stringify(asked)}:${reloads}`,
  );
  const [declined, setDeclined] = useState<Set<string>>(new Set());
  const [packs, setPacks] = useState<Record<string, string>>({});
  const [result, setResult] = useState('');
  const mayOrder = may('POST /api/office/reorder/orders');
  const accepted = (suggestions.value ?? []).filter((suggestion) => suggestion.supplierId && !declined.has(suggestion.productId));

  const make = useSubmit(async () => {
    const made = await office.post('/api/office/reorder/orders', {
      body: { storeId: store.id, lines: accepted.map((suggestion) => ({ productId: suggestion.productId, packs: (packs[suggestion.productId] ?? String(suggestion.packs)).trim() })) },
    });
    setResult(`Made ${made.map((order) => `${order.number} for ${order.supplierName}`).join(', ')} as drafts: see Purchase orders.`);
    setPacks({});
    setReloads((count) => count + 1);
  });

  const columns: Column<ReorderSuggestion>[] = [
    {
      id: 'accept',
      header: <span className="visually-hidden">Order</span>,
      cell: (row) =>
        row.supplierId ? (
          <input
            type="checkbox"
            aria-label={`Order ${row.sku}`}
            checked={!declined.has(row.productId)}
            onChange={(event) => {
              const next = new Set(declined);
              if (event.target.checked) next.delete(row.productId);
              else next.add(row.productId);
              setDeclined(next);
            }}
          />
        ) : null,
    },
    {
      id: 'product',
      header: 'Product',
      cell: (row) => (
        <>
          <div>
            {row.sku} · {row.name}
          </div>
          <div className="muted explanation">{row.explanation}</div>
        </>
      ),
    },
    { id: 'cover', header: 'Days of cover', numeric: true, className: 'cover', cell: (row) => row.daysOfCover ?? '—' },
    { id: 'daily', header: 'Sold a day', numeric: true, cell: (row) => row.averageDaily },
    { id: 'onHand', header: 'On hand', numeric: true, cell: (row) => row.onHand },
    { id: 'onOrder', header: 'On order', numeric: true, cell: (row) => row.onOrder },
    // Worked to the thousandth; shown without trailing zeros (300, not 300.000, for pieces).
    { id: 'target', header: 'Target', numeric: true, cell: (row) => dec(row.target).toFixed() },
    {
      id: 'packs',
      header: 'Packs',
      numeric: true,
      cell: (row) =>
        row.supplierId && mayOrder ? (
          <span>
            <input className="packs-input" aria-label={`Packs of ${row.sku}`} value={packs[row.productId] ?? String(row.packs)} onChange={(event) => setPacks({ ...packs, [row.productId]: event.target.value })} inputMode="numeric" size={4} autoComplete="off" /> × {row.packSize}
          </span>
        ) : (
          `${row.packs} × ${row.packSize}`
        ),
    },
    { id: 'supplier', header: 'Supplier', cell: (row) => row.supplierName ?? <span className="muted">no preferred supplier</span> },
  ];

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setAsked({ windowDays, reviewDays, serviceLevel });
  };
  return (
    <section aria-labelledby="reorder-heading">
      <h2 id="reorder-heading">Reorder</h2>
      <form className="inline-form" onSubmit={ask} aria-label="How suggestions are made">
        <FormField label="Sales of the last (days)">
          {(control) => <input {...control} value={windowDays} onChange={(event) => setWindowDays(event.target.value)} inputMode="numeric" size={4} autoComplete="off" />}
        </FormField>
        <FormField label="Review period (days)" hint="until you order again">
          {(control) => <input {...control} value={reviewDays} onChange={(event) => setReviewDays(event.target.value)} inputMode="numeric" size={4} autoComplete="off" />}
        </FormField>
        <FormField label="Service level">
          {(control) => (
            <select {...control} value={serviceLevel} onChange={(event) => setServiceLevel(event.target.value)}>
              {SERVICE_LEVEL_CHOICES.map((level) => (
                <option key={level} value={level}>
                  {level} %
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit">Suggest</button>
        <ReportActions
          csv={
            suggestions.value
              ? () => ({ text: reportCsv(REORDER_CSV_COLUMNS, suggestions.value ?? [], store.currency), name: `reorder-${store.code}-${new Date().toISOString().slice(0, 10)}.csv` })
              : undefined
          }
        />
      </form>
      {suggestions.problem ? (
        <p className="problem" role="alert">
          {suggestions.problem}
        </p>
      ) : null}
      <DataTable
        label="Reorder suggestions"
        columns={columns}
        rows={suggestions.value}
        rowId={(row) => row.productId}
        rowProps={(row) => ({ 'data-suggestion': row.sku })}
        empty={<p className="muted">Nothing to order: stock and what is on order cover every product.</p>}
      />
      {mayOrder ? (
        <p className="form-actions">
          <button type="button" onClick={() => void make.run()} disabled={make.busy || accepted.length === 0}>
            Make draft orders of {accepted.length === 1 ? '1 product' : `${accepted.length} products`}
          </button>
        </p>
      ) : null}
      <p role="status" className={make.problem ? 'problem' : undefined}>
        {make.problem ? `No order made: ${make.problem}` : result}
      </p>
      {mayOrder ? <FixedRule storeId={store.id} onSaved={() => setReloads((count) => count + 1)} /> : null}
    </section>
  );
}

/** A product's fixed min/max in the store, found by SKU; both empty: back to the automatic rule. */
function FixedRule(props: { storeId: string; onSaved(): void }) {
  const catalogue = useLoaded(() => office.get('/api/office/products'), 'products');
  const [sku, setSku] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [result, setResult] = useState('');
  const save = useSubmit(async () => {
    const product = catalogue.value?.find((candidate) => candidate.sku.toLowerCase() === sku.trim().toLowerCase());
    if (!product) throw new Error(`no product has the SKU "${sku.trim()}"`);
    const rule = await office.put('/api/office/reorder/rules/:store/:productId', { params: { store: props.storeId, productId: product.id }, body: { min: min.trim() || null, max: max.trim() || null } });
    setResult(rule ? `${product.name}: ordered up to ${rule.max} at or below ${rule.min}.` : `${product.name}: back to the automatic rule.`);
    props.onSaved();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="fixed-rule-heading">
      <h3 id="fixed-rule-heading">Fixed min/max for a product</h3>
      <FormField label="SKU" error={problemFor(save.fieldProblems, 'productId')}>
        {(control) => <input {...control} value={sku} onChange={(event) => setSku(event.target.value)} required size={12} autoComplete="off" />}
      </FormField>
      <FormField label="Minimum" hint="at or below it, order" error={problemFor(save.fieldProblems, 'min')}>
        {(control) => <input {...control} value={min} onChange={(event) => setMin(event.target.value)} inputMode="decimal" size={6} autoComplete="off" />}
      </FormField>
      <FormField label="Maximum" hint="order up to it; both empty: automatic" error={problemFor(save.fieldProblems, 'max')}>
        {(control) => <input {...control} value={max} onChange={(event) => setMax(event.target.value)} inputMode="decimal" size={6} autoComplete="off" />}
      </FormField>
      <button type="submit" disabled={save.busy}>
        Save rule
      </button>
      <p role="status" className={save.problem && save.fieldProblems.length === 0 ? 'problem' : undefined}>
        {save.problem && save.fieldProblems.length === 0 ? `Not saved: ${save.problem}` : result}
      </p>
    </form>
  );
}
