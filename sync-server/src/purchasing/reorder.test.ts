import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PurchaseOrder, ReorderRule, ReorderSuggestion, Supplier, SyncErrorBody } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall } from '../testing.js';
import { level, push, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Reorder suggestions from the store's synced sales: a product sold today is suggested with its
 * figures (average daily sales, lead time, review period, on hand, packs), a fixed min/max replaces
 * the automatic rule, and accepted suggestions become draft orders, one per supplier, after which
 * what is on order covers them. Real HTTP on 127.0.0.1, real storage.
 */
beforeEach(startDemo);
afterEach(stopDemo);

const PRODUCT = 'p-000010';
const suggestions = async (query = '') => (await officeCall<ReorderSuggestion[] & SyncErrorBody>(server.url, `/api/office/reorder?store=${DEMO_STORE_ID}${query}`)).json;

describe('reorder suggestions', () => {
  it('come from synced sales, with their figures, and become draft orders one per supplier', async () => {
    const supplier = (await officeCall<Supplier>(server.url, '/api/office/suppliers', 'POST', { name: 'Green Valley Dairy', contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [] })).json;
    await officeCall(server.url, `/api/office/suppliers/${supplier.id}/products/${PRODUCT}`, 'PUT', { supplierSku: 'GV-1', packSize: '12', packCost: '8.40', preferred: true });
    // Nothing sold yet: nothing suggested for it.
    expect((await suggestions('&windowDays=1')).find((suggestion) => suggestion.productId === PRODUCT)).toBeUndefined();

    // 5 sold today (one till's push); over a window of today alone that is 5 a day, with no spread.
    expect((await push([row(await sale(1, '2')), row(await sale(2, '3'))])).status).toBe(200);
    const onHand = (await level(PRODUCT)).quantity;
    const [suggested] = (await suggestions('&windowDays=1&reviewDays=7')).filter((suggestion) => suggestion.productId === PRODUCT);
    // Target 5 × (2 + 7) = 45, less what is on hand: in cases of 12.
    const wanted = 45 - Number(onHand);
    expect(suggested).toMatchObject({ policy: 'automatic', averageDaily: '5.000', spread: '0.000', leadTimeDays: 2, reviewDays: 7, target: '45.000', onHand, onOrder: '0', packs: Math.ceil(wanted / 12), supplierName: 'Green Valley Dairy' });
    expect(suggested.explanation).toContain('5.00 a day × (2 d lead time + 7 d review)');

    // Accepted: a draft order with those packs; sent, it is on order and the suggestion is gone.
    const made = await officeCall<PurchaseOrder[]>(server.url, '/api/office/reorder/orders', 'POST', { storeId: DEMO_STORE_ID, lines: [{ productId: PRODUCT, packs: String(suggested.packs) }] });
    expect(made.status).toBe(201);
    expect(made.json.map((order) => [order.supplierName, order.state, order.lines[0].packs])).toEqual([['Green Valley Dairy', 'draft', String(suggested.packs)]]);
    await officeCall(server.url, `/api/office/purchase-orders/${made.json[0].id}/send`, 'POST', { updatedAt: made.json[0].updatedAt });
    expect((await suggestions('&windowDays=1&reviewDays=7')).find((suggestion) => suggestion.productId === PRODUCT)).toBeUndefined();

    // A product without a preferred supplier is named, and nothing is made.
    const refused = await officeCall<SyncErrorBody>(server.url, '/api/office/reorder/orders', 'POST', { storeId: DEMO_STORE_ID, lines: [{ productId: 'p-000011', packs: '1' }] });
    expect(refused.json.details![0].problems).toEqual(['lines[0].productId: "p-000011" has no active preferred supplier']);
  });

  it('become every supplier’s draft in one write: when one draft is refused, none is made', async () => {
    const supplierOf = async (name: string, productId: string) => {
      const supplier = (await officeCall<Supplier>(server.url, '/api/office/suppliers', 'POST', { name, contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [] })).json;
      await officeCall(server.url, `/api/office/suppliers/${supplier.id}/products/${productId}`, 'PUT', { supplierSku: `${name}-1`, packSize: '6', packCost: '3.00', preferred: true });
      return supplier;
    };
    await supplierOf('Green Valley Dairy', PRODUCT);
    await supplierOf('Hill Bakery', 'p-000011');
    // The dairy's draft is sound and written first; the bakery's (no whole packs) is refused.
    const refused = await officeCall<SyncErrorBody>(server.url, '/api/office/reorder/orders', 'POST', {
      storeId: DEMO_STORE_ID,
      lines: [
        { productId: PRODUCT, packs: '2' },
        { productId: 'p-000011', packs: 'two' },
      ],
    });
    expect(refused.status).toBe(422);
    expect((await officeCall<PurchaseOrder[]>(server.url, `/api/office/purchase-orders?store=${DEMO_STORE_ID}`)).json).toEqual([]);

    // Both sound: both drafts, numbered one after the other.
    const made = await officeCall<PurchaseOrder[]>(server.url, '/api/office/reorder/orders', 'POST', {
      storeId: DEMO_STORE_ID,
      lines: [
        { productId: PRODUCT, packs: '2' },
        { productId: 'p-000011', packs: '1' },
      ],
    });
    expect(made.status).toBe(201);
    expect(made.json.map((order) => [order.supplierName, order.number, order.state])).toEqual([
      ['Green Valley Dairy', 'PO-000001', 'draft'],
      ['Hill Bakery', 'PO-000002', 'draft'],
    ]);
  });

  it('follow a product’s fixed min/max in a store instead, until it is removed', async () => {
    const onHand = Number((await level(PRODUCT)).quantity);
    const rule = await officeCall<ReorderRule>(server.url, `/api/office/reorder/rules/${DEMO_STORE_ID}/${PRODUCT}`, 'PUT', { min: String(onHand), max: String(onHand + 20) });
    expect(rule.json).toMatchObject({ min: String(onHand), max: String(onHand + 20) });
    const [suggested] = (await suggestions()).filter((suggestion) => suggestion.productId === PRODUCT);
    // No supplier: whole pieces, and no one to order from yet.
    expect(suggested).toMatchObject({ policy: 'min/max', wanted: '20.000', packs: 20, quantity: '20', supplierId: null });
    const bad = await officeCall<SyncErrorBody>(server.url, `/api/office/reorder/rules/${DEMO_STORE_ID}/${PRODUCT}`, 'PUT', { min: '10', max: '5' });
    expect(bad.json.details![0].problems).toEqual(['max: more than the minimum']);
    await officeCall(server.url, `/api/office/reorder/rules/${DEMO_STORE_ID}/${PRODUCT}`, 'PUT', { min: null, max: null });
    expect((await suggestions()).find((suggestion) => suggestion.productId === PRODUCT)).toBeUndefined();
    expect((await officeCall<SyncErrorBody>(server.url, `/api/office/reorder?store=${DEMO_STORE_ID}&serviceLevel=80`)).json.details![0].problems).toEqual(['serviceLevel: one of 90, 95, 97.5, 99, 99.9 (percent)']);
  });
});
