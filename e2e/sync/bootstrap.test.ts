import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildCashSale,
  DEFAULT_PRICING_RULES,
  SNAPSHOT_COLLECTIONS,
  syncPaths,
  type Product,
  type Sale,
  type SnapshotCollection,
} from '../../shared/src/index.js';
import { DEMO_STORE_ID } from '../../sync-server/src/demo.js';
import { pairTill, startServer, type RunningServer } from '../../sync-server/src/testing.js';
import { eventually, openNodeTill, type NodeTill } from './node-till.js';

/**
 * A new till takes its catalogue and stock levels in one snapshot and resumes replication from the
 * snapshot's checkpoint, while head office and another till keep writing: before the snapshot is
 * read, while it is being answered, between the answer and the resumed replication, and after.
 * At the end the till holds exactly what the server holds: same ids, same contents, nothing
 * missing, nothing doubled, nothing deleted left behind. The till's real data layer and RxDB's real
 * replication client against a real sync server on 127.0.0.1 over a real SQLite file.
 */
const PRODUCTS = 2000;
let server: RunningServer;
const tills: NodeTill[] = [];

beforeEach(async () => {
  // Till 2 pushes a sale at every round of changes: far above a till's rate limit, on purpose.
  server = await startServer({ products: PRODUCTS, rateLimit: { perSecond: 100_000, burst: 100_000 } });
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const opened of tills.splice(0)) await opened.close();
  await server.stop().catch(() => undefined);
});

const productId = (index: number) => `p-${String(index).padStart(6, '0')}`;

/** Head office and till 2 writing to the store, one change at a time, until stopped. */
class Writer {
  private sales = 0;
  private added = 0;
  private round = 0;
  readonly done: string[] = [];
  constructor(private readonly credential: string) {}

  /** One change of each kind: a price, a new product with its stock, a sale at till 2, a deletion. */
  async writeOnce(): Promise<void> {
    const round = ++this.round;
    // A price change on the upper half of the catalogue (till 2 sells from the lower half).
    const priced = productId(PRODUCTS / 2 + ((round * 37) % (PRODUCTS / 2)));
    const product = (await server.repository.getDocument<Product>('products', priced))!;
    await server.repository.putDocument('products', { ...product, price: (Number(product.price) + 0.01).toFixed(2) }, null);
    // A product new to the chain, with its stock level in the store.
    const id = `new-${++this.added}`;
    await server.repository.putDocument('products', { ...product, id, sku: `NEW-${this.added}`, name: `New product ${this.added}`, barcodes: [String(2900000000000 + this.added)] }, null);
    await server.repository.putDocument('stockLevels', { id: `${DEMO_STORE_ID}:${id}`, storeId: DEMO_STORE_ID, productId: id, quantity: '12', applied: {} }, DEMO_STORE_ID);
    // Now and then one of those is taken off the catalogue again.
    if (round % 5 === 0) await server.repository.putDocument('products', { ...product, id: `new-${this.added - 1}` }, null, true);
    server.feed.notify(DEMO_STORE_ID, ['products', 'stockLevels']);
    // Till 2 sells: the server moves the store's stock levels.
    await this.sell(productId(1 + ((round * 13) % (PRODUCTS / 2 - 1))));
    this.done.push(id);
  }

  private async sell(id: string): Promise<void> {
    const product = (await server.repository.getDocument<Product>('products', id))!;
    const number = ++this.sales;
    const sale: Sale = buildCashSale([{ product, quantity: '1', taxRatePercent: product.taxClass === 'standard' ? '20' : '7' }], '100', {
      id: `sale-till-2-${number}`,
      number,
      store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
      till: { id: 'till-2', code: 'T2' },
      cashier: { id: 'c1', name: 'Alice' },
      completedAt: new Date().toISOString(),
    });
    const response = await fetch(`${server.url}${syncPaths.push('sales')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.credential}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ newDocumentState: { ...sale, _deleted: false } }]),
    });
    const answer = (await response.json()) as { refused: unknown[] };
    if (!response.ok || answer.refused.length > 0) throw new Error(`till 2's sale was not taken: ${JSON.stringify(answer)}`);
  }

  private running: Promise<void> | undefined;
  private stopped = false;
  /** Keeps writing in the background until `stop`, which throws what went wrong meanwhile. */
  start(): void {
    this.running ??= (async () => {
      while (!this.stopped) {
        await this.writeOnce();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    // Until `stop` looks: a failed round ends the loop, and stop() answers why.
    this.running.catch(() => undefined);
  }
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}

/** A document as both sides compare it: without RxDB's and the wire's own fields. */
function plain(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')).sort(([a], [b]) => a.localeCompare(b)));
}

async function serverHolds(collection: SnapshotCollection): Promise<Map<string, Record<string, unknown>>> {
  const documents = await server.repository.storage.documents.list<Record<string, unknown>>(collection, DEMO_STORE_ID);
  return new Map(documents.map((document) => [String(document.id), plain(document)]));
}

async function tillHolds(till: NodeTill, collection: SnapshotCollection): Promise<{ ids: string[]; byId: Map<string, Record<string, unknown>> }> {
  const documents = (await till.db[collection].find().exec()).map((document) => document.toJSON() as Record<string, unknown>);
  return { ids: documents.map((document) => String(document.id)), byId: new Map(documents.map((document) => [String(document.id), plain(document)])) };
}

describe('a new till bootstrapping from a snapshot while the store keeps changing', () => {
  it('ends with exactly the server’s documents: none missing, none doubled, none stale', async () => {
    const writer = new Writer(await pairTill(server.url, 'till-2'));
    // Changes before the till asks for anything.
    for (let round = 0; round < 3; round++) await writer.writeOnce();

    // While the server lists the snapshot, a change lands after each collection is listed. (Other
    // requests list documents too, a push its tax classes: only the snapshot's own listings count.)
    const documents = server.repository.storage.documents;
    const list = documents.list.bind(documents);
    vi.spyOn(documents, 'list').mockImplementation(async (collection, storeId) => {
      const bySnapshot = new Error().stack?.includes('snapshotJson') ?? false;
      const listed = await list(collection, storeId);
      if (bySnapshot) await writer.writeOnce();
      return listed as never;
    });

    // The till's network: while the snapshot is being answered the writer goes on; once its answer
    // is in (its checkpoint read), more changes land before the till has stored it or resumed.
    let snapshots = 0;
    const tillFetch: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname !== syncPaths.snapshot) return fetch(input, init);
      snapshots++;
      writer.start();
      const response = await fetch(input, init);
      const text = await response.text();
      for (let round = 0; round < 5; round++) await writer.writeOnce();
      return new Response(text, { status: response.status, headers: response.headers });
    };
    const till = await openNodeTill({ serverUrl: server.url, tillId: 'till-1', tillCode: 'T1', fetch: tillFetch });
    tills.push(till);
    await till.sync.awaitInitialReplication();
    expect(snapshots).toBe(1);
    const bootstrap = till.sync.bootstrapResult;
    expect(bootstrap && 'documents' in bootstrap ? bootstrap.documents : bootstrap).toBeGreaterThanOrEqual(2 * PRODUCTS);

    // Changes after the till is up, then the writer stops and the till catches up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writer.stop();
    for (let round = 0; round < 3; round++) await writer.writeOnce();
    expect(writer.done.length).toBeGreaterThan(10);

    await eventually(async () => {
      for (const collection of SNAPSHOT_COLLECTIONS) {
        const expected = await serverHolds(collection);
        const held = await tillHolds(till, collection);
        expect(new Set(held.ids).size, `${collection}: no id twice`).toBe(held.ids.length);
        expect([...held.byId.keys()].sort(), `${collection}: the same ids`).toEqual([...expected.keys()].sort());
        for (const [id, document] of expected) expect(held.byId.get(id), `${collection} ${id}`).toEqual(document);
      }
    }, 30_000);
    // The catalogue and stock the cashier sells from agree too.
    const sold = productId(1 + ((3 * 13) % (PRODUCTS / 2 - 1)));
    const level = (await server.repository.getDocument<{ quantity: string }>('stockLevels', `${DEMO_STORE_ID}:${sold}`))!;
    const products = (await serverHolds('products')).size;
    await eventually(() => {
      expect(till.catalog.size).toBe(products);
      expect(till.stock.quantity(sold)).toBe(level.quantity);
    });
  });

  it('falls back to replicating document by document when the server offers no snapshot', async () => {
    const withoutSnapshots: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === syncPaths.snapshot) return new Response('{"error":"not_found","message":"Route GET:/api/sync/snapshot not found"}', { status: 404 });
      return fetch(input, init);
    };
    const till = await openNodeTill({ serverUrl: server.url, tillId: 'till-1', tillCode: 'T1', fetch: withoutSnapshots });
    tills.push(till);
    await till.sync.awaitInitialReplication();
    expect(till.sync.bootstrapResult).toMatchObject({ skipped: expect.stringContaining('no snapshot') });
    await eventually(async () => {
      for (const collection of SNAPSHOT_COLLECTIONS) expect((await tillHolds(till, collection)).ids.length).toBe((await serverHolds(collection)).size);
    });
  });
});
