import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/src/index.js';
import { addScanned, scanCodeLookup } from './scan-codes.js';

function product(id: string, fields: Partial<Product>): Product {
  return { id, sku: id.toUpperCase(), name: id, barcodes: [], unit: 'piece', taxClass: 'standard', price: '1.00', cost: '0.50', active: true, updatedAt: '2026-12-06T00:00:00.000Z', ...fields };
}

const milk = product('p-1', { sku: 'KAS-00001', name: 'Milk 1 l', barcodes: ['4000000000017', '036000291452'], packs: [{ name: 'Case of 12', barcode: '4000000000123', quantity: '12' }] });
const bananas = product('p-2', { sku: 'LOOSE-002', name: 'Bananas', unit: 'kg' });
const lookup = scanCodeLookup([milk, bananas]);

describe('what a scanned or typed code counts', () => {
  it('counts one piece for a barcode, a pack’s pieces for a case barcode', () => {
    expect(lookup('4000000000017')).toEqual({ product: milk, quantity: '1' });
    expect(lookup('4000000000123')).toEqual({ product: milk, quantity: '12' });
  });

  it('finds a UPC-A by its EAN-13 with a leading 0, and a SKU in any case with spaces around', () => {
    expect(lookup('0036000291452')?.product).toBe(milk);
    expect(lookup(' loose-002 ')).toEqual({ product: bananas, quantity: '1' });
  });

  it('finds nothing for a code of no product', () => {
    expect(lookup('4000000000999')).toBeUndefined();
  });
});

describe('adding a scan to the lines', () => {
  const line = (quantity: string) => ({ productId: 'p-1', quantity });
  const newLine = () => ({ productId: 'p-2', quantity: '1' });

  it('adds to the product’s line: 2 and a case of 12 make 14, a typed 1,5 and one more make 2.5', () => {
    expect(addScanned([line('2')], { product: milk, quantity: '12' }, newLine)).toEqual([line('14')]);
    expect(addScanned([line('1,5')], { product: milk, quantity: '1' }, newLine)).toEqual([line('2.5')]);
  });

  it('counts a quantity typed that is not a number as 0', () => {
    expect(addScanned([line('two')], { product: milk, quantity: '1' }, newLine)).toEqual([line('1')]);
  });

  it('adds a new line at the end for a product not listed yet', () => {
    expect(addScanned([line('2')], { product: bananas, quantity: '1' }, newLine)).toEqual([line('2'), { productId: 'p-2', quantity: '1' }]);
  });
});
