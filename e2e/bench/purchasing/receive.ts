/**
 * Receiving a large delivery: a purchase order of `--lines` lines (default 500) from one supplier,
 * sent, then received in one goods receipt against it (each line's quantity, half of them with a
 * cost of their own) through the office API, timed from the request to the answer. Three orders in
 * turn per storage, on SQLite and (when reachable) PostgreSQL; the slowest of the three is the figure.
 *
 * `npx tsx e2e/bench/purchasing/receive.ts [--lines=500]`
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Product, PurchaseOrder, StockDocument, Supplier } from '../../../shared/src/index.js';
import { createTestDatabase, postgresLane } from '../../../sync-server/src/storage/postgres/testing.js';
import { startServer, TEST_OFFICE_KEY } from '../../../sync-server/src/testing.js';

export interface ReceiveRun {
  storage: string;
  lines: number;
  /** Seconds to record each receipt, in turn. */
  receiptSeconds: number[];
  slowestSeconds: number;
}

const ROUNDS = 3;

async function call<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, { method, headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

async function run(storage: 'sqlite' | 'postgres', lineCount: number): Promise<ReceiveRun> {
  const database = storage === 'postgres' ? await createTestDatabase() : undefined;
  const server = await startServer({ products: lineCount + 100, ...(database ? { file: database.url } : {}) });
  try {
    const office = `${server.url}/api/office`;
    const products = (await call<Product[]>(`${office}/products`, 'GET')).filter((product) => product.unit === 'piece').slice(0, lineCount);
    if (products.length < lineCount) throw new Error(`only ${products.length} products sold by the piece`);
    const supplier = await call<Supplier>(`${office}/suppliers`, 'POST', { name: 'Bench Wholesale', contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [] });
    for (let start = 0; start < products.length; start += 25) {
      await Promise.all(
        products.slice(start, start + 25).map((product, index) => call(`${office}/suppliers/${supplier.id}/products/${product.id}`, 'PUT', { supplierSku: `BW-${start + index}`, packSize: '12', packCost: '6.00', preferred: true })),
      );
    }
    const receiptSeconds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const made = await call<PurchaseOrder>(`${office}/purchase-orders`, 'POST', { storeId: 'store-1', supplierId: supplier.id, lines: products.map((product) => ({ productId: product.id, packs: '2' })) });
      const sent = await call<PurchaseOrder>(`${office}/purchase-orders/${made.id}/send`, 'POST', { updatedAt: made.updatedAt });
      const receipt: StockDocument = {
        id: `bench-receipt-${round}`,
        kind: 'receipt',
        storeId: 'store-1',
        reference: `DN-${round}`,
        recordedBy: 'bench',
        purchaseOrderId: sent.id,
        lines: products.map((product, index) => ({ productId: product.id, quantity: '24', ...(index % 2 === 0 ? { unitCost: '0.48' } : {}) })),
      };
      const started = performance.now();
      const answer = await call<{ recorded: boolean }>(`${office}/stock-documents`, 'POST', receipt);
      receiptSeconds.push(Math.round((performance.now() - started) / 10) / 100);
      if (!answer.recorded) throw new Error('the receipt was not recorded');
      const received = await call<PurchaseOrder>(`${office}/purchase-orders/${sent.id}`, 'GET');
      if (received.state !== 'received') throw new Error(`the order is ${received.state} after its receipt`);
    }
    return { storage, lines: lineCount, receiptSeconds, slowestSeconds: Math.max(...receiptSeconds) };
  } finally {
    await server.stop();
    await database?.drop();
  }
}

export async function runReceive(lines = 500): Promise<ReceiveRun[]> {
  const runs = [await run('sqlite', lines)];
  if ((await postgresLane()).reachable) runs.push(await run('postgres', lines));
  else console.log('receiving on PostgreSQL: skipped, PostgreSQL not reachable');
  return runs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const match = process.argv.slice(2).map((argument) => /^--lines=(\d+)$/.exec(argument)).find(Boolean);
  console.table(await runReceive(match ? Number(match[1]) : undefined));
}
