import pg from 'pg';
import { expect, it } from 'vitest';
import { StorageUnavailableError } from '../errors.js';
import { PostgresStorage, WRITE_LOCK_KEY } from './postgres-storage.js';
import { describeWithPostgres, withTestDatabase } from './testing.js';

/**
 * What only the PostgreSQL adapter must show, beyond the contract suite (storage/contract.test.ts):
 * write transactions of several server processes run one at a time, and a database that cannot be
 * reached, or a connection lost in the middle of a transaction, is StorageUnavailableError with
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

await describeWithPostgres('the PostgreSQL storage', () => {
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
