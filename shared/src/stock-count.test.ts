import { describe, expect, it } from 'vitest';
import {
  countDifference,
  countedQuantityProblem,
  countLine,
  countOfLateSale,
  madeAtByServerClock,
  stockCountEntryProblems,
  stockCountOpenProblems,
  type CountEntry,
} from './stock-count.js';

const counted = (quantity: string, enteredAt: string, expected: string | null = null): CountEntry => ({ productId: 'milk', kind: 'counted', quantity, expected, enteredAt });
const late = (quantity: string, enteredAt: string): CountEntry => ({ productId: 'milk', kind: 'late', quantity, expected: null, enteredAt });

describe('the count rule', () => {
  it('a line is the sum of its entries, at the moment of the first, against the stock expected then', () => {
    // 10:00 the first scan of milk, when the books said 12; two more scans and a typed 5, then a miscount taken off.
    const line = countLine([counted('1', '10:00', '12'), counted('1', '10:01'), counted('5', '10:02'), counted('1', '10:03'), counted('-1', '10:04')]);
    expect(line).toEqual({ counted: '7', countedAt: '10:00', expected: '12', late: '0' });
    expect(countDifference(line.counted!, line.expected!)).toBe('-5');
    // Entries may arrive in any order: the earliest is the moment.
    expect(countLine([counted('2', '10:05'), counted('1', '10:00', '12')]).countedAt).toBe('10:00');
    expect(countLine([])).toEqual({ counted: null, countedAt: null, expected: null, late: '0' });
  });

  it('worked example: a sale made before the count that arrives after it is no difference', () => {
    // The books say 10 at 10:00. An offline till sold 2 at 9:55; the shelf holds 8 when milk is
    // counted at 10:00, and the sale arrives at 10:30. Without the rule the count would post -2 and
    // the sale -2 again: 6 on the books, 8 on the shelf.
    const whenCounted = countLine([counted('8', '10:00', '10')]);
    expect(countDifference(whenCounted.counted!, whenCounted.expected!)).toBe('-2');
    // With it, the late sale joins the line: the shelf should have held 8, and there is no difference.
    const withLate = countLine([counted('8', '10:00', '10'), late('-2', '10:30')]);
    expect(withLate).toEqual({ counted: '8', countedAt: '10:00', expected: '8', late: '-2' });
    expect(countDifference(withLate.counted!, withLate.expected!)).toBe('0');
    // A late return (made before, arrived after) put one back on the shelf before it was counted.
    expect(countLine([counted('11', '10:00', '10'), late('1', '10:30')]).expected).toBe('11');
  });

  it('a late sale concerns the count that counted its product last at or after it was made', () => {
    const lines = [
      { countId: 'march', countedAt: '2026-03-01T10:00:00.000Z' },
      { countId: 'june', countedAt: '2026-06-01T10:00:00.000Z' },
    ];
    expect(countOfLateSale('2026-02-28T12:00:00.000Z', lines)?.countId).toBe('june');
    expect(countOfLateSale('2026-04-01T12:00:00.000Z', lines)?.countId).toBe('june');
    // Made at the very moment it was counted: the shelf was counted without it.
    expect(countOfLateSale('2026-06-01T10:00:00.000Z', lines)?.countId).toBe('june');
    expect(countOfLateSale('2026-06-01T10:00:00.001Z', lines)).toBeUndefined();
  });

  it("tells when a sale was made by the server's clock from the till's clock and its offset", () => {
    // A till an hour ahead (offset -1 h) that made a sale at 11:00 by its clock made it at 10:00.
    expect(madeAtByServerClock('2026-12-06T11:00:00.000Z', -3_600_000)).toBe('2026-12-06T10:00:00.000Z');
    expect(madeAtByServerClock('2026-12-06T11:00:00.000+01:00', 0)).toBe('2026-12-06T10:00:00.000Z');
    expect(madeAtByServerClock('not a time', 0)).toBeUndefined();
    expect(madeAtByServerClock('+275760-09-13T00:00:00.000Z', 1)).toBeUndefined();
  });

  it('a counted quantity is in the unit, and a correction never takes a line below zero', () => {
    expect(countedQuantityProblem('2', 'piece', '0')).toBeNull();
    expect(countedQuantityProblem('1.5', 'piece', '0')).toBe('pieces are whole numbers');
    expect(countedQuantityProblem('0.375', 'kg', '0')).toBeNull();
    expect(countedQuantityProblem('-3', 'piece', '2')).toBe('a correction takes off at most what was counted (2)');
    expect(countedQuantityProblem('-2', 'piece', '2')).toBeNull();
  });
});

describe('count requests', () => {
  it('opening: a store, a category or chosen products', () => {
    expect(stockCountOpenProblems({ id: 'c1', storeId: 's1', scope: 'store' })).toEqual([]);
    expect(stockCountOpenProblems({ id: 'c1', storeId: 's1', scope: 'category', category: 'Dairy' })).toEqual([]);
    expect(stockCountOpenProblems({ id: 'c1', storeId: 's1', scope: 'category' })).toEqual(['category: the category to count']);
    expect(stockCountOpenProblems({ id: 'c1', storeId: 's1', scope: 'products', productIds: ['a', 'a'] })).toEqual(['productIds: a product is named twice']);
    expect(stockCountOpenProblems({ id: 'c1', storeId: 's1', scope: 'store', productIds: ['a'], extra: 1 })).toEqual(['productIds: only a count of chosen products has them', 'unknown field "extra"']);
  });

  it('an entry: an id, a product and a quantity other than zero', () => {
    expect(stockCountEntryProblems({ entryId: 'e1', productId: 'milk', quantity: '-1' })).toEqual([]);
    expect(stockCountEntryProblems({ entryId: 'late:x', productId: 'milk', quantity: '0' })).toEqual([
      'entryId: a text of 1 to 64 characters',
      'quantity: what was counted, such as "12", or "-2" to correct a miscount',
    ]);
  });
});
