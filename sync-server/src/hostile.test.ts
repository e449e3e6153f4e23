import { afterEach, describe, expect, it } from 'vitest';
import {
  buildCashSale,
  buildReturn,
  DEFAULT_PRICING_RULES,
  newCustomer,
  type Product,
  type PushRefusal,
  type ReturnLine,
  type Sale,
  type StockLevel,
} from '../../shared/src/index.js';
import { DEMO_STORE_ID } from './demo.js';
import { officeCall, pairTill, startServer, TEST_OFFICE_KEY, type RunningServer } from './testing.js';

/**
 * The sync server attacked by a hostile paired till, through its real HTTP interface (a real SQLite
 * file, a real server on 127.0.0.1). Each case is an attack that worked once: a phantom return that
 * raised stock and paid out for goods never sold, a refusal taken over by another till, a receipt
 * number of another till, half a piece, an office key guessed past its limit, a body nested to
 * overflow the stack, and refusals filling the disk. Each now changes nothing it should not.
 */
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

type TillName = 'till-1' | 'till-2';
const TILLS: Record<TillName, { id: string; code: string }> = { 'till-1': { id: 'till-1', code: 'T1' }, 'till-2': { id: 'till-2', code: 'T2' } };

interface Running {
  server: RunningServer;
  credentials: Record<TillName, string>;
}

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<Running> {
  server = await startServer({ products: 30, ...options });
  return { server, credentials: { 'till-1': await pairTill(server.url, 'till-1'), 'till-2': await pairTill(server.url, 'till-2') } };
}

interface PushAnswer {
  status: number;
  body: { conflicts?: Record<string, unknown>[]; refused?: PushRefusal[]; error?: string; message?: string };
  headers: Headers;
}

async function push(running: Running, collection: 'sales' | 'shiftEvents' | 'customers', documents: object[], till: TillName = 'till-1'): Promise<PushAnswer> {
  const response = await fetch(`${running.server.url}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.credentials[till]}`, 'content-type': 'application/json' },
    body: JSON.stringify(documents.map((document) => ({ newDocumentState: { ...document, _deleted: false } }))),
  });
  return { status: response.status, body: (await response.json()) as PushAnswer['body'], headers: response.headers };
}

async function pullRefusals(running: Running, till: TillName): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${running.server.url}/api/sync/refusals/pull?limit=1000`, { headers: { authorization: `Bearer ${running.credentials[till]}` } });
  return ((await response.json()) as { documents: Record<string, unknown>[] }).documents;
}

async function product(running: Running, id: string): Promise<Product> {
  const found = await running.server.repository.getDocument<Product>('products', id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
}

async function onHand(running: Running, productId: string): Promise<string> {
  return (await running.server.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:${productId}`))!.quantity;
}

const PIECES = 'p-000010';

async function sale(running: Running, number: number, quantity: string, options: { till?: TillName; id?: string; productId?: string; tendered?: string } = {}): Promise<Sale> {
  const till = TILLS[options.till ?? 'till-1'];
  const item = await product(running, options.productId ?? PIECES);
  return buildCashSale([{ product: item, quantity, taxRatePercent: item.taxClass === 'standard' ? '20' : '7' }], options.tendered ?? '100000', {
    id: options.id ?? `sale-${till.id}-${number}`,
    number,
    store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
    till,
    cashier: { id: 'c1', name: 'Alice' },
    completedAt: '2026-12-06T10:00:00.000Z',
  });
}

function refund(original: Sale, number: number, lines: ReturnLine[], till: TillName = 'till-1'): Sale {
  return buildReturn(original, lines, [], {
    id: `return-${TILLS[till].id}-${number}`,
    number,
    store: { id: DEMO_STORE_ID, code: 'S1' },
    till: TILLS[till],
    cashier: { id: 'c1', name: 'Alice' },
    completedAt: '2026-12-06T11:00:00.000Z',
  });
}

async function storedSaleIds(running: Running): Promise<string[]> {
  // Sorted here: ORDER BY on text follows each database's own collation.
  return (await running.server.query<{ id: string }>(`SELECT id FROM sales`)).map((row) => row.id).sort();
}

describe('phantom returns: a return is taken only against its sale as stored', () => {
  it('refuses a return pushed with its sale when that sale is refused for a used number; stock stays', async () => {
    const running = await start();
    const before = await onHand(running, PIECES);
    expect((await push(running, 'sales', [await sale(running, 1, '1')])).body.refused).toEqual([]);
    // The same number again under another id is refused; the return "of" it must not restock 30.
    const reused = await sale(running, 1, '30', { id: 'sale-till-1-1-again' });
    const phantom = refund(reused, 2, [{ productId: PIECES, quantity: '30', restock: true }]);
    const answer = await push(running, 'sales', [reused, phantom]);
    expect(answer.status).toBe(200);
    expect(answer.body.refused!.map((refusal) => refusal.id).sort()).toEqual([phantom.id, reused.id].sort());
    expect(answer.body.refused!.find((refusal) => refusal.id === phantom.id)!.problems[0]).toMatch(/not on the server yet/);
    expect(await onHand(running, PIECES)).toBe(String(Number(before) - 1));
    expect(await storedSaleIds(running)).toEqual(['sale-till-1-1']);
  });

  it('judges a return against the sale stored under its id, not another version of it in the same push', async () => {
    const running = await start();
    const before = Number(await onHand(running, PIECES));
    const one = await sale(running, 1, '1');
    const thirty = await sale(running, 1, '30');
    const phantom = refund(thirty, 2, [{ productId: PIECES, quantity: '30', restock: true }]);
    const answer = await push(running, 'sales', [one, thirty, phantom]);
    // The second s-1 is answered with the stored one; the return of 30 finds a sale of 1.
    expect(answer.body.conflicts).toEqual([{ ...one, _deleted: false }]);
    expect(answer.body.refused).toHaveLength(1);
    expect(answer.body.refused![0].id).toBe(phantom.id);
    expect(answer.body.refused![0].problems.join(' ')).toMatch(/only 1 of what S1-T1-000001 sold is left to return/);
    expect(await onHand(running, PIECES)).toBe(String(before - 1));

    // A true return of the one piece, even pushed before its sale in one push, is taken.
    const fresh = await start();
    const freshBefore = Number(await onHand(fresh, PIECES));
    const sold = await sale(fresh, 1, '1');
    const back = refund(sold, 2, [{ productId: PIECES, quantity: '1', restock: true }]);
    expect((await push(fresh, 'sales', [back, sold])).body).toEqual({ conflicts: [], refused: [] });
    expect(await onHand(fresh, PIECES)).toBe(String(freshBefore));
  });
});

describe('a return counts only once its sale has', () => {
  it('refuses a return of a sale stored behind a gap in its till’s numbering, numbered before it or at another till', async () => {
    const running = await start();
    const before = await onHand(running, PIECES);
    // Till 1 never sends its number 2: its sale number 3 is stored, but waits, and moves no stock.
    const waiting = await sale(running, 3, '1000', { tendered: '1000000' });
    expect((await push(running, 'sales', [waiting])).body.refused).toEqual([]);
    expect(await onHand(running, PIECES)).toBe(before);
    const early = { ...refund(waiting, 1, [{ productId: PIECES, quantity: '1000', restock: true }]) };
    const elsewhere = refund(waiting, 1, [{ productId: PIECES, quantity: '1000', restock: true }], 'till-2');
    for (const [document, till] of [[early, 'till-1'], [elsewhere, 'till-2']] as const) {
      const answer = await push(running, 'sales', [document], till);
      expect(answer.body.refused!.map((refusal) => refusal.problems[0])).toEqual([
        'the sale it returns (S1-T1-000003) is on the server but not counted in stock yet (its till has not sent every sale before it); send the return again once it is',
      ]);
    }
    expect(await onHand(running, PIECES)).toBe(before);

    // Once the gap is filled the sale counts, and till 2's return, sent again, puts the goods back.
    expect((await push(running, 'sales', [await sale(running, 2, '1')])).body.refused).toEqual([]);
    expect(await onHand(running, PIECES)).toBe(String(Number(before) - 1 - 1000));
    expect((await push(running, 'sales', [elsewhere], 'till-2')).body.refused).toEqual([]);
    expect(await onHand(running, PIECES)).toBe(String(Number(before) - 1));
  });

  it('takes a sale and its return in one push, and a return after a refused document in the same push', async () => {
    const running = await start();
    const before = Number(await onHand(running, PIECES));
    const first = await sale(running, 1, '2');
    const refusedReturn = { ...refund(first, 2, [{ productId: PIECES, quantity: '1', restock: true }]), receiptNumber: 'S1-T2-000002' };
    const third = await sale(running, 3, '4');
    const back = refund(third, 4, [{ productId: PIECES, quantity: '3', restock: true }]);
    const answer = await push(running, 'sales', [first, refusedReturn, third, back]);
    expect(answer.body.refused!.map((refusal) => refusal.id)).toEqual([refusedReturn.id]);
    expect(await onHand(running, PIECES)).toBe(String(before - 2 - 4 + 3));
  });
});

describe('shifts belong to the till that names them first', () => {
  it('refuses another till’s open event or sale under a shift a till’s sale named first, and hides shifts from receipt lookups', async () => {
    const running = await start();
    const first = { ...(await sale(running, 1, '1')), shiftId: 'shift-of-till-1' };
    expect((await push(running, 'sales', [first])).body.refused).toEqual([]);
    const lookup = await fetch(`${running.server.url}/api/sync/sales/by-receipt?receipt=S1-T1-000001`, { headers: { authorization: `Bearer ${running.credentials['till-2']}` } });
    expect(((await lookup.json()) as { sale: Sale }).sale).not.toHaveProperty('shiftId');
    const takeover = { id: 'shift-of-till-1', storeId: DEMO_STORE_ID, tillId: 'till-2', shiftId: 'shift-of-till-1', kind: 'open', sequence: 1, at: '2026-12-06T08:00:00.000Z', cashier: { id: 'c1', name: 'Alice' }, currency: 'EUR', amount: '0.00' };
    expect((await push(running, 'shiftEvents', [takeover], 'till-2')).body.refused![0].problems).toEqual(['id "shift-of-till-1" is already used by a document of another till']);
    const intruder = { ...(await sale(running, 1, '1', { till: 'till-2' })), shiftId: 'shift-of-till-1' };
    expect((await push(running, 'sales', [intruder], 'till-2')).body.refused![0].problems).toEqual([
      'shift "shift-of-till-1" belongs to till "till-1"; only the till that opened a shift writes to it',
    ]);
    // Till 1's own open event of the shift is taken.
    expect((await push(running, 'shiftEvents', [{ ...takeover, tillId: 'till-1' }])).body.refused).toEqual([]);
  });
});

describe('ids belong to one till and one collection', () => {
  it('a customer or sale under another till’s refused return id is refused and leaves that refusal alone', async () => {
    const running = await start();
    const before = Number(await onHand(running, PIECES));
    // Till 1 returns a sale that is not on the server yet: refused, and kept for till 1.
    const sold = await sale(running, 1, '3');
    const back = refund(sold, 2, [{ productId: PIECES, quantity: '2', restock: true }]);
    expect((await push(running, 'sales', [back])).body.refused!.map((refusal) => refusal.id)).toEqual([back.id]);

    // Till 2 does not see till 1's refusals, but guesses the id anyway.
    expect(await pullRefusals(running, 'till-2')).toEqual([]);
    const hijack = { ...newCustomer({ name: '' }, { id: back.id, storeId: DEMO_STORE_ID, createdBy: 'till-2', at: '2026-12-06T10:00:00.000Z' }) };
    const asCustomer = await push(running, 'customers', [hijack], 'till-2');
    expect(asCustomer.body.refused).toEqual([{ id: back.id, number: 0, problems: [`id "${back.id}" is already used by a sale or return`] }]);
    const asSale = await push(running, 'sales', [await sale(running, 1, '1', { till: 'till-2', id: back.id })], 'till-2');
    expect(asSale.body.refused).toEqual([{ id: back.id, number: 0, problems: [`id "${back.id}" is already used by a document of another till`] }]);
    const asShiftEvent = await push(running, 'shiftEvents', [{ id: back.id }], 'till-2');
    expect(asShiftEvent.body.refused![0].problems).toEqual([`id "${back.id}" is already used by a sale or return`]);

    // Till 1's refusal is still its own, with one attempt; head office sees nothing of till 2.
    const refusals = (await (await fetch(`${running.server.url}/api/office/refusals?store=${DEMO_STORE_ID}`, { headers: { authorization: `Bearer ${TEST_OFFICE_KEY}` } })).json()) as {
      id: string;
      tillId: string;
      collection: string;
      attempts: number;
    }[];
    expect(refusals.map(({ id, tillId, collection, attempts }) => ({ id, tillId, collection, attempts }))).toEqual([{ id: back.id, tillId: 'till-1', collection: 'sales', attempts: 1 }]);

    // Once till 1's sale is there, its return is taken and restocks: 3 sold, 2 back.
    expect((await push(running, 'sales', [sold, back])).body.refused).toEqual([]);
    expect(await onHand(running, PIECES)).toBe(String(before - 1));
  });

  it('a till pulls only its own refusals', async () => {
    const running = await start();
    const broken = { ...(await sale(running, 1, '1')), totals: { net: '0.00', tax: '0.00', gross: '0.00' } };
    expect((await push(running, 'sales', [broken])).body.refused).toHaveLength(1);
    const brokenOnTwo = { ...(await sale(running, 1, '1', { till: 'till-2' })), totals: { net: '0.00', tax: '0.00', gross: '0.00' } };
    expect((await push(running, 'sales', [brokenOnTwo], 'till-2')).body.refused).toHaveLength(1);
    expect((await pullRefusals(running, 'till-1')).map((refusal) => refusal.id)).toEqual([broken.id]);
    expect((await pullRefusals(running, 'till-2')).map((refusal) => refusal.id)).toEqual([brokenOnTwo.id]);
  });

  it('refuses ids a till never makes: invisible or direction-changing characters', async () => {
    const running = await start();
    const answer = await push(running, 'sales', [await sale(running, 1, '1', { id: 'sale\u202e1-llit' })]);
    expect(answer.status).toBe(400);
    expect(await storedSaleIds(running)).toEqual([]);
  });
});

describe('receipt numbers are exactly the store’s code, the till’s code and the number', () => {
  it('refuses another till’s number and look-alikes, and finds a receipt only as its own till’s sale', async () => {
    const running = await start();
    const forged = { ...(await sale(running, 1, '1')), receiptNumber: 'S1-T2-000001' };
    const zeroWidth = { ...(await sale(running, 1, '1', { id: 'zero-width' })), receiptNumber: 'S1-T1-00000\u200b1' };
    const answer = await push(running, 'sales', [forged, zeroWidth]);
    expect(answer.body.refused!.map((refusal) => refusal.problems[0])).toEqual([
      'receipt number "S1-T2-000001" is not this document\'s: number 1 of till T1 in store S1 is S1-T1-000001',
      'receipt number "S1-T1-00000\\u200b1" is not this document\'s: number 1 of till T1 in store S1 is S1-T1-000001',
    ]);
    const real = await sale(running, 1, '1', { till: 'till-2' });
    expect((await push(running, 'sales', [real], 'till-2')).body.refused).toEqual([]);
    const found = await fetch(`${running.server.url}/api/sync/sales/by-receipt?receipt=S1-T2-000001`, { headers: { authorization: `Bearer ${running.credentials['till-1']}` } });
    expect(((await found.json()) as { sale: Sale }).sale.id).toBe(real.id);
  });
});

describe('quantities respect the product’s unit', () => {
  it('refuses half a piece and a piece product sold by the kg; a weighed product to the gram is taken', async () => {
    const running = await start();
    const before = await onHand(running, PIECES);
    const half = await sale(running, 1, '0.5');
    const asKg = { ...(await sale(running, 2, '1')), lines: (await sale(running, 2, '1')).lines.map((line) => ({ ...line, unit: 'kg' as const })) };
    const answer = await push(running, 'sales', [half, asKg]);
    const [halfProblems, kgProblems] = [half.id, asKg.id].map((id) => answer.body.refused!.find((refusal) => refusal.id === id)!.problems);
    expect(halfProblems).toEqual([`line 1 (${half.lines[0].name}): 0.5 pieces: pieces are whole numbers`]);
    expect(kgProblems).toEqual([`line 1 (${asKg.lines[0].name}): the product is sold by the piece, the line says kg`]);
    expect(await onHand(running, PIECES)).toBe(before);

    const loose = (await running.server.repository.listDocuments<Product>('products', DEMO_STORE_ID)).find((candidate) => candidate.unit === 'kg')!;
    const weighed = await sale(running, 3, '0.375', { productId: loose.id });
    const tooFine = await sale(running, 4, '0.3755', { productId: loose.id });
    const second = await push(running, 'sales', [weighed, tooFine]);
    expect(second.body.refused!.map((refusal) => [refusal.id, refusal.problems])).toEqual([[tooFine.id, [`line 1 (${loose.name}): 0.3755 kg: at most 3 decimals (grams)`]]]);
  });

  it('takes a product sold by the metre to the centimetre, refuses a finer length or another unit, and counts the length in stock', async () => {
    const running = await start();
    const made = await officeCall<Product>(running.server.url, '/api/office/products', 'POST', { sku: 'CABLE-3X1.5', name: 'Cable 3x1.5 mm²', barcodes: [], unit: 'm', taxClass: 'standard', price: '1.25', cost: '0.60' });
    expect(made.status).toBe(201);
    const cable = made.json;
    const cut = await sale(running, 1, '2.35', { productId: cable.id });
    expect(cut.lines[0]).toMatchObject({ unit: 'm', quantity: '2.35', gross: '2.94' });
    const tooFine = await sale(running, 2, '2.355', { productId: cable.id });
    const inPieces = { ...(await sale(running, 3, '2', { productId: cable.id })), lines: (await sale(running, 3, '2', { productId: cable.id })).lines.map((line) => ({ ...line, unit: 'piece' as const })) };
    const answer = await push(running, 'sales', [cut, tooFine, inPieces]);
    expect(answer.body.refused!.map((refusal) => [refusal.id, refusal.problems])).toEqual([
      [tooFine.id, [`line 1 (${cable.name}): 2.355 m: at most 2 decimals (centimetres)`]],
      [inPieces.id, [`line 1 (${cable.name}): the product is sold by the metre, the line says piece`]],
    ]);
    expect(await onHand(running, cable.id)).toBe('-2.35');
  });
});

describe('the office key', () => {
  it('stops opening anything after ten wrong keys, the right one included, for this address', async () => {
    const running = await start();
    const stock = (key: string) => fetch(`${running.server.url}/api/office/stock?store=${DEMO_STORE_ID}`, { headers: { authorization: `Bearer ${key}` } });
    expect((await stock(TEST_OFFICE_KEY)).status).toBe(200);
    for (let guess = 0; guess < 10; guess++) expect((await stock(`guess-${guess}`)).status).toBe(401);
    const right = await stock(TEST_OFFICE_KEY);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('deeply nested bodies', () => {
  it('refuses a body nested thousands deep as a 400 at the edge, and the server goes on', async () => {
    const running = await start();
    // Written out by hand: JSON.stringify itself cannot write a value nested this deep.
    const valid = JSON.stringify({ newDocumentState: { ...(await sale(running, 2, '1')), _deleted: false } });
    const deep = JSON.stringify({ newDocumentState: { ...(await sale(running, 1, '1')), _deleted: false } }).replace(/}}$/, `,"note":${'['.repeat(5000)}${']'.repeat(5000)}}}`);
    const response = await fetch(`${running.server.url}/api/sync/sales/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${running.credentials['till-1']}`, 'content-type': 'application/json' },
      body: `[${valid},${deep}]`,
    });
    const answer = { status: response.status, body: (await response.json()) as PushAnswer['body'] };
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/nests deeper than 32 levels/) });
    // Nothing half-done: the next push of the valid sale alone is taken.
    expect((await push(running, 'sales', [await sale(running, 1, '1')])).body).toEqual({ conflicts: [], refused: [] });
  });

  it('refuses a document nested deeper than any sale on its own, and keeps the valid sales of the push', async () => {
    const running = await start();
    const nested = { ...(await sale(running, 2, '1')), note: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) as unknown };
    const answer = await push(running, 'sales', [await sale(running, 1, '1'), nested]);
    expect(answer.status).toBe(200);
    expect(answer.body.refused!.map((refusal) => refusal.id)).toEqual([nested.id]);
    expect(await storedSaleIds(running)).toEqual(['sale-till-1-1']);
  });
});

describe('what a till may keep refused is capped', () => {
  const junk = async (running: Running, number: number) => ({ ...(await sale(running, number, '1')), totals: { net: '0.00', tax: '0.00', gross: '0.00' } });

  it('answers 429 past the cap, stores nothing of that push, raises one exception, and still takes clean pushes', async () => {
    const running = await start({ refusalCap: { count: 3, bytes: 1024 * 1024 } });
    expect((await push(running, 'sales', [await junk(running, 1), await junk(running, 2), await junk(running, 3)])).body.refused).toHaveLength(3);
    // The same refused documents again take no more room.
    expect((await push(running, 'sales', [await junk(running, 1)])).status).toBe(200);

    const over = await push(running, 'sales', [await sale(running, 4, '1'), await junk(running, 5)]);
    expect(over.status).toBe(429);
    expect(over.body.error).toBe('too_many_refusals');
    expect(over.headers.get('retry-after')).toBe('300');
    expect(await storedSaleIds(running)).toEqual([]);
    expect((await push(running, 'sales', [await junk(running, 6)])).status).toBe(429);
    const capped = (await running.server.repository.exceptions(DEMO_STORE_ID)).filter((exception) => exception.kind === 'refusals_capped');
    expect(capped).toEqual([expect.objectContaining({ tillId: 'till-1', details: expect.objectContaining({ openRefusals: '3' }) })]);

    // Sales the server takes still go through, and another till is not held back.
    expect((await push(running, 'sales', [await sale(running, 4, '1')])).body).toEqual({ conflicts: [], refused: [] });
    expect((await push(running, 'sales', [await junk(running, 1)], 'till-2')).status).toBe(200);
    expect(await running.server.query(`SELECT CAST(COUNT(*) AS INTEGER) AS count FROM refused_documents WHERE till_id = 'till-1'`)).toEqual([{ count: 3 }]);
  });

  it('counts the bytes kept too', async () => {
    // One refused sale keeps about 0.9 kB: room for three, not four.
    const running = await start({ refusalCap: { count: 100, bytes: 3000 } });
    const big = { ...(await junk(running, 1)), cashierName: 'x'.repeat(100) };
    expect((await push(running, 'sales', [big])).status).toBe(200);
    const answer = await push(running, 'sales', [await junk(running, 2), await junk(running, 3), await junk(running, 4)]);
    expect(answer.status).toBe(429);
    expect(await running.server.query(`SELECT CAST(COUNT(*) AS INTEGER) AS count FROM refused_documents`)).toEqual([{ count: 1 }]);
  });
});

describe('plausibility limits', () => {
  it('refuses 10^30 pieces and a cash out of 10^30; a store that raised its limits takes a big order', async () => {
    const running = await start();
    const before = await onHand(running, PIECES);
    const huge = await sale(running, 1, '1000000000000000000000000000000', { tendered: '100000000000000000000000000000000' });
    const answer = await push(running, 'sales', [huge]);
    expect(answer.body.refused![0].problems.join(' ')).toMatch(/more than the 10000 store S1 allows on one line/);
    expect(await onHand(running, PIECES)).toBe(before);

    const cashOut = {
      id: 'cash-out-1',
      storeId: DEMO_STORE_ID,
      tillId: 'till-1',
      shiftId: 'shift-1',
      kind: 'cash-out',
      sequence: 1,
      at: '2026-12-06T10:00:00.000Z',
      cashier: { id: 'c1', name: 'Alice' },
      currency: 'EUR',
      amount: '1000000000000000000000000000000.00',
      reason: 'Bank deposit',
    };
    expect((await push(running, 'shiftEvents', [cashOut])).body.refused![0].problems).toContain('cash out 1000000000000000000000000000000.00, more than the 1000000 store S1 allows at once');

    const settings = await fetch(`${running.server.url}/api/office/stores/${DEMO_STORE_ID}/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ limits: { lineQuantity: '50000', documentAmount: '10000000' } }),
    });
    expect(settings.status).toBe(200);
    const wholesale = await sale(running, 2, '20000', { tendered: '5000000' });
    expect((await push(running, 'sales', [wholesale])).body).toEqual({ conflicts: [], refused: [] });
    expect(await onHand(running, PIECES)).toBe(String(Number(before) - 20000));
  });
});

describe('live streams', () => {
  /** Reads until the stream ends (true) or a read waits longer than `ms` (false: it is still open). */
  async function ends(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<boolean> {
    for (;;) {
      const next = await Promise.race([
        reader.read().then(
          (chunk) => (chunk.done ? 'ended' : 'data'),
          () => 'ended',
        ),
        new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms)),
      ]);
      if (next === 'ended') return true;
      if (next === 'waiting') return false;
    }
  }

  it('keeps at most two per till: a newer one closes the oldest, and other tills are untouched', async () => {
    const running = await start();
    const open = async (till: TillName) => {
      const response = await fetch(`${running.server.url}/api/sync/stream`, { headers: { authorization: `Bearer ${running.credentials[till]}` } });
      expect(response.status).toBe(200);
      return response.body!.getReader();
    };
    const other = await open('till-2');
    const streams: ReadableStreamDefaultReader<Uint8Array>[] = [];
    for (let index = 0; index < 5; index++) streams.push(await open('till-1'));
    for (const closed of streams.slice(0, 3)) expect(await ends(closed, 5000)).toBe(true);
    for (const kept of [...streams.slice(3), other]) expect(await ends(kept, 300)).toBe(false);
    for (const reader of [...streams, other]) await reader.cancel().catch(() => undefined);
  });
});

describe('tax charged otherwise than head office says', () => {
  it('takes the sale as charged and tells head office, as for a price changed while the till was offline', async () => {
    const running = await start();
    const untaxed = await sale(running, 1, '1');
    const line = untaxed.lines[0];
    // Recomputed at 0 %: a sale that adds up, with no tax in it.
    const item = await product(running, PIECES);
    // Paid with a 100 note: change above the largest note (200) would raise an exception of its own.
    const zero = buildCashSale([{ product: item, quantity: '1', taxRatePercent: '0' }], '100', {
      id: untaxed.id,
      number: 1,
      store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
      till: TILLS['till-1'],
      cashier: { id: 'c1', name: 'Alice' },
      completedAt: '2026-12-06T10:00:00.000Z',
    });
    expect((await push(running, 'sales', [zero])).body.refused).toEqual([]);
    const [exception] = await running.server.repository.exceptions(DEMO_STORE_ID);
    expect(exception).toMatchObject({ kind: 'tax_mismatch', productId: PIECES, details: { charged: `${line.taxClassId} 0 %`, current: `${line.taxClassId} ${line.taxRatePercent} %` } });
  });
});

describe('customer refusals', () => {
  it('are closed only by the till whose version was refused', async () => {
    const running = await start();
    const at = '2026-12-06T10:00:00.000Z';
    const refusedVersion = { ...newCustomer({ name: 'Ana' }, { id: 'cust-1', storeId: DEMO_STORE_ID, createdBy: 'till-1', at }), email: 'not an e-mail' };
    expect((await push(running, 'customers', [refusedVersion])).body.refused).toHaveLength(1);
    const valid = newCustomer({ name: 'Ana' }, { id: 'cust-1', storeId: DEMO_STORE_ID, createdBy: 'till-2', at });
    expect((await push(running, 'customers', [valid], 'till-2')).body.refused).toEqual([]);
    const open = (await running.server.repository.refusals(DEMO_STORE_ID)).filter((refusal) => refusal.acceptedAt === null);
    expect(open.map((refusal) => [refusal.id, refusal.tillId])).toEqual([['cust-1', 'till-1']]);
  });
});
