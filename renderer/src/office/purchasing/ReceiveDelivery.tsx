import { useState, type FormEvent } from 'react';
import { dec, outstanding, type PurchaseOrder } from '../../../../shared/src/index.js';
import { FormField, problemFor, useSubmit } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { addScanned } from '../scan-codes.js';
import { ScanCodeField, ScanStatus, useScanner } from '../scanner.js';
import { useSession } from '../session.js';

interface Arrival {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  /** On the order: what it lacks still; absent for a product not ordered. */
  outstanding?: string;
  quantity: string;
  unitCost: string;
}

/** A new id for each receipt: a receipt sent twice (a double click, a retry) is recorded once. */
function newReceiptId(): string {
  return `receipt-${crypto.randomUUID()}`;
}

/**
 * Receives a delivery against a sent order, from a store PC or a tablet with a scanner: each scan
 * (or a typed SKU) adds one piece, or a pack's pieces for a case barcode, to its line; a product not
 * ordered gets a line of its own. What arrived may be typed too, and a cost per unit where the
 * delivery's differs from the order's. One receipt, recorded once.
 */
export function ReceiveDelivery(props: { order: PurchaseOrder; onReceived(message: string): Promise<void> }) {
  const { order } = props;
  const { me } = useSession();
  const [receiptId, setReceiptId] = useState(newReceiptId);
  const [reference, setReference] = useState('');
  const [arrivals, setArrivals] = useState<Arrival[]>(() =>
    order.lines.map((line) => ({ productId: line.productId, sku: line.sku, name: line.name, unit: line.unit, outstanding: outstanding(line), quantity: '', unitCost: '' })),
  );
  const scanner = useScanner((scanned) => {
    const { product, quantity } = scanned;
    setArrivals((current) => addScanned(current, scanned, () => ({ productId: product.id, sku: product.sku, name: product.name, unit: product.unit, quantity, unitCost: '' })));
    const ordered = order.lines.some((line) => line.productId === product.id);
    return `${product.name}: +${quantity}${ordered ? '' : ' (not on the order)'}.`;
  });
  const set = (productId: string, field: 'quantity' | 'unitCost', value: string) => setArrivals((current) => current.map((arrival) => (arrival.productId === productId ? { ...arrival, [field]: value } : arrival)));

  const record = useSubmit(async () => {
    const lines = arrivals
      .map((arrival) => ({ arrival, quantity: arrival.quantity.trim().replace(',', '.'), unitCost: arrival.unitCost.trim().replace(',', '.') }))
      .filter(({ quantity }) => quantity !== '' && quantity !== '0')
      .map(({ arrival, quantity, unitCost }) => ({ productId: arrival.productId, quantity, ...(unitCost ? { unitCost } : {}) }));
    if (lines.length === 0) throw new Error('nothing arrived: scan or type what came');
    const answer = await office.post('/api/office/stock-documents', {
      body: { id: receiptId, kind: 'receipt', storeId: order.storeId, reference: reference.trim() || order.number, recordedBy: me.account?.name ?? 'head office', purchaseOrderId: order.id, lines },
    });
    setReceiptId(newReceiptId());
    await props.onReceived(answer.recorded ? `Received ${lines.length === 1 ? '1 line' : `${lines.length} lines`} against ${order.number}.` : `That receipt was recorded already; nothing counted twice.`);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void record.run();
  };
  return (
    <form onSubmit={submit} aria-labelledby="receive-heading" className="receive no-print">
      <h4 id="receive-heading">Receive a delivery</h4>
      <div className="inline-form">
        <ScanCodeField scanner={scanner} />
        <FormField label="Delivery note" error={problemFor(record.fieldProblems, 'reference')}>
          {(control) => <input {...control} value={reference} onChange={(event) => setReference(event.target.value)} autoComplete="off" size={14} />}
        </FormField>
      </div>
      <ScanStatus scanner={scanner} />
      <div className="data-table">
        <table aria-label={`Delivery against ${order.number}`}>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Still due
              </th>
              <th scope="col" className="num">
                Arrived
              </th>
              <th scope="col" className="num">
                Cost per unit
              </th>
            </tr>
          </thead>
          <tbody>
            {arrivals.map((arrival) => {
              const line = order.lines.find((candidate) => candidate.productId === arrival.productId);
              const orderCost = line ? dec(line.packCost).div(dec(line.packSize)).toDecimalPlaces(4, 4).toFixed(4) : '';
              return (
                <tr key={arrival.productId} data-arrival={arrival.sku}>
                  <td>{arrival.sku}</td>
                  <td>
                    {arrival.name}
                    {line ? '' : <span className="muted"> (not ordered)</span>}
                  </td>
                  <td className="num">{arrival.outstanding === undefined ? '' : `${arrival.outstanding} ${arrival.unit === 'piece' ? 'pcs' : arrival.unit}`}</td>
                  <td className="num">
                    <input aria-label={`Arrived of ${arrival.sku}`} value={arrival.quantity} onChange={(event) => set(arrival.productId, 'quantity', event.target.value)} inputMode="decimal" size={6} autoComplete="off" />
                  </td>
                  <td className="num">
                    <input aria-label={`Cost per unit of ${arrival.sku}`} placeholder={orderCost} value={arrival.unitCost} onChange={(event) => set(arrival.productId, 'unitCost', event.target.value)} inputMode="decimal" size={8} autoComplete="off" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {record.problem ? (
        <p role="alert" className="problem">
          Not received: {record.problem}
        </p>
      ) : null}
      <p className="form-actions">
        <button type="submit" disabled={record.busy}>
          Record receipt
        </button>
      </p>
    </form>
  );
}
