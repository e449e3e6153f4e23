import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildReturn,
  buildSale,
  dec,
  DEFAULT_PRICING_RULES,
  localDayHour,
  syncPaths,
  WAITING_HEADER,
  type Dashboard,
  type Dec,
  type Product,
  type Sale,
  type SalesReport,
  type StockLevel,
  type StockValue,
  type SyncErrorBody,
  type TenderInput,
} from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { fillReportFacts } from './fill.js';
import { createOfficeAccount, officeCall, officeLogin } from '../testing.js';
import { headers, product, row, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Reports read the sums the server adds up as it applies each sale and return, on the day each was
 * made: their totals equal the documents' own, per day, tender, tax rate, cashier and till, with an
 * offline till's sale on the day it was made, and they say which tills have not sent everything yet.
 * Real HTTP on 127.0.0.1, real storage (SQLite, or PostgreSQL with KASSA_TEST_STORAGE=postgres).
 */
beforeEach(startDemo);
afterEach(stopDemo);

const store = { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES };
const alice = { id: 'c1', name: 'Alice' };
const bob = { id: 'c2', name: 'Bob' };

function saleOf(number: number, items: { product: Product; quantity: string }[], payments: TenderInput[], completedAt: string, cashier = alice, till = 'till-1'): Sale {
  return buildSale(
    { items: items.map(({ product: item, quantity }) => ({ product: item, quantity, taxRatePercent: item.taxClass === 'standard' ? '20' : '7' })), payments },
    { id: `sale-${till}-${number}`, number, store, till: { id: till, code: till === 'till-1' ? 'T1' : 'T2' }, cashier, completedAt },
  );
}

async function pushFrom(till: string, sales: Sale[], waiting?: number) {
  const response = await fetch(`${server.url}/api/sync/sales/push`, {
    method: 'POST',
    headers: { ...headers(till), ...(waiting === undefined ? {} : { [WAITING_HEADER]: String(waiting) }) },
    body: JSON.stringify(sales.map(row)),
  });
  const body = (await response.json()) as { refused: unknown[] };
  expect(response.status).toBe(200);
  expect(body.refused).toEqual([]);
}

/** A till's report of how many documents wait on it to be sent. */
async function reportWaiting(till: string, waiting: number) {
  const response = await fetch(`${server.url}${syncPaths.status}`, { method: 'POST', headers: { ...headers(till), [WAITING_HEADER]: String(waiting) }, body: '{}' });
  expect(response.status).toBe(200);
}

const report = (query: string) => officeCall<SalesReport & SyncErrorBody>(server.url, `/api/office/reports/sales?${query}`);

/** A sum of the documents' amounts, returns taken off, to the cent. */
function net(documents: readonly Sale[], amount: (sale: Sale) => Dec): string {
  return documents.reduce((total, sale) => (sale.kind === 'return' ? total.minus(amount(sale)) : total.plus(amount(sale))), dec('0')).toFixed(2);
}

describe('reports', () => {
  it('sum the sales and returns applied, to the cent, per day, tender, tax rate, cashier and hour, an offline sale on the day it was made', async () => {
    const [milk, bread, cheese] = await Promise.all([product('p-000010'), product('p-000011'), product('p-000012')]);
    const now = new Date();
    const today = localDayHour(now).day;
    // A day earlier to the minute: yesterday whatever the hour (26 hours back was two days back before 02:00).
    const yesterdayAt = new Date(now.getTime() - 24 * 3_600_000);
    const yesterday = localDayHour(yesterdayAt).day;

    const first = saleOf(1, [{ product: milk, quantity: '2' }, { product: bread, quantity: '1' }], [{ tender: 'cash', tendered: '100' }], now.toISOString());
    // Split: part by card, the rest in cash.
    const second = saleOf(2, [{ product: cheese, quantity: '3' }], [{ tender: 'card', amount: '5.00', card: { brand: 'Visa', last4: '4242' } }, { tender: 'cash', tendered: '100' }], now.toISOString(), bob);
    const returned = buildReturn(first, [{ productId: milk.id, quantity: '1', restock: true }], [], { id: 'return-1', number: 3, store, till: { id: 'till-1', code: 'T1' }, cashier: alice, completedAt: now.toISOString() });
    await pushFrom('till-1', [first, second, returned], 0);
    // Till 2 was offline since yesterday: its sale made then arrives now.
    const offline = saleOf(1, [{ product: bread, quantity: '4' }], [{ tender: 'cash', tendered: '100' }], yesterdayAt.toISOString(), alice, 'till-2');
    await pushFrom('till-2', [offline], 0);
    const todays = [first, second, returned];
    const all = [...todays, offline];

    const byDay = await report(`from=${yesterday}&to=${today}&by=day`);
    expect(byDay.status).toBe(200);
    expect(byDay.json.rows.map((line) => [line.key, line.sales, line.returns, line.gross, line.net, line.tax])).toEqual([
      [yesterday, 1, 0, net([offline], (sale) => dec(sale.totals.gross)), net([offline], (sale) => dec(sale.totals.net)), net([offline], (sale) => dec(sale.totals.tax))],
      [today, 2, 1, net(todays, (sale) => dec(sale.totals.gross)), net(todays, (sale) => dec(sale.totals.net)), net(todays, (sale) => dec(sale.totals.tax))],
    ]);
    expect(byDay.json.totals).toMatchObject({ sales: 3, returns: 1, gross: net(all, (sale) => dec(sale.totals.gross)) });
    // The cost of goods sold at the products' cost (no delivery moved it), the returned milk back on the shelf.
    const cost = dec(milk.cost).mul(1).plus(dec(bread.cost).mul(5)).plus(dec(cheese.cost).mul(3));
    expect(byDay.json.totals.cost).toBe(cost.toFixed(2));
    expect(byDay.json.totals.margin).toBe(dec(net(all, (sale) => dec(sale.totals.net))).minus(cost).toFixed(2));

    // Tenders by what each paid: the card's 5.00 apart from the cash; a sale counts once in the totals.
    const tenders = (await report(`from=${yesterday}&to=${today}&by=tender`)).json;
    const paid = (tender: string) => net(all, (sale) => sale.payments.filter((payment) => payment.tender === tender).reduce((total, payment) => total.plus(dec(payment.amount)), dec('0')));
    expect(tenders.rows.map((line) => [line.key, line.label, line.gross])).toEqual([
      ['card', 'Card', paid('card')],
      ['cash', 'Cash', paid('cash')],
    ]);
    expect(tenders.rows.find((line) => line.key === 'card')!.sales).toBe(1);
    expect(tenders.totals.sales).toBe(3);

    // Tax per rate, for the accountant.
    const taxes = (await report(`from=${yesterday}&to=${today}&by=tax`)).json;
    for (const line of taxes.rows) {
      const ofRate = (sale: Sale) => sale.taxes.filter((tax) => dec(tax.taxRatePercent).toFixed() === line.key).reduce((total, tax) => total.plus(dec(tax.tax)), dec('0'));
      expect(line.tax).toBe(net(all, ofRate));
    }
    expect(taxes.rows.reduce((total, line) => total.plus(dec(line.tax)), dec('0')).toFixed(2)).toBe(byDay.json.totals.tax);

    // Per cashier, by name; per hour of the day.
    const cashiers = (await report(`from=${today}&to=${today}&by=cashier`)).json;
    expect(cashiers.rows.map((line) => [line.key, line.sales, line.returns, line.gross])).toEqual([
      ['c1', 1, 1, net([first, returned], (sale) => dec(sale.totals.gross))],
      ['c2', 1, 0, net([second], (sale) => dec(sale.totals.gross))],
    ]);
    const hours = (await report(`from=${today}&to=${today}&by=hour`)).json;
    expect(hours.rows.map((line) => [line.key, line.gross])).toEqual([[localDayHour(now).hour, net(todays, (sale) => dec(sale.totals.gross))]]);

    // The same push again (a lost answer) adds nothing.
    await pushFrom('till-1', [first, second, returned], 0);
    expect((await report(`from=${yesterday}&to=${today}&by=day`)).json.totals).toEqual(byDay.json.totals);

    // The dashboard: today, the period day by day, the stock's value.
    const dashboard = (await officeCall<Dashboard>(server.url, `/api/office/reports/dashboard?from=${yesterday}&to=${today}`)).json;
    expect(dashboard.today).toMatchObject({ sales: 2, returns: 1, gross: net(todays, (sale) => dec(sale.totals.gross)) });
    expect(dashboard.period).toEqual(byDay.json.totals);
    expect(dashboard.days.map((day) => day.key)).toEqual([yesterday, today]);
    // The stock's value now, at each product's cost (no delivery has moved an average), asked apart.
    const levels = await server.repository.storage.documents.list<StockLevel>('stockLevels', DEMO_STORE_ID);
    const costs = new Map((await server.repository.storage.documents.all<Product>('products')).map((item) => [item.id, item.cost]));
    const worth = levels.reduce((total, level) => (dec(level.quantity).gt(0) ? total.plus(dec(level.quantity).mul(dec(costs.get(level.productId)!))) : total), dec('0'));
    const stockValue = (await officeCall<StockValue>(server.url, '/api/office/reports/stock-value')).json;
    expect(stockValue).toMatchObject({ stores: [DEMO_STORE_ID], currency: 'EUR', value: worth.toFixed(2) });
    expect((await officeCall<StockValue>(server.url, `/api/office/reports/stock-value?stores=${DEMO_STORE_ID}`)).json.value).toBe(worth.toFixed(2));
  });

  it('read whole months from their month sums and the days at either end from the day sums: the same figures', async () => {
    const [milk, cheese] = await Promise.all([product('p-000010'), product('p-000012')]);
    const now = new Date();
    // Till 2 was offline for weeks: sales made 75, 40 and 10 days ago, and today.
    const made = [75, 40, 10, 0].map((daysAgo, index) =>
      saleOf(index + 1, [{ product: index % 2 ? milk : cheese, quantity: String(index + 1) }], [{ tender: 'cash', tendered: '200' }], new Date(now.getTime() - daysAgo * 86_400_000).toISOString(), index % 2 ? bob : alice, 'till-2'),
    );
    await pushFrom('till-2', made, 0);
    const from = localDayHour(new Date(now.getTime() - 80 * 86_400_000)).day;
    const to = localDayHour(now).day;
    const byDay = (await report(`from=${from}&to=${to}&by=day`)).json;
    for (const by of ['hour', 'till', 'cashier', 'category', 'tender', 'tax']) {
      const grouped = (await report(`from=${from}&to=${to}&by=${by}`)).json;
      const gross = grouped.rows.reduce((total, line) => total.plus(dec(line.gross)), dec('0')).toFixed(2);
      expect([by, gross]).toEqual([by, byDay.totals.gross]);
    }
    const cashiers = (await report(`from=${from}&to=${to}&by=cashier`)).json;
    expect(cashiers.rows.map((line) => [line.key, line.sales, line.gross])).toEqual([
      ['c1', 2, net([made[0], made[2]], (sale) => dec(sale.totals.gross))],
      ['c2', 2, net([made[1], made[3]], (sale) => dec(sale.totals.gross))],
    ]);
  });

  it('are filled once, at start, for the sales a database held before reports existed: the same figures', async () => {
    const [milk, cheese] = await Promise.all([product('p-000010'), product('p-000012')]);
    const now = new Date();
    const first = saleOf(1, [{ product: milk, quantity: '2' }, { product: cheese, quantity: '1' }], [{ tender: 'cash', tendered: '100' }], now.toISOString());
    const returned = buildReturn(first, [{ productId: milk.id, quantity: '1', restock: true }], [], { id: 'return-1', number: 2, store, till: { id: 'till-1', code: 'T1' }, cashier: alice, completedAt: now.toISOString() });
    await pushFrom('till-1', [first, returned], 0);
    const today = localDayHour(now).day;
    const before = await Promise.all(['day', 'cashier', 'category', 'tender', 'tax'].map(async (by) => (await report(`from=${today}&to=${today}&by=${by}`)).json.rows));
    // A database as it was before reports: its sales applied, no facts.
    await server.query('DELETE FROM report_facts RETURNING 1');
    expect((await report(`from=${today}&to=${today}&by=day`)).json.totals.sales).toBe(0);
    expect(await fillReportFacts(server.repository)).toBe(2);
    const after = await Promise.all(['day', 'cashier', 'category', 'tender', 'tax'].map(async (by) => (await report(`from=${today}&to=${today}&by=${by}`)).json.rows));
    expect(after).toEqual(before);
    // Once filled, never again: a second start adds nothing.
    expect(await fillReportFacts(server.repository)).toBe(0);
    expect((await report(`from=${today}&to=${today}&by=day`)).json.rows).toEqual(before[0]);
  });

  it('say which tills have not sent everything made by the end of the period, and since when', async () => {
    const milk = await product('p-000010');
    const now = new Date();
    const today = localDayHour(now).day;
    await pushFrom('till-1', [saleOf(1, [{ product: milk, quantity: '1' }], [{ tender: 'cash', tendered: '10' }], now.toISOString())], 0);
    // Till 2 says three documents are still waiting to be sent.
    await reportWaiting('till-2', 3);
    const { completeness } = (await report(`from=${today}&to=${today}&by=day`)).json;
    expect(completeness.complete).toBe(false);
    expect(completeness.behind.map((till) => [till.tillId, till.waiting, till.syncedUpTo])).toEqual([['till-2', 3, null]]);

    // Once it has sent them and says nothing is waiting, the day is complete.
    await reportWaiting('till-2', 0);
    const after = (await report(`from=${today}&to=${today}&by=day`)).json.completeness;
    expect(after).toMatchObject({ complete: true, behind: [] });
  });

  it('refuse bad spans, unknown stores and groupings, and stores the account does not work in', async () => {
    const bad = await report('from=2026-12-07&to=2026-12-01&by=day');
    expect(bad.status).toBe(400);
    expect(bad.json.details?.[0]?.problems).toEqual(['to: on or after from']);
    expect((await report('from=2026-02-30&to=2026-03-01&by=day')).json.details?.[0]?.problems).toEqual(['from: a day, YYYY-MM-DD']);
    expect((await report('from=2026-12-01&to=2026-12-07&by=weekday')).status).toBe(400);
    expect((await report('stores=store-nowhere&from=2026-12-01&to=2026-12-07&by=day')).status).toBe(404);

    // A manager of the demo store: its reports, by default and by name, and no other store's.
    const manager = await createOfficeAccount(server.url, 'manager');
    const session = await officeLogin(server.url, manager.email, manager.password);
    expect((await session.call<SalesReport>('/api/office/reports/sales?from=2026-12-01&to=2026-12-07&by=day')).json.stores).toEqual([DEMO_STORE_ID]);
    expect((await session.call(`/api/office/reports/sales?stores=${DEMO_STORE_ID}&from=2026-12-01&to=2026-12-07&by=day`)).status).toBe(200);
    expect((await session.call(`/api/office/reports/sales?stores=${DEMO_STORE_ID},store-elsewhere&from=2026-12-01&to=2026-12-07&by=day`)).status).toBe(403);
  });
});
