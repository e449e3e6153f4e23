import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Product, PurchaseOrder, StockReport, Supplier, SyncErrorBody } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall, TEST_OFFICE_KEY } from '../testing.js';
import { server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Purchase orders at head office: a draft in the supplier's packs, changed while a draft, sent (due
 * the lead time later, and on order for its store from then), cancelled; what is not supplied, not
 * whole packs, another currency or an inactive supplier is refused by name; a stale save is refused;
 * every change is audited. Real HTTP on 127.0.0.1, real storage.
 */
beforeEach(startDemo);
afterEach(stopDemo);


async function setUp() {
  const supplier = (await officeCall<Supplier>(server.url, '/api/office/suppliers', 'POST', { name: 'Green Valley Dairy', contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [] })).json;
  const products = (await officeCall<Product[]>(server.url, '/api/office/products')).json;
  const milk = products.find((product) => product.unit === 'piece')!;
  const apples = products.find((product) => product.unit === 'kg')!;
  const other = products.filter((product) => product.unit === 'piece')[1];
  await officeCall(server.url, `/api/office/suppliers/${supplier.id}/products/${milk.id}`, 'PUT', { supplierSku: 'GV-1', packSize: '12', packCost: '8.40', preferred: true });
  await officeCall(server.url, `/api/office/suppliers/${supplier.id}/products/${apples.id}`, 'PUT', { supplierSku: 'GV-APL', packSize: '12.5', packCost: '15.00', preferred: true });
  return { supplier, milk, apples, other };
}

const onOrder = async (productId: string) => (await officeCall<StockReport>(server.url, `/api/office/stock?store=${DEMO_STORE_ID}`)).json.products.find((row) => row.productId === productId)?.onOrder;

describe('purchase orders', () => {
  it('are drafted in packs, changed while drafts, sent with the date they are due, and on order for the store once sent', async () => {
    const { supplier, milk, apples } = await setUp();
    const made = await officeCall<PurchaseOrder>(server.url, '/api/office/purchase-orders', 'POST', {
      storeId: DEMO_STORE_ID,
      supplierId: supplier.id,
      lines: [
        { productId: milk.id, packs: '3' },
        { productId: apples.id, packs: '2', packCost: '14.50' },
      ],
      note: 'before the weekend',
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ number: 'PO-000001', state: 'draft', supplierName: 'Green Valley Dairy', currency: 'EUR', note: 'before the weekend' });
    expect(made.json.lines.map((line) => [line.sku, line.supplierSku, line.packs, line.packSize, line.packCost, line.received])).toEqual([
      [milk.sku, 'GV-1', '3', '12', '8.40', '0'],
      [apples.sku, 'GV-APL', '2', '12.5', '14.50', '0'],
    ]);
    // A draft is not on order yet.
    expect(await onOrder(milk.id)).toBe('0');

    const changed = await officeCall<PurchaseOrder>(server.url, `/api/office/purchase-orders/${made.json.id}`, 'PUT', { updatedAt: made.json.updatedAt, lines: [{ productId: milk.id, packs: '4' }, { productId: apples.id, packs: '2' }] });
    expect(changed.status).toBe(200);
    expect(changed.json.lines.map((line) => [line.packs, line.packCost])).toEqual([
      ['4', '8.40'],
      ['2', '15.00'],
    ]);
    // A save over the order as first loaded is refused.
    expect((await officeCall(server.url, `/api/office/purchase-orders/${made.json.id}`, 'PUT', { updatedAt: made.json.updatedAt, lines: [{ productId: milk.id, packs: '9' }] })).status).toBe(409);

    const sent = await officeCall<PurchaseOrder>(server.url, `/api/office/purchase-orders/${made.json.id}/send`, 'POST', { updatedAt: changed.json.updatedAt });
    expect(sent.json.state).toBe('sent');
    expect(Date.parse(sent.json.expectedAt!) - Date.parse(sent.json.sentAt!)).toBe(2 * 24 * 60 * 60 * 1000);
    // 4 cases of 12 and 2 sacks of 12.5 kg are on order.
    expect(await onOrder(milk.id)).toBe('48');
    expect(await onOrder(apples.id)).toBe('25');
    const inEveryStore = (await officeCall<{ storeId: string; onOrder: string }[]>(server.url, `/api/office/products/${milk.id}/stock`)).json;
    expect(inEveryStore.find((row) => row.storeId === DEMO_STORE_ID)?.onOrder).toBe('48');
    // Sent, it is what the supplier was asked for: not changed, and sending again changes nothing.
    expect((await officeCall<SyncErrorBody>(server.url, `/api/office/purchase-orders/${made.json.id}`, 'PUT', { updatedAt: sent.json.updatedAt, lines: [{ productId: milk.id, packs: '1' }] })).status).toBe(409);
    expect((await officeCall<PurchaseOrder>(server.url, `/api/office/purchase-orders/${made.json.id}/send`, 'POST', {})).json.updatedAt).toBe(sent.json.updatedAt);

    // For the supplier: its SKUs, our SKUs, packs and the line totals.
    const csv = await fetch(`${server.url}/api/office/purchase-orders/${made.json.id}/csv`, { headers: { authorization: `Bearer ${TEST_OFFICE_KEY}` } });
    expect(csv.headers.get('content-disposition')).toContain('PO-000001.csv');
    expect((await csv.text()).trim().split(/\r?\n/)).toEqual([
      'supplierSku,sku,name,packs,packSize,unit,packCost,lineTotal,currency',
      `GV-1,${milk.sku},${milk.name},4,12,piece,8.40,33.60,EUR`,
      `GV-APL,${apples.sku},${apples.name},2,12.5,kg,15.00,30.00,EUR`,
    ]);

    // Cancelled: no longer on order.
    const cancelled = await officeCall<PurchaseOrder>(server.url, `/api/office/purchase-orders/${made.json.id}/cancel`, 'POST', { updatedAt: sent.json.updatedAt });
    expect(cancelled.json.state).toBe('cancelled');
    expect(await onOrder(milk.id)).toBe('0');
    const audit = (await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=purchaseOrder')).json;
    expect(audit.map((entry) => entry.action)).toEqual(['purchaseOrder.cancel', 'purchaseOrder.send', 'purchaseOrder.update', 'purchaseOrder.create']);
    expect((await officeCall<PurchaseOrder[]>(server.url, `/api/office/purchase-orders?store=${DEMO_STORE_ID}`)).json.map((order) => [order.number, order.state])).toEqual([['PO-000001', 'cancelled']]);
  });

  it('refuse what the supplier does not supply, part packs, another currency, an inactive supplier and an unknown store, by name', async () => {
    const { supplier, milk, other } = await setUp();
    const refused = await officeCall<SyncErrorBody>(server.url, '/api/office/purchase-orders', 'POST', {
      storeId: DEMO_STORE_ID,
      supplierId: supplier.id,
      lines: [
        { productId: milk.id, packs: '1.5' },
        { productId: other.id, packs: '1' },
        { productId: milk.id, packs: '-2', packCost: 'cheap' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.json.details![0].problems).toEqual([
      `lines[0].packs: whole packs of ${milk.sku}, 1 to 100,000`,
      `lines[1].productId: Green Valley Dairy does not supply "${other.id}"; add it to the supplier first`,
      `lines[2].productId: ${milk.sku} is on the order twice`,
      `lines[2].packs: whole packs of ${milk.sku}, 1 to 100,000`,
      `lines[2].packCost: the cost of one pack of ${milk.sku}, at most 4 decimals`,
    ]);
    expect((await officeCall<SyncErrorBody>(server.url, '/api/office/purchase-orders', 'POST', { storeId: DEMO_STORE_ID, supplierId: supplier.id, lines: [] })).json.details![0].problems).toEqual(['lines: an order has at least one line']);

    const dollars = (await officeCall<Supplier>(server.url, '/api/office/suppliers', 'POST', { name: 'Import Co', contact: {}, currency: 'USD', leadTimeDays: 30, orderDays: [] })).json;
    const inDollars = await officeCall<SyncErrorBody>(server.url, '/api/office/purchase-orders', 'POST', { storeId: DEMO_STORE_ID, supplierId: dollars.id, lines: [] });
    expect(inDollars.json.details![0].problems[0]).toBe('supplierId: Import Co bills in USD and store S1 keeps its costs in EUR; orders in another currency are not supported yet');

    await officeCall(server.url, `/api/office/suppliers/${supplier.id}`, 'PUT', { updatedAt: supplier.updatedAt, fields: { name: supplier.name, contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [], active: false } });
    const inactive = await officeCall<SyncErrorBody>(server.url, '/api/office/purchase-orders', 'POST', { storeId: 'store-nowhere', supplierId: supplier.id, lines: [{ productId: milk.id, packs: '1' }] });
    expect(inactive.json.details![0].problems).toEqual(['storeId: no store "store-nowhere"', 'supplierId: Green Valley Dairy is inactive and takes no new orders']);
  });

  it('are for the managers of their store: a manager of another store neither reads nor sends one, a clerk makes none', async () => {
    const { supplier, milk } = await setUp();
    const made = (await officeCall<PurchaseOrder>(server.url, '/api/office/purchase-orders', 'POST', { storeId: DEMO_STORE_ID, supplierId: supplier.id, lines: [{ productId: milk.id, packs: '1' }] })).json;
    const owner = await server.loginAs('owner');
    const other = (await owner.call<{ id: string }>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' })).json;
    const elsewhere = await server.loginAs('manager', [other.id]);
    expect((await elsewhere.call(`/api/office/purchase-orders/${made.id}`)).status).toBe(403);
    expect((await elsewhere.call(`/api/office/purchase-orders/${made.id}/send`, 'POST', { updatedAt: made.updatedAt })).status).toBe(403);
    expect((await elsewhere.call(`/api/office/purchase-orders?store=${DEMO_STORE_ID}`)).status).toBe(403);
    const clerk = await server.loginAs('clerk');
    expect((await clerk.call('/api/office/purchase-orders', 'POST', { storeId: DEMO_STORE_ID, supplierId: supplier.id, lines: [{ productId: milk.id, packs: '1' }] })).status).toBe(403);
    const manager = await server.loginAs('manager');
    expect((await manager.call<PurchaseOrder>(`/api/office/purchase-orders/${made.id}/send`, 'POST', { updatedAt: made.updatedAt })).json.state).toBe('sent');
  });
});
