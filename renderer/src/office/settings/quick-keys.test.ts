import { describe, expect, it } from 'vitest';
import type { Store } from '../../../../shared/src/index.js';
import { quickKeysText, typedQuickKeys } from './quick-keys.js';

const products = [
  { productId: 'p-1', sku: 'LOOSE-001' },
  { productId: 'p-2', sku: 'KAS-00013' },
];
const store = { quickKeys: [{ productId: 'p-1', label: 'Bananas' }, { productId: 'p-gone' }] } as Store;

describe('quick keys typed as SKUs', () => {
  it('shows each key by its SKU, with its label, one a line; a product the list lacks by its id', () => {
    expect(quickKeysText(store, products)).toBe('LOOSE-001=Bananas\np-gone');
  });

  it('reads SKUs in any case, separated by commas or new lines, and keeps a key whose product the list lacks', () => {
    expect(typedQuickKeys('loose-001=Bananen, KAS-00013\n\np-gone', store, products)).toEqual({
      keys: [{ productId: 'p-1', label: 'Bananen' }, { productId: 'p-2' }, { productId: 'p-gone' }],
      unknown: [],
    });
  });

  it('names the SKUs no product has', () => {
    expect(typedQuickKeys('LOOSE-001, NOPE-42, NOPE-43=Bread', store, products).unknown).toEqual(['NOPE-42', 'NOPE-43']);
  });
});
