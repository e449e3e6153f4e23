import { describe, expect, it } from 'vitest';
import { dec, sum } from './money.js';
import type { PricingRules } from './pricing.js';
import { buildReturn, buildReturnWithoutReceipt, buildSale, type CartItem, type SaleContext } from './sale.js';
import type { Person, ShiftEvent, ShiftEventKind } from './schemas/index.js';
import { closeProblems, countedTotal, denominationsFor, openShift, shiftReport, ShiftError, type Count } from './shift.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };
/** Cash is rounded to 0.05 at this store. */
const STORE = { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES, cashRounding: '0.05' };
const ADA: Person = { id: 'cashier-ada', name: 'Ada' };
const MIA: Person = { id: 'manager-mia', name: 'Mia' };
const SHIFT = 'shift-1';

function item(id: string, quantity: string, price: string, taxClass: string, taxRatePercent: string, extra: Partial<CartItem> = {}, unit: 'piece' | 'kg' = 'piece'): CartItem {
  return { product: { id, sku: `SKU-${id}`, name: id.toUpperCase(), unit, price, taxClass }, quantity, taxRatePercent, ...extra };
}

function context(number: number, shiftId: string | null = SHIFT): SaleContext {
  return { id: `doc-${number}`, number, store: STORE, till: { id: 'till-1', code: 'T1' }, cashier: ADA, completedAt: `2024-06-07T${String(6 + number).padStart(2, '0')}:30:00.000Z`, ...(shiftId ? { shiftId } : {}) };
}

function event(sequence: number, kind: ShiftEventKind, fields: Partial<ShiftEvent> = {}): ShiftEvent {
  return {
    id: `event-${sequence}`,
    storeId: 'store-1',
    tillId: 'till-1',
    shiftId: SHIFT,
    kind,
    sequence,
    at: `2024-06-07T${String(6 + sequence).padStart(2, '0')}:00:00.000Z`,
    cashier: ADA,
    currency: 'EUR',
    ...fields,
  };
}

const count = (denomination: string, pieces: number): Count => ({ denomination, count: pieces });

// The shift's day at till T1 (cash rounded to 0.05):
//   open: float 100.00 (50 + 2 x 20 + 2 x 5)
//   sale 1: milk 3 x 1.19, wine 8.99, cheese 0.375 kg x 2.49, milk 1.19 = 14.68; cash 20.00
//           -> 14.70 taken (rounding +0.02), change 5.30
//   sale 2: wine 12.49 + milk 3 x 1.19 = 16.06; 10.00 by card, the rest 6.06 -> 6.05 in cash (rounding -0.01)
//   sale 3: milk at 0.99 instead of 1.19 (price override by Mia), 0.99 by card
//   sale 4: milk 3 x 1.19 with 10 % off (0.36) = 3.21; a wine taken out of the cart before paying
//           (voided line, 12.49); 5.00 in cash -> 3.20 taken (rounding -0.01), change 1.80
//   return: the wine of sale 2, 12.49, refunded in cash -> 12.50 (rounding +0.01)
//   cash in 50.00 (change from the bank), cash out 20.00 (window cleaner)
//   a whole cart voided: milk 2 x 1.19 = 2.38 and bread 1.45, 3.83 in all
const SALE_1 = buildSale(
  {
    items: [item('milk', '3', '1.19', 'reduced', '7'), item('wine', '1', '8.99', 'standard', '19'), item('cheese', '0.375', '2.49', 'reduced', '7', {}, 'kg'), item('milk', '1', '1.19', 'reduced', '7')],
    payments: [{ tender: 'cash', tendered: '20' }],
  },
  context(1),
);
const SALE_2 = buildSale(
  { items: [item('wine', '1', '12.49', 'standard', '19'), item('milk', '3', '1.19', 'reduced', '7')], payments: [{ tender: 'card', amount: '10', card: { brand: 'VISA', last4: '1234' } }, { tender: 'cash', tendered: '10' }] },
  context(2),
);
const SALE_3 = buildSale(
  { items: [item('milk', '1', '1.19', 'reduced', '7', { priceOverride: { unitPrice: '0.99', reason: 'dented carton', by: MIA } })], payments: [{ tender: 'card', amount: '0.99', card: { brand: 'VISA', last4: '9876' } }] },
  context(3),
);
const SALE_4 = buildSale(
  {
    items: [item('milk', '3', '1.19', 'reduced', '7', { discount: { percent: '10', reason: 'loyalty', by: ADA } })],
    voids: [{ productId: 'wine', name: 'WINE', quantity: '1', gross: '12.49', by: ADA }],
    payments: [{ tender: 'cash', tendered: '5' }],
  },
  context(4),
);
// Paid partly by card, refunded all in cash: more cash out than the sale took in, so Mia approves.
const RETURN = buildReturn(SALE_2, [{ productId: 'wine', quantity: '1', restock: false }], [], context(5), { refundTo: 'cash', approvedBy: MIA });
const DOCUMENTS = [SALE_1, SALE_2, SALE_3, SALE_4, RETURN];

const OPEN = event(1, 'open', { id: SHIFT, amount: '100.00', counted: [count('50', 1), count('20', 2), count('5', 2)] });
const DAY: ShiftEvent[] = [
  OPEN,
  event(2, 'cash-in', { amount: '50.00', reason: 'change from the bank' }),
  event(3, 'cash-out', { amount: '20.00', reason: 'window cleaner' }),
  event(4, 'void', {
    reason: 'customer left',
    lines: [
      { productId: 'milk', name: 'MILK', quantity: '2', gross: '2.38' },
      { productId: 'bread', name: 'BREAD', quantity: '1', gross: '1.45' },
    ],
  }),
];
// The drawer at the close: 50 + 3 x 20 + 2 x 10 + 2 x 5 + 1 + 0.20 + 0.05 = 141.25, 0.20 short of 141.45.
const COUNTED = [count('50', 1), count('20', 3), count('10', 2), count('5', 2), count('1', 1), count('0.20', 1), count('0.05', 1)];
const CLOSE = event(5, 'close', { cashier: MIA, counted: COUNTED, expectedCash: '141.45', countedCash: '141.25', difference: '-0.20' });

describe('the documents of the day', () => {
  it('are what the comments say', () => {
    expect(DOCUMENTS.map((document) => [document.totals.gross, document.cashRounding, document.payments.map((payment) => `${payment.tender} ${payment.amount}`).join(', ')])).toEqual([
      ['14.68', '0.02', 'cash 14.70'],
      ['16.06', '-0.01', 'card 10.00, cash 6.05'],
      ['0.99', undefined, 'card 0.99'],
      ['3.21', '-0.01', 'cash 3.20'],
      ['12.49', '0.01', 'cash 12.50'],
    ]);
  });
});

describe('shiftReport: the X report of the open shift', () => {
  const report = shiftReport(DAY, DOCUMENTS);

  it('says who opened the shift, when, and with what float; nothing of a close', () => {
    expect(report).toMatchObject({ shiftId: SHIFT, tillId: 'till-1', storeId: 'store-1', currency: 'EUR', openedAt: '2024-06-07T07:00:00.000Z', openedBy: ADA, float: '100.00' });
    expect(report.closedAt).toBeUndefined();
    expect(report.closedBy).toBeUndefined();
    expect(report.counted).toBeUndefined();
    expect(report.difference).toBeUndefined();
  });

  it('counts sales and returns', () => {
    // sales 14.68 + 16.06 + 0.99 + 3.21 = 34.94; one return of 12.49, against a receipt
    expect(report.sales).toEqual({ count: 4, gross: '34.94' });
    expect(report.returns).toEqual({ count: 1, gross: '12.49', withoutReceipt: 0 });
  });

  it('adds up each tender: taken on sales, refunded on returns', () => {
    // cash taken 14.70 + 6.05 + 3.20 = 23.95, refunded 12.50; card 10.00 + 0.99 = 10.99
    expect(report.byTender).toEqual([
      { tender: 'cash', taken: '23.95', refunded: '12.50', net: '11.45' },
      { tender: 'card', taken: '10.99', refunded: '0.00', net: '10.99' },
    ]);
  });

  it('breaks the tax down per rate, sales less returns', () => {
    // 7 %:  sale 1 5.69 (tax 0.37), sale 2 milk 3.57 (tax 0.23), sale 3 0.99 (tax 0.99 x 7 / 107 = 0.06),
    //       sale 4 3.21 (tax 0.21): gross 13.46, tax 0.87, net 12.59
    // 19 %: sale 1 wine 8.99 (tax 1.44), sale 2 wine 12.49 (tax 12.49 x 19 / 119 = 1.99), returned 12.49
    //       (tax 1.99): gross 8.99, tax 1.44, net 7.55
    expect(report.byTaxRate).toEqual([
      { taxClassId: 'reduced', taxRatePercent: '7', net: '12.59', tax: '0.87', gross: '13.46' },
      { taxClassId: 'standard', taxRatePercent: '19', net: '7.55', tax: '1.44', gross: '8.99' },
    ]);
    // sales less returns: 34.94 - 12.49 = 22.45 = 13.46 + 8.99
    expect(sum(report.byTaxRate.map((row) => row.gross)).toFixed(2)).toBe(dec(report.sales.gross).minus(dec(report.returns.gross)).toFixed(2));
  });

  it('counts discounts, price overrides and voids', () => {
    expect(report.discounts).toEqual({ count: 1, amount: '0.36' });
    expect(report.priceOverrides).toBe(1);
    // a line voided on sale 4 (12.49) and a whole cart (2.38 + 1.45 = 3.83)
    expect(report.voids).toEqual({ lines: 1, amount: '12.49', carts: 1, cartsAmount: '3.83' });
  });

  it('lists cash put in and taken out with the reasons', () => {
    expect(report.cashMovements).toEqual([
      { kind: 'cash-in', amount: '50.00', reason: 'change from the bank', at: '2024-06-07T08:00:00.000Z', by: ADA },
      { kind: 'cash-out', amount: '20.00', reason: 'window cleaner', at: '2024-06-07T09:00:00.000Z', by: ADA },
    ]);
    expect([report.cashIn, report.cashOut]).toEqual(['50.00', '20.00']);
  });

  it('sums the cash rounding: sales +0.02 - 0.01 - 0.01, less the return’s +0.01', () => {
    expect(report.cashRounding).toBe('-0.01');
  });

  it('expects the float + cash taken - cash refunded + cash in - cash out in the drawer', () => {
    // 100.00 + 23.95 - 12.50 + 50.00 - 20.00 = 141.45
    expect(report.expectedCash).toBe('141.45');
  });

  it('is the same whatever order the events and documents come in, and ignores other shifts’ documents', () => {
    const elsewhere = buildSale({ items: [item('wine', '1', '8.99', 'standard', '19')], payments: [{ tender: 'cash', tendered: '10' }] }, context(6, 'shift-0'));
    const noShift = buildSale({ items: [item('wine', '1', '8.99', 'standard', '19')], payments: [{ tender: 'cash', tendered: '10' }] }, context(7, null));
    expect(shiftReport([...DAY].reverse(), [noShift, ...DOCUMENTS].reverse().concat(elsewhere))).toEqual(report);
  });

  it('needs the open event', () => {
    expect(() => shiftReport(DAY.slice(1), DOCUMENTS)).toThrow(ShiftError);
  });

  it('counts returns without a receipt', () => {
    const goods = [{ product: { id: 'milk', sku: 'SKU-milk', name: 'MILK', unit: 'piece' as const, price: '1.19', taxClass: 'reduced' }, quantity: '1', taxRatePercent: '7', restock: true }];
    // 1.19 in cash -> 1.20
    const unreceipted = buildReturnWithoutReceipt(goods, MIA, context(8));
    const withIt = shiftReport(DAY, [...DOCUMENTS, unreceipted]);
    expect(withIt.returns).toEqual({ count: 2, gross: '13.68', withoutReceipt: 1 });
    // 141.45 - 1.20 = 140.25
    expect(withIt.expectedCash).toBe('140.25');
  });
});

describe('shiftReport: the Z report at the close', () => {
  const report = shiftReport([...DAY, CLOSE], DOCUMENTS);

  it('adds who closed it, when, the count by denomination, the counted cash and the difference', () => {
    expect(report).toMatchObject({ closedAt: '2024-06-07T11:00:00.000Z', closedBy: MIA, counted: COUNTED, expectedCash: '141.45', countedCash: '141.25', difference: '-0.20' });
    // everything else as in the X report
    const { closedAt: _closedAt, closedBy: _closedBy, counted: _counted, countedCash: _countedCash, difference: _difference, ...rest } = report;
    expect(rest).toEqual(shiftReport(DAY, DOCUMENTS));
  });

  it('shows cash over as a positive difference', () => {
    // one more 0.20 coin than expected: 141.65 - 141.45 = +0.20
    const over = shiftReport([...DAY, { ...CLOSE, counted: [...COUNTED.slice(0, 5), count('0.20', 3), count('0.05', 1)] }], DOCUMENTS);
    expect([over.countedCash, over.difference]).toEqual(['141.65', '0.20']);
  });

  it('passes closeProblems when the close says what the report does', () => {
    expect(closeProblems(CLOSE, report)).toEqual([]);
  });

  it('closeProblems names a close whose figures do not add up', () => {
    expect(closeProblems({ ...CLOSE, countedCash: '141.45' }, report)).toEqual(['countedCash is 141.45, the count adds up to 141.25']);
    expect(closeProblems({ ...CLOSE, expectedCash: '141.25', difference: '0.00' }, report)).toEqual(['expectedCash is 141.25, the shift’s documents and events expect 141.45']);
    expect(closeProblems({ ...CLOSE, difference: '0.00' }, report)).toEqual(['difference is 0.00, counted - expected is -0.2']);
    expect(closeProblems(DAY[1], report)).toEqual(['not a close event']);
  });
});

describe('counting the drawer', () => {
  it('countedTotal multiplies each denomination by its count', () => {
    // 50 + 60 + 20 + 10 + 1 + 0.20 + 0.05
    expect(countedTotal(COUNTED).toFixed(2)).toBe('141.25');
    expect(countedTotal([]).toFixed(2)).toBe('0.00');
  });

  it('denominationsFor lists notes and coins largest first, per currency', () => {
    expect(denominationsFor('EUR')).toEqual(['500', '200', '100', '50', '20', '10', '5', '2', '1', '0.50', '0.20', '0.10', '0.05', '0.02', '0.01']);
    expect(denominationsFor('CHF').at(-1)).toBe('0.05');
    expect(denominationsFor('USD')).toContain('0.25');
    for (const currency of ['EUR', 'USD', 'GBP', 'CHF']) {
      const values = denominationsFor(currency).map((value) => dec(value));
      values.slice(1).forEach((value, index) => expect(value.lt(values[index])).toBe(true));
    }
  });
});

describe('openShift', () => {
  // Yesterday's shift (opened 1, closed 2), then today's (opened 3).
  const yesterday = [event(1, 'open', { id: 'shift-0', shiftId: 'shift-0', amount: '100.00' }), event(2, 'close', { id: 'close-0', shiftId: 'shift-0' })];
  const today = event(3, 'open', { id: 'shift-2', shiftId: 'shift-2', amount: '150.00' });

  it('is the last shift opened and not closed', () => {
    expect(openShift([...yesterday, today])?.id).toBe('shift-2');
    expect(openShift([today, ...yesterday])?.id).toBe('shift-2');
    expect(openShift([...yesterday, today, event(4, 'cash-in', { shiftId: 'shift-2', amount: '10' })])?.id).toBe('shift-2');
  });

  it('is none once every shift is closed, or before any was opened', () => {
    expect(openShift(yesterday)).toBeUndefined();
    expect(openShift([...yesterday, today, event(4, 'close', { shiftId: 'shift-2' })])).toBeUndefined();
    expect(openShift([])).toBeUndefined();
  });

  it('a close of another shift does not close the open one', () => {
    expect(openShift([today, event(4, 'close', { shiftId: 'shift-0' })])?.id).toBe('shift-2');
  });
});
