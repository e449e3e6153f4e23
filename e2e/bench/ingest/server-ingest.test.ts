import { describe, expect, it } from 'vitest';
import { formatIngestResult, runServerIngest } from './server-ingest.js';

// A small run in the normal suite: it checks that the benchmark measures a correct ingest, never how
// fast it was (the machines are shared and noisy; the full-size figures come from running the module).
describe('server ingest benchmark', () => {
  it('pushes every sale once over HTTP and in-process, keeps central stock exact, and reports well-formed figures', async () => {
    const result = await runServerIngest({ sales: 200, products: 200, batchSize: 25, linesPerSale: 3, tills: 3 });

    expect(result).toMatchObject({ sales: 200, linesPerSale: 3, batchSize: 25 });
    expect(result.centralStockExact).toBe(true);
    expect(result.stored).toEqual({ http: 200, repository: 200, rawSqlite: 200 });

    for (const run of [result.http, result.repository, result.rawSqlite]) {
      expect(run.seconds).toBeGreaterThan(0);
      expect(Number.isInteger(run.salesPerSecond)).toBe(true);
      expect(run.salesPerSecond).toBeGreaterThan(0);
    }
    const latency = result.http.pushLatencyMs;
    expect(latency.median).toBeGreaterThan(0);
    expect(latency.median).toBeLessThanOrEqual(latency.p95);
    expect(latency.p95).toBeLessThanOrEqual(latency.max);
    expect(result.overheadRatio).toBeCloseTo(result.rawSqlite.salesPerSecond / result.http.salesPerSecond, 9);
    expect(result.repositoryOverheadRatio).toBeCloseTo(result.rawSqlite.salesPerSecond / result.repository.salesPerSecond, 9);
    expect(formatIngestResult(result)).toContain('central stock exact: yes; stored once: yes');
  });

  it('runs with the default shape at a small size', async () => {
    const result = await runServerIngest({ sales: 200, products: 200 });
    expect(result).toMatchObject({ sales: 200, linesPerSale: 5, batchSize: 100, centralStockExact: true });
    expect(result.stored).toEqual({ http: 200, repository: 200, rawSqlite: 200 });
  });

  it('refuses a shape it cannot build', async () => {
    await expect(runServerIngest({ sales: 10, products: 3, linesPerSale: 5 })).rejects.toThrow(/linesPerSale/);
    await expect(runServerIngest({ sales: 0 })).rejects.toThrow(/sales/);
  });
});
