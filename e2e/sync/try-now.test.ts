import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Product } from '../../shared/src/index.js';
import { fetchEventStream } from '../../renderer/src/till/sync/event-stream.js';
import { DEMO_STORE_ID } from '../../sync-server/src/demo.js';
import { startServer, type RunningServer } from '../../sync-server/src/testing.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';
import { Sales } from '../../sync-server/src/sales/sales.js';

/**
 * "Try now" in the sync panel: the till reaches the server at once instead of waiting out its
 * backoff (which grows to minutes while the server stays away) and its event stream's slow
 * reconnect. The till's real data layer and RxDB replication against a real server on 127.0.0.1;
 * the network between them is a cable the test pulls and plugs back in.
 */
let server: RunningServer;
const tills: NodeTill[] = [];

beforeEach(async () => {
  server = await startServer({ products: 10 });
});
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
  await server.stop().catch(() => undefined);
});

/** A network the test can unplug: requests fail at once, and those under way (the event stream) drop. */
function cable() {
  let plugged = true;
  let cut = new AbortController();
  const pushes: number[] = [];
  const network: typeof fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/push')) pushes.push(performance.now());
    if (!plugged) return Promise.reject(new TypeError('fetch failed: the cable is out'));
    const signals = [cut.signal, ...(init?.signal ? [init.signal] : [])];
    return fetch(input, { ...init, signal: AbortSignal.any(signals) });
  };
  return {
    network,
    /** Times of every push the till tried, sent or not. */
    pushes,
    unplug() {
      plugged = false;
      cut.abort(new TypeError('the cable was pulled'));
      cut = new AbortController();
    },
    plug() {
      plugged = true;
    },
  };
}

/**
 * A till as at a real counter, but with its waits made measurable: retries start at 200 ms and
 * double up to two minutes, and its event stream waits a minute before it reconnects, so nothing
 * but Try now brings it back within seconds.
 */
async function counterTill(network: typeof fetch): Promise<NodeTill> {
  const till = await openNodeTill({
    serverUrl: server.url,
    tillId: 'till-1',
    tillCode: 'T1',
    fetch: network,
    sync: { retryMs: 200, maxRetryMs: 120_000, openEventStream: fetchEventStream(network, 60_000) },
  });
  tills.push(till);
  await till.sync.awaitInitialReplication();
  await eventually(() => expect(till.catalog.store).toBeDefined());
  await eventually(() => expect(till.sync.status$.value.online).toBe(true));
  // Idle before the cable is pulled: a pull cut mid-way would add its own failures to the backoff.
  await till.sync.awaitInSync();
  return till;
}

it('sends a waiting sale and reopens the event stream at once, where the backoff would wait seconds more', async () => {
  const line = cable();
  const till = await counterTill(line.network);
  const before = till.sync.status$.value.lastContactAt!;

  line.unplug();
  await eventually(() => expect(till.sync.status$.value.online).toBe(false));
  const sale = await till.sell([['p-000003', '2']]);
  // Five pushes failed in a row: the next waits at least 200 ms + 0.75 x (200 x 2^4 - 200) = 2.45 s.
  await eventually(() => expect(line.pushes.length).toBeGreaterThanOrEqual(5), 15_000);
  const fifth = line.pushes[4];
  line.plug();

  const status = await till.sync.tryNow();
  expect(status.online).toBe(true);
  expect(status.lastContactAt! > before).toBe(true);
  // Taken by the server well before the backoff would have let the push try again.
  await eventually(async () => expect((await new Sales(server.repository).byReceipt(DEMO_STORE_ID, sale.receiptNumber))?.sale.id).toBe(sale.id), 1200);
  expect(performance.now() - fifth).toBeLessThan(2450);

  // The stream is open again (on its own it would wait a minute): a price head office changes arrives live.
  const product = (await server.repository.getDocument<Product>('products', 'p-000004'))!;
  await server.repository.putDocument('products', { ...product, price: '77.70' }, null);
  server.feed.notify(DEMO_STORE_ID, ['products']);
  await eventually(() => expect(till.catalog.product('p-000004')?.price).toBe('77.70'), 3000);
});

it('answers at once that the server is still away, keeping the time it last answered', async () => {
  const line = cable();
  const till = await counterTill(line.network);
  line.unplug();
  await eventually(() => expect(till.sync.status$.value.online).toBe(false));
  const lastContact = till.sync.status$.value.lastContactAt;

  const asked = performance.now();
  const status = await till.sync.tryNow();
  expect(performance.now() - asked).toBeLessThan(1000);
  expect(status).toMatchObject({ online: false, lastContactAt: lastContact, lastError: 'server not reachable' });

  // Plugged back in, a second try finds it.
  line.plug();
  expect((await till.sync.tryNow()).online).toBe(true);
});

it('shows itself offline the moment the machine says its network is gone, even while its event stream sits silent, and tries again when it is back', async () => {
  // The machine's network events, as a browser or the desktop shell fires them on its window.
  const machine = new EventTarget();
  const global = globalThis as unknown as { addEventListener?: unknown; removeEventListener?: unknown };
  global.addEventListener = machine.addEventListener.bind(machine);
  global.removeEventListener = machine.removeEventListener.bind(machine);
  try {
    const line = cable();
    const till = await counterTill(line.network);
    const lastContact = till.sync.status$.value.lastContactAt;
    // The cable is out but nothing has failed yet: the stream that was open says nothing.
    machine.dispatchEvent(new Event('offline'));
    expect(till.sync.status$.value).toMatchObject({ online: false, lastContactAt: lastContact, lastError: 'this machine has no network' });
    // The network is back: the till asks the server at once and is online again.
    machine.dispatchEvent(new Event('online'));
    await eventually(() => expect(till.sync.status$.value.online).toBe(true), 3000);
    expect(till.sync.status$.value.lastContactAt! > lastContact!).toBe(true);
    // Once stopped, the till no longer listens.
    await till.close();
    tills.splice(tills.indexOf(till), 1);
    machine.dispatchEvent(new Event('offline'));
    expect(till.sync.status$.value.online).toBe(true);
    expect(line.pushes).toEqual([]);
  } finally {
    delete global.addEventListener;
    delete global.removeEventListener;
  }
});
