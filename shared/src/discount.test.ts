import { describe, expect, it } from 'vitest';
import { dec, sum, type DecimalString } from './money.js';
import { PricingError, priceCart, spreadOrderDiscount, type PricingRules } from './pricing.js';
import {
  approvalProblems,
  buildReturn,
  buildReturnWithoutReceipt,
  buildSale,
  checkSaleArithmetic,
  discountLimit,
  discountNeedsManager,
  discountPercent,
  priceSale,
  returnProblems,
  type CartItem,
  type DiscountInput,
  type ReturnContext,
  type SaleContext,
  type SaleInput,
} from './sale.js';
import type { CashierRole, Person, Sale } from './schemas/index.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
const STORE = { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES };

// Who is who at the store: a cashier, a supervisor and a manager.
const ADA: Person = { id: 'cashier-ada', name: 'Ada' };
const BEN: Person = { id: 'supervisor-ben', name: 'Ben' };
const MIA: Person = { id: 'manager-mia', name: 'Mia' };
const ROLES: Record<string, CashierRole> = { [ADA.id]: 'cashier', [BEN.id]: 'supervisor', [MIA.id]: 'manager' };
const roleOf = (id: string): CashierRole | undefined => ROLES[id];

function context(overrides: Partial<SaleContext> = {}): SaleContext {
  return { id: 'sale-1', number: 1, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: ADA, completedAt: '2024-06-07T10:15:00.000Z', ...overrides };
}

function item(id: string, quantity: string, price: string, taxClass: string, taxRatePercent: string, extra: Partial<CartItem> = {}): CartItem {
  return { product: { id, sku: `SKU-${id}`, name: id.toUpperCase(), unit: 'piece', price, taxClass }, quantity, taxRatePercent, ...extra };
}

function percentOff(percent: DecimalString, by: Person = ADA, approvedBy?: Person): DiscountInput {
  return { percent, reason: 'loyalty', by, ...(approvedBy ? { approvedBy } : {}) };
}

function amountOff(amount: DecimalString, by: Person = ADA, approvedBy?: Person): DiscountInput {
  return { amount, reason: 'loyalty', by, ...(approvedBy ? { approvedBy } : {}) };
}

/** A sale paid in cash with enough handed over, so only pricing and discounts matter. */
function sale(items: CartItem[], orderDiscount?: DiscountInput, extra: Partial<SaleInput> = {}): Sale {
  return buildSale({ items, ...(orderDiscount ? { orderDiscount } : {}), payments: [{ tender: 'cash', tendered: '100' }], ...extra }, context());
}

const MILK = (extra: Partial<CartItem> = {}) => item('milk', '3', '1.19', 'reduced', '7', extra);
const WINE = (extra: Partial<CartItem> = {}) => item('wine', '1', '12.49', 'standard', '19', extra);

// The basket of the order-discount examples, prices including tax, two rates:
//   coffee  1 x 8.99 at 7 %     8.99
//   wine    1 x 12.49 at 19 %  12.49
//   milk    3 x 1.19 at 7 %     3.57
//   shampoo 2 x 2.45 at 19 %    4.90
//   order                      29.95   (7 %: 8.99 + 3.57 = 12.56; 19 %: 12.49 + 4.90 = 17.39)
const BASKET: CartItem[] = [item('coffee', '1', '8.99', 'reduced', '7'), WINE(), MILK(), item('shampoo', '2', '2.45', 'standard', '19')];

/** The parts of priced lines the examples are about. */
function lineFigures(lines: readonly { productId: string; orderDiscount?: string; net: string; tax: string; gross: string }[]) {
  return lines.map((line) => [line.productId, line.orderDiscount ?? '0', line.net, line.tax, line.gross]);
}

describe('a line discount', () => {
  it('in percent: 10 % off 3 x 1.19 takes 0.36 off the line', () => {
    // shelf 3 x 1.19 = 3.57; 10 % = 0.357 -> 0.36 (half up); gross 3.57 - 0.36 = 3.21
    // tax 3.21 x 7 / 107 = 0.21 exactly; net 3.00
    const sold = sale([MILK({ discount: percentOff('10') })]);
    expect(sold.lines[0]).toMatchObject({ quantity: '3', unitPrice: '1.19', discount: '0.36', net: '3.00', tax: '0.21', gross: '3.21' });
    expect(sold.lines[0].orderDiscount).toBeUndefined();
    expect(sold.adjustments).toEqual([{ kind: 'line-discount', line: 0, percent: '10', amount: '0.36', reason: 'loyalty', by: ADA }]);
    expect(sold.totals).toEqual({ net: '3.00', tax: '0.21', gross: '3.21' });
    expect(checkSaleArithmetic(sold)).toEqual([]);
  });

  it('as an amount: 2.50 off a 12.49 wine', () => {
    // gross 12.49 - 2.50 = 9.99; tax 9.99 x 19 / 119 = 1.59504... -> 1.60; net 8.39
    const sold = sale([WINE({ discount: amountOff('2.50') })]);
    expect(sold.lines[0]).toMatchObject({ discount: '2.50', net: '8.39', tax: '1.60', gross: '9.99' });
    expect(sold.adjustments).toEqual([{ kind: 'line-discount', line: 0, amount: '2.50', reason: 'loyalty', by: ADA }]);
    expect(checkSaleArithmetic(sold)).toEqual([]);
  });

  it('with prices excluding tax comes off the net, and the tax is on what is left', () => {
    // net 3 x 1.19 = 3.57; 10 % = 0.36; net 3.21; tax 3.21 x 7 % = 0.2247 -> 0.22; gross 3.43
    const priced = priceSale([MILK({ discount: percentOff('10') })], undefined, { ...RULES, pricesIncludeTax: false });
    expect(lineFigures(priced.lines)).toEqual([['milk', '0', '3.21', '0.22', '3.43']]);
  });

  it('of 100 % makes the line free', () => {
    const sold = sale([MILK({ discount: percentOff('100', MIA) }), WINE()]);
    expect(sold.lines[0]).toMatchObject({ discount: '3.57', net: '0.00', tax: '0.00', gross: '0.00' });
    expect(sold.totals.gross).toBe('12.49');
    expect(checkSaleArithmetic(sold)).toEqual([]);
  });

  it('larger than its line is refused', () => {
    // 3.58 > 3.57
    expect(() => sale([MILK({ discount: amountOff('3.58') })])).toThrow(PricingError);
    expect(() => sale([MILK({ discount: amountOff('3.58') })])).toThrow('MILK: the discount 3.58 is more than 3.57');
    // all of it is fine
    expect(priceSale([MILK({ discount: amountOff('3.57', MIA) })], undefined, RULES).totals.gross).toBe('0.00');
    // pricing itself refuses a discount above the line, whoever asks
    expect(() => priceCart([{ productId: 'milk', quantity: '3', unitPrice: '1.19', taxClassId: 'reduced', taxRatePercent: '7', discount: '3.00', orderDiscount: '0.58' }], RULES)).toThrow(
      'the discount on milk is more than the line',
    );
  });

  it('in percent outside 0 to 100 is refused', () => {
    expect(() => sale([MILK({ discount: percentOff('100.01') })])).toThrow('MILK: a discount is 0 to 100 %');
    expect(() => sale([MILK({ discount: percentOff('150') })])).toThrow('MILK: a discount is 0 to 100 %');
    expect(() => sale([MILK({ discount: percentOff('-5') })])).toThrow('MILK: a discount is 0 to 100 %');
  });

  it('that is not whole cents is refused; a negative one too; a percent is rounded to the cent', () => {
    expect(() => sale([MILK({ discount: amountOff('0.355') })])).toThrow('MILK: a discount is a whole number of cents');
    expect(() => sale([MILK({ discount: amountOff('-0.50') })])).toThrow('MILK: a discount cannot be negative');
    // 12.5 % of 3.57 = 0.44625 -> 0.45: a percent always lands on a cent
    expect(sale([MILK({ discount: percentOff('12.5', MIA) })]).lines[0].discount).toBe('0.45');
  });

  it('is a percent or an amount, not both and not neither', () => {
    expect(() => sale([MILK({ discount: { percent: '10', amount: '0.36', reason: 'x', by: ADA } })])).toThrow('MILK: a discount is a percent or an amount');
    expect(() => sale([MILK({ discount: { reason: 'x', by: ADA } })])).toThrow('MILK: a discount is a percent or an amount');
  });
});

describe('an order discount', () => {
  it('in percent: 10 % of the 29.95 order is 3.00', () => {
    // 29.95 x 10 % = 2.995 -> 3.00 (half up; half even too, as 2.99 is odd)
    const sold = sale(BASKET, percentOff('10', MIA));
    expect(sold.adjustments).toEqual([{ kind: 'order-discount', percent: '10', amount: '3.00', reason: 'loyalty', by: MIA }]);
    expect(sold.totals.gross).toBe('26.95');
    expect(sum(sold.lines.map((line) => line.orderDiscount ?? '0')).toFixed(2)).toBe('3.00');
    expect(checkSaleArithmetic(sold)).toEqual([]);
  });

  it('as an amount gives the same shares as the percent that comes to it', () => {
    const byPercent = sale(BASKET, percentOff('10', MIA));
    const byAmount = sale(BASKET, amountOff('3.00', MIA));
    expect(byAmount.lines).toEqual(byPercent.lines);
    expect(byAmount.adjustments).toEqual([{ kind: 'order-discount', amount: '3.00', reason: 'loyalty', by: MIA }]);
  });

  it('applies to what is left after the line discounts', () => {
    // milk 3.57 - 0.36 (10 %) = 3.21; wine 12.49; order 15.70
    // 20 % of 15.70 = 3.14: milk 3.14 x 3.21 / 15.70 = 0.642 -> 0.64; wine 3.14 x 12.49 / 15.70 = 2.498 -> 2.49,
    // one cent left, to the larger remainder (milk 0.002 < wine 0.008): wine 2.50. 0.64 + 2.50 = 3.14
    // milk 3.21 - 0.64 = 2.57; wine 12.49 - 2.50 = 9.99; total 12.56
    const sold = sale([MILK({ discount: percentOff('10') }), WINE()], percentOff('20', MIA));
    expect(sold.lines.map((line) => [line.discount ?? '0', line.orderDiscount ?? '0', line.gross])).toEqual([
      ['0.36', '0.64', '2.57'],
      ['0', '2.50', '9.99'],
    ]);
    expect(sold.totals.gross).toBe('12.56');
    expect(checkSaleArithmetic(sold)).toEqual([]);
  });

  it('larger than the order is refused', () => {
    expect(() => sale(BASKET, amountOff('29.96', MIA))).toThrow('order: the discount 29.96 is more than 29.95');
    // after a line discount the order is smaller: 3.21 + 12.49 = 15.70
    expect(() => sale([MILK({ discount: percentOff('10') }), WINE()], amountOff('15.71', MIA))).toThrow('order: the discount 15.71 is more than 15.70');
  });

  it('in percent outside 0 to 100, not in whole cents, or negative is refused', () => {
    expect(() => sale(BASKET, percentOff('101', MIA))).toThrow('order: a discount is 0 to 100 %');
    expect(() => sale(BASKET, percentOff('-1', MIA))).toThrow('order: a discount is 0 to 100 %');
    expect(() => sale(BASKET, amountOff('1.005', MIA))).toThrow('order: a discount is a whole number of cents');
    expect(() => sale(BASKET, amountOff('-1.00', MIA))).toThrow('order: a discount cannot be negative');
  });
});

describe('an order discount spread over several tax rates', () => {
  // 3.00 off the 29.95 order, spread in proportion to each line (3.00 x line / 29.95):
  //   coffee   3.00 x  8.99 / 29.95 = 0.900500... -> 0.90, remainder 0.000500
  //   wine     3.00 x 12.49 / 29.95 = 1.251085... -> 1.25, remainder 0.001085
  //   milk     3.00 x  3.57 / 29.95 = 0.357595... -> 0.35, remainder 0.007595
  //   shampoo  3.00 x  4.90 / 29.95 = 0.490818... -> 0.49, remainder 0.000818
  // Rounded down they make 2.99; the cent left goes to the largest remainder, milk: 0.36.
  // Shares 0.90 + 1.25 + 0.36 + 0.49 = 3.00 exactly. Per rate: 7 % carries 0.90 + 0.36 = 1.26
  // (3.00 x 12.56 / 29.95 = 1.258), 19 % carries 1.25 + 0.49 = 1.74 (3.00 x 17.39 / 29.95 = 1.742).
  const SHARES = ['0.90', '1.25', '0.36', '0.49'];
  const discount = amountOff('3.00', MIA);

  it('gives every line its share, the shares adding up to the discount exactly', () => {
    const priced = priceSale(BASKET, discount, RULES);
    expect(priced.lines.map((line) => line.orderDiscount)).toEqual(SHARES);
    expect(sum(SHARES).toFixed(2)).toBe('3.00');
    const perRate = (rate: string) => sum(priced.lines.filter((line) => line.taxRatePercent === rate).map((line) => line.orderDiscount ?? '0')).toFixed(2);
    expect([perRate('7'), perRate('19')]).toEqual(['1.26', '1.74']);
  });

  it('prices including tax, tax rounded per line', () => {
    // coffee   8.99 - 0.90 =  8.09; tax  8.09 x  7 / 107 = 0.52925 -> 0.53; net 7.56
    // wine    12.49 - 1.25 = 11.24; tax 11.24 x 19 / 119 = 1.79462 -> 1.79; net 9.45
    // milk     3.57 - 0.36 =  3.21; tax  3.21 x  7 / 107 = 0.21;             net 3.00
    // shampoo  4.90 - 0.49 =  4.41; tax  4.41 x 19 / 119 = 0.70412 -> 0.70; net 3.71
    // 7 %:  gross 8.09 + 3.21 = 11.30, tax 0.53 + 0.21 = 0.74, net 10.56
    // 19 %: gross 11.24 + 4.41 = 15.65, tax 1.79 + 0.70 = 2.49, net 13.16
    // total 26.95 = 29.95 - 3.00; tax 3.23; net 23.72
    const priced = priceSale(BASKET, discount, RULES);
    expect(lineFigures(priced.lines)).toEqual([
      ['coffee', '0.90', '7.56', '0.53', '8.09'],
      ['wine', '1.25', '9.45', '1.79', '11.24'],
      ['milk', '0.36', '3.00', '0.21', '3.21'],
      ['shampoo', '0.49', '3.71', '0.70', '4.41'],
    ]);
    expect(priced.taxes).toEqual([
      { taxClassId: 'reduced', taxRatePercent: '7', net: '10.56', tax: '0.74', gross: '11.30' },
      { taxClassId: 'standard', taxRatePercent: '19', net: '13.16', tax: '2.49', gross: '15.65' },
    ]);
    expect(priced.totals).toEqual({ net: '23.72', tax: '3.23', gross: '26.95' });
  });

  it('prices including tax, tax rounded once per rate over the document', () => {
    // the lines are the same; the tax per rate is computed on the rate's gross:
    // 7 %:  11.30 x  7 / 107 = 0.73925 -> 0.74, net 10.56 (as per line)
    // 19 %: 15.65 x 19 / 119 = 2.49874 -> 2.50, net 13.15 (a cent more tax than 1.79 + 0.70)
    // total 26.95, tax 3.24, net 23.71
    const priced = priceSale(BASKET, discount, { ...RULES, taxRounding: 'document' });
    expect(priced.lines.map((line) => line.orderDiscount)).toEqual(SHARES);
    expect(priced.taxes).toEqual([
      { taxClassId: 'reduced', taxRatePercent: '7', net: '10.56', tax: '0.74', gross: '11.30' },
      { taxClassId: 'standard', taxRatePercent: '19', net: '13.15', tax: '2.50', gross: '15.65' },
    ]);
    expect(priced.totals).toEqual({ net: '23.71', tax: '3.24', gross: '26.95' });
  });

  it('prices excluding tax, tax rounded per line', () => {
    // The same numbers are now nets, so the shares are the same.
    // coffee   8.09, tax x 7 %  = 0.5663 -> 0.57, gross  8.66
    // wine    11.24, tax x 19 % = 2.1356 -> 2.14, gross 13.38
    // milk     3.21, tax x 7 %  = 0.2247 -> 0.22, gross  3.43
    // shampoo  4.41, tax x 19 % = 0.8379 -> 0.84, gross  5.25
    // 7 %: net 11.30, tax 0.79, gross 12.09; 19 %: net 15.65, tax 2.98, gross 18.63; total 30.72
    const priced = priceSale(BASKET, discount, { ...RULES, pricesIncludeTax: false });
    expect(lineFigures(priced.lines)).toEqual([
      ['coffee', '0.90', '8.09', '0.57', '8.66'],
      ['wine', '1.25', '11.24', '2.14', '13.38'],
      ['milk', '0.36', '3.21', '0.22', '3.43'],
      ['shampoo', '0.49', '4.41', '0.84', '5.25'],
    ]);
    expect(priced.taxes).toEqual([
      { taxClassId: 'reduced', taxRatePercent: '7', net: '11.30', tax: '0.79', gross: '12.09' },
      { taxClassId: 'standard', taxRatePercent: '19', net: '15.65', tax: '2.98', gross: '18.63' },
    ]);
    expect(priced.totals).toEqual({ net: '26.95', tax: '3.77', gross: '30.72' });
  });

  it('prices excluding tax, tax rounded once per rate: the net adds up, the tax is computed on it', () => {
    // 7 %:  11.30 x 7 %  = 0.791  -> 0.79
    // 19 %: 15.65 x 19 % = 2.9735 -> 2.97 (a cent less than 2.14 + 0.84), gross 18.62
    // total net 26.95, tax 3.76, gross 30.71: what the customer pays
    const priced = priceSale(BASKET, discount, { ...RULES, pricesIncludeTax: false, taxRounding: 'document' });
    expect(priced.taxes).toEqual([
      { taxClassId: 'reduced', taxRatePercent: '7', net: '11.30', tax: '0.79', gross: '12.09' },
      { taxClassId: 'standard', taxRatePercent: '19', net: '15.65', tax: '2.97', gross: '18.62' },
    ]);
    expect(priced.totals).toEqual({ net: '26.95', tax: '3.76', gross: '30.71' });
  });

  it('adds up under every rule, and a sale built with it passes the arithmetic check', () => {
    for (const pricesIncludeTax of [true, false]) {
      for (const taxRounding of ['line', 'document'] as const) {
        for (const roundingMode of ['half-up', 'half-even'] as const) {
          const pricing: PricingRules = { pricesIncludeTax, taxRounding, roundingMode, currencyDecimals: 2 };
          const sold = buildSale({ items: BASKET, orderDiscount: discount, payments: [{ tender: 'cash', tendered: '100' }] }, context({ store: { ...STORE, pricing } }));
          expect(sold.lines.map((line) => line.orderDiscount)).toEqual(SHARES);
          for (const field of ['net', 'tax', 'gross'] as const) expect(sum(sold.taxes.map((row) => row[field])).eq(dec(sold.totals[field]))).toBe(true);
          expect(checkSaleArithmetic(sold)).toEqual([]);
        }
      }
    }
  });
});

describe('spreadOrderDiscount: largest remainders and their ties', () => {
  const spread = (amounts: string[], discount: string) => spreadOrderDiscount(amounts.map((amount) => dec(amount)), dec(discount), 2).map((share) => share.toFixed(2));

  it('gives the cents left over to the largest remainders', () => {
    // 1.00 off 2.00 + 5.00 + 3.00 = 10.00: exact 0.20, 0.50, 0.30, nothing left over
    expect(spread(['2.00', '5.00', '3.00'], '1.00')).toEqual(['0.20', '0.50', '0.30']);
    // 0.05 off 1.10 + 2.20 + 0.70 = 4.00: exact 0.01375, 0.0275, 0.00875 -> 0.01, 0.02, 0.00 (0.03),
    // remainders 0.00375, 0.0075, 0.00875: two cents left, to 0.00875 (third) and 0.0075 (second)
    expect(spread(['1.10', '2.20', '0.70'], '0.05')).toEqual(['0.01', '0.03', '0.01']);
  });

  it('on equal remainders: the larger line first, wherever it stands', () => {
    // 0.10 off 1.00 + 3.00 = 4.00: exact 0.025 and 0.075, both 0.005 over 0.02 and 0.07; one cent left
    // goes to the larger line (3.00)
    expect(spread(['1.00', '3.00'], '0.10')).toEqual(['0.02', '0.08']);
    expect(spread(['3.00', '1.00'], '0.10')).toEqual(['0.08', '0.02']);
  });

  it('on equal remainders and equal lines: the earlier line first', () => {
    // 0.10 off three lines of 1.00: 0.0333... each -> 0.03 x 3 = 0.09, one cent to the first
    expect(spread(['1.00', '1.00', '1.00'], '0.10')).toEqual(['0.04', '0.03', '0.03']);
    // 0.11: two cents left, to the first two
    expect(spread(['1.00', '1.00', '1.00'], '0.11')).toEqual(['0.04', '0.04', '0.03']);
  });

  it('always adds up to the discount, never gives a line more than its amount, and refuses too much', () => {
    for (const [amounts, discount] of [
      [['0.01', '0.01', '9.98'], '0.03'],
      [['0.99', '0.99', '0.99', '0.99'], '3.96'],
      [['12.34', '0.05', '7.77'], '0.17'],
    ] as const) {
      const shares = spread([...amounts], discount);
      expect(sum(shares).toFixed(2)).toBe(discount);
      shares.forEach((share, index) => expect(dec(share).lte(dec(amounts[index]))).toBe(true));
    }
    expect(() => spread(['1.00'], '1.01')).toThrow('the order discount 1.01 is more than the order 1');
    expect(spread(['1.00', '2.00'], '0')).toEqual(['0.00', '0.00']);
  });
});

describe('price overrides', () => {
  // Milk with a dented carton, 3 x 0.99 instead of 1.19, overridden by Ada with Mia's approval:
  //   gross 2.97, tax 2.97 x 7 / 107 = 0.19430 -> 0.19, net 2.78
  const overridden = () => MILK({ priceOverride: { unitPrice: '0.99', reason: 'dented carton', by: ADA, approvedBy: MIA } });

  it('charges the new price and keeps the shelf price and who did it, with whose approval', () => {
    const sold = sale([overridden(), WINE()]);
    expect(sold.lines[0]).toMatchObject({ unitPrice: '0.99', shelfPrice: '1.19', net: '2.78', tax: '0.19', gross: '2.97' });
    expect(sold.lines[1].shelfPrice).toBeUndefined();
    expect(sold.adjustments).toEqual([{ kind: 'price-override', line: 0, amount: '0.99', reason: 'dented carton', by: ADA, approvedBy: MIA }]);
    expect(checkSaleArithmetic(sold)).toEqual([]);
    expect(approvalProblems(sold, {}, roleOf)).toEqual([]);
  });

  it('then takes a line discount off the new price', () => {
    // 2.97 x 10 % = 0.297 -> 0.30; gross 2.67
    const sold = sale([MILK({ priceOverride: { unitPrice: '0.99', reason: 'dented carton', by: MIA }, discount: percentOff('10') })]);
    expect(sold.lines[0]).toMatchObject({ unitPrice: '0.99', shelfPrice: '1.19', discount: '0.30', gross: '2.67' });
    expect(checkSaleArithmetic(sold)).toEqual([]);
  });

  it('to a negative price is refused', () => {
    expect(() => sale([MILK({ priceOverride: { unitPrice: '-0.99', reason: 'x', by: MIA } })])).toThrow('the price of MILK cannot be negative');
  });
});

describe('checkSaleArithmetic catches tampered discounts and overrides', () => {
  // Milk 10 % off (0.36) and wine, 20 % off the order (0.64 and 2.50): see "applies to what is left".
  const SOLD = sale([MILK({ discount: percentOff('10') }), WINE()], percentOff('20', MIA));

  function tampered(tamper: (sale: Sale) => void): Sale {
    const copy = structuredClone(SOLD);
    tamper(copy);
    return copy;
  }

  /** Prices the tampered lines again so that only the discount fields can be wrong. */
  function repriced(copy: Sale): Sale {
    const priced = priceCart(copy.lines, copy.pricing);
    copy.lines = copy.lines.map((line, index) => ({ ...line, net: priced.lines[index].net, tax: priced.lines[index].tax, gross: priced.lines[index].gross }));
    copy.taxes = priced.taxes;
    copy.totals = priced.totals;
    copy.payments = [{ tender: 'cash', amount: priced.totals.gross, tendered: '100.00', change: dec('100').minus(dec(priced.totals.gross)).toFixed(2) }];
    return copy;
  }

  it('accepts the sale as built', () => {
    expect(checkSaleArithmetic(SOLD)).toEqual([]);
  });

  it('a line discount changed on the line, with its amounts made to match', () => {
    const problems = checkSaleArithmetic(repriced(tampered((copy) => (copy.lines[0].discount = '0.30'))));
    expect(problems).toContain('line 1: discount is 0.30, its adjustment says 0.36');
  });

  it('a line discount changed on the line and its adjustment, but no longer the percent given', () => {
    const problems = checkSaleArithmetic(
      repriced(
        tampered((copy) => {
          copy.lines[0].discount = '0.30';
          copy.adjustments![0].amount = '0.30';
        }),
      ),
    );
    // 10 % of 3.57 is 0.36; and the order's 20 % is now of 3.27 + 12.49 = 15.76, 3.15, not 3.14
    expect(problems).toContain('line 1: 10 % is not 0.30');
    expect(problems).toContain('order-discount: 20 % is not 3.14');
  });

  it('a discount on a line with no adjustment for it', () => {
    const problems = checkSaleArithmetic(repriced(tampered((copy) => (copy.lines[1].discount = '1.00'))));
    expect(problems).toContain('line 2: discount is 1.00, its adjustment says none');
  });

  it('a cent of the order discount moved from one line to another', () => {
    const problems = checkSaleArithmetic(
      repriced(
        tampered((copy) => {
          copy.lines[0].orderDiscount = '0.65';
          copy.lines[1].orderDiscount = '2.49';
        }),
      ),
    );
    expect(problems).toEqual(['line 1: its share of the order discount is 0.65, expected 0.64', 'line 2: its share of the order discount is 2.49, expected 2.50']);
  });

  it('an order discount larger than its adjustment', () => {
    const problems = checkSaleArithmetic(repriced(tampered((copy) => (copy.lines[1].orderDiscount = '3.50'))));
    expect(problems).toContain('line 2: its share of the order discount is 3.50, expected 2.50');
  });

  it('a percent that does not match its amount', () => {
    expect(checkSaleArithmetic(tampered((copy) => (copy.adjustments![0].percent = '15')))).toEqual(['line 1: 15 % is not 0.36']);
    expect(checkSaleArithmetic(tampered((copy) => (copy.adjustments![1].percent = '25')))).toEqual(['order-discount: 25 % is not 3.14']);
  });

  it('two order discounts', () => {
    const problems = checkSaleArithmetic(tampered((copy) => copy.adjustments!.push({ kind: 'order-discount', amount: '0.00', reason: 'again', by: ADA })));
    expect(problems).toContain('order-discount: a sale has one');
  });

  it('a line discount for a line the sale does not have, or twice for one line', () => {
    expect(checkSaleArithmetic(tampered((copy) => copy.adjustments!.push({ kind: 'line-discount', line: 5, amount: '0.00', reason: 'x', by: ADA })))).toContain(
      'line-discount: names no line of this sale',
    );
    expect(checkSaleArithmetic(tampered((copy) => copy.adjustments!.push({ kind: 'line-discount', line: 0, amount: '0.36', reason: 'x', by: ADA })))).toContain(
      'line-discount: line 1 has more than one',
    );
  });

  describe('on a price override', () => {
    const OVERRIDDEN = sale([MILK({ priceOverride: { unitPrice: '0.99', reason: 'dented carton', by: MIA } })]);
    const changed = (tamper: (sale: Sale) => void) => {
      const copy = structuredClone(OVERRIDDEN);
      tamper(copy);
      return copy;
    };

    it('an override without the shelf price it replaced, or a shelf price without an override', () => {
      expect(checkSaleArithmetic(changed((copy) => delete copy.lines[0].shelfPrice))).toEqual(['line 1: a price override and the shelf price it replaced go together']);
      expect(checkSaleArithmetic(changed((copy) => delete copy.adjustments))).toEqual(['line 1: a price override and the shelf price it replaced go together']);
    });

    it('a line charged at another price than the override says', () => {
      // charged 0.89 with its amounts made to match: 3 x 0.89 = 2.67
      const copy = changed((sale) => {
        sale.lines[0].unitPrice = '0.89';
      });
      const problems = checkSaleArithmetic(repriced(copy));
      expect(problems).toEqual(['line 1: overridden to 0.99, charged at 0.89']);
    });
  });
});

describe('approvals', () => {
  const NO_LIMITS = {};

  it('default limits: a cashier may give 10 %, a supervisor 25 %, a manager anything', () => {
    expect(discountLimit('cashier', NO_LIMITS)?.toFixed()).toBe('10');
    expect(discountLimit('supervisor', NO_LIMITS)?.toFixed()).toBe('25');
    expect(discountLimit('manager', NO_LIMITS)).toBeNull();
    expect(discountNeedsManager('cashier', dec('10'), NO_LIMITS)).toBe(false);
    expect(discountNeedsManager('cashier', dec('10.01'), NO_LIMITS)).toBe(true);
    expect(discountNeedsManager('manager', dec('100'), NO_LIMITS)).toBe(false);
  });

  it('a cashier giving 10 % is within the limit, even when the cents round the amount up', () => {
    // 10 % of 3 x 1.19 = 0.357 -> 0.36, which is 10.08 % of 3.57: the cashier gave 10 %, as recorded
    const line = sale([MILK({ discount: percentOff('10', ADA) })]);
    expect(discountPercent(line, line.adjustments![0]).toFixed()).toBe('10');
    expect(approvalProblems(line, NO_LIMITS, roleOf)).toEqual([]);
    // 10 % of the 29.95 order = 2.995 -> 3.00 (10.02 % of it)
    const order = sale(BASKET, percentOff('10', ADA));
    expect(approvalProblems(order, NO_LIMITS, roleOf)).toEqual([]);
  });

  it('an amount is judged by the percent it really is: 0.36 off 3.57 is 10.08 %, above a cashier’s 10', () => {
    const line = sale([MILK({ discount: amountOff('0.36', ADA) })]);
    expect(discountPercent(line, line.adjustments![0]).toDecimalPlaces(2).toFixed()).toBe('10.08');
    expect(approvalProblems(line, NO_LIMITS, roleOf)).toEqual(['line discount on line 1: 10.08 % is above a cashier’s limit and needs a manager']);
  });

  it('a cashier giving 15 % needs a manager; with the manager’s approval it stands', () => {
    // 15 % of 12.49 = 1.8735 -> 1.87
    const alone = sale([WINE({ discount: percentOff('15', ADA) })]);
    expect(approvalProblems(alone, NO_LIMITS, roleOf)).toEqual(['line discount on line 1: 15 % is above a cashier’s limit and needs a manager']);
    const approved = sale([WINE({ discount: percentOff('15', ADA, MIA) })]);
    expect(approved.adjustments![0]).toMatchObject({ by: ADA, approvedBy: MIA, amount: '1.87' });
    expect(approvalProblems(approved, NO_LIMITS, roleOf)).toEqual([]);
  });

  /** The same sale rung up by `who` (a discount is given by the cashier who makes the sale). */
  const madeBy = (who: Person, document: Sale): Sale => ({ ...document, cashierId: who.id, cashierName: who.name });

  it('a supervisor gives 20 % alone; 30 % needs a manager', () => {
    expect(approvalProblems(madeBy(BEN, sale(BASKET, percentOff('20', BEN))), NO_LIMITS, roleOf)).toEqual([]);
    expect(approvalProblems(madeBy(BEN, sale(BASKET, percentOff('30', BEN))), NO_LIMITS, roleOf)).toEqual(['order discount: 30 % is above a supervisor’s limit and needs a manager']);
    expect(approvalProblems(madeBy(BEN, sale(BASKET, percentOff('30', BEN, MIA))), NO_LIMITS, roleOf)).toEqual([]);
  });

  it('a discount in someone else’s name than the cashier who made the sale needs a manager’s approval', () => {
    // Ada rings up the sale but records the 20 % as given by Ben, a supervisor: refused without a manager.
    expect(approvalProblems(sale(BASKET, percentOff('20', BEN)), NO_LIMITS, roleOf)).toEqual(['order discount: given by Ben, but Ada made the sale']);
    expect(approvalProblems(sale(BASKET, percentOff('20', BEN, MIA)), NO_LIMITS, roleOf)).toEqual([]);
  });

  it('an approval by someone who is not a manager is refused', () => {
    const bySupervisor = sale([WINE({ discount: percentOff('15', ADA, BEN) })]);
    expect(approvalProblems(bySupervisor, NO_LIMITS, roleOf)).toEqual([
      'line discount on line 1: approved by Ben, who is not a manager of this store',
      'line discount on line 1: 15 % is above a cashier’s limit and needs a manager',
    ]);
  });

  it('a price override: by a cashier without approval refused, with a manager’s approval or by a manager alone fine', () => {
    const override = (by: Person, approvedBy?: Person) => madeBy(by, sale([MILK({ priceOverride: { unitPrice: '0.99', reason: 'dented carton', by, ...(approvedBy ? { approvedBy } : {}) } })]));
    expect(approvalProblems(override(ADA), NO_LIMITS, roleOf)).toEqual(['price override on line 1: a price override needs a manager']);
    expect(approvalProblems(override(BEN), NO_LIMITS, roleOf)).toEqual(['price override on line 1: a price override needs a manager']);
    expect(approvalProblems(override(ADA, MIA), NO_LIMITS, roleOf)).toEqual([]);
    expect(approvalProblems(override(MIA), NO_LIMITS, roleOf)).toEqual([]);
  });

  it('respects the store’s own limits', () => {
    const strict = { discountLimits: { cashier: '5', supervisor: '15' } };
    const generous = { discountLimits: { cashier: '20', supervisor: '50' } };
    const tenByAda = sale([MILK({ discount: percentOff('10', ADA) })]);
    expect(approvalProblems(tenByAda, strict, roleOf)).toEqual(['line discount on line 1: 10 % is above a cashier’s limit and needs a manager']);
    expect(approvalProblems(madeBy(BEN, sale(BASKET, percentOff('20', BEN))), strict, roleOf)).toEqual(['order discount: 20 % is above a supervisor’s limit and needs a manager']);
    expect(approvalProblems(sale([WINE({ discount: percentOff('15', ADA) })]), generous, roleOf)).toEqual([]);
    expect(approvalProblems(madeBy(BEN, sale(BASKET, percentOff('30', BEN))), generous, roleOf)).toEqual([]);
  });

  it('a discount given by someone who is not a cashier of the store is refused', () => {
    const stranger = { id: 'someone-else', name: 'Eve' };
    expect(approvalProblems(sale([MILK({ discount: percentOff('5', stranger) })]), NO_LIMITS, roleOf)).toEqual(['line discount on line 1: Eve is not a cashier of this store']);
  });

  it('a return without a receipt needs a manager’s approval', () => {
    const returnContext = context({ id: 'return-1', number: 2 });
    const goods = [{ product: { id: 'milk', sku: 'SKU-milk', name: 'MILK', unit: 'piece' as const, price: '1.19', taxClass: 'reduced' }, quantity: '1', taxRatePercent: '7', restock: true }];
    expect(approvalProblems(buildReturnWithoutReceipt(goods, MIA, returnContext), NO_LIMITS, roleOf)).toEqual([]);
    expect(approvalProblems(buildReturnWithoutReceipt(goods, BEN, returnContext), NO_LIMITS, roleOf)).toEqual(['a return without a receipt needs a manager’s approval']);
    expect(approvalProblems(buildReturnWithoutReceipt(goods, { id: 'someone-else', name: 'Eve' }, returnContext), NO_LIMITS, roleOf)).toEqual([
      'a return without a receipt needs a manager’s approval',
    ]);
  });
});

describe('returns of discounted lines', () => {
  // Milk 3 x 1.19 with 10 % off the line (0.36) and wine 12.49; 2.00 off the order:
  //   after line discounts: milk 3.21, wine 12.49, order 15.70
  //   milk 2.00 x 3.21 / 15.70 = 0.408917 -> 0.40 (remainder 0.008917); wine 2.00 x 12.49 / 15.70 = 1.591083
  //   -> 1.59 (remainder 0.001083); the cent left goes to milk: 0.41 + 1.59 = 2.00
  //   milk: 3.57 - 0.36 - 0.41 = 2.80 (its discounts 0.77); wine: 12.49 - 1.59 = 10.90; total 13.70
  const SALE = buildSale(
    { items: [MILK({ discount: percentOff('10') }), WINE()], orderDiscount: amountOff('2.00', MIA), payments: [{ tender: 'cash', tendered: '20' }] },
    context({ id: 'sale-42', number: 42 }),
  );
  const returnContext = (number: number): ReturnContext => ({ id: `return-${number}`, number, store: { id: 'store-1', code: 'S1' }, till: { id: 'till-1', code: 'T1' }, cashier: ADA, completedAt: '2024-06-08T09:00:00.000Z' });

  it('is the sale the examples start from', () => {
    expect(SALE.lines.map((line) => [line.discount, line.orderDiscount, line.gross])).toEqual([
      ['0.36', '0.41', '2.80'],
      [undefined, '1.59', '10.90'],
    ]);
    expect(SALE.totals.gross).toBe('13.70');
  });

  it('refunds what the customer paid for the line, in two steps exactly its discounted gross', () => {
    // First 1 milk: its share of the line's 0.77 discounts is 0.77 x 1/3 = 0.2567 -> 0.26;
    //   refund 1.19 - 0.26 = 0.93
    const first = buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], [], returnContext(43));
    expect(first.lines).toMatchObject([{ productId: 'milk', quantity: '1', unitPrice: '1.19', discount: '0.26', gross: '0.93', originalLine: 0 }]);
    expect(first.lines[0].orderDiscount).toBeUndefined();
    // Then the other 2: shares are cumulative, so all three carry 0.77 x 3/3 = 0.77, of which the first
    //   took 0.26: 0.51 (no cent lost or gained however the line is split); refund 2.38 - 0.51 = 1.87
    const second = buildReturn(SALE, [{ productId: 'milk', quantity: '2', restock: true }], [first], returnContext(44));
    expect(second.lines).toMatchObject([{ productId: 'milk', quantity: '2', discount: '0.51', gross: '1.87', originalLine: 0 }]);
    // 0.93 + 1.87 = 2.80, the line's gross; 0.26 + 0.51 = 0.77, its discounts
    expect(dec(first.totals.gross).plus(dec(second.totals.gross)).toFixed(2)).toBe(SALE.lines[0].gross);
    for (const document of [first, second]) {
      expect(checkSaleArithmetic(document)).toEqual([]);
      expect(returnProblems(document, SALE, document === first ? [] : [first])).toEqual([]);
    }
    expect(() => buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], [first, second], returnContext(45))).toThrow('only 0 of what S1-T1-000042 sold is left to return');
  });

  it('one by one, the three refunds still add up to the line: 0.26, 0.25, 0.26', () => {
    // cumulative shares: 0.77 x 1/3 = 0.2567 -> 0.26; x 2/3 = 0.5133 -> 0.51; x 3/3 = 0.77
    // pieces: 0.26, 0.51 - 0.26 = 0.25, 0.77 - 0.51 = 0.26; refunds 0.93 + 0.94 + 0.93 = 2.80
    const returns: Sale[] = [];
    for (const number of [43, 44, 45]) returns.push(buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], returns, returnContext(number)));
    expect(returns.map((document) => [document.lines[0].discount, document.totals.gross])).toEqual([
      ['0.26', '0.93'],
      ['0.25', '0.94'],
      ['0.26', '0.93'],
    ]);
    expect(sum(returns.map((document) => document.totals.gross)).toFixed(2)).toBe('2.80');
  });

  it('takes a product on two lines first line first, each piece with its own line’s discount', () => {
    // milk 2 x 1.19 = 2.38 at full price (line 1), milk 3 x 1.19 with 10 % off = 3.21 (line 2)
    // Returning 3 milk: 2 from line 1 (no discount, 2.38), 1 from line 2 (0.36 x 1/3 = 0.12; 1.19 - 0.12 = 1.07)
    const twice = sale([item('milk', '2', '1.19', 'reduced', '7'), MILK({ discount: percentOff('10') })]);
    const back = buildReturn(twice, [{ productId: 'milk', quantity: '3', restock: true }], [], returnContext(46));
    expect(back.lines.map((line) => [line.originalLine, line.quantity, line.discount, line.gross])).toEqual([
      [0, '2', undefined, '2.38'],
      [1, '1', '0.12', '1.07'],
    ]);
    expect(back.totals.gross).toBe('3.45');
    expect(returnProblems(back, twice, [])).toEqual([]);
    // what is left: 2 milk of line 2, discount 0.36 - 0.12 = 0.24, refund 2.38 - 0.24 = 2.14
    const rest = buildReturn(twice, [{ productId: 'milk', quantity: '2', restock: true }], [back], returnContext(47));
    expect(rest.lines.map((line) => [line.originalLine, line.quantity, line.discount, line.gross])).toEqual([[1, '2', '0.24', '2.14']]);
    // 3.45 + 2.14 = 5.59 = 2.38 + 3.21, the sale's total
    expect(dec(back.totals.gross).plus(dec(rest.totals.gross)).toFixed(2)).toBe(twice.totals.gross);
  });

  it('refunds a weighed line returned in two parts exactly what it cost, never a cent more', () => {
    // cheese 0.375 kg x 2.49 = 0.93375 -> 0.93 paid, no discount.
    //   first 0.2 kg:    refunded round(0.93 x 0.2 / 0.375) = round(0.496) = 0.50 (its shelf amount 0.498 -> 0.50, discount 0)
    //   then 0.175 kg:   refunded 0.93 - 0.50 = 0.43, though 0.175 x 2.49 = 0.43575 -> 0.44 at the shelf: discount 0.01
    //   together 0.93, what the line cost (priced on their own, 0.50 + 0.44 = 0.94 would be a cent too much).
    const sale = buildSale(
      { items: [{ product: { id: 'cheese', sku: 'SKU-cheese', name: 'CHEESE', unit: 'kg', price: '2.49', taxClass: 'reduced' }, quantity: '0.375', taxRatePercent: '7' }], payments: [{ tender: 'cash', tendered: '1' }] },
      { id: 'weighed', number: 50, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: { id: 'cashier-1', name: 'Ada' }, completedAt: '2026-11-27T10:00:00.000Z' },
    );
    expect(sale.totals.gross).toBe('0.93');
    const first = buildReturn(sale, [{ productId: 'cheese', quantity: '0.2', restock: true }], [], returnContext(51));
    const second = buildReturn(sale, [{ productId: 'cheese', quantity: '0.175', restock: true }], [first], returnContext(52));
    expect([first.totals.gross, second.totals.gross]).toEqual(['0.50', '0.43']);
    expect(second.lines[0].discount).toBe('0.01');
    expect(returnProblems(second, sale, [first])).toEqual([]);
    expect(checkSaleArithmetic(second)).toEqual([]);
  });

  it('returnProblems names a return that refunds the wrong share of the discounts', () => {
    const first = buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], [], returnContext(43));
    const greedy = structuredClone(first);
    greedy.lines[0].discount = '0.25';
    expect(returnProblems(greedy, SALE, [])).toEqual(['MILK: refunds a discount of 0.25, its share of what the sale charged makes it 0.26']);
    // a line without any discount on the sale refunds none
    const wine = buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: false }], [], returnContext(48));
    expect(wine.lines[0]).toMatchObject({ discount: '1.59', gross: '10.90' });
    const full = structuredClone(wine);
    delete full.lines[0].discount;
    expect(returnProblems(full, SALE, [])).toEqual(['WINE: refunds a discount of 0, its share of what the sale charged makes it 1.59']);
  });
});
