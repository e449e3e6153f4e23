import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCashSale, DEFAULT_PRICING_RULES, type Sale } from '../../../shared/src/index.js';
import { canonicalJson } from '../canonical.js';
import { DEMO_STORE_ID } from '../demo.js';
import { headers, level, product, pull, push, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';
import { StockBook } from '../stock/stock-book.js';

/**
 * Replication: tills pull by the server's sequence and push sales, each stored and counted once; a refused document is kept
 * with its reasons and never holds back the others.
 * Real HTTP on 127.0.0.1, real SQLite: see testing-demo.ts.
 */
beforeEach(startDemo);
afterEach(stopDemo);

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
    const changed = { ...(await product('p-000003')), price: '9.99' };
    await server.repository.putDocument('products', changed, null);
    const { body } = await pull('products', query);
    expect(body.documents.map((document) => [document.id, document.price])).toEqual([['p-000003', '9.99']]);
    expect(body.checkpoint!.seq).toBeGreaterThan(seqs.at(-1)!);
  });

  it('gives a till only its own store’s stock levels', async () => {
    await server.repository.putDocument('stockLevels', { id: 'other:p-000001', storeId: 'other', productId: 'p-000001', quantity: '5', applied: {} }, 'other');
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
    const before = (await level('p-000010')).quantity;
    const first = await push([row(await sale(1, '3'))]);
    expect(first).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    // The same push again (a retry after a lost answer) changes nothing.
    expect(await push([row(await sale(1, '3'))])).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    expect((await level('p-000010')).quantity).toBe(String(Number(before) - 3));
    expect((await level('p-000010')).applied).toEqual({ 'till-1': 1 });
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe((await level('p-000010')).quantity);
    expect((await server.repository.till('till-1'))!.lastNumber).toBe(1);
  });

  it('accepts the same document with its keys in another order as the same document', async () => {
    const document = await sale(1);
    await push([row(document)]);
    const reordered = JSON.parse(canonicalJson(document)) as Sale;
    expect(await push([row(reordered)])).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
  });

  it('returns the stored sale as a conflict when a different document arrives under its id', async () => {
    const original = await sale(1, '1');
    await push([row(original)]);
    const altered = { ...(await sale(1, '4')), id: original.id };
    const answer = await push([row(altered)]);
    expect(answer.status).toBe(200);
    expect(answer.body.conflicts).toEqual([{ ...original, _deleted: false }]);
    expect((await level('p-000010')).applied).toEqual({ 'till-1': 1 });
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe((await level('p-000010')).quantity);
  });

  it('applies sales in each till’s number order even when they arrive out of order', async () => {
    const opening = Number((await level('p-000010')).quantity);
    await push([row(await sale(2, '2'))]);
    // Number 1 has not arrived: number 2 is stored but not yet in the stock level.
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    expect((await level('p-000010')).quantity).toBe(String(opening));
    await push([row(await sale(1, '1'))]);
    expect((await level('p-000010')).quantity).toBe(String(opening - 3));
    expect((await level('p-000010')).applied).toEqual({ 'till-1': 2 });
    expect((await server.repository.till('till-1'))!.lastNumber).toBe(2);
  });

  it('keeps tills apart: each till’s numbers are its own', async () => {
    const opening = Number((await level('p-000010')).quantity);
    await push([row(await sale(1, '1'))], 'till-1');
    await push([row(await sale(1, '2', 'p-000010', { id: 'till-2', code: 'T2' }))], 'till-2');
    expect((await level('p-000010')).quantity).toBe(String(opening - 3));
    expect((await level('p-000010')).applied).toEqual({ 'till-1': 1, 'till-2': 1 });
  });

  describe('refuses bad input with a clear 4xx and stores nothing', () => {
    async function expectNothingStored() {
      expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(0);
      expect((await level('p-000010')).applied).toEqual({});
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
      const answer = await push([row(await sale(1)), { newDocumentState: { ...(await sale(2)), id: undefined } }]);
      expect(answer).toMatchObject({ status: 400, body: { error: 'bad_request', message: '1 of 2 rows are not documents; nothing was stored' } });
      await expectNothingStored();
    });

    it('a push of more documents than one batch may carry', async () => {
      const one = await sale(1);
      const answer = await push(Array.from({ length: 1001 }, (_, index) => row({ ...one, id: `many-${index}` })));
      expect(answer).toMatchObject({ status: 413, body: { error: 'too_large' } });
      await expectNothingStored();
    });

    it('a device with a forged credential', async () => {
      const answer = await push([row(await sale(1))], 'forged');
      expect(answer).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
      await expectNothingStored();
      expect(await server.repository.refusals(DEMO_STORE_ID)).toEqual([]);
    });

    it('a till writing master data or stock levels', async () => {
      for (const collection of ['products', 'stockLevels', 'stores', 'taxClasses', 'tills']) {
        const response = await fetch(`${server.url}/api/sync/${collection}/push`, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify([{ newDocumentState: { ...(await product('p-000001')), price: '0.01', _deleted: false } }]),
        });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'not_writable' });
      }
      expect((await product('p-000001')).price).not.toBe('0.01');
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
    const broken = { ...(await sale(2)), totals: { net: '1', tax: 'lots', gross: '2' } };
    const answer = await push([row(await sale(1)), row(broken as Sale)]);
    expect(answer.status).toBe(200);
    const { refused, conflicts } = answer.body as unknown as Answer;
    expect(conflicts).toEqual([]);
    expect(refused).toEqual([{ id: broken.id, number: 2, problems: ['totals.tax: must be a decimal string such as "12.50"'] }]);
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    expect((await level('p-000010')).applied).toEqual({ 'till-1': 1 });
  });

  it('says why, for each kind of bad document', async () => {
    const wrong = await sale(1);
    wrong.totals = { ...wrong.totals, gross: '0.01' };
    expect((await refusedFor(wrong)).join()).toContain('totals.gross is 0.01');

    const unknown = await sale(2);
    unknown.lines[0].productId = 'p-nope';
    unknown.stockMovements[0].productId = 'p-nope';
    expect(await refusedFor(unknown)).toContain('unknown product "p-nope"');

    expect((await refusedFor(await sale(3), 'till-2')).join()).toContain('made on till "till-1" but pushed by till "till-2"');
    expect((await refusedFor({ ...(await sale(4)), storeId: 'store-2' })).join()).toContain('is for store "store-2" but till "till-1" belongs to "store-1"');

    const deletion = await push([{ newDocumentState: { ...(await sale(5)), _deleted: true } }]);
    expect((deletion.body as unknown as Answer).refused[0].problems).toContain('a sale cannot be deleted; record a return instead');
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(0);
    expect((await level('p-000010')).quantity).toBe(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010'));
  });

  it('is kept for head office with the document as sent, and replicated to the store’s tills', async () => {
    const unknown = await sale(1);
    unknown.lines[0].productId = 'p-nope';
    unknown.stockMovements[0].productId = 'p-nope';
    await push([row(unknown)]);
    await push([row(unknown)]);
    const [kept] = await server.repository.refusals(DEMO_STORE_ID);
    expect(kept).toMatchObject({ id: unknown.id, tillId: 'till-1', number: 1, attempts: 2, acceptedAt: null, problems: ['unknown product "p-nope"'] });
    expect(canonicalJson(kept.document)).toBe(canonicalJson(unknown));
    expect((await server.repository.tills(DEMO_STORE_ID)).find((till) => till.id === 'till-1')?.refused).toBe(1);

    const pulled = await pull('refusals');
    expect(pulled.body.documents).toEqual([
      expect.objectContaining({ id: unknown.id, tillId: 'till-1', number: 1, receiptNumber: unknown.receiptNumber, status: 'open', attempts: 2 }),
    ]);
  });

  it('never holds back the sales behind it, and is applied once when sent again after head office fixed the cause', async () => {
    const missing = { ...(await product('p-000011')), id: 'p-late', sku: 'LATE-1' };
    const first = await sale(1);
    const refusedSale = buildCashSale([{ product: missing, quantity: '1', taxRatePercent: missing.taxClass === 'standard' ? '20' : '7' }], '100', {
      id: 'sale-till-1-2',
      number: 2,
      store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'c1', name: 'Alice' },
      completedAt: '2026-11-27T10:00:00.000Z',
    });
    // Sale 4 arrives first, then 1 to 3 with 2 refused: 3 and 4 go ahead all the same.
    await push([row(await sale(4, '1'))]);
    const answer = await push([row(first), row(refusedSale), row(await sale(3, '1'))]);
    expect((answer.body as unknown as Answer).refused.map((refusal) => refusal.number)).toEqual([2]);
    expect((await server.repository.till('till-1'))?.lastNumber).toBe(4);
    expect((await level('p-000010')).applied).toEqual({ 'till-1': 4 });
    expect((await level('p-000010')).quantity).toBe(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010'));

    // Head office adds the product; the till sends the same document again.
    await server.repository.putDocument('products', missing, null);
    await new StockBook(server.repository).open(DEMO_STORE_ID, 'p-late', '10');
    const again = await push([row(refusedSale)]);
    expect(again.body).toEqual({ conflicts: [], refused: [] });
    expect(await level('p-late')).toMatchObject({ quantity: '9', applied: { 'till-1': 2 } });
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(4);
    expect((await server.repository.refusals(DEMO_STORE_ID))[0].acceptedAt).not.toBeNull();
    expect((await server.repository.tills(DEMO_STORE_ID)).find((till) => till.id === 'till-1')?.refused).toBe(0);
    expect((await pull('refusals')).body.documents).toEqual([expect.objectContaining({ id: refusedSale.id, status: 'accepted' })]);

    // Sending it once more changes nothing.
    await push([row(refusedSale)]);
    expect((await level('p-late')).quantity).toBe('9');
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-late')).toBe('9');
  });

  it('a sale stored earlier and pushed again stays stored even if it would be refused now', async () => {
    const stored = await sale(1, '1', 'p-000012');
    await push([row(stored)]);
    await server.repository.putDocument('products', await product('p-000012'), null, true);
    const answer = await push([row(stored)]);
    expect(answer.body).toEqual({ conflicts: [], refused: [] });
    expect(await server.repository.refusals(DEMO_STORE_ID)).toEqual([]);
  });

  it('a different sale under a number the till already used is refused, the stored one stands', async () => {
    await push([row(await sale(1))]);
    const twin = { ...(await sale(1, '3')), id: 'another-id' };
    const problems = await refusedFor(twin);
    expect(problems.join()).toContain('number 1 of till "till-1" is already used by sale sale-till-1-1');
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
  });
});
