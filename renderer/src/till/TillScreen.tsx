import { useCallback, useEffect, useRef, useState } from 'react';
import { dec, isMeasured, toQuantityString, type Product, type Sale, type VoidedLine, type Weighing } from '../../../shared/src/index.js';
import { lineLimitProblem, useCart } from './checkout/cart.js';
import { useSession } from './shift/session.js';
import { ApprovalDialog } from './checkout/ApprovalDialog.js';
import { CartPanel } from './checkout/CartPanel.js';
import { ChangeDue } from './checkout/ChangeDue.js';
import { CustomerDialog } from './customers/CustomerDialog.js';
import { DiscountDialog } from './checkout/DiscountDialog.js';
import { useServices } from './context.js';
import { money } from './format.js';
import { ParkCartDesk, useParkCartDialog } from './checkout/ParkCartDialog.js';
import { ParkedDialog } from './checkout/ParkedDialog.js';
import { PaymentDialog } from './checkout/PaymentDialog.js';
import { ProductSearch, RECEIPT_NUMBER_PATTERN, type ProductSearchHandle } from './checkout/ProductSearch.js';
import { PrintReceiptButton, ReprintDialog, usePrintLastReceipt } from './receipts/ReprintDialog.js';
import { ReturnDialog } from './returns/ReturnDialog.js';
import { StatusBar } from './status/StatusBar.js';
import { SyncPanel } from './sync/SyncPanel.js';
import { ShiftDesk } from './shift/ShiftDialog.js';
import { useCartPricing } from './checkout/use-cart-pricing.js';
import { useShiftDialog } from './shift/use-shift.js';
import { VoidCartDialog } from './checkout/VoidCartDialog.js';
import { askWeight, WeightDialog } from './checkout/WeightDialog.js';
import { applies, bindingFor, isFunctionKey, typesIntoSearch, type TillAction } from './keys.js';
import { setFocusHome } from './Modal.js';
import { listenForScanner } from './checkout/scanner.js';

/** How long a removed line can be put back. */
const UNDO_MS = 8000;

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

export function TillScreen() {
  const { catalog, stock, shifts } = useServices();
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

  /** A cart emptied line by line, waiting out its undo before it is recorded as voided on the shift. */
  const pendingVoidCart = useRef<{ voids: VoidedLine[]; timer: ReturnType<typeof setTimeout> } | null>(null);

  /** Records a cart emptied line by line as voided on the shift, now (its undo is over). */
  const recordVoidedCart = useCallback(
    (voids: VoidedLine[]) => {
      const by = useSession.getState().cashier;
      if (voids.length === 0 || !by || !shifts.current()) return;
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

  const flushVoidedCart = useCallback(() => {
    const pending = pendingVoidCart.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    pendingVoidCart.current = null;
    recordVoidedCart(pending.voids);
  }, [recordVoidedCart]);

  // A voided cart still in its undo is recorded before the shift dialog counts the shift (a close
  // right after sees it), and when the till screen goes (sign-out).
  useEffect(() => {
    const unsubscribe = useShiftDialog.subscribe((dialog) => {
      if (dialog.shown) flushVoidedCart();
    });
    return () => {
      unsubscribe();
      flushVoidedCart();
    };
  }, [flushVoidedCart]);

  /**
   * Takes a line out of the cart and records it as voided: the sale, once paid, carries the void. For
   * a few seconds the notice offers to undo it (the line comes back where it was, its void is
   * forgotten). A cart emptied line by line is a voided cart: its voids go on the shift once the undo
   * is over, not on the next customer's sale.
   */
  const voidLine = useCallback(
    (lineId: string) => {
      const before = useCart.getState();
      const index = before.lines.findIndex((line) => line.lineId === lineId);
      if (index < 0) return;
      const line = before.lines[index];
      const priced = viewRef.current.lines.find((candidate) => candidate.lineId === lineId);
      const by = useSession.getState().cashier;
      const voided: VoidedLine | undefined = priced && by ? { productId: priced.productId, name: priced.item.product.name, quantity: priced.quantity, gross: priced.gross, by: { id: by.id, name: by.name } } : undefined;
      const orderDiscount = before.orderDiscount;
      flushVoidedCart();
      useCart.getState().remove(lineId, voided);
      const emptied = useCart.getState().lines.length === 0;
      if (emptied && useCart.getState().voids.length > 0 && by && shifts.current()) {
        const voids = useCart.getState().voids;
        useCart.setState({ voids: [] });
        pendingVoidCart.current = { voids, timer: setTimeout(flushVoidedCart, UNDO_MS) };
      }
      const name = priced?.item.product.name ?? 'The line';
      const undo = () => {
        const pending = pendingVoidCart.current;
        if (pending) {
          clearTimeout(pending.timer);
          pendingVoidCart.current = null;
        }
        useCart.setState((state) => {
          const lines = [...state.lines];
          lines.splice(Math.min(index, lines.length), 0, line);
          const voids = [...(pending?.voids ?? []), ...state.voids].filter((entry) => entry !== voided);
          return { lines, voids, selectedLineId: line.lineId, orderDiscount: state.orderDiscount ?? orderDiscount, notice: { kind: 'info', text: `${name} is back in the cart.` } };
        });
      };
      useCart.getState().notify({ kind: 'info', text: `${name} removed (recorded as a void).`, action: { label: 'Undo', run: undo } });
      const notice = useCart.getState().notice;
      setTimeout(() => {
        if (useCart.getState().notice === notice) useCart.getState().notify(null);
      }, UNDO_MS);
    },
    [shifts, flushVoidedCart],
  );

  const addToCart = useCallback(
    (product: Product, given?: string, weighing?: Weighing) => {
      // Loose goods go in by what they weigh (or measure), never as 1 kg (or 1 m) unasked.
      if (given === undefined && isMeasured(product.unit)) return askWeight(product);
      const quantity = given ?? '1';
      const { lines } = useCart.getState();
      // The line cart.add raises (a weighed line is its own): never past the store's limit.
      const onLine = dec((weighing ? undefined : lines.find((line) => line.productId === product.id))?.quantity ?? '0').plus(dec(quantity));
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
      cart.add(product, quantity, weighing);
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
      // A scale label's quantity is a weight the label carries; a pack's is a count of pieces.
      if ('product' in found) addToCart(found.product, found.quantity, found.quantity !== undefined && found.pack === undefined ? 'scale' : undefined);
      else if ('problem' in found) cart.notify({ kind: 'error', text: `${found.problem} Nothing added.` });
      else reportUnknown(code);
    },
    [addToCart, cart, catalog, reportUnknown],
  );

  /** F4: the cart is put aside (kept on disk first, then cleared) and the counter is free for the next customer. */
  const parkCart = useCallback(() => {
    const { lines, notify } = useCart.getState();
    if (lines.length === 0) {
      notify({ kind: 'info', text: 'The cart is empty: nothing to park.' });
      return;
    }
    // The dialog asks for an optional name, then parks (on disk first, then the cart is cleared).
    useParkCartDialog.getState().show();
  }, []);

  /** F5: the parked carts, to resume one; only with an empty cart at the counter. */
  const openParked = useCallback(() => {
    const { lines, notify } = useCart.getState();
    if (lines.length > 0) {
      notify({ kind: 'warning', text: 'Park (F4) or finish the cart at the counter before resuming another.' });
      return;
    }
    setParkedOpen(true);
  }, []);

  // A scanner's burst, wherever the focus is: to the dialog on top, or rung up here (see scanner.ts).
  // One listener for the screen's life: one made again whenever the cart changed would forget the
  // keys of a burst that arrives while a line is added or a product replicates in.
  const scanRef = useRef(scan);
  scanRef.current = scan;
  useEffect(
    () =>
      listenForScanner(window, {
        onSaleScan: (code) => {
          if (useCart.getState().paying) return;
          scanRef.current(code);
        },
        isHome: (target) => target instanceof HTMLElement && target.id === 'product-search',
      }),
    [],
  );

  useEffect(() => {
    setFocusHome(() => search.current?.focus());
    return () => setFocusHome(null);
  }, []);

  // The till's keys (keys.ts); typing with the focus on no field goes to the search box.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = useCart.getState();
      // A dialog is up: its own keys only (the screen behind is inert, and so are the till's keys).
      if (document.querySelector('dialog[open]')) {
        if (isFunctionKey(event.key)) event.preventDefault();
        return;
      }
      const typing = isTypingTarget(event.target);
      const binding = bindingFor(event);
      if (binding) {
        if (binding.own) event.preventDefault();
        if (applies(binding, { paying: state.paying, typing })) actions.current[binding.action]();
        // A key the till does not take now keeps its meaning in the field that has the focus.
        if (binding.own || applies(binding, { paying: state.paying, typing })) return;
      }
      if (!state.paying && !typing && typesIntoSearch(event)) search.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  /** What each action of the key table does (see keys.ts for when it applies). */
  const actions = useRef<Record<TillAction, () => void>>(null!);
  actions.current = {
    search: () => search.current?.focus(),
    pay: () => {
      performance.mark('kassa:pay-key');
      // Only a cart that prices and may be paid: a discount that no longer fits, or a total above the
      // store's limit, is changed first (the cart says so).
      if (viewRef.current.priced && viewRef.current.problem === null) useCart.getState().startPayment();
    },
    shift: () => useShiftDialog.getState().show(),
    park: parkCart,
    parked: openParked,
    reprint: () => setReprintOpen(true),
    printLast: () => void printLast(),
    return: () => setReturnOpen(true),
    sync: () => setSyncPanelOpen(true),
    discount: () => {
      if (useCart.getState().lines.length > 0) setDiscountOpen(true);
    },
    customer: () => setCustomerOpen(true),
    voidCart: () => {
      if (useCart.getState().lines.length > 0) setVoidOpen(true);
    },
    voidLine: () => {
      const selected = useCart.getState().selectedLineId;
      if (selected) voidLine(selected);
    },
  };

  useEffect(() => {
    if (!cart.paying) search.current?.focus();
  }, [cart.paying]);

  useEffect(() => {
    performance.mark('kassa:ready-to-scan');
  }, []);

  // After a cash sale the change to give is shown large, until the next key, scan or touch.
  const [changeDue, setChangeDue] = useState<Sale | null>(null);
  useEffect(() => {
    setChangeDue(cart.lastSale?.payments.some((payment) => payment.tender === 'cash') ? cart.lastSale : null);
  }, [cart.lastSale]);
  useEffect(() => {
    if (!changeDue) return;
    // Cleared after the key has done its work: a re-render inside its keydown would swallow the character.
    const hide = () => setTimeout(() => setChangeDue(null), 0);
    window.addEventListener('keydown', hide, true);
    window.addEventListener('pointerdown', hide, true);
    return () => {
      window.removeEventListener('keydown', hide, true);
      window.removeEventListener('pointerdown', hide, true);
    };
  }, [changeDue]);

  return (
    <div className="till">
      <StatusBar onOpenSync={() => setSyncPanelOpen(true)} onOpenReturn={() => setReturnOpen(true)} onOpenReprint={() => setReprintOpen(true)} onPrintLast={() => void printLast()} />
      {cart.notice ? (
        <div className={`notice notice--${cart.notice.kind}`} role={cart.notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {cart.notice.text}
          {cart.notice.receipt ? <PrintReceiptButton document={cart.notice.receipt} /> : null}
          {cart.notice.action ? (
            <button type="button" className="notice__action" data-testid="notice-action" onClick={cart.notice.action.run}>
              {cart.notice.action.label}
            </button>
          ) : null}
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
      {changeDue ? <ChangeDue sale={changeDue} /> : null}
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
      <ParkCartDesk />
      {parkedOpen && !cart.paying ? <ParkedDialog onClose={() => setParkedOpen(false)} /> : null}
      {reprintOpen && !cart.paying ? <ReprintDialog onClose={() => setReprintOpen(false)} /> : null}
      <ShiftDesk />
      {discountOpen && !cart.paying && cashier ? <DiscountDialog view={view} onClose={() => setDiscountOpen(false)} /> : null}
      {voidOpen && !cart.paying ? <VoidCartDialog view={view} onClose={() => setVoidOpen(false)} /> : null}
      {customerOpen && !cart.paying ? <CustomerDialog onClose={() => setCustomerOpen(false)} /> : null}
      {/* A keyed-in weight in kg is recorded as such on its own line; g, l and m are keyed quantities. */}
      <WeightDialog onWeighed={(product, quantity) => addToCart(product, quantity, product.unit === 'kg' ? 'keyed' : undefined)} />
      <ApprovalDialog />
    </div>
  );
}
