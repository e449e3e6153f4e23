import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STORE_ID } from '../demo.js';
import { level, office, push, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';
import { TEST_OFFICE_KEY } from '../testing.js';

/**
 * Head office's goods receipts and adjustments: each moves central stock once, beside the sales.
 * Real HTTP on 127.0.0.1, real SQLite: see testing-demo.ts.
 */
beforeEach(startDemo);
afterEach(stopDemo);

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
    const opening = Number((await level('p-000010')).quantity);
    expect((await post(receipt())).status).toBe(201);
    expect((await post(receipt())).status).toBe(200);
    await push([row(await sale(1, '2'))]);
    // Half a piece is no quantity of goods sold by the piece: refused, recording nothing.
    const half = await post({ ...receipt('-1.5', 'adjust-0'), kind: 'adjustment', reason: 'damaged', reference: 'dropped' });
    expect(half.status).toBe(422);
    expect(JSON.stringify(await half.json())).toContain('lines.0.quantity: -1.5 pieces of');
    const adjustment = { ...receipt('-1', 'adjust-1'), kind: 'adjustment', reason: 'damaged', reference: 'dropped' };
    expect((await post(adjustment)).status).toBe(201);
    expect(await level('p-000010')).toMatchObject({ quantity: String(opening + 12 - 2 - 1), applied: { 'till-1': 1 } });
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe((await level('p-000010')).quantity);
    const report = await office<{ products: { productId: string; opening: string; received: string; adjusted: string; sold: string; quantity: string }[] }>(
      `/api/office/stock?store=${DEMO_STORE_ID}`,
    );
    expect(report.products.find((entry) => entry.productId === 'p-000010')).toMatchObject({ opening: String(opening), received: '12', adjusted: '-1', sold: '2', quantity: String(opening + 9) });
    expect((await office<{ id: string }[]>(`/api/office/stock-documents?store=${DEMO_STORE_ID}`)).map((document) => document.id)).toEqual(['adjust-1', 'receipt-1']);
  });

  it('refuse a changed document under a recorded id, and bad ones, with reasons, recording nothing', async () => {
    await post(receipt());
    const before = (await level('p-000010')).quantity;
    const changed = await post(receipt('13'));
    expect(changed.status).toBe(409);
    const bad = await post({ ...receipt('-3', 'receipt-2'), lines: [{ productId: 'p-000010', quantity: '-3' }, { productId: 'p-nope', quantity: '1' }] });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('goods received are a positive quantity');
    const unknown = await post({ ...receipt('3', 'receipt-3'), lines: [{ productId: 'p-nope', quantity: '1' }] });
    expect(JSON.stringify(await unknown.json())).toContain('unknown product \\"p-nope\\"');
    const noReason = await post({ ...receipt('-1', 'adjust-2'), kind: 'adjustment' });
    expect(JSON.stringify(await noReason.json())).toContain('reason: one of count, damaged, theft, expired, correction');
    expect((await level('p-000010')).quantity).toBe(before);
    expect((await fetch(`${server.url}/api/office/stock-documents`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });
});
