import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SNAPSHOT_COLLECTIONS, syncPaths, type Product, type SnapshotResponse } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { headers, pull, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * A new till's snapshot: the store's catalogue and stock levels with the checkpoint they are valid
 * at, read before the documents are listed. Real HTTP on 127.0.0.1, real SQLite: see testing-demo.ts.
 */
beforeEach(startDemo);
afterEach(async () => {
  vi.restoreAllMocks();
  await stopDemo();
});

async function snapshot(till = 'till-1'): Promise<{ status: number; body: SnapshotResponse }> {
  const response = await fetch(`${server.url}${syncPaths.snapshot}`, { headers: headers(till) });
  return { status: response.status, body: (await response.json()) as SnapshotResponse };
}

/** Every document of a collection a till pulls from `seq` on, page by page. */
async function pullAll(collection: string, seq = 0): Promise<Record<string, unknown>[]> {
  const documents: Record<string, unknown>[] = [];
  let checkpoint = { seq, id: '' };
  for (;;) {
    const { body } = await pull(collection, `?limit=1000&seq=${checkpoint.seq}&id=${checkpoint.id}`);
    if (body.documents.length === 0) return documents;
    documents.push(...body.documents);
    checkpoint = body.checkpoint!;
  }
}

describe('snapshot', () => {
  it('answers what a pull from the start would, as of the sequence the server is at', async () => {
    const { status, body } = await snapshot();
    expect(status).toBe(200);
    expect(body.checkpoint).toEqual({ seq: await server.repository.storage.sequence.current(), id: '' });
    for (const collection of SNAPSHOT_COLLECTIONS) {
      const pulled = (await pullAll(collection)).map(({ _deleted, ...document }) => document);
      expect(body.collections[collection].length).toBeGreaterThan(0);
      expect(sortById(body.collections[collection])).toEqual(sortById(pulled));
    }
    expect(body.collections.products).toHaveLength(30);
    expect(body.collections.stockLevels.every((level) => level.storeId === DEMO_STORE_ID)).toBe(true);
    // Nothing is newer than the checkpoint, so a till resuming from it pulls nothing.
    for (const collection of SNAPSHOT_COLLECTIONS) expect(await pullAll(collection, body.checkpoint.seq)).toEqual([]);
  });

  it('reads the checkpoint before listing, so a write landing in between is pulled again from it', async () => {
    const storage = server.repository.storage;
    const order: string[] = [];
    const current = storage.sequence.current.bind(storage.sequence);
    const list = storage.documents.list.bind(storage.documents);
    let written = false;
    vi.spyOn(storage.sequence, 'current').mockImplementation(async () => {
      order.push('sequence');
      const seq = await current();
      // Head office changes a price just after the checkpoint is read, before anything is listed.
      if (!written) {
        written = true;
        const product = (await server.repository.getDocument<Product>('products', 'p-000007'))!;
        await server.repository.putDocument('products', { ...product, price: '123.45' }, null);
      }
      return seq;
    });
    vi.spyOn(storage.documents, 'list').mockImplementation(async (collection, storeId) => {
      order.push(`list ${collection}`);
      return list(collection, storeId);
    });

    const { body } = await snapshot();
    expect(order).toEqual(['sequence', ...SNAPSHOT_COLLECTIONS.map((collection) => `list ${collection}`)]);
    // The listing already shows the new price, and the pull from the checkpoint brings it again:
    // the till writes it over its copy by id, once.
    expect(body.collections.products.find((product) => product.id === 'p-000007')?.price).toBe('123.45');
    const after = await pullAll('products', body.checkpoint.seq);
    expect(after.map((product) => [product.id, product.price])).toEqual([['p-000007', '123.45']]);
  });

  it('refuses a request without a credential the server gave', async () => {
    expect((await fetch(`${server.url}${syncPaths.snapshot}`)).status).toBe(401);
    expect((await snapshot('forged')).status).toBe(401);
  });
});

function sortById(documents: Record<string, unknown>[]): Record<string, unknown>[] {
  return [...documents].sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
