import pg from 'pg';
import { expect, it } from 'vitest';
import { CHAIN_STORE, emptyMeasures, type ReportFact } from '../../../../shared/src/index.js';
import { StorageUnavailableError } from '../errors.js';
import type { LedgerEntry, ReportSum } from '../port.js';
import { PostgresStorage, WRITE_LOCK_KEY } from './postgres-storage.js';
import { describeWithPostgres, withTestDatabase } from './testing.js';

/**
 * What only the PostgreSQL adapter must show, beyond the contract suite (storage/contract.test.ts):
 * write transactions of several server processes run one at a time; the sums they add wait as
 * pending rows and are folded in exactly once, before any read of them; and a database that cannot
 * be reached, or a connection lost in the middle of a transaction, is StorageUnavailableError with
 * nothing committed. On a real PostgreSQL (the test lane: KASSA_TEST_PG_URL).
 */

/** A promise and the function that settles it, to hold a transaction open at a chosen point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** What a promise rejected with; fails when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('it resolved');
    },
    (reason: unknown) => reason,
  );
}

/** One read-modify-write of a counter document: a push's "read the level, write the level after". */
async function increment(storage: PostgresStorage): Promise<void> {
  await storage.transaction(async (tx) => {
    const counter = await tx.documents.get<{ id: string; value: number }>('products', 'counter');
    // Give the other process every chance to read the same value, were the two not serialised.
    await new Promise((resolve) => setImmediate(resolve));
    const seq = await tx.sequence.allocate(1);
    await tx.documents.put({ collection: 'products', body: { id: 'counter', value: (counter?.body.value ?? 0) + 1 }, storeId: null, seq });
  });
}

/** A product's day fact: one sale of `units` thousandths, its gross ten times that. */
function productFact(storeId: string, day: string, key: string, units: bigint): ReportFact {
  return { storeId, dimension: 'product', day, key, ...emptyMeasures(), sales: 1n, quantity: units, gross: units * 10n };
}

/** A sale's ledger row of `units` thousandths, recorded on `day`. */
function saleRow(storeId: string, productId: string, day: string, units: bigint): LedgerEntry {
  return { storeId, productId, source: 'sale', documentId: null, quantity: (Number(-units) / 1000).toString(), recordedAt: `${day}T12:00:00.000Z` };
}

/** Rows pending in the two tables of pending sums. */
async function pendingRows(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(`SELECT (SELECT COUNT(*) FROM report_facts_pending) + (SELECT COUNT(*) FROM stock_ledger_sales_days_pending) AS count`);
  return Number(rows[0].count);
}

/** The quantity and gross of each group's sums (by day and key: "day key"), as text, to compare. */
function keyed(sums: ReportSum[]): Record<string, string> {
  return Object.fromEntries(sums.map((sum) => [sum.key === undefined ? sum.group : `${sum.group} ${sum.key}`, `${sum.quantity}/${sum.gross}`]));
}

await describeWithPostgres('the PostgreSQL storage', () => {
  it('adds the sums two server processes write and read at once exactly once each: days, months, the chain, and sales per product and day', () =>
    withTestDatabase(async ({ url, pool }) => {
      const processes = [await PostgresStorage.open(url, { poolSize: 4 }), await PostgresStorage.open(url, { poolSize: 4 })];
      const stores = ['store-1', 'store-2'];
      const days = ['2026-11-30', '2026-12-01', '2026-12-02'];
      const products = ['milk', 'tea', 'salt'];
      // Expected: quantity per store, day and product of everything committed.
      const committed = new Map<string, bigint>();
      const add = (key: string, units: bigint) => committed.set(key, (committed.get(key) ?? 0n) + units);
      const total = () => [...committed.values()].reduce((sum, units) => sum + units, 0n);
      let seed = 7;
      const next = (below: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % below;
      try {
        await Promise.all(
          processes.map(async (storage, process) => {
            for (let round = 0; round < 30; round++) {
              const facts: ReportFact[] = [];
              const rows: LedgerEntry[] = [];
              for (let line = 0; line < 1 + next(6); line++) {
                const [storeId, day, productId] = [stores[next(2)], days[next(3)], products[next(3)]];
                const units = BigInt(1 + next(5000));
                facts.push(productFact(storeId, day, productId, units));
                rows.push(saleRow(storeId, productId, day, units));
              }
              await storage.transaction(async (tx) => {
                await tx.reports.add(facts);
                await tx.ledger.append(rows);
              });
              for (const fact of facts) add(`${fact.storeId}|${fact.day}|${fact.key}`, fact.quantity);
              // A read sees at least everything committed before it began (either process's), and never more than was written.
              const before = total();
              const read = (await storage.reports.sums(stores, 'product', days[0], days[2], 'store')).reduce((sum, group) => sum + group.quantity, 0n);
              expect(read, `process ${process}, round ${round}`).toBeGreaterThanOrEqual(before);
              expect(read).toBeLessThanOrEqual(total() + 6n * 5000n);
            }
          }),
        );
        const [first, second] = processes;
        // Per day, store and product; per month; the chain's months; and net sales per product and day: each exactly the sum committed.
        const expectedDays: Record<string, string> = {};
        const expectedMonths = new Map<string, bigint>();
        const expectedChain = new Map<string, bigint>();
        for (const [key, units] of committed) {
          const [storeId, day, productId] = key.split('|');
          expectedDays[`${storeId}|${day}|${productId}`] = `${units}/${units * 10n}`;
          const month = `${storeId}|${day.slice(0, 7)}|${productId}`;
          expectedMonths.set(month, (expectedMonths.get(month) ?? 0n) + units);
          const chain = `${day.slice(0, 7)}|${productId}`;
          expectedChain.set(chain, (expectedChain.get(chain) ?? 0n) + units);
        }
        // Both stores together, per day and product.
        const expectedDayKeys = new Map<string, bigint>();
        for (const [key, units] of committed) {
          const [, day, productId] = key.split('|');
          expectedDayKeys.set(`${day} ${productId}`, (expectedDayKeys.get(`${day} ${productId}`) ?? 0n) + units);
        }
        expect(keyed(await first.reports.sums(stores, 'product', days[0], days[2], 'day-key'))).toEqual(Object.fromEntries([...expectedDayKeys].map(([key, units]) => [key, `${units}/${units * 10n}`])));
        for (const storeId of stores) {
          for (const day of days) {
            const sums = keyed((await second.reports.sums([storeId], 'product', day, day, 'key')));
            const expected = Object.fromEntries(Object.entries(expectedDays).filter(([key]) => key.startsWith(`${storeId}|${day}|`)).map(([key, value]) => [key.split('|')[2], value]));
            expect(sums, `${storeId} on ${day}`).toEqual(expected);
          }
          for (const month of ['2026-11', '2026-12']) {
            const sums = keyed((await first.reports.sums([storeId], 'product/month', month, month, 'key')));
            const expected = Object.fromEntries([...expectedMonths].filter(([key]) => key.startsWith(`${storeId}|${month}|`)).map(([key, units]) => [key.split('|')[2], `${units}/${units * 10n}`]));
            expect(sums, `${storeId} in ${month}`).toEqual(expected);
          }
          const sold = await second.ledger.netSales(storeId, days[0], days[2]);
          const expectedSold = new Map<string, bigint>();
          for (const [key, units] of committed) if (key.startsWith(`${storeId}|`)) expectedSold.set(key.split('|')[2], (expectedSold.get(key.split('|')[2]) ?? 0n) + units);
          expect(Object.fromEntries(sold.map((each) => [each.productId, each.total])), storeId).toEqual(Object.fromEntries([...expectedSold].map(([productId, units]) => [productId, (Number(units) / 1000).toString()])));
        }
        for (const month of ['2026-11', '2026-12']) {
          const sums = keyed((await second.reports.sums([CHAIN_STORE], 'product/month', month, month, 'key')));
          const expected = Object.fromEntries([...expectedChain].filter(([key]) => key.startsWith(`${month}|`)).map(([key, units]) => [key.split('|')[1], `${units}/${units * 10n}`]));
          expect(sums, `the chain in ${month}`).toEqual(expected);
        }
        expect(await pendingRows(pool)).toBe(0);
      } finally {
        await Promise.all(processes.map((storage) => storage.close()));
      }
    }));

  it('folds the sums a process left pending when it stopped, at the next read of any process, and in the background soon after a commit', () =>
    withTestDatabase(async ({ url, pool }) => {
      const stopped = await PostgresStorage.open(url, { poolSize: 2 });
      await stopped.transaction(async (tx) => {
        await tx.reports.add([productFact('store-1', '2026-12-01', 'milk', 2000n)]);
        await tx.ledger.append([saleRow('store-1', 'milk', '2026-12-01', 2000n)]);
      });
      // Closed before its fold was due: the rows wait, committed with the transaction.
      await stopped.close();
      expect(await pendingRows(pool)).toBe(2);
      const next = await PostgresStorage.open(url, { poolSize: 2 });
      try {
        expect(await next.ledger.netSales('store-1', '2026-12-01', '2026-12-01')).toEqual([{ productId: 'milk', total: '2', squares: '4' }]);
        expect(keyed((await next.reports.sums(['store-1'], 'product/month', '2026-12', '2026-12', 'key')))).toEqual({ milk: '2000/20000' });
        expect(await pendingRows(pool)).toBe(0);
        // With no read at all, the process that committed folds soon after.
        await next.transaction((tx) => tx.reports.add([productFact('store-1', '2026-12-02', 'milk', 1000n)]));
        const until = Date.now() + 10_000;
        while ((await pendingRows(pool)) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(await pendingRows(pool)).toBe(0);
        expect((await pool.query(`SELECT quantity FROM report_facts WHERE store_id = 'store-1' AND dimension = 'product/month' AND key = 'milk'`)).rows).toEqual([{ quantity: '3000' }]);
      } finally {
        await next.close();
      }
    }));

  it('lets a transaction read the sums it added itself', () =>
    withTestDatabase(async ({ url }) => {
      const storage = await PostgresStorage.open(url, { poolSize: 2 });
      try {
        const seen = await storage.transaction(async (tx) => {
          await tx.reports.add([productFact('store-1', '2026-12-01', 'tea', 500n)]);
          await tx.ledger.append([saleRow('store-1', 'tea', '2026-12-01', 500n)]);
          return { sums: await tx.reports.sums(['store-1'], 'product', '2026-12-01', '2026-12-01', 'key'), sold: await tx.ledger.netSales('store-1', '2026-12-01', '2026-12-01') };
        });
        expect(seen.sums.map((sum) => [sum.group, sum.quantity])).toEqual([['tea', 500n]]);
        expect(seen.sold).toEqual([{ productId: 'tea', total: '0.5', squares: '0.25' }]);
      } finally {
        await storage.close();
      }
    }));


  it('runs the write transactions of two server processes one at a time: 2 × 50 increments make 100', () =>
    withTestDatabase(async ({ url }) => {
      const processes = [await PostgresStorage.open(url, { poolSize: 5 }), await PostgresStorage.open(url, { poolSize: 5 })];
      try {
        await Promise.all(processes.flatMap((storage) => Array.from({ length: 50 }, () => increment(storage))));
        for (const storage of processes) {
          expect(await storage.documents.get('products', 'counter')).toMatchObject({ seq: 100, body: { value: 100 } });
          expect(await storage.sequence.current()).toBe(100);
        }
      } finally {
        await Promise.all(processes.map((storage) => storage.close()));
      }
    }));

  it('refuses to open a database it cannot reach with StorageUnavailableError, naming it without its password', async () => {
    const error = await rejection(PostgresStorage.open('postgres://kassa:secret@127.0.0.1:1/kassa', { connectTimeoutMs: 2_000 }));
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toContain('postgres://kassa:***@127.0.0.1:1/kassa');
    expect((error as Error).message).not.toContain('secret');
  });

  it('rejects a transaction whose connection is lost with StorageUnavailableError, commits none of it, and works again afterwards', () =>
    withTestDatabase(async ({ url, connect }) => {
      const storage = await PostgresStorage.open(url, { poolSize: 3, onIdleError: () => undefined });
      const admin = connect({ max: 1 });
      try {
        await storage.transaction(async (tx) => {
          const seq = await tx.sequence.allocate(1);
          await tx.documents.put({ collection: 'products', body: { id: 'p-before' }, storeId: null, seq });
        });

        const halfway = gate();
        const killed = gate();
        const transaction = rejection(storage.transaction(async (tx) => {
          const seq = await tx.sequence.allocate(2);
          await tx.documents.put({ collection: 'products', body: { id: 'p-lost' }, storeId: null, seq });
          halfway.open();
          await killed.opened;
          await tx.documents.put({ collection: 'products', body: { id: 'p-lost-too' }, storeId: null, seq: seq + 1 });
        }));
        await halfway.opened;
        // The transaction's connection is the one waiting inside a transaction (while `work` awaits).
        const { rows } = await admin.query<{ terminated: boolean }>(
          `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'`,
        );
        expect(rows).toEqual([{ terminated: true }]);
        // Let the client hear of it before `work` goes on (it would hear of it at its next statement anyway).
        await new Promise((resolve) => setTimeout(resolve, 100));
        killed.open();

        const error = await transaction;
        expect(error).toBeInstanceOf(StorageUnavailableError);
        expect((error as Error).message).toContain(url);

        expect(await storage.documents.get('products', 'p-lost')).toBeUndefined();
        expect(await storage.documents.get('products', 'p-lost-too')).toBeUndefined();
        expect(await storage.sequence.current()).toBe(1);
        // The storage takes the next transaction on a healthy connection; the lost numbers are never seen.
        expect(await storage.transaction(async (tx) => tx.sequence.allocate(1))).toBe(2);
        expect(await storage.documents.get('products', 'p-before')).toMatchObject({ seq: 1 });
      } finally {
        await storage.close();
      }
    }));

  it('rejects a transaction, and a read, whose connection is lost while a statement runs', () =>
    withTestDatabase(async ({ url, connect }) => {
      const storage = await PostgresStorage.open(url, { poolSize: 3, onIdleError: () => undefined });
      const admin = connect({ max: 2 });
      try {
        // A lock held from another connection keeps the storage's statement waiting, the moment to end its connection.
        const holder = await admin.connect();
        const terminateWaiting = async () => {
          for (let attempt = 0; ; attempt += 1) {
            const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
            if (rows.length === 1) {
              await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
              return;
            }
            if (attempt > 100) throw new Error('the statement never waited for the lock');
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        try {
          // The write lock: the transaction's first statement waits for it.
          await holder.query('BEGIN');
          await holder.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
          // What it rejects with is taken at once: it may reject while the test still waits on the admin connection.
          const transaction = rejection(storage.transaction(async (tx) => tx.sequence.allocate(1)));
          await terminateWaiting();
          expect(await transaction).toBeInstanceOf(StorageUnavailableError);
          await holder.query('ROLLBACK');

          // A table locked whole: a read outside a transaction waits for it.
          await holder.query('BEGIN');
          await holder.query('LOCK TABLE documents IN ACCESS EXCLUSIVE MODE');
          const read = rejection(storage.documents.pullJson('products', { id: 'till-1', storeId: 'store-1' }, null, 10));
          await terminateWaiting();
          expect(await read).toBeInstanceOf(StorageUnavailableError);
          await holder.query('ROLLBACK');
        } finally {
          holder.release();
        }
        expect(await storage.sequence.current()).toBe(0);
        expect(await storage.documents.pullJson('products', { id: 'till-1', storeId: 'store-1' }, null, 10)).toBe('{"documents":[],"checkpoint":null}');
        expect(await storage.transaction(async (tx) => tx.sequence.allocate(1))).toBe(1);
      } finally {
        await storage.close();
      }
    }));

  it('commits nothing of a transaction in which a statement failed, even when work caught the failure', () =>
    withTestDatabase(async ({ url }) => {
      const storage = await PostgresStorage.open(url, { poolSize: 2 });
      try {
        const device = { id: 'device-1', tillId: 'till-1', credentialHash: 'hash-1', pairedAt: '2026-12-06T08:00:00.000Z' };
        const transaction = storage.transaction(async (tx) => {
          const seq = await tx.sequence.allocate(1);
          await tx.documents.put({ collection: 'products', body: { id: 'p-1' }, storeId: null, seq });
          await tx.devices.addDevice(device);
          // The same device again breaks the primary key; work shrugs it off.
          await tx.devices.addDevice(device).catch(() => undefined);
        });
        expect(await rejection(transaction)).toMatchObject({ message: expect.stringMatching(/rolled all of it back/) });
        expect(await storage.documents.get('products', 'p-1')).toBeUndefined();
        expect(await storage.devices.byCredential('hash-1')).toBeUndefined();
        // A statement error is passed on as pg gave it, not as unavailable.
        const unique = await rejection(storage.transaction(async (tx) => {
          await tx.devices.addDevice(device);
          await tx.devices.addDevice(device);
        }));
        expect(unique).toBeInstanceOf(pg.DatabaseError);
        expect(unique).toMatchObject({ code: '23505' });
      } finally {
        await storage.close();
      }
    }));
});
