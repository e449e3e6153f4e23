import { describe, expect, it } from 'vitest';
import { MoneyError, dec, sum } from './money.js';
import { PricingError, type PricingRules } from './pricing.js';
import { buildCashSale, cartLineInputs, checkSaleArithmetic, receiptNumber, type CartItem, type SaleContext } from './sale.js';
import type { Sale } from './schemas/index.js';

const RULES: PricingRules = { pricesIncludeTax: true, taxRounding: 'line', roundingMode: 'half-up', currencyDecimals: 2 };

function context(overrides: Partial<SaleContext> = {}): SaleContext {
  return {
    id: '01J0SALE000000000000000042',
    number: 42,
    store: { id: 'store-1', code: 'S1', currency: 'EUR', pricing: RULES },
    till: { id: 'till-1', code: 'T1' },
    cashier: { id: 'cashier-1', name: 'Ada' },
    completedAt: '2024-06-07T10:15:00.000Z',
    ...overrides,
  };
}

function item(id: string, quantity: string, price: string, taxClass: string, taxRatePercent: string, unit: 'piece' | 'kg' = 'piece'): CartItem {
  return { product: { id, sku: `SKU-${id}`, name: id.toUpperCase(), unit, price, taxClass }, quantity, taxRatePercent };
}

// A basket with two rates, a weighed line and the same product on two lines:
//   milk   3 x 1.19 at 7%:      gross 3.57, tax round(3.57 * 7 / 107) = 0.23, net 3.34
//   wine   1 x 8.99 at 19%:     gross 8.99, tax round(8.99 * 19 / 119) = round(1.4353...) = 1.44, net 7.55
//   cheese 0.375 kg x 2.49, 7%: gross round(0.93375) = 0.93, tax round(0.0608...) = 0.06, net 0.87
//   milk   1 x 1.19 at 7%:      gross 1.19, tax round(1.19 * 7 / 107) = round(0.0778...) = 0.08, net 1.11
//   7%:  net 3.34 + 0.87 + 1.11 = 5.32, tax 0.23 + 0.06 + 0.08 = 0.37, gross 5.69
//   19%: net 7.55, tax 1.44, gross 8.99
//   totals: net 12.87, tax 1.81, gross 14.68; tendered 20 -> change 5.32
const BASKET: CartItem[] = [
  item('milk', '3', '1.19', 'reduced', '7'),
  item('wine', '1', '8.99', 'standard', '19'),
  item('cheese', '0.375', '2.49', 'reduced', '7', 'kg'),
  item('milk', '1', '1.19', 'reduced', '7'),
];

function builtSale(): Sale {
  return buildCashSale(BASKET, '20', context());
}

describe('receiptNumber', () => {
  it('is store code, till code and the number padded to six digits', () => {
    expect(receiptNumber('S1', 'T1', 42)).toBe('S1-T1-000042');
    expect(receiptNumber('S1', 'T2', 1)).toBe('S1-T2-000001');
    expect(receiptNumber('S12', 'T3', 999999)).toBe('S12-T3-999999');
  });

  it('does not cut a number past six digits', () => {
    expect(receiptNumber('S1', 'T1', 1234567)).toBe('S1-T1-1234567');
  });
});

describe('cartLineInputs', () => {
  it('takes price and tax class from the product', () => {
    expect(cartLineInputs([item('milk', '3', '1.19', 'reduced', '7')])).toEqual([
      { productId: 'milk', quantity: '3', unitPrice: '1.19', taxClassId: 'reduced', taxRatePercent: '7' },
    ]);
  });
});

describe('buildCashSale', () => {
  const sale = builtSale();

  it('records who, where and when from the context', () => {
    expect(sale).toMatchObject({
      id: '01J0SALE000000000000000042',
      storeId: 'store-1',
      tillId: 'till-1',
      number: 42,
      receiptNumber: 'S1-T1-000042',
      cashierId: 'cashier-1',
      cashierName: 'Ada',
      completedAt: '2024-06-07T10:15:00.000Z',
      currency: 'EUR',
      pricing: RULES,
    });
  });

  it('keeps a copy of the rules it was priced with', () => {
    const store = { id: 'store-1', code: 'S1', currency: 'EUR', pricing: { ...RULES } };
    const built = buildCashSale(BASKET, '20', context({ store }));
    store.pricing.taxRounding = 'document';
    expect(built.pricing.taxRounding).toBe('line');
  });

  it('prices every line with the product details for the receipt', () => {
    expect(sale.lines).toEqual([
      { productId: 'milk', sku: 'SKU-milk', name: 'MILK', unit: 'piece', quantity: '3', unitPrice: '1.19', taxClassId: 'reduced', taxRatePercent: '7', net: '3.34', tax: '0.23', gross: '3.57' },
      { productId: 'wine', sku: 'SKU-wine', name: 'WINE', unit: 'piece', quantity: '1', unitPrice: '8.99', taxClassId: 'standard', taxRatePercent: '19', net: '7.55', tax: '1.44', gross: '8.99' },
      { productId: 'cheese', sku: 'SKU-cheese', name: 'CHEESE', unit: 'kg', quantity: '0.375', unitPrice: '2.49', taxClassId: 'reduced', taxRatePercent: '7', net: '0.87', tax: '0.06', gross: '0.93' },
      { productId: 'milk', sku: 'SKU-milk', name: 'MILK', unit: 'piece', quantity: '1', unitPrice: '1.19', taxClassId: 'reduced', taxRatePercent: '7', net: '1.11', tax: '0.08', gross: '1.19' },
    ]);
  });

  it('carries the tax breakdown by rate and totals that add up', () => {
    expect(sale.taxes).toEqual([
      { taxClassId: 'reduced', taxRatePercent: '7', net: '5.32', tax: '0.37', gross: '5.69' },
      { taxClassId: 'standard', taxRatePercent: '19', net: '7.55', tax: '1.44', gross: '8.99' },
    ]);
    expect(sale.totals).toEqual({ net: '12.87', tax: '1.81', gross: '14.68' });
    for (const field of ['net', 'tax', 'gross'] as const) {
      expect(sum(sale.lines.map((line) => line[field])).eq(dec(sale.totals[field]))).toBe(true);
      expect(sum(sale.taxes.map((row) => row[field])).eq(dec(sale.totals[field]))).toBe(true);
    }
  });

  it('records one cash payment of the total with tendered and change', () => {
    // 20.00 - 14.68 = 5.32
    expect(sale.payments).toEqual([{ tender: 'cash', amount: '14.68', tendered: '20.00', change: '5.32' }]);
  });

  it('records exact payment with no change', () => {
    expect(buildCashSale(BASKET, '14.68', context()).payments).toEqual([{ tender: 'cash', amount: '14.68', tendered: '14.68', change: '0.00' }]);
  });

  it('carries its stock effect: one negative movement per product', () => {
    // milk 3 + 1 = 4 leave the shelf
    expect(sale.stockMovements).toEqual([
      { productId: 'milk', quantity: '-4' },
      { productId: 'wine', quantity: '-1' },
      { productId: 'cheese', quantity: '-0.375' },
    ]);
  });

  it('passes its own arithmetic check', () => {
    expect(checkSaleArithmetic(sale)).toEqual([]);
  });

  it('passes the check under every pricing rule', () => {
    for (const pricesIncludeTax of [true, false]) {
      for (const taxRounding of ['line', 'document'] as const) {
        for (const roundingMode of ['half-up', 'half-even'] as const) {
          const pricing: PricingRules = { pricesIncludeTax, taxRounding, roundingMode, currencyDecimals: 2 };
          const built = buildCashSale(BASKET, '100', context({ store: { id: 'store-1', code: 'S1', currency: 'EUR', pricing } }));
          expect(built.pricing).toEqual(pricing);
          expect(checkSaleArithmetic(built)).toEqual([]);
        }
      }
    }
  });

  it('refuses an empty cart', () => {
    expect(() => buildCashSale([], '20', context())).toThrow('a sale needs at least one line');
  });

  it('refuses a tender that does not cover the total', () => {
    expect(() => buildCashSale(BASKET, '14.67', context())).toThrow(PricingError);
  });

  it('refuses a tender that is not a decimal string', () => {
    expect(() => buildCashSale(BASKET, '2e1', context())).toThrow(MoneyError);
  });

  it('refuses a line with quantity zero or below: returns are their own documents', () => {
    expect(() => buildCashSale([item('milk', '0', '1.19', 'reduced', '7')], '5', context())).toThrow(PricingError);
    expect(() => buildCashSale([item('milk', '-1', '1.19', 'reduced', '7')], '5', context())).toThrow(PricingError);
  });
});

describe('checkSaleArithmetic', () => {
  /** A copy of the built sale, changed by `tamper`. */
  function tampered(tamper: (sale: Sale) => void): Sale {
    const sale = structuredClone(builtSale());
    tamper(sale);
    return sale;
  }

  it('names a line whose gross was changed', () => {
    expect(checkSaleArithmetic(tampered((sale) => (sale.lines[0].gross = '3.58')))).toEqual(['line 1: gross is 3.58, expected 3.57']);
  });

  it('names a line whose tax and net were shifted, even though they still add up', () => {
    // 3.35 + 0.22 = 3.57 still, but the tax of 3.57 at 7% is 0.23
    const problems = checkSaleArithmetic(
      tampered((sale) => {
        sale.lines[0].net = '3.35';
        sale.lines[0].tax = '0.22';
      }),
    );
    expect(problems).toEqual(['line 1: net is 3.35, expected 3.34', 'line 1: tax is 0.22, expected 0.23']);
  });

  it('finds a line whose price was changed but whose amounts were not', () => {
    // 3 x 1.09 = 3.27, not the recorded 3.57
    const problems = checkSaleArithmetic(tampered((sale) => (sale.lines[0].unitPrice = '1.09')));
    expect(problems).toContain('line 1: gross is 3.57, expected 3.27');
    expect(problems).toContain('totals.gross is 14.68, expected 14.38');
  });

  it('accepts the same amounts written with other trailing zeros', () => {
    expect(checkSaleArithmetic(tampered((sale) => (sale.lines[1].gross = '8.990')))).toEqual([]);
  });

  it('names tampered totals', () => {
    expect(checkSaleArithmetic(tampered((sale) => (sale.totals.tax = '1.80')))).toEqual(['totals.tax is 1.80, expected 1.81']);
  });

  it('names a lowered total and the payment that no longer matches it', () => {
    const problems = checkSaleArithmetic(tampered((sale) => (sale.totals.gross = '14.00')));
    expect(problems).toContain('totals.gross is 14.00, expected 14.68');
    expect(problems).toContainEqual(expect.stringMatching(/^payments add up to 14\.68, total is 14\.00$/));
  });

  it('names payments that do not cover the total', () => {
    // paid 10.00 of 14.68; tendered 20.00 - 10.00 = 10.00 change, so only the sum is wrong
    const problems = checkSaleArithmetic(
      tampered((sale) => {
        sale.payments[0].amount = '10.00';
        sale.payments[0].change = '10.00';
      }),
    );
    expect(problems).toEqual([expect.stringMatching(/^payments add up to 10(\.00)?, total is 14\.68$/)]);
  });

  it('names wrong change', () => {
    // 20.00 - 14.68 = 5.32, not 5.00
    expect(checkSaleArithmetic(tampered((sale) => (sale.payments[0].change = '5.00')))).toEqual([
      'change 5.00 does not match tendered 20.00 for 14.68',
    ]);
  });

  it('names a payment split that does not add up', () => {
    const problems = checkSaleArithmetic(
      tampered((sale) => {
        sale.payments = [
          { tender: 'cash', amount: '10.00', tendered: '10.00', change: '0.00' },
          { tender: 'cash', amount: '4.00', tendered: '4.00', change: '0.00' },
        ];
      }),
    );
    expect(problems).toEqual([expect.stringMatching(/^payments add up to 14(\.00)?, total is 14\.68$/)]);
  });

  it('accepts a payment split that does add up', () => {
    const problems = checkSaleArithmetic(
      tampered((sale) => {
        sale.payments = [
          { tender: 'cash', amount: '10.00', tendered: '10.00', change: '0.00' },
          { tender: 'cash', amount: '4.68', tendered: '5.00', change: '0.32' },
        ];
      }),
    );
    expect(problems).toEqual([]);
  });

  it.each<[string, (sale: Sale) => void]>([
    ['a movement missing', (sale) => sale.stockMovements.pop()],
    ['a wrong quantity', (sale) => (sale.stockMovements[0].quantity = '-3')],
    ['the wrong sign', (sale) => (sale.stockMovements[0].quantity = '4')],
    ['a product not on any line', (sale) => sale.stockMovements.push({ productId: 'bread', quantity: '-1' })],
    ['a product twice', (sale) => sale.stockMovements.push({ productId: 'milk', quantity: '0' })],
    [
      'movements per line instead of per product',
      (sale) => {
        sale.stockMovements = sale.lines.map((line) => ({ productId: line.productId, quantity: `-${line.quantity}` }));
      },
    ],
  ])('names stock movements that do not match the lines: %s', (_label, tamper) => {
    expect(checkSaleArithmetic(tampered(tamper))).toEqual(['stockMovements do not match the lines']);
  });

  it('accepts the movements in another order', () => {
    expect(checkSaleArithmetic(tampered((sale) => sale.stockMovements.reverse()))).toEqual([]);
  });

  it('names a zero quantity', () => {
    const problems = checkSaleArithmetic(
      tampered((sale) => {
        // A line of nothing, with amounts and movement made consistent so only the quantity is wrong.
        sale.lines[1] = { ...sale.lines[1], quantity: '0', net: '0.00', tax: '0.00', gross: '0.00' };
        sale.taxes = sale.taxes.filter((row) => row.taxRatePercent !== '19');
        sale.totals = { net: '5.32', tax: '0.37', gross: '5.69' };
        sale.payments = [{ tender: 'cash', amount: '5.69', tendered: '20.00', change: '14.31' }];
        sale.stockMovements[1] = { productId: 'wine', quantity: '0' };
      }),
    );
    expect(problems).toEqual(['line 2: quantity must be positive']);
  });

  it('names a negative quantity', () => {
    const problems = checkSaleArithmetic(tampered((sale) => (sale.lines[1].quantity = '-1')));
    expect(problems).toContain('line 2: quantity must be positive');
  });

  it('reports lines that cannot be priced instead of throwing', () => {
    expect(checkSaleArithmetic(tampered((sale) => (sale.lines[0].taxRatePercent = '-7')))).toEqual([
      'lines cannot be priced: negative tax rate on milk',
    ]);
    expect(checkSaleArithmetic(tampered((sale) => (sale.lines[0].quantity = '1e3')))).toEqual([
      'lines cannot be priced: not a decimal string: "1e3"',
    ]);
  });

  it('checks against the rules recorded on the sale', () => {
    // The same lines priced excluding tax: milk net 3.57, tax round(3.57 * 0.07) = 0.25, gross 3.82
    const problems = checkSaleArithmetic(tampered((sale) => (sale.pricing.pricesIncludeTax = false)));
    expect(problems).toContain('line 1: gross is 3.57, expected 3.82');
  });

  it('names a tampered tax breakdown row and a missing one', () => {
    expect(checkSaleArithmetic(tampered((sale) => (sale.taxes[0].tax = '0.30')))).toContain('taxes reduced 7%: tax is 0.30, expected 0.37');
    expect(checkSaleArithmetic(tampered((sale) => sale.taxes.pop()))).toContain('taxes has 1 rows, expected 2');
  });

  it('names a cash payment whose tendered does not cover its amount, even with matching negative change', () => {
    const problems = checkSaleArithmetic(
      tampered((sale) => (sale.payments[0] = { tender: 'cash', amount: '14.68', tendered: '10.00', change: '-4.68' })),
    );
    expect(problems).toContain('tendered 10.00 does not cover 14.68');
  });
});
