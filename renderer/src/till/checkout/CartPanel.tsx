import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { dec, quantityProblem, type Unit } from '../../../../shared/src/index.js';
import { lineLimitProblem, useCart } from './cart.js';
import { useDataVersion, useServices } from '../context.js';
import { money, pricePerUnit, quantityIn } from '../format.js';
import type { PricedCartView } from './use-cart-pricing.js';
import { askWeightChange } from './WeightDialog.js';
import './weighing.css';

function QuantityInput({ lineId, quantity, unit, name }: { lineId: string; quantity: string; unit: Unit; name: string }) {
  const { catalog } = useServices();
  const { setQuantity, notify } = useCart();
  const [draft, setDraft] = useState(quantity);
  useEffect(() => setDraft(quantity), [quantity]);
  const commit = () => {
    const value = draft.trim().replace(',', '.');
    const problem = quantityProblem(value, unit) ?? lineLimitProblem(dec(value), catalog.store);
    if (problem) {
      notify({ kind: 'error', text: `Quantity of ${name}: ${problem}` });
      setDraft(quantity);
      return;
    }
    if (value !== quantity) setQuantity(lineId, value);
  };
  return (
    <input
      className="cart-line__quantity"
      aria-label={`Quantity of ${name}`}
      inputMode="decimal"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') (event.target as HTMLInputElement).blur();
        if (event.key === 'Escape') setDraft(quantity);
      }}
    />
  );
}

/** The lines being sold, their totals, tax and the total to pay. */
export function CartPanel({
  view,
  onPay,
  onPark,
  onParked,
  onVoidLine,
  onDiscount,
  onVoidCart,
  onCustomer,
}: {
  view: PricedCartView;
  onPay(): void;
  onPark(): void;
  onParked(): void;
  /** Takes a line out of the cart, recorded as voided. */
  onVoidLine(lineId: string): void;
  onDiscount(): void;
  onVoidCart(): void;
  onCustomer(): void;
}) {
  const { stock, catalog } = useServices();
  useDataVersion();
  const { lines, selectedLineId, select, setQuantity, notify, orderDiscount, customer } = useCart();
  const { priced, currency } = view;
  const pricedLines = new Map(view.lines.map((line) => [line.lineId, line]));
  const scrollBox = useRef<HTMLDivElement>(null);
  // The line just rung up (or selected) is the one in view: on a long cart a scan shows its own line,
  // not the sale's first ones.
  useLayoutEffect(() => {
    scrollBox.current?.querySelector('.cart-line--selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedLineId, lines.length]);

  return (
    <section className="cart" aria-label="Cart">
      <p className="cart__customer">
        {customer ? (
          <>
            Customer <strong data-testid="cart-customer">{customer.name}</strong>{' '}
          </>
        ) : null}
        <button type="button" onClick={onCustomer}>
          {customer ? 'Change customer' : 'Customer'} <kbd>F11</kbd>
        </button>
      </p>
      <div ref={scrollBox} className="cart__scroll" data-testid="cart-scroll">
      <table className="cart__lines">
        <colgroup>
          <col />
          <col className="cart__col-quantity" />
          <col className="cart__col-price" />
          <col className="cart__col-total" />
          <col className="cart__col-remove" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const entry = pricedLines.get(line.lineId);
            if (!entry) return null;
            const { product } = entry.item;
            const step = product.unit === 'piece' ? 1 : 0;
            return (
              <tr
                key={line.lineId}
                className={`cart-line ${line.lineId === selectedLineId ? 'cart-line--selected' : ''}`}
                data-testid="cart-line"
                data-sku={product.sku}
                onClick={() => select(line.lineId)}
              >
                <td>
                  <div className="cart-line__name">{product.name}</div>
                  <div className="cart-line__meta">
                    {product.sku} · <span data-testid="line-stock">{quantityIn(stock.quantity(product.id), product.unit)}</span> in stock
                  </div>
                  {line.priceOverride ? (
                    <div className="cart-line__adjustment" data-testid="line-override">
                      Price {money(line.priceOverride.unitPrice, currency)} instead of {money(product.price, currency)} · {line.priceOverride.reason}
                      {line.priceOverride.approvedBy ? ` · approved by ${line.priceOverride.approvedBy.name}` : ''}
                    </div>
                  ) : null}
                  {line.weightOverride ? (
                    <div className="cart-line__adjustment" data-testid="line-weight-override">
                      Weight {quantityIn(line.quantity, 'kg')} instead of the label’s {quantityIn(line.weightOverride.was, 'kg')} · {line.weightOverride.reason}
                      {line.weightOverride.approvedBy ? ` · approved by ${line.weightOverride.approvedBy.name}` : ''}
                    </div>
                  ) : null}
                  {line.discount ? (
                    <div className="cart-line__adjustment" data-testid="line-discount">
                      Discount {line.discount.percent !== undefined ? `${line.discount.percent} %` : money(line.discount.amount ?? '0', currency)} · {line.discount.reason}
                      {line.discount.approvedBy ? ` · approved by ${line.discount.approvedBy.name}` : ''}
                    </div>
                  ) : null}
                </td>
                <td className="num">
                  <div className="cart-line__qty">
                  {step ? (
                    <button type="button" className="cart-line__step" aria-label={`One less ${product.name}`} onClick={() => {
                      const next = Number(line.quantity) - 1;
                      if (next <= 0) onVoidLine(line.lineId);
                      else setQuantity(line.lineId, String(next));
                    }}>
                      −
                    </button>
                  ) : null}
                  {line.weighing === 'scale' ? (
                    // A scale label's weight is what the customer pays for: read here, changed only
                    // through Change weight, with a manager's approval.
                    <>
                      <span className="cart-line__weight" data-testid="line-quantity">
                        {quantityIn(line.quantity, 'kg')}
                      </span>
                      <button type="button" className="cart-line__change-weight" aria-label={`Change weight of ${product.name}`} onClick={() => askWeightChange(line.lineId)}>
                        Change
                      </button>
                    </>
                  ) : (
                    <QuantityInput lineId={line.lineId} quantity={line.quantity} unit={product.unit} name={product.name} />
                  )}
                  {line.weighing === 'scale' ? null : step ? (
                    <button type="button" className="cart-line__step" aria-label={`One more ${product.name}`} onClick={() => {
                      const next = dec(line.quantity).plus(1);
                      const problem = lineLimitProblem(next, catalog.store);
                      if (problem) notify({ kind: 'error', text: `Quantity of ${product.name}: ${next.toFixed()} is ${problem}` });
                      else setQuantity(line.lineId, next.toFixed());
                    }}>
                      +
                    </button>
                  ) : (
                    <span className="cart-line__unit"> {product.unit}</span>
                  )}
                  </div>
                </td>
                <td className="num cart-line__amount" data-testid="line-price">{pricePerUnit(line.priceOverride?.unitPrice ?? product.price, currency, product.unit)}</td>
                <td className="num cart-line__amount" data-testid="line-total">
                  {money(entry.gross, currency)}
                </td>
                <td>
                  <button type="button" className="cart-line__remove" aria-label={`Remove ${product.name}`} onClick={() => onVoidLine(line.lineId)}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {lines.length === 0 ? <p className="cart__empty">Scan or search a product to start a sale.</p> : null}
      </div>
      <div className="cart__footer">
      {view.problem && lines.length > 0 ? (
        <p role="alert" className="cart__problem" data-testid="cart-problem">
          {view.problem}
        </p>
      ) : null}
      <dl className="totals" aria-label="Totals">
        {priced?.taxes.map((tax) => (
          <div key={`${tax.taxClassId}-${tax.taxRatePercent}`} className="totals__row">
            <dt>Tax {tax.taxRatePercent}% on {money(tax.net, currency)}</dt>
            <dd>{money(tax.tax, currency)}</dd>
          </div>
        ))}
        {orderDiscount && priced ? (
          <div className="totals__row" data-testid="order-discount">
            <dt>
              Order discount {orderDiscount.percent !== undefined ? `${orderDiscount.percent} %` : ''} · {orderDiscount.reason}
              {orderDiscount.approvedBy ? ` · approved by ${orderDiscount.approvedBy.name}` : ''}
            </dt>
            <dd>−{money(priced.adjustments.find((adjustment) => adjustment.kind === 'order-discount')?.amount ?? '0', currency)}</dd>
          </div>
        ) : null}
        <div className="totals__row">
          <dt>Tax</dt>
          <dd data-testid="total-tax">{money(priced?.totals.tax ?? '0', currency)}</dd>
        </div>
        <div className="totals__row totals__row--grand">
          <dt>Total</dt>
          <dd data-testid="total">{money(priced?.totals.gross ?? '0', currency)}</dd>
        </div>
      </dl>
      <div className="cart__pay-row">
      <div className="cart__actions">
        <button type="button" onClick={onPark}>
          Park <kbd>F4</kbd>
        </button>
        <button type="button" onClick={onParked}>
          Parked carts <kbd>F5</kbd>
        </button>
        <button type="button" onClick={onDiscount} disabled={lines.length === 0}>
          Discount <kbd>F10</kbd>
        </button>
        <button type="button" onClick={onVoidCart} disabled={lines.length === 0}>
          Void cart <kbd>Ctrl+Del</kbd>
        </button>
      </div>
      <button type="button" className="pay-button" disabled={!priced || view.problem !== null} onClick={onPay}>
        Pay <kbd>F12</kbd>
      </button>
      </div>
      </div>
    </section>
  );
}
