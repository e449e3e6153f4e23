import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STORE_ID } from '../demo.js';
import { office, push, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Health, and head office's stock report and summary (the office app itself: app-files.test.ts and
 * the Playwright scenarios in e2e/).
 * Real HTTP on 127.0.0.1, real SQLite: see testing-demo.ts.
 */
beforeEach(startDemo);
afterEach(stopDemo);

describe('health and head office', () => {
  it('answers health and reports stock with each till’s last contact', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toMatchObject({ status: 'ok', protocol: 1 });
    await push([row(await sale(1, '2'))]);
    const report = await office<{
      tills: { id: string; lastContactAt: string | null; lastNumber: number }[];
      products: { productId: string; sold: string; opening: string; quantity: string }[];
      salesCount: number;
    }>(`/api/office/stock?store=${DEMO_STORE_ID}`);
    expect(report.salesCount).toBe(1);
    const row10 = report.products.find((entry) => entry.productId === 'p-000010')!;
    expect(row10.sold).toBe('2');
    expect(Number(row10.opening) - 2).toBe(Number(row10.quantity));
    expect(report.tills.find((till) => till.id === 'till-1')).toMatchObject({ lastNumber: 1 });
    expect(report.tills.find((till) => till.id === 'till-1')!.lastContactAt).not.toBeNull();
    expect(report.tills.find((till) => till.id === 'till-2')!.lastContactAt).toBeNull();
    const summary = await office<{ salesCount: number; tills: unknown[] }>(`/api/office/summary?store=${DEMO_STORE_ID}`);
    expect(summary.salesCount).toBe(1);
    expect(summary.tills).toHaveLength(2);
  });
});
