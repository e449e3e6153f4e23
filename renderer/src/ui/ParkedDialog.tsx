import { useEffect, useRef, useState } from 'react';
import type { ParkedCart } from '../data/parked.js';
import { useCart } from '../state/cart.js';
import { useServices } from './context.js';
import { time } from './format.js';
import { useEscape } from './use-escape.js';

/**
 * Parked carts (F5): each with when it was parked, by whom and what is in it; Enter or Resume takes
 * it back as the cart. Only with an empty cart: the cart at the counter is parked (F4) or finished first.
 */
export function ParkedDialog({ onClose }: { onClose: () => void }) {
  const { parked, catalog } = useServices();
  const restore = useCart((state) => state.restore);
  const notify = useCart((state) => state.notify);
  const [carts, setCarts] = useState<ParkedCart[] | null>(null);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void parked.list().then((list) => setCarts([...list].reverse()));
  }, [parked]);
  useEffect(() => first.current?.focus(), [carts]);
  useEscape(onClose);

  const resume = async (id: string) => {
    const cart = await parked.take(id);
    if (!cart) return;
    restore(cart.lines, { orderDiscount: cart.orderDiscount, voids: cart.voids, customer: cart.customer });
    notify({ kind: 'info', text: `Resumed the cart parked at ${time(cart.parkedAt)}.` });
    onClose();
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog dialog--wide" role="dialog" aria-modal="true" aria-labelledby="parked-title" data-testid="parked-dialog">
        <h2 id="parked-title">Parked carts</h2>
        {carts === null ? <p>Reading…</p> : null}
        {carts?.length === 0 ? <p>No cart is parked. F4 parks the cart at the counter.</p> : null}
        <ul className="parked-carts">
          {(carts ?? []).map((cart, index) => (
            <li key={cart.id} data-testid="parked-cart">
              <div>
                <strong>{time(cart.parkedAt)}</strong> · {cart.cashierName} ·{' '}
                {cart.lines.map((line) => `${catalog.product(line.productId)?.name ?? line.productId} × ${line.quantity}`).join(', ')}
              </div>
              <button type="button" ref={index === 0 ? first : undefined} onClick={() => void resume(cart.id)}>
                Resume
              </button>
            </li>
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            Close (Esc)
          </button>
        </div>
      </div>
    </div>
  );
}
