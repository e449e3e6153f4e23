import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { dec, sum } from './money.js';
import type { StockLevel } from './schemas/index.js';
import {
  applyToLevel,
  movementsOf,
  pendingByProduct,
  projectedQuantity,
  stockLevelId,
  type StockMovement,
  type StockMovingDocument,
} from './stock.js';

function level(productId: string, quantity: string, applied: Record<string, number> = {}): StockLevel {
  return { id: stockLevelId('S1', productId), storeId: 'S1', productId, quantity, applied };
}

function doc(tillId: string, number: number, ...stockMovements: StockMovement[]): StockMovingDocument {
  return { tillId, number, stockMovements };
}

function move(productId: string, quantity: string): StockMovement {
  return { productId, quantity };
}

describe('stockLevelId', () => {
  it('is store and product joined by a colon', () => {
    expect(stockLevelId('S1', 'milk')).toBe('S1:milk');
  });
});

describe('movementsOf', () => {
  it('sums the lines per product with the sign, in first-seen order', () => {
    // milk 2 + 0.5 = 2.5 leaves the shelf on a sale; bread 1
    const lines = [
      { productId: 'milk', quantity: '2' },
      { productId: 'bread', quantity: '1' },
      { productId: 'milk', quantity: '0.5' },
    ];
    expect(movementsOf(lines, -1)).toEqual([move('milk', '-2.5'), move('bread', '-1')]);
    expect(movementsOf(lines, 1)).toEqual([move('milk', '2.5'), move('bread', '1')]);
  });

  it('keeps a weighed quantity exact', () => {
    expect(movementsOf([{ productId: 'cheese', quantity: '0.375' }], -1)).toEqual([move('cheese', '-0.375')]);
  });

  it('writes quantities in their shortest form', () => {
    // 1.50 + 1.50 = 3 (not "3.00")
    expect(movementsOf([{ productId: 'nails', quantity: '1.50' }, { productId: 'nails', quantity: '1.50' }], 1)).toEqual([move('nails', '3')]);
  });

  it('writes a product whose lines cancel out as "0", not "-0"', () => {
    expect(movementsOf([{ productId: 'milk', quantity: '1' }, { productId: 'milk', quantity: '-1' }], -1)).toEqual([move('milk', '0')]);
  });

  it('is empty for no lines', () => {
    expect(movementsOf([], -1)).toEqual([]);
  });

  it('refuses a quantity that is not a decimal string', () => {
    expect(() => movementsOf([{ productId: 'milk', quantity: '1e2' }], -1)).toThrow();
  });
});

describe('applyToLevel', () => {
  it('adds the movements of its product and records the document as applied', () => {
    // 10 - 2 = 8; the bread movement belongs to another level
    const before = level('milk', '10', { T1: 3 });
    const after = applyToLevel(before, doc('T1', 4, move('milk', '-2'), move('bread', '-5')));
    expect(after).toEqual({ id: 'S1:milk', storeId: 'S1', productId: 'milk', quantity: '8', applied: { T1: 4 } });
  });

  it('adds every movement of its product in the document', () => {
    // 10 - 1 + 0.25 = 9.25
    const after = applyToLevel(level('milk', '10'), doc('T1', 1, move('milk', '-1'), move('milk', '0.25')));
    expect(after.quantity).toBe('9.25');
  });

  it('leaves the quantity of a product the document does not move, but still records the number', () => {
    const after = applyToLevel(level('milk', '10', { T1: 3 }), doc('T1', 4, move('bread', '-5')));
    expect(after.quantity).toBe('10');
    expect(after.applied).toEqual({ T1: 4 });
  });

  it('records each till separately', () => {
    const after = applyToLevel(level('milk', '10', { T1: 3 }), doc('T2', 1, move('milk', '-1')));
    expect(after.applied).toEqual({ T1: 3, T2: 1 });
    expect(after.quantity).toBe('9');
  });

  it('never lowers what is recorded as applied', () => {
    const after = applyToLevel(level('milk', '10', { T1: 7 }), doc('T1', 5, move('bread', '-1')));
    expect(after.applied.T1).toBe(7);
  });

  it('can go below zero: two tills that sold the last unit offline both count', () => {
    const once = applyToLevel(level('milk', '1'), doc('T1', 1, move('milk', '-1')));
    const twice = applyToLevel(once, doc('T2', 1, move('milk', '-1')));
    expect(twice.quantity).toBe('-1');
  });

  it('does not change the level it was given', () => {
    const before = level('milk', '10', { T1: 3 });
    const copy = structuredClone(before);
    applyToLevel(before, doc('T1', 4, move('milk', '-2')));
    expect(before).toEqual(copy);
  });
});

describe('projectedQuantity', () => {
  // The server's level includes T1's documents up to 2.
  const server = level('milk', '10', { T1: 2, T2: 9 });
  const documents = [
    doc('T1', 1, move('milk', '-1')), // already in the level
    doc('T1', 2, move('milk', '-1')), // already in the level
    doc('T1', 3, move('milk', '-2'), move('bread', '-4')),
    doc('T1', 4, move('milk', '-0.5')),
    doc('T2', 10, move('milk', '-100')), // another till's: never the till's own to add
  ];

  it('is the level plus the own documents the level does not include', () => {
    // 10 - 2 - 0.5 = 7.5
    expect(projectedQuantity('milk', server, documents, 'T1').toFixed()).toBe('7.5');
  });

  it('ignores movements of other products', () => {
    // bread has no level here: 0 - 4 = -4
    expect(projectedQuantity('bread', undefined, documents, 'T1').toFixed()).toBe('-4');
  });

  it('starts from 0 when there is no level yet', () => {
    // -1 - 1 - 2 - 0.5 = -4.5; T2's document still ignored
    expect(projectedQuantity('milk', undefined, documents, 'T1').toFixed()).toBe('-4.5');
  });

  it('adds every own document when the level records none of this till', () => {
    // 10 - 1 - 1 - 2 - 0.5 = 5.5
    expect(projectedQuantity('milk', level('milk', '10', { T2: 9 }), documents, 'T1').toFixed()).toBe('5.5');
  });

  it('is the level itself once the server has applied everything', () => {
    expect(projectedQuantity('milk', level('milk', '6.5', { T1: 4 }), documents, 'T1').toFixed()).toBe('6.5');
  });

  it('is the level when the till has no documents', () => {
    expect(projectedQuantity('milk', server, [], 'T1').toFixed()).toBe('10');
  });

  it('takes any iterable of documents', () => {
    function* own() {
      yield* documents;
    }
    expect(projectedQuantity('milk', server, own(), 'T1').toFixed()).toBe('7.5');
  });
});

describe('pendingByProduct', () => {
  it('sums per product what each level does not include yet', () => {
    const levels = new Map([
      ['milk', level('milk', '10', { T1: 2 })],
      ['bread', level('bread', '5', { T1: 3 })],
    ]);
    const documents = [
      doc('T1', 2, move('milk', '-1'), move('bread', '-1')), // in both levels
      doc('T1', 3, move('milk', '-2'), move('bread', '-1')), // bread's level has it, milk's not
      doc('T1', 4, move('milk', '-0.5'), move('cheese', '-0.375')), // cheese has no level
      doc('T2', 5, move('milk', '-100')), // another till's
    ];
    const pending = pendingByProduct(levels, documents, 'T1');
    // milk: -2 - 0.5 = -2.5; bread: nothing after 3; cheese: -0.375
    expect(Object.fromEntries([...pending].map(([productId, quantity]) => [productId, quantity.toFixed()]))).toEqual({
      milk: '-2.5',
      cheese: '-0.375',
    });
  });

  it('is empty when the levels include every own document', () => {
    const levels = new Map([['milk', level('milk', '8', { T1: 2 })]]);
    expect(pendingByProduct(levels, [doc('T1', 1, move('milk', '-1')), doc('T1', 2, move('milk', '-1'))], 'T1').size).toBe(0);
  });

  it('agrees with projectedQuantity: level + pending = projected', () => {
    const levels = new Map([['milk', level('milk', '10', { T1: 1 })]]);
    const documents = [doc('T1', 1, move('milk', '-1')), doc('T1', 2, move('milk', '-3'))];
    const pending = pendingByProduct(levels, documents, 'T1');
    expect(dec('10').plus(pending.get('milk') ?? dec('0')).eq(projectedQuantity('milk', levels.get('milk'), documents, 'T1'))).toBe(true);
  });
});

describe('the projection counts every document exactly once (seeded random sales)', () => {
  const prng = seededRandom;

  const PRODUCTS = ['milk', 'bread', 'cheese'];

  /** A till's gapless run of sales (and the odd goods receipt), numbered from 1. */
  function randomDocuments(random: () => number, tillId: string, count: number): StockMovingDocument[] {
    return Array.from({ length: count }, (_, index) => {
      const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
        productId: PRODUCTS[Math.floor(random() * PRODUCTS.length)],
        quantity: random() < 0.3 ? (Math.floor(random() * 1000) / 1000 + 0.001).toFixed(3) : String(1 + Math.floor(random() * 5)),
      }));
      return doc(tillId, index + 1, ...movementsOf(lines, random() < 0.85 ? -1 : 1));
    });
  }

  function total(productId: string, documents: readonly StockMovingDocument[]) {
    return sum(documents.flatMap((document) => document.stockMovements.filter((m) => m.productId === productId).map((m) => m.quantity)));
  }

  const SEEDS = Array.from({ length: 40 }, (_, index) => 1000 + index);

  it.each(SEEDS)('seed %i: all applied, the projection is exactly the level; none applied, it is opening + sum', (seed) => {
    const random = prng(seed);
    const own = randomDocuments(random, 'T1', 1 + Math.floor(random() * 30));
    for (const productId of PRODUCTS) {
      const opening = level(productId, '50');
      const applied = own.reduce(applyToLevel, opening);
      expect(applied.applied.T1).toBe(own.length);
      expect(dec(applied.quantity).eq(dec('50').plus(total(productId, own)))).toBe(true);
      expect(projectedQuantity(productId, applied, own, 'T1').eq(dec(applied.quantity))).toBe(true);
      expect(projectedQuantity(productId, opening, own, 'T1').eq(dec('50').plus(total(productId, own)))).toBe(true);
    }
  });

  it.each(SEEDS)('seed %i: the till figure does not move while the server catches up, whatever the other till does', (seed) => {
    const random = prng(seed);
    const own = randomDocuments(random, 'T1', 1 + Math.floor(random() * 20));
    const other = randomDocuments(random, 'T2', Math.floor(random() * 20));
    const ownApplied = Math.floor(random() * (own.length + 1));
    const otherApplied = Math.floor(random() * (other.length + 1));

    // The server applies a prefix of each till's run, interleaved at random but each in number order.
    const queue = [...own.slice(0, ownApplied)];
    const otherQueue = [...other.slice(0, otherApplied)];
    const order: StockMovingDocument[] = [];
    while (queue.length > 0 || otherQueue.length > 0) {
      const takeOwn = otherQueue.length === 0 || (queue.length > 0 && random() < 0.5);
      order.push((takeOwn ? queue : otherQueue).shift() as StockMovingDocument);
    }

    const levels = new Map<string, StockLevel>();
    for (const productId of PRODUCTS) {
      const opening = level(productId, '50');
      // Before the server has applied anything the till already shows all its own sales.
      const offline = projectedQuantity(productId, opening, own, 'T1');
      let current = opening;
      for (const document of order) {
        current = applyToLevel(current, document);
        // T1's own figure only moves by what the other till did, never by T1's documents arriving again.
        const appliedOther = other.filter((d) => d.number <= (current.applied.T2 ?? 0));
        expect(projectedQuantity(productId, current, own, 'T1').eq(offline.plus(total(productId, appliedOther)))).toBe(true);
      }
      levels.set(productId, current);
      const expected = dec('50').plus(total(productId, own)).plus(total(productId, other.slice(0, otherApplied)));
      expect(projectedQuantity(productId, current, own, 'T1').eq(expected)).toBe(true);
      // Handing the till every document, including T2's, changes nothing: they are not its own.
      expect(projectedQuantity(productId, current, [...own, ...other], 'T1').eq(expected)).toBe(true);
    }

    const pending = pendingByProduct(levels, own, 'T1');
    for (const productId of PRODUCTS) {
      const unapplied = total(productId, own.slice(ownApplied));
      expect((pending.get(productId) ?? dec('0')).eq(unapplied)).toBe(true);
    }
  });
});
