import { describe, expect, it } from 'vitest';
import type { PricingRules } from './pricing.js';
import {
  buildCashSale,
  buildReturn,
  buildReturnWithoutReceipt,
  buildSale,
  checkSaleArithmetic,
  returnableQuantities,
  returnProblems,
  returnReasonText,
  returnUnitPrices,
  type CartItem,
  type ReturnContext,
} from './sale.js';
import { saleProblems } from './validate.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };

function item(id: string, quantity: string, price: string, taxClass: string, taxRatePercent: string, unit: 'piece' | 'kg' = 'piece'): CartItem {
  return { product: { id, sku: `SKU-${id}`, name: id.toUpperCase(), unit, price, taxClass }, quantity, taxRatePercent };
}

// The sale being returned against: milk 3 + 1, wine 1, cheese 0.375 kg (see sale.test.ts), S1-T1-000042.
const SALE = buildCashSale(
  [item('milk', '3', '1.19', 'reduced', '7'), item('wine', '1', '8.99', 'standard', '19'), item('cheese', '0.375', '2.49', 'reduced', '7', 'kg'), item('milk', '1', '1.19', 'reduced', '7')],
  '20',
  {
    id: 'sale-42',
    number: 42,
    store: { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES },
    till: { id: 'till-1', code: 'T1' },
    cashier: { id: 'cashier-1', name: 'Ada' },
    completedAt: '2026-11-27T10:15:00.000Z',
  },
);

function context(number: number): ReturnContext {
  return { id: `return-${number}`, number, store: { id: 'store-1', code: 'S1' }, till: { id: 'till-2', code: 'T2' }, cashier: { id: 'cashier-2', name: 'Ben' }, completedAt: '2026-11-28T09:00:00.000Z' };
}

describe('a cash return against a receipt', () => {
  // Two milk back on the shelf, the wine written off as broken:
  //   milk 2 x 1.19 at 7%:  gross 2.38, tax round(2.38 * 7 / 107) = round(0.1557) = 0.16, net 2.22
  //   wine 1 x 8.99 at 19%: gross 8.99, tax 1.44, net 7.55
  //   refund 11.37 (tax 1.60, net 9.77), paid out in cash; stock: milk +2, wine nothing.
  const refund = buildReturn(
    SALE,
    [
      { productId: 'milk', quantity: '2', restock: true },
      { productId: 'wine', quantity: '1', restock: false },
      { productId: 'cheese', quantity: '0', restock: true },
    ],
    [],
    context(7),
  );

  it('refunds the returned lines at the prices and tax charged, and restocks only what goes back on the shelf', () => {
    expect(refund).toMatchObject({
      kind: 'return',
      returnOf: { saleId: 'sale-42', receiptNumber: 'S1-T1-000042' },
      receiptNumber: 'S1-T2-000007',
      tillId: 'till-2',
      totals: { gross: '11.37', tax: '1.60', net: '9.77' },
      payments: [{ tender: 'cash', amount: '11.37', tendered: '11.37', change: '0.00' }],
      stockMovements: [{ productId: 'milk', quantity: '2' }],
    });
    expect(refund.lines.map((line) => [line.productId, line.quantity, line.gross, line.restock])).toEqual([
      ['milk', '2', '2.38', true],
      ['wine', '1', '8.99', false],
    ]);
    expect(refund.taxes.map((tax) => [tax.taxRatePercent, tax.gross, tax.tax])).toEqual([
      ['7', '2.38', '0.16'],
      ['19', '8.99', '1.44'],
    ]);
    expect(saleProblems(refund)).toEqual([]);
  });

  it('never takes back more than was sold, counting earlier returns', () => {
    const left = returnableQuantities(SALE, [refund]);
    expect([left.get('milk')!.toFixed(), left.get('wine')!.toFixed(), left.get('cheese')!.toFixed()]).toEqual(['2', '0', '0.375']);
    expect(() => buildReturn(SALE, [{ productId: 'milk', quantity: '3', restock: true }], [refund], context(8))).toThrow(
      'MILK: 3 returned, but only 2 of what S1-T1-000042 sold is left to return',
    );
    expect(() => buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: true }], [refund], context(8))).toThrow('only 0 of what');
    const rest = buildReturn(SALE, [{ productId: 'milk', quantity: '2', restock: true }, { productId: 'cheese', quantity: '0.375', restock: true }], [refund], context(8));
    expect(rest.totals.gross).toBe('3.31');
  });

  it('refuses products the receipt did not sell, and an empty return', () => {
    expect(() => buildReturn(SALE, [{ productId: 'bread', quantity: '1', restock: true }], [], context(9))).toThrow('not on receipt S1-T1-000042');
    expect(() => buildReturn(SALE, [{ productId: 'milk', quantity: '0', restock: true }], [], context(9))).toThrow('at least one line');
  });

  it('is checked like a sale, and for what it says of its goods and its sale', () => {
    expect(checkSaleArithmetic({ ...refund, stockMovements: [] })).toEqual(['stockMovements do not match the lines']);
    expect(checkSaleArithmetic({ ...refund, returnOf: undefined })).toContain('a return names the sale it returns, or carries the approval of the manager who allowed it without a receipt');
    expect(checkSaleArithmetic({ ...refund, lines: refund.lines.map(({ restock: _restock, ...line }) => line) })).toContain(
      'restock: each line of a return says whether its goods go back on the shelf',
    );
    expect(checkSaleArithmetic({ ...SALE, lines: SALE.lines.map((line) => ({ ...line, restock: true })) })).toContain('restock: only a return’s lines say where the goods go');
    expect(checkSaleArithmetic({ ...SALE, lines: SALE.lines.map((line) => ({ ...line, returnReason: 'Damaged' })) })).toContain('returnReason: only a return’s lines say why they came back');
    const cheaper = { ...refund, lines: refund.lines.map((line) => (line.productId === 'wine' ? { ...line, unitPrice: '5.00' } : line)) };
    expect(returnProblems(cheaper, SALE, []).join()).toContain('WINE: refunded at 5.00 (19%), sold at 8.99 (19%)');
    expect(returnProblems(refund, refund, [])).toEqual(['S1-T2-000007 is itself a return']);
  });
});

describe('why each line came back, and what it refunds per unit', () => {
  const ada = { id: 'cashier-1', name: 'Ada' };
  // Milk 3 x 1.19 with 10 % off its line (3.57 - 0.36 = 3.21, so 1.07 a piece), milk 1 x 1.19 at the
  // shelf price, cheese 0.375 kg at 2.49/kg.
  const DISCOUNTED = buildSale(
    {
      items: [
        { ...item('milk', '3', '1.19', 'reduced', '7'), discount: { percent: '10', reason: 'Dented', by: ada } },
        item('milk', '1', '1.19', 'reduced', '7'),
        item('cheese', '0.375', '2.49', 'reduced', '7', 'kg'),
      ],
      payments: [{ tender: 'cash', tendered: '20' }],
    },
    { id: 'sale-43', number: 43, store: { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES }, till: { id: 'till-1', code: 'T1' }, cashier: ada, completedAt: '2026-11-27T10:20:00.000Z' },
  );

  it('records the reason on every document line the returned product becomes', () => {
    const refund = buildReturn(SALE, [{ productId: 'milk', quantity: '4', restock: true, reason: 'Faulty' }, { productId: 'wine', quantity: '1', restock: false, reason: 'Other: cork broken' }], [], context(10));
    expect(refund.lines.map((line) => [line.productId, line.originalLine, line.quantity, line.returnReason])).toEqual([
      ['milk', 0, '3', 'Faulty'],
      ['milk', 3, '1', 'Faulty'],
      ['wine', 1, '1', 'Other: cork broken'],
    ]);
    expect(saleProblems(refund)).toEqual([]);
    expect(checkSaleArithmetic(refund)).toEqual([]);
    expect(returnProblems(refund, SALE, [])).toEqual([]);
    // A return made before reasons existed still builds, without one.
    expect(buildReturn(SALE, [{ productId: 'milk', quantity: '1', restock: true }], [], context(11)).lines[0]).not.toHaveProperty('returnReason');
  });

  it('refuses a blank reason or one longer than the document keeps', () => {
    expect(() => buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: true, reason: '  ' }], [], context(12))).toThrow('WINE: a return reason is 1 to 200 characters (is 0)');
    expect(() => buildReturn(SALE, [{ productId: 'wine', quantity: '1', restock: true, reason: 'x'.repeat(201) }], [], context(12))).toThrow('(is 201)');
  });

  it('records the reason on a return without a receipt', () => {
    const refund = buildReturnWithoutReceipt([{ ...item('wine', '1', '8.99', 'standard', '19'), restock: false, reason: 'Damaged' }], { id: 'manager-1', name: 'Morgan' }, {
      id: 'return-13',
      number: 13,
      store: { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES },
      till: { id: 'till-2', code: 'T2' },
      cashier: { id: 'cashier-2', name: 'Ben' },
      completedAt: '2026-11-28T09:00:00.000Z',
    });
    expect(refund.lines.map((line) => line.returnReason)).toEqual(['Damaged']);
    expect(saleProblems(refund)).toEqual([]);
  });

  it('says the reason as chosen, or Other with the words typed', () => {
    expect(returnReasonText('')).toBeUndefined();
    expect(returnReasonText('Wrong item')).toBe('Wrong item');
    expect(returnReasonText('Other', '   ')).toBeUndefined();
    expect(returnReasonText('Other', ' too small ')).toBe('Other: too small');
    expect(returnReasonText('Other', 'y'.repeat(300))).toHaveLength(200);
  });

  it('prices a unit at what the sale charged for it, discounts included, line by line as a return takes them', () => {
    const prices = returnUnitPrices(DISCOUNTED, []);
    expect(Object.fromEntries(prices)).toEqual({ milk: ['1.07', '1.19'], cheese: ['2.49'] });
    // The three discounted pieces back: the next milk comes off the undiscounted line.
    const first = buildReturn(DISCOUNTED, [{ productId: 'milk', quantity: '3', restock: true, reason: 'Not wanted' }], [], context(14));
    expect(first.totals.gross).toBe('3.21');
    expect(returnUnitPrices(DISCOUNTED, [first]).get('milk')).toEqual(['1.19']);
    // Nothing left: the sale's own prices.
    const rest = buildReturn(DISCOUNTED, [{ productId: 'milk', quantity: '1', restock: true, reason: 'Not wanted' }], [first], context(15));
    expect(returnUnitPrices(DISCOUNTED, [first, rest]).get('milk')).toEqual(['1.07', '1.19']);
    // Lines at the same price are one price.
    expect(returnUnitPrices(SALE, []).get('milk')).toEqual(['1.19']);
  });
});
