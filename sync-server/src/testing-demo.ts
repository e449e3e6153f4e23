import { buildCashSale, DEFAULT_PRICING_RULES, type Product, type Sale, type StockLevel } from '../../shared/src/index.js';
import { DEMO_STORE_ID } from './demo.js';
import { pairTill, startServer, TEST_OFFICE_KEY, type RunningServer } from './testing.js';

/*
 * The demo store with 30 products and two paired tills on a real server, and the requests the
 * feature tests make of it: `beforeEach(startDemo)` and `afterEach(stopDemo)` in a test file, then
 * `server`, `push`, `pull`, ... in its tests. Each test file has its own copy of this module.
 */

/** The running server of the current test. */
export let server: RunningServer;
let credentials: Record<string, string>;

export async function startDemo(): Promise<void> {
  server = await startServer({ products: 30 });
  credentials = { 'till-1': await pairTill(server.url, 'till-1'), 'till-2': await pairTill(server.url, 'till-2'), forged: 'not-a-credential-the-server-gave' };
}

export async function stopDemo(): Promise<void> {
  await server.stop();
}

/** A till's request headers: 'till-1', 'till-2', or 'forged' for a credential the server never gave. */
export function headers(till = 'till-1') {
  return { authorization: `Bearer ${credentials[till]}`, 'content-type': 'application/json' };
}

export async function pull(collection: string, query = '', till = 'till-1') {
  const response = await fetch(`${server.url}/api/sync/${collection}/pull${query}`, { headers: headers(till) });
  return { status: response.status, body: (await response.json()) as { documents: Record<string, unknown>[]; checkpoint: { seq: number; id: string } | null } };
}

/** A push of sales; `raw` sends that text as the body instead. */
export async function push(rows: unknown, till = 'till-1', raw?: string) {
  const response = await fetch(`${server.url}/api/sync/sales/push`, { method: 'POST', headers: headers(till), body: raw ?? JSON.stringify(rows) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Head office's API, with the office key. */
export async function office<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, ...init.headers } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function product(id: string): Promise<Product> {
  const found = await server.repository.getDocument<Product>('products', id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
}

/** The demo store's stock level of a product, as the server holds it. */
export async function level(productId: string): Promise<StockLevel> {
  return (await server.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:${productId}`))!;
}

/** A cash sale of `quantity` of one product (default p-000010) at a till (default till-1). */
export async function sale(number: number, quantity = '2', productId = 'p-000010', till = { id: 'till-1', code: 'T1' }): Promise<Sale> {
  const item = await product(productId);
  return buildCashSale([{ product: item, quantity, taxRatePercent: item.taxClass === 'standard' ? '20' : '7' }], '100', {
    id: `sale-${till.id}-${number}`,
    number,
    store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
    till,
    cashier: { id: 'c1', name: 'Alice' },
    completedAt: '2026-11-27T10:00:00.000Z',
  });
}

/** A cash sale of one `item` at till 1, made at `completedAt` at the item's price and the rate given (a till that priced and taxed it so then). */
export function saleAt(id: string, number: number, item: Product, completedAt: string, taxRatePercent: string): Sale {
  return buildCashSale([{ product: item, quantity: '1', taxRatePercent }], '100', {
    id,
    number,
    store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
    till: { id: 'till-1', code: 'T1' },
    cashier: { id: 'c1', name: 'Alice' },
    completedAt,
  });
}

/** A push row of a new document. */
export const row = (document: Sale) => ({ newDocumentState: { ...document, _deleted: false } });
