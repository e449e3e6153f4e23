import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TillCollectionName } from '../../renderer/src/till/data/database.js';
import { ShiftBook } from '../../renderer/src/till/shift/shifts.js';
import { dec, type Sale, type ShiftDetail, type ShiftEvent, type ShiftReport } from '../../shared/src/index.js';
import { startServer, TEST_OFFICE_KEY, type RunningServer } from '../../sync-server/src/testing.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';
import { Shifts } from '../../sync-server/src/shifts/shifts.js';

/**
 * A till's cash session kept while the server is down: the shift events wait on the till and reach
 * the server once it is back, each stored once (also when pushed again from scratch), and head
 * office's Z report of the shift, computed by the server, agrees with the till's.
 */
const EVERY_COLLECTION: readonly TillCollectionName[] = ['stores', 'taxClasses', 'products', 'tills', 'stockLevels', 'refusals', 'cashiers', 'sales', 'shiftEvents', 'customers'];
const alice = { id: 'cashier-1', name: 'Alice' };

let server: RunningServer;
const tills: NodeTill[] = [];

beforeEach(async () => {
  server = await startServer({ products: 12 });
});
afterEach(async () => {
  for (const opened of tills.splice(0)) await opened.close();
  await server.stop().catch(() => undefined);
});

async function officeShift(shiftId: string): Promise<ShiftDetail> {
  const response = await fetch(`${server.url}/api/office/shifts/${shiftId}`, { headers: { authorization: `Bearer ${TEST_OFFICE_KEY}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as ShiftDetail;
}

async function eventsHeld(shiftId: string): Promise<number> {
  return (await new Shifts(server.repository).detail(shiftId))?.events.length ?? 0;
}

describe('shift events with the real replication client', () => {
  it('keeps a shift made offline on the till and pushes its events once when the server is back; the office Z report agrees', async () => {
    const till = await openNodeTill({ serverUrl: server.url, tillId: 'till-1', tillCode: 'T1', collections: EVERY_COLLECTION });
    tills.push(till);
    await till.sync.awaitInitialReplication();
    await eventually(() => expect(till.catalog.store).toBeDefined());
    const shifts = new ShiftBook(till.db);
    await shifts.load();

    const { file, port } = server;
    await server.stop();
    const open = await shifts.open({
      float: '100',
      counted: [{ denomination: '50', count: 1 }, { denomination: '20', count: 2 }, { denomination: '5', count: 2 }],
      cashier: alice,
      storeId: 'store-1',
      tillId: 'till-1',
      currency: till.catalog.store!.currency,
    });
    const store = till.catalog.store!;
    const context = { store, till: { id: 'till-1', code: 'T1' }, cashier: alice, shiftId: open.id, serverLastNumber: () => till.catalog.till?.lastNumber ?? 0 };
    const item = (productId: string, quantity: string) => {
      const product = till.catalog.product(productId)!;
      return { product, quantity, taxRatePercent: till.catalog.taxRatePercent(product)! };
    };
    const first: Sale = await till.recorder.completeCashSale([item('p-000001', '2')], '100', context);
    const second: Sale = await till.recorder.completeCashSale([item('p-000002', '1'), item('p-000003', '3')], '100', context);
    await shifts.cashOut('30', 'Bank deposit', alice);
    const x = await shifts.report(open.id);
    // Two coins short of what the drawer should hold.
    const cents = dec(x.expectedCash).minus('0.10').mul(100).toNumber();
    const z: ShiftReport = await shifts.close({ counted: [{ denomination: '0.01', count: cents }], cashier: alice });
    expect(z.difference).toBe('-0.10');
    expect(z.sales.count).toBe(2);
    expect(z.sales.gross).toBe((Number(first.totals.gross) + Number(second.totals.gross)).toFixed(2));

    server = await startServer({ file, port });
    await eventually(async () => expect(await eventsHeld(open.id)).toBe(3));
    await eventually(async () => expect((await officeShift(open.id)).sales).toHaveLength(2));
    const office = await officeShift(open.id);
    expect(office.shift).toMatchObject({ status: 'closed', float: '100.00', expectedCash: z.expectedCash, countedCash: z.countedCash, difference: '-0.10' });
    expect(office.report).toMatchObject({
      expectedCash: z.expectedCash,
      countedCash: z.countedCash,
      difference: z.difference,
      sales: z.sales,
      byTender: z.byTender,
      cashOut: '30.00',
    });
    expect(office.discrepancies).toEqual([]);
    expect(office.events.map((event: ShiftEvent) => [event.sequence, event.kind])).toEqual([
      [1, 'open'],
      [2, 'cash-out'],
      [3, 'close'],
    ]);

    // Sent again (as the sync panel's Send again does): taken as the same events, stored once, the report unchanged.
    const ids = (await till.db.shiftEvents.find().exec()).map((document) => document.id);
    expect(await till.sync.resend(ids)).toEqual([]);
    expect(await eventsHeld(open.id)).toBe(3);
    expect((await officeShift(open.id)).report).toEqual(office.report);
  });
});
