import { describe, expect, it } from 'vitest';
import { formatCustomerPushResult, runCustomerPush } from './customer-push.js';

// A small run in the normal suite: it checks that the benchmark measures pushes that keep the flags
// right, never how fast they were (the machines are shared and noisy; the full-size figures come
// from running the module).
describe('customer push benchmark', () => {
  it('pushes to stores of each size in turn, keeps every customer’s flags exact, and reports well-formed figures', async () => {
    const result = await runCustomerPush({ sizes: [30, 120], pushes: 12 });

    expect(result.sizes.map((size) => [size.customers, size.pushes, size.flagsExact])).toEqual([
      [30, 12, true],
      [120, 12, true],
    ]);
    for (const { latencyMs } of result.sizes) {
      expect(latencyMs.count).toBe(12);
      expect(latencyMs.median).toBeGreaterThan(0);
      expect(latencyMs.median).toBeLessThanOrEqual(latencyMs.p95);
      expect(latencyMs.p95).toBeLessThanOrEqual(latencyMs.max);
    }
    expect(result.growth).toBeCloseTo(result.sizes[1].latencyMs.median / result.sizes[0].latencyMs.median, 9);
    expect(formatCustomerPushResult(result)).toContain('flags exact: yes');
  });

  it('refuses a shape it cannot run', async () => {
    await expect(runCustomerPush({ sizes: [] })).rejects.toThrow(/sizes/);
    await expect(runCustomerPush({ pushes: 0 })).rejects.toThrow(/pushes/);
  });
});
