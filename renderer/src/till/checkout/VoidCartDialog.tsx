import { useState } from 'react';
import { NotDone, useSubmit } from '../../ui-kit/index.js';
import { useCart } from './cart.js';
import { useSession } from '../shift/session.js';
import { useServices } from '../context.js';
import { money } from '../format.js';
import type { PricedCartView } from './use-cart-pricing.js';
import { Modal } from '../Modal.js';
import { ReasonField } from '../ReasonField.js';

const REASONS = ['Customer changed their mind', 'Customer cannot pay', 'Rung up by mistake', 'Other'];

/**
 * Ctrl+Delete: the whole cart is voided. Nothing is sold and no stock moves, but the void is recorded
 * as an event of the shift (what was in the cart, who voided it and why) and shows on the Z report.
 */
export function VoidCartDialog({ view, onClose }: { view: PricedCartView; onClose: () => void }) {
  const { shifts } = useServices();
  const cashier = useSession((state) => state.cashier);
  const { clear, notify } = useCart();
  const [reason, setReason] = useState('');

  const voiding = useSubmit(
    async () => {
      if (!cashier) return;
      // No reason is chosen for the cashier: Enter never voids a cart for a reason nobody picked.
      if (reason.trim() === '') throw new NotDone('Choose or type a reason.');
      // Lines removed from this cart before are voided with it: otherwise nothing would record them.
      const removedBefore = useCart.getState().voids.map(({ productId, name, quantity, gross }) => ({ productId, name, quantity, gross }));
      await shifts.voidCart(
        [...view.lines.map((line) => ({ productId: line.productId, name: line.item.product.name, quantity: line.quantity, gross: line.gross })), ...removedBefore],
        reason.trim(),
        { id: cashier.id, name: cashier.name },
      );
      clear();
      notify({ kind: 'info', text: `Cart voided (${view.lines.length} ${view.lines.length === 1 ? 'line' : 'lines'}): ${reason.trim()}.` });
      onClose();
    },
    { failure: (message) => `The cart was not voided: ${message}` },
  );

  return (
    <Modal labelledBy="void-title" onClose={onClose}>
        <h2 id="void-title">Void the whole cart</h2>
        <p>
          {view.lines.length} {view.lines.length === 1 ? 'line' : 'lines'}, {money(view.priced?.totals.gross ?? '0', view.currency)}. Nothing is sold; the void is recorded on the shift.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void voiding.run();
          }}
        >
          <ReasonField id="void-reason" reasons={REASONS} value={reason} onChange={setReason} autoFocus />
          {voiding.problem ? (
            <p role="alert" className="dialog__short">
              {voiding.problem}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" onClick={onClose}>
              Keep the cart <kbd>Esc</kbd>
            </button>
            <button type="submit" className="dialog__complete dialog__complete--danger" disabled={voiding.busy}>
              Void cart <kbd>Enter</kbd>
            </button>
          </div>
        </form>
    </Modal>
  );
}
