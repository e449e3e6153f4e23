import { dec, toFixedString, type Sale } from '../../../../shared/src/index.js';
import { money } from '../format.js';

/**
 * The change to count out after a cash sale, in type the cashier reads from a step away: what was
 * due, what was handed over and the change. Not a dialog: the next key, scan or touch clears it and
 * goes on to what it was meant for.
 */
export function ChangeDue({ sale }: { sale: Sale }) {
  const places = sale.pricing.currencyDecimals;
  const cash = sale.payments.filter((payment) => payment.tender === 'cash');
  const given = cash.reduce((sum, payment) => sum.plus(dec(payment.tendered)), dec('0'));
  const change = cash.reduce((sum, payment) => sum.plus(dec(payment.change)), dec('0'));
  return (
    <section className="change-due" role="status" aria-label="Change due" data-testid="change-due">
      <dl>
        <div>
          <dt>Total</dt>
          <dd>{money(sale.totals.gross, sale.currency)}</dd>
        </div>
        <div>
          <dt>Given</dt>
          <dd data-testid="change-due-given">{money(toFixedString(given, places), sale.currency)}</dd>
        </div>
        <div className="change-due__change">
          <dt>Change</dt>
          <dd data-testid="change-due-amount">{money(toFixedString(change, places), sale.currency)}</dd>
        </div>
      </dl>
    </section>
  );
}
