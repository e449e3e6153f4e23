import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReturn, buildCashSale, DEFAULT_PRICING_RULES, type Product, type ReturnLine, type Sale, type StockLevel } from '../../shared/src/index.js';
import { canonicalJson } from './canonical.js';
import { DEMO_STORE_ID } from './demo.js';
import { pairTill, startServer, TEST_OFFICE_KEY, type RunningServer } from './testing.js';

let server: RunningServer;
let credentials: Record<string, string>;

beforeEach(async () => {
  server = await startServer({ products: 30 });
  credentials = { 'till-1': await pairTill(server.url, 'till-1'), 'till-2': await pairTill(server.url, 'till-2'), forged: 'not-a-credential-the-server-gave' };
});
afterEach(async () => {
  await server.stop();
});

function headers(till = 'till-1') {
  return { authorization: `Bearer ${credentials[till]}`, 'content-type': 'application/json' };
}

async function pull(collection: string, query = '', till = 'till-1') {
  const response = await fetch(`${server.url}/api/sync/${collection}/pull${query}`, { headers: headers(till) });
  return { status: response.status, body: (await response.json()) as { documents: Record<string, unknown>[]; checkpoint: { seq: number; id: string } | null } };
}

async function push(rows: unknown, till = 'till-1', raw?: string) {
  const response = await fetch(`${server.url}/api/sync/sales/push`, { method: 'POST', headers: headers(till), body: raw ?? JSON.stringify(rows) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Head office's API, with the office key. */
async function office<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, ...init.headers } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

function product(id: string): Product {
  const found = server.repository.getDocument<Product>('products', id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
}

function level(productId: string): StockLevel {
  return server.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:${productId}`)!;
}

function sale(number: number, quantity = '2', productId = 'p-000010', till = { id: 'till-1', code: 'T1' }): Sale {
  const item = product(productId);
  return buildCashSale([{ product: item, quantity, taxRatePercent: item.taxClass === 'standard' ? '20' : '7' }], '100', {
    id: `sale-${till.id}-${number}`,
    number,
    store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
    till,
    cashier: { id: 'c1', name: 'Alice' },
    completedAt: '2026-11-27T10:00:00.000Z',
  });
}

const row = (document: Sale) => ({ newDocumentState: { ...document, _deleted: false } });

describe('pull', () => {
  it('pages through a collection in strictly increasing server sequence and resumes from a checkpoint', async () => {
    const seen: string[] = [];
    const seqs: number[] = [];
    let query = '?limit=7';
    for (;;) {
      const { status, body } = await pull('products', query);
      expect(status).toBe(200);
      if (body.documents.length === 0) break;
      seen.push(...body.documents.map((document) => document.id as string));
      seqs.push(body.checkpoint!.seq);
      query = `?limit=7&seq=${body.checkpoint!.seq}&id=${body.checkpoint!.id}`;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // A price change made later appears once, after the checkpoint reached, and nothing else does.
    const changed = { ...product('p-000003'), price: '9.99' };
    server.repository.putDocument('products', changed, null);
    const { body } = await pull('products', query);
    expect(body.documents.map((document) => [document.id, document.price])).toEqual([['p-000003', '9.99']]);
    expect(body.checkpoint!.seq).toBeGreaterThan(seqs.at(-1)!);
  });

  it('gives a till only its own store’s stock levels', async () => {
    server.repository.putDocument('stockLevels', { id: 'other:p-000001', storeId: 'other', productId: 'p-000001', quantity: '5', applied: {} }, 'other');
    const { body } = await pull('stockLevels', '?limit=1000');
    expect(body.documents.every((document) => document.storeId === DEMO_STORE_ID)).toBe(true);
    expect(body.documents).toHaveLength(30);
  });

  it('refuses a device without a credential the server gave, and a bad query', async () => {
    expect((await pull('products', '', 'forged')).status).toBe(401);
    expect((await pull('products', '?seq=abc')).status).toBe(400);
    expect((await pull('products', '?limit=100000')).status).toBe(400);
  });
});

describe('push', () => {
  it('stores a sale once, applies its stock effect once, and keeps the ledger and the projection equal', async () => {
    const before = level('p-000010').quantity;
    const first = await push([row(sale(1, '3'))]);
    expect(first).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    // The same push again (a retry after a lost answer) changes nothing.
    expect(await push([row(sale(1, '3'))])).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    expect(level('p-000010').quantity).toBe(String(Number(before) - 3));
    expect(level('p-000010').applied).toEqual({ 'till-1': 1 });
    expect(server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe(level('p-000010').quantity);
    expect(server.repository.till('till-1')!.lastNumber).toBe(1);
  });

  it('accepts the same document with its keys in another order as the same document', async () => {
    const document = sale(1);
    await push([row(document)]);
    const reordered = JSON.parse(canonicalJson(document)) as Sale;
    expect(await push([row(reordered)])).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
  });

  it('returns the stored sale as a conflict when a different document arrives under its id', async () => {
    const original = sale(1, '1');
    await push([row(original)]);
    const altered = { ...sale(1, '4'), id: original.id };
    const answer = await push([row(altered)]);
    expect(answer.status).toBe(200);
    expect(answer.body.conflicts).toEqual([{ ...original, _deleted: false }]);
    expect(level('p-000010').applied).toEqual({ 'till-1': 1 });
    expect(server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe(level('p-000010').quantity);
  });

  it('applies sales in each till’s number order even when they arrive out of order', async () => {
    const opening = Number(level('p-000010').quantity);
    await push([row(sale(2, '2'))]);
    // Number 1 has not arrived: number 2 is stored but not yet in the stock level.
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    expect(level('p-000010').quantity).toBe(String(opening));
    await push([row(sale(1, '1'))]);
    expect(level('p-000010').quantity).toBe(String(opening - 3));
    expect(level('p-000010').applied).toEqual({ 'till-1': 2 });
    expect(server.repository.till('till-1')!.lastNumber).toBe(2);
  });

  it('keeps tills apart: each till’s numbers are its own', async () => {
    const opening = Number(level('p-000010').quantity);
    await push([row(sale(1, '1'))], 'till-1');
    await push([row(sale(1, '2', 'p-000010', { id: 'till-2', code: 'T2' }))], 'till-2');
    expect(level('p-000010').quantity).toBe(String(opening - 3));
    expect(level('p-000010').applied).toEqual({ 'till-1': 1, 'till-2': 1 });
  });

  describe('refuses bad input with a clear 4xx and stores nothing', () => {
    async function expectNothingStored() {
      expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(0);
      expect(level('p-000010').applied).toEqual({});
    }

    it('malformed JSON', async () => {
      const answer = await push(undefined, 'till-1', '[{"newDocumentState": ');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'bad_request', message: 'request body is not valid JSON' });
      await expectNothingStored();
    });

    it('a body that is not a list of rows', async () => {
      const answer = await push({ hello: 'world' });
      expect(answer).toMatchObject({ status: 400, body: { error: 'bad_request' } });
      await expectNothingStored();
    });

    it('a row that is not a document with an id', async () => {
      const answer = await push([row(sale(1)), { newDocumentState: { ...sale(2), id: undefined } }]);
      expect(answer).toMatchObject({ status: 400, body: { error: 'bad_request', message: '1 of 2 rows are not documents; nothing was stored' } });
      await expectNothingStored();
    });

    it('a push of more documents than one batch may carry', async () => {
      const answer = await push(Array.from({ length: 1001 }, (_, index) => row({ ...sale(1), id: `many-${index}` })));
      expect(answer).toMatchObject({ status: 413, body: { error: 'too_large' } });
      await expectNothingStored();
    });

    it('a device with a forged credential', async () => {
      const answer = await push([row(sale(1))], 'forged');
      expect(answer).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
      await expectNothingStored();
      expect(server.repository.refusals(DEMO_STORE_ID)).toEqual([]);
    });

    it('a till writing master data or stock levels', async () => {
      for (const collection of ['products', 'stockLevels', 'stores', 'taxClasses', 'tills']) {
        const response = await fetch(`${server.url}/api/sync/${collection}/push`, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify([{ newDocumentState: { ...product('p-000001'), price: '0.01', _deleted: false } }]),
        });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'not_writable' });
      }
      expect(product('p-000001').price).not.toBe('0.01');
    });

    it('a till speaking another protocol version', async () => {
      const response = await fetch(`${server.url}/api/sync/products/pull`, { headers: { ...headers(), 'x-kassa-protocol': '99' } });
      expect(response.status).toBe(426);
      expect(await response.json()).toMatchObject({ error: 'protocol_mismatch' });
    });
  });
});

describe('a refused document', () => {
  interface Answer {
    conflicts: unknown[];
    refused: { id: string; number: number; problems: string[] }[];
  }

  async function refusedFor(document: Sale | Record<string, unknown>, till = 'till-1'): Promise<string[]> {
    const answer = await push([row(document as Sale)], till);
    expect(answer.status).toBe(200);
    const { refused } = answer.body as unknown as Answer;
    expect(refused).toHaveLength(1);
    expect(refused[0].id).toBe(document.id);
    return refused[0].problems;
  }

  it('is refused on its own with the reason, while the good one beside it is taken', async () => {
    const broken = { ...sale(2), totals: { net: '1', tax: 'lots', gross: '2' } };
    const answer = await push([row(sale(1)), row(broken as Sale)]);
    expect(answer.status).toBe(200);
    const { refused, conflicts } = answer.body as unknown as Answer;
    expect(conflicts).toEqual([]);
    expect(refused).toEqual([{ id: broken.id, number: 2, problems: ['totals.tax: must be a decimal string such as "12.50"'] }]);
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    expect(level('p-000010').applied).toEqual({ 'till-1': 1 });
  });

  it('says why, for each kind of bad document', async () => {
    const wrong = sale(1);
    wrong.totals = { ...wrong.totals, gross: '0.01' };
    expect((await refusedFor(wrong)).join()).toContain('totals.gross is 0.01');

    const unknown = sale(2);
    unknown.lines[0].productId = 'p-nope';
    unknown.stockMovements[0].productId = 'p-nope';
    expect(await refusedFor(unknown)).toContain('unknown product "p-nope"');

    expect((await refusedFor(sale(3), 'till-2')).join()).toContain('made on till "till-1" but pushed by till "till-2"');
    expect((await refusedFor({ ...sale(4), storeId: 'store-2' })).join()).toContain('is for store "store-2" but till "till-1" belongs to "store-1"');

    const deletion = await push([{ newDocumentState: { ...sale(5), _deleted: true } }]);
    expect((deletion.body as unknown as Answer).refused[0].problems).toContain('a sale cannot be deleted; record a return instead');
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(0);
    expect(level('p-000010').quantity).toBe(server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010'));
  });

  it('is kept for head office with the document as sent, and replicated to the store’s tills', async () => {
    const unknown = sale(1);
    unknown.lines[0].productId = 'p-nope';
    unknown.stockMovements[0].productId = 'p-nope';
    await push([row(unknown)]);
    await push([row(unknown)]);
    const [kept] = server.repository.refusals(DEMO_STORE_ID);
    expect(kept).toMatchObject({ id: unknown.id, tillId: 'till-1', number: 1, attempts: 2, acceptedAt: null, problems: ['unknown product "p-nope"'] });
    expect(canonicalJson(kept.document)).toBe(canonicalJson(unknown));
    expect(server.repository.tills(DEMO_STORE_ID).find((till) => till.id === 'till-1')?.refused).toBe(1);

    const pulled = await pull('refusals');
    expect(pulled.body.documents).toEqual([
      expect.objectContaining({ id: unknown.id, tillId: 'till-1', number: 1, receiptNumber: unknown.receiptNumber, status: 'open', attempts: 2 }),
    ]);
  });

  it('never holds back the sales behind it, and is applied once when sent again after head office fixed the cause', async () => {
    const missing = { ...product('p-000011'), id: 'p-late', sku: 'LATE-1' };
    const first = sale(1);
    const refusedSale = buildCashSale([{ product: missing, quantity: '1', taxRatePercent: missing.taxClass === 'standard' ? '20' : '7' }], '100', {
      id: 'sale-till-1-2',
      number: 2,
      store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'c1', name: 'Alice' },
      completedAt: '2026-11-27T10:00:00.000Z',
    });
    // Sale 4 arrives first, then 1 to 3 with 2 refused: 3 and 4 go ahead all the same.
    await push([row(sale(4, '1'))]);
    const answer = await push([row(first), row(refusedSale), row(sale(3, '1'))]);
    expect((answer.body as unknown as Answer).refused.map((refusal) => refusal.number)).toEqual([2]);
    expect(server.repository.till('till-1')?.lastNumber).toBe(4);
    expect(level('p-000010').applied).toEqual({ 'till-1': 4 });
    expect(level('p-000010').quantity).toBe(server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010'));

    // Head office adds the product; the till sends the same document again.
    server.repository.putDocument('products', missing, null);
    server.repository.openStock(DEMO_STORE_ID, 'p-late', '10');
    const again = await push([row(refusedSale)]);
    expect(again.body).toEqual({ conflicts: [], refused: [] });
    expect(level('p-late')).toMatchObject({ quantity: '9', applied: { 'till-1': 2 } });
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(4);
    expect(server.repository.refusals(DEMO_STORE_ID)[0].acceptedAt).not.toBeNull();
    expect(server.repository.tills(DEMO_STORE_ID).find((till) => till.id === 'till-1')?.refused).toBe(0);
    expect((await pull('refusals')).body.documents).toEqual([expect.objectContaining({ id: refusedSale.id, status: 'accepted' })]);

    // Sending it once more changes nothing.
    await push([row(refusedSale)]);
    expect(level('p-late').quantity).toBe('9');
    expect(server.repository.ledgerBalance(DEMO_STORE_ID, 'p-late')).toBe('9');
  });

  it('a sale stored earlier and pushed again stays stored even if it would be refused now', async () => {
    const stored = sale(1, '1', 'p-000012');
    await push([row(stored)]);
    server.repository.putDocument('products', product('p-000012'), null, true);
    const answer = await push([row(stored)]);
    expect(answer.body).toEqual({ conflicts: [], refused: [] });
    expect(server.repository.refusals(DEMO_STORE_ID)).toEqual([]);
  });

  it('a different sale under a number the till already used is refused, the stored one stands', async () => {
    await push([row(sale(1))]);
    const twin = { ...sale(1, '3'), id: 'another-id' };
    const problems = await refusedFor(twin);
    expect(problems.join()).toContain('number 1 of till "till-1" is already used by sale sale-till-1-1');
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
  });
});

describe('exceptions for head office', () => {
  it('lets two tills each sell the last unit: both sales stand, stock goes to -1, an oversell is raised', async () => {
    server.repository.putDocument('stockLevels', { ...level('p-000010'), quantity: '1' }, DEMO_STORE_ID);
    await push([row(sale(1, '1'))], 'till-1');
    await push([row(sale(1, '1', 'p-000010', { id: 'till-2', code: 'T2' }))], 'till-2');
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(2);
    expect(level('p-000010').quantity).toBe('-1');
    const exceptions = server.repository.exceptions(DEMO_STORE_ID);
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({ kind: 'oversell', productId: 'p-000010', tillId: 'till-2', details: { before: '0', after: '-1', receiptNumber: 'S1-T2-000001' } });
    // A re-push of the same sale raises nothing new.
    await push([row(sale(1, '1', 'p-000010', { id: 'till-2', code: 'T2' }))], 'till-2');
    expect(server.repository.exceptions(DEMO_STORE_ID)).toHaveLength(1);
  });

  it('keeps a sale made at a price head office changed meanwhile, at the price charged, and notes the mismatch', async () => {
    const charged = sale(1, '2');
    const oldPrice = product('p-000010').price;
    server.repository.putDocument('products', { ...product('p-000010'), price: '99.00' }, null);
    expect((await push([row(charged)])).status).toBe(200);
    expect(server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    expect(server.repository.recentSales(DEMO_STORE_ID, 1)[0].sale.lines[0].unitPrice).toBe(oldPrice);
    const [exception] = server.repository.exceptions(DEMO_STORE_ID);
    expect(exception).toMatchObject({ kind: 'price_mismatch', productId: 'p-000010', saleId: charged.id, details: { charged: oldPrice, current: '99.00' } });
    const report = await office<unknown[]>(`/api/office/exceptions?store=${DEMO_STORE_ID}`);
    expect(report).toHaveLength(1);
  });
});

describe('returns', () => {
  function refund(original: Sale, number: number, lines: ReturnLine[], earlier: Sale[] = [], till = { id: 'till-1', code: 'T1' }): Sale {
    return buildReturn(original, lines, earlier, {
      id: `return-${till.id}-${number}`,
      number,
      store: { id: DEMO_STORE_ID, code: 'S1' },
      till,
      cashier: { id: 'c1', name: 'Alice' },
      completedAt: '2026-11-27T11:00:00.000Z',
    });
  }

  it('put restocked goods back once, write the rest off, and count in the till’s numbering', async () => {
    const opening = Number(level('p-000010').quantity);
    const sold = sale(1, '5');
    await push([row(sold)]);
    const back = refund(sold, 2, [{ productId: 'p-000010', quantity: '2', restock: true }]);
    const broken = refund(sold, 3, [{ productId: 'p-000010', quantity: '1', restock: false }], [back]);
    expect(await push([row(back), row(broken)])).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    await push([row(back)]);
    // The write-off moves no stock, so the level includes the till's documents up to the restock.
    expect(level('p-000010')).toMatchObject({ quantity: String(opening - 5 + 2), applied: { 'till-1': 2 } });
    expect(server.repository.till('till-1')!.lastNumber).toBe(3);
    expect(server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe(String(opening - 3));
    const report = await office<{ products: { productId: string; sold: string; returned: string }[] }>(`/api/office/stock?store=${DEMO_STORE_ID}`);
    expect(report.products.find((entry) => entry.productId === 'p-000010')).toMatchObject({ sold: '5', returned: '2' });
  });

  it('are refused when they take back more than is left, or their sale is not on the server, and hold nothing back', async () => {
    const sold = sale(1, '2');
    const unknownSale = sale(9, '2');
    await push([row(sold)]);
    const first = refund(sold, 2, [{ productId: 'p-000010', quantity: '2', restock: true }]);
    await push([row(first)]);
    const again = { ...refund(sold, 3, [{ productId: 'p-000010', quantity: '1', restock: true }]) };
    const orphan = refund(unknownSale, 4, [{ productId: 'p-000010', quantity: '1', restock: true }]);
    const answer = (await push([row(again), row(orphan), row(sale(5, '1'))])).body as { refused: { number: number; problems: string[] }[] };
    expect(answer.refused.map((refusal) => [refusal.number, refusal.problems.join()])).toEqual([
      [3, expect.stringContaining('1 returned, but only 0 of what S1-T1-000001 sold is left to return')],
      [4, expect.stringContaining('the sale it returns (S1-T1-000009) is not on the server yet')],
    ]);
    expect(server.repository.till('till-1')!.lastNumber).toBe(5);
  });

  it('may come at another till, in the same push as nothing of theirs, found by receipt number', async () => {
    const sold = sale(1, '3');
    await push([row(sold)]);
    const found = await fetch(`${server.url}/api/sync/sales/by-receipt?receipt=${sold.receiptNumber}`, { headers: headers('till-2') });
    expect(await found.json()).toEqual({ sale: sold, returns: [] });
    expect((await fetch(`${server.url}/api/sync/sales/by-receipt?receipt=S1-T1-999999`, { headers: headers('till-2') })).status).toBe(404);
    const back = refund(sold, 1, [{ productId: 'p-000010', quantity: '3', restock: true }], [], { id: 'till-2', code: 'T2' });
    expect((await push([row(back)], 'till-2')).body).toEqual({ conflicts: [], refused: [] });
    expect(level('p-000010').applied).toEqual({ 'till-1': 1, 'till-2': 1 });
  });
});

describe('goods receipts and adjustments', () => {
  const receipt = (quantity = '12', id = 'receipt-1') => ({
    id,
    kind: 'receipt',
    storeId: DEMO_STORE_ID,
    reference: 'DN-4711',
    lines: [{ productId: 'p-000010', quantity }],
    recordedBy: 'Olga',
  });
  const post = (document: unknown) =>
    fetch(`${server.url}/api/office/stock-documents`, { method: 'POST', headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(document) });

  it('move central stock once each, beside the sales, and the ledger adds up to the level', async () => {
    const opening = Number(level('p-000010').quantity);
    expect((await post(receipt())).status).toBe(201);
    expect((await post(receipt())).status).toBe(200);
    await push([row(sale(1, '2'))]);
    const adjustment = { ...receipt('-1.5', 'adjust-1'), kind: 'adjustment', reason: 'damaged', reference: 'dropped' };
    expect((await post(adjustment)).status).toBe(201);
    expect(level('p-000010')).toMatchObject({ quantity: String(opening + 12 - 2 - 1.5), applied: { 'till-1': 1 } });
    expect(server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe(level('p-000010').quantity);
    const report = await office<{ products: { productId: string; opening: string; received: string; adjusted: string; sold: string; quantity: string }[] }>(
      `/api/office/stock?store=${DEMO_STORE_ID}`,
    );
    expect(report.products.find((entry) => entry.productId === 'p-000010')).toMatchObject({ opening: String(opening), received: '12', adjusted: '-1.5', sold: '2', quantity: String(opening + 8.5) });
    expect((await office<{ id: string }[]>(`/api/office/stock-documents?store=${DEMO_STORE_ID}`)).map((document) => document.id)).toEqual(['adjust-1', 'receipt-1']);
  });

  it('refuse a changed document under a recorded id, and bad ones, with reasons, recording nothing', async () => {
    await post(receipt());
    const before = level('p-000010').quantity;
    const changed = await post(receipt('13'));
    expect(changed.status).toBe(409);
    const bad = await post({ ...receipt('-3', 'receipt-2'), lines: [{ productId: 'p-000010', quantity: '-3' }, { productId: 'p-nope', quantity: '1' }] });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('goods received are a positive quantity');
    const unknown = await post({ ...receipt('3', 'receipt-3'), lines: [{ productId: 'p-nope', quantity: '1' }] });
    expect(JSON.stringify(await unknown.json())).toContain('unknown product \\"p-nope\\"');
    const noReason = await post({ ...receipt('-1', 'adjust-2'), kind: 'adjustment' });
    expect(JSON.stringify(await noReason.json())).toContain('reason: one of count, damaged, theft, expired, correction');
    expect(level('p-000010').quantity).toBe(before);
    expect((await fetch(`${server.url}/api/office/stock-documents`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });
});

describe('scale label layout', () => {
  const put = (layout: unknown) =>
    fetch(`${server.url}/api/office/stores/${DEMO_STORE_ID}/scale-barcodes`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(layout),
    });

  it('is set per store by head office and replicated to its tills; a bad layout is refused with reasons', async () => {
    const layout = { prefixes: [{ prefix: '28', value: 'weight' }, { prefix: '29', value: 'price' }], itemDigits: 4 };
    expect((await put(layout)).status).toBe(200);
    const pulled = await pull('stores');
    expect(pulled.body.documents[0]).toMatchObject({ id: DEMO_STORE_ID, scaleBarcodes: layout });
    const wrong = await put({ prefixes: [{ prefix: '30', value: 'weight' }, { prefix: '28', value: 'volume' }], itemDigits: 4 });
    expect(wrong.status).toBe(422);
    const reasons = JSON.stringify(await wrong.json());
    expect(reasons).toContain('scaleBarcodes.prefixes.0.prefix');
    expect(reasons).toContain('scaleBarcodes.prefixes.1.value');
    expect((await put({ prefixes: [{ prefix: '28', value: 'weight' }, { prefix: '28', value: 'price' }], itemDigits: 4 })).status).toBe(422);
    expect((await put({ prefixes: [{ prefix: '28', value: 'weight' }], itemDigits: 9 })).status).toBe(422);
    expect((await pull('stores')).body.documents[0]).toMatchObject({ scaleBarcodes: layout });
  });
});

describe('health and head office', () => {
  it('answers health and reports stock with each till’s last contact', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toMatchObject({ status: 'ok', protocol: 1 });
    await push([row(sale(1, '2'))]);
    const report = await office<{
      tills: { id: string; lastContactAt: string | null; lastNumber: number }[];
      products: { productId: string; sold: string; opening: string; quantity: string }[];
      salesCount: number;
    }>(`/api/office/stock?store=${DEMO_STORE_ID}`);
    expect(report.salesCount).toBe(1);
    const row10 = report.products.find((entry) => entry.productId === 'p-000010')!;
    expect(row10.sold).toBe('2');
    expect(Number(row10.opening) - 2).toBe(Number(row10.quantity));
    expect(report.tills.find((till) => till.id === 'till-1')).toMatchObject({ lastNumber: 1 });
    expect(report.tills.find((till) => till.id === 'till-1')!.lastContactAt).not.toBeNull();
    expect(report.tills.find((till) => till.id === 'till-2')!.lastContactAt).toBeNull();
    const summary = await office<{ salesCount: number; tills: unknown[] }>(`/api/office/summary?store=${DEMO_STORE_ID}`);
    expect(summary.salesCount).toBe(1);
    expect(summary.tills).toHaveLength(2);
    const page = await (await fetch(`${server.url}/office`)).text();
    expect(page).toContain('Kassa head office');
  });
});
