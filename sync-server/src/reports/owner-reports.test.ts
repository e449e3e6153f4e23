import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Dec} from '../../../shared/src/index.js';
import {
  buildReturn,
  buildSale,
  dec,
  DEFAULT_PRICING_RULES,
  localDayHour,
  type AccountingReport,
  type CartItem,
  type ControlReport,
  type CustomersReport,
  type MarginsReport,
  type Person,
  type Product,
  type ProductsReport,
  type RunningLowReport,
  type Sale,
  type SalesReport,
  type ShiftEvent,
  type SlowMoversReport,
  type Store,
  type SyncErrorBody,
  type TenderInput,
  type VoidedLine,
} from '../../../shared/src/index.js';
import { DEMO_STORE_ID, demoCashierId } from '../demo.js';
import { StockBook } from '../stock/stock-book.js';
import { fillReportFacts } from './fill.js';
import { officeCall, TEST_OFFICE_KEY } from '../testing.js';
import { headers, level, product, row, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * The owner's questions, answered from the sums the server keeps as it applies sales, returns and
 * shift events: what sells and what does not, weak margins, what runs low, who buys, what each
 * cashier gave away or handled, and the accountant's daily totals. Real HTTP on 127.0.0.1, real
 * storage (SQLite, or PostgreSQL with KASSA_TEST_STORAGE=postgres).
 */
beforeEach(startDemo);
afterEach(stopDemo);

const store = { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES };
const alex = { id: demoCashierId(DEMO_STORE_ID, 'alex'), name: 'Alex Cashier' };
const morgan = { id: demoCashierId(DEMO_STORE_ID, 'morgan'), name: 'Morgan Manager' };
const SHIFT = 'shift-till-1-a';

const rate = (item: Product) => (item.taxClass === 'standard' ? '20' : '7');

function saleOf(
  number: number,
  items: (Omit<CartItem, 'taxRatePercent'> & { product: Product })[],
  payments: TenderInput[],
  options: { at: string; cashier?: Person; customer?: Person; voids?: VoidedLine[] },
): Sale {
  return buildSale(
    { items: items.map((item) => ({ ...item, taxRatePercent: rate(item.product) })), payments, ...(options.voids ? { voids: options.voids } : {}) },
    { id: `sale-till-1-${number}`, number, store, till: { id: 'till-1', code: 'T1' }, cashier: options.cashier ?? alex, completedAt: options.at, shiftId: SHIFT, ...(options.customer ? { customer: options.customer } : {}) },
  );
}

async function pushSales(sales: Sale[]) {
  const response = await fetch(`${server.url}/api/sync/sales/push`, { method: 'POST', headers: headers('till-1'), body: JSON.stringify(sales.map(row)) });
  const body = (await response.json()) as { refused: unknown[] };
  expect(response.status).toBe(200);
  expect(body.refused).toEqual([]);
}

async function pushEvents(events: ShiftEvent[]) {
  const response = await fetch(`${server.url}/api/sync/shiftEvents/push`, {
    method: 'POST',
    headers: headers('till-1'),
    body: JSON.stringify(events.map((document) => ({ newDocumentState: { ...document, _deleted: false } }))),
  });
  const body = (await response.json()) as { refused: unknown[] };
  expect(response.status).toBe(200);
  expect(body.refused).toEqual([]);
}

function event(sequence: number, kind: ShiftEvent['kind'], at: string, fields: Partial<ShiftEvent> = {}): ShiftEvent {
  return { id: kind === 'open' ? SHIFT : `event-till-1-${sequence}`, storeId: DEMO_STORE_ID, tillId: 'till-1', shiftId: SHIFT, kind, sequence, at, cashier: alex, currency: 'EUR', ...fields };
}

const get = <T>(path: string) => officeCall<T & SyncErrorBody>(server.url, path);

/** Sums of decimal strings, to the cent. */
const sum = (values: readonly (string | Dec)[]) => values.reduce<Dec>((total, value) => total.plus(dec(value)), dec('0')).toFixed(2);

describe("the owner's reports", () => {
  it('answer what sells, weak margins, who buys, what each cashier gave away and the accountant’s daily totals, to the cent', async () => {
    const [milk, bread, cheese, apples] = await Promise.all(['p-000010', 'p-000011', 'p-000012', 'p-000013'].map(product));
    const now = new Date();
    const at = now.toISOString();
    const today = localDayHour(now).day;
    const longAgo = new Date(now.getTime() - 40 * 86_400_000);
    const ann = { id: 'customer-ann', name: 'Ann' };
    const ben = { id: 'customer-ben', name: 'Ben' };

    // Ben bought 40 days ago: a returning customer today.
    const old = saleOf(1, [{ product: bread, quantity: '1' }], [{ tender: 'cash', tendered: '100' }], { at: longAgo.toISOString(), customer: ben });
    const first = saleOf(2, [{ product: milk, quantity: '6' }], [{ tender: 'cash', tendered: '100' }], { at, customer: ann });
    // The manager sells cheese at 90 % off: a loss on it.
    const discounted = saleOf(3, [{ product: cheese, quantity: '2', discount: { percent: '90', reason: 'damaged', by: morgan } }], [{ tender: 'cash', tendered: '100' }], {
      at,
      cashier: morgan,
      customer: ann,
    });
    // Bread, with a line voided before payment; paid part by card, part in cash.
    const voided: VoidedLine = { productId: apples.id, name: apples.name, quantity: '2', gross: dec(apples.price).mul(2).toFixed(2), by: alex };
    const split = saleOf(4, [{ product: bread, quantity: '3' }], [{ tender: 'card', amount: '1.00', card: { brand: 'Visa', last4: '4242' } }, { tender: 'cash', tendered: '100' }], { at, customer: ben, voids: [voided] });
    const returned = buildReturn(first, [{ productId: milk.id, quantity: '1', restock: true }], [], { id: 'return-1', number: 5, store, till: { id: 'till-1', code: 'T1' }, cashier: alex, completedAt: at, shiftId: SHIFT });
    const cheeseSale = discounted;
    await pushSales([old]);
    await pushEvents([event(1, 'open', at, { amount: '100.00', counted: [{ denomination: '100', count: 1 }] })]);
    await pushSales([first, cheeseSale, split, returned]);
    // Alex voids a whole cart, and closes the shift 2.50 short.
    const cashTaken = [first, cheeseSale, split].reduce((total, sale) => total.plus(sale.payments.filter((payment) => payment.tender === 'cash').reduce((paid, payment) => paid.plus(dec(payment.amount)), dec('0'))), dec('0'));
    const expected = dec('100').plus(cashTaken).minus(dec(returned.totals.gross));
    const counted = expected.minus('2.50');
    await pushEvents([
      event(2, 'void', at, { reason: 'customer left', lines: [{ productId: milk.id, name: milk.name, quantity: '1', gross: milk.price }] }),
      event(3, 'close', at, { counted: [{ denomination: '0.01', count: counted.mul(100).toNumber() }], expectedCash: expected.toFixed(2), countedCash: counted.toFixed(2), difference: '-2.50' }),
    ]);
    const todays = [first, cheeseSale, split];

    // What sells: by units, milk (6 less 1 returned) first, then bread, then cheese.
    const products = await get<ProductsReport>(`/api/office/reports/products?from=${today}&to=${today}&order=quantity`);
    expect(products.status).toBe(200);
    expect(products.json.rows.map((line) => [line.sku, line.quantity, line.sales, line.returns])).toEqual([
      [milk.sku, '5', 1, 1],
      [bread.sku, '3', 1, 0],
      [cheese.sku, '2', 1, 0],
    ]);
    expect(products.json.rows[0].onHand).toBe((await level(milk.id)).quantity);
    expect(products.json.products).toBe(3);
    expect(products.json.totals.gross).toBe(sum([...todays.map((sale) => sale.totals.gross), dec(returned.totals.gross).neg()]));
    // By revenue, and by margin: the cheese sold at a loss comes last.
    const byRevenue = (await get<ProductsReport>(`/api/office/reports/products?from=${today}&to=${today}&order=revenue&limit=1`)).json;
    const revenue = (sale: Sale, productId: string) => sale.lines.filter((line) => line.productId === productId).map((line) => line.gross);
    const revenues = [milk, bread, cheese].map((item) => ({ sku: item.sku, gross: dec(sum(revenue(first, item.id))).minus(sum(revenue(returned, item.id))).plus(sum([...revenue(cheeseSale, item.id), ...revenue(split, item.id)])) }));
    const topRevenue = revenues.sort((a, b) => b.gross.comparedTo(a.gross))[0];
    expect(byRevenue.rows.map((line) => [line.sku, line.gross])).toEqual([[topRevenue.sku, topRevenue.gross.toFixed(2)]]);
    const byMargin = (await get<ProductsReport>(`/api/office/reports/products?from=${today}&to=${today}&order=margin`)).json;
    expect(byMargin.rows.at(-1)!.sku).toBe(cheese.sku);
    expect(dec(byMargin.rows.at(-1)!.margin).isNegative()).toBe(true);

    // Margins: the cheese is a loss, below the target, and only because of its discount; worked out
    // from its net, its cost, and its discount taken to net as its net is to its gross.
    const margins = (await get<MarginsReport>(`/api/office/reports/margins?from=${today}&to=${today}&target=30`)).json;
    const line = cheeseSale.lines[0];
    const cheeseNet = dec(line.net);
    const cheeseCost = dec(cheese.cost).mul(2);
    const cheeseMargin = cheeseNet.minus(cheeseCost);
    const discountNet = dec(line.discount!).mul(cheeseNet).div(dec(line.gross));
    const before = cheeseMargin.plus(discountNet).mul(100).div(cheeseNet.plus(discountNet));
    expect(before.gte(30)).toBe(true);
    expect(margins.weak[0]).toMatchObject({
      sku: cheese.sku,
      reasons: ['negative', 'below-target', 'discounts'],
      margin: cheeseMargin.toFixed(2),
      marginPercent: cheeseMargin.mul(100).div(cheeseNet).toFixed(1),
      marginBeforeDiscountsPercent: before.toFixed(1),
    });
    // Milk and bread, sold at their price, are listed exactly when their margin is below the target.
    for (const [item, documents, units] of [
      [milk, [first, returned], 5],
      [bread, [split], 3],
    ] as const) {
      const itemNet = documents.reduce((total, sale) => total.plus(dec(sale.lines.find((candidate) => candidate.productId === item.id)!.net).mul(sale.kind === 'return' ? -1 : 1)), dec('0'));
      const percent = itemNet.minus(dec(item.cost).mul(units)).mul(100).div(itemNet);
      expect(margins.weak.find((weak) => weak.sku === item.sku)?.reasons ?? [], item.sku).toEqual(percent.lt(30) ? ['below-target'] : []);
    }
    expect(margins.targetPercent).toBe('30');
    expect(margins.categories.map((line) => line.key).sort()).toEqual([...new Set([milk, bread, cheese].map((item) => item.category ?? ''))].sort());

    // Customers: Ann is new (two sales today), Ben returning; the return comes off Ann's spend.
    const customers = (await get<CustomersReport>(`/api/office/reports/customers?from=${today}&to=${today}`)).json;
    expect(customers.rows.map((line) => [line.customerId, line.sales, line.gross, line.isNew, line.segment])).toEqual([
      [ann.id, 2, sum([first.totals.gross, cheeseSale.totals.gross]), true, 'new'],
      [ben.id, 1, dec(split.totals.gross).toFixed(2), false, expect.any(String)],
    ]);
    expect(customers.totals).toMatchObject({ customers: 2, newCustomers: 1, returningCustomers: 1, sales: 3 });
    // The return was made for no customer named on it: it counts with the sales without one.
    expect(customers.totals.anonymousGross).toBe(dec(returned.totals.gross).neg().toFixed(2));

    // Control: the manager's discount, Alex's void on the sale and the whole cart, the refund, the shift short.
    const control = (await get<ControlReport>(`/api/office/reports/control?from=${today}&to=${today}`)).json;
    const alexRow = control.rows.find((line) => line.cashierId === alex.id)!;
    const morganRow = control.rows.find((line) => line.cashierId === morgan.id)!;
    expect(alexRow.name).toBe('Alex Cashier');
    expect(morganRow.lineDiscounts).toEqual({ count: 1, amount: dec(cheeseSale.lines[0].discount!).toFixed(2) });
    expect(alexRow.voids).toEqual({ count: 2, amount: sum([voided.gross, milk.price]) });
    expect(alexRow.refunds).toEqual({ count: 1, amount: dec(returned.totals.gross).toFixed(2) });
    expect(alexRow.refundsWithoutReceipt.count).toBe(0);
    expect(alexRow.cashShort).toEqual({ count: 1, amount: '2.50' });
    expect(alexRow.cashOver).toEqual({ count: 0, amount: '0.00' });
    expect(control.totals.sales).toBe(3);

    // The accountant's day: per rate and per tender, as the sales report by tax rate and tender says.
    const accounting = (await get<AccountingReport>(`/api/office/reports/accounting?from=${today}&to=${today}`)).json;
    const [byTax, byTender] = await Promise.all(['tax', 'tender'].map(async (by) => (await get<SalesReport>(`/api/office/reports/sales?from=${today}&to=${today}&by=${by}`)).json));
    expect(accounting.days).toHaveLength(1);
    expect(accounting.days[0].taxes).toEqual(byTax.rows.map((line) => ({ rate: line.key, net: line.net, tax: line.tax, gross: line.gross })));
    expect(accounting.tenders).toEqual(['cash', 'card']);
    expect(accounting.days[0].tenders).toEqual(['cash', 'card'].map((tender) => ({ tender, amount: byTender.rows.find((line) => line.key === tender)!.gross })));
    expect(accounting.totals.gross).toBe(byTax.totals.gross);

    // A database whose facts were emptied (a migration that changes them) sums them again at start,
    // from the sales and the shift events: the same answers.
    await server.query('DELETE FROM report_facts RETURNING 1');
    expect((await get<ControlReport>(`/api/office/reports/control?from=${today}&to=${today}`)).json.rows).toEqual([]);
    expect(await fillReportFacts(server.repository)).toBe(5);
    // The same figures (only the moment a running period is complete up to moves on).
    const figures = <T extends { completeness: unknown }>({ completeness: _completeness, ...rest }: T) => rest;
    expect(figures((await get<ControlReport>(`/api/office/reports/control?from=${today}&to=${today}`)).json)).toEqual(figures(control));
    expect(figures((await get<CustomersReport>(`/api/office/reports/customers?from=${today}&to=${today}`)).json)).toEqual(figures(customers));
    expect(figures((await get<ProductsReport>(`/api/office/reports/products?from=${today}&to=${today}&order=quantity`)).json)).toEqual(figures(products.json));
    expect(figures((await get<AccountingReport>(`/api/office/reports/accounting?from=${today}&to=${today}`)).json)).toEqual(figures(accounting));
  });

  it('list slow movers, and what runs low: out of stock, at its reorder point, or with few days of cover', async () => {
    const [milk, bread, cheese, tea, jam, honey, oil, salt] = await Promise.all(['p-000010', 'p-000011', 'p-000012', 'p-000013', 'p-000014', 'p-000015', 'p-000016', 'p-000017'].map(product));
    const at = new Date().toISOString();
    const onHand = async (item: Product) => dec((await level(item.id)).quantity);
    // Milk sold out; half the bread sold (few days of cover at today's pace); cheese below a fixed minimum.
    const milkStock = await onHand(milk);
    const breadStock = await onHand(bread);
    const half = breadStock.div(2).ceil();
    // Tea and jam from suppliers, one of each sold today: the automatic reorder point over one day's
    // sales is the lead time's days of them (no spread). Tea's supplier takes as many days as the tea
    // left, so tea is exactly at its point; jam's one day fewer, so jam is a unit above its own.
    const [teaStock, jamStock] = await Promise.all([onHand(tea), onHand(jam)]);
    for (const [item, leadTimeDays] of [
      [tea, teaStock.minus(1).toNumber()],
      [jam, jamStock.minus(2).toNumber()],
    ] as const) {
      const supplier = (await officeCall<{ id: string }>(server.url, '/api/office/suppliers', 'POST', { name: `Supplier of ${item.name}`, contact: {}, currency: 'EUR', leadTimeDays, orderDays: [] })).json;
      expect((await officeCall(server.url, `/api/office/suppliers/${supplier.id}/products/${item.id}`, 'PUT', { supplierSku: item.sku, packSize: '1', packCost: '1.00', preferred: true })).status).toBe(200);
    }
    // Salt last sold 40 days ago: slow over 30 days, with that day.
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    await pushSales([
      saleOf(1, [{ product: salt, quantity: '1' }], [{ tender: 'cash', tendered: '100000' }], { at: longAgo.toISOString() }),
      saleOf(2, [{ product: milk, quantity: milkStock.toFixed() }], [{ tender: 'cash', tendered: '100000' }], { at }),
      saleOf(3, [{ product: bread, quantity: half.toFixed() }], [{ tender: 'cash', tendered: '100000' }], { at }),
      saleOf(4, [{ product: tea, quantity: '1' }, { product: jam, quantity: '1' }], [{ tender: 'cash', tendered: '100000' }], { at }),
    ]);
    const rule = await fetch(`${server.url}/api/office/reorder/rules/${DEMO_STORE_ID}/${cheese.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ min: (await onHand(cheese)).plus(1).toFixed(), max: (await onHand(cheese)).plus(20).toFixed() }),
    });
    expect(rule.status).toBe(200);
    // Oil has a minimum below what it holds, and no sale: not low, whatever its rule.
    const oilRule = await officeCall(server.url, `/api/office/reorder/rules/${DEMO_STORE_ID}/${oil.id}`, 'PUT', { min: (await onHand(oil)).minus(1).toFixed(), max: (await onHand(oil)).plus(20).toFixed() });
    expect(oilRule.status).toBe(200);
    // Honey written off to nothing, never sold: out of stock with no sale in the window, all the same.
    const writeOff = await officeCall(server.url, '/api/office/stock-documents', 'POST', {
      id: 'honey-write-off',
      kind: 'adjustment',
      reason: 'damaged',
      reference: 'broken jars',
      storeId: DEMO_STORE_ID,
      lines: [{ productId: honey.id, quantity: (await onHand(honey)).neg().toFixed() }],
      recordedBy: 'Olga',
    });
    expect(writeOff.status).toBe(201);

    // Over one day's sales: the bread's cover is what is left over what sold today.
    const low = (await get<RunningLowReport>('/api/office/reports/running-low?windowDays=1&coverDays=7')).json;
    const states = new Map(low.rows.map((line) => [line.sku, line]));
    expect(states.get(milk.sku)).toMatchObject({ state: 'out', onHand: '0', averageDaily: milkStock.toFixed(3) });
    expect(states.get(milk.sku)!.outSince).not.toBeNull();
    expect(states.get(cheese.sku)).toMatchObject({ state: 'reorder', policy: 'min/max', onHand: (await onHand(cheese)).toFixed(), reorderPoint: (await onHand(cheese)).plus(1).toFixed() });
    expect(states.has(oil.sku)).toBe(false);
    expect(states.get(bread.sku)).toMatchObject({ state: 'low-cover', daysOfCover: breadStock.minus(half).div(half).toDecimalPlaces(1).toFixed(1) });
    expect(states.get(tea.sku)).toMatchObject({ state: 'reorder', policy: 'automatic', onHand: teaStock.minus(1).toFixed(), averageDaily: '1.000', reorderPoint: teaStock.minus(1).toFixed() });
    // Jam is above its point: listed, if at all, for its days of cover alone.
    expect(states.get(jam.sku)?.state ?? null).not.toBe('reorder');
    expect(low.rows[0].state).toBe('out');
    expect(states.get(honey.sku)).toMatchObject({ state: 'out', onHand: '0', averageDaily: '0.000', daysOfCover: null, lostQuantity: '0' });
    expect(low.counts).toEqual({ out: 2, reorder: 2, 'low-cover': low.rows.filter((line) => line.state === 'low-cover').length });
    // A shorter list is the head of the same one, with the counts of all. (What is lost grows with
    // the clock between the two answers: left out.)
    const head = (await get<RunningLowReport>('/api/office/reports/running-low?windowDays=1&coverDays=7&limit=2')).json;
    const timeless = (rows: RunningLowReport['rows']) => rows.map(({ outSince: _since, daysOut: _days, lostQuantity: _quantity, lostSales: _sales, ...row }) => row);
    expect(timeless(head.rows)).toEqual(timeless(low.rows.slice(0, 2)));
    expect(head.counts).toEqual(low.counts);

    // Slow movers: everything on hand but what sold today, the most value first.
    const slow = (await get<SlowMoversReport>('/api/office/reports/slow-movers?days=30')).json;
    expect(slow.rows.map((line) => line.sku)).not.toContain(bread.sku);
    expect(slow.rows.map((line) => line.sku)).not.toContain(milk.sku);
    expect(slow.rows.map((line) => line.sku)).toContain(cheese.sku);
    expect(slow.rows.find((line) => line.sku === cheese.sku)!.lastSoldDay).toBeNull();
    expect(slow.rows.find((line) => line.sku === salt.sku)!.lastSoldDay).toBe(localDayHour(longAgo).day);
    expect(slow.count).toBe(slow.rows.length);
    const values = slow.rows.map((line) => dec(line.stockValue ?? '0'));
    expect(values).toEqual([...values].sort((a, b) => b.comparedTo(a)));
    expect(slow.stockValue).toBe(sum(values));
    // A shorter list is the head of the same order (value, then store and SKU), with the same count and value.
    for (const limit of [1, 3, 7]) {
      const head = (await get<SlowMoversReport>(`/api/office/reports/slow-movers?days=30&limit=${limit}`)).json;
      expect(head.rows, `limit ${limit}`).toEqual(slow.rows.slice(0, limit));
      expect([head.count, head.stockValue]).toEqual([slow.count, slow.stockValue]);
    }
  });

  it('list what runs low in every store asked for, each store’s own stock', async () => {
    const demo = (await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!;
    const [milk, bread] = await Promise.all([product('p-000010'), product('p-000011')]);
    const book = new StockBook(server.repository);
    // Seven stores, more than are worked out at once: milk out in each of the odd ones, bread on
    // the shelf in all of them and never sold (never low).
    const ids = Array.from({ length: 7 }, (_, index) => `store-${index + 2}`);
    for (const [index, id] of ids.entries()) {
      await server.repository.putDocument('stores', { ...demo, id, code: `S${index + 2}`, name: `Store ${index + 2}` }, id);
      await book.open(id, milk.id, index % 2 === 0 ? '0' : '4');
      await book.open(id, bread.id, '5');
    }
    const low = (await get<RunningLowReport>(`/api/office/reports/running-low?stores=${ids.join(',')}`)).json;
    expect(low.rows.map((line) => [line.storeId, line.sku, line.state])).toEqual(ids.filter((_, index) => index % 2 === 0).map((id) => [id, milk.sku, 'out']));
    expect(low.counts).toEqual({ out: 4, reorder: 0, 'low-cover': 0 });
  });

  it('are told as any of their stores changes, on one stream', async () => {
    const other = { ...(await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!, id: 'store-2', code: 'S2', name: 'Second store' };
    await server.repository.putDocument('stores', other, other.id);
    const stream = await fetch(`${server.url}/api/office/events?stores=store-2,${DEMO_STORE_ID}`, { headers: { authorization: `Bearer ${TEST_OFFICE_KEY}` } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    // The hello first; then a sale at the demo store's till.
    await reader.read();
    const [milk] = await Promise.all([product('p-000010')]);
    await pushSales([saleOf(1, [{ product: milk, quantity: '1' }], [{ tender: 'cash', tendered: '10' }], { at: new Date().toISOString() })]);
    let heard = '';
    while (!heard.includes('"changed"')) heard += new TextDecoder().decode((await reader.read()).value);
    expect(heard).toContain('stockLevels');
    await reader.cancel();
    // Naming no store is refused with what to name.
    const none = await get<unknown>('/api/office/events');
    expect(none.status).toBe(400);
    expect(none.json.message).toContain('comma-separated');
  });

  it('refuse bad parameters with what is wrong', async () => {
    const today = localDayHour(new Date()).day;
    for (const [path, problem] of [
      [`/api/office/reports/products?from=${today}&to=${today}&order=price`, 'order: one of quantity, revenue, margin'],
      [`/api/office/reports/products?from=${today}&to=${today}&limit=0`, 'limit: a whole number from 1 to 1000'],
      ['/api/office/reports/slow-movers?days=-3', 'days: a whole number from 1 to 3650'],
      [`/api/office/reports/margins?from=${today}&to=${today}&target=abc`, 'target: a margin in percent, 0 to 99.99'],
      ['/api/office/reports/running-low?windowDays=400', 'windowDays: a whole number from 1 to 366'],
      ['/api/office/reports/running-low?limit=0', 'limit: a whole number from 1 to 20000'],
      [`/api/office/reports/customers?from=${today}&to=${today}&order=age`, 'order: one of gross, sales, recent'],
      [`/api/office/reports/accounting?from=${today}&to=2020-01-01`, 'to: on or after from'],
    ] as const) {
      const answer = await get<unknown>(path);
      expect(answer.status, path).toBe(400);
      expect(answer.json.details?.[0]?.problems, path).toContain(problem);
    }
    // A list of stores that names none is refused, not taken as no store at all.
    const none = await get<unknown>('/api/office/reports/running-low?stores=,');
    expect(none.status).toBe(400);
    expect(none.json.message).toContain('no store named in ","');
  });
});
