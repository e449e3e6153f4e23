import { useEffect, useRef, useState } from 'react';
import { priceItems, type CartItem, type DecimalString } from '../../../../shared/src/index.js';
import { NotDone, useSubmit } from '../../ui-kit/index.js';
import type { Catalog } from './catalog.js';
import type { ParkedCart } from './parked.js';
import type { VoidedLine } from '../shift/shifts.js';
import { useCart } from './cart.js';
import { useSession } from '../shift/session.js';
import { useServices } from '../context.js';
import { money, time } from '../format.js';
import { cartItem } from './use-cart-pricing.js';
import { Modal } from '../Modal.js';
import '../counter.css';

/** What a parked cart comes to if it is resumed now, and each line's part of it. */
interface ParkedPrice {
  /** Null when a product or tax rate is no longer known, or a discount no longer fits: shown as "—". */
  total: DecimalString | null;
  /** Per line of the cart, its gross: what a void of it records. */
  lineGross: DecimalString[];
}

/**
 * A parked cart priced with the pricing the cart uses, at today's prices: what resuming it would ask
 * for. Carts parked before totals were shown are priced the same way. A line that cannot be priced
 * with the rest (its discount no longer fits) is priced alone at the shelf, and at nothing when its
 * product is gone, so a void of it is still recorded.
 */
function priceParked(cart: ParkedCart, catalog: Catalog): ParkedPrice {
  const store = catalog.store;
  const items = cart.lines.map((line) => cartItem(line, catalog));
  const alone = (item: CartItem | undefined): DecimalString => {
    if (!store || !item) return '0';
    try {
      return priceItems([{ product: item.product, quantity: item.quantity, taxRatePercent: item.taxRatePercent, ...(item.priceOverride ? { priceOverride: item.priceOverride } : {}) }], store.pricing).totals.gross;
    } catch {
      return '0';
    }
  };
  if (!store || items.some((item) => item === undefined)) return { total: null, lineGross: items.map(alone) };
  try {
    const priced = priceItems(items as CartItem[], store.pricing, cart.orderDiscount ?? undefined);
    return { total: priced.totals.gross, lineGross: priced.lines.map((line) => line.gross) };
  } catch {
    return { total: null, lineGross: items.map(alone) };
  }
}

/**
 * Parked carts (F5): each with its name, total and number of lines, when it was parked, by whom and
 * what is in it; Enter or Resume takes it back as the cart. Only with an empty cart: the cart at the
 * counter is parked (F4) or finished first. A cart no one will come back for is deleted here, after
 * a confirmation in place: its lines are recorded on the shift as a voided cart, as Ctrl+Delete
 * records one at the counter, so nothing rung up disappears unrecorded.
 */
export function ParkedDialog({ onClose }: { onClose: () => void }) {
  const { parked, catalog, shifts } = useServices();
  const restore = useCart((state) => state.restore);
  const notify = useCart((state) => state.notify);
  const [carts, setCarts] = useState<ParkedCart[] | null>(null);
  /** The cart whose delete is being confirmed. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void parked.list().then((list) => setCarts([...list].reverse()));
  }, [parked]);
  useEffect(() => first.current?.focus(), [carts]);
  // The safe answer takes the focus: Enter keeps the cart unless the cashier moves to Delete.
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  const resume = async (id: string) => {
    const cart = await parked.take(id);
    if (!cart) return;
    restore(cart.lines, { orderDiscount: cart.orderDiscount, voids: cart.voids, customer: cart.customer });
    notify({ kind: 'info', text: `Resumed the cart ${cart.name ? `“${cart.name}” ` : ''}parked at ${time(cart.parkedAt)}.` });
    onClose();
  };

  const removing = useSubmit(
    async (cart: ParkedCart) => {
      const by = useSession.getState().cashier;
      if (!by) throw new NotDone('Sign in first: the voided cart records who deleted it.');
      if (!shifts.current()) throw new NotDone('Open a shift (F3) first: a deleted cart’s lines are recorded as voided on the shift.');
      const taken = await parked.take(cart.id);
      if (!taken) {
        // Taken meanwhile (resumed in another window): nothing to delete.
        setCarts((list) => list?.filter((other) => other.id !== cart.id) ?? null);
        setConfirming(null);
        return;
      }
      const { lineGross } = priceParked(taken, catalog);
      // Its lines, and the lines removed from it before it was parked (they would have gone on its sale).
      const lines: VoidedLine[] = [
        ...taken.lines.map((line, index) => ({ productId: line.productId, name: catalog.product(line.productId)?.name ?? line.productId, quantity: line.quantity, gross: lineGross[index] })),
        ...(taken.voids ?? []).map(({ productId, name, quantity, gross }) => ({ productId, name, quantity, gross })),
      ];
      const reason = taken.name ? `Parked cart deleted: ${taken.name}` : 'Parked cart deleted';
      await shifts.voidCart(lines, reason, { id: by.id, name: by.name }).catch(async (failure: unknown) => {
        // Not recorded, so not deleted: the cart goes back on the list as it was.
        await parked.putBack(taken).catch(() => undefined);
        throw failure;
      });
      setCarts((list) => list?.filter((other) => other.id !== cart.id) ?? null);
      setConfirming(null);
      notify({ kind: 'info', text: `Parked cart ${taken.name ? `“${taken.name}” ` : ''}deleted: ${taken.lines.length} ${taken.lines.length === 1 ? 'line' : 'lines'} recorded as voided on the shift.` });
    },
    { clearOnRun: true, failure: (message) => `The cart was not deleted: ${message}` },
  );

  return (
    <Modal labelledBy="parked-title" onClose={onClose} wide testId="parked-dialog">
        <h2 id="parked-title">Parked carts</h2>
        {carts === null ? <p>Reading…</p> : null}
        {carts?.length === 0 ? <p>No cart is parked. F4 parks the cart at the counter.</p> : null}
        {removing.problem ? (
          <p role="alert" className="dialog__short" data-testid="parked-problem">
            {removing.problem}
          </p>
        ) : null}
        <ul className="parked-carts">
          {(carts ?? []).map((cart, index) => {
            const { total } = priceParked(cart, catalog);
            const count = cart.lines.length;
            return (
              <li key={cart.id} data-testid="parked-cart">
                <div className="parked-cart__what">
                  <strong className="parked-cart__name" data-testid="parked-cart-name">
                    {cart.name ?? 'No name'}
                  </strong>
                  <span>
                    <strong data-testid="parked-cart-total">{total === null ? '—' : money(total, catalog.store?.currency ?? '')}</strong> ·{' '}
                    <span data-testid="parked-cart-count">
                      {count} {count === 1 ? 'line' : 'lines'}
                    </span>{' '}
                    · parked {time(cart.parkedAt)} by {cart.cashierName}
                  </span>
                  <span className="parked-cart__lines">{cart.lines.map((line) => `${catalog.product(line.productId)?.name ?? line.productId} × ${line.quantity}`).join(', ')}</span>
                </div>
                {confirming === cart.id ? (
                  <div className="parked-cart__confirm" role="group" aria-label="Confirm the delete" data-testid="parked-cart-confirm">
                    <p>Delete this parked cart? Its lines are recorded as voided.</p>
                    <button type="button" ref={keep} onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                    <button type="button" className="dialog__complete dialog__complete--danger" disabled={removing.busy} onClick={() => void removing.run(cart)}>
                      Yes, delete
                    </button>
                  </div>
                ) : (
                  <div className="parked-cart__actions">
                    <button type="button" ref={index === 0 ? first : undefined} onClick={() => void resume(cart.id)}>
                      Resume
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        removing.clear();
                        setConfirming(cart.id);
                      }}
                    >
                      Delete
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            Close (Esc)
          </button>
        </div>
    </Modal>
  );
}
