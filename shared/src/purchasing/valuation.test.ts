import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.js';
import { movingAverageCost } from '../stock-document.js';
import { nextAverageCost, stockValuation } from './valuation.js';

const products = [
  { id: 'milk', sku: 'MILK', name: 'Milk', category: 'Dairy/Milk', cost: '0.60' },
  { id: 'tea', sku: 'TEA', name: 'Tea', category: 'Drinks', cost: '2.00' },
];

describe('a stock valuation at a date, replayed from the ledger', () => {
  // Milk: 10 opening at 0.60; 36 received on the 2nd at 0.70 -> (6.00 + 25.20) / 46 = 0.6783; 6 sold
  // on the 2nd: 40 left at 0.6783 = 27.13. On the 1st: 10 at 0.60 = 6.00. Tea: 5 at 2.00 = 10.00.
  const entries = [
    { productId: 'milk', source: 'opening', quantity: '10', recordedAt: '2026-12-01T08:00:00.000Z' },
    { productId: 'tea', source: 'opening', quantity: '5', recordedAt: '2026-12-01T08:00:00.000Z' },
    { productId: 'milk', source: 'receipt', quantity: '36', recordedAt: '2026-12-02T09:00:00.000Z', unitCost: '0.70' },
    { productId: 'milk', source: 'sale', quantity: '-6', recordedAt: '2026-12-02T15:00:00.000Z', unitCost: '0.6783' },
    { productId: 'milk', source: 'sale', quantity: '-40', recordedAt: '2026-12-03T10:00:00.000Z', unitCost: '0.6783' },
  ];

  it('values each product on hand at the end of the day at its moving average then, by category', () => {
    expect(stockValuation(entries, products, '2026-12-01')).toMatchObject({ total: '16.00', categories: [{ category: 'Dairy', value: '6.00' }, { category: 'Drinks', value: '10.00' }] });
    const second = stockValuation(entries, products, '2026-12-02');
    expect(second.products.map((product) => [product.sku, product.quantity, product.averageCost, product.value])).toEqual([
      ['MILK', '40', '0.6783', '27.13'],
      ['TEA', '5', '2.00', '10.00'],
    ]);
    expect(second.total).toBe('37.13');
    // Sold out on the 3rd: milk is worth nothing and not listed.
    expect(stockValuation(entries, products, '2026-12-03').products.map((product) => product.sku)).toEqual(['TEA']);
  });
});

describe('the moving average cost in whole numbers', () => {
  it('is movingAverageCost’s, to the last digit, over many receipts and at the halves', () => {
    const random = seededRandom(14);
    const figure = (places: number, largest: number) => (Math.floor(random() * largest * 10 ** places) / 10 ** places).toFixed(Math.floor(random() * (places + 1)));
    const cases: [string, string, string, string][] = [
      // (1 × 0.0001 + 1 × 0.0002) / 2 = 0.00015: a half, up.
      ['1', '0.0001', '1', '0.0002'],
      ['3', '0.0001', '1', '0.0003'],
      // Nothing (or less) on hand before: the delivery's cost; a cost given to more than 4 decimals.
      ['0', '1.2345', '5', '0.70'],
      ['-2.5', '1.2345', '5', '0.70'],
      ['10', '0.60', '36', '0.123456'],
    ];
    for (let index = 0; index < 20_000; index++) cases.push([figure(3, 5000), figure(4, 50), figure(3, 500), figure(4, 50)]);
    for (const [before, average, received, cost] of cases) expect(nextAverageCost(before, average, received, cost)).toBe(movingAverageCost(before, average, received, cost));
  });
});
