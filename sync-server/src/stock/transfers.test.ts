import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Product, type StockReport, type Store, type SyncErrorBody, type TransferView } from '../../../shared/src/index.js';
import { seededRandom } from '../../../shared/src/seeded-random.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall } from '../testing.js';
import { server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Transfers between stores: stock leaves the sender at once and is in transit until the receiver
 * counts it in, short or over per line (the difference kept on the receipt). A send and a receipt
 * each count once however often they are posted; a refusal moves nothing; a clerk receives only
 * into a store of theirs. Real HTTP on 127.0.0.1, real storage.
 */
beforeEach(startDemo);
afterEach(stopDemo);

type Answer = { transfer: TransferView; recorded: boolean } & SyncErrorBody;

async function setUp() {
  const owner = await server.loginAs('owner');
  const harbour = (await owner.call<Store>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' })).json;
  const products = (await officeCall<Product[]>(server.url, '/api/office/products')).json;
  const pieces = products.filter((product) => product.unit === 'piece');
  const weighed = products.find((product) => product.unit === 'kg')!;
  return { harbour, milk: pieces[0], butter: pieces[1], weighed };
}

const rowOf = async (storeId: string, productId: string) => (await officeCall<StockReport>(server.url, `/api/office/stock?store=${storeId}`)).json.products.find((row) => row.productId === productId)!;
const send = (body: Record<string, unknown>) => officeCall<Answer>(server.url, '/api/office/transfers', 'POST', body);
const receive = (transferId: string, body: Record<string, unknown>) => officeCall<Answer>(server.url, `/api/office/transfers/${transferId}/receive`, 'POST', body);
const ledgerRows = async () => (await server.query<{ n: number }>("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM stock_ledger WHERE source = 'transfer'"))[0].n;

describe('transfers between stores', () => {
  it('sends 10 milk and 4 butter from S1, receives 9 and 4 at S2: S1 down 10 at once, in transit until received, S2 up 9, the missing one a discrepancy', async () => {
    const { harbour, milk, butter } = await setUp();
    const milkBefore = await rowOf(DEMO_STORE_ID, milk.id);
    const butterBefore = await rowOf(DEMO_STORE_ID, butter.id);

    const transfer = {
      id: 'transfer-1',
      fromStoreId: DEMO_STORE_ID,
      toStoreId: harbour.id,
      reference: 'Van Tuesday',
      lines: [
        { productId: milk.id, quantity: '10' },
        { productId: butter.id, quantity: '4' },
      ],
    };
    const sent = await send(transfer);
    expect(sent.status).toBe(201);
    expect(sent.json.transfer).toMatchObject({ number: 'TR-000001', state: 'sent', fromStoreCode: 'S1', toStoreCode: 'S2' });
    // Posted again (a lost answer, a double click): counted once.
    const again = await send(transfer);
    expect([again.status, again.json.recorded]).toEqual([200, false]);
    // Posted twice at once (two tabs): one records it, the other waits and records nothing.
    const racing = { ...transfer, id: 'transfer-racing', lines: [{ productId: milk.id, quantity: '1' }] };
    expect((await Promise.all([send(racing), send(racing)])).map((answer) => answer.status).sort()).toEqual([200, 201]);
    expect(await ledgerRows()).toBe(3);

    let milkAtS1 = await rowOf(DEMO_STORE_ID, milk.id);
    expect(Number(milkAtS1.quantity)).toBe(Number(milkBefore.quantity) - 11);
    expect(milkAtS1.transferred).toBe('-11');
    expect(milkAtS1.sentInTransit).toBe('11');
    expect(Number((await rowOf(DEMO_STORE_ID, butter.id)).quantity)).toBe(Number(butterBefore.quantity) - 4);
    let milkAtS2 = await rowOf(harbour.id, milk.id);
    expect([milkAtS2.quantity, milkAtS2.inTransit]).toEqual(['0', '11']);

    const receipt = {
      id: 'receipt-1',
      storeId: harbour.id,
      lines: [
        { productId: milk.id, quantity: '9' },
        { productId: butter.id, quantity: '4' },
      ],
    };
    const received = await receive(transfer.id, receipt);
    expect(received.status).toBe(201);
    expect(received.json.transfer.state).toBe('received');
    expect(received.json.transfer.lines.map((line) => [line.sku, line.sent, line.received, line.difference])).toEqual([
      [milk.sku, '10', '9', '-1'],
      [butter.sku, '4', '4', '0'],
    ]);
    const twice = await receive(transfer.id, receipt);
    expect([twice.status, twice.json.recorded]).toEqual([200, false]);

    milkAtS1 = await rowOf(DEMO_STORE_ID, milk.id);
    expect(Number(milkAtS1.quantity)).toBe(Number(milkBefore.quantity) - 11);
    expect(milkAtS1.sentInTransit).toBe('1');
    milkAtS2 = await rowOf(harbour.id, milk.id);
    expect([milkAtS2.quantity, milkAtS2.inTransit, milkAtS2.transferred]).toEqual(['9', '1', '9']);
    expect((await rowOf(harbour.id, butter.id)).quantity).toBe('4');
    // One row per line at each end: 2 + 1 out of S1, 2 into S2, whatever was posted twice.
    expect(await ledgerRows()).toBe(5);

    const listed = (await officeCall<TransferView[]>(server.url, `/api/office/transfers?store=${harbour.id}`)).json;
    expect(listed.map((view) => [view.number, view.state, view.receiptId])).toEqual([
      ['TR-000002', 'sent', null],
      ['TR-000001', 'received', 'receipt-1'],
    ]);
  });

  it('refuses bad transfers, naming the field, and a refusal moves nothing', async () => {
    const { harbour, milk, weighed } = await setUp();
    const before = await rowOf(DEMO_STORE_ID, milk.id);
    const problemsOf = async (body: Record<string, unknown>) => {
      const answer = await send({ id: 'bad', fromStoreId: DEMO_STORE_ID, toStoreId: harbour.id, lines: [{ productId: milk.id, quantity: '1' }], ...body });
      expect(answer.status).toBe(422);
      return answer.json.details?.flatMap((detail) => detail.problems) ?? [];
    };
    expect(await problemsOf({ toStoreId: DEMO_STORE_ID })).toEqual(['toStoreId: the same store as the sender; a transfer moves stock between two stores']);
    expect(await problemsOf({ lines: [{ productId: milk.id, quantity: '-2' }] })).toEqual(['lines.0.quantity: more than zero (is -2)']);
    expect(await problemsOf({ lines: [{ productId: milk.id, quantity: '0' }] })).toEqual(['lines.0.quantity: more than zero (is 0)']);
    expect(await problemsOf({ lines: [{ productId: milk.id, quantity: '5000000000' }] })).toEqual(['lines.0.quantity: at most 1,000,000,000 (is 5000000000)']);
    expect(await problemsOf({ lines: [{ productId: milk.id, quantity: '1.5' }] })).toEqual(['lines.0.quantity: pieces are whole numbers (is 1.5)']);
    expect(await problemsOf({ lines: [{ productId: weighed.id, quantity: '0.0005' }] })).toEqual(['lines.0.quantity: at most 3 decimals (grams) (is 0.0005)']);
    expect(await problemsOf({ lines: [{ productId: 'no-such-product', quantity: '1' }] })).toEqual(['lines.0.productId: no product "no-such-product"']);
    expect(await problemsOf({ toStoreId: 'store-nowhere' })).toEqual(['toStoreId: no store "store-nowhere"']);
    // One bad line of two: the good line does not move either.
    await problemsOf({ lines: [{ productId: milk.id, quantity: '3' }, { productId: 'no-such-product', quantity: '1' }] });
    expect((await rowOf(DEMO_STORE_ID, milk.id)).quantity).toBe(before.quantity);
    expect(await ledgerRows()).toBe(0);

    // Sent, then received wrongly: nothing moves at S2.
    await send({ id: 'transfer-2', fromStoreId: DEMO_STORE_ID, toStoreId: harbour.id, lines: [{ productId: milk.id, quantity: '6' }] });
    const wrongStore = await receive('transfer-2', { id: 'r-2', storeId: DEMO_STORE_ID, lines: [{ productId: milk.id, quantity: '6' }] });
    expect(wrongStore.status).toBe(422);
    expect(wrongStore.json.details?.[0].problems).toEqual([`storeId: transfer TR-000001 is for another store, not "${DEMO_STORE_ID}"`]);
    const tooFine = await receive('transfer-2', { id: 'r-2', storeId: harbour.id, lines: [{ productId: milk.id, quantity: '5.5' }] });
    expect(tooFine.json.details?.[0].problems).toEqual(['lines.0.quantity: pieces are whole numbers (is 5.5)']);
    expect((await receive('no-such-transfer', { id: 'r-3', storeId: harbour.id, lines: [{ productId: milk.id, quantity: '1' }] })).status).toBe(404);
    expect((await rowOf(harbour.id, milk.id)).quantity).toBe('0');

    // Received once; again with other content, or under another receipt, is refused and moves nothing.
    expect((await receive('transfer-2', { id: 'r-2', storeId: harbour.id, lines: [{ productId: milk.id, quantity: '6' }] })).status).toBe(201);
    const changed = await receive('transfer-2', { id: 'r-2', storeId: harbour.id, lines: [{ productId: milk.id, quantity: '7' }] });
    expect([changed.status, changed.json.message]).toEqual([409, 'transfer TR-000001: receipt r-2 is already recorded with other content; record an adjustment to correct it']);
    const other = await receive('transfer-2', { id: 'r-other', storeId: harbour.id, lines: [{ productId: milk.id, quantity: '6' }] });
    expect([other.status, other.json.message]).toEqual([409, 'transfer TR-000001: received already (receipt r-2); record an adjustment to correct it']);
    // The same send id with other lines is refused too.
    expect((await send({ id: 'transfer-2', fromStoreId: DEMO_STORE_ID, toStoreId: harbour.id, lines: [{ productId: milk.id, quantity: '60' }] })).status).toBe(409);
    expect((await rowOf(harbour.id, milk.id)).quantity).toBe('6');
    expect(Number((await rowOf(DEMO_STORE_ID, milk.id)).quantity)).toBe(Number(before.quantity) - 6);
  });

  it('lets a clerk receive into their store and not into another, and send only between stores of theirs', async () => {
    const { harbour, milk } = await setUp();
    const clerkOfS1 = await server.loginAs('clerk', [DEMO_STORE_ID]);
    const clerkOfS2 = await server.loginAs('clerk', [harbour.id]);
    const transfer = { id: 'transfer-3', fromStoreId: DEMO_STORE_ID, toStoreId: harbour.id, lines: [{ productId: milk.id, quantity: '2' }] };
    expect((await clerkOfS1.call('/api/office/transfers', 'POST', transfer)).status).toBe(403);
    expect((await send(transfer)).status).toBe(201);
    const receipt = { id: 'r-3', storeId: harbour.id, lines: [{ productId: milk.id, quantity: '2' }] };
    expect((await clerkOfS1.call('/api/office/transfers/transfer-3/receive', 'POST', receipt)).status).toBe(403);
    // Naming their own store in the body does not get around it: the transfer names S2.
    expect((await clerkOfS1.call('/api/office/transfers/transfer-3/receive', 'POST', { ...receipt, storeId: DEMO_STORE_ID })).status).toBe(403);
    expect((await rowOf(harbour.id, milk.id)).quantity).toBe('0');
    expect((await clerkOfS2.call('/api/office/transfers/transfer-3/receive', 'POST', receipt)).status).toBe(201);
    expect((await rowOf(harbour.id, milk.id)).quantity).toBe('2');
  });

  it('keeps on hand = Σ ledger movements in every store after a random run of sends and receipts, some posted twice', async () => {
    const { harbour, milk, butter, weighed } = await setUp();
    const owner = await server.loginAs('owner');
    const quay = (await owner.call<Store>('/api/office/stores', 'POST', { code: 'S3', name: 'Quay Road' })).json;
    const stores = [DEMO_STORE_ID, harbour.id, quay.id];
    const products = [milk, butter, weighed];
    const random = seededRandom(20261206);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const open: { id: string; toStoreId: string; lines: { productId: string; quantity: string }[] }[] = [];
    for (let step = 0; step < 30; step++) {
      if (open.length > 0 && random() < 0.45) {
        const transfer = open.splice(Math.floor(random() * open.length), 1)[0];
        // Each line short, exact or over by a little, sometimes nothing at all.
        const lines = transfer.lines.map((line) => ({ productId: line.productId, quantity: String(Math.max(0, Number(line.quantity) + pick([-2, -1, 0, 0, 1]))) }));
        const receipt = { id: `r-${step}`, storeId: transfer.toStoreId, lines };
        expect((await receive(transfer.id, receipt)).status).toBe(201);
        if (random() < 0.3) expect((await receive(transfer.id, receipt)).json.recorded).toBe(false);
        continue;
      }
      const fromStoreId = pick(stores);
      const toStoreId = pick(stores.filter((store) => store !== fromStoreId));
      const chosen = products.filter(() => random() < 0.6);
      const lines = (chosen.length > 0 ? chosen : [milk]).map((product) => ({ productId: product.id, quantity: String(1 + Math.floor(random() * 5)) }));
      const transfer = { id: `t-${step}`, fromStoreId, toStoreId, lines };
      expect((await send(transfer)).status).toBe(201);
      if (random() < 0.3) expect((await send(transfer)).json.recorded).toBe(false);
      open.push(transfer);
    }
    for (const storeId of stores) {
      const report = (await officeCall<StockReport>(server.url, `/api/office/stock?store=${storeId}`)).json.products;
      const ledger = await server.query<{ product_id: string; quantity: string }>(`SELECT product_id, quantity FROM stock_ledger WHERE store_id = '${storeId}'`);
      for (const product of products) {
        const sum = ledger.filter((entry) => entry.product_id === product.id).reduce((total, entry) => total + Number(entry.quantity), 0);
        expect(Number(report.find((row) => row.productId === product.id)!.quantity), `${storeId} ${product.sku}`).toBeCloseTo(sum, 6);
        // In transit to the store: what the open sends to it carry.
        const incoming = open.filter((transfer) => transfer.toStoreId === storeId).flatMap((transfer) => transfer.lines).filter((line) => line.productId === product.id);
        expect(Number(report.find((row) => row.productId === product.id)!.inTransit)).toBe(incoming.reduce((total, line) => total + Number(line.quantity), 0));
      }
    }
  });
});
