import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/src/index.js';
import { listProducts, ProductFinder, scanProducts, searchQuery } from './product-finder.js';

function product(id: string, fields: Partial<Product>): Product {
  return { id, sku: id.toUpperCase(), name: id, barcodes: [], unit: 'piece', taxClass: 'standard', price: '1.00', cost: '0.50', active: true, updatedAt: '2026-12-06T00:00:00.000Z', ...fields };
}

const catalogue = listProducts([
  product('p-1', { sku: 'KAS-00001', name: 'Kassa Basics Milk 1 l', barcodes: ['4000000000017'], category: 'Dairy/Milk', brand: 'Kassa Basics' }),
  product('p-2', { sku: 'NOR-00002', name: 'Nordic Choc 100 g', barcodes: ['4000000000024', '2100102000006'], category: 'Sweets', brand: 'Nordic' }),
  product('p-3', { sku: 'LOOSE-003', name: 'Bananas (loose)', barcodes: ['4009000000031'] }),
  product('p-4', { sku: 'ORG-00004', name: 'Organic Yoghurt 500 g', barcodes: [], category: 'Dairy/Yoghurt', brand: 'Green Valley' }),
]);
const skus = (found: readonly { product: Product }[]) => found.map(({ product }) => product.sku);

describe('finding products as one types', () => {
  it('looks in the SKU, the name, every barcode, the category and the brand, in any case', () => {
    expect(skus(scanProducts(catalogue, searchQuery('kas-0')))).toEqual(['KAS-00001']);
    expect(skus(scanProducts(catalogue, searchQuery('  CHOC 100 ')))).toEqual(['NOR-00002']);
    expect(skus(scanProducts(catalogue, searchQuery('2100102')))).toEqual(['NOR-00002']);
    expect(skus(scanProducts(catalogue, searchQuery('dairy/')))).toEqual(['KAS-00001', 'ORG-00004']);
    expect(skus(scanProducts(catalogue, searchQuery('green valley')))).toEqual(['ORG-00004']);
    expect(skus(scanProducts(catalogue, searchQuery('')))).toEqual(['KAS-00001', 'NOR-00002', 'LOOSE-003', 'ORG-00004']);
  });

  it('finds what a scan finds while typing on, deleting a character and pasting another query', () => {
    const finder = new ProductFinder(catalogue);
    for (const typed of ['o', 'or', 'org', 'or', 'o', 'n', 'no', 'nord', '4000', '40000000000', '4000', '', 'choc', 'chocolate', 'choc']) {
      expect(skus(finder.find(searchQuery(typed))), typed).toEqual(skus(scanProducts(catalogue, searchQuery(typed))));
    }
  });

  it('narrows what the last query found rather than scanning again, and goes back to it on a character deleted', () => {
    const listed = catalogue.map((entry) => ({ ...entry }));
    const finder = new ProductFinder(listed);
    const dairy = finder.find('dairy');
    expect(skus(dairy)).toEqual(['KAS-00001', 'ORG-00004']);
    // Bananas' text changed behind the finder's back: a scan would find them, narrowing looks at the two dairy products alone.
    listed[2] = { ...listed[2], searchText: 'dairy/milk' };
    expect(skus(finder.find('dairy/m'))).toEqual(['KAS-00001']);
    expect(finder.find('dairy')).toBe(dairy);
    expect(finder.find('')).toBe(listed);
    // A query that does not extend the last one (pasted) scans them all.
    expect(skus(finder.find('milk'))).toEqual(['KAS-00001', 'LOOSE-003']);
  });

  it('agrees with a scan over many random products and random typing', () => {
    let seed = 20261206;
    // A small linear congruential generator, so a failure repeats.
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const words = ['milk', 'mild', 'choc', 'chocolate', 'nord', 'north', 'organic', 'org', 'yog', 'p-0099', 'kas', 'kassa basics', 'Crème', 'Bäckerei', 'tea/green', '#2'];
    const letters = 'abcdhiklmnoprsty -0123456789äè/#()';
    const listed = listProducts(
      Array.from({ length: 400 }, (_, index) =>
        product(`p-${index}`, {
          sku: `${words[random(words.length)].slice(0, 3).toUpperCase()}-${String(random(100_000)).padStart(5, '0')}`,
          name: `${words[random(words.length)]} ${words[random(words.length)]} ${random(1000)} g`,
          barcodes: random(3) === 0 ? [] : [String(4_000_000_000_000 + random(10_000_000))],
          category: random(2) === 0 ? undefined : `${words[random(words.length)]}/${words[random(words.length)]}`,
          brand: random(2) === 0 ? undefined : words[random(words.length)],
        }),
      ),
    );
    const finder = new ProductFinder(listed);
    let typed = '';
    for (let step = 0; step < 2000; step++) {
      const action = random(10);
      if (action < 6) typed += letters[random(letters.length)];
      else if (action < 8) typed = typed.slice(0, -1);
      else if (action < 9) typed = words[random(words.length)].slice(0, 1 + random(6));
      else typed = '';
      const query = searchQuery(typed);
      expect(skus(finder.find(query)), JSON.stringify(typed)).toEqual(skus(scanProducts(listed, query)));
    }
  });
});
