import { useState } from 'react';
import { create } from 'zustand';
import { useSubmit } from '../../ui-kit/index.js';
import { useCart } from './cart.js';
import { useSession } from '../shift/session.js';
import { useServices } from '../context.js';
import { money } from '../format.js';
import { Modal } from '../Modal.js';
import { useCartPricing } from './use-cart-pricing.js';
import '../counter.css';

/** The longest name a parked cart keeps: enough for "Mrs Patel, fetching her purse from the car". */
const PARKED_NAME_MAX = 60;

/** Whether the Park cart dialog is up (F4 or the Park button, with something in the cart). */
export const useParkCartDialog = create<{ shown: boolean; show(): void; hide(): void }>((set) => ({
  shown: false,
  show: () => set({ shown: true }),
  hide: () => set({ shown: false }),
}));

/** The Park cart dialog while it is asked for and no payment is being taken. */
export function ParkCartDesk() {
  const shown = useParkCartDialog((dialog) => dialog.shown);
  const hide = useParkCartDialog((dialog) => dialog.hide);
  const paying = useCart((cart) => cart.paying);
  return shown && !paying ? <ParkCartDialog onClose={hide} /> : null;
}

/**
 * F4: the cart is put aside under an optional name, so the cashier finds it again in the list (F5)
 * among others. Enter parks it (kept on disk first, then the cart is cleared for the next customer);
 * Escape keeps it at the counter.
 */
export function ParkCartDialog({ onClose }: { onClose: () => void }) {
  const { parked, settings } = useServices();
  const view = useCartPricing();
  const lineCount = useCart((cart) => cart.lines.length);
  const customer = useCart((cart) => cart.customer);
  const [name, setName] = useState('');

  const parking = useSubmit(
    async () => {
      const { lines, orderDiscount, voids, customer: forCustomer } = useCart.getState();
      if (lines.length === 0) return onClose();
      await parked.park(lines, useSession.getState().cashier?.name ?? settings.cashierName, { orderDiscount, voids, customer: forCustomer, name });
      useCart.getState().clear();
      const called = name.trim() ? ` “${name.trim()}”` : '';
      useCart.getState().notify({ kind: 'info', text: `Cart${called} parked (${lines.length} ${lines.length === 1 ? 'line' : 'lines'}); F5 resumes it.` });
      onClose();
    },
    { failure: (message) => `The cart was not parked: ${message}. It is still at the counter.` },
  );

  return (
    <Modal labelledBy="park-cart-title" onClose={onClose} testId="park-cart-dialog">
      <h2 id="park-cart-title">Park cart</h2>
      <p data-testid="park-cart-summary">
        {lineCount} {lineCount === 1 ? 'line' : 'lines'}
        {view.priced ? `, ${money(view.priced.totals.gross, view.currency)}` : ''}
        {customer ? ` for ${customer.name}` : ''}. The counter is free for the next customer; F5 lists the parked carts.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void parking.run();
        }}
      >
        <label htmlFor="park-cart-name">Name (optional)</label>
        <input
          id="park-cart-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={PARKED_NAME_MAX}
          autoComplete="off"
          placeholder={customer ? customer.name : 'Who or what it is for'}
          autoFocus
        />
        {parking.problem ? (
          <p role="alert" className="dialog__short">
            {parking.problem}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            Keep at the counter <kbd>Esc</kbd>
          </button>
          <button type="submit" className="dialog__complete" disabled={parking.busy}>
            Park <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Modal>
  );
}
