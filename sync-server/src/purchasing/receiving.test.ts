import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { movingAverageCost, type Product, type PurchaseOrder, type StockDocument, type StockReport, type Supplier, type SyncErrorBody } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall } from '../testing.js';
import { push, row as pushRow, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Receiving against a purchase order: two deliveries, one short and one with an unordered product;
 * what arrived counts on the order's lines once (a receipt sent twice counts once), stock and the
 * moving average cost move, the order goes partly received then received, and what it still lacks
 * stays on order. A cancelled order, a draft and another store's order take nothing, and a refusal
 * moves no stock. Real HTTP on 127.0.0.1, real storage.
 */
beforeEach(startDemo);
afterEach(stopDemo);

async function setUp() {
  const supplier = (await officeCall<Supplier>(server.url, '/api/office/suppliers', 'POST', { name: 'Green Valley Dairy', contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [] })).json;
  const pieces = (await officeCall<Product[]>(server.url, '/api/office/products')).json.filter((product) => product.unit === 'piece');
  const [milk, butter, extra] = pieces;
  await officeCall(server.url, `/api/office/suppliers/${supplier.id}/products/${milk.id}`, 'PUT', { supplierSku: 'GV-1', packSize: '12', packCost: '8.40', preferred: true });
  await officeCall(server.url, `/api/office/suppliers/${supplier.id}/products/${butter.id}`, 'PUT', { supplierSku: 'GV-2', packSize: '10', packCost: '15.00', preferred: true });
  await officeCall(server.url, `/api/office/suppliers/${supplier.id}/products/${extra.id}`, 'PUT', { supplierSku: 'GV-3', packSize: '6', packCost: '3.00', preferred: true });
  const order = async (lines: { productId: string; packs: string }[]) => {
    const made = (await officeCall<PurchaseOrder>(server.url, '/api/office/purchase-orders', 'POST', { storeId: DEMO_STORE_ID, supplierId: supplier.id, lines })).json;
    return (await officeCall<PurchaseOrder>(server.url, `/api/office/purchase-orders/${made.id}/send`, 'POST', { updatedAt: made.updatedAt })).json;
  };
  return { supplier, milk, butter, extra, order };
}

const row = async (productId: string) => (await officeCall<StockReport>(server.url, `/api/office/stock?store=${DEMO_STORE_ID}`)).json.products.find((candidate) => candidate.productId === productId)!;
const receive = (document: Partial<StockDocument>) =>
  officeCall<{ document: StockDocument; recorded: boolean } & SyncErrorBody>(server.url, '/api/office/stock-documents', 'POST', { kind: 'receipt', storeId: DEMO_STORE_ID, reference: 'DN-1', recordedBy: 'Clerk', ...document });
const orderOf = async (id: string) => (await officeCall<PurchaseOrder>(server.url, `/api/office/purchase-orders/${id}`)).json;

describe('receiving against a purchase order', () => {
  it('counts two deliveries once each: short, then the rest with an unordered product; stock, average cost and on order follow', async () => {
    const { milk, butter, extra, order } = await setUp();
    const sent = await order([
      { productId: milk.id, packs: '3' },
      { productId: butter.id, packs: '2' },
    ]);
    const milkBefore = await row(milk.id);
    const butterBefore = await row(butter.id);
    expect(milkBefore.onOrder).toBe('36');

    // First delivery: 24 milk of 36 (short), no butter yet. Sent twice: counted once.
    const first = { id: 'receipt-dn-1', purchaseOrderId: sent.id, lines: [{ productId: milk.id, quantity: '24' }] };
    expect((await receive(first)).json.recorded).toBe(true);
    expect((await receive(first)).json.recorded).toBe(false);
    let now = await orderOf(sent.id);
    expect(now.state).toBe('partly-received');
    expect(now.lines.map((line) => [line.sku, line.received])).toEqual([
      [milk.sku, '24'],
      [butter.sku, '0'],
    ]);
    let milkRow = await row(milk.id);
    expect(Number(milkRow.quantity)).toBe(Number(milkBefore.quantity) + 24);
    expect(milkRow.onOrder).toBe('12');
    expect((await row(butter.id)).onOrder).toBe('20');
    // The average moves from head office's cost toward the order's 8.40 / 12 = 0.70 a piece.
    const afterFirst = movingAverageCost(milkBefore.quantity, milkBefore.averageCost, '24', '0.70');
    expect(milkRow.averageCost).toBe(afterFirst);
    expect(afterFirst).not.toBe(milkBefore.averageCost);
    const extraBefore = await row(extra.id);

    // Second delivery: the other 12 milk at a better price, 20 butter, and 6 of a product not ordered.
    const second = {
      id: 'receipt-dn-2',
      reference: 'DN-2',
      purchaseOrderId: sent.id,
      lines: [
        { productId: milk.id, quantity: '12', unitCost: '0.65' },
        { productId: butter.id, quantity: '20' },
        { productId: extra.id, quantity: '6' },
      ],
    };
    expect((await receive(second)).json.recorded).toBe(true);
    now = await orderOf(sent.id);
    expect(now.state).toBe('received');
    expect(now.lines.map((line) => line.received)).toEqual(['36', '20']);
    milkRow = await row(milk.id);
    expect(milkRow.onOrder).toBe('0');
    // The delivery's own cost, 0.65, wins over the order's for its line.
    expect(milkRow.averageCost).toBe(movingAverageCost(String(Number(milkBefore.quantity) + 24), afterFirst, '12', '0.65'));
    expect((await row(butter.id)).quantity).toBe(String(Number(butterBefore.quantity) + 20));
    // The unordered product is on the receipt (and in stock) at the supplier's cost, 3.00 / 6 = 0.50.
    const extraRow = await row(extra.id);
    expect(extraRow.quantity).toBe(String(Number(extraBefore.quantity) + 6));
    expect(extraRow.averageCost).toBe(movingAverageCost(extraBefore.quantity, extraBefore.averageCost, '6', '0.5000'));
    // Received in full: nothing more is taken against it.
    const third = await receive({ id: 'receipt-dn-3', purchaseOrderId: sent.id, lines: [{ productId: milk.id, quantity: '1' }] });
    expect(third.status).toBe(422);
    expect(third.json.details![0].problems).toEqual([`purchaseOrderId: ${sent.number} is received in full already; record what else came as a receipt of its own`]);
  });

  it('leaves a backorder open: a short delivery keeps the rest on order until it comes', async () => {
    const { milk, order } = await setUp();
    const sent = await order([{ productId: milk.id, packs: '2' }]);
    await receive({ id: 'receipt-short', purchaseOrderId: sent.id, lines: [{ productId: milk.id, quantity: '20' }] });
    expect((await orderOf(sent.id)).state).toBe('partly-received');
    expect((await row(milk.id)).onOrder).toBe('4');
    // More than ordered is taken (an over-delivery) and the order is received.
    await receive({ id: 'receipt-over', purchaseOrderId: sent.id, lines: [{ productId: milk.id, quantity: '6' }] });
    const over = await orderOf(sent.id);
    expect(over.state).toBe('received');
    expect(over.lines[0].received).toBe('26');
    expect((await row(milk.id)).onOrder).toBe('0');

    // A backorder the supplier will not send: the partly received order is closed, the rest off order.
    const another = await order([{ productId: milk.id, packs: '2' }]);
    await receive({ id: 'receipt-part', purchaseOrderId: another.id, lines: [{ productId: milk.id, quantity: '12' }] });
    expect((await row(milk.id)).onOrder).toBe('12');
    const partly = await orderOf(another.id);
    expect((await officeCall(server.url, `/api/office/purchase-orders/${another.id}/cancel`, 'POST', { updatedAt: partly.updatedAt })).status).toBe(409);
    const closed = (await officeCall<PurchaseOrder>(server.url, `/api/office/purchase-orders/${another.id}/close`, 'POST', { updatedAt: partly.updatedAt })).json;
    expect(closed).toMatchObject({ state: 'received', closedAt: expect.any(String) });
    expect((await row(milk.id)).onOrder).toBe('0');
  });

  it('refuses a cancelled order, a draft and another store’s, moving no stock', async () => {
    const { supplier, milk, order } = await setUp();
    const cancelledOrder = await order([{ productId: milk.id, packs: '1' }]);
    const cancelled = (await officeCall<PurchaseOrder>(server.url, `/api/office/purchase-orders/${cancelledOrder.id}/cancel`, 'POST', { updatedAt: cancelledOrder.updatedAt })).json;
    const before = (await row(milk.id)).quantity;
    const refused = await receive({ id: 'receipt-cancelled', purchaseOrderId: cancelled.id, lines: [{ productId: milk.id, quantity: '12' }] });
    expect(refused.status).toBe(422);
    expect(refused.json.details![0].problems).toEqual([`purchaseOrderId: ${cancelled.number} is cancelled: nothing is received against it`]);
    const draft = (await officeCall<PurchaseOrder>(server.url, '/api/office/purchase-orders', 'POST', { storeId: DEMO_STORE_ID, supplierId: supplier.id, lines: [{ productId: milk.id, packs: '1' }] })).json;
    expect((await receive({ id: 'receipt-draft', purchaseOrderId: draft.id, lines: [{ productId: milk.id, quantity: '12' }] })).json.details![0].problems[0]).toContain('is a draft, not sent');
    const owner = await server.loginAs('owner');
    const other = (await owner.call<{ id: string }>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' })).json;
    const elsewhere = await officeCall<SyncErrorBody>(server.url, '/api/office/stock-documents', 'POST', { id: 'receipt-elsewhere', kind: 'receipt', storeId: other.id, reference: 'DN', recordedBy: 'Clerk', purchaseOrderId: draft.id, lines: [{ productId: milk.id, quantity: '1' }] });
    expect(elsewhere.json.details![0].problems[0]).toContain("is another store's order");
    // None of these moved stock; the refused ids are free to record a receipt later.
    expect((await row(milk.id)).quantity).toBe(before);
    expect((await receive({ id: 'receipt-cancelled', lines: [{ productId: milk.id, quantity: '12' }] })).json.recorded).toBe(true);
  });

  it('lets a clerk of the store receive against its order', async () => {
    const { milk, order } = await setUp();
    const sent = await order([{ productId: milk.id, packs: '1' }]);
    const clerk = await server.loginAs('clerk');
    const received = await clerk.call<{ recorded: boolean }>('/api/office/stock-documents', 'POST', { id: 'receipt-clerk', kind: 'receipt', storeId: DEMO_STORE_ID, reference: 'DN-9', recordedBy: 'Clerk', purchaseOrderId: sent.id, lines: [{ productId: milk.id, quantity: '12' }] });
    expect(received.json.recorded).toBe(true);
    expect((await orderOf(sent.id)).state).toBe('received');
  });

  it('fixes the cost of goods sold on each sale as it is applied: later deliveries do not change it', async () => {
    const product = 'p-000010';
    const ledger = async () => (await server.repository.storage.ledger.entries(DEMO_STORE_ID, product)).map((entry) => [entry.source, entry.documentId, entry.quantity, entry.unitCost ?? null]);
    const averageBefore = (await row(product)).averageCost;
    expect((await push([pushRow(await sale(1, '2'))])).status).toBe(200);
    // Sold at the store's average cost then (head office's product cost, as nothing was received yet).
    expect((await ledger()).filter(([source]) => source === 'sale')).toEqual([['sale', 'sale-till-1-1', '-2', averageBefore]]);

    // A delivery at 0.10 a piece moves the average; the receipt's row carries its own cost.
    expect((await receive({ id: 'receipt-cheap', lines: [{ productId: product, quantity: '100', unitCost: '0.10' }] })).json.recorded).toBe(true);
    const moved = (await row(product)).averageCost;
    expect(moved).not.toBe(averageBefore);
    expect((await ledger()).filter(([source]) => source === 'receipt')).toEqual([['receipt', 'receipt-cheap', '100', '0.10']]);

    // The next sale is costed at the new average; the first keeps its own.
    expect((await push([pushRow(await sale(2, '3'))])).status).toBe(200);
    expect((await ledger()).filter(([source]) => source === 'sale')).toEqual([
      ['sale', 'sale-till-1-1', '-2', averageBefore],
      ['sale', 'sale-till-1-2', '-3', moved],
    ]);
  });
});

describe('the stock valuation', () => {
  it('is what is on hand at its moving average cost, today and replayed for a day before anything was there', async () => {
    const product = 'p-000010';
    await receive({ id: 'receipt-valued', lines: [{ productId: product, quantity: '100', unitCost: '0.10' }] });
    const stock = await row(product);
    const today = new Date().toISOString().slice(0, 10);
    const valuation = (await officeCall<{ total: string; products: { productId: string; quantity: string; averageCost: string; value: string }[] }>(server.url, `/api/office/valuation?store=${DEMO_STORE_ID}&at=${today}`)).json;
    const valued = valuation.products.find((candidate) => candidate.productId === product)!;
    expect(valued).toMatchObject({ quantity: stock.quantity, averageCost: stock.averageCost });
    expect(Number(valued.value)).toBeCloseTo(Number(stock.quantity) * Number(stock.averageCost), 2);
    // The total is the sum of its products, to the cent.
    expect(valuation.products.reduce((sum, candidate) => sum + Math.round(Number(candidate.value) * 100), 0)).toBe(Math.round(Number(valuation.total) * 100));
    // Before the store existed nothing was on hand.
    expect((await officeCall<{ total: string; products: unknown[] }>(server.url, `/api/office/valuation?store=${DEMO_STORE_ID}&at=2020-01-01`)).json).toMatchObject({ total: '0.00', products: [] });
    expect((await officeCall(server.url, `/api/office/valuation?store=${DEMO_STORE_ID}&at=yesterday`)).status).toBe(400);
  });
});
