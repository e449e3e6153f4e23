import { useMemo, useState } from 'react';
import { buildReturnWithoutReceipt, dec, isDecimalString, saleLimitProblems, type Person, type Product, type UnreceiptedReturnItem } from '../../../shared/src/index.js';
import { useApproval } from '../state/approval.js';
import { useCart } from '../state/cart.js';
import { useSession } from '../state/session.js';
import { useServices } from './context.js';
import { describeRefund, money } from './format.js';
import { useDocumentContext } from './use-document-context.js';

interface Row {
  product: Product;
  quantity: string;
  restock: boolean;
}

/**
 * A return without a receipt: the goods by barcode or SKU, refunded in cash at today's shelf price,
 * and only once a manager has entered their PIN (a manager signed in approves it themselves). The
 * document names the manager; the server refuses it if they are not one.
 */
export function ReturnWithoutReceipt({ onClose }: { onClose: () => void }) {
  const { catalog, recorder } = useServices();
  const documentContext = useDocumentContext();
  const cashier = useSession((state) => state.cashier);
  const requestApproval = useApproval((state) => state.request);
  const notify = useCart((state) => state.notify);
  const [code, setCode] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const items = useMemo(
    () =>
      rows.flatMap((row): UnreceiptedReturnItem[] => {
        const rate = catalog.taxRatePercent(row.product);
        const quantity = row.quantity.trim().replace(',', '.');
        return rate === undefined ? [] : [{ product: row.product, quantity, taxRatePercent: rate, restock: row.restock }];
      }),
    [rows, catalog],
  );
  const preview = useMemo(() => {
    const context = documentContext();
    if (!context || items.length === 0) return null;
    if (items.some((item) => !isDecimalString(item.quantity) || dec(item.quantity).lt(0))) return { problem: 'Enter each quantity as a number.' };
    try {
      const document = buildReturnWithoutReceipt(items, { id: 'preview', name: 'preview' }, { ...context, id: 'preview', number: 1, completedAt: new Date().toISOString() });
      const aboveLimits = saleLimitProblems(document, context.store);
      if (aboveLimits.length > 0) return { problem: aboveLimits.join('; ') };
      return { refund: document.totals.gross, to: describeRefund(document.payments, document.currency), currency: document.currency };
    } catch (failure) {
      return { problem: (failure as Error).message };
    }
  }, [items, documentContext]);

  const add = () => {
    const product = catalog.byBarcodeOrSku(code.trim());
    if (!product) return setError(`No product with barcode or SKU ${code.trim()}.`);
    setError(null);
    setCode('');
    setRows([...rows.filter((row) => row.product.id !== product.id), { product, quantity: rows.find((row) => row.product.id === product.id)?.quantity ?? '1', restock: true }]);
  };

  const complete = async () => {
    const context = documentContext();
    if (!context || !cashier || busy || !preview || 'problem' in preview) {
      if (!context) setError('Open a shift (F3) before a return: every refund is counted in a shift.');
      return;
    }
    setBusy(true);
    try {
      let approvedBy: Person | null = cashier.role === 'manager' ? { id: cashier.id, name: cashier.name } : null;
      approvedBy ??= await requestApproval(`Return without a receipt: refund ${money(preview.refund, preview.currency)} in cash`);
      if (!approvedBy) {
        setError('Not approved: nothing was returned.');
        return;
      }
      const document = await recorder.completeReturnWithoutReceipt(items, approvedBy, context);
      notify({ kind: 'info', text: `Return ${document.receiptNumber} completed without a receipt: refund ${describeRefund(document.payments, document.currency)}.`, receipt: document });
      onClose();
    } catch (failure) {
      setError(`The return was not completed: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label htmlFor="return-product">Barcode or SKU</label>
        <input id="return-product" value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" autoFocus />
        <button type="submit">Add</button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void complete();
        }}
      >
        {rows.length > 0 ? (
          <table className="return-lines">
            <thead>
              <tr>
                <th>Product</th>
                <th className="num">Shelf price</th>
                <th>Returned</th>
                <th>Back on the shelf</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.product.id} data-testid="return-line" data-sku={row.product.sku}>
                  <td>{row.product.name}</td>
                  <td className="num">{money(row.product.price, catalog.store?.currency ?? '')}</td>
                  <td>
                    <input aria-label={`Returned quantity of ${row.product.name}`} inputMode="decimal" size={6} value={row.quantity} onChange={(event) => setRows(rows.map((other, at) => (at === index ? { ...other, quantity: event.target.value } : other)))} />
                  </td>
                  <td>
                    <label>
                      <input type="checkbox" checked={row.restock} onChange={(event) => setRows(rows.map((other, at) => (at === index ? { ...other, restock: event.target.checked } : other)))} />{' '}
                      {row.restock ? 'restock' : 'written off (damaged)'}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <p className="dialog__change" aria-live="polite" data-testid="return-refund">
          {preview && 'refund' in preview ? `Refund ${money(preview.refund!, preview.currency!)}: ${preview.to}` : (preview?.problem ?? 'Scan or type the returned products.')}
        </p>
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            Cancel (Esc)
          </button>
          <button type="submit" className="dialog__complete" disabled={busy || !preview || 'problem' in preview}>
            Complete return
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      ) : null}
    </>
  );
}
