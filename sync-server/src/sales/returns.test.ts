import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReturn, type ReturnLine, type Sale } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { headers, level, office, push, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Returns against a stored sale: restocked once, never more than was sold, found by receipt number at another till.
 * Real HTTP on 127.0.0.1, real SQLite: see testing-demo.ts.
 */
beforeEach(startDemo);
afterEach(stopDemo);

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
    const opening = Number((await level('p-000010')).quantity);
    const sold = await sale(1, '5');
    await push([row(sold)]);
    const back = refund(sold, 2, [{ productId: 'p-000010', quantity: '2', restock: true }]);
    const broken = refund(sold, 3, [{ productId: 'p-000010', quantity: '1', restock: false }], [back]);
    expect(await push([row(back), row(broken)])).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    await push([row(back)]);
    // The write-off moves no stock, so the level includes the till's documents up to the restock.
    expect(await level('p-000010')).toMatchObject({ quantity: String(opening - 5 + 2), applied: { 'till-1': 2 } });
    expect((await server.repository.till('till-1'))!.lastNumber).toBe(3);
    expect(await server.repository.ledgerBalance(DEMO_STORE_ID, 'p-000010')).toBe(String(opening - 3));
    const report = await office<{ products: { productId: string; sold: string; returned: string }[] }>(`/api/office/stock?store=${DEMO_STORE_ID}`);
    expect(report.products.find((entry) => entry.productId === 'p-000010')).toMatchObject({ sold: '5', returned: '2' });
  });

  it('are refused when they take back more than is left, or their sale is not on the server, and hold nothing back', async () => {
    const sold = await sale(1, '2');
    const unknownSale = await sale(9, '2');
    await push([row(sold)]);
    const first = refund(sold, 2, [{ productId: 'p-000010', quantity: '2', restock: true }]);
    await push([row(first)]);
    const again = { ...refund(sold, 3, [{ productId: 'p-000010', quantity: '1', restock: true }]) };
    const orphan = refund(unknownSale, 4, [{ productId: 'p-000010', quantity: '1', restock: true }]);
    const answer = (await push([row(again), row(orphan), row(await sale(5, '1'))])).body as { refused: { number: number; problems: string[] }[] };
    expect(answer.refused.map((refusal) => [refusal.number, refusal.problems.join()])).toEqual([
      [3, expect.stringContaining('1 returned, but only 0 of what S1-T1-000001 sold is left to return')],
      [4, expect.stringContaining('the sale it returns (S1-T1-000009) is not on the server yet')],
    ]);
    expect((await server.repository.till('till-1'))!.lastNumber).toBe(5);
  });

  it('may come at another till, in the same push as nothing of theirs, found by receipt number', async () => {
    const sold = await sale(1, '3');
    await push([row(sold)]);
    const found = await fetch(`${server.url}/api/sync/sales/by-receipt?receipt=${sold.receiptNumber}`, { headers: headers('till-2') });
    expect(await found.json()).toEqual({ sale: sold, returns: [] });
    expect((await fetch(`${server.url}/api/sync/sales/by-receipt?receipt=S1-T1-999999`, { headers: headers('till-2') })).status).toBe(404);
    const back = refund(sold, 1, [{ productId: 'p-000010', quantity: '3', restock: true }], [], { id: 'till-2', code: 'T2' });
    expect((await push([row(back)], 'till-2')).body).toEqual({ conflicts: [], refused: [] });
    expect((await level('p-000010')).applied).toEqual({ 'till-1': 1, 'till-2': 1 });
  });
});
