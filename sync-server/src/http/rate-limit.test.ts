import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('the rate limiter', () => {
  it('forgets addresses whose bucket has refilled, so one-off visitors do not pile up', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 2, () => now);
    for (let address = 0; address < 5000; address++) expect(limiter.take(`10.0.${address >> 8}.${address & 255}`)).toBe(0);
    expect(limiter.size).toBe(5000);
    now += 11_000;
    expect(limiter.take('10.9.9.9')).toBe(0);
    expect(limiter.size).toBe(1);
    // A busy key keeps its (spent) bucket through a sweep.
    expect(limiter.take('busy')).toBe(0);
    expect(limiter.take('busy')).toBe(0);
    expect(limiter.take('busy')).toBe(1);
  });
});
