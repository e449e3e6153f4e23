import { afterEach, expect, it } from 'vitest';
import { buildCashSale, Dec, dec, DEFAULT_PRICING_RULES, toQuantityString, type Product, type Sale, type StreamMessage } from '../../shared/src/index.js';
import { seededRandom } from '../../shared/src/seeded-random.js';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../../sync-server/src/storage/postgres/testing.js';
import { TEST_OFFICE_KEY } from '../../sync-server/src/testing.js';
import { freePort, SyncServerProcess, temporaryFolder } from '../support/processes.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';

/**
 * The sync server on PostgreSQL as several processes on one database: separate `main.ts` processes
 * on ports of their own (so a test knows which process a request reaches), and `--processes N`
 * (Node's cluster: N server processes behind one port, the primary handing each new connection to
 * one of them). Pulls by checkpoint miss no write made by another process, a till's live stream
 * hears of another process's writes, a server process killed mid-push or a database lost mid-push
 * loses and doubles nothing, a database that cannot be reached at start is named, catalogue writes
 * to two processes at once are taken one after the other, and pairing and head office work
 * whichever process answers. Each test on a fresh database, only on 127.0.0.1.
 */
const STORE_ID = 'store-1';
/** Piece products the tests sell (the demo store's first six are loose produce). */
const SOLD = Array.from({ length: 10 }, (_, index) => `p-${String(index + 7).padStart(6, '0')}`);
/** High enough that no test's own pace is limited: the rate limit is not what these tests are about. */
const NO_RATE_LIMIT = ['--rate-limit', '100000'];

interface OfficeStock {
  salesCount: number;
  tills: { id: string; lastNumber: number }[];
  products: { productId: string; opening: string; sold: string; quantity: string }[];
}

type Pulled = Record<string, unknown> & { id: string };
interface PullPage {
  documents: Pulled[];
  checkpoint: { seq: number; id: string } | null;
}

/** Run after each test, last added first: tills, links, servers, then the database. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    const started = Date.now();
    await cleanup().catch(() => undefined);
    if (Date.now() - started > 5_000) console.warn(`a cleanup took ${Date.now() - started} ms: ${cleanup.toString().slice(0, 120)}`);
  }
}, 120_000);

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  return database;
}

/** A server process (or, with --processes, a cluster of them) on PostgreSQL, stopped after the test. */
async function startServer(url: string, args: string[] = [], env: Record<string, string> = {}): Promise<SyncServerProcess> {
  const server = new SyncServerProcess(temporaryFolder('kassa-pg-'), await freePort(), ['--database', url, ...NO_RATE_LIMIT, ...args], env);
  cleanups.push(() => server.stop());
  await server.start();
  return server;
}

/**
 * A fetch that opens a new connection for every request. Node's fetch keeps connections alive, and a
 * cluster's primary hands out connections, not requests: without this every request of a till could
 * reach the same server process.
 */
const freshConnection: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('connection', 'close');
  return fetch(input, { ...init, headers });
};

/** Pairs a till as head office and the till would, each request on a connection of its own. */
async function pair(serverUrl: string, tillId: string): Promise<string> {
  const made = await freshConnection(`${serverUrl}/api/office/tills/${tillId}/pairing-code`, { method: 'POST', headers: { authorization: `Bearer ${TEST_OFFICE_KEY}` } });
  expect(made.status, `pairing code for ${tillId}`).toBe(200);
  const { code } = (await made.json()) as { code: string };
  const paired = await freshConnection(`${serverUrl}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(paired.status, `pairing ${tillId}`).toBe(200);
  return ((await paired.json()) as { credential: string }).credential;
}

async function pullPage(serverUrl: string, credential: string, collection: string, after: PullPage['checkpoint'], limit: number): Promise<PullPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (after) {
    query.set('seq', String(after.seq));
    query.set('id', after.id);
  }
  const response = await fetch(`${serverUrl}/api/sync/${collection}/pull?${query}`, { headers: { authorization: `Bearer ${credential}` } });
  if (response.status !== 200) throw new Error(`pull of ${collection} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as PullPage;
}

/** Everything a till may pull of a collection, from the start, as id → document. */
async function fullPull(serverUrl: string, credential: string, collection: string): Promise<Map<string, Pulled>> {
  const documents = new Map<string, Pulled>();
  let checkpoint: PullPage['checkpoint'] = null;
  for (;;) {
    const page = await pullPage(serverUrl, credential, collection, checkpoint, 1000);
    for (const document of page.documents) documents.set(document.id, document);
    if (page.documents.length === 0) return documents;
    checkpoint = page.checkpoint;
  }
}

async function officeStock(server: SyncServerProcess): Promise<OfficeStock> {
  return server.json<OfficeStock>(`/api/office/stock?store=${STORE_ID}`);
}

/** The demo store's products as a till pulls them. */
async function products(serverUrl: string, credential: string): Promise<Map<string, Product>> {
  return new Map([...(await fullPull(serverUrl, credential, 'products')).values()].map((document) => [document.id, document as unknown as Product]));
}

/** A valid cash sale of a till, as the till's own code builds it. */
function cashSale(catalogue: Map<string, Product>, tillId: string, number: number, lines: [productId: string, quantity: string][]): Sale {
  return buildCashSale(
    lines.map(([productId, quantity]) => {
      const product = catalogue.get(productId)!;
      return { product, quantity, taxRatePercent: product.taxClass === 'standard' ? '20' : '7' };
    }),
    '1000',
    {
      id: `sale-${tillId}-${number}`,
      number,
      store: { id: STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
      till: { id: tillId, code: tillId.replace('till-', 'T') },
      cashier: { id: 'c1', name: 'Alice' },
      completedAt: '2026-12-01T10:00:00.000Z',
    },
  );
}

async function pushSales(serverUrl: string, credential: string, sales: Sale[]): Promise<Response> {
  return fetch(`${serverUrl}/api/sync/sales/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
    body: JSON.stringify(sales.map((sale) => ({ newDocumentState: { ...sale, _deleted: false } }))),
  });
}

/** Up to three lines of different piece products. */
function randomLines(random: () => number): [productId: string, quantity: string][] {
  const lines = new Map<string, string>();
  const count = 1 + Math.floor(random() * 3);
  while (lines.size < count) lines.set(SOLD[Math.floor(random() * SOLD.length)], String(1 + Math.floor(random() * 3)));
  return [...lines];
}

/** A till's live stream, read as the till reads it: every message, in order. */
async function openStream(serverUrl: string, credential: string): Promise<{ messages: StreamMessage[]; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(`${serverUrl}/api/sync/stream`, { headers: { authorization: `Bearer ${credential}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  const messages: StreamMessage[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of event.split('\n')) if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)) as StreamMessage);
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return { messages, close: () => controller.abort() };
}

/** A node till whose network a test can switch off, and whose answers it can see. */
async function openTill(
  serverUrl: string,
  tillId: string,
  options: { network?: typeof fetch; sync?: Parameters<typeof openNodeTill>[0]['sync'] } = {},
): Promise<{ till: NodeTill; goOffline(): void; goOnline(): void; answers: { path: string; status: number; retryAfter: string | null }[] }> {
  let online = true;
  const answers: { path: string; status: number; retryAfter: string | null }[] = [];
  const network = options.network ?? fetch;
  const tillFetch: typeof fetch = async (input, init) => {
    if (!online) throw new TypeError('fetch failed: the till is offline');
    const path = new URL(urlOf(input)).pathname;
    try {
      const response = await network(input, init);
      answers.push({ path, status: response.status, retryAfter: response.headers.get('retry-after') });
      return response;
    } catch (error) {
      // No answer: the connection failed or was dropped (status 0).
      answers.push({ path, status: 0, retryAfter: null });
      throw error;
    }
  };
  const till = await openNodeTill({ serverUrl, tillId, tillCode: tillId.replace('till-', 'T'), fetch: tillFetch, credential: await pair(serverUrl, tillId), sync: options.sync });
  cleanups.push(() => till.close());
  await till.sync.awaitInitialReplication();
  await eventually(() => expect(till.catalog.store).toBeDefined());
  return {
    till,
    answers,
    goOffline: () => (online = false),
    goOnline: () => (online = true),
  };
}

/** Sells `count` sales at a till and adds their stock movements to `sold` (product → quantity sold). */
async function sell(till: NodeTill, count: number, random: () => number, sold: Map<string, Dec>): Promise<void> {
  for (let index = 0; index < count; index++) {
    const sale = await till.sell(randomLines(random));
    for (const movement of sale.stockMovements) sold.set(movement.productId, (sold.get(movement.productId) ?? new Dec(0)).minus(dec(movement.quantity)));
  }
}

/** The server holds each of the till's `made` sales once, and central stock is opening minus what the till sold. */
async function expectExactlyOnce(server: SyncServerProcess, till: NodeTill, tillId: string, made: number, opening: Map<string, Dec>, sold: Map<string, Dec>): Promise<void> {
  await eventually(async () => expect((await officeStock(server)).salesCount).toBe(made), 90_000);
  const office = await officeStock(server);
  expect(office.tills.find((entry) => entry.id === tillId)?.lastNumber).toBe(made);
  expect(await till.db.sales.count().exec()).toBe(made);
  for (const row of office.products) {
    expect(row.sold, `sold of ${row.productId}`).toBe(toQuantityString(sold.get(row.productId) ?? new Dec(0)));
    expect(row.quantity, `central stock of ${row.productId}`).toBe(toQuantityString(opening.get(row.productId)!.minus(sold.get(row.productId) ?? new Dec(0))));
  }
  // Head office lists the latest sales (a thousand at most) each once, as the till made them.
  const tillSales = new Map((await till.db.sales.find().exec()).map((document) => [document.id, document.toJSON() as Sale]));
  const recent = await server.json<{ sale: Sale }[]>(`/api/office/sales?store=${STORE_ID}&limit=1000`);
  expect(recent).toHaveLength(Math.min(made, 1000));
  expect(new Set(recent.map(({ sale }) => sale.id)).size).toBe(recent.length);
  for (const { sale } of recent) expect([sale.number, sale.totals]).toEqual([tillSales.get(sale.id)?.number, tillSales.get(sale.id)?.totals]);
  await eventually(() => expect(till.catalog.till?.lastNumber).toBe(made), 30_000);
}

await describeWithPostgres('the sync server on PostgreSQL, as several processes', () => {
  it('pulls from checkpoint to checkpoint on one process and misses none of the writes other processes commit meanwhile', async () => {
    const database = await freshDatabase();
    const writerTills = Array.from({ length: 6 }, (_, index) => `till-${index + 1}`);
    const pullerTill = 'till-7';
    const args = ['--demo-products', '30', '--demo-tills', '7'];
    // One process seeds; the second finds the demo there.
    const first = await startServer(database.url, args);
    const second = await startServer(database.url, args);
    const credentials = new Map<string, string>();
    for (const tillId of [...writerTills, pullerTill]) credentials.set(tillId, await pair(first.url, tillId));
    const catalogue = await products(first.url, credentials.get(pullerTill)!);
    const opening = new Map((await officeStock(first)).products.map((row) => [row.productId, dec(row.quantity)]));

    const PUSHES_PER_TILL = 60;
    const random = seededRandom(20_261_206);
    const sold = new Map<string, Dec>();
    let pushes = 0;
    let writing = true;
    // Each till pushes its sales in number order, one or two per push, to one process or the other
    // at random; the six tills at once, so pushes through both processes contend for the write lock.
    const writers = writerTills.map(async (tillId) => {
      let number = 0;
      for (let push = 0; push < PUSHES_PER_TILL; push++) {
        const sales = Array.from({ length: 1 + Math.floor(random() * 2) }, () => cashSale(catalogue, tillId, ++number, randomLines(random)));
        for (const sale of sales) for (const movement of sale.stockMovements) sold.set(movement.productId, (sold.get(movement.productId) ?? new Dec(0)).minus(dec(movement.quantity)));
        const target = random() < 0.5 ? first : second;
        const response = await pushSales(target.url, credentials.get(tillId)!, sales);
        expect(response.status, `push ${push} of ${tillId}`).toBe(200);
        const body = (await response.json()) as { conflicts: unknown[]; refusals?: unknown[] };
        expect(body.conflicts).toEqual([]);
        expect(body.refusals ?? []).toEqual([]);
        pushes++;
      }
      return number;
    });

    // The puller: small pages from checkpoint to checkpoint on the first process, all the while.
    const collections = ['stockLevels', 'tills'] as const;
    const seen = new Map<string, Map<string, Pulled>>(collections.map((collection) => [collection, new Map()]));
    const checkpoints = new Map<string, PullPage['checkpoint']>(collections.map((collection) => [collection, null]));
    let pulls = 0;
    const pullOnce = async (collection: string): Promise<number> => {
      const page = await pullPage(first.url, credentials.get(pullerTill)!, collection, checkpoints.get(collection)!, 3);
      pulls++;
      for (const document of page.documents) seen.get(collection)!.set(document.id, document);
      if (page.documents.length > 0) checkpoints.set(collection, page.checkpoint);
      return page.documents.length;
    };
    const puller = (async () => {
      while (writing) await Promise.all(collections.map((collection) => pullOnce(collection)));
    })();

    const numbers = await Promise.all(writers).finally(() => (writing = false));
    await puller;
    // Caught up: pull until both collections answer nothing new.
    for (const collection of collections) while ((await pullOnce(collection)) > 0);
    expect(pushes).toBe(writerTills.length * PUSHES_PER_TILL);

    for (const collection of collections) {
      const everything = await fullPull(second.url, credentials.get(pullerTill)!, collection);
      const accumulated = seen.get(collection)!;
      expect([...accumulated.keys()].sort(), collection).toEqual([...everything.keys()].sort());
      // Each document as it is now: a write the puller skipped would leave an older version here.
      const stale = [...everything.values()].filter((document) => JSON.stringify(accumulated.get(document.id)) !== JSON.stringify(document));
      expect(stale.map((document) => document.id), `${collection} the puller holds in an older version`).toEqual([]);
    }
    // And the writes themselves add up: each sale once, each till's last number, stock exact.
    const office = await officeStock(second);
    expect(office.salesCount).toBe(numbers.reduce((sum, number) => sum + number, 0));
    for (const [index, tillId] of writerTills.entries()) expect(office.tills.find((entry) => entry.id === tillId)?.lastNumber).toBe(numbers[index]);
    for (const row of office.products) expect(row.quantity, row.productId).toBe(toQuantityString(opening.get(row.productId)!.minus(sold.get(row.productId) ?? new Dec(0))));
    const levels = seen.get('stockLevels')!;
    for (const productId of SOLD) expect((levels.get(`${STORE_ID}:${productId}`) as { quantity?: string } | undefined)?.quantity, productId).toBe(office.products.find((row) => row.productId === productId)?.quantity);
    console.log(`checkpoints: ${pushes} pushes through two processes, ${pulls} pulls of 3 documents`);
  }, 180_000);

  it('tells a till streaming from one process of a sale pushed to another within seconds', async () => {
    const database = await freshDatabase();
    const first = await startServer(database.url, ['--demo-products', '20']);
    const second = await startServer(database.url, ['--demo-products', '20']);
    const listener = await pair(first.url, 'till-1');
    const seller = await pair(second.url, 'till-2');
    const catalogue = await products(second.url, seller);
    const stream = await openStream(first.url, listener);
    cleanups.push(async () => stream.close());
    await eventually(() => expect(stream.messages.map((message) => message.type)).toContain('hello'), 10_000);

    for (let number = 1; number <= 3; number++) {
      const heard = stream.messages.length;
      const pushedAt = Date.now();
      expect((await pushSales(second.url, seller, [cashSale(catalogue, 'till-2', number, [['p-000010', '1']])])).status).toBe(200);
      await eventually(() => {
        const changed = stream.messages.slice(heard).filter((message) => message.type === 'changed');
        expect(changed.flatMap((message) => message.collections)).toContain('stockLevels');
      }, 5_000);
      const after = Date.now() - pushedAt;
      expect(after).toBeLessThan(5_000);
      // What it heard of is there to pull from its own process.
      const level = (await fullPull(first.url, listener, 'stockLevels')).get(`${STORE_ID}:p-000010`) as { quantity: string } | undefined;
      const office = (await officeStock(second)).products.find((row) => row.productId === 'p-000010');
      expect(level?.quantity).toBe(office?.quantity);
    }
  });

  it('loses and doubles no sale when one of two server processes is killed mid-push and the till retries on the others', async () => {
    const database = await freshDatabase();
    const CRASH_AFTER_SALES = 50;
    const BACKLOG = 1500;
    const server = await startServer(database.url, ['--processes', '2', '--demo-products', '40'], { KASSA_TEST_CRASH_AFTER_SALES: String(CRASH_AFTER_SALES) });
    await server.waitForLine(/with 2 processes/);
    const opening = new Map((await officeStock(server)).products.map((row) => [row.productId, dec(row.quantity)]));
    // Pushes of 100 sales on a new connection each: the primary hands them to both processes in turn,
    // so the first one (the one with the hook) takes some of the 15 and dies in the first it takes (at
    // its 50th sale, half-way through that push's transaction).
    const link = await openTill(server.url, 'till-1', {
      network: freshConnection,
      // A request handed to the process as it dies is never answered: the till gives up on it after
      // 10 s rather than its default minute (SyncOptions.requestTimeoutMs), and sends it again.
      sync: { retryMs: 200, pushBatchSize: 100, requestTimeoutMs: 10_000 } as Parameters<typeof openNodeTill>[0]['sync'],
    });
    const random = seededRandom(4_061_206);
    const sold = new Map<string, Dec>();
    link.goOffline();
    await sell(link.till, BACKLOG, random, sold);
    link.goOnline();
    // Other clients' connections at random moments between the till's, so which process takes which
    // of the till's pushes follows no pattern of the till's own requests.
    let noisy = true;
    const noise = (async () => {
      while (noisy) {
        // A connection the primary hands to a process as it is killed is never answered: give up on it.
        await freshConnection(`${server.url}/health`, { signal: AbortSignal.timeout(2_000) })
          .then((response) => response.text())
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 40)));
      }
    })();
    cleanups.push(async () => {
      noisy = false;
      await noise;
    });

    const died = await server.waitForLine(/server process \d+ ended \(SIGKILL\)/, 60_000).catch(async (error: unknown) => {
      const stored = await officeStock(server).then((stock) => stock.salesCount, String);
      throw new Error(`no server process was killed: the server holds ${stored} sales; the till's requests were answered ${link.answers.map((answer) => `${answer.path} ${answer.status}`).join(', ')}; it printed:\n${server.printed}`, { cause: error });
    });
    await expectExactlyOnce(server, link.till, 'till-1', BACKLOG, opening, sold);
    noisy = false;
    await noise;
    // The killed process was replaced, and the till's pushes were answered after the kill.
    await eventually(() => expect(server.lines.filter((line) => /server process \d+ ready/.test(line)).length).toBeGreaterThanOrEqual(3));
    expect(server.lines.filter((line) => /ended \(SIGKILL\)/.test(line))).toEqual([died]);
    const pushes = link.answers.filter((answer) => answer.path === '/api/sync/sales/push');
    // The push the process died in went unanswered; the till sent it again and every batch was taken.
    expect(pushes.filter((answer) => answer.status === 0).length).toBeGreaterThanOrEqual(1);
    expect(pushes.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(BACKLOG / 100);
    expect(pushes.every((answer) => answer.status === 0 || answer.status === 200)).toBe(true);
    console.log(`kill -9: ${died}; the till's pushes answered ${pushes.map((answer) => answer.status).join(' ')}`);
  }, 180_000);

  it('answers 503 with retry-after while PostgreSQL is out of reach mid-push, and the till’s retries then land each sale once', async () => {
    const database = await freshDatabase();
    // The server reaches PostgreSQL only through a link the test can cut (the machine's PostgreSQL
    // itself stays up: other tests share it).
    const databaseUrl = new URL(database.url);
    const pgLink = await TcpProxy.start({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
    cleanups.push(() => pgLink.close());
    databaseUrl.port = String(pgLink.port);
    const server = await startServer(databaseUrl.toString(), ['--demo-products', '40']);
    const opening = new Map((await officeStock(server)).products.map((row) => [row.productId, dec(row.quantity)]));

    // The database goes away 50 ms into the till's first push of its backlog.
    let armed = false;
    let cutNow: () => void = () => undefined;
    const cut = new Promise<void>((resolve) => (cutNow = resolve));
    const network: typeof fetch = (input, init) => {
      if (armed && init?.method === 'POST' && urlOf(input).endsWith('/api/sync/sales/push')) {
        armed = false;
        setTimeout(() => {
          pgLink.goOffline();
          cutNow();
        }, 50);
      }
      return fetch(input, init);
    };
    const BACKLOG = 1500;
    const link = await openTill(server.url, 'till-1', { network });
    const random = seededRandom(5_061_206);
    const sold = new Map<string, Dec>();
    link.goOffline();
    await sell(link.till, BACKLOG, random, sold);
    const before = link.answers.length;
    armed = true;
    link.goOnline();
    await cut;

    // While it is away (a few seconds), the server answers 503 with retry-after, and stores nothing.
    const probes: { status: number; retryAfter: string | null; body: unknown }[] = [];
    const probe = async () => {
      const response = await fetch(`${server.url}/api/sync/tills/pull?limit=10`, { headers: { authorization: `Bearer ${link.till.credential}` } });
      probes.push({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() });
    };
    await probe();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await probe();
    expect(probes.map((answer) => answer.status)).toEqual([503, 503]);
    for (const answer of probes) {
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.body).toMatchObject({ error: 'unavailable' });
    }
    // The till keeps every sale it could not send.
    expect(await link.till.db.sales.count().exec()).toBe(BACKLOG);

    pgLink.goOnline();
    await expectExactlyOnce(server, link.till, 'till-1', BACKLOG, opening, sold);
    const pushes = link.answers.slice(before).filter((answer) => answer.path === '/api/sync/sales/push');
    console.log(`database lost: ${pgLink.severed} connections to PostgreSQL severed, ${pgLink.refused} refused; the till's pushes answered ${pushes.map((answer) => `${answer.status}${answer.retryAfter ? ` (retry-after ${answer.retryAfter})` : ''}`).join(', ')}`);
    // The till's push that was under way when the database went is answered 503 too (or its connection dropped).
    expect(pushes.filter((answer) => answer.status === 503).every((answer) => Number(answer.retryAfter) > 0)).toBe(true);
    expect(pushes.some((answer) => answer.status !== 200 && answer.status !== 503 && answer.status !== 0)).toBe(false);
  }, 180_000);

  it('names a database it cannot reach at start, without its password, and exits non-zero', async () => {
    const closedPort = await freePort();
    const server = new SyncServerProcess(temporaryFolder('kassa-pg-'), await freePort(), ['--database', `postgres://kassa:s3cret-word@127.0.0.1:${closedPort}/x`]);
    cleanups.push(() => server.stop());
    server.spawn();
    const exit = await server.waitForExit(60_000);
    expect(exit.code, server.printed).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(server.printed).toContain('could not start on the database');
    expect(server.printed).toMatch(new RegExp(`postgres://kassa(:\\*+)?@127\\.0\\.0\\.1:${closedPort}/x`));
    expect(server.printed).toContain('cannot be reached');
    expect(server.printed).not.toContain('s3cret-word');
  });

  it('takes catalogue writes to two processes at once one after the other: a SKU is added once, and of two saves over one product the second gets the conflict', async () => {
    const database = await freshDatabase();
    const args = ['--demo-products', '10'];
    const first = await startServer(database.url, args);
    const second = await startServer(database.url, args);
    const office = (server: SyncServerProcess, path: string, method: string, body: unknown) =>
      freshConnection(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const tea = (name: string) => ({ sku: 'TEA-GREEN', name, barcodes: [], unit: 'g', taxClass: 'reduced', price: '0.09', cost: '0.04' });

    // The same new SKU through both processes at once, ten times over: exactly one product each time.
    for (let round = 0; round < 10; round++) {
      const sku = `TEA-${round}`;
      const answers = await Promise.all([first, second].map((server, index) => office(server, '/api/office/products', 'POST', { ...tea(`Tea ${index}`), sku })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
      // Refused naming the product that has the SKU now.
      const refused = (await answers.find((answer) => answer.status === 422)!.json()) as { details: { problems: string[] }[] };
      expect(refused.details[0].problems).toEqual([expect.stringMatching(new RegExp(`^sku: ${sku} is already the SKU of Tea [01] \\(SKU ${sku}\\)$`))]);
    }
    const listed = await first.json<Product[]>('/api/office/products');
    expect(listed.filter((product) => product.sku.startsWith('TEA-'))).toHaveLength(10);

    // Two editors loaded one product; their saves reach different processes at once: one is saved, the other told.
    const made = (await (await office(first, '/api/office/products', 'POST', tea('Green tea'))).json()) as Product;
    const saves = await Promise.all(
      [first, second].map((server, index) => office(server, `/api/office/products/${made.id}`, 'PUT', { updatedAt: made.updatedAt, fields: { ...tea('Green tea'), price: index === 0 ? '0.10' : '0.11' } })),
    );
    expect(saves.map((save) => save.status).sort()).toEqual([200, 409]);
    const saved = (await (await freshConnection(`${second.url}/api/office/products/${made.id}`, { headers: { authorization: `Bearer ${TEST_OFFICE_KEY}` } })).json()) as Product;
    expect(saved.price).toBe(saves[0].status === 200 ? '0.10' : '0.11');
  });

  it('pairs a till and serves it and head office whichever of the processes answers', async () => {
    const database = await freshDatabase();
    const server = await startServer(database.url, ['--processes', '2', '--demo-products', '20', '--demo-tills', '3']);
    await server.waitForLine(/with 2 processes/);
    // Each process prints its own line when it listens, racing the first process's "with 2 processes".
    await eventually(() => expect(server.lines.filter((line) => /server process \d+ ready/.test(line))).toHaveLength(2));

    // The office page and a login session, each request on a new connection (so on either process).
    for (let index = 0; index < 4; index++) {
      const page = await freshConnection(`${server.url}/office`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    }
    // The owner's one-time link, printed once, by the first process.
    await eventually(() => expect(server.lines.filter((line) => /create the owner account at /.test(line))).toHaveLength(1));
    const manager = await server.createAccount('manager', [STORE_ID]);
    const login = await freshConnection(`${server.url}/api/office/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: manager.email, password: manager.password }) });
    expect(login.status).toBe(200);
    const session = login.headers.get('set-cookie')!.split(';')[0];
    const asOffice = { cookie: session, origin: server.url };
    for (let index = 0; index < 4; index++) {
      const summary = await freshConnection(`${server.url}/api/office/summary?store=${STORE_ID}`, { headers: asOffice });
      expect(summary.status).toBe(200);
    }

    // Pairing as the office page does it (the session and its origin), code and credential on new connections.
    for (const tillId of ['till-1', 'till-2', 'till-3']) {
      const made = await freshConnection(`${server.url}/api/office/tills/${tillId}/pairing-code`, { method: 'POST', headers: asOffice });
      expect(made.status, `pairing code for ${tillId}`).toBe(200);
      const { code } = (await made.json()) as { code: string };
      const paired = await freshConnection(`${server.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      expect(paired.status, `pairing ${tillId}`).toBe(200);
      const { credential } = (await paired.json()) as { credential: string };
      // The paired till pulls, again and again, from whichever process its connection reaches.
      for (let index = 0; index < 8; index++) {
        const pulled = await freshConnection(`${server.url}/api/sync/tills/pull?limit=10`, { headers: { authorization: `Bearer ${credential}` } });
        expect(pulled.status, `pull ${index} of ${tillId}`).toBe(200);
        expect(((await pulled.json()) as PullPage).documents.map((document) => document.id)).toContain(tillId);
      }
      // A code is good once, whichever process is asked the second time.
      const again = await freshConnection(`${server.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      expect(again.status).not.toBe(200);
    }
    const tills = await server.json<{ id: string; paired?: boolean }[]>(`/api/office/tills?store=${STORE_ID}`);
    expect(tills.map((till) => till.id).sort()).toEqual(['till-1', 'till-2', 'till-3']);
  });
});

function urlOf(input: Parameters<typeof fetch>[0]): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}
