import { useCallback, useEffect, useRef, useState } from 'react';
import { dec, toQuantityString, type Product } from '../../../shared/src/index.js';
import { lineLimitProblem, useCart } from '../state/cart.js';
import { useSession } from '../state/session.js';
import { ApprovalDialog } from './ApprovalDialog.js';
import { CartPanel } from './CartPanel.js';
import { CustomerDialog } from './CustomerDialog.js';
import { DiscountDialog } from './DiscountDialog.js';
import { useServices } from './context.js';
import { money } from './format.js';
import { ParkedDialog } from './ParkedDialog.js';
import { PaymentDialog } from './PaymentDialog.js';
import { ProductSearch, RECEIPT_NUMBER_PATTERN, type ProductSearchHandle } from './ProductSearch.js';
import { PrintReceiptButton, ReprintDialog, usePrintLastReceipt } from './ReprintDialog.js';
import { ReturnDialog } from './ReturnDialog.js';
import { StatusBar } from './StatusBar.js';
import { SyncPanel } from './SyncPanel.js';
import { ShiftDesk } from './ShiftDialog.js';
import { useCartPricing } from './use-cart-pricing.js';
import { useShiftDialog } from './use-shift.js';
import { VoidCartDialog } from './VoidCartDialog.js';

/** A scanner types digits much faster than a person; keys further apart than this start a new code. */
const SCANNER_KEY_GAP_MS = 80;

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

export function TillScreen() {
  const { catalog, stock, parked, settings, shifts } = useServices();
  const cart = useCart();
  const view = useCartPricing();
  const search = useRef<ProductSearchHandle>(null);
  const [syncPanelOpen, setSyncPanelOpen] = useState(false);
  const [returnOpen, setReturnOpen] = useState(false);
  /** A receipt scanned at the counter: the return dialog opens on it. */
  const [returnReceipt, setReturnReceipt] = useState<string | undefined>(undefined);
  const [reprintOpen, setReprintOpen] = useState(false);
  const [parkedOpen, setParkedOpen] = useState(false);
  const [discountOpen, setDiscountOpen] = useState(false);
  const [voidOpen, setVoidOpen] = useState(false);
  const [customerOpen, setCustomerOpen] = useState(false);
  const printLast = usePrintLastReceipt();
  const cashier = useSession((state) => state.cashier);
  const viewRef = useRef(view);
  viewRef.current = view;

  /**
   * Takes a line out of the cart and records it as voided: the sale, once paid, carries the void. A
   * cart emptied line by line is a voided cart: its voids go on the shift at once, not on the next
   * customer's sale.
   */
  const voidLine = useCallback(
    (lineId: string) => {
      const priced = viewRef.current.lines.find((line) => line.lineId === lineId);
      const by = useSession.getState().cashier;
      useCart
        .getState()
        .remove(lineId, priced && by ? { productId: priced.productId, name: priced.item.product.name, quantity: priced.quantity, gross: priced.gross, by: { id: by.id, name: by.name } } : undefined);
      const { lines, voids } = useCart.getState();
      if (lines.length > 0 || voids.length === 0 || !by || !shifts.current()) return;
      useCart.setState({ voids: [] });
      shifts
        .voidCart(
          voids.map(({ productId, name, quantity, gross }) => ({ productId, name, quantity, gross })),
          'Every line removed',
          { id: by.id, name: by.name },
        )
        .catch((error: unknown) => {
          // Kept on the cart, so the voids are recorded with the next sale instead.
          useCart.setState((state) => ({ voids: [...voids, ...state.voids] }));
          useCart.getState().notify({ kind: 'error', text: `The removed lines were not recorded on the shift: ${(error as Error).message}` });
        });
    },
    [shifts],
  );

  const addToCart = useCallback(
    (product: Product, quantity = '1', separate = false) => {
      const { lines } = useCart.getState();
      // The line cart.add raises (a scale label is its own line): never past the store's limit.
      const onLine = dec((separate ? undefined : lines.find((line) => line.productId === product.id))?.quantity ?? '0').plus(dec(quantity));
      const tooMany = lineLimitProblem(onLine, catalog.store);
      if (tooMany) {
        cart.notify({ kind: 'error', text: `${product.name}: ${toQuantityString(onLine)} on one line is ${tooMany}; not added.` });
        return;
      }
      const inCart = lines.filter((line) => line.productId === product.id).reduce((total, line) => total.plus(dec(line.quantity)), dec('0'));
      const after = dec(stock.quantity(product.id)).minus(inCart).minus(dec(quantity));
      if (after.isNegative() && catalog.store?.negativeStock === 'block') {
        cart.notify({ kind: 'error', text: `Not enough ${product.name} in stock (${stock.quantity(product.id)} left); not added.` });
        return;
      }
      cart.add(product, quantity, separate);
      cart.notify(after.isNegative() ? { kind: 'warning', text: `${product.name}: stock shown goes below zero (${after.toFixed()}).` } : null);
    },
    [cart, catalog, stock],
  );

  const reportUnknown = useCallback((code: string) => cart.notify({ kind: 'error', text: `Unknown barcode ${code}: nothing added.` }), [cart]);

  const scan = useCallback(
    (code: string) => {
      if (RECEIPT_NUMBER_PATTERN.test(code)) {
        if (useCart.getState().lines.length > 0) {
          cart.notify({ kind: 'warning', text: `Receipt ${code.toUpperCase()} scanned: finish or park the cart before a return.` });
          return;
        }
        setReturnReceipt(code.toUpperCase());
        setReturnOpen(true);
        return;
      }
      const found = catalog.scan(code);
      if ('product' in found) addToCart(found.product, found.quantity, found.quantity !== undefined);
      else if ('problem' in found) cart.notify({ kind: 'error', text: `${found.problem} Nothing added.` });
      else reportUnknown(code);
    },
    [addToCart, cart, catalog, reportUnknown],
  );

  /** F4: the cart is put aside (kept on disk first, then cleared) and the counter is free for the next customer. */
  const parkCart = useCallback(() => {
    const { lines, notify, orderDiscount, voids, customer } = useCart.getState();
    if (lines.length === 0) {
      notify({ kind: 'info', text: 'The cart is empty: nothing to park.' });
      return;
    }
    void parked.park(lines, useSession.getState().cashier?.name ?? settings.cashierName, { orderDiscount, voids, customer }).then(
      () => {
        useCart.getState().clear();
        useCart.getState().notify({ kind: 'info', text: `Cart parked (${lines.length} ${lines.length === 1 ? 'line' : 'lines'}); F5 resumes it.` });
      },
      (error: unknown) => useCart.getState().notify({ kind: 'error', text: `The cart was not parked: ${(error as Error).message}` }),
    );
  }, [parked, settings]);

  /** F5: the parked carts, to resume one; only with an empty cart at the counter. */
  const openParked = useCallback(() => {
    const { lines, notify } = useCart.getState();
    if (lines.length > 0) {
      notify({ kind: 'warning', text: 'Park (F4) or finish the cart at the counter before resuming another.' });
      return;
    }
    setParkedOpen(true);
  }, []);

  // Function keys, and a scanner's burst of digits + Enter when no input has the focus.
  useEffect(() => {
    let buffer = '';
    let lastKeyAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      const state = useCart.getState();
      if (event.key === 'F2') {
        event.preventDefault();
        search.current?.focus();
        return;
      }
      if (event.key === 'F3') {
        event.preventDefault();
        if (!state.paying) useShiftDialog.getState().show();
        return;
      }
      if (event.key === 'F4') {
        event.preventDefault();
        if (!state.paying) parkCart();
        return;
      }
      if (event.key === 'F5') {
        event.preventDefault();
        if (!state.paying) openParked();
        return;
      }
      if (event.key === 'F6') {
        event.preventDefault();
        if (!state.paying) setReprintOpen(true);
        return;
      }
      if (event.key === 'F7') {
        event.preventDefault();
        if (!state.paying) void printLast();
        return;
      }
      if (event.key === 'F8') {
        event.preventDefault();
        if (!state.paying) setReturnOpen(true);
        return;
      }
      if (event.key === 'F9') {
        event.preventDefault();
        if (!state.paying) setSyncPanelOpen((open) => !open);
        return;
      }
      if (event.key === 'F10') {
        event.preventDefault();
        if (!state.paying && state.lines.length > 0) setDiscountOpen(true);
        return;
      }
      if (event.key === 'F11') {
        event.preventDefault();
        if (!state.paying) setCustomerOpen(true);
        return;
      }
      if (event.key === 'Delete' && event.ctrlKey) {
        event.preventDefault();
        if (!state.paying && state.lines.length > 0) setVoidOpen(true);
        return;
      }
      if (event.key === 'F12') {
        event.preventDefault();
        performance.mark('kassa:pay-key');
        // Only a cart that prices and may be paid: a discount that no longer fits, or a total above the
        // store's limit, is changed first (the cart says so).
        if (viewRef.current.priced && viewRef.current.problem === null) state.startPayment();
        return;
      }
      if (state.paying || isTypingTarget(event.target)) return;
      if (event.key === 'Delete' && state.selectedLineId) {
        voidLine(state.selectedLineId);
        return;
      }
      const now = performance.now();
      // Digits for products; letters and dashes too for a receipt's barcode (S1-T1-000042).
      if (/^[\dA-Za-z-]$/.test(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey) {
        buffer = now - lastKeyAt > SCANNER_KEY_GAP_MS ? event.key : buffer + event.key;
        lastKeyAt = now;
      } else if (event.key === 'Enter' && buffer.length >= 6) {
        event.preventDefault();
        scan(buffer);
        buffer = '';
      } else {
        buffer = '';
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [scan, printLast, parkCart, openParked, voidLine]);

  useEffect(() => {
    if (!cart.paying) search.current?.focus();
  }, [cart.paying]);

  useEffect(() => {
    performance.mark('kassa:ready-to-scan');
  }, []);

  return (
    <div className="till">
      <StatusBar onOpenSync={() => setSyncPanelOpen(true)} onOpenReturn={() => setReturnOpen(true)} onOpenReprint={() => setReprintOpen(true)} onPrintLast={() => void printLast()} />
      {cart.notice ? (
        <div className={`notice notice--${cart.notice.kind}`} role={cart.notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {cart.notice.text}
          {cart.notice.receipt ? <PrintReceiptButton document={cart.notice.receipt} /> : null}
          <button type="button" className="notice__close" aria-label="Dismiss message" onClick={() => cart.notify(null)}>
            ×
          </button>
        </div>
      ) : null}
      {cart.lastSale && cart.lines.length === 0 ? (
        <div className="notice notice--info" role="status" data-testid="last-sale">
          <span>
            Sale <strong data-testid="last-sale-number">{cart.lastSale.receiptNumber}</strong> completed · total {money(cart.lastSale.totals.gross, cart.lastSale.currency)}
            {cart.lastSale.payments.some((payment) => payment.tender === 'cash') ? (
              <>
                {' '}
                · change <strong data-testid="last-sale-change">{money(cart.lastSale.payments.find((payment) => payment.tender === 'cash')!.change, cart.lastSale.currency)}</strong>
              </>
            ) : null}
          </span>
          <PrintReceiptButton document={cart.lastSale} />
        </div>
      ) : null}
      <main className="till__main">
        <ProductSearch ref={search} onAdd={(product) => addToCart(product)} onScan={scan} />
        <CartPanel view={view} onPay={cart.startPayment} onPark={parkCart} onParked={openParked} onVoidLine={voidLine} onDiscount={() => setDiscountOpen(true)} onVoidCart={() => setVoidOpen(true)} onCustomer={() => setCustomerOpen(true)} />
      </main>
      {cart.paying && view.priced ? <PaymentDialog view={view} /> : null}
      {syncPanelOpen && !cart.paying ? <SyncPanel onClose={() => setSyncPanelOpen(false)} /> : null}
      {returnOpen && !cart.paying ? (
        <ReturnDialog
          receipt={returnReceipt}
          onClose={() => {
            setReturnOpen(false);
            setReturnReceipt(undefined);
          }}
        />
      ) : null}
      {parkedOpen && !cart.paying ? <ParkedDialog onClose={() => setParkedOpen(false)} /> : null}
      {reprintOpen && !cart.paying ? <ReprintDialog onClose={() => setReprintOpen(false)} /> : null}
      <ShiftDesk />
      {discountOpen && !cart.paying && cashier ? <DiscountDialog view={view} onClose={() => setDiscountOpen(false)} /> : null}
      {voidOpen && !cart.paying ? <VoidCartDialog view={view} onClose={() => setVoidOpen(false)} /> : null}
      {customerOpen && !cart.paying ? <CustomerDialog onClose={() => setCustomerOpen(false)} /> : null}
      <ApprovalDialog />
    </div>
  );
}
