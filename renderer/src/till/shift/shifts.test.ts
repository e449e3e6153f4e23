import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSale, DEFAULT_PRICING_RULES, shiftEventProblems, type Product, type ShiftEvent, type TenderInput } from '../../../../shared/src/index.js';
import { createTillDatabase, type TillDatabase } from '../data/database.js';
import { ShiftBook } from './shifts.js';

let db: TillDatabase;
let counter = 0;
let ids = 0;
const alice = { id: 'c1', name: 'Alice' };
const store = { id: 'store-1', code: 'S1', name: 'Shop', currency: 'EUR', pricing: DEFAULT_PRICING_RULES, negativeStock: 'warn' as const };
const milk: Product = { id: 'p1', sku: 'MILK', name: 'Milk', barcodes: ['4000000000017'], unit: 'piece', taxClass: 'standard', price: '2.50', cost: '1.20', active: true, updatedAt: '2026-11-27T00:00:00.000Z' };

function book(): ShiftBook {
  return new ShiftBook(db, () => `event-${++ids}`, () => new Date('2026-11-27T08:00:00.000Z'));
}

const opening = { float: '150', cashier: alice, storeId: 'store-1', tillId: 'till-1', currency: 'EUR' };

/** A sale made during a shift, as the till's recorder would store it. */
async function sell(shiftId: string | undefined, number: number, quantity: string, payments: TenderInput[]) {
  const sale = buildSale(
    { items: [{ product: milk, quantity, taxRatePercent: '20' }], payments },
    { id: `sale-${number}`, number, store, till: { id: 'till-1', code: 'T1' }, cashier: alice, completedAt: '2026-11-27T09:00:00.000Z', ...(shiftId ? { shiftId } : {}) },
  );
  await db.sales.insert(sale);
  return sale;
}

async function stored(): Promise<ShiftEvent[]> {
  return (await db.shiftEvents.find({ sort: [{ sequence: 'asc' }] }).exec()).map((document) => document.toJSON() as ShiftEvent);
}

beforeEach(async () => {
  db = await createTillDatabase({
    name: `shifts-${process.pid}-${++counter}`,
    storage: getRxStorageMemory() as RxStorage<unknown, unknown>,
    collections: ['stores', 'sales', 'shiftEvents'],
  });
  await db.stores.insert(store);
});
afterEach(async () => {
  await db.close();
});

describe('shift book', () => {
  it('opens a shift with a counted float, refuses a second, and knows it after a restart', async () => {
    const shifts = book();
    await shifts.load();
    expect(shifts.current()).toBeUndefined();
    expect(shifts.state$.value).toEqual({ loaded: true, open: null });
    const open = await shifts.open({ ...opening, counted: [{ denomination: '50', count: 2 }, { denomination: '20', count: 2 }, { denomination: '10', count: 1 }, { denomination: '5', count: 0 }] });
    expect(open).toMatchObject({ kind: 'open', shiftId: open.id, sequence: 1, amount: '150.00', cashier: alice, currency: 'EUR' });
    // Rows counted as none are left out; the rest add up to the float.
    expect(open.counted).toEqual([{ denomination: '50', count: 2 }, { denomination: '20', count: 2 }, { denomination: '10', count: 1 }]);
    expect(shiftEventProblems(open)).toEqual([]);
    expect(shifts.current()?.id).toBe(open.id);
    await expect(shifts.open(opening)).rejects.toThrow(/already open/);

    const again = book();
    await again.load();
    expect(again.current()?.id).toBe(open.id);
    expect(await stored()).toHaveLength(1);
  });

  it('numbers after the server’s highest sequence when its own database is empty (a till restored from empty)', async () => {
    const restored = new ShiftBook(db, () => `event-${++ids}`, () => new Date('2026-11-27T08:00:00.000Z'), () => 7);
    await restored.load();
    expect((await restored.open(opening)).sequence).toBe(8);
    expect((await restored.cashIn('10', 'change', alice)).sequence).toBe(9);
  });

  it('refuses a float that disagrees with its count, or is not an amount', async () => {
    const shifts = book();
    await expect(shifts.open({ ...opening, counted: [{ denomination: '50', count: 2 }] })).rejects.toThrow(/adds up to 100, not 150/);
    await expect(shifts.open({ ...opening, float: '-5' })).rejects.toThrow(/float must be more than 0/);
    await expect(shifts.open({ ...opening, float: 'abc' })).rejects.toThrow(/float must be an amount/);
    await expect(shifts.open({ ...opening, float: '150.005' })).rejects.toThrow(/more than 2 decimals/);
    expect(await stored()).toEqual([]);
    // A float of zero is allowed: a drawer may start empty.
    await expect(shifts.open({ ...opening, float: '0' })).resolves.toMatchObject({ amount: '0.00' });
  });

  it('moves cash in and out with a reason, never without a shift, a positive amount or a reason, nor more out than the drawer holds', async () => {
    const shifts = book();
    await expect(shifts.cashIn('20', 'Change float top-up', alice)).rejects.toThrow(/no shift is open/);
    await shifts.open(opening);
    await sell(shifts.current()!.id, 1, '4', [{ tender: 'cash', tendered: '20' }]);
    await expect(shifts.cashIn('0', 'Change float top-up', alice)).rejects.toThrow(/more than 0/);
    await expect(shifts.cashOut('-10', 'Bank deposit', alice)).rejects.toThrow(/more than 0/);
    await expect(shifts.cashIn('20', '   ', alice)).rejects.toThrow(/needs a reason/);
    const topUp = await shifts.cashIn('20.00', ' Change float top-up ', alice);
    expect(topUp).toMatchObject({ kind: 'cash-in', amount: '20.00', reason: 'Change float top-up', sequence: 2, shiftId: shifts.current()!.id });
    // 150 float + 10 sold in cash + 20 in = 180 in the drawer.
    await expect(shifts.cashOut('180.01', 'Bank deposit', alice)).rejects.toThrow(/should hold 180.00/);
    const deposit = await shifts.cashOut('180', 'Bank deposit', alice);
    expect(deposit).toMatchObject({ kind: 'cash-out', amount: '180.00', sequence: 3 });
    expect((await shifts.report(deposit.shiftId)).expectedCash).toBe('0.00');
    expect((await stored()).map((event) => event.kind)).toEqual(['open', 'cash-in', 'cash-out']);
  });

  it('closes with the drawer counted: expected from the float, cash sales, returns and movements; the difference counted - expected', async () => {
    const shifts = book();
    const open = await shifts.open(opening);
    await sell(open.id, 1, '2', [{ tender: 'cash', tendered: '10' }]); // 5.00 cash
    await sell(open.id, 2, '4', [{ tender: 'card', amount: '10.00', card: { brand: 'VISA', last4: '4242' } }]); // 10.00 card
    await sell(open.id, 3, '1', [{ tender: 'card', amount: '1.00', card: { brand: 'VISA', last4: '4242' } }, { tender: 'cash', tendered: '5' }]); // 1 card + 1.50 cash
    await sell(undefined, 4, '10', [{ tender: 'cash', tendered: '25' }]); // no shift: not counted
    await shifts.cashOut('50', 'Supplier payment', alice);
    await shifts.voidCart([{ productId: 'p1', name: 'Milk', quantity: '3', gross: '7.50' }], 'Customer left', alice);

    const x = await shifts.report(open.id);
    expect(x.closedAt).toBeUndefined();
    expect(x.sales).toEqual({ count: 3, gross: '17.50' });
    expect(x.byTender).toEqual([
      { tender: 'cash', taken: '6.50', refunded: '0.00', net: '6.50' },
      { tender: 'card', taken: '11.00', refunded: '0.00', net: '11.00' },
    ]);
    expect(x.voids).toMatchObject({ carts: 1, cartsAmount: '7.50' });
    // 150 + 6.50 - 50
    expect(x.expectedCash).toBe('106.50');

    const bob = { id: 'c2', name: 'Bob' };
    const z = await shifts.close({ counted: [{ denomination: '100', count: 1 }, { denomination: '5', count: 1 }, { denomination: '1', count: 1 }, { denomination: '0.20', count: 2 }], cashier: bob });
    expect(z).toMatchObject({ expectedCash: '106.50', countedCash: '106.40', difference: '-0.10', closedBy: bob, sales: { count: 3 } });
    expect(shifts.current()).toBeUndefined();
    const close = (await stored()).at(-1)!;
    expect(close).toMatchObject({ kind: 'close', sequence: 4, shiftId: open.id, expectedCash: '106.50', countedCash: '106.40', difference: '-0.10', cashier: bob });
    expect(shiftEventProblems(close)).toEqual([]);
    // Closed: nothing more is written to it, and a new shift numbers on.
    await expect(shifts.cashIn('5', 'Change float top-up', alice)).rejects.toThrow(/no shift is open/);
    await expect(shifts.close({ counted: [], cashier: alice })).rejects.toThrow(/no shift is open/);
    const next = await shifts.open({ ...opening, float: '106.40' });
    expect(next.sequence).toBe(5);
    expect((await shifts.report(open.id)).difference).toBe('-0.10');
    const reopened = book();
    await reopened.load();
    expect(reopened.current()?.id).toBe(next.id);
  });

  it('numbers overlapping writes gaplessly, one insert each, and a refused write takes no number', async () => {
    const shifts = book();
    await shifts.open(opening);
    const writes = await Promise.allSettled([
      shifts.cashIn('1', 'Change float top-up', alice),
      shifts.cashIn('2', 'Change float top-up', alice),
      shifts.cashOut('10000', 'Bank deposit', alice),
      shifts.cashOut('3', 'Bank deposit', alice),
      shifts.voidCart([], 'nothing', alice),
      shifts.cashIn('4', 'Change float top-up', alice),
    ]);
    expect(writes.map((write) => write.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await stored()).map((event) => [event.sequence, event.amount])).toEqual([
      [1, '150.00'],
      [2, '1.00'],
      [3, '2.00'],
      [4, '3.00'],
      [5, '4.00'],
    ]);
    expect((await stored()).every((event) => shiftEventProblems(event).length === 0)).toBe(true);
  });
});
