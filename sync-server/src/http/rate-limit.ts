import { SyncError } from '../../../shared/src/index.js';

/**
 * A token bucket per key (a device, or an address for pairing): `burst` requests at once, refilled
 * at `perSecond`. Answers how many seconds to wait when a request is over the limit.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** How many seconds a request under `key` would wait now, without taking anything (0: it may go ahead). */
  wait(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(this.burst, bucket.tokens + ((this.clock() - bucket.at) / 1000) * this.perSecond);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perSecond);
  }

  take(key: string): number {
    const now = this.clock();
    // Addresses seen once would otherwise pile up: now and then, forget the buckets that refilled.
    if (this.buckets.size > 1000 && now - this.sweptAt > 10_000) {
      this.sweptAt = now;
      this.forgetFull(now);
    }
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perSecond);
  }

  private sweptAt = 0;

  get size(): number {
    return this.buckets.size;
  }

  /** Drops buckets that have refilled, so addresses seen once do not pile up. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}

/** The server's two budgets: requests per device, and guesses (pairing codes and office keys) per address. */
export interface RateLimits {
  device: RateLimiter;
  guesses: RateLimiter;
}

/** Takes one request from `key`'s budget, or refuses it with 429 and how many seconds to wait (sent as retry-after). */
export function limit(limiter: RateLimiter, key: string): void {
  const wait = limiter.take(key);
  if (wait > 0) throw new SyncError('rate_limited', `too many requests; try again in ${wait} s`, 429, [{ problems: [String(wait)] }]);
}
