import { useState, type FormEvent } from 'react';
import { orderTotal, type PurchaseOrder, type PurchaseOrderLineInput, type Supplier, type SupplierProductView } from '../../../../shared/src/index.js';
import { DataTable, FormField, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';
import { ReceiveDelivery } from './ReceiveDelivery.js';

const STATE_WORDS: Record<PurchaseOrder['state'], string> = { draft: 'draft', sent: 'sent', 'partly-received': 'partly received', received: 'received', cancelled: 'cancelled' };

/**
 * The store's purchase orders: a manager drafts one from a supplier, in its packs at its cost,
 * changes it while it is a draft, sends it (due the supplier's lead time later; on order from then)
 * or cancels it. An order downloads as CSV and prints (or saves as PDF) for the supplier.
 */
export function PurchaseOrdersPage({ store, version }: StorePageProps) {
  const { may } = useSession();
  const format = formatterOf(store);
  const orders = useLoaded(() => office.get('/api/office/purchase-orders', { query: { store: store.id } }), `${store.id}:${version}`);
  const [openId, setOpenId] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  const mayChange = may('POST /api/office/purchase-orders');
  const open = orders.value?.find((order) => order.id === openId) ?? null;

  const columns: Column<PurchaseOrder>[] = [
    { id: 'number', header: 'Order', className: 'nowrap', cell: (row) => row.number },
    { id: 'supplier', header: 'Supplier', cell: (row) => row.supplierName },
    { id: 'state', header: 'State', className: 'po-state', cell: (row) => STATE_WORDS[row.state] },
    { id: 'lines', header: 'Lines', numeric: true, cell: (row) => String(row.lines.length) },
    { id: 'total', header: 'Total', numeric: true, cell: (row) => `${orderTotal(row)} ${row.currency}` },
    { id: 'created', header: 'Made', cell: (row) => format.dateTime(row.createdAt) },
    { id: 'expected', header: 'Due', className: 'nowrap', cell: (row) => (row.expectedAt ? format.date(row.expectedAt) : '') },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) => (
        <button type="button" onClick={() => setOpenId(row.id)} aria-label={`Open ${row.number}`}>
          Open
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="orders-heading" className="purchase-orders">
      <h2 id="orders-heading">Purchase orders</h2>
      {orders.problem ? (
        <p className="problem" role="alert">
          {orders.problem}
        </p>
      ) : null}
      {mayChange && !drafting ? (
        <p className="no-print">
          <button type="button" onClick={() => setDrafting(true)}>
            New purchase order
          </button>
        </p>
      ) : null}
      {drafting ? (
        <NewOrder
          storeId={store.id}
          currency={store.currency}
          onClose={() => setDrafting(false)}
          onMade={async (order) => {
            setDrafting(false);
            await orders.reload();
            setOpenId(order.id);
          }}
        />
      ) : null}
      <div className="no-print">
        <DataTable label="Purchase orders" columns={columns} rows={orders.value} rowId={(order) => order.id} rowProps={(order) => ({ 'data-order': order.number })} empty={<p className="muted">No purchase orders yet.</p>} />
      </div>
      {open ? <OrderDetail key={open.id} order={open} mayChange={mayChange} mayReceive={may('POST /api/office/stock-documents')} onChanged={orders.reload} /> : null}
    </section>
  );
}

/** A new draft: a supplier of the store's currency, then lines of what it supplies. */
function NewOrder(props: { storeId: string; currency: string; onClose(): void; onMade(order: PurchaseOrder): Promise<void> }) {
  const suppliers = useLoaded(() => office.get('/api/office/suppliers'), 'suppliers');
  const usable = (suppliers.value ?? []).filter((supplier: Supplier) => supplier.active);
  const [supplierId, setSupplierId] = useState('');
  const chosen = usable.find((supplier) => supplier.id === supplierId) ?? usable[0];
  const make = useSubmit(async (lines: PurchaseOrderLineInput[], note: string) => {
    if (!chosen) throw new Error('add a supplier first (Suppliers page)');
    const order = await office.post('/api/office/purchase-orders', { body: { storeId: props.storeId, supplierId: chosen.id, lines, ...(note ? { note } : {}) } });
    await props.onMade(order);
  });
  return (
    <section aria-labelledby="new-order-heading" className="no-print">
      <h3 id="new-order-heading">New purchase order</h3>
      <FormField label="Supplier" error={problemFor(make.fieldProblems, 'supplierId')}>
        {(control) => (
          <select {...control} value={chosen?.id ?? ''} onChange={(event) => setSupplierId(event.target.value)}>
            {usable.map((supplier) => (
              <option key={supplier.id} value={supplier.id}>
                {supplier.name} ({supplier.currency}, {supplier.leadTimeDays} d)
              </option>
            ))}
          </select>
        )}
      </FormField>
      {chosen ? (
        <LinesForm key={chosen.id} supplierId={chosen.id} initial={[]} submitLabel="Save draft" busy={make.busy} problem={make.problem} fieldProblems={make.fieldProblems} onSubmit={(lines, note) => void make.run(lines, note)} onCancel={props.onClose} />
      ) : (
        <p className="muted">{suppliers.value ? 'No active supplier yet: add one on the Suppliers page.' : 'Loading suppliers…'}</p>
      )}
    </section>
  );
}

/**
 * The lines of an order as a form: each product the supplier supplies with how many packs (empty or
 * 0: not ordered) and its cost per pack, found by SKU or name.
 */
function LinesForm(props: {
  supplierId: string;
  initial: { productId: string; packs: string; packCost: string }[];
  note?: string;
  submitLabel: string;
  busy: boolean;
  problem: string;
  fieldProblems: ReturnType<typeof useSubmit>['fieldProblems'];
  onSubmit(lines: PurchaseOrderLineInput[], note: string): void;
  onCancel?(): void;
}) {
  const supplied = useLoaded(() => office.get('/api/office/suppliers/:id/products', { params: { id: props.supplierId } }), props.supplierId);
  const [packs, setPacks] = useState<Record<string, string>>(Object.fromEntries(props.initial.map((line) => [line.productId, line.packs])));
  const [costs, setCosts] = useState<Record<string, string>>(Object.fromEntries(props.initial.map((line) => [line.productId, line.packCost])));
  const [note, setNote] = useState(props.note ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rows = supplied.value ?? [];
    const lines = rows
      .filter((row) => (packs[row.productId] ?? '').trim() !== '' && (packs[row.productId] ?? '').trim() !== '0')
      .map((row) => ({ productId: row.productId, packs: packs[row.productId].trim(), ...(costs[row.productId] && costs[row.productId] !== row.packCost ? { packCost: costs[row.productId].trim().replace(',', '.') } : {}) }));
    props.onSubmit(lines, note.trim());
  };
  const columns: Column<SupplierProductView>[] = [
    { id: 'sku', header: 'SKU', className: 'nowrap', cell: (row) => row.sku },
    { id: 'name', header: 'Product', cell: (row) => row.name },
    { id: 'supplierSku', header: 'Supplier’s SKU', className: 'nowrap', cell: (row) => row.supplierSku },
    { id: 'pack', header: 'Pack', numeric: true, cell: (row) => `${row.packSize} ${row.unit === 'piece' ? 'pcs' : row.unit}` },
    {
      id: 'packs',
      header: 'Packs',
      numeric: true,
      cell: (row) => (
        <input aria-label={`Packs of ${row.sku}`} value={packs[row.productId] ?? ''} onChange={(event) => setPacks({ ...packs, [row.productId]: event.target.value })} inputMode="numeric" size={5} autoComplete="off" />
      ),
    },
    {
      id: 'cost',
      header: 'Cost per pack',
      numeric: true,
      cell: (row) => (
        <input aria-label={`Cost per pack of ${row.sku}`} value={costs[row.productId] ?? row.packCost} onChange={(event) => setCosts({ ...costs, [row.productId]: event.target.value })} inputMode="decimal" size={8} autoComplete="off" />
      ),
    },
  ];
  const lineProblems = props.fieldProblems.filter((problem) => problem.path.startsWith('lines'));
  return (
    <form onSubmit={submit} aria-label="Order lines" className="order-lines">
      <DataTable label="What the supplier supplies" columns={columns} rows={supplied.value} rowId={(row) => row.productId} rowProps={(row) => ({ 'data-line': row.sku })} empty={<p className="muted">The supplier supplies nothing yet: add its products on the Suppliers page.</p>} />
      <FormField label="Note for the supplier" error={problemFor(props.fieldProblems, 'note')}>
        {(control) => <input {...control} value={note} onChange={(event) => setNote(event.target.value)} size={40} autoComplete="off" />}
      </FormField>
      {props.problem ? (
        <div role="alert" className="problem">
          <p>Not saved: {lineProblems.length > 0 ? 'see the lines' : props.problem}</p>
          {lineProblems.length > 0 ? (
            <ul>
              {lineProblems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p className="form-actions">
        <button type="submit" disabled={props.busy}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </p>
    </form>
  );
}

/** One order: its lines and totals, as it prints; a draft's lines changed; Send, Cancel, CSV and Print. */
function OrderDetail(props: { order: PurchaseOrder; mayChange: boolean; mayReceive: boolean; onChanged(): Promise<void> }) {
  const { order } = props;
  const [result, setResult] = useState('');
  const save = useSubmit(async (lines: PurchaseOrderLineInput[], note: string) => {
    await office.put('/api/office/purchase-orders/:id', { params: { id: order.id }, body: { updatedAt: order.updatedAt, lines, ...(note ? { note } : {}) } });
    setResult(`${order.number} saved.`);
    await props.onChanged();
  });
  const send = useSubmit(async () => {
    await office.post('/api/office/purchase-orders/:id/send', { params: { id: order.id }, body: { updatedAt: order.updatedAt } });
    setResult(`${order.number} sent to ${order.supplierName}.`);
    await props.onChanged();
  });
  const cancel = useSubmit(async () => {
    await office.post('/api/office/purchase-orders/:id/cancel', { params: { id: order.id }, body: { updatedAt: order.updatedAt } });
    setResult(`${order.number} cancelled.`);
    await props.onChanged();
  });
  const close = useSubmit(async () => {
    await office.post('/api/office/purchase-orders/:id/close', { params: { id: order.id }, body: { updatedAt: order.updatedAt } });
    setResult(`${order.number} closed: the rest is no longer on order.`);
    await props.onChanged();
  });
  const problem = send.problem || cancel.problem || close.problem;
  return (
    <section aria-labelledby="order-heading" className="order-detail">
      <h3 id="order-heading">
        {order.number} · {order.supplierName} · {STATE_WORDS[order.state]}
      </h3>
      <p>
        {order.lines.length === 1 ? '1 line' : `${order.lines.length} lines`}, {orderTotal(order)} {order.currency} before tax
        {order.expectedAt ? `, due ${order.expectedAt.slice(0, 10)}` : ''}
        {order.note ? ` · ${order.note}` : ''}
      </p>
      {order.state === 'draft' && props.mayChange ? (
        <LinesForm
          key={order.updatedAt}
          supplierId={order.supplierId}
          initial={order.lines.map((line) => ({ productId: line.productId, packs: line.packs, packCost: line.packCost }))}
          note={order.note}
          submitLabel="Save changes"
          busy={save.busy}
          problem={save.problem}
          fieldProblems={save.fieldProblems}
          onSubmit={(lines, note) => void save.run(lines, note)}
        />
      ) : (
        <div className="data-table">
        <table aria-label={`Lines of ${order.number}`}>
          <thead>
            <tr>
              <th scope="col">Supplier’s SKU</th>
              <th scope="col">SKU</th>
              <th scope="col">Product</th>
              <th scope="col" className="num">Packs</th>
              <th scope="col" className="num">Pack</th>
              <th scope="col" className="num">Cost per pack</th>
              <th scope="col" className="num">Received</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <tr key={line.productId} data-order-line={line.sku}>
                <td className="nowrap">{line.supplierSku}</td>
                <td className="nowrap">{line.sku}</td>
                <td>{line.name}</td>
                <td className="num">{line.packs}</td>
                <td className="num">
                  {line.packSize} {line.unit === 'piece' ? 'pcs' : line.unit}
                </td>
                <td className="num">
                  {line.packCost} {order.currency}
                </td>
                <td className="num">{line.received}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <p className="form-actions no-print">
        {props.mayChange && order.state === 'draft' ? (
          <button type="button" onClick={() => void send.run()} disabled={send.busy}>
            Send to {order.supplierName}
          </button>
        ) : null}
        {props.mayChange && (order.state === 'draft' || order.state === 'sent') ? (
          <button type="button" className="danger" onClick={() => void cancel.run()} disabled={cancel.busy}>
            Cancel order
          </button>
        ) : null}
        {props.mayChange && order.state === 'partly-received' ? (
          <button type="button" onClick={() => void close.run()} disabled={close.busy}>
            Close the rest
          </button>
        ) : null}
        <a href={`/api/office/purchase-orders/${encodeURIComponent(order.id)}/csv`} download>
          Download CSV
        </a>
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <p role="status" className={problem ? 'problem' : undefined}>
        {problem ? `Not done: ${problem}` : result}
      </p>
      {props.mayReceive && (order.state === 'sent' || order.state === 'partly-received') ? (
        <ReceiveDelivery
          key={order.updatedAt}
          order={order}
          onReceived={async (message) => {
            setResult(message);
            await props.onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
