import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  buildReturn,
  buildSale,
  type Cashier,
  CLOCK_HEADER,
  dec,
  DEFAULT_PRICING_RULES,
  localDayHour,
  type Dec,
  type Product,
  type ProductsReport,
  type Sale,
  type SalesReport,
  type Store,
  type TenderInput,
  type Till,
} from '../../../shared/src/index.js';
import { DEMO_STORE_ID, demoCashierId } from '../demo.js';
import { pairTill } from '../testing.js';
import { headers, product, row, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Any mix of sales (several lines, an order discount, cash, card or both, cash rounded to 0.05),
 * returns (put back or written off) and offline tills' sales made days before they arrive gives
 * reports whose figures are the documents' own sums, to the cent: per day made, store, tax rate and
 * tender. Real HTTP on 127.0.0.1, real storage.
 */
const PRODUCTS = ['p-000010', 'p-000011', 'p-000012', 'p-000013'];
const DAY_MS = 86_400_000;

type Step =
  | { kind: 'sale'; till: number; lines: { product: number; quantity: number }[]; discount: number; paid: 'cash' | 'card' | 'split'; daysAgo: number }
  | { kind: 'return'; pick: number; restock: boolean }
  | { kind: 'reconnect' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      till: fc.nat({ max: 2 }),
      lines: fc.array(fc.record({ product: fc.nat({ max: PRODUCTS.length - 1 }), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
      discount: fc.constantFrom(0, 0, 5, 12.5),
      paid: fc.constantFrom('cash' as const, 'card' as const, 'split' as const),
      daysAgo: fc.nat({ max: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat({ max: 99 }), restock: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'reconnect' as const }) },
);

/** A store's figures summed from the documents, returns taken off. */
function summed(documents: readonly Sale[], amount: (sale: Sale) => Dec): string {
  return documents.reduce((total, sale) => (sale.kind === 'return' ? total.minus(amount(sale)) : total.plus(amount(sale))), dec('0')).toFixed(2);
}

it('reports the documents’ own sums to the cent per day made, store, tax rate and tender, through any mix of sales, discounts, split tenders, cash rounding, returns and late offline sales', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 6, maxLength: 20 }), async (steps) => {
      await startDemo();
      try {
        const owner = await server.loginAs('owner');
        // Cash is rounded to 0.05 in the demo store.
        expect((await owner.call(`/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', { cashRounding: '0.05' })).status).toBe(200);
        const harbour = (await owner.call<Store>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street', copyFrom: DEMO_STORE_ID })).json;
        const harbourTill = (await owner.call<Till>('/api/office/tills', 'POST', { storeId: harbour.id, code: 'H1', name: 'Harbour till' })).json;
        const harbourCredential = await pairTill(server.url, harbourTill.id);
        const harbourManager = (await owner.call<Cashier>('/api/office/cashiers', 'POST', { storeId: harbour.id, name: 'Robin Manager', role: 'manager', pin: '4321' })).json;
        const headersOf = (tillId: string) => (tillId === harbourTill.id ? { authorization: `Bearer ${harbourCredential}`, 'content-type': 'application/json' } : headers(tillId));
        // Till 1 is always online; till 2 (demo store) and the harbour till are offline until they reconnect.
        const tills = [
          { id: 'till-1', code: 'T1', store: { id: DEMO_STORE_ID, code: 'S1', cashRounding: '0.05' } },
          { id: 'till-2', code: 'T2', store: { id: DEMO_STORE_ID, code: 'S1', cashRounding: '0.05' } },
          { id: harbourTill.id, code: 'H1', store: { id: harbour.id, code: 'S2', cashRounding: harbour.cashRounding } },
        ];
        const items = await Promise.all(PRODUCTS.map((id) => product(id)));
        const numbers = new Map<string, number>();
        const waiting = new Map<string, Sale[]>();
        const stored: Sale[] = [];
        const returnable: { sale: Sale; returns: Sale[] }[] = [];
        const manager = { id: demoCashierId(DEMO_STORE_ID, 'morgan'), name: 'Morgan Manager' };
        const push = async (tillId: string, documents: Sale[]) => {
          if (documents.length === 0) return;
          const response = await fetch(`${server.url}/api/sync/sales/push`, {
            method: 'POST',
            headers: { ...headersOf(tillId), [CLOCK_HEADER]: new Date().toISOString() },
            body: JSON.stringify(documents.map(row)),
          });
          const answer = (await response.json()) as { refused?: unknown[] };
          expect([response.status, answer.refused]).toEqual([200, []]);
          stored.push(...documents);
          for (const document of documents) if (document.kind !== 'return') returnable.push({ sale: document, returns: [] });
        };
        const reconnect = async () => {
          for (const [tillId, documents] of waiting) await push(tillId, documents.splice(0));
        };

        for (const next of steps) {
          if (next.kind === 'sale') {
            const till = tills[next.till];
            const number = (numbers.get(till.id) ?? 0) + 1;
            numbers.set(till.id, number);
            const completedAt = new Date(Date.now() - (till.id === 'till-1' ? 0 : next.daysAgo * DAY_MS)).toISOString();
            const cashier = till.store.id === DEMO_STORE_ID ? manager : { id: harbourManager.id, name: harbourManager.name };
            const cart = next.lines.map((line) => ({ product: items[line.product], quantity: String(line.quantity), taxRatePercent: items[line.product].taxClass === 'standard' ? '20' : '7' }));
            const payments: TenderInput[] =
              next.paid === 'cash'
                ? [{ tender: 'cash', tendered: '500' }]
                : next.paid === 'card'
                  ? [{ tender: 'card', amount: 'rest', card: { brand: 'Visa', last4: '4242' } } as unknown as TenderInput]
                  : [{ tender: 'card', amount: '1.00', card: { brand: 'Visa', last4: '4242' } }, { tender: 'cash', tendered: '500' }];
            const document = buildSale(
              {
                items: cart,
                ...(next.discount > 0 ? { orderDiscount: { percent: String(next.discount), reason: 'regular customer', by: cashier } } : {}),
                payments: payments.map((payment) => (payment.tender === 'card' && payment.amount === 'rest' ? { ...payment, amount: cartTotal(cart, next.discount) } : payment)),
              },
              { id: `sale-${till.id}-${number}`, number, store: { ...till.store, currency: 'EUR', pricing: DEFAULT_PRICING_RULES }, till: { id: till.id, code: till.code }, cashier, completedAt },
            );
            if (till.id === 'till-1') await push(till.id, [document]);
            else waiting.set(till.id, [...(waiting.get(till.id) ?? []), document]);
          } else if (next.kind === 'return') {
            const candidates = returnable.filter(({ sale }) => sale.tillId === 'till-1');
            if (candidates.length === 0) continue;
            const original = candidates[next.pick % candidates.length];
            const line = original.sale.lines[0];
            const back = original.returns.reduce((total, earlier) => total.plus(earlier.lines.filter((one) => one.productId === line.productId).reduce((sum, one) => sum.plus(dec(one.quantity)), dec('0'))), dec('0'));
            if (back.gte(dec(line.quantity))) continue;
            const number = (numbers.get('till-1') ?? 0) + 1;
            numbers.set('till-1', number);
            const document = buildReturn(original.sale, [{ productId: line.productId, quantity: '1', restock: next.restock }], original.returns, {
              id: `return-till-1-${number}`,
              number,
              store: { id: DEMO_STORE_ID, code: 'S1', cashRounding: '0.05' },
              till: { id: 'till-1', code: 'T1' },
              cashier: manager,
              completedAt: new Date().toISOString(),
            });
            original.returns.push(document);
            await push('till-1', [document]);
          } else {
            await reconnect();
          }
        }
        await reconnect();

        const today = localDayHour(new Date()).day;
        const from = localDayHour(new Date(Date.now() - 3 * DAY_MS)).day;
        const report = async (query: string) => {
          const answer = await owner.call<SalesReport>(`/api/office/reports/sales?${query}`);
          expect(answer.status, answer.text).toBe(200);
          return answer.json;
        };
        const dayOf = (sale: Sale) => localDayHour(sale.completedAt).day;
        const storeIds = [DEMO_STORE_ID, harbour.id];
        for (const storeId of storeIds) {
          const ofStore = stored.filter((sale) => sale.storeId === storeId);
          // Per day made: with tax, without, the tax.
          const byDay = await report(`stores=${storeId}&from=${from}&to=${today}&by=day`);
          for (const line of byDay.rows) {
            const ofDay = ofStore.filter((sale) => dayOf(sale) === line.key);
            expect([line.key, line.gross, line.net, line.tax]).toEqual([
              line.key,
              summed(ofDay, (sale) => dec(sale.totals.gross)),
              summed(ofDay, (sale) => dec(sale.totals.net)),
              summed(ofDay, (sale) => dec(sale.totals.tax)),
            ]);
            expect([line.sales, line.returns]).toEqual([ofDay.filter((sale) => sale.kind !== 'return').length, ofDay.filter((sale) => sale.kind === 'return').length]);
          }
          // Per tender, each day: what each tender paid, rounding included, refunds taken off.
          for (const day of new Set(ofStore.map(dayOf))) {
            const ofDay = ofStore.filter((sale) => dayOf(sale) === day);
            const tenders = await report(`stores=${storeId}&from=${day}&to=${day}&by=tender`);
            const paid = (tender: string) => summed(ofDay, (sale) => sale.payments.filter((payment) => payment.tender === tender).reduce((total, payment) => total.plus(dec(payment.amount)), dec('0')));
            expect(Object.fromEntries(tenders.rows.map((line) => [line.key, line.gross]))).toEqual(Object.fromEntries([...new Set(ofDay.flatMap((sale) => sale.payments.map((payment) => payment.tender)))].map((tender) => [tender, paid(tender)])));
            // Per tax rate: the tax and what it was charged on.
            const taxes = await report(`stores=${storeId}&from=${day}&to=${day}&by=tax`);
            for (const line of taxes.rows) {
              const ofRate = (pick: (tax: Sale['taxes'][number]) => string) => (sale: Sale) =>
                sale.taxes.filter((tax) => dec(tax.taxRatePercent).toFixed() === line.key).reduce((total, tax) => total.plus(dec(pick(tax))), dec('0'));
              expect([line.key, line.net, line.tax]).toEqual([line.key, summed(ofDay, ofRate((tax) => tax.net)), summed(ofDay, ofRate((tax) => tax.tax))]);
            }
          }
        }
        // Both stores together, per store: each its own sums.
        const byStore = await report(`from=${from}&to=${today}&by=store`);
        expect(Object.fromEntries(byStore.rows.map((line) => [line.key, line.gross]))).toEqual(
          Object.fromEntries(storeIds.filter((storeId) => stored.some((sale) => sale.storeId === storeId)).map((storeId) => [storeId, summed(stored.filter((sale) => sale.storeId === storeId), (sale) => dec(sale.totals.gross))])),
        );
        expect(byStore.totals.gross).toBe(summed(stored, (sale) => dec(sale.totals.gross)));
        // What sells over whole months (last month's first day to this month's last), read from month
        // sums: for each store, and for both together from the chain's, units sold less returned.
        const now = new Date();
        const monthsFrom = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
        const monthsTo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
        const unitsOf = (sales: readonly Sale[]) => {
          const units = new Map<string, Dec>();
          for (const sale of sales) {
            for (const line of sale.lines) units.set(line.productId, (units.get(line.productId) ?? dec('0')).plus(dec(line.quantity).mul(sale.kind === 'return' ? -1 : 1)));
          }
          return Object.fromEntries([...units].map(([productId, quantity]) => [productId, quantity.toFixed()]));
        };
        for (const stores of [[DEMO_STORE_ID], [harbour.id], storeIds]) {
          const sells = await owner.call<ProductsReport>(`/api/office/reports/products?stores=${stores.join(',')}&from=${monthsFrom}&to=${monthsTo}&limit=100`);
          expect(sells.status, sells.text).toBe(200);
          expect(Object.fromEntries(sells.json.rows.map((line) => [line.productId, line.quantity]))).toEqual(unitsOf(stored.filter((sale) => stores.includes(sale.storeId))));
        }
      } finally {
        await stopDemo();
      }
    }),
    { numRuns: Number(process.env.KASSA_PROPERTY_RUNS ?? 6) },
  );
}, 300_000);

/** What a card pays for a whole cart: its total with tax after the order discount, as the till prices it. */
function cartTotal(cart: { product: Pick<Product, 'id' | 'sku' | 'name' | 'unit' | 'price' | 'taxClass'>; quantity: string; taxRatePercent: string }[], discount: number): string {
  const priced = buildSale(
    { items: cart, ...(discount > 0 ? { orderDiscount: { percent: String(discount), reason: 'pricing', by: { id: 'x', name: 'x' } } } : {}), payments: [{ tender: 'cash', tendered: '100000' }] },
    { id: 'pricing', number: 1, store: { id: 'pricing', code: 'P', currency: 'EUR', pricing: DEFAULT_PRICING_RULES }, till: { id: 'pricing', code: 'P' }, cashier: { id: 'x', name: 'x' }, completedAt: new Date().toISOString() },
  );
  return priced.totals.gross;
}
