import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectionSchemas, type CollectionName } from '../../../shared/src/index.js';
import { EVERY_COLLECTION, MemoryChangeFeed } from './change-feed.js';

/** The in-memory change feed of one server process (the default). */

describe('MemoryChangeFeed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function heard(feed: MemoryChangeFeed, storeId: string): CollectionName[][] {
    const messages: CollectionName[][] = [];
    feed.subscribe(storeId, (collections) => messages.push([...collections].sort()));
    return messages;
  }

  it("tells a store's listeners of its changes, and no other store's", async () => {
    const feed = new MemoryChangeFeed();
    const north = heard(feed, 'north');
    const south = heard(feed, 'south');

    feed.notify('north', ['stockLevels', 'tills']);
    await vi.advanceTimersByTimeAsync(25);

    expect(north).toEqual([['stockLevels', 'tills']]);
    expect(south).toEqual([]);
    await feed.close();
  });

  it('tells every store of a chain-wide change', async () => {
    const feed = new MemoryChangeFeed();
    const north = heard(feed, 'north');
    const south = heard(feed, 'south');

    feed.notify(null, ['products']);
    await vi.advanceTimersByTimeAsync(25);

    expect(north).toEqual([['products']]);
    expect(south).toEqual([['products']]);
    await feed.close();
  });

  it('sends a burst within 25 ms as one message, each collection once', async () => {
    const feed = new MemoryChangeFeed();
    const north = heard(feed, 'north');

    for (let push = 0; push < 100; push++) feed.notify('north', ['stockLevels', 'tills']);
    feed.notify(null, ['products']);
    await vi.advanceTimersByTimeAsync(24);
    expect(north).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    expect(north).toEqual([['products', 'stockLevels', 'tills']]);
    feed.notify('north', ['refusals']);
    await vi.advanceTimersByTimeAsync(25);
    expect(north).toEqual([['products', 'stockLevels', 'tills'], ['refusals']]);
    await feed.close();
  });

  it('stops telling a listener that unsubscribed, and everyone once closed', async () => {
    const feed = new MemoryChangeFeed();
    const messages: CollectionName[][] = [];
    const unsubscribe = feed.subscribe('north', (collections) => messages.push(collections));
    const north = heard(feed, 'north');

    unsubscribe();
    feed.notify('north', ['sales']);
    await vi.advanceTimersByTimeAsync(25);
    expect(messages).toEqual([]);
    expect(north).toEqual([['sales']]);

    feed.notify('north', ['customers']);
    await feed.close();
    feed.notify('north', ['cashiers']);
    await vi.advanceTimersByTimeAsync(100);
    expect(north).toEqual([['sales']]);
  });

  it('knows every collection, for "everything may have changed"', () => {
    expect([...EVERY_COLLECTION].sort()).toEqual(Object.keys(collectionSchemas).sort());
  });
});
