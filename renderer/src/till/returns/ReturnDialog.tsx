import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { buildReturn, dec, isDecimalString, isMeasured, returnableQuantities, returnUnitPrices, saleLimitProblems, toQuantityString, type Person, type RefundTo, type ReturnLine, type Unit } from '../../../../shared/src/index.js';
import { NotDone, useSubmit } from '../../ui-kit/index.js';
import { useApproval } from '../checkout/approval.js';
import { useSession } from '../shift/session.js';
import type { SaleForReturn } from '../checkout/sales.js';
import { useCart } from '../checkout/cart.js';
import { useServices } from '../context.js';
import { dateTime, describeRefund, money } from '../format.js';
import { missingReasons, NO_REASON, reasonText, ReturnReasonField, unitPrice, type ReasonChoice } from './ReturnReason.js';
import { ReturnWithoutReceipt } from './ReturnWithoutReceipt.js';
import { useDocumentContext } from '../use-document-context.js';
import { Modal } from '../Modal.js';
import { RECEIPT_NUMBER_PATTERN } from '../checkout/ProductSearch.js';


interface Choice {
  quantity: string;
  restock: boolean;
  /** Chosen by the cashier for each product that comes back; nothing is preselected. */
  reason: ReasonChoice;
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
  /** The receipt scanned last (a new scan looks it up afresh), and what a scan of something else was. */
  const [scan, setScan] = useState<{ receipt?: string; count: number }>({ receipt, count: 0 });
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  /** A product scanned while returning without a receipt: added to that return. */
  const [productScan, setProductScan] = useState<{ code: string } | undefined>(undefined);
  const onScan = (code: string) => {
    if (RECEIPT_NUMBER_PATTERN.test(code) && !withoutReceipt) {
      setScanProblem(null);
      setScan((last) => ({ receipt: code.toUpperCase(), count: last.count + 1 }));
    } else if (withoutReceipt) {
      setScanProblem(null);
      setProductScan({ code });
    } else setScanProblem(`Scan ${code} is not a receipt: scan the barcode printed at the foot of the receipt.`);
  };
  return (
    <Modal labelledBy="return-title" onClose={onClose} onScan={onScan} wide testId="return-dialog">
        {scanProblem ? (
          <p role="alert" className="dialog__short">
            {scanProblem}
          </p>
        ) : null}
        <h2 id="return-title">{withoutReceipt ? 'Return without a receipt' : 'Return against a receipt'}</h2>
        <p>
          <button type="button" className="link-button" onClick={() => setWithoutReceipt(!withoutReceipt)}>
            {withoutReceipt ? 'The customer has the receipt' : 'No receipt? Return without a receipt (manager PIN)'}
          </button>
        </p>
        {withoutReceipt ? <ReturnWithoutReceipt onClose={onClose} scanned={productScan} /> : <ReturnAgainstReceipt key={scan.count} onClose={onClose} scanned={scan.receipt} />}
    </Modal>
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
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (scanned) void finding.run();
    // Once, for the receipt scanned at the counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const finding = useSubmit(
    async () => {
      // A new search forgets the last return's problem too: the dialog says one thing at a time.
      completing.clear();
      setFound(null);
      const sale = await recorder.findForReturn(receipt, sync.status$.value.online ? (number) => sync.saleByReceipt(number) : undefined);
      if (!sale) {
        throw new NotDone(
          sync.status$.value.online
            ? `No sale with receipt ${receipt.trim()} in this store.`
            : `No sale with receipt ${receipt.trim()} on this till; another till's receipt needs the server, which is not reachable now.`,
        );
      }
      setFound(sale);
      setChoices(Object.fromEntries(sale.sale.lines.map((line) => [line.productId, { quantity: '0', restock: true, reason: NO_REASON }])));
    },
    { clearOnRun: true, failure: (message) => `The receipt could not be looked up: ${message}` },
  );

  const left = useMemo(() => (found ? returnableQuantities(found.sale, found.returns) : new Map()), [found]);
  // One row per product: a sale may carry a product on several lines (two scale labels, say).
  const products = useMemo(() => {
    const rows = new Map<string, { productId: string; sku: string; name: string; unit: Unit; sold: ReturnType<typeof dec> }>();
    for (const line of found?.sale.lines ?? []) {
      const row = rows.get(line.productId) ?? { productId: line.productId, sku: line.sku, name: line.name, unit: line.unit, sold: dec('0') };
      row.sold = row.sold.plus(dec(line.quantity));
      rows.set(line.productId, row);
    }
    return [...rows.values()];
  }, [found]);
  // What the sale charged per unit, discounts included, as the refund counts it.
  const unitPrices = useMemo(() => (found ? returnUnitPrices(found.sale, found.returns) : new Map<string, string[]>()), [found]);
  const lines: ReturnLine[] = Object.entries(choices).map(([productId, choice]) => {
    const reason = reasonText(choice.reason);
    return { productId, quantity: choice.quantity.trim().replace(',', '.'), restock: choice.restock, ...(reason ? { reason } : {}) };
  });
  const comingBack = (productId: string) => {
    const quantity = choices[productId]?.quantity.trim().replace(',', '.') ?? '0';
    return isDecimalString(quantity) && dec(quantity).gt(0);
  };
  const missing = missingReasons(products.filter((row) => comingBack(row.productId)).map((row) => ({ name: row.name, reason: choices[row.productId]?.reason })));
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
    // Per product, what its lines refund (a product sold on several lines comes back from each).
    const perProduct = (document: ReturnType<typeof build>) => {
      const refunds = new Map<string, ReturnType<typeof dec>>();
      for (const line of document.lines) refunds.set(line.productId, (refunds.get(line.productId) ?? dec('0')).plus(dec(line.gross)));
      return new Map([...refunds].map(([productId, gross]) => [productId, gross.toFixed(document.pricing.currencyDecimals)]));
    };
    try {
      const document = build();
      return aboveLimits(document) ?? { refund: document.totals.gross, to: describeRefund(document.payments, document.currency), needsManager: false, perProduct: perProduct(document) };
    } catch (failure) {
      // Card or voucher money paid out in cash: possible, with a manager's PIN.
      try {
        const document = build({ id: 'preview', name: 'preview' });
        return aboveLimits(document) ?? { refund: document.totals.gross, to: describeRefund(document.payments, document.currency), needsManager: true, perProduct: perProduct(document) };
      } catch {
        return { problem: (failure as Error).message };
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [found, JSON.stringify(choices), catalog.store, refundTo]);

  const completing = useSubmit(
    async () => {
      const context = documentContext();
      if (!found || !preview || 'problem' in preview) return;
      if (missing) throw new NotDone(missing);
      if (!context) throw new NotDone('Open a shift (F3) before a return: every refund is counted in a shift.');
      let approvedBy: Person | undefined;
      if (preview.needsManager) {
        const signedIn = useSession.getState().cashier;
        approvedBy =
          signedIn?.role === 'manager'
            ? { id: signedIn.id, name: signedIn.name }
            : ((await requestApproval(`Refund ${money(preview.refund!, found.sale.currency)} in cash for a sale paid by card or voucher`)) ?? undefined);
        if (!approvedBy) throw new NotDone('Not approved: refund to the original payment instead, or ask a manager.');
      }
      const document = await recorder.completeReturn(found, lines, context, { refundTo, ...(approvedBy ? { approvedBy } : {}) });
      notify({ kind: 'info', text: `Return ${document.receiptNumber} completed: refund ${describeRefund(document.payments, document.currency)}.`, receipt: document });
      onClose();
    },
    { failure: (message) => `The return was not completed: ${message}` },
  );
  const busy = finding.busy || completing.busy;
  const problem = completing.problem || finding.problem;

  return (
    <>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void finding.run();
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
              if (!busy) void completing.run();
            }}
          >
            <p>
              Sale <strong>{found.sale.receiptNumber}</strong> of {dateTime(found.sale.completedAt)}, total {money(found.sale.totals.gross, found.sale.currency)}
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
                  <th className="num">Unit price</th>
                  <th>Returned</th>
                  <th className="num">Refund</th>
                  <th>Back on the shelf</th>
                </tr>
              </thead>
              <tbody>
                {products.map((line) => (
                  <Fragment key={line.productId}>
                    <tr data-testid="return-line" data-sku={line.sku}>
                      <td>{line.name}</td>
                      <td className="num">{toQuantityString(line.sold)}</td>
                      <td className="num">{toQuantityString(left.get(line.productId) ?? dec('0'))}</td>
                      <td className="num" data-testid="return-unit-price">
                        {(unitPrices.get(line.productId) ?? []).map((price) => unitPrice(price, found.sale.pricing.currencyDecimals, found.sale.currency)).join(' / ')}
                        {isMeasured(line.unit) ? ` per ${line.unit}` : ''}
                      </td>
                      <td>
                        <input
                          aria-label={`Returned quantity of ${line.name}`}
                          inputMode="decimal"
                          size={6}
                          value={choices[line.productId]?.quantity ?? '0'}
                          onChange={(event) => setChoices({ ...choices, [line.productId]: { ...choices[line.productId], quantity: event.target.value } })}
                        />
                      </td>
                      <td className="num" data-testid="return-line-refund">
                        {!comingBack(line.productId) ? '' : preview && 'perProduct' in preview ? money(preview.perProduct!.get(line.productId) ?? '0', found.sale.currency) : '—'}
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
                    {comingBack(line.productId) ? (
                      // Under the line it is for, once something of it comes back.
                      <tr className="return-lines__reason" data-testid="return-reason" data-sku={line.sku}>
                        <td colSpan={8}>
                          <ReturnReasonField
                            productName={line.name}
                            value={choices[line.productId]?.reason ?? NO_REASON}
                            onChange={(reason) => setChoices({ ...choices, [line.productId]: { ...choices[line.productId], reason } })}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
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
            {missing && preview && !('problem' in preview) ? (
              <p className="return-lines__missing" role="status" data-testid="return-reason-missing">
                {missing}
              </p>
            ) : null}
            <div className="dialog__actions">
              <button type="button" onClick={onClose}>
                Cancel (Esc)
              </button>
              <button type="submit" className="dialog__complete" disabled={busy || !preview || 'problem' in preview || missing !== null}>
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
        {problem ? (
          <p role="alert" className="notice notice--error">
            {problem}
          </p>
        ) : null}
    </>
  );
}
