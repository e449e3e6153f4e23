import { useCallback, useEffect, useRef, useState } from 'react';
import { dec, type Product } from '../../../shared/src/index.js';
import { useCart } from '../state/cart.js';
import { CartPanel } from './CartPanel.js';
import { useServices } from './context.js';
import { money } from './format.js';
import { PaymentDialog } from './PaymentDialog.js';
import { ProductSearch, type ProductSearchHandle } from './ProductSearch.js';
import { ReturnDialog } from './ReturnDialog.js';
import { StatusBar } from './StatusBar.js';
import { SyncPanel } from './SyncPanel.js';
import { useCartPricing } from './use-cart-pricing.js';

/** A scanner types digits much faster than a person; keys further apart than this start a new code. */
const SCANNER_KEY_GAP_MS = 80;

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

export function TillScreen() {
  const { catalog, stock } = useServices();
  const cart = useCart();
  const view = useCartPricing();
  const search = useRef<ProductSearchHandle>(null);
  const [syncPanelOpen, setSyncPanelOpen] = useState(false);
  const [returnOpen, setReturnOpen] = useState(false);

  const addToCart = useCallback(
    (product: Product, quantity = '1') => {
      const inCart = useCart.getState().lines.find((line) => line.productId === product.id)?.quantity ?? '0';
      const after = dec(stock.quantity(product.id)).minus(dec(inCart)).minus(dec(quantity));
      if (after.isNegative() && catalog.store?.negativeStock === 'block') {
        cart.notify({ kind: 'error', text: `Not enough ${product.name} in stock (${stock.quantity(product.id)} left); not added.` });
        return;
      }
      cart.add(product, quantity);
      cart.notify(after.isNegative() ? { kind: 'warning', text: `${product.name}: stock shown goes below zero (${after.toFixed()}).` } : null);
    },
    [cart, catalog, stock],
  );

  const reportUnknown = useCallback((code: string) => cart.notify({ kind: 'error', text: `Unknown barcode ${code}: nothing added.` }), [cart]);

  const scan = useCallback(
    (code: string) => {
      const product = catalog.byBarcodeOrSku(code);
      if (product) addToCart(product);
      else reportUnknown(code);
    },
    [addToCart, catalog, reportUnknown],
  );

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
      if (event.key === 'F12') {
        event.preventDefault();
        performance.mark('kassa:pay-key');
        state.startPayment();
        return;
      }
      if (state.paying || isTypingTarget(event.target)) return;
      if (event.key === 'Delete' && state.selectedLineId) {
        state.remove(state.selectedLineId);
        return;
      }
      const now = performance.now();
      if (/^\d$/.test(event.key)) {
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
  }, [scan]);

  useEffect(() => {
    if (!cart.paying) search.current?.focus();
  }, [cart.paying]);

  useEffect(() => {
    performance.mark('kassa:ready-to-scan');
  }, []);

  return (
    <div className="till">
      <StatusBar onOpenSync={() => setSyncPanelOpen(true)} onOpenReturn={() => setReturnOpen(true)} />
      {cart.notice ? (
        <div className={`notice notice--${cart.notice.kind}`} role={cart.notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {cart.notice.text}
          <button type="button" className="notice__close" aria-label="Dismiss message" onClick={() => cart.notify(null)}>
            ×
          </button>
        </div>
      ) : null}
      {cart.lastSale && cart.lines.length === 0 ? (
        <div className="notice notice--info" role="status" data-testid="last-sale">
          Sale <strong data-testid="last-sale-number">{cart.lastSale.receiptNumber}</strong> completed · total {money(cart.lastSale.totals.gross, cart.lastSale.currency)} · change{' '}
          <strong>{money(cart.lastSale.payments[0].change, cart.lastSale.currency)}</strong>
        </div>
      ) : null}
      <main className="till__main">
        <ProductSearch ref={search} onAdd={(product) => addToCart(product)} onUnknownCode={reportUnknown} />
        <CartPanel view={view} onPay={cart.startPayment} />
      </main>
      {cart.paying && view.priced ? <PaymentDialog view={view} /> : null}
      {syncPanelOpen && !cart.paying ? <SyncPanel onClose={() => setSyncPanelOpen(false)} /> : null}
      {returnOpen && !cart.paying ? <ReturnDialog onClose={() => setReturnOpen(false)} /> : null}
    </div>
  );
}
