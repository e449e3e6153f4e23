import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isReturn, receiptHtml, type Sale } from '../../../../shared/src/index.js';
import { useCart } from '../checkout/cart.js';
import { useServices } from '../context.js';
import { dateTime, money } from '../format.js';
import { originalPrinted, printReceipt, printsCopy } from './print.js';
import { Modal } from '../Modal.js';

/** How many of the till's latest documents the reprint dialog lists. */
const LISTED = 50;

/**
 * Prints one of this till's sales or returns as its receipt, with the store's name, address, VAT
 * number and footer as they are now; a copy unless it is the first print of the document the till
 * just completed (see printsCopy).
 */
export function useReceiptPrinter(): (document: Sale, options?: { reprint?: boolean }) => Promise<void> {
  const { catalog, settings } = useServices();
  return useCallback(
    async (document: Sale, { reprint = false } = {}) => {
      const store = catalog.store;
      if (!store) throw new Error("the store's details have not reached this till yet");
      const { lastSale, notice } = useCart.getState();
      const justCompleted = !reprint && (lastSale?.id === document.id || notice?.receipt?.id === document.id);
      const copy = printsCopy(document.id, justCompleted);
      await printReceipt(receiptHtml(document, { store, till: { code: settings.tillCode }, copy }));
      // Only once it reached the printer: a print that failed leaves the original still to print.
      if (!copy) originalPrinted(document.id);
    },
    [catalog, settings],
  );
}

function printFailure(document: Sale, error: unknown): string {
  return `Receipt ${document.receiptNumber} was not printed: ${(error as Error).message}`;
}

/**
 * F7: prints the last document this till completed, read from its own database (so it works after a
 * restart too: the till is the only writer of its sales, numbered without gaps).
 */
export function usePrintLastReceipt(): () => Promise<void> {
  const { db } = useServices();
  const notify = useCart((state) => state.notify);
  const print = useReceiptPrinter();
  return useCallback(async () => {
    const last = (await db.sales.findOne({ selector: { number: { $gte: 0 } }, sort: [{ number: 'desc' }] }).exec())?.toJSON() as Sale | undefined;
    if (!last) {
      notify({ kind: 'info', text: 'No sale or return on this till yet: no receipt to print.' });
      return;
    }
    await print(last).catch((error: unknown) => notify({ kind: 'error', text: printFailure(last, error) }));
  }, [db, notify, print]);
}

/** The "Print receipt (F7)" button of a completion notice: prints the document it is about. */
export function PrintReceiptButton({ document }: { document: Sale }) {
  const notify = useCart((state) => state.notify);
  const print = useReceiptPrinter();
  return (
    <button type="button" className="notice__action" data-testid="print-receipt" onClick={() => void print(document).catch((error: unknown) => notify({ kind: 'error', text: printFailure(document, error) }))}>
      Print receipt (F7)
    </button>
  );
}

type Outcome = { kind: 'info' | 'error'; text: string } | null;

/**
 * Reprint (F6): this till's last 50 sales and returns from its own database, newest first, any of
 * them printed again; typing narrows the list, and Enter prints the receipt whose number was typed
 * (older ones too) or the only one left in the list.
 */
export function ReprintDialog({ onClose }: { onClose: () => void }) {
  const { db } = useServices();
  const print = useReceiptPrinter();
  const [documents, setDocuments] = useState<Sale[] | null>(null);
  const [query, setQuery] = useState('');
  const [older, setOlder] = useState<Sale | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  // Escape closes the dialog wherever the focus is.
  useEffect(() => {
    let cancelled = false;
    db.sales
      .find({ selector: { number: { $gte: 0 } }, sort: [{ number: 'desc' }], limit: LISTED })
      .exec()
      .then(
        (found) => {
          if (!cancelled) setDocuments(found.map((document) => document.toJSON() as Sale));
        },
        (error: unknown) => {
          if (!cancelled) setOutcome({ kind: 'error', text: `This till's receipts could not be read: ${(error as Error).message}` });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [db]);

  const wanted = query.trim().toUpperCase();
  const shown = useMemo(() => {
    const listed = (documents ?? []).filter((document) => document.receiptNumber.includes(wanted));
    return older && older.receiptNumber.includes(wanted) && !listed.some((document) => document.id === older.id) ? [...listed, older] : listed;
  }, [documents, older, wanted]);

  const reprint = async (document: Sale) => {
    setOutcome(null);
    try {
      await print(document, { reprint: true });
      setOutcome({ kind: 'info', text: `Receipt ${document.receiptNumber} sent to the printer.` });
    } catch (error) {
      setOutcome({ kind: 'error', text: printFailure(document, error) });
    }
  };

  const find = async () => {
    if (!wanted) return;
    const exact =
      shown.find((document) => document.receiptNumber === wanted) ??
      ((await db.sales.findOne({ selector: { receiptNumber: wanted } }).exec())?.toJSON() as Sale | undefined);
    if (exact) {
      if (!documents?.some((document) => document.id === exact.id)) setOlder(exact);
      await reprint(exact);
    } else if (shown.length === 1) {
      await reprint(shown[0]);
    } else {
      setOutcome({
        kind: 'error',
        text: shown.length === 0 ? `No receipt ${wanted} on this till.` : `${shown.length} receipts match ${wanted}: choose one, or type the whole number.`,
      });
    }
  };

  return (
    <Modal labelledBy="reprint-title" onClose={onClose} wide testId="reprint-dialog">
        <h2 id="reprint-title">Reprint a receipt</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void find();
          }}
        >
          <label htmlFor="reprint-receipt">Receipt number</label>
          <input id="reprint-receipt" ref={input} value={query} onChange={(event) => setQuery(event.target.value)} placeholder="S1-T1-000042" autoComplete="off" />
          <button type="submit">
            Print <kbd>Enter</kbd>
          </button>
        </form>
        {documents === null ? (
          <p>Reading this till&apos;s receipts…</p>
        ) : shown.length === 0 ? (
          <p data-testid="reprint-none">{documents.length === 0 ? 'No sale or return on this till yet.' : `None of the last ${LISTED} receipts matches; Enter looks further back.`}</p>
        ) : (
          <table className="reprint-list">
            <thead>
              <tr>
                <th>Receipt</th>
                <th>Time</th>
                <th>Kind</th>
                <th className="num">Total</th>
                <th>
                  <span className="visually-hidden">Print</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((document) => (
                <tr key={document.id} data-testid="reprint-row" data-receipt={document.receiptNumber}>
                  <td>{document.receiptNumber}</td>
                  <td>{dateTime(document.completedAt)}</td>
                  <td>{isReturn(document) ? `Return of ${document.returnOf?.receiptNumber ?? '?'}` : 'Sale'}</td>
                  <td className="num">{money(document.totals.gross, document.currency)}</td>
                  <td>
                    <button type="button" aria-label={`Print receipt ${document.receiptNumber}`} onClick={() => void reprint(document)}>
                      Print
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {outcome ? (
          <p className={`notice notice--${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'} data-testid="reprint-outcome">
            {outcome.text}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            Close (Esc)
          </button>
        </div>
    </Modal>
  );
}
