import { useState, type FormEvent } from 'react';
import { dec, isDecimalString, type TransferView } from '../../../../shared/src/index.js';
import { DataTable, FormField, problemFor, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { addScanned } from '../scan-codes.js';
import { ScanCodeField, ScanStatus, useScanner } from '../scanner.js';
import { useSession } from '../session.js';
import { useLoaded } from '../use-loaded.js';

/** A new id for each send and each receipt, made here: one posted twice (a double click, a retry) counts once. */
function newId(prefix: 'transfer' | 'transfer-receipt'): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

const unitWord = (unit: string) => (unit === 'piece' ? 'pcs' : unit);

/**
 * Transfers between stores, seen from the chosen store: send stock to another store (out of this
 * one at once, in transit until received), and receive what another store sent, line by line, with
 * what differs from what was sent shown before it is recorded.
 */
export function TransfersPage({ store, version }: StorePageProps) {
  const { may, stores } = useSession();
  const format = formatterOf(store);
  const transfers = useLoaded(() => office.get('/api/office/transfers', { query: { store: store.id } }), `${store.id}:${version}`);
  const [openId, setOpenId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const maySend = may('POST /api/office/transfers');
  const open = transfers.value?.find((transfer) => transfer.id === openId) ?? null;

  const columns: Column<TransferView>[] = [
    { id: 'number', header: 'Transfer', className: 'nowrap', cell: (row) => row.number },
    { id: 'direction', header: 'Direction', cell: (row) => (row.toStoreId === store.id ? `in from ${row.fromStoreCode}` : `out to ${row.toStoreCode}`) },
    { id: 'state', header: 'State', className: 'transfer-state', cell: (row) => (row.state === 'sent' ? 'in transit' : discrepancies(row) > 0 ? 'received, with differences' : 'received') },
    { id: 'lines', header: 'Lines', numeric: true, cell: (row) => String(row.lines.length) },
    { id: 'reference', header: 'Reference', cell: (row) => row.reference },
    { id: 'sent', header: 'Sent', cell: (row) => format.dateTime(row.sentAt) },
    { id: 'received', header: 'Received', cell: (row) => (row.receivedAt ? format.dateTime(row.receivedAt) : '') },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) => (
        <button type="button" onClick={() => setOpenId(row.id)} aria-label={`${row.state === 'sent' && row.toStoreId === store.id ? 'Receive' : 'Open'} ${row.number}`}>
          {row.state === 'sent' && row.toStoreId === store.id ? 'Receive' : 'Open'}
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="transfers-heading" className="transfers">
      <h2 id="transfers-heading">Transfers</h2>
      {transfers.problem ? (
        <p className="problem" role="alert">
          {transfers.problem}
        </p>
      ) : null}
      <p role="status" className="muted">
        {message}
      </p>
      {maySend && stores.length > 1 ? (
        <SendTransfer
          key={store.id}
          fromStoreId={store.id}
          stores={stores.filter((other) => other.id !== store.id)}
          onSent={async (text) => {
            setMessage(text);
            await transfers.reload();
          }}
        />
      ) : maySend ? (
        <p className="muted">Stock is sent to another store of yours: there is none yet to send to.</p>
      ) : null}
      <DataTable
        label="Transfers in and out"
        columns={columns}
        rows={transfers.value}
        rowId={(transfer) => transfer.id}
        rowProps={(transfer) => ({ 'data-transfer': transfer.number })}
        empty={<p className="muted">No transfers in or out of this store yet.</p>}
      />
      {open ? (
        <TransferDetail
          key={open.id}
          transfer={open}
          mayReceive={open.state === 'sent' && open.toStoreId === store.id && maySend}
          onReceived={async (text) => {
            setMessage(text);
            await transfers.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function discrepancies(transfer: TransferView): number {
  return transfer.lines.filter((line) => line.difference !== null && !dec(line.difference).isZero()).length;
}

interface SendLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: string;
}

/** The form to send stock: to which store, and lines added by scanning or typing a barcode or SKU. */
function SendTransfer(props: { fromStoreId: string; stores: { id: string; code: string; name: string }[]; onSent(message: string): Promise<void> }) {
  const [transferId, setTransferId] = useState(() => newId('transfer'));
  const [toStoreId, setToStoreId] = useState(props.stores[0]?.id ?? '');
  const [reference, setReference] = useState('');
  const [lines, setLines] = useState<SendLine[]>([]);
  const scanner = useScanner((scanned) => {
    const { product, quantity } = scanned;
    setLines((current) => addScanned(current, scanned, () => ({ productId: product.id, sku: product.sku, name: product.name, unit: product.unit, quantity })));
    return `${product.name}: +${quantity}.`;
  });

  const send = useSubmit(async () => {
    if (lines.length === 0) throw new Error('nothing to send: scan or type the SKUs going');
    const answer = await office.post('/api/office/transfers', {
      body: {
        id: transferId,
        fromStoreId: props.fromStoreId,
        toStoreId,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        lines: lines.map((line) => ({ productId: line.productId, quantity: line.quantity.trim().replace(',', '.') })),
      },
    });
    setTransferId(newId('transfer'));
    setLines([]);
    setReference('');
    scanner.clear();
    await props.onSent(answer.recorded ? `Sent ${answer.transfer.number} to ${answer.transfer.toStoreCode}: in transit until received.` : `${answer.transfer.number} was sent already; nothing counted twice.`);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <form onSubmit={submit} aria-labelledby="send-heading" className="send-transfer">
      <h3 id="send-heading">Send stock to another store</h3>
      <div className="inline-form">
        <FormField label="To store" error={problemFor(send.fieldProblems, 'toStoreId')}>
          {(control) => (
            <select {...control} value={toStoreId} onChange={(event) => setToStoreId(event.target.value)}>
              {props.stores.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.code} {other.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <ScanCodeField scanner={scanner} />
        <FormField label="Reference" error={problemFor(send.fieldProblems, 'reference')}>
          {(control) => <input {...control} value={reference} onChange={(event) => setReference(event.target.value)} autoComplete="off" size={14} />}
        </FormField>
      </div>
      <ScanStatus scanner={scanner} />
      {lines.length > 0 ? (
        <div className="data-table">
          <table aria-label="Lines to send">
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, index) => (
                <tr key={line.productId} data-send-line={line.sku}>
                  <td>{line.sku}</td>
                  <td>{line.name}</td>
                  <td className="num">
                    <input
                      aria-label={`Quantity of ${line.sku} to send`}
                      aria-invalid={problemFor(send.fieldProblems, `lines.${index}.quantity`) ? true : undefined}
                      value={line.quantity}
                      onChange={(event) => setLines((current) => current.map((other) => (other.productId === line.productId ? { ...other, quantity: event.target.value } : other)))}
                      inputMode="decimal"
                      size={6}
                      autoComplete="off"
                    />{' '}
                    {unitWord(line.unit)}
                  </td>
                  <td>
                    <button type="button" onClick={() => setLines((current) => current.filter((other) => other.productId !== line.productId))} aria-label={`Remove ${line.sku}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {send.problem ? (
        <p role="alert" className="problem">
          Not sent: {send.problem}
        </p>
      ) : null}
      <p className="form-actions">
        <button type="submit" disabled={send.busy || !toStoreId}>
          Send transfer
        </button>
      </p>
    </form>
  );
}

/** One transfer's lines; an incoming one in transit is received here, each line prefilled with what was sent. */
function TransferDetail(props: { transfer: TransferView; mayReceive: boolean; onReceived(message: string): Promise<void> }) {
  const { transfer } = props;
  const [receiptId] = useState(() => newId('transfer-receipt'));
  const [arrived, setArrived] = useState<Record<string, string>>(() => Object.fromEntries(transfer.lines.map((line) => [line.productId, line.sent])));
  const differenceOf = (productId: string, sent: string): string => {
    if (!props.mayReceive) return transfer.lines.find((line) => line.productId === productId)?.difference ?? '';
    const typed = (arrived[productId] ?? '').trim().replace(',', '.');
    return isDecimalString(typed) ? dec(typed).minus(dec(sent)).toFixed() : '';
  };
  const receive = useSubmit(async () => {
    const answer = await office.post('/api/office/transfers/:id/receive', {
      params: { id: transfer.id },
      body: { id: receiptId, storeId: transfer.toStoreId, lines: transfer.lines.map((line) => ({ productId: line.productId, quantity: (arrived[line.productId] ?? '').trim().replace(',', '.') })) },
    });
    const differing = discrepancies(answer.transfer);
    await props.onReceived(
      answer.recorded
        ? `Received ${answer.transfer.number}${differing > 0 ? `, ${differing === 1 ? '1 line differs' : `${differing} lines differ`} from what was sent` : ''}.`
        : `${answer.transfer.number} was received already; nothing counted twice.`,
    );
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void receive.run();
  };
  return (
    <form onSubmit={submit} aria-labelledby="transfer-heading" className="transfer-detail">
      <h3 id="transfer-heading">
        {transfer.number}: {transfer.fromStoreCode} → {transfer.toStoreCode}
      </h3>
      <p className="muted">
        Sent by {transfer.sentBy}
        {transfer.reference ? ` (${transfer.reference})` : ''}
        {transfer.receivedBy ? `; received by ${transfer.receivedBy}` : props.mayReceive ? '; enter what arrived of each line' : '; in transit'}
      </p>
      <div className="data-table">
        <table aria-label={`Lines of ${transfer.number}`}>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Sent
              </th>
              <th scope="col" className="num">
                Received
              </th>
              <th scope="col" className="num">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {transfer.lines.map((line, index) => {
              const difference = differenceOf(line.productId, line.sent);
              const problem = problemFor(receive.fieldProblems, `lines.${index}.quantity`);
              return (
                <tr key={line.productId} data-transfer-line={line.sku}>
                  <td>{line.sku}</td>
                  <td>{line.name}</td>
                  <td className="num">
                    {line.sent} {unitWord(line.unit)}
                  </td>
                  <td className="num">
                    {props.mayReceive ? (
                      <input
                        aria-label={`Received of ${line.sku}`}
                        aria-invalid={problem ? true : undefined}
                        value={arrived[line.productId] ?? ''}
                        onChange={(event) => setArrived((current) => ({ ...current, [line.productId]: event.target.value }))}
                        inputMode="decimal"
                        size={6}
                        autoComplete="off"
                      />
                    ) : (
                      (line.received ?? '')
                    )}
                  </td>
                  <td className={`num${difference && !dec(difference).isZero() ? ' problem' : ''}`}>{difference === '' || difference === '0' ? '' : dec(difference).isPositive() ? `+${difference}` : difference}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {receive.problem ? (
        <p role="alert" className="problem">
          Not received: {receive.problem}
        </p>
      ) : null}
      {props.mayReceive ? (
        <p className="form-actions">
          <button type="submit" disabled={receive.busy}>
            Record receipt
          </button>
        </p>
      ) : null}
    </form>
  );
}
