import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { keepWrite } from '../settings.js';
import { ParkedCarts, type ParkedCart } from './parked.js';

const MILK = { lineId: 'line-1', productId: 'p-milk', quantity: '2' };
const BREAD = { lineId: 'line-2', productId: 'p-bread', quantity: '1' };

beforeEach(() => {
  // A fresh IndexedDB per test: parked carts live in the till's small keep database.
  globalThis.indexedDB = new IDBFactory();
});

describe('parked carts on disk', () => {
  it('keeps the name a cashier gives, trimmed; a blank name is none', async () => {
    const parked = new ParkedCarts('till-1');
    const named = await parked.park([MILK], 'Alex', { name: '  Mrs Patel  ' });
    const unnamed = await parked.park([BREAD], 'Alex', { name: '   ' });
    expect(named.name).toBe('Mrs Patel');
    expect(unnamed).not.toHaveProperty('name');
    expect((await parked.list()).map((cart) => [cart.name, cart.lines.map((line) => line.productId)])).toEqual([
      ['Mrs Patel', ['p-milk']],
      [undefined, ['p-bread']],
    ]);
  });

  it('lists carts parked before names existed, as they were kept', async () => {
    const old: ParkedCart = { id: 'old-cart', parkedAt: '2026-11-27T09:00:00.000Z', cashierName: 'Sam', lines: [MILK] };
    await keepWrite('kassa.parkedCarts:till-1', [old]);
    expect(await new ParkedCarts('till-1').list()).toEqual([old]);
  });

  it('puts a cart taken out back in its place, and leaves one still parked as it is', async () => {
    const parked = new ParkedCarts('till-1');
    const first = await parked.park([MILK], 'Alex', { name: 'First' });
    // Parked a moment later, so the order by time is plain.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await parked.park([BREAD], 'Alex', { name: 'Second' });
    const taken = (await parked.take(first.id))!;
    expect((await parked.list()).map((cart) => cart.name)).toEqual(['Second']);
    await parked.putBack(taken);
    expect((await parked.list()).map((cart) => cart.name)).toEqual(['First', 'Second']);
    await parked.putBack(taken);
    expect(await parked.list()).toHaveLength(2);
    expect(await parked.take('no-such-cart')).toBeUndefined();
  });
});
