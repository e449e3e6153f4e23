import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { keepSnapshots, type Snapshotted } from './snapshot-keeper.js';

function target(changes: number): Snapshotted & { saves: number } {
  const made = {
    saves: 0,
    changesSinceSnapshot: changes,
    async saveSnapshot() {
      made.saves++;
      made.changesSinceSnapshot = 0;
    },
  };
  return made;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const policy = { minChanges: 1000, maxAgeMs: 60_000, quietMs: 5000, checkEveryMs: 1000 };

it('snapshots a view once enough has changed, and not while a sync is moving documents', async () => {
  const products = target(5000);
  const levels = target(10);
  let syncing = true;
  const stop = keepSnapshots([products, levels], policy, () => syncing);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(products.saves).toBe(0);
  syncing = false;
  await vi.advanceTimersByTimeAsync(1000);
  expect(products.saves).toBe(1);
  // A few changes wait until they are old enough to be worth a snapshot.
  expect(levels.saves).toBe(0);
  await vi.advanceTimersByTimeAsync(61_000);
  expect(levels.saves).toBe(1);
  stop();
});
