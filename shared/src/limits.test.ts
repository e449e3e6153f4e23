import { describe, expect, it } from 'vitest';
import { DEFAULT_STORE_LIMITS, farAboveDue, saleLimitProblems, shiftEventLimitProblems, storeLimits, tenderAmountProblem } from './limits.js';
import { DEFAULT_PRICING_RULES } from './pricing.js';
import { buildCashSale, buildReturn, buildReturnWithoutReceipt, type CartItem, type SaleContext } from './sale.js';
import type { Sale, ShiftEvent, Store } from './schemas/index.js';

type Limits = NonNullable<Store['limits']>;
const S1: Pick<Store, 'code' | 'limits'> = { code: 'S1' };
const wholesale: Limits = { lineQuantity: '50000', documentAmount: '5000000' };
const S2: Pick<Store, 'code' | 'limits'> = { code: 'S2', limits: wholesale };

function context(limits?: Limits): SaleContext & { store: SaleContext['store'] & Pick<Store, 'limits'> } {
  return {
    id: 'sale-1',
    number: 1,
    store: { id: 'store-1', code: limits ? 'S2' : 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES, ...(limits ? { limits } : {}) },
    till: { id: 'till-1', code: 'T1' },
    cashier: { id: 'c1', name: 'Alice' },
    completedAt: '2026-11-27T10:00:00.000Z',
  };
}

function item(name: string, quantity: string, price: string, unit: 'piece' | 'kg' = 'piece'): CartItem {
  return { product: { id: name.toLowerCase(), sku: name.toUpperCase(), name, unit, price, taxClass: 'standard' }, quantity, taxRatePercent: '20' };
}

const cashSale = (items: CartItem[], tendered: string, limits?: Limits) => buildCashSale(items, tendered, context(limits));

describe('storeLimits', () => {
  it('answers the store’s own limits, or 10,000 on a line and 1,000,000 on a receipt', () => {
    expect(DEFAULT_STORE_LIMITS).toEqual({ lineQuantity: '10000', documentAmount: '1000000' });
    expect(storeLimits({})).toEqual({ lineQuantity: '10000', documentAmount: '1000000' });
    expect(storeLimits({ limits: wholesale })).toEqual({ lineQuantity: '50000', documentAmount: '5000000' });
  });
});

describe('saleLimitProblems', () => {
  // 10,000 crates at 100.00 (20 % included): total 1,000,000.00, tax 166,666.67, net 833,333.33;
  // paid with exactly 1,000,000 in cash. Every figure is at a default limit, none above.
  const atTheLimit = () => cashSale([item('Crate', '10000', '100.00')], '1000000');

  it('takes a sale at the default limits', () => {
    const sale = atTheLimit();
    expect(sale.totals).toEqual({ net: '833333.33', tax: '166666.67', gross: '1000000.00' });
    expect(saleLimitProblems(sale, S1)).toEqual([]);
  });

  it('refuses a line one piece or one gram above 10,000, naming the line', () => {
    const sale = cashSale([item('Bread', '1', '2.50'), item('Milk', '20000', '1.19')], '30000');
    expect(saleLimitProblems(sale, S1)).toEqual(['line 2 (Milk): 20000 pieces, more than the 10000 store S1 allows on one line']);
    expect(saleLimitProblems(cashSale([item('Milk', '10001', '1.19')], '20000'), S1)).toEqual(['line 1 (Milk): 10001 pieces, more than the 10000 store S1 allows on one line']);
    expect(saleLimitProblems(cashSale([item('Flour', '10000', '0.49', 'kg')], '5000'), S1)).toEqual([]);
    expect(saleLimitProblems(cashSale([item('Flour', '10000.001', '0.49', 'kg')], '5000'), S1)).toEqual(['line 1 (Flour): 10000.001 kg, more than the 10000 store S1 allows on one line']);
  });

  it('refuses a receipt one cent above 1,000,000: its total, its tax row and its payment', () => {
    // 1,000,000.00 of crates and a 0.01 bag: 1,000,000.01.
    const sale = cashSale([item('Crate', '10000', '100.00'), item('Bag', '1', '0.01')], '1000000.01');
    const above = 'more than the 1000000 store S1 allows on one receipt';
    expect(saleLimitProblems(sale, S1)).toEqual([`the receipt: total 1000000.01, ${above}`, `tax at 20 %: total 1000000.01, ${above}`, `payment 1 (cash): amount 1000000.01, ${above}`]);
  });

  it('takes a big note for a small sale, up to what a drawer may hold', () => {
    // A kiosk that allows 100 on one receipt still takes a 200 note for 90.00.
    const kiosk = { code: 'K1', limits: { lineQuantity: '10', documentAmount: '100' } };
    expect(saleLimitProblems(cashSale([item('Wine', '1', '90.00')], '200'), kiosk)).toEqual([]);
    // Handed over beyond a thousand receipts' worth is no note anyone carries.
    expect(saleLimitProblems(cashSale([item('Wine', '1', '90.00')], '100000.01'), kiosk)).toEqual([
      'payment 1 (cash): handed over 100000.01, more than the 100000 store K1 allows in one drawer',
    ]);
  });

  it('bounds every amount a document carries, negative ones by their size', () => {
    const sale = cashSale([item('Milk', '1', '1.19')], '5');
    const above = 'more than the 1000000 store S1 allows on one receipt';
    const forged: Sale = {
      ...sale,
      lines: [{ ...sale.lines[0], unitPrice: '-2000000.00' }, { ...sale.lines[0], shelfPrice: '3000000.00' }, { ...sale.lines[0], orderDiscount: '1000000.01' }],
      adjustments: [{ kind: 'order-discount', amount: '1500000.00', reason: 'typo', by: { id: 'c1', name: 'Alice' } }],
      voids: [{ productId: 'milk', name: 'Milk', quantity: '20000', gross: '23800.00', by: { id: 'c1', name: 'Alice' } }],
      cashRounding: '-1000001',
      cashRoundingStep: '0.05',
    };
    expect(saleLimitProblems(forged, S1)).toEqual([
      `line 1 (Milk): unit price -2000000.00, ${above}`,
      `line 2 (Milk): shelf price 3000000.00, ${above}`,
      `line 3 (Milk): share of the order discount 1000000.01, ${above}`,
      `cash rounding -1000001, ${above}`,
      `order discount 1500000.00, ${above}`,
      'voided line 1 (Milk): quantity 20000, more than the 10000 store S1 allows on one line',
    ]);
  });

  it('refuses the 10^30 pieces of the security review', () => {
    const sale = atTheLimit();
    const huge = '1000000000000000000000000000000';
    const forged: Sale = { ...sale, lines: [{ ...sale.lines[0], quantity: huge, net: `${huge}.00`, tax: '0.00', gross: `${huge}.00` }] };
    expect(saleLimitProblems(forged, S1)).toEqual([
      `line 1 (Crate): ${huge} pieces, more than the 10000 store S1 allows on one line`,
      `line 1 (Crate): total ${huge}.00, more than the 1000000 store S1 allows on one receipt`,
    ]);
  });

  it('takes what a store’s own limits allow and refuses what is above them', () => {
    // 20,000 bottles at 1.19 = 23,800.00: above the default line limit, within the store's 50,000.
    expect(saleLimitProblems(cashSale([item('Milk', '20000', '1.19')], '23800', wholesale), S2)).toEqual([]);
    // 50,000 x 100.00 = 5,000,000.00: both of the store's limits exactly.
    expect(saleLimitProblems(cashSale([item('Crate', '50000', '100.00')], '5000000', wholesale), S2)).toEqual([]);
    expect(saleLimitProblems(cashSale([item('Crate', '50001', '1.00')], '50001', wholesale), S2)).toEqual(['line 1 (Crate): 50001 pieces, more than the 50000 store S2 allows on one line']);
  });

  it('checks returns the same way: with and without a receipt', () => {
    expect(saleLimitProblems(buildReturnWithoutReceipt([{ ...item('Milk', '10001', '1.19'), restock: true }], { id: 'm1', name: 'Morgan' }, context()), S1)).toEqual([
      'line 1 (Milk): 10001 pieces, more than the 10000 store S1 allows on one line',
    ]);
    // Sold while the store allowed 50,000 on a line; returned whole after it went back to the defaults.
    const sold = cashSale([item('Milk', '20000', '1.19')], '23800', wholesale);
    const returned = buildReturn(sold, [{ productId: 'milk', quantity: '20000', restock: true }], [], { ...context(), id: 'return-1', number: 2 });
    expect(saleLimitProblems(returned, S1)).toEqual(['line 1 (Milk): 20000 pieces, more than the 10000 store S1 allows on one line']);
    expect(saleLimitProblems(returned, S2)).toEqual([]);
  });
});

describe('shiftEventLimitProblems', () => {
  const base = { storeId: 'store-1', tillId: 'till-1', shiftId: 'e1', at: '2026-11-27T08:00:00.000Z', cashier: { id: 'c1', name: 'Alice' }, currency: 'EUR' };
  const open = (amount: string, counted: { denomination: string; count: number }[]): ShiftEvent => ({ ...base, id: 'e1', kind: 'open', sequence: 1, amount, counted });
  const above = 'more than the 1000000 store S1 allows at once';
  // A drawer collects a thousand receipts' worth: the close and the counts are bounded by that.
  const aboveDrawer = 'more than the 1000000000 store S1 allows in one drawer';

  it('takes a float of 2,000 notes of 500 (1,000,000), and refuses one coin more or one note more', () => {
    expect(shiftEventLimitProblems(open('1000000', [{ denomination: '500', count: 2000 }]), S1)).toEqual([]);
    expect(shiftEventLimitProblems(open('1000000.50', [{ denomination: '500', count: 2000 }, { denomination: '0.50', count: 1 }]), S1)).toEqual([`the float 1000000.50, ${above}`]);
    expect(shiftEventLimitProblems(open('1000500', [{ denomination: '500', count: 2001 }]), S1)).toEqual([`the float 1000500, ${above}`]);
    // Many small coins are a count, not an amount: 100,000 coins of 0.01 come to 1,000.00.
    expect(shiftEventLimitProblems(open('1000', [{ denomination: '0.01', count: 100000 }]), S1)).toEqual([]);
    expect(shiftEventLimitProblems(open('5', [{ denomination: '2000000000', count: 0 }]), S1)).toEqual([`counted 0 x 2000000000: denomination 2000000000, ${aboveDrawer}`]);
  });

  it('bounds cash in and out, the close’s figures and a voided cart', () => {
    const cashOut = (amount: string): ShiftEvent => ({ ...base, id: 'e2', kind: 'cash-out', sequence: 2, amount, reason: 'Bank deposit' });
    expect(shiftEventLimitProblems(cashOut('1000000.00'), S1)).toEqual([]);
    expect(shiftEventLimitProblems(cashOut('1000000.01'), S1)).toEqual([`cash out 1000000.01, ${above}`]);
    expect(shiftEventLimitProblems({ ...base, id: 'e2', kind: 'cash-in', sequence: 2, amount: '2000000', reason: 'Top-up' }, S1)).toEqual([`cash in 2000000, ${above}`]);
    const close: ShiftEvent = { ...base, id: 'e3', kind: 'close', sequence: 3, counted: [{ denomination: '50', count: 2 }], expectedCash: '100.00', countedCash: '100.00', difference: '0.00' };
    expect(shiftEventLimitProblems(close, S1)).toEqual([]);
    // A busy drawer's close above one receipt's limit is no problem; a thousand receipts' worth is.
    expect(shiftEventLimitProblems({ ...close, expectedCash: '1000100.00', difference: '-1000000.00' }, S1)).toEqual([]);
    expect(shiftEventLimitProblems({ ...close, expectedCash: '1000000100.00', difference: '-1000000000.00' }, S1)).toEqual([`the close: expected cash 1000000100.00, ${aboveDrawer}`]);
    expect(shiftEventLimitProblems({ ...close, difference: '-1000000000.01' }, S1)).toEqual([`the close: difference -1000000000.01, ${aboveDrawer}`]);
    const voided: ShiftEvent = { ...base, id: 'e4', kind: 'void', sequence: 4, reason: 'Customer left', lines: [{ productId: 'milk', name: 'Milk', quantity: '10000', gross: '11900.00' }] };
    expect(shiftEventLimitProblems(voided, S1)).toEqual([]);
    expect(shiftEventLimitProblems({ ...voided, lines: [{ productId: 'milk', name: 'Milk', quantity: '10001', gross: '1000000.01' }] }, S1)).toEqual([
      'voided line 1 (Milk): quantity 10001, more than the 10000 store S1 allows on one line',
      `voided line 1 (Milk): total 1000000.01, more than the 1000000 store S1 allows at once`,
    ]);
  });

  it('takes what a store’s own limits allow', () => {
    const cashOut: ShiftEvent = { ...base, id: 'e2', kind: 'cash-out', sequence: 2, amount: '5000000', reason: 'Bank deposit' };
    expect(shiftEventLimitProblems(cashOut, S2)).toEqual([]);
    expect(shiftEventLimitProblems({ ...cashOut, amount: '5000000.01' }, S2)).toEqual(['cash out 5000000.01, more than the 5000000 store S2 allows at once']);
  });
});

describe('tenderAmountProblem', () => {
  const store = { code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES };

  it('takes any amount of money a drawer may hold', () => {
    expect(tenderAmountProblem('20', store)).toBeNull();
    expect(tenderAmountProblem('12.34', store)).toBeNull();
    expect(tenderAmountProblem('1000000000.00', store)).toBeNull();
  });

  it('refuses a scanned barcode as cash received: more than a drawer holds', () => {
    expect(tenderAmountProblem('4006381333931', store)).toBe('4006381333931 is more than the 1000000000.00 EUR a drawer may hold at store S1');
  });

  it('refuses more decimals than the currency has, and what is no amount', () => {
    expect(tenderAmountProblem('12.345', store)).toBe('12.345 has more than the 2 decimals EUR has');
    expect(tenderAmountProblem('0', store)).toBe('0 is not an amount of money');
    expect(tenderAmountProblem('12a', store)).toBe('12a is not an amount of money');
  });

  it('follows the store’s own receipt limit', () => {
    expect(tenderAmountProblem('100001', { ...store, limits: { lineQuantity: '10', documentAmount: '100' } })).toBe('100001 is more than the 100000.00 EUR a drawer may hold at store S1');
  });
});

describe('farAboveDue', () => {
  it('is cash more than the largest note above what is due (200 unless the store says)', () => {
    expect(farAboveDue('212.34', '12.34', {})).toBe(false);
    expect(farAboveDue('212.35', '12.34', {})).toBe(true);
    expect(farAboveDue('100', '12.34', { largestNote: '50' })).toBe(true);
    expect(farAboveDue('50', '12.34', { largestNote: '50' })).toBe(false);
  });
});
