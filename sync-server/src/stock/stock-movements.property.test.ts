import fc from 'fast-check';
import { expect, it } from 'vitest';
import { AMOUNT_PLACES, buildReturn, CLOCK_HEADER, dec, fromUnits, QUANTITY_PLACES, toUnits, type Sale, type StockReport, type StockValuation, type StockValue, type Store } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall } from '../testing.js';
import { headers, level, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Any interleaving of the movements a store lives through keeps the books true. The run keeps the
 * shelf as it really is (the model) while it drives a real server (HTTP on 127.0.0.1, real storage):
 * sales at an online till (till-1) and at a till that is offline for stretches (till-2, whose sales
 * arrive when it reconnects, possibly after a count of their products is posted), returns put back
 * on the shelf, goods received at a cost, goods lost without a document, transfers to a second store
 * (received short or whole), and counts of what the shelf truly holds, posted at once or later. At
 * the end, per store and product:
 * - on hand = Σ the ledger's movements;
 * - on hand = the shelf, less nothing a count has seen: only losses since a product's last count
 *   are still missing from the books (so a late sale is never taken off twice, and a count's
 *   difference is exactly what went missing);
 * - the valuation's quantity is on hand, its value quantity × average cost within rounding, and
 *   its total the sum of its products.
 */
const PRODUCTS = ['p-000010', 'p-000011', 'p-000012'];
type Step =
  | { kind: 'sale'; till: 1 | 2; product: number; quantity: number }
  | { kind: 'return'; pick: number; quantity: number }
  | { kind: 'receipt'; store: number; product: number; quantity: number; cost: number }
  | { kind: 'loss'; store: number; product: number }
  | { kind: 'transfer'; product: number; quantity: number; short: number }
  | { kind: 'count'; store: number; product: number; postNow: boolean }
  | { kind: 'post' }
  | { kind: 'reconnect' };

const product = fc.nat({ max: PRODUCTS.length - 1 });
const store = fc.nat({ max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('sale' as const), till: fc.constantFrom(1 as const, 2 as const), product, quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat({ max: 99 }), quantity: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('receipt' as const), store, product, quantity: fc.integer({ min: 1, max: 12 }), cost: fc.integer({ min: 10, max: 400 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('loss' as const), store, product }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), product, quantity: fc.integer({ min: 1, max: 4 }), short: fc.nat({ max: 1 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('count' as const), store, product, postNow: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'post' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'reconnect' as const }) },
);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pushAs(till: 'till-1' | 'till-2', sales: Sale[]): Promise<void> {
  if (sales.length === 0) return;
  const response = await fetch(`${server.url}/api/sync/sales/push`, {
    method: 'POST',
    headers: { ...headers(till), [CLOCK_HEADER]: new Date().toISOString() },
    body: JSON.stringify(sales.map(row)),
  });
  const answer = (await response.json()) as { refused?: unknown[] };
  expect([response.status, answer.refused]).toEqual([200, []]);
}

async function call<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const answer = await officeCall<T>(server.url, path, method, body);
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300);
  return answer.json;
}

it('keeps on hand = Σ movements = the shelf less unseen losses, and the valuation = Σ quantity × cost, through any interleaving of sales, returns, receipts, losses, transfers and counts', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 28 }), async (steps) => {
      await startDemo();
      try {
        const owner = await server.loginAs('owner');
        const harbour = (await owner.call<Store>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' })).json;
        const stores = [DEMO_STORE_ID, harbour.id];
        // The model: what each shelf holds, and what went missing there since the product's last count.
        const shelf = new Map<string, number>();
        const unseen = new Map<string, number>();
        const key = (storeIndex: number, productIndex: number) => `${stores[storeIndex]}|${PRODUCTS[productIndex]}`;
        for (const [productIndex, productId] of PRODUCTS.entries()) {
          shelf.set(key(0, productIndex), Number((await level(productId)).quantity));
          shelf.set(key(1, productIndex), 0);
        }
        const move = (at: string, by: number) => shelf.set(at, shelf.get(at)! + by);
        const numbers = { 'till-1': 0, 'till-2': 0 };
        const held: Sale[] = [];
        const returnable: { sale: Sale; returns: Sale[] }[] = [];
        const pending: string[] = [];
        const counting = new Set<string>();
        let ids = 0;
        const post = async (countId: string) => {
          await call(`/api/office/counts/${countId}/post`, 'POST', { uncounted: 'zero' });
        };

        for (const next of steps) {
          ids++;
          if (next.kind === 'sale') {
            const at = key(0, next.product);
            if (shelf.get(at)! < next.quantity) continue;
            const till = next.till === 1 ? 'till-1' : 'till-2';
            const made = await sale(++numbers[till], String(next.quantity), PRODUCTS[next.product], { id: till, code: `T${next.till}` });
            const document = { ...made, completedAt: new Date().toISOString() };
            move(at, -next.quantity);
            if (till === 'till-2') held.push(document);
            else {
              await pushAs('till-1', [document]);
              returnable.push({ sale: document, returns: [] });
            }
          } else if (next.kind === 'return') {
            if (returnable.length === 0) continue;
            const original = returnable[next.pick % returnable.length];
            const sold = Number(original.sale.lines[0].quantity);
            const returned = original.returns.reduce((total, back) => total + Number(back.lines[0].quantity), 0);
            const quantity = Math.min(next.quantity, sold - returned);
            if (quantity <= 0) continue;
            const productId = original.sale.lines[0].productId;
            const back = buildReturn(original.sale, [{ productId, quantity: String(quantity), restock: true }], original.returns, {
              id: `return-${ids}`,
              number: ++numbers['till-1'],
              store: { id: DEMO_STORE_ID, code: 'S1' },
              till: { id: 'till-1', code: 'T1' },
              cashier: { id: 'c1', name: 'Alice' },
              completedAt: new Date().toISOString(),
            });
            await pushAs('till-1', [back]);
            original.returns.push(back);
            move(key(0, PRODUCTS.indexOf(productId)), quantity);
          } else if (next.kind === 'receipt') {
            const cost = (next.cost / 100).toFixed(2);
            await call('/api/office/stock-documents', 'POST', {
              id: `receipt-${ids}`,
              kind: 'receipt',
              storeId: stores[next.store],
              reference: 'delivery',
              recordedBy: 'test',
              lines: [{ productId: PRODUCTS[next.product], quantity: String(next.quantity), unitCost: cost }],
            });
            move(key(next.store, next.product), next.quantity);
          } else if (next.kind === 'loss') {
            const at = key(next.store, next.product);
            if (shelf.get(at)! < 1) continue;
            move(at, -1);
            unseen.set(at, (unseen.get(at) ?? 0) + 1);
          } else if (next.kind === 'transfer') {
            const from = key(0, next.product);
            if (shelf.get(from)! < next.quantity) continue;
            const lines = [{ productId: PRODUCTS[next.product], quantity: String(next.quantity) }];
            await call('/api/office/transfers', 'POST', { id: `transfer-${ids}`, fromStoreId: DEMO_STORE_ID, toStoreId: harbour.id, lines });
            const arrived = next.quantity - next.short;
            await call(`/api/office/transfers/transfer-${ids}/receive`, 'POST', { id: `transfer-receipt-${ids}`, storeId: harbour.id, lines: [{ ...lines[0], quantity: String(arrived) }] });
            move(from, -next.quantity);
            move(key(1, next.product), arrived);
          } else if (next.kind === 'count') {
            const at = key(next.store, next.product);
            // One open count per product at a time (the server refuses a second).
            if (counting.has(at)) continue;
            const countId = `count-${ids}`;
            await call('/api/office/counts', 'POST', { id: countId, storeId: stores[next.store], scope: 'products', productIds: [PRODUCTS[next.product]], blind: true });
            // The shelf as it is now: counted (nothing on it: counted as none when posted).
            if (shelf.get(at)! > 0) await call(`/api/office/counts/${countId}/entries`, 'POST', { entryId: 'e1', productId: PRODUCTS[next.product], quantity: String(shelf.get(at)) });
            unseen.set(at, 0);
            // Whatever happens next happens after the line's moment, by the clock too.
            await pause(3);
            if (next.postNow || shelf.get(at)! === 0) await post(countId);
            else {
              pending.push(countId);
              counting.add(at);
            }
          } else if (next.kind === 'post') {
            for (const countId of pending.splice(0)) await post(countId);
            counting.clear();
          } else {
            await pushAs('till-2', held.splice(0));
          }
        }
        // Counts posted before the offline till's last sales arrive, or after: both end the same.
        if (ids % 2 === 0) for (const countId of pending.splice(0)) await post(countId);
        await pushAs('till-2', held.splice(0));
        for (const countId of pending.splice(0)) await post(countId);

        for (const [storeIndex, storeId] of stores.entries()) {
          const valuation = await call<StockValuation>(`/api/office/valuation?store=${storeId}`);
          const report = await call<StockReport>(`/api/office/stock?store=${storeId}`);
          const total = valuation.products.reduce((sum, valued) => sum.plus(dec(valued.value)), dec('0'));
          expect(dec(valuation.total).eq(total), `${storeId} total ${valuation.total} = Σ ${total.toFixed()}`).toBe(true);
          // The narrow stock positions the chain's reports read agree with the documents every movement wrote.
          const positions = new Map((await server.repository.storage.documents.positions(storeId)).map((position) => [position.productId, position]));
          for (const [productIndex, productId] of PRODUCTS.entries()) {
            const at = key(storeIndex, productIndex);
            const level = await server.repository.getDocument<{ quantity: string }>('stockLevels', `${storeId}:${productId}`);
            const onHand = level?.quantity ?? '0';
            expect(positions.get(productId)?.quantity ?? null, `${at} position`).toBe(level ? toUnits(level.quantity, QUANTITY_PLACES) : null);
            expect(await server.repository.ledgerBalance(storeId, productId), `${at} ledger`).toBe(onHand);
            expect(Number(onHand), `${at} on hand`).toBe(shelf.get(at)! + (unseen.get(at) ?? 0));
            const valued = valuation.products.find((candidate) => candidate.productId === productId);
            if (!valued) {
              expect(Number(onHand), `${at} not valued`).toBe(0);
              continue;
            }
            expect(valued.quantity, `${at} valued quantity`).toBe(onHand);
            // The valuation replays the ledger; the stock page shows the average kept as receipts came: the same.
            const shown = report.products.find((row) => row.productId === productId)!.averageCost;
            expect(dec(valued.averageCost).eq(dec(shown)), `${at} average ${valued.averageCost} = stock page ${shown}`).toBe(true);
            expect(dec(valued.value).minus(dec(valued.quantity).mul(dec(valued.averageCost))).abs().lte('0.01'), `${at} value ${valued.value} = ${valued.quantity} × ${valued.averageCost}`).toBe(true);
          }
          // The dashboard's stock value: every product on hand at the average the stock page shows.
          const onHand = report.products.filter((row) => toUnits(row.quantity, QUANTITY_PLACES) > 0n);
          const stockValue = onHand.reduce((sum, row) => sum + toUnits(row.quantity, QUANTITY_PLACES) * toUnits(row.averageCost, AMOUNT_PLACES), 0n);
          const value = await call<StockValue>(`/api/office/reports/stock-value?stores=${storeId}`);
          expect(value.value, `${storeId} stock value`).toBe(fromUnits(stockValue, QUANTITY_PLACES + AMOUNT_PLACES, 2));
        }
      } finally {
        await stopDemo();
      }
    }),
    { numRuns: process.env.KASSA_PROPERTY_RUNS ? Number(process.env.KASSA_PROPERTY_RUNS) : 8, seed: 20261206, endOnFailure: true },
  );
}, 300_000);
