import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMeasures, type ReportDimension, type ReportFact } from '../../../shared/src/index.js';
import { openDatabase } from '../database.js';
import { Repository } from '../repository.js';
import type { ReportSum, StoragePort } from '../storage/port.js';
import { PostgresStorage } from '../storage/postgres/postgres-storage.js';
import { createTestDatabase, describeWithPostgres } from '../storage/postgres/testing.js';
import { SqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import { temporaryDatabaseFile } from '../testing.js';
import { chainSumsByKeyPays, customerSumsByKeyPays } from '../storage/sqlite/sqlite-storage.js';
import { monthRests, Reports } from './reports.js';

/**
 * A monthly dimension's sums over a span (Reports.sums) are the sums of its facts of the span's days,
 * however they are read: whole months from month sums, the days at either end from day sums, and a
 * month at either end whose other days hold nothing from its month sums too. On each database.
 */
describe('reading sums in key order on SQLite', () => {
  it('pays for the chain’s months when the span holds at least a third of the months held', () => {
    expect(chainSumsByKeyPays('2026-01', '2026-12', '2026-01', '2026-04')).toBe(true);
    expect(chainSumsByKeyPays('2026-01', '2026-12', '2026-02', '2026-04')).toBe(false);
    // Only the months held count: a span past them holds only theirs.
    expect(chainSumsByKeyPays('2026-01', '2026-12', '2025-06', '2026-03')).toBe(false);
    expect(chainSumsByKeyPays('2025-11', '2026-02', '2026-01', '2027-06')).toBe(true);
  });

  it('pays for the customers’ facts when the span holds at least a third of the store-days held', () => {
    const held = { stores: 3, first: '2026-01-01', last: '2026-01-30' };
    expect(customerSumsByKeyPays(held, 3, '2026-01-01', '2026-01-10')).toBe(true);
    expect(customerSumsByKeyPays(held, 3, '2026-01-01', '2026-01-09')).toBe(false);
    expect(customerSumsByKeyPays(held, 1, '2025-01-01', '2026-12-31')).toBe(true);
    expect(customerSumsByKeyPays(held, 2, '2026-01-01', '2026-01-14')).toBe(false);
    expect(customerSumsByKeyPays(held, 2, '2026-01-01', '2026-01-15')).toBe(true);
    // Stores named that hold nothing count no more than the stores there are.
    expect(customerSumsByKeyPays(held, 9, '2026-01-01', '2026-01-09')).toBe(false);
    // A span outside the days held reads none of them.
    expect(customerSumsByKeyPays(held, 3, '2026-02-01', '2026-12-31')).toBe(false);
  });
});

describe('the days outside a span in its first and last months', () => {
  it('run from the first of its first month to the day before it, and from the day after it to the end of its last month', () => {
    expect(monthRests('2026-11-09', '2026-12-08')).toEqual({ before: { from: '2026-11-01', to: '2026-11-08' }, after: { from: '2026-12-09', to: '2026-12-31' } });
    expect(monthRests('2026-02-01', '2026-02-28')).toEqual({ before: null, after: null });
    expect(monthRests('2024-02-02', '2024-02-28')).toEqual({ before: { from: '2024-02-01', to: '2024-02-01' }, after: { from: '2024-02-29', to: '2024-02-29' } });
    expect(monthRests('2026-12-31', '2026-12-31')).toEqual({ before: { from: '2026-12-01', to: '2026-12-30' }, after: null });
  });
});

const adapters: { name: string; lane: (name: string, body: () => void) => void | Promise<void>; open: () => Promise<{ storage: StoragePort; remove: () => Promise<void> }> }[] = [
  {
    name: 'SQLite',
    lane: (name, body) => {
      describe(name, body);
    },
    async open() {
      const file = temporaryDatabaseFile('kassa-month-sums-');
      const storage = new SqliteStorage(openDatabase(file));
      return {
        storage,
        async remove() {
          await storage.close();
          fs.rmSync(path.dirname(file), { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    lane: describeWithPostgres,
    async open() {
      const database = await createTestDatabase();
      const storage = await PostgresStorage.open(database.url, { poolSize: 4 });
      return {
        storage,
        async remove() {
          await storage.close();
          await database.drop();
        },
      };
    },
  },
];

for (const adapter of adapters) {
  await adapter.lane(`a monthly dimension's sums over a span, on ${adapter.name}`, () => {
    let opened: Awaited<ReturnType<(typeof adapters)[number]['open']>>;
    let storage: StoragePort;
    beforeEach(async () => {
      opened = await adapter.open();
      storage = opened.storage;
      await storage.transaction((tx) =>
        tx.documents.putMany(
          ['store-1', 'store-2'].map((id, index) => ({ collection: 'stores', body: { id, code: `S${index + 1}`, name: `Store ${index + 1}`, currency: 'EUR' }, storeId: id, seq: index + 1 })),
        ),
      );
    });
    afterEach(() => opened.remove());

    const fact = (storeId: string, day: string, key: string, quantity: bigint, dimension: ReportDimension = 'product'): ReportFact => ({ storeId, dimension, day, key, ...emptyMeasures(), sales: 1n, quantity, gross: quantity * 2n });
    const add = (facts: ReportFact[]) => storage.transaction((tx) => tx.reports.add(facts));
    /** Per key: how many facts, the units, the gross; and whether each key's figures came from month sums alone. */
    const shown = (sums: readonly ReportSum[]) => {
      const byKey = new Map<string, { sales: bigint; quantity: bigint; gross: bigint; months: boolean }>();
      for (const sum of sums) {
        const found = byKey.get(sum.group) ?? { sales: 0n, quantity: 0n, gross: 0n, months: true };
        byKey.set(sum.group, { sales: found.sales + sum.sales, quantity: found.quantity + sum.quantity, gross: found.gross + sum.gross, months: found.months && sum.firstDay.length === 7 });
      }
      return Object.fromEntries([...byKey].sort(([a], [b]) => a.localeCompare(b)));
    };
    const figures = (sums: readonly ReportSum[]) => Object.fromEntries(Object.entries(shown(sums)).map(([key, { months: _months, ...rest }]) => [key, rest]));
    /** The truth: the facts of the span's days, summed. */
    const ofDays = (storeIds: string[], dimension: ReportDimension, from: string, to: string) => storage.reports.sums(storeIds, dimension, from, to, 'key');

    it('reads the month still running and the month the history starts in from their month sums, and a month with days outside the span from its days', async () => {
      await add([
        // The history starts on 2025-12-05; the last 30 days run from 2026-11-09 to 2026-12-08.
        fact('store-1', '2025-12-05', 'milk', 1000n),
        fact('store-2', '2025-12-20', 'tea', 2000n),
        fact('store-1', '2026-06-10', 'milk', 4000n),
        fact('store-1', '2026-11-03', 'milk', 8000n),
        fact('store-2', '2026-11-10', 'tea', 16000n),
        fact('store-1', '2026-11-30', 'jam', 32000n),
        fact('store-2', '2026-12-01', 'milk', 64000n),
        fact('store-1', '2026-12-08', 'tea', 128000n),
        fact('store-1', '2026-12-08', 'bread', 3000n, 'category'),
      ]);
      const reports = new Reports(new Repository(storage));
      for (const stores of [['store-1'], ['store-2'], ['store-1', 'store-2']]) {
        for (const [from, to] of [
          ['2025-12-05', '2026-12-08'],
          ['2026-11-09', '2026-12-08'],
          ['2026-12-01', '2026-12-08'],
          ['2026-12-08', '2026-12-08'],
          ['2026-11-04', '2026-11-30'],
          ['2025-12-06', '2026-11-02'],
          ['2026-01-01', '2026-12-31'],
        ]) {
          expect(figures(await reports.sums(stores, 'product', from, to, 'key')), `${stores} ${from}–${to}`).toEqual(figures(await ofDays(stores, 'product', from, to)));
        }
      }
      const both = ['store-1', 'store-2'];
      // Two years to today: every month from month sums (the chain's), none of it read by days.
      expect(shown(await reports.sums(both, 'product', '2025-12-05', '2026-12-08', 'key'))).toEqual({
        jam: { sales: 1n, quantity: 32000n, gross: 64000n, months: true },
        milk: { sales: 4n, quantity: 77000n, gross: 154000n, months: true },
        tea: { sales: 3n, quantity: 146000n, gross: 292000n, months: true },
      });
      // The last 30 days: November's days after the 8th (milk sold on the 3rd), December's month sums.
      expect(shown(await reports.sums(both, 'product', '2026-11-09', '2026-12-08', 'key'))).toEqual({
        jam: { sales: 1n, quantity: 32000n, gross: 64000n, months: false },
        milk: { sales: 1n, quantity: 64000n, gross: 128000n, months: true },
        tea: { sales: 2n, quantity: 144000n, gross: 288000n, months: false },
      });
      // One day, the others of its month holding sales (store 2's milk on the 1st): read by the day.
      expect(shown(await reports.sums(both, 'product', '2026-12-08', '2026-12-08', 'key'))).toEqual({ tea: { sales: 1n, quantity: 128000n, gross: 256000n, months: false } });
      // In store 1 alone, December holds nothing before the 8th: its month sums.
      expect(shown(await reports.sums(['store-1'], 'product', '2026-12-08', '2026-12-08', 'key'))).toEqual({ tea: { sales: 1n, quantity: 128000n, gross: 256000n, months: true } });
      // In store 2 alone, December's first day is all December holds so far: its month sums.
      expect(shown(await reports.sums(['store-2'], 'product', '2026-12-01', '2026-12-01', 'key'))).toEqual({ milk: { sales: 1n, quantity: 64000n, gross: 128000n, months: true } });
      // The other dimensions keep their own facts: the category's of the day.
      expect(shown(await reports.sums(['store-1'], 'category', '2026-12-02', '2026-12-08', 'key'))).toEqual({ bread: { sales: 1n, quantity: 3000n, gross: 6000n, months: true } });
    });

    it('reads the span by its days when a fact comes to the days outside it as the month sums are read', async () => {
      await add([fact('store-1', '2026-12-10', 'milk', 1000n), fact('store-1', '2026-12-12', 'milk', 2000n)]);
      // A storage that, as the month sums are asked for, takes a late offline sale dated in the days
      // outside the span (the days asked about just before held nothing): the month sums read hold it.
      const arriving = (day: string) => {
        let arrived = false;
        const reports = storage.reports;
        const late = new Proxy(storage, {
          get(target, property, receiver) {
            if (property !== 'reports') return Reflect.get(target, property, receiver) as unknown;
            return {
              ...reports,
              async sums(...args: Parameters<StoragePort['reports']['sums']>) {
                if (args[1] === 'product/month' && !arrived) {
                  arrived = true;
                  await add([fact('store-1', day, 'milk', 4000n)]);
                }
                return reports.sums(...args);
              },
            };
          },
        });
        return { reports: new Reports(new Repository(late)), arrived: () => arrived };
      };
      // After the span (a till's clock days ahead), and before it (the 20th's sale now in the span).
      for (const [from, to, day, sales, quantity] of [
        ['2026-12-01', '2026-12-15', '2026-12-20', 2n, 3000n],
        ['2026-12-08', '2026-12-31', '2026-12-03', 3n, 7000n],
      ] as const) {
        const { reports, arrived } = arriving(day);
        const sums = await reports.sums(['store-1'], 'product', from, to, 'key');
        expect(arrived(), `${from}–${to}`).toBe(true);
        expect(shown(sums), `${from}–${to}`).toEqual({ milk: { sales, quantity, gross: quantity * 2n, months: false } });
      }
    });

    it('tells whether the stores hold a fact of the dimension over the days, both days included', async () => {
      await add([fact('store-1', '2026-12-10', 'milk', 1000n), fact('store-2', '2026-12-20', 'cheese', 1000n, 'category')]);
      expect(await storage.reports.held(['store-1'], 'product', '2026-12-10', '2026-12-10')).toBe(true);
      expect(await storage.reports.held(['store-1', 'store-2'], 'product', '2026-12-01', '2026-12-09')).toBe(false);
      expect(await storage.reports.held(['store-1', 'store-2'], 'product', '2026-12-11', '2026-12-31')).toBe(false);
      expect(await storage.reports.held(['store-2'], 'product', '2026-12-01', '2026-12-31')).toBe(false);
      expect(await storage.reports.held(['store-2'], 'category', '2026-12-01', '2026-12-31')).toBe(true);
      expect(await storage.reports.held(['store-1'], 'product/month', '2026-12', '2026-12')).toBe(true);
      expect(await storage.reports.held([], 'product', '2026-01-01', '2026-12-31')).toBe(false);
    });
  });
}
