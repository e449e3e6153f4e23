import { useEffect, useRef, useState } from 'react';
import { cashChange, dec, isDecimalString, type Sale } from '../../../shared/src/index.js';
import { useCart } from '../state/cart.js';
import { useServices } from './context.js';
import { money } from './format.js';
import type { PricedCartView } from './use-cart-pricing.js';

/** Cash payment: tendered amount, change, and completing the sale as one stored document. */
export function PaymentDialog({ view }: { view: PricedCartView }) {
  const { recorder, catalog, settings } = useServices();
  const { cancelPayment, completed, notify } = useCart();
  const total = view.priced?.totals.gross ?? '0';
  const [tendered, setTendered] = useState(total);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.select();
  }, []);

  const normalised = tendered.trim().replace(',', '.');
  const valid = isDecimalString(normalised);
  const enough = valid && dec(normalised).gte(dec(total));
  const change = enough ? cashChange(total, normalised, catalog.store?.pricing.currencyDecimals) : null;
  const quick = [...new Set(['5', '10', '20', '50', '100'].filter((note) => dec(note).gte(dec(total))).slice(0, 3))];

  const complete = async () => {
    const store = catalog.store;
    if (!enough || busy || !store) return;
    setBusy(true);
    performance.mark('kassa:sale-submitted');
    try {
      const sale: Sale = await recorder.completeCashSale(view.items, normalised, {
        store,
        till: { id: settings.tillId, code: settings.tillCode },
        cashier: { id: `cashier-${settings.cashierName.toLowerCase().replace(/\W+/g, '-')}`, name: settings.cashierName },
        serverLastNumber: () => catalog.till?.lastNumber ?? 0,
      });
      performance.mark('kassa:sale-stored');
      completed(sale);
    } catch (error) {
      notify({ kind: 'error', text: `The sale was not completed: ${(error as Error).message}` });
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="payment-title">
        <h2 id="payment-title">Cash payment</h2>
        <p className="dialog__total">
          To pay <strong data-testid="payment-total">{money(total, view.currency)}</strong>
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void complete();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancelPayment();
          }}
        >
          <label htmlFor="tendered">Cash received</label>
          <input id="tendered" ref={input} className="dialog__tendered" inputMode="decimal" value={tendered} onChange={(event) => setTendered(event.target.value)} autoFocus />
          <div className="dialog__quick">
            <button type="button" onClick={() => setTendered(total)}>
              Exact
            </button>
            {quick.map((note) => (
              <button key={note} type="button" onClick={() => setTendered(note)}>
                {money(note, view.currency)}
              </button>
            ))}
          </div>
          <p className="dialog__change" aria-live="polite">
            {change !== null ? (
              <>
                Change <strong data-testid="change">{money(change, view.currency)}</strong>
              </>
            ) : (
              <span className="dialog__short">{valid ? 'Not enough cash received' : 'Enter the cash received'}</span>
            )}
          </p>
          <div className="dialog__actions">
            <button type="button" onClick={cancelPayment}>
              Back <kbd>Esc</kbd>
            </button>
            <button type="submit" className="dialog__complete" disabled={!enough || busy}>
              Complete sale <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
