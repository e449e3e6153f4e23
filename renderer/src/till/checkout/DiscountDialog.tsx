import { useMemo, useState } from 'react';
import { dec, discountNeedsManager, isDecimalString, percentOf, shelfAmount, sum, toFixedString, type DiscountInput, type Person } from '../../../../shared/src/index.js';
import { NotDone, useSubmit } from '../../ui-kit/index.js';
import { useApproval } from './approval.js';
import { useCart } from './cart.js';
import { useSession } from '../shift/session.js';
import { useServices } from '../context.js';
import { money } from '../format.js';
import type { PricedCartView } from './use-cart-pricing.js';
import { Modal } from '../Modal.js';
import { ReasonField } from '../ReasonField.js';

type Scope = 'line' | 'order' | 'price';

const REASONS = ['Damaged packaging', 'Short dated', 'Price match', 'Loyal customer', 'Staff purchase', 'Other'];

/**
 * F10: a discount on the selected line or on the whole order (percent or amount), or a new price for
 * the selected line. Above the cashier's role limit, and for every price override, a manager enters
 * their PIN; the sale records who gave it, how much, why and who approved.
 */
export function DiscountDialog({ view, onClose }: { view: PricedCartView; onClose: () => void }) {
  const { catalog } = useServices();
  const cashier = useSession((state) => state.cashier);
  const requestApproval = useApproval((state) => state.request);
  const { lines, selectedLineId, orderDiscount, setDiscount, setOrderDiscount, setPriceOverride } = useCart();
  const selected = lines.find((line) => line.lineId === selectedLineId) ?? lines.at(-1);
  const selectedIndex = selected ? lines.indexOf(selected) : -1;
  const product = selected ? view.lines.find((line) => line.lineId === selected.lineId)?.item.product : undefined;
  const [scope, setScope] = useState<Scope>(product ? 'line' : 'order');
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const store = catalog.store;
  const rules = store?.pricing;

  /** What the discount applies to: the line's amount before discounts, or the order after line discounts. */
  const base = useMemo(() => {
    if (!rules || !view.priced) return dec('0');
    if (scope === 'line') {
      const priced = view.priced.lines[selectedIndex];
      return priced ? shelfAmount(priced.quantity, priced.unitPrice, rules) : dec('0');
    }
    return sum(view.priced.lines.map((line) => shelfAmount(line.quantity, line.unitPrice, rules).minus(dec(line.discount ?? '0'))));
  }, [rules, view.priced, scope, selectedIndex]);

  const applying = useSubmit(
    async () => {
      if (!cashier || !store || !rules) return;
      const entered = value.trim().replace(',', '.');
      if (!isDecimalString(entered) || dec(entered).lt(0)) throw new NotDone('Enter a number.');
      // No reason is chosen for the cashier: Enter never applies one nobody picked.
      if (reason.trim() === '') throw new NotDone('Choose or type a reason.');
      const by: Person = { id: cashier.id, name: cashier.name };
      if (scope === 'price') {
        if (!selected || !product) throw new NotDone('Select a line first.');
        let approvedBy: Person | undefined;
        if (cashier.role !== 'manager') {
          const manager = await requestApproval(`Price of ${product.name}: ${money(product.price, store.currency)} → ${money(entered, store.currency)} (${reason})`);
          if (!manager) throw new NotDone('Not approved: the price stays.');
          approvedBy = manager;
        }
        setPriceOverride(selected.lineId, { unitPrice: toFixedString(dec(entered), rules.currencyDecimals), reason, by, ...(approvedBy ? { approvedBy } : {}) });
        onClose();
        return;
      }
      if (kind === 'percent' && dec(entered).gt(100)) throw new NotDone('A discount is at most 100 %.');
      const amount = kind === 'percent' ? percentOf(base, entered, rules) : dec(entered);
      if (amount.gt(base)) throw new NotDone(`The discount is more than ${money(toFixedString(base, rules.currencyDecimals), store.currency)}.`);
      // A percent discount is judged by the percent given: 10 % of 3.57 is 0.36, which is 10.08 %.
      const percent = kind === 'percent' ? dec(entered) : base.isZero() ? dec('0') : amount.div(base).mul(100);
      const discount: DiscountInput = { ...(kind === 'percent' ? { percent: entered } : { amount: toFixedString(amount, rules.currencyDecimals) }), reason, by };
      if (discountNeedsManager(cashier.role, percent, store)) {
        const what = scope === 'line' ? `${product?.name ?? 'line'}` : 'the order';
        const manager = await requestApproval(`Discount of ${percent.toDecimalPlaces(1).toFixed()} % on ${what} (${money(toFixedString(amount, rules.currencyDecimals), store.currency)}), above a ${cashier.role}’s limit: ${reason}`);
        if (!manager) throw new NotDone('Not approved: no discount given.');
        discount.approvedBy = manager;
      }
      if (scope === 'line' && selected) setDiscount(selected.lineId, discount);
      else setOrderDiscount(discount);
      onClose();
    },
    { clearOnRun: true },
  );

  const existing = scope === 'line' ? selected?.discount : scope === 'order' ? orderDiscount : selected?.priceOverride;
  const remove = () => {
    if (scope === 'line' && selected) setDiscount(selected.lineId, undefined);
    else if (scope === 'order') setOrderDiscount(null);
    else if (selected) setPriceOverride(selected.lineId, undefined);
    onClose();
  };

  return (
    <Modal labelledBy="discount-title" onClose={onClose}>
        <h2 id="discount-title">Discount or price</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void applying.run();
          }}
        >
          <fieldset>
            <legend>Applies to</legend>
            <label>
              <input type="radio" name="scope" checked={scope === 'line'} disabled={!product} onChange={() => setScope('line')} /> Line: {product?.name ?? 'none selected'}
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'order'} onChange={() => setScope('order')} /> Whole order
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'price'} disabled={!product} onChange={() => setScope('price')} /> New price for {product?.name ?? 'the line'}
            </label>
          </fieldset>
          {scope !== 'price' ? (
            <fieldset>
              <legend>Discount as</legend>
              <label>
                <input type="radio" name="kind" checked={kind === 'percent'} onChange={() => setKind('percent')} /> Percent
              </label>
              <label>
                <input type="radio" name="kind" checked={kind === 'amount'} onChange={() => setKind('amount')} /> Amount
              </label>
            </fieldset>
          ) : null}
          <label htmlFor="discount-value">{scope === 'price' ? 'New unit price' : kind === 'percent' ? 'Discount percent' : 'Discount amount'}</label>
          <input id="discount-value" inputMode="decimal" autoComplete="off" value={value} onChange={(event) => setValue(event.target.value)} autoFocus />
          <ReasonField id="discount-reason" reasons={REASONS} value={reason} onChange={setReason} />
          {applying.problem ? (
            <p role="alert" className="dialog__short">
              {applying.problem}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" onClick={onClose}>
              Cancel <kbd>Esc</kbd>
            </button>
            {existing ? (
              <button type="button" onClick={remove}>
                Remove
              </button>
            ) : null}
            <button type="submit" className="dialog__complete" disabled={applying.busy || value.trim() === ''}>
              Apply <kbd>Enter</kbd>
            </button>
          </div>
        </form>
    </Modal>
  );
}
