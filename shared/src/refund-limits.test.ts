import { describe, expect, it } from 'vitest';
import { dec, sum } from './money.js';
import type { PricingRules } from './pricing.js';
import { buildReturn, buildSale, checkSaleArithmetic, PricingError, returnProblems, settlePayments, type CartItem, type ReturnContext, type SaleContext } from './index.js';
import type { Sale } from './schemas/index.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
const ADA = { id: 'cashier-1', name: 'Ada' };
const MIA = { id: 'manager-1', name: 'Mia' };
const STORE = { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES, cashRounding: '0.05' };

function item(id: string, quantity: string, price: string, extra: Partial<CartItem> = {}): CartItem {
  return { product: { id, sku: `SKU-${id}`, name: id.toUpperCase(), unit: 'piece', price, taxClass: 'reduced' }, quantity, taxRatePercent: '7', ...extra };
}

function saleContext(number: number): SaleContext {
  return { id: `sale-${number}`, number, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: ADA, completedAt: '2026-11-27T10:00:00.000Z' };
}

function returnContext(number: number): ReturnContext {
  return { id: `return-${number}`, number, store: { id: 'store-1', code: 'S1', cashRounding: '0.05' }, till: { id: 'till-1', code: 'T1' }, cashier: ADA, completedAt: '2026-11-28T10:00:00.000Z' };
}

describe('what returns may refund', () => {
  it('rounds cash refunds cumulatively: ten returns of 1.03 pay out 10.30 in all, never ten times 1.05', () => {
    // 10 x 1.03 = 10.30, paid exactly in cash. Returned one at a time:
    //   1st: exact 1.03 -> rounded 1.05 (+0.02); 2nd: exact 2.06 so far -> 2.05, pays 1.00 (-0.03); ...
    //   after the 10th: exact 10.30 -> 10.30 rounded, paid 10.30 in all; the roundings add up to 0.
    const sale = buildSale({ items: [item('tea', '10', '1.03')], payments: [{ tender: 'cash', tendered: '10.30' }] }, saleContext(1));
    const returns: Sale[] = [];
    for (let number = 2; number <= 11; number++) {
      const made = buildReturn(sale, [{ productId: 'tea', quantity: '1', restock: true }], returns, returnContext(number), { refundTo: 'cash' });
      expect(checkSaleArithmetic(made)).toEqual([]);
      expect(returnProblems(made, sale, returns)).toEqual([]);
      returns.push(made);
    }
    expect(returns.slice(0, 3).map((made) => made.payments[0].amount)).toEqual(['1.05', '1.00', '1.05']);
    expect(sum(returns.map((made) => made.payments[0].amount)).toFixed(2)).toBe('10.30');
  });

  it('refuses returns whose cash roundings together come to more than half a coin', () => {
    const sale = buildSale({ items: [item('tea', '10', '1.03')], payments: [{ tender: 'cash', tendered: '10.30' }] }, saleContext(1));
    const first = buildReturn(sale, [{ productId: 'tea', quantity: '1', restock: true }], [], returnContext(2), { refundTo: 'cash' });
    // A second return rounded on its own, as if the first had not been: 1.03 -> 1.05 again (+0.04 together).
    const greedy = structuredClone(buildReturn(sale, [{ productId: 'tea', quantity: '1', restock: true }], [], returnContext(3), { refundTo: 'cash' }));
    expect(returnProblems(greedy, sale, [first])).toEqual(['the returns against S1-T1-000001 round their cash refunds by 0.04 together, more than half of 0.05']);
  });

  it('refuses a return priced by other rules or in another currency than its sale', () => {
    const sale = buildSale({ items: [item('tea', '2', '2.80')], payments: [{ tender: 'cash', tendered: '5.60' }] }, saleContext(1));
    const honest = buildReturn(sale, [{ productId: 'tea', quantity: '1', restock: true }], [], returnContext(2));
    const otherRules = { ...honest, pricing: { ...honest.pricing, pricesIncludeTax: false } };
    expect(returnProblems(otherRules, sale, []).join()).toContain('a return is priced by its sale\'s rules and currency');
    expect(returnProblems({ ...honest, currency: 'USD' }, sale, []).join()).toContain('a return is priced by its sale\'s rules and currency');
  });

  it('refuses a return of a discounted line that does not name the line, so the discount is not refunded again', () => {
    // 2 x 2.80 at 50 % off (approved): 2.80 paid. Without originalLine a return could claim 5.60.
    const sale = buildSale(
      { items: [item('tea', '2', '2.80', { discount: { percent: '50', reason: 'damaged', by: ADA, approvedBy: MIA } })], payments: [{ tender: 'cash', tendered: '2.80' }] },
      { ...saleContext(1), store: { ...STORE, cashRounding: undefined } },
    );
    const honest = buildReturn(sale, [{ productId: 'tea', quantity: '2', restock: true }], [], { ...returnContext(2), store: { id: 'store-1', code: 'S1' } });
    expect(honest.totals.gross).toBe('2.80');
    const crafted = structuredClone(honest);
    delete crafted.lines[0].originalLine;
    delete crafted.lines[0].discount;
    expect(returnProblems(crafted, sale, []).join()).toContain('TEA: sold with a discount or another price, so the return names the sale line it takes back');
  });
});

describe('cash short of the rounded amount', () => {
  it('is neither change nor a part payment: 10.04 handed over for 10.03 due as 10.05 in cash', () => {
    expect(() => settlePayments('10.03', [{ tender: 'cash', tendered: '10.04' }], RULES, '0.05')).toThrow(PricingError);
    expect(() => settlePayments('10.03', [{ tender: 'cash', tendered: '10.04' }], RULES, '0.05')).toThrow('10.05 is due in cash');
    // Less than the exact amount is a part payment, as before.
    const part = settlePayments('10.03', [{ tender: 'cash', tendered: '5.00' }, { tender: 'card', amount: '5.03', card: { brand: 'Visa', last4: '4242' } }], RULES, '0.05');
    expect(part.payments.map((payment) => payment.amount)).toEqual(['5.00', '5.03']);
    expect(dec(part.cashRounding.toFixed()).isZero()).toBe(true);
  });
});
