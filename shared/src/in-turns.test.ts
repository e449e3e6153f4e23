import { describe, expect, it } from 'vitest';
import { inTurns } from './in-turns.js';

describe('stores worked out a few at a time', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('answer in the stores’ order, however long each takes, with no more than the width at once', async () => {
    let running = 0;
    let most = 0;
    const answers = await inTurns([30, 5, 20, 1, 10, 2, 15], 2, async (ms) => {
      most = Math.max(most, ++running);
      await pause(ms);
      running--;
      return `store of ${ms} ms`;
    });
    expect(answers).toEqual([30, 5, 20, 1, 10, 2, 15].map((ms) => `store of ${ms} ms`));
    expect(most).toBe(2);
  });

  it('fail with the first store that fails, and start no store after it', async () => {
    const started: number[] = [];
    const failing = inTurns([1, 2, 3, 4, 5, 6], 2, async (store) => {
      started.push(store);
      await pause(5);
      if (store === 2) throw new Error('store 2 could not be read');
      return store;
    });
    await expect(failing).rejects.toThrow('store 2 could not be read');
    await pause(30);
    // Stores 1 and 2 at once; store 1's lane took store 3 before store 2 failed; none after.
    expect(started).toEqual([1, 2, 3]);
  });
});
