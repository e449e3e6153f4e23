import { Fragment, useEffect, useMemo, useState } from 'react';
import { buildReturnWithoutReceipt, dec, isDecimalString, isMeasured, saleLimitProblems, type Person, type Product, type UnreceiptedReturnItem } from '../../../../shared/src/index.js';
import { NotDone, useSubmit } from '../../ui-kit/index.js';
import { useApproval } from '../checkout/approval.js';
import { useCart } from '../checkout/cart.js';
import { useSession } from '../shift/session.js';
import { useServices } from '../context.js';
import { describeRefund, money } from '../format.js';
import { missingReasons, NO_REASON, reasonText, ReturnReasonField, unitPrice, type ReasonChoice } from './ReturnReason.js';
import { useDocumentContext } from '../use-document-context.js';

interface Row {
  product: Product;
  quantity: string;
  restock: boolean;
  /** Chosen by the cashier; nothing is preselected. */
  reason: ReasonChoice;
}

/**
 * A return without a receipt: the goods by barcode or SKU, refunded in cash at today's shelf price,
 * and only once a manager has entered their PIN (a manager signed in approves it themselves). The
 * document names the manager; the server refuses it if they are not one.
 */
export function ReturnWithoutReceipt({ onClose, scanned }: { onClose: () => void; /** The last code scanned in the dialog. */ scanned?: { code: string } }) {
  const { catalog, recorder } = useServices();
  const documentContext = useDocumentContext();
  const cashier = useSession((state) => state.cashier);
  const requestApproval = useApproval((state) => state.request);
  const notify = useCart((state) => state.notify);
  const [code, setCode] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  /** A code typed or scanned that is no product; the return's own problems are `completing`'s. */
  const [notFound, setNotFound] = useState<string | null>(null);

  const items = useMemo(
    () =>
      rows.flatMap((row): UnreceiptedReturnItem[] => {
        const rate = catalog.taxRatePercent(row.product);
        const quantity = row.quantity.trim().replace(',', '.');
        const reason = reasonText(row.reason);
        return rate === undefined ? [] : [{ product: row.product, quantity, taxRatePercent: rate, restock: row.restock, ...(reason ? { reason } : {}) }];
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
      // One row per product, one document line per row that comes back.
      const perProduct = new Map(document.lines.map((line) => [line.productId, line.gross]));
      return { refund: document.totals.gross, to: describeRefund(document.payments, document.currency), currency: document.currency, perProduct };
    } catch (failure) {
      return { problem: (failure as Error).message };
    }
  }, [items, documentContext]);

  const add = (typed = code) => {
    const product = catalog.byBarcodeOrSku(typed.trim());
    if (!product) return setNotFound(`No product with barcode or SKU ${typed.trim()}.`);
    setNotFound(null);
    completing.clear();
    setCode('');
    setRows((current) => {
      const before = current.find((row) => row.product.id === product.id);
      return [...current.filter((row) => row.product.id !== product.id), { product, quantity: before?.quantity ?? '1', restock: true, reason: before?.reason ?? NO_REASON }];
    });
  };

  // A product scanned while this dialog is up (see scanner.ts) comes back as if typed and entered.
  useEffect(() => {
    if (scanned) add(scanned.code);
    // Once per scan.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scanned]);

  const missing = missingReasons(rows.filter((row) => isDecimalString(row.quantity.trim().replace(',', '.')) && dec(row.quantity.trim().replace(',', '.')).gt(0)).map((row) => ({ name: row.product.name, reason: row.reason })));

  const completing = useSubmit(
    async () => {
      const context = documentContext();
      if (!context) throw new NotDone('Open a shift (F3) before a return: every refund is counted in a shift.');
      if (missing) throw new NotDone(missing);
      if (!cashier || !preview || 'problem' in preview) return;
      let approvedBy: Person | null = cashier.role === 'manager' ? { id: cashier.id, name: cashier.name } : null;
      approvedBy ??= await requestApproval(`Return without a receipt: refund ${money(preview.refund, preview.currency)} in cash`);
      if (!approvedBy) throw new NotDone('Not approved: nothing was returned.');
      const document = await recorder.completeReturnWithoutReceipt(items, approvedBy, context);
      notify({ kind: 'info', text: `Return ${document.receiptNumber} completed without a receipt: refund ${describeRefund(document.payments, document.currency)}.`, receipt: document });
      onClose();
    },
    // The return's problem takes the place of an unknown code's, as the last thing said.
    { failure: (message) => `The return was not completed: ${message}`, onFailure: () => setNotFound(null) },
  );
  const problem = notFound ?? completing.problem;

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
          void completing.run();
        }}
      >
        {rows.length > 0 ? (
          <table className="return-lines">
            <thead>
              <tr>
                <th>Product</th>
                <th className="num">Unit price (shelf, today)</th>
                <th>Returned</th>
                <th className="num">Refund</th>
                <th>Back on the shelf</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <Fragment key={row.product.id}>
                  <tr data-testid="return-line" data-sku={row.product.sku}>
                    <td>{row.product.name}</td>
                    <td className="num" data-testid="return-unit-price">
                      {unitPrice(row.product.price, catalog.store?.pricing.currencyDecimals ?? 2, catalog.store?.currency ?? '')}
                      {isMeasured(row.product.unit) ? ` per ${row.product.unit}` : ''}
                    </td>
                    <td>
                      <input aria-label={`Returned quantity of ${row.product.name}`} inputMode="decimal" size={6} value={row.quantity} onChange={(event) => setRows(rows.map((other, at) => (at === index ? { ...other, quantity: event.target.value } : other)))} />
                    </td>
                    <td className="num" data-testid="return-line-refund">
                      {preview && 'perProduct' in preview ? (preview.perProduct!.has(row.product.id) ? money(preview.perProduct!.get(row.product.id)!, preview.currency!) : '') : '—'}
                    </td>
                    <td>
                      <label>
                        <input type="checkbox" checked={row.restock} onChange={(event) => setRows(rows.map((other, at) => (at === index ? { ...other, restock: event.target.checked } : other)))} />{' '}
                        {row.restock ? 'restock' : 'written off (damaged)'}
                      </label>
                    </td>
                  </tr>
                  <tr className="return-lines__reason" data-testid="return-reason" data-sku={row.product.sku}>
                    <td colSpan={5}>
                      <ReturnReasonField productName={row.product.name} value={row.reason} onChange={(reason) => setRows(rows.map((other, at) => (at === index ? { ...other, reason } : other)))} />
                    </td>
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        ) : null}
        <p className="dialog__change" aria-live="polite" data-testid="return-refund">
          {preview && 'refund' in preview ? `Refund ${money(preview.refund!, preview.currency!)}: ${preview.to}` : (preview?.problem ?? 'Scan or type the returned products.')}
        </p>
        {missing && preview && !('problem' in preview) ? (
          <p className="return-lines__missing" role="status" data-testid="return-reason-missing">
            {missing}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            Cancel (Esc)
          </button>
          <button type="submit" className="dialog__complete" disabled={completing.busy || !preview || 'problem' in preview || missing !== null}>
            Complete return
          </button>
        </div>
      </form>
      {problem ? (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      ) : null}
    </>
  );
}
