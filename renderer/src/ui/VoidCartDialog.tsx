import { useState } from 'react';
import { useCart } from '../state/cart.js';
import { useSession } from '../state/session.js';
import { useServices } from './context.js';
import { money } from './format.js';
import type { PricedCartView } from './use-cart-pricing.js';
import { useEscape } from './use-escape.js';

const REASONS = ['Customer changed their mind', 'Customer cannot pay', 'Rung up by mistake', 'Other'];

/**
 * Ctrl+Delete: the whole cart is voided. Nothing is sold and no stock moves, but the void is recorded
 * as an event of the shift (what was in the cart, who voided it and why) and shows on the Z report.
 */
export function VoidCartDialog({ view, onClose }: { view: PricedCartView; onClose: () => void }) {
  const { shifts } = useServices();
  const cashier = useSession((state) => state.cashier);
  const { clear, notify } = useCart();
  const [reason, setReason] = useState(REASONS[0]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEscape(onClose);

  const confirm = async () => {
    if (!cashier || busy) return;
    setBusy(true);
    try {
      await shifts.voidCart(
        view.lines.map((line) => ({ productId: line.productId, name: line.item.product.name, quantity: line.quantity, gross: line.gross })),
        reason.trim(),
        { id: cashier.id, name: cashier.name },
      );
      clear();
      notify({ kind: 'info', text: `Cart voided (${view.lines.length} ${view.lines.length === 1 ? 'line' : 'lines'}): ${reason.trim()}.` });
      onClose();
    } catch (failure) {
      setError(`The cart was not voided: ${(failure as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="void-title">
        <h2 id="void-title">Void the whole cart</h2>
        <p>
          {view.lines.length} {view.lines.length === 1 ? 'line' : 'lines'}, {money(view.priced?.totals.gross ?? '0', view.currency)}. Nothing is sold; the void is recorded on the shift.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <label htmlFor="void-reason">Reason</label>
          <input id="void-reason" list="void-reasons" value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={200} autoFocus />
          <datalist id="void-reasons">
            {REASONS.map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
          {error ? (
            <p role="alert" className="dialog__short">
              {error}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" onClick={onClose}>
              Keep the cart <kbd>Esc</kbd>
            </button>
            <button type="submit" className="dialog__complete dialog__complete--danger" disabled={busy || reason.trim() === ''}>
              Void cart <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
