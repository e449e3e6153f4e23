import { describe, expect, it } from 'vitest';
import type { ShiftEvent } from './schemas/index.js';
import { shiftEventProblems } from './validate.js';

const base = { storeId: 'store-1', tillId: 'till-1', at: '2026-11-27T08:00:00.000Z', cashier: { id: 'c1', name: 'Alice' }, currency: 'EUR' };
const open: ShiftEvent = { ...base, id: 'e1', shiftId: 'e1', kind: 'open', sequence: 1, amount: '150', counted: [{ denomination: '50', count: 3 }] };

describe('shift event problems (the till’s and the server’s rules)', () => {
  it('takes sound events of every kind', () => {
    expect(shiftEventProblems(open)).toEqual([]);
    expect(shiftEventProblems({ ...base, id: 'e2', shiftId: 'e1', kind: 'cash-out', sequence: 2, amount: '20', reason: 'Bank deposit' })).toEqual([]);
    expect(shiftEventProblems({ ...base, id: 'e3', shiftId: 'e1', kind: 'void', sequence: 3, lines: [{ productId: 'p1', name: 'Milk', quantity: '1', gross: '2.50' }] })).toEqual([]);
    expect(
      shiftEventProblems({ ...base, id: 'e4', shiftId: 'e1', kind: 'close', sequence: 4, counted: [{ denomination: '50', count: 2 }], expectedCash: '130.00', countedCash: '100.00', difference: '-30.00' }),
    ).toEqual([]);
  });

  it('refuses what the schema or the kind forbids, saying why', () => {
    expect(shiftEventProblems({ ...open, sequence: 0 })).toEqual([expect.stringContaining('sequence')]);
    expect(shiftEventProblems({ ...open, shiftId: 'other' })).toEqual([expect.stringContaining('shiftId must be its own id')]);
    expect(shiftEventProblems({ ...open, amount: '100' })).toEqual(['the float counted by denomination is 150, but amount says 100']);
    expect(shiftEventProblems({ ...base, id: 'e2', shiftId: 'e1', kind: 'cash-in', sequence: 2, amount: '0', reason: ' ' })).toEqual([
      'a cash-in moves more than 0 (amount is 0)',
      'a cash-in says why: reason must not be empty',
    ]);
    expect(shiftEventProblems({ ...base, id: 'e3', shiftId: 'e1', kind: 'void', sequence: 3, lines: [] })).toEqual(['a void carries the lines of the cart voided']);
    expect(
      shiftEventProblems({ ...base, id: 'e4', shiftId: 'e1', kind: 'close', sequence: 4, counted: [{ denomination: '50', count: 2 }], expectedCash: '130', countedCash: '100', difference: '30' }),
    ).toEqual(['difference is 30, but countedCash - expectedCash is -30']);
    expect(shiftEventProblems({ ...base, id: 'e4', shiftId: 'e1', kind: 'close', sequence: 4 })).toEqual([
      'close events carry counted',
      'close events carry expectedCash',
      'close events carry countedCash',
      'close events carry difference',
    ]);
  });
});
