import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCashSale, Dec, DEFAULT_PRICING_RULES, type Product, type Sale, type RefusedDocument, type ShiftDetail, type ShiftEvent, type ShiftReport, type ShiftSummary, type Till } from '../../../shared/src/index.js';
import { DEMO_STORE_ID, demoCashierId } from '../demo.js';
import { pairTill, startServer, TEST_OFFICE_KEY, type RunningServer } from '../testing.js';

/**
 * Shift events (a till's cash sessions) pushed like sales: each judged on its own, stored once,
 * refused ones kept with their reasons, never mixed up with the till's sales numbering; head office
 * lists the shifts and reads each with its Z report. Real HTTP, real SQLite.
 */
let server: RunningServer;
let credentials: Record<string, string>;
beforeEach(async () => {
  server = await startServer({ products: 12 });
  credentials = { 'till-1': await pairTill(server.url, 'till-1'), 'till-2': await pairTill(server.url, 'till-2') };
});
afterEach(async () => {
  await server.stop();
});

const alex = { id: demoCashierId(DEMO_STORE_ID, 'alex'), name: 'Alex Cashier' };
const morgan = { id: demoCashierId(DEMO_STORE_ID, 'morgan'), name: 'Morgan Manager' };
const SHIFT = 'shift-till-1-a';

/** An event of till 1's shift; the open event's id is the shift's. */
function event(sequence: number, kind: ShiftEvent['kind'], fields: Partial<ShiftEvent> = {}): ShiftEvent {
  return {
    id: kind === 'open' ? SHIFT : `event-till-1-${sequence}`,
    storeId: DEMO_STORE_ID,
    tillId: 'till-1',
    shiftId: SHIFT,
    kind,
    sequence,
    at: '2026-11-27T08:00:00.000Z',
    cashier: alex,
    currency: 'EUR',
    ...fields,
  };
}

const open = () => event(1, 'open', { amount: '100.00', counted: [{ denomination: '50', count: 1 }, { denomination: '10', count: 5 }] });

/** A close whose count by denomination (in cents) and difference agree with `expected` and `counted`. */
function close(sequence: number, expected: string, counted: string, fields: Partial<ShiftEvent> = {}): ShiftEvent {
  const cents = new Dec(counted).mul(100).toNumber();
  return event(sequence, 'close', {
    counted: [{ denomination: '0.01', count: cents }],
    expectedCash: expected,
    countedCash: counted,
    difference: new Dec(counted).minus(expected).toFixed(2),
    ...fields,
  });
}

interface Answer {
  status: number;
  body: { conflicts: ShiftEvent[]; refused: { id: string; number: number; problems: string[] }[] } & Record<string, unknown>;
}

async function pushEvents(events: unknown[], till = 'till-1'): Promise<Answer> {
  const response = await fetch(`${server.url}/api/sync/shiftEvents/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credentials[till] ?? till}`, 'content-type': 'application/json' },
    body: JSON.stringify(events.map((document) => ({ newDocumentState: { ...(document as object), _deleted: false } }))),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function sale(number: number, shiftId?: string): Promise<Sale> {
  const product = (await server.repository.getDocument<Product>('products', 'p-000008'))!;
  return buildCashSale([{ product, quantity: '2', taxRatePercent: product.taxClass === 'standard' ? '20' : '7' }], '100', {
    id: `sale-till-1-${number}`,
    number,
    store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
    till: { id: 'till-1', code: 'T1' },
    cashier: alex,
    completedAt: '2026-11-27T10:00:00.000Z',
    ...(shiftId ? { shiftId } : {}),
  });
}

async function pushSales(sales: Sale[]) {
  const response = await fetch(`${server.url}/api/sync/sales/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credentials['till-1']}`, 'content-type': 'application/json' },
    body: JSON.stringify(sales.map((document) => ({ newDocumentState: { ...document, _deleted: false } }))),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer['body'];
}

async function office<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TEST_OFFICE_KEY}` } });
  return { status: response.status, body: (await response.json()) as T };
}

const storedEvents = async () => (await server.query<{ count: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS count FROM shift_events`))[0].count;

describe('shift events', () => {
  it('are stored once however often they are pushed, and head office reads the shift with its Z report', async () => {
    const sold = await sale(1, SHIFT);
    expect(await pushSales([sold])).toEqual({ conflicts: [], refused: [] });
    const gross = sold.totals.gross;
    const expected = new Dec('100').plus(gross).plus('20').minus('15.50').toFixed(2);
    const counted = new Dec(expected).minus('0.50').toFixed(2);
    const events = [
      open(),
      event(2, 'cash-in', { amount: '20.00', reason: 'change from the bank' }),
      event(3, 'cash-out', { amount: '15.50', reason: 'window cleaner' }),
      event(4, 'void', { reason: 'customer left', lines: [{ productId: 'p-000003', name: 'Potatoes', quantity: '1', gross: '2.00' }] }),
    ];
    expect(await pushEvents(events)).toEqual({ status: 200, body: { conflicts: [], refused: [] } });

    // While the shift is open, head office sees it open with an X report.
    const whileOpen = await office<ShiftDetail>(`/api/office/shifts/${SHIFT}`);
    expect(whileOpen.body.shift).toMatchObject({ status: 'open', float: '100.00', closedAt: null });
    expect(whileOpen.body.report).toMatchObject({ expectedCash: expected });
    expect(whileOpen.body.report).not.toHaveProperty('closedAt');

    const closing = close(5, expected, counted, { cashier: morgan });
    // The whole shift again (a retry after a lost answer), with the close: only the close is new.
    expect(await pushEvents([...events, closing])).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    expect(await pushEvents([...events, closing].reverse())).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    expect(await storedEvents()).toBe(5);

    const list = await office<ShiftSummary[]>(`/api/office/shifts?store=${DEMO_STORE_ID}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        shiftId: SHIFT,
        storeId: DEMO_STORE_ID,
        tillId: 'till-1',
        status: 'closed',
        openedAt: '2026-11-27T08:00:00.000Z',
        openedBy: alex,
        float: '100.00',
        closedAt: '2026-11-27T08:00:00.000Z',
        closedBy: morgan,
        expectedCash: expected,
        countedCash: counted,
        difference: '-0.50',
      },
    ]);

    const detail = await office<ShiftDetail>(`/api/office/shifts/${SHIFT}`);
    expect(detail.body.events.map((entry) => [entry.sequence, entry.kind])).toEqual([
      [1, 'open'],
      [2, 'cash-in'],
      [3, 'cash-out'],
      [4, 'void'],
      [5, 'close'],
    ]);
    expect(detail.body.sales.map((entry) => entry.id)).toEqual([sold.id]);
    expect(detail.body.discrepancies).toEqual([]);
    expect(detail.body.report).toMatchObject({
      shiftId: SHIFT,
      float: '100.00',
      sales: { count: 1, gross },
      cashIn: '20.00',
      cashOut: '15.50',
      voids: { lines: 0, amount: '0.00', carts: 1, cartsAmount: '2.00' },
      expectedCash: expected,
      countedCash: counted,
      difference: '-0.50',
      closedBy: morgan,
    } satisfies Partial<ShiftReport>);
  });

  it('show head office where the till’s close disagrees with what the server holds', async () => {
    // The till counted a sale the server never received: its expected cash is higher than the server's.
    await pushEvents([open(), close(2, '110.00', '110.00')]);
    const detail = await office<ShiftDetail>(`/api/office/shifts/${SHIFT}`);
    expect(detail.body.shift).toMatchObject({ status: 'closed', difference: '0.00' });
    expect(detail.body.report).toMatchObject({ expectedCash: '100.00', difference: '10.00' });
    expect(detail.body.discrepancies).toEqual([expect.stringContaining('expectedCash is 110.00, the shift’s documents and events expect 100.00')]);
  });

  it('refused one by one are kept with their reasons and replicated as refusals, apart from the sales numbering', async () => {
    const badCashOut = event(2, 'cash-out', { amount: '0', reason: ' ' });
    const badClose = close(3, '100.00', '99.00', { difference: '1.00' });
    const answer = await pushEvents([open(), badCashOut, badClose]);
    expect(answer.status).toBe(200);
    expect(answer.body.refused).toEqual([
      { id: badCashOut.id, number: 2, problems: ['a cash-out moves more than 0 (amount is 0)', 'a cash-out says why: reason must not be empty'] },
      { id: badClose.id, number: 3, problems: ['difference is 1.00, but countedCash - expectedCash is -1'] },
    ]);
    expect(await storedEvents()).toBe(1);

    const kept = await server.repository.refusals(DEMO_STORE_ID);
    expect(kept.map((refusal) => [refusal.collection, refusal.number, refusal.attempts])).toEqual([
      ['shiftEvents', 2, 1],
      ['shiftEvents', 3, 1],
    ]);
    expect(kept.find((refusal) => refusal.id === badCashOut.id)!.document).toEqual(badCashOut);
    const pulled = await fetch(`${server.url}/api/sync/refusals/pull`, { headers: { authorization: `Bearer ${credentials['till-1']}` } });
    const refusals = ((await pulled.json()) as { documents: Record<string, unknown>[] }).documents;
    expect(refusals).toEqual([
      expect.objectContaining({ id: badCashOut.id, sourceCollection: 'shiftEvents', number: 2, receiptNumber: 'shift cash-out T1', status: 'open', tillId: 'till-1' }),
      expect.objectContaining({ id: badClose.id, sourceCollection: 'shiftEvents', number: 3, receiptNumber: 'shift close T1', status: 'open' }),
    ]);
    const officeList = await office<RefusedDocument[]>(`/api/office/refusals?store=${DEMO_STORE_ID}`);
    expect(officeList.body.map((refusal) => refusal.collection)).toEqual(['shiftEvents', 'shiftEvents']);
    expect((await server.repository.tills(DEMO_STORE_ID)).find((till) => till.id === 'till-1')!.refused).toBe(2);

    // Sent again unchanged: refused again, counted as another attempt, stored nothing.
    expect((await pushEvents([badCashOut])).body.refused).toHaveLength(1);
    expect((await server.repository.refusals(DEMO_STORE_ID)).find((refusal) => refusal.id === badCashOut.id)!.attempts).toBe(2);

    // Refused shift events 2 and 3 hold no sales numbers: sale 3 waits for sale 2 as ever.
    await pushSales([await sale(1), await sale(3)]);
    expect((await server.repository.till('till-1'))!.lastNumber).toBe(1);
    await pushSales([await sale(2)]);
    expect((await server.repository.till('till-1'))!.lastNumber).toBe(3);
  });

  it('say what each kind is missing or gets wrong', async () => {
    const problemsOf = async (document: unknown) => {
      const answer = await pushEvents([document]);
      expect(answer.status).toBe(200);
      expect(answer.body.refused).toHaveLength(1);
      return answer.body.refused[0].problems;
    };
    expect(await problemsOf({ ...open(), shiftId: 'another-shift' })).toEqual([`an open event is its shift's first: shiftId must be its own id "${SHIFT}", not "another-shift"`]);
    expect(await problemsOf({ ...open(), amount: '90.00' })).toEqual(['the float counted by denomination is 100, but amount says 90.00']);
    expect(await problemsOf({ ...open(), amount: undefined, counted: undefined })).toEqual(['open events carry amount']);
    expect(await problemsOf(event(2, 'cash-in', { amount: '-5.00', reason: 'float' }))).toEqual([
      'amount: must not be negative (is -5.00)',
      'a cash-in moves more than 0 (amount is -5.00)',
    ]);
    expect(await problemsOf(event(3, 'cash-in', { reason: 'float' }))).toEqual(['cash-in events carry amount']);
    expect(await problemsOf(event(4, 'void', { lines: [] }))).toEqual(['a void carries the lines of the cart voided']);
    expect(await problemsOf(event(5, 'close', { countedCash: '10.00' }))).toEqual(['close events carry counted', 'close events carry expectedCash', 'close events carry difference']);
    expect(await problemsOf(close(6, '50.00', '50.00', { countedCash: '60.00', difference: '10.00' }))).toEqual([
      'countedCash is 60.00, but the cash counted by denomination adds up to 50',
    ]);
    expect(await problemsOf(close(7, '50.00', '50.00', { counted: [{ denomination: '0', count: 3 }, { denomination: '0.01', count: 5000 }] }))).toEqual([
      'counted.0.denomination: must be more than 0 (is 0)',
    ]);
    expect((await problemsOf({ ...event(8, 'cash-out', { amount: '1', reason: 'x' }), sequence: 0 })).join()).toContain('sequence');
    expect((await problemsOf({ ...event(9, 'cash-out', { amount: '1', reason: 'x' }), kind: 'tip' })).join()).toContain('kind');
    expect(await problemsOf({ ...event(10, 'cash-out', { amount: '1', reason: 'x' }), storeId: 'store-2' })).toEqual([
      'shift event is for store "store-2" but till "till-1" belongs to "store-1"',
    ]);
    const deleted = await fetch(`${server.url}/api/sync/shiftEvents/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credentials['till-1']}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ newDocumentState: { ...open(), _deleted: true } }]),
    });
    expect(((await deleted.json()) as Answer['body']).refused[0].problems).toEqual(['a shift event cannot be deleted; record a new event instead']);
    expect(await storedEvents()).toBe(0);
  });

  it('keep each till’s sequence and shifts its own: a used sequence, a second close, an event after the close', async () => {
    await pushEvents([open(), event(2, 'cash-in', { amount: '5.00', reason: 'coins' }), close(3, '105.00', '105.00')]);
    const problemsOf = async (document: ShiftEvent) => (await pushEvents([document])).body.refused[0]?.problems;
    expect(await problemsOf({ ...event(2, 'cash-out', { amount: '1.00', reason: 'stamps' }), id: 'event-other' })).toEqual([
      'sequence 2 of till "till-1" is already used by shift event event-till-1-2',
    ]);
    expect(await problemsOf(close(4, '105.00', '105.00'))).toEqual([`shift ${SHIFT} is already closed by event event-till-1-3`]);
    expect(await problemsOf(event(5, 'cash-out', { amount: '1.00', reason: 'stamps' }))).toEqual([`shift ${SHIFT} was closed (event event-till-1-3, sequence 3) before this event`]);
    // A different event under a stored id is answered with the server's copy, which stands.
    const changed = { ...event(2, 'cash-in', { amount: '50.00', reason: 'coins' }) };
    expect((await pushEvents([changed])).body).toEqual({ conflicts: [{ ...event(2, 'cash-in', { amount: '5.00', reason: 'coins' }), _deleted: false }], refused: [] });
    expect(await storedEvents()).toBe(3);
  });

  it('of another till are refused: its ids, its shifts, and events made on it', async () => {
    await pushEvents([open(), event(2, 'cash-in', { amount: '5.00', reason: 'coins' })]);
    const tillTwo = (fields: Partial<ShiftEvent>): ShiftEvent => ({ ...event(1, 'cash-out', { amount: '1.00', reason: 'stamps' }), tillId: 'till-2', ...fields });
    const answer = await pushEvents(
      [
        tillTwo({ id: 'event-till-1-2', sequence: 1 }),
        tillTwo({ id: 'event-till-2-2', sequence: 2 }),
        { ...event(3, 'cash-out', { amount: '1.00', reason: 'stamps' }), id: 'event-till-2-3' },
      ],
      'till-2',
    );
    expect(answer.body.refused.map((refusal) => [refusal.id, refusal.problems])).toEqual([
      ['event-till-1-2', ['id "event-till-1-2" is already used by a document of another till']],
      ['event-till-2-2', [`shift "${SHIFT}" belongs to till "till-1"; only the till that opened a shift writes to it`]],
      ['event-till-2-3', ['shift event was made on till "till-1" but pushed by till "till-2"']],
    ]);
    expect(await storedEvents()).toBe(2);
    expect((await server.repository.refusals(DEMO_STORE_ID)).map((refusal) => refusal.tillId)).toEqual(['till-2', 'till-2']);
  });

  it('refuse a malformed request whole, and a till without a credential', async () => {
    const notRows = await fetch(`${server.url}/api/sync/shiftEvents/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credentials['till-1']}`, 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(notRows.status).toBe(400);
    expect((await pushEvents([open(), { id: '' }])).body).toMatchObject({ error: 'bad_request' });
    expect((await pushEvents(Array.from({ length: 1001 }, (_, index) => event(index + 1, 'cash-in', { amount: '1', reason: 'x' })))).status).toBe(413);
    expect((await pushEvents([open()], 'forged-credential')).status).toBe(401);
    expect(await storedEvents()).toBe(0);
    expect((await fetch(`${server.url}/api/office/shifts?store=${DEMO_STORE_ID}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/office/shifts/${SHIFT}`)).status).toBe(401);
    expect((await office(`/api/office/shifts/no-such-shift`)).status).toBe(404);
  });
});

describe('a till restored from empty', () => {
  it('hears the highest shift-event sequence the server holds, so its next event is not refused as used', async () => {
    const till = async () => (await server.repository.getDocument<Till>('tills', 'till-1'))!;
    expect((await till()).lastShiftSequence).toBeUndefined();
    expect((await pushEvents([open(), event(2, 'cash-in', { amount: '20.00', reason: 'change' })])).body.refused).toEqual([]);
    expect((await till()).lastShiftSequence).toBe(2);
    // Pushed again, or an older event late: the highest stays.
    expect((await pushEvents([open()])).body.refused).toEqual([]);
    expect((await till()).lastShiftSequence).toBe(2);
    // Till 2's events are its own count.
    expect((await server.repository.getDocument<Till>('tills', 'till-2'))!.lastShiftSequence).toBeUndefined();
  });
});
