import { useEffect, useMemo, useRef, useState } from 'react';
import { buildReturn, dec, isDecimalString, returnableQuantities, saleLimitProblems, toQuantityString, type Person, type RefundTo, type ReturnLine } from '../../../shared/src/index.js';
import { useApproval } from '../state/approval.js';
import { useSession } from '../state/session.js';
import type { SaleForReturn } from '../data/sales.js';
import { useCart } from '../state/cart.js';
import { useServices } from './context.js';
import { describeRefund, money } from './format.js';
import { ReturnWithoutReceipt } from './ReturnWithoutReceipt.js';
import { useDocumentContext } from './use-document-context.js';
import { useEscape } from './use-escape.js';


interface Choice {
  quantity: string;
  restock: boolean;
}

/**
 * A return (F8). Against a receipt: find the sale by its receipt number (this till's own sales offline
 * too; another till's through the server), choose per line how much comes back and whether it goes
 * back on the shelf or is written off as damaged, and refund to the sale's own tenders or in cash.
 * Never more than the receipt sold, counting earlier returns. Without a receipt: see
 * ReturnWithoutReceipt (a manager's PIN, cash at today's shelf price).
 */
export function ReturnDialog({ onClose, receipt }: { onClose: () => void; /** A scanned receipt's number: looked up at once. */ receipt?: string }) {
  const [withoutReceipt, setWithoutReceipt] = useState(false);
  useEscape(onClose);
  return (
    <div className="dialog-backdrop">
      <div className="dialog dialog--wide" role="dialog" aria-modal="true" aria-labelledby="return-title" data-testid="return-dialog">
        <h2 id="return-title">{withoutReceipt ? 'Return without a receipt' : 'Return against a receipt'}</h2>
        <p>
          <button type="button" className="link-button" onClick={() => setWithoutReceipt(!withoutReceipt)}>
            {withoutReceipt ? 'The customer has the receipt' : 'No receipt? Return without a receipt (manager PIN)'}
          </button>
        </p>
        {withoutReceipt ? <ReturnWithoutReceipt onClose={onClose} /> : <ReturnAgainstReceipt onClose={onClose} scanned={receipt} />}
      </div>
    </div>
  );
}

function ReturnAgainstReceipt({ onClose, scanned }: { onClose: () => void; scanned?: string }) {
  const { recorder, catalog, settings, sync } = useServices();
  const documentContext = useDocumentContext();
  const requestApproval = useApproval((state) => state.request);
  const [refundTo, setRefundTo] = useState<RefundTo>('original');
  const notify = useCart((state) => state.notify);
  const [receipt, setReceipt] = useState(scanned ?? '');
  const [found, setFound] = useState<SaleForReturn | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (scanned) void find();
    // Once, for the receipt scanned at the counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
    const build = (approvedBy?: Person) =>
      buildReturn(
        found.sale,
        lines,
        found.returns,
        { id: 'preview', number: 1, store: catalog.store!, till: { id: settings.tillId, code: settings.tillCode }, cashier: { id: 'preview', name: 'preview' }, completedAt: new Date().toISOString() },
        { refundTo, ...(approvedBy ? { approvedBy } : {}) },
      );
    // Above the store's limits (a sale made when they were higher): said here, before the refund.
    const aboveLimits = (document: ReturnType<typeof build>) => {
      const problems = saleLimitProblems(document, catalog.store!);
      return problems.length > 0 ? { problem: problems.join('; ') } : null;
    };
    try {
      const document = build();
      return aboveLimits(document) ?? { refund: document.totals.gross, to: describeRefund(document.payments, document.currency), needsManager: false };
    } catch (failure) {
      // Card or voucher money paid out in cash: possible, with a manager's PIN.
      try {
        const document = build({ id: 'preview', name: 'preview' });
        return aboveLimits(document) ?? { refund: document.totals.gross, to: describeRefund(document.payments, document.currency), needsManager: true };
      } catch {
        return { problem: (failure as Error).message };
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [found, JSON.stringify(choices), catalog.store, refundTo]);

  const complete = async () => {
    const context = documentContext();
    if (!found || busy || !preview || 'problem' in preview) return;
    if (!context) return setError('Open a shift (F3) before a return: every refund is counted in a shift.');
    setBusy(true);
    try {
      let approvedBy: Person | undefined;
      if (preview.needsManager) {
        const signedIn = useSession.getState().cashier;
        approvedBy =
          signedIn?.role === 'manager'
            ? { id: signedIn.id, name: signedIn.name }
            : ((await requestApproval(`Refund ${money(preview.refund!, found.sale.currency)} in cash for a sale paid by card or voucher`)) ?? undefined);
        if (!approvedBy) {
          setError('Not approved: refund to the original payment instead, or ask a manager.');
          setBusy(false);
          return;
        }
      }
      const document = await recorder.completeReturn(found, lines, context, { refundTo, ...(approvedBy ? { approvedBy } : {}) });
      notify({ kind: 'info', text: `Return ${document.receiptNumber} completed: refund ${describeRefund(document.payments, document.currency)}.`, receipt: document });
      onClose();
    } catch (failure) {
      setError(`The return was not completed: ${(failure as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <>
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
            {!sync.status$.value.online ? (
              <p className="notice notice--warning" data-testid="return-offline">
                Offline: returns made at other tills against this receipt are not known here until the server is back (the server refuses a return beyond what was sold).
              </p>
            ) : null}
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
            <fieldset className="payment-modes">
              <legend>Refund to</legend>
              <label>
                <input type="radio" name="refund-to" checked={refundTo === 'original'} onChange={() => setRefundTo('original')} /> The original payment
              </label>
              <label>
                <input type="radio" name="refund-to" checked={refundTo === 'cash'} onChange={() => setRefundTo('cash')} /> Cash
              </label>
            </fieldset>
            <p className="dialog__change" aria-live="polite" data-testid="return-refund">
              {preview && 'refund' in preview ? `Refund ${money(preview.refund!, found.sale.currency)}: ${preview.to}${preview.needsManager ? ' (a manager’s PIN: paid by card or voucher)' : ''}` : (preview?.problem ?? '')}
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
    </>
  );
}
