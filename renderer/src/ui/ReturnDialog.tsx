import { useEffect, useMemo, useRef, useState } from 'react';
import { buildReturn, dec, isDecimalString, returnableQuantities, toQuantityString, type ReturnLine } from '../../../shared/src/index.js';
import type { SaleForReturn } from '../data/sales.js';
import { useCart } from '../state/cart.js';
import { useServices } from './context.js';
import { money } from './format.js';
import { useEscape } from './use-escape.js';

interface Choice {
  quantity: string;
  restock: boolean;
}

/**
 * A return against a receipt (F8): find the sale by its receipt number (this till's own sales offline
 * too; another till's through the server), choose per line how much comes back and whether it goes
 * back on the shelf or is written off as damaged, and pay the refund out in cash. Never more than
 * the receipt sold, counting earlier returns.
 */
export function ReturnDialog({ onClose }: { onClose: () => void }) {
  const { recorder, catalog, settings, sync } = useServices();
  const notify = useCart((state) => state.notify);
  const [receipt, setReceipt] = useState('');
  const [found, setFound] = useState<SaleForReturn | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEscape(onClose);

  const find = async () => {
    setError(null);
    setFound(null);
    setBusy(true);
    try {
      const sale = await recorder.findForReturn(receipt, sync.status$.value.online ? (number) => sync.saleByReceipt(number) : undefined);
      if (!sale) {
        setError(
          sync.status$.value.online
            ? `No sale with receipt ${receipt.trim()} in this store.`
            : `No sale with receipt ${receipt.trim()} on this till; another till's receipt needs the server, which is not reachable now.`,
        );
        return;
      }
      setFound(sale);
      setChoices(Object.fromEntries(sale.sale.lines.map((line) => [line.productId, { quantity: '0', restock: true }])));
    } catch (failure) {
      setError(`The receipt could not be looked up: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const left = useMemo(() => (found ? returnableQuantities(found.sale, found.returns) : new Map()), [found]);
  // One row per product: a sale may carry a product on several lines (two scale labels, say).
  const products = useMemo(() => {
    const rows = new Map<string, { productId: string; sku: string; name: string; sold: ReturnType<typeof dec> }>();
    for (const line of found?.sale.lines ?? []) {
      const row = rows.get(line.productId) ?? { productId: line.productId, sku: line.sku, name: line.name, sold: dec('0') };
      row.sold = row.sold.plus(dec(line.quantity));
      rows.set(line.productId, row);
    }
    return [...rows.values()];
  }, [found]);
  const lines: ReturnLine[] = Object.entries(choices).map(([productId, choice]) => ({ productId, quantity: choice.quantity.trim().replace(',', '.'), restock: choice.restock }));
  const preview = useMemo(() => {
    if (!found || !catalog.store) return null;
    if (lines.some((line) => !isDecimalString(line.quantity))) return { problem: 'Enter each quantity as a number.' };
    if (lines.every((line) => dec(line.quantity).isZero())) return { problem: 'Enter how much of a line comes back.' };
    try {
      const document = buildReturn(found.sale, lines, found.returns, {
        id: 'preview',
        number: 1,
        store: catalog.store,
        till: { id: settings.tillId, code: settings.tillCode },
        cashier: { id: 'preview', name: settings.cashierName },
        completedAt: new Date().toISOString(),
      });
      return { refund: document.totals.gross };
    } catch (failure) {
      return { problem: (failure as Error).message };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [found, JSON.stringify(choices), catalog.store]);

  const complete = async () => {
    const store = catalog.store;
    if (!found || !store || busy || !preview || 'problem' in preview) return;
    setBusy(true);
    try {
      const document = await recorder.completeReturn(found, lines, {
        store,
        till: { id: settings.tillId, code: settings.tillCode },
        cashier: { id: `cashier-${settings.cashierName.toLowerCase().replace(/\W+/g, '-')}`, name: settings.cashierName },
        serverLastNumber: () => catalog.till?.lastNumber ?? 0,
      });
      notify({ kind: 'info', text: `Return ${document.receiptNumber} completed: refund ${money(document.totals.gross, document.currency)} in cash.`, receipt: document });
      onClose();
    } catch (failure) {
      setError(`The return was not completed: ${(failure as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog dialog--wide" role="dialog" aria-modal="true" aria-labelledby="return-title" data-testid="return-dialog">
        <h2 id="return-title">Return against a receipt</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void find();
          }}
        >
          <label htmlFor="return-receipt">Receipt number</label>
          <input id="return-receipt" ref={input} value={receipt} onChange={(event) => setReceipt(event.target.value)} placeholder="S1-T1-000042" autoComplete="off" required />
          <button type="submit" disabled={busy}>
            Find
          </button>
        </form>
        {found ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void complete();
            }}
          >
            <p>
              Sale <strong>{found.sale.receiptNumber}</strong> of {new Date(found.sale.completedAt).toLocaleString()}, total {money(found.sale.totals.gross, found.sale.currency)}
              {found.returns.length > 0 ? `; ${found.returns.length} earlier ${found.returns.length === 1 ? 'return' : 'returns'}` : ''}
            </p>
            <table className="return-lines">
              <thead>
                <tr>
                  <th>Product</th>
                  <th className="num">Sold</th>
                  <th className="num">Left to return</th>
                  <th>Returned</th>
                  <th>Back on the shelf</th>
                </tr>
              </thead>
              <tbody>
                {products.map((line) => (
                  <tr key={line.productId} data-testid="return-line" data-sku={line.sku}>
                    <td>{line.name}</td>
                    <td className="num">{toQuantityString(line.sold)}</td>
                    <td className="num">{toQuantityString(left.get(line.productId) ?? dec('0'))}</td>
                    <td>
                      <input
                        aria-label={`Returned quantity of ${line.name}`}
                        inputMode="decimal"
                        size={6}
                        value={choices[line.productId]?.quantity ?? '0'}
                        onChange={(event) => setChoices({ ...choices, [line.productId]: { ...choices[line.productId], quantity: event.target.value } })}
                      />
                    </td>
                    <td>
                      <label>
                        <input
                          type="checkbox"
                          checked={choices[line.productId]?.restock ?? true}
                          onChange={(event) => setChoices({ ...choices, [line.productId]: { ...choices[line.productId], restock: event.target.checked } })}
                        />{' '}
                        {choices[line.productId]?.restock === false ? 'written off (damaged)' : 'restock'}
                      </label>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="dialog__change" aria-live="polite" data-testid="return-refund">
              {preview && 'refund' in preview ? `Refund ${money(preview.refund!, found.sale.currency)} in cash` : (preview?.problem ?? '')}
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
        ) : (
          <div className="dialog__actions">
            <button type="button" onClick={onClose}>
              Cancel (Esc)
            </button>
          </div>
        )}
        {error ? (
          <p role="alert" className="notice notice--error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
