import { describe, expect, it, vi } from 'vitest';
import type { CollectionName } from '../../../shared/src/index.js';
import { describeWithPostgres, withTestDatabase, type TestDatabase } from '../storage/postgres/testing.js';
import { EVERY_COLLECTION, type Changes } from './change-feed.js';
import { notificationPayloads, parseNotification, PAYLOAD_LIMIT_BYTES, PostgresChangeFeed } from './postgres-change-feed.js';

/**
 * The change feed across server processes: two PostgresChangeFeeds on one database stand for two
 * server processes, each with its own listening connection, on a real PostgreSQL (the test lane:
 * KASSA_TEST_PG_URL).
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one subscriber heard, each message's collections sorted. */
function heard(feed: PostgresChangeFeed, storeId: string): CollectionName[][] {
  const messages: CollectionName[][] = [];
  feed.subscribe(storeId, (collections) => messages.push([...collections].sort()));
  return messages;
}

/** Two "processes" on the test database, closed (before the database is dropped) when `work` ends. */
async function withTwoProcesses(
  work: (a: PostgresChangeFeed, b: PostgresChangeFeed, database: TestDatabase, problems: string[]) => Promise<void>,
  reconnectDelay = { firstMs: 50, mostMs: 500 },
): Promise<void> {
  await withTestDatabase(async (database) => {
    const problems: string[] = [];
    const open = () => PostgresChangeFeed.open({ connection: { connectionString: database.url }, reconnectDelay, onError: (error) => problems.push(error.message) });
    const a = await open();
    const b = await open();
    try {
      await work(a, b, database, problems);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
}

async function terminate(database: TestDatabase, pid: number | undefined): Promise<void> {
  expect(pid).toBeTypeOf('number');
  const { rows } = await database.pool.query<{ done: boolean }>('SELECT pg_terminate_backend($1) AS done', [pid]);
  expect(rows[0]?.done).toBe(true);
}

await describeWithPostgres('PostgresChangeFeed', () => {
  it("tells a subscriber on another process of its store's change, and not of another store's", () =>
    withTwoProcesses(async (a, b) => {
      const north = heard(b, 'north');
      const south = heard(b, 'south');

      a.notify('north', ['stockLevels', 'tills']);

      await vi.waitFor(() => expect(north).toEqual([['stockLevels', 'tills']]));
      // Both stores' messages leave in the same delivery, so south has had its chance.
      await sleep(50);
      expect(south).toEqual([]);
    }));

  it("tells every store's subscribers, on every process, of a chain-wide change", () =>
    withTwoProcesses(async (a, b) => {
      const northOnA = heard(a, 'north');
      const northOnB = heard(b, 'north');
      const southOnB = heard(b, 'south');

      a.notify(null, ['products']);

      await vi.waitFor(() => {
        expect(northOnA).toEqual([['products']]);
        expect(northOnB).toEqual([['products']]);
        expect(southOnB).toEqual([['products']]);
      });
    }));

  it('sends a burst of 100 changes within 25 ms to another process as one message', () =>
    withTwoProcesses(async (a, b) => {
      const north = heard(b, 'north');

      for (let push = 0; push < 100; push++) a.notify('north', push % 2 === 0 ? ['stockLevels', 'tills'] : ['stockLevels', 'refusals']);

      await vi.waitFor(() => expect(north.flat()).toContain('refusals'));
      await sleep(100);
      expect(north).toEqual([['refusals', 'stockLevels', 'tills']]);
    }));

  it("tells a process's own subscribers of its own change once: at once, and not again by the echo", () =>
    withTwoProcesses(async (a, b) => {
      const onA = heard(a, 'north');
      const onB = heard(b, 'north');

      a.notify('north', ['sales']);

      await vi.waitFor(() => expect(onB).toEqual([['sales']]));
      // A's echo reached A when B's copy reached B; give it time to be (wrongly) delivered.
      await sleep(100);
      expect(onA).toEqual([['sales']]);
    }));

  it('reaches subscribers on other processes with the changes of many stores in one window, each notification under the payload limit', () =>
    withTwoProcesses(async (a, b) => {
      const stores = Array.from({ length: 300 }, (_, index) => `store-${String(index).padStart(4, '0')}-${'x'.repeat(50)}`);
      const heardBy = new Map(stores.map((store) => [store, heard(b, store)]));

      for (const store of stores) a.notify(store, ['stockLevels', 'tills', 'refusals', 'customers']);

      await vi.waitFor(() => {
        for (const store of stores) expect(heardBy.get(store), store).toEqual([['customers', 'refusals', 'stockLevels', 'tills']]);
      });
    }));

  it('listens again after its connection is killed, tells its subscribers everything may have changed, and hears later changes', () =>
    withTwoProcesses(async (a, b, database, problems) => {
      const north = heard(b, 'north');
      const south = heard(b, 'south');
      const killed = b.listenerPid;

      await terminate(database, killed);

      const everything = [...EVERY_COLLECTION].sort();
      await vi.waitFor(() => {
        expect(north).toEqual([everything]);
        expect(south).toEqual([everything]);
      });
      expect(b.listenerPid).not.toBe(killed);
      expect(problems.some((problem) => problem.startsWith('lost the listening connection'))).toBe(true);

      a.notify('north', ['sales']);
      await vi.waitFor(() => expect(north).toEqual([everything, ['sales']]));
      expect(south).toEqual([everything]);
    }));

  it("keeps a process's changes while its connection is down: its own subscribers hear them at once, the others once it is back", () =>
    withTwoProcesses(
      async (a, b, database) => {
        const onA = heard(a, 'north');
        const onB = heard(b, 'north');

        await terminate(database, a.listenerPid);
        await vi.waitFor(() => expect(a.listenerPid).toBeUndefined());
        a.notify('north', ['sales']);

        await vi.waitFor(() => expect(onA).toEqual([['sales']]));
        expect(onB).toEqual([]);
        // Back after the reconnect delay (0.5 to 1 s): A's subscribers are told everything, B hears the sale.
        await vi.waitFor(() => expect(onB).toEqual([['sales']]), { timeout: 5_000 });
        expect(onA).toEqual([['sales'], [...EVERY_COLLECTION].sort()]);
      },
      { firstMs: 1_000, mostMs: 1_000 },
    ));

  it('sends what was announced in its last window when it closes', () =>
    withTestDatabase(async (database) => {
      const open = () => PostgresChangeFeed.open({ connection: { connectionString: database.url } });
      const a = await open();
      const b = await open();
      const north = heard(b, 'north');

      a.notify('north', ['cashiers']);
      await a.close();

      await vi.waitFor(() => expect(north).toEqual([['cashiers']]));
      await b.close();
    }));

  it('refuses to start when the database cannot be reached', async () => {
    const unreachable = PostgresChangeFeed.open({ connection: { connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 1_000 } });
    await expect(unreachable).rejects.toThrow();
  });
});

describe('change feed notifications', () => {
  function changesOf(entries: [string | null, CollectionName[]][]): Changes {
    return new Map(entries.map(([store, collections]) => [store, new Set(collections)]));
  }

  it('carry every change, in notifications under the payload limit', () => {
    const changes = changesOf([[null, ['products', 'taxClasses']], ...Array.from({ length: 500 }, (_, index): [string, CollectionName[]] => [`store-${index}-${'é'.repeat(30)}`, ['stockLevels', 'tills']])]);

    const payloads = notificationPayloads('origin-1', changes);

    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const readBack = payloads.flatMap((payload) => parseNotification(payload)?.changes ?? []);
    expect(readBack).toEqual([...changes].map(([store, collections]) => [store, [...collections]]));
    expect(payloads.every((payload) => parseNotification(payload)?.origin === 'origin-1')).toBe(true);
  });

  it('are not sent for an empty window', () => {
    expect(notificationPayloads('origin-1', new Map())).toEqual([]);
  });

  it('read back as nothing when they are not ours, and without collections the server does not know', () => {
    expect(parseNotification(undefined)).toBeUndefined();
    expect(parseNotification('hello')).toBeUndefined();
    expect(parseNotification('{"origin":1,"changes":[]}')).toBeUndefined();
    expect(parseNotification('{"origin":"o","changes":[["north"]]}')).toBeUndefined();
    expect(parseNotification('{"origin":"o","changes":[[7,["sales"]]]}')).toBeUndefined();
    expect(parseNotification('{"origin":"o","changes":[["north",["sales","dragons"]],[null,["products"]]]}')).toEqual({
      origin: 'o',
      changes: [
        ['north', ['sales']],
        [null, ['products']],
      ],
    });
  });
});
