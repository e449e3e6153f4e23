import { describe, expect, it } from 'vitest';
import { reorderSuggestion, reorderSuggestions, windowDays, type ReorderInput } from './reorder.js';

const supplier = { id: 'sup-1', name: 'Green Valley Dairy', leadTimeDays: 4, packSize: '12', packCost: '8.40', currency: 'EUR' };
const milk = (overrides: Partial<ReorderInput> = {}): ReorderInput => ({
  productId: 'p-milk',
  sku: 'MILK-1',
  name: 'Milk 1 l',
  unit: 'piece',
  onHand: '10',
  onOrder: '6',
  reserved: '0',
  dailySales: ['2', '4', '3', '5', '1', '3', '3'],
  supplier,
  ...overrides,
});
const week = { windowDays: 7, reviewDays: 7, serviceLevel: '95' };

describe('a reorder suggestion, worked by hand', () => {
  // 7 days sold 2, 4, 3, 5, 1, 3, 3: 21 in 7 days, 3 a day. Deviations -1, 1, 0, 2, -2, 0, 0: squares
  // 10, / 7 = 1.428571, spread √ = 1.195229. Safety at 95 % (z 1.6449) over 4 days' lead time:
  // 1.6449 × 1.195229 × √4 = 3.932. Target 3 × (4 + 7) + 3.932 = 36.932. On hand 10 and 6 on order:
  // 20.932 wanted, 2 cases of 12 = 24. Days of cover: 16 / 3 = 5.3.
  it('covers the lead time and the review period at the average, plus safety stock for the lead time', () => {
    expect(reorderSuggestion(milk(), week)).toMatchObject({
      policy: 'automatic',
      averageDaily: '3.000',
      spread: '1.195',
      leadTimeDays: 4,
      safetyStock: '3.932',
      target: '36.932',
      wanted: '20.932',
      packs: 2,
      quantity: '24',
      daysOfCover: '5.3',
      supplierName: 'Green Valley Dairy',
    });
    expect(reorderSuggestion(milk(), week)!.explanation).toBe(
      '3.00 a day × (4 d lead time + 7 d review) + safety 3.93 (z 1.6449 × spread 1.20 × √4) = 36.93; less on hand 10 and on order 6, plus reserved 0: 20.932 wanted, 2 packs of 12',
    );
  });

  it('orders nothing when stock and what is on order cover the target', () => {
    expect(reorderSuggestion(milk({ onHand: '30', onOrder: '7' }), week)).toBeNull();
    // Steady sales have no spread and need no safety stock: 3 × 11 = 33, less 30 on hand: 3 wanted, one case.
    expect(reorderSuggestion(milk({ onHand: '30', onOrder: '0', dailySales: Array(7).fill('3') }), week)).toMatchObject({ safetyStock: '0.000', target: '33.000', packs: 1, quantity: '12' });
  });

  it('with a fixed min/max orders up to the maximum once at or below the minimum', () => {
    expect(reorderSuggestion(milk({ onHand: '20', onOrder: '0', rule: { min: '12', max: '48' } }), week)).toBeNull();
    // 12 on hand is at the minimum: up to 48 is 36 wanted, three cases.
    expect(reorderSuggestion(milk({ onHand: '12', onOrder: '0', rule: { min: '12', max: '48' } }), week)).toMatchObject({ policy: 'min/max', min: '12', target: '48.000', wanted: '36.000', packs: 3 });
  });

  it('adds what open customer orders reserve', () => {
    expect(reorderSuggestion(milk({ onHand: '30', onOrder: '7', reserved: '10' }), week)).toMatchObject({ wanted: '9.932', packs: 1 });
  });
});

describe('a store’s suggestions', () => {
  it('put the products that run out soonest first, and those that sell nothing last', () => {
    const suggestions = reorderSuggestions(
      [
        milk({ productId: 'p-slow', sku: 'SLOW', onHand: '20', onOrder: '0' }),
        milk({ productId: 'p-none', sku: 'NONE', onHand: '0', onOrder: '0', dailySales: Array(7).fill('0'), rule: { min: '0', max: '5' } }),
        milk({ productId: 'p-fast', sku: 'FAST', onHand: '1', onOrder: '0' }),
      ],
      week,
    );
    expect(suggestions.map((suggestion) => [suggestion.sku, suggestion.daysOfCover])).toEqual([
      ['FAST', '0.3'],
      ['SLOW', '6.7'],
      ['NONE', null],
    ]);
  });

  it('meet a supplier’s minimum order by adding packs to its most urgent line', () => {
    const withMinimum = { ...supplier, minimumOrder: '50.00' };
    // With 6 on order each: FAST 1 + 6 on hand and ordered, 29.932 wanted, 3 cases (25.20); SLOW 25 + 6,
    // 5.932 wanted, 1 case (8.40): 33.60, under 50.00; FAST, the more urgent, gets 2 more cases: 50.40.
    const suggestions = reorderSuggestions([milk({ sku: 'FAST', onHand: '1', supplier: withMinimum }), milk({ productId: 'p-2', sku: 'SLOW', onHand: '25', supplier: withMinimum })], week);
    expect(suggestions.map((suggestion) => [suggestion.sku, suggestion.packs])).toEqual([
      ['FAST', 5],
      ['SLOW', 1],
    ]);
    expect(suggestions[0].explanation).toContain('minimum order of 50.00');
  });

  it('count days in the window by the calendar, oldest first', () => {
    expect(windowDays(new Date('2026-03-02T15:00:00Z'), 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
