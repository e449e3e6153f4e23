import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOCK_HEADER, type Product, type StockCountLine, type StockCountView, type StockReport, type StoredStockCount, type SyncErrorBody } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall } from '../testing.js';
import { headers, level, product, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Stock counts: a sheet for a store, a category or chosen products, counted by entries (scans, typed
 * quantities, corrections), each counting once; posting moves stock by counted less what the ledger
 * expected at each line's moment, so sales while counting are no difference, and a sale made before
 * a product was counted that arrives after it (an offline till) is no difference either. Real HTTP
 * on 127.0.0.1, real storage (SQLite, or PostgreSQL with KASSA_TEST_STORAGE=postgres).
 */
beforeEach(startDemo);
afterEach(stopDemo);

const open = (body: Record<string, unknown>) => officeCall<StockCountView & SyncErrorBody>(server.url, '/api/office/counts', 'POST', body);
const enter = (countId: string, productId: string, quantity: string, entryId = `e-${Math.random()}`) =>
  officeCall<StockCountLine & SyncErrorBody>(server.url, `/api/office/counts/${countId}/entries`, 'POST', { entryId, productId, quantity });
const post = (countId: string, uncounted = 'leave') => officeCall<StockCountView & SyncErrorBody>(server.url, `/api/office/counts/${countId}/post`, 'POST', { uncounted });
const sheet = async (countId: string) => (await officeCall<StockCountView>(server.url, `/api/office/counts/${countId}`)).json;
const onHand = async (productId: string) => (await level(productId)).quantity;
const countRows = async () => (await server.query<{ n: number }>("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM stock_ledger WHERE source = 'count'"))[0].n;

/** Pushes sales from till-1, its clock `skewMs` off the server's (ahead when positive). */
async function pushFromTill(sales: unknown[], skewMs = 0) {
  const response = await fetch(`${server.url}/api/sync/sales/push`, {
    method: 'POST',
    headers: { ...headers('till-1'), [CLOCK_HEADER]: new Date(Date.now() + skewMs).toISOString() },
    body: JSON.stringify(sales),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { refused: unknown[] };
}

/** A sale of `quantity` of a product at till-1, made `minutesAgo` by the till's clock (skewed by `skewMs`). */
async function saleMade(number: number, productId: string, quantity: string, minutesAgo: number, skewMs = 0) {
  const made = await sale(number, quantity, productId);
  return row({ ...made, completedAt: new Date(Date.now() + skewMs - minutesAgo * 60_000).toISOString() });
}

describe('stock counts', () => {
  it('counts chosen products by entries, each once however often sent, and posts counted less expected', async () => {
    const [milk, bread] = ['p-000010', 'p-000011'];
    const milkBefore = await onHand(milk);
    const breadBefore = await onHand(bread);
    const opened = await open({ id: 'count-1', storeId: DEMO_STORE_ID, scope: 'products', productIds: [milk, bread], reference: 'Dairy shelf' });
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ number: 'SC-000001', state: 'open', blind: false, countedLines: 0, storeCode: 'S1' });
    expect(opened.json.lines.map((line) => line.productId)).toEqual([milk, bread]);
    // Opened again (a lost answer): the same count.
    expect((await open({ id: 'count-1', storeId: DEMO_STORE_ID, scope: 'products', productIds: [milk, bread], reference: 'Dairy shelf' })).status).toBe(200);

    // Three scans and a typed 4 of milk; one scan sent twice counts once.
    await enter('count-1', milk, '1', 'scan-1');
    await enter('count-1', milk, '1', 'scan-2');
    expect((await enter('count-1', milk, '1', 'scan-2')).json.counted).toBe('2');
    const typed = await enter('count-1', milk, '4', 'typed-1');
    expect(typed.json).toMatchObject({ counted: '6', expected: milkBefore, difference: String(6 - Number(milkBefore)) });
    // A correction takes one off; more than was counted is refused.
    expect((await enter('count-1', milk, '-1', 'fix-1')).json.counted).toBe('5');
    const tooMuch = await enter('count-1', milk, '-9', 'fix-2');
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.details?.[0]?.problems[0]).toContain('at most what was counted (5)');
    // The same entry id with another quantity is refused.
    expect((await enter('count-1', milk, '2', 'scan-1')).status).toBe(409);

    const posted = await post('count-1');
    expect(posted.status).toBe(200);
    expect(posted.json.state).toBe('posted');
    expect(await onHand(milk)).toBe('5');
    // Bread was not counted and is left as it was.
    expect(await onHand(bread)).toBe(breadBefore);
    expect(await countRows()).toBe(1);
    // The stock page shows the difference among adjustments.
    const report = (await officeCall<StockReport>(server.url, `/api/office/stock?store=${DEMO_STORE_ID}`)).json;
    expect(report.products.find((line) => line.productId === milk)!.adjusted).toBe(String(5 - Number(milkBefore)));
    // Posted: nothing more counts, and it is not posted twice.
    expect((await enter('count-1', milk, '1')).status).toBe(409);
    expect((await post('count-1')).status).toBe(409);
    expect(await countRows()).toBe(1);
  });

  it('a sale made while counting is no difference: the line was counted before it', async () => {
    const milk = 'p-000010';
    const before = Number(await onHand(milk));
    await open({ id: 'count-2', storeId: DEMO_STORE_ID, scope: 'products', productIds: [milk] });
    // The shelf holds what the books say; it is counted, then a customer buys 2 before the count is posted.
    await enter('count-2', milk, String(before));
    await pushFromTill([await saleMade(1, milk, '2', 0)]);
    expect(Number(await onHand(milk))).toBe(before - 2);
    await post('count-2');
    expect(Number(await onHand(milk))).toBe(before - 2);
    expect(await countRows()).toBe(0);
  });

  it('a sale made before the count at an offline till is no difference, whether it arrives before or after the count is posted', async () => {
    const [milk, bread] = ['p-000010', 'p-000011'];
    const milkBefore = Number(await onHand(milk));
    const breadBefore = Number(await onHand(bread));
    // The till, offline, sold 2 milk and 1 bread a few minutes ago; the shelves hold that much less,
    // and one more milk went missing. Its clock is an hour ahead.
    const hourAhead = 3_600_000;
    const offline = [await saleMade(1, milk, '2', 5, hourAhead), await saleMade(2, bread, '1', 4, hourAhead)];
    await open({ id: 'count-late', storeId: DEMO_STORE_ID, scope: 'products', productIds: [milk, bread] });
    await enter('count-late', milk, String(milkBefore - 3));
    await enter('count-late', bread, String(breadBefore - 1));
    // Bread's sale arrives while the count is open: it joins the line as late, and bread shows no difference.
    await pushFromTill([offline[1]], hourAhead).catch(() => undefined);
    let lines = (await sheet('count-late')).lines;
    // Sales are applied in number order: bread's (number 2) waits for milk's (number 1).
    expect(lines.find((line) => line.productId === bread)!.late).toBe('0');
    const posted = (await post('count-late')).json;
    expect(posted.lines.find((line) => line.productId === milk)!.difference).toBe('-3');
    expect(Number(await onHand(milk))).toBe(milkBefore - 3);
    // Now both arrive: not taken off again.
    await pushFromTill(offline, hourAhead);
    expect(Number(await onHand(milk))).toBe(milkBefore - 3);
    expect(Number(await onHand(bread))).toBe(breadBefore - 1);
    lines = (await sheet('count-late')).lines;
    expect(lines.find((line) => line.productId === milk)).toMatchObject({ late: '-2', expected: String(milkBefore - 2), difference: '-1' });
    expect(lines.find((line) => line.productId === bread)).toMatchObject({ late: '-1', difference: '0' });
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, milk)).toBe(String(milkBefore - 3));
    // Pushed again (a lost answer): nothing moves twice.
    await pushFromTill(offline, hourAhead);
    expect(Number(await onHand(milk))).toBe(milkBefore - 3);
  });

  it('a late sale joins an open count as late, judged by the server clock though its till runs two hours ahead; a sale made after the count is no difference', async () => {
    const milk = 'p-000010';
    const before = Number(await onHand(milk));
    const made = await saleMade(1, milk, '2', 2, 7_200_000);
    await open({ id: 'count-open', storeId: DEMO_STORE_ID, scope: 'products', productIds: [milk] });
    await enter('count-open', milk, String(before - 2));
    // The till's clock is two hours ahead: its sale made 2 minutes ago reads 1 h 58 min from now, after
    // the count, unless corrected. Made after the count by the server's clock, a sale of 1 more.
    await pushFromTill([made], 7_200_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await pushFromTill([await saleMade(2, milk, '1', 0)]);
    const line = (await sheet('count-open')).lines[0]!;
    expect(line).toMatchObject({ counted: String(before - 2), late: '-2', expected: String(before - 2), difference: '0' });
    await post('count-open');
    expect(Number(await onHand(milk))).toBe(before - 3);
    expect(await countRows()).toBe(0);
  });

  it('one open count of a product at a time; a cancelled count moves nothing and hands its late sales to the count before it', async () => {
    const milk = 'p-000010';
    const before = Number(await onHand(milk));
    const made = await saleMade(1, milk, '2', 10);
    await open({ id: 'count-a', storeId: DEMO_STORE_ID, scope: 'products', productIds: [milk] });
    await enter('count-a', milk, String(before - 2));
    await post('count-a');
    await open({ id: 'count-b', storeId: DEMO_STORE_ID, scope: 'store' });
    await enter('count-b', milk, String(before - 2));
    await open({ id: 'count-c', storeId: DEMO_STORE_ID, scope: 'store' });
    const second = await enter('count-c', milk, '1');
    expect(second.status).toBe(409);
    expect(second.json.message).toContain('is being counted on SC-000002: post or cancel that count first');
    // The sale arrives while count b is open: late on b. Count b is cancelled: count a, posted, offsets it.
    await pushFromTill([made]);
    expect(Number(await onHand(milk))).toBe(before - 4);
    expect((await officeCall<StockCountView>(server.url, '/api/office/counts/count-b/cancel', 'POST')).json.state).toBe('cancelled');
    expect(Number(await onHand(milk))).toBe(before - 2);
    expect((await sheet('count-a')).lines[0]).toMatchObject({ late: '-2', difference: '0' });
    // Now count c may count milk.
    expect((await enter('count-c', milk, '1')).status).toBe(200);
  });

  it('takes a hostile till\'s absurd clock as no clock: its sales are stored and counted, judged by their own time', async () => {
    const milk = 'p-000010';
    const before = Number(await onHand(milk));
    await open({ id: 'count-clock', storeId: DEMO_STORE_ID, scope: 'products', productIds: [milk] });
    await enter('count-clock', milk, String(before));
    await post('count-clock');
    for (const [number, clock] of [[1, '-271821-04-20T00:00:00.000Z'], [2, '+275760-09-13T00:00:00.000Z'], [3, '1970-01-01T00:00:00.000Z']] as const) {
      const response = await fetch(`${server.url}/api/sync/sales/push`, {
        method: 'POST',
        headers: { ...headers('till-1'), [CLOCK_HEADER]: clock },
        body: JSON.stringify([await saleMade(number, milk, '1', 0)]),
      });
      expect([response.status, ((await response.json()) as { refused: unknown[] }).refused]).toEqual([200, []]);
    }
    // Made now by their own time, after the count: each sale moves stock, none is offset as late.
    expect(Number(await onHand(milk))).toBe(before - 3);
    expect(await countRows()).toBe(0);
  });

  it('a blind count hides what the ledger expected until it is posted', async () => {
    const milk = 'p-000010';
    const before = await onHand(milk);
    await open({ id: 'count-3', storeId: DEMO_STORE_ID, scope: 'products', productIds: [milk], blind: true });
    const line = (await enter('count-3', milk, '3')).json;
    expect([line.counted, line.expected, line.difference]).toEqual(['3', null, null]);
    expect((await sheet('count-3')).lines[0]!.expected).toBeNull();
    const posted = (await post('count-3')).json;
    expect([posted.lines[0]!.expected, posted.lines[0]!.difference]).toEqual([before, String(3 - Number(before))]);
  });

  it('a count of a category takes its products; one of another category is refused by name; posting may count the rest as none', async () => {
    // Three products filed under Dairy (one in a subcategory), the rest elsewhere.
    const filed = { 'p-000010': 'Dairy', 'p-000011': 'Dairy/Milk', 'p-000012': 'Dairy', 'p-000013': 'Dairyland' } as Record<string, string>;
    const stored = await Promise.all(Object.keys(filed).map(product));
    await server.repository.write(async (writer) => {
      for (const item of stored) await writer.put('products', { ...item, category: filed[item.id] }, null);
    });
    const products = (await officeCall<Product[]>(server.url, '/api/office/products')).json;
    const category = 'dairy';
    const inCategory = products.filter((item) => ['p-000010', 'p-000011', 'p-000012'].includes(item.id));
    const other = products.find((item) => item.id === 'p-000013')!;
    const opened = (await open({ id: 'count-4', storeId: DEMO_STORE_ID, scope: 'category', category })).json;
    expect(opened.lines.map((line) => line.productId).sort()).toEqual(inCategory.map((item) => item.id).sort());
    const refused = await enter('count-4', other.id, '1');
    expect(refused.status).toBe(422);
    expect(refused.json.details?.[0]?.problems[0]).toContain(`${other.sku} ${other.name} is not on count SC-000001 (category dairy)`);
    await enter('count-4', inCategory[0]!.id, '2');
    const rest = inCategory.slice(1);
    const posted = (await post('count-4', 'zero')).json;
    expect(posted.countedLines).toBe(inCategory.length);
    expect(await onHand(inCategory[0]!.id)).toBe('2');
    for (const item of rest) expect(await onHand(item.id)).toBe('0');
  });

  it('refuses bad input with a clear message and moves nothing', async () => {
    const milk = 'p-000010';
    const bad = await open({ id: 'count-5', storeId: DEMO_STORE_ID, scope: 'products', productIds: [] });
    expect(bad.status).toBe(422);
    expect(bad.json.details?.[0]?.problems).toContain('productIds: 1 to 5,000 products to count');
    expect((await open({ id: 'count-5', storeId: 'no-such-store', scope: 'store' })).status).toBe(422);
    await open({ id: 'count-5', storeId: DEMO_STORE_ID, scope: 'store' });
    // Not a number, zero, part of a piece, absurd.
    for (const quantity of ['abc', '0', '1.5', '2000000000']) expect((await enter('count-5', milk, quantity)).status).toBe(422);
    const weighed = (await officeCall<{ id: string; unit: string }[]>(server.url, '/api/office/products')).json.find((item) => item.unit === 'kg')!;
    expect((await enter('count-5', weighed.id, '1.2345')).status).toBe(422);
    expect((await enter('count-5', weighed.id, '1.234')).json.counted).toBe('1.234');
    expect((await enter('count-5', 'no-such-product', '1')).status).toBe(422);
    expect((await post('count-5', 'maybe')).status).toBe(422);
    expect((await officeCall(server.url, '/api/office/counts/count-5/cancel', 'POST')).status).toBe(200);
    expect((await post('count-5')).status).toBe(409);
    expect(await countRows()).toBe(0);
  });

  it('a clerk counts in their store but neither posts nor counts in another', async () => {
    const clerk = await server.loginAs('clerk', [DEMO_STORE_ID]);
    const opened = await clerk.call<StockCountView>('/api/office/counts', 'POST', { id: 'count-6', storeId: DEMO_STORE_ID, scope: 'store' });
    expect(opened.status).toBe(201);
    expect((await clerk.call('/api/office/counts/count-6/entries', 'POST', { entryId: 'c1', productId: 'p-000010', quantity: '1' })).status).toBe(200);
    expect((await clerk.call('/api/office/counts/count-6/post', 'POST', { uncounted: 'leave' })).status).toBe(403);
    const owner = await server.loginAs('owner');
    const harbour = (await owner.call<{ id: string }>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' })).json;
    await owner.call('/api/office/counts', 'POST', { id: 'count-7', storeId: harbour.id, scope: 'store' });
    expect((await clerk.call('/api/office/counts/count-7/entries', 'POST', { entryId: 'c2', productId: 'p-000010', quantity: '1' })).status).toBe(403);
    expect((await clerk.call<StoredStockCount[]>(`/api/office/counts?store=${DEMO_STORE_ID}`)).json.map((count) => count.id)).toEqual(['count-6']);
  });
});

