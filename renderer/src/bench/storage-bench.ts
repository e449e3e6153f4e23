/**
 * A page for `npm run bench` only: writes the same product documents through the till's own bulk
 * write path (RxDB on Dexie, as replication does) and straight into a plain Dexie table, in the same
 * page, so the ratio is the till's storage overhead. Not part of the till.
 */
import Dexie from 'dexie';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Product } from '../../../shared/src/index.js';
import { createTillDatabase } from '../till/data/database.js';

const BATCH = 1000;

function products(count: number, seed: string): Product[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${seed}-${String(index).padStart(6, '0')}`,
    sku: `BEN-${String(index).padStart(6, '0')}`,
    name: `Benchmark product ${index} ${seed}`,
    barcodes: [String(4100000000000 + index)],
    unit: 'piece',
    taxClass: 'standard',
    price: '2.49',
    cost: '1.20',
    active: true,
    updatedAt: '2026-11-27T00:00:00.000Z',
  }));
}

async function storageOverhead(count: number): Promise<{ count: number; tillMs: number; rawMs: number; ratio: number }> {
  const documents = products(count, 'storage');
  const till = await createTillDatabase({ name: `bench-storage-${Date.now()}`, storage: getRxStorageDexie() as RxStorage<unknown, unknown> });
  const tillStart = performance.now();
  for (let start = 0; start < documents.length; start += BATCH) await till.products.bulkUpsert(documents.slice(start, start + BATCH));
  const tillMs = performance.now() - tillStart;
  await till.remove();

  const raw = new Dexie(`bench-raw-${Date.now()}`);
  raw.version(1).stores({ docs: 'id' });
  const rawStart = performance.now();
  for (let start = 0; start < documents.length; start += BATCH) await raw.table('docs').bulkPut(documents.slice(start, start + BATCH));
  const rawMs = performance.now() - rawStart;
  raw.close();
  await Dexie.delete(raw.name);
  return { count, tillMs, rawMs, ratio: tillMs / rawMs };
}

(window as unknown as { kassaStorageBench: typeof storageOverhead }).kassaStorageBench = storageOverhead;
document.body.dataset.ready = 'true';
