import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { emptyMeasures, type ReportFact, type Store } from '../../../shared/src/index.js';
import { openDatabase } from '../database.js';
import { Repository } from '../repository.js';
import { SqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import { temporaryDatabaseFile } from '../testing.js';
import { customersReport } from './customers.js';
import { Reports } from './reports.js';

/**
 * The customers report lists the first `limit` of the period's customers by what they spent, how
 * often they bought (sales less returns) or how lately, ties by what they spent and then by id.
 */
let file: string;
let storage: SqliteStorage;
const store = { id: 'store-1', code: 'S1', name: 'Store 1', currency: 'EUR' } as Store;

beforeEach(async () => {
  file = temporaryDatabaseFile('kassa-customers-order-');
  storage = new SqliteStorage(openDatabase(file));
  await storage.transaction((tx) => tx.documents.putMany([{ collection: 'stores', body: store, storeId: store.id, seq: 1 }]));
  const bought = (day: string, key: string, gross: bigint, returned = false): ReportFact => ({
    storeId: store.id,
    dimension: 'customer',
    day,
    key,
    ...emptyMeasures(),
    sales: returned ? 0n : 1n,
    returns: returned ? 1n : 0n,
    gross: returned ? -gross : gross,
  });
  await storage.transaction((tx) =>
    tx.reports.add([
      // Ann: two sales, 30.00, last on the 20th. Ben: three sales and a return, 25.00, last on the 10th.
      bought('2026-11-02', 'ann', 10_0000n),
      bought('2026-11-20', 'ann', 20_0000n),
      bought('2026-11-03', 'ben', 10_0000n),
      bought('2026-11-04', 'ben', 10_0000n),
      bought('2026-11-05', 'ben', 10_0000n),
      bought('2026-11-10', 'ben', 5_0000n, true),
      // Cy: one sale of 30.00 on the 20th (as much as Ann, as late). Di: one of 5.00 on the 25th.
      bought('2026-11-20', 'cy', 30_0000n),
      bought('2026-11-25', 'di', 5_0000n),
      // Ed: two sales, 25.00 (as often as Ann, as much as Ben), last on the 1st.
      bought('2026-11-01', 'ed', 12_0000n),
      bought('2026-11-01', 'ed', 13_0000n),
    ]),
  );
});

afterEach(async () => {
  await storage.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

it('lists the first customers by spend, by how often they bought, or by how lately, ties by spend and then id', async () => {
  const reports = new Reports(new Repository(storage, () => new Date('2026-11-30T12:00:00.000Z')));
  const listed = async (order: string, limit: string) => (await customersReport(reports, [store], { from: '2026-11-01', to: '2026-11-30', order, limit })).rows.map((row) => row.customerId);
  expect(await listed('gross', '100')).toEqual(['ann', 'cy', 'ben', 'ed', 'di']);
  expect(await listed('gross', '3')).toEqual(['ann', 'cy', 'ben']);
  // Ben's return counts against him: 3 − 1 = 2, as often as Ann and Ed; then by spend and id.
  expect(await listed('sales', '4')).toEqual(['ann', 'ben', 'ed', 'cy']);
  expect(await listed('recent', '100')).toEqual(['di', 'ann', 'cy', 'ben', 'ed']);
  expect(await listed('recent', '1')).toEqual(['di']);
  const report = await customersReport(reports, [store], { from: '2026-11-01', to: '2026-11-30', limit: '2' });
  expect(report.totals.customers).toBe(5);
  expect(report.rows.map((row) => [row.customerId, row.firstDay, row.lastDay, row.daysSinceLast])).toEqual([
    ['ann', '2026-11-02', '2026-11-20', 10],
    ['cy', '2026-11-20', '2026-11-20', 10],
  ]);
});
