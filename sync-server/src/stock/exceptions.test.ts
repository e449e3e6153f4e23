import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STORE_ID } from '../demo.js';
import { level, office, product, push, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * The notes head office gets beside sales that stand: stock sold below zero, a price changed meanwhile.
 * Real HTTP on 127.0.0.1, real SQLite: see testing-demo.ts.
 */
beforeEach(startDemo);
afterEach(stopDemo);

describe('exceptions for head office', () => {
  it('lets two tills each sell the last unit: both sales stand, stock goes to -1, an oversell is raised', async () => {
    await server.repository.putDocument('stockLevels', { ...(await level('p-000010')), quantity: '1' }, DEMO_STORE_ID);
    await push([row(await sale(1, '1'))], 'till-1');
    await push([row(await sale(1, '1', 'p-000010', { id: 'till-2', code: 'T2' }))], 'till-2');
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(2);
    expect((await level('p-000010')).quantity).toBe('-1');
    const exceptions = await server.repository.exceptions(DEMO_STORE_ID);
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({ kind: 'oversell', productId: 'p-000010', tillId: 'till-2', details: { before: '0', after: '-1', receiptNumber: 'S1-T2-000001' } });
    // A re-push of the same sale raises nothing new.
    await push([row(await sale(1, '1', 'p-000010', { id: 'till-2', code: 'T2' }))], 'till-2');
    expect(await server.repository.exceptions(DEMO_STORE_ID)).toHaveLength(1);
  });

  it('keeps a sale made at a price head office changed meanwhile, at the price charged, and notes the mismatch', async () => {
    const charged = await sale(1, '2');
    const oldPrice = (await product('p-000010')).price;
    await server.repository.putDocument('products', { ...(await product('p-000010')), price: '99.00' }, null);
    expect((await push([row(charged)])).status).toBe(200);
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(1);
    expect((await server.repository.recentSales(DEMO_STORE_ID, 1))[0].sale.lines[0].unitPrice).toBe(oldPrice);
    const [exception] = await server.repository.exceptions(DEMO_STORE_ID);
    expect(exception).toMatchObject({ kind: 'price_mismatch', productId: 'p-000010', saleId: charged.id, details: { charged: oldPrice, current: '99.00' } });
    const report = await office<unknown[]>(`/api/office/exceptions?store=${DEMO_STORE_ID}`);
    expect(report).toHaveLength(1);
  });
});
