import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_RULES } from './pricing.js';
import type { Store } from './schemas/index.js';
import { quickKeyProductIds, storeWithScaleBarcodes, storeWithSettings, type QuickKeyProducts } from './store-settings.js';

const store: Store = { id: 'store-1', code: 'S1', name: 'Corner Shop', currency: 'EUR', pricing: DEFAULT_PRICING_RULES, negativeStock: 'warn', cashRounding: '0.05' };
const bread = { id: 'p-bread', name: 'Bread', sku: 'BR-1' };
const products: QuickKeyProducts = new Map([[bread.id, bread]]);

describe('store settings', () => {
  it('apply only what is named, null removing a setting, and leave the store given alone', () => {
    const checked = storeWithSettings(store, { largestNote: '500', cashRounding: null, locale: 'de-de', quickKeys: [{ productId: 'p-bread', label: ' Brot ' }] }, products);
    expect(checked).toEqual({
      store: { id: 'store-1', code: 'S1', name: 'Corner Shop', currency: 'EUR', pricing: DEFAULT_PRICING_RULES, negativeStock: 'warn', largestNote: '500', locale: 'de-DE', quickKeys: [{ productId: 'p-bread', label: 'Brot' }] },
    });
    expect(store.cashRounding).toBe('0.05');
  });

  it('are refused whole, each problem named by its setting, a quick key by its product', () => {
    expect(storeWithSettings(store, { largestNote: '0.001', quickKeys: [{ productId: 'p-bread' }, { productId: 'p-bread' }, { productId: 'p-gone' }], colour: 'red' }, products)).toEqual({
      problems: [
        'unknown field "colour"',
        "largestNote: 0.001 has more decimals than the currency's 2",
        'quickKeys[1].productId: Bread (BR-1) has quick key 1 already',
        'quickKeys[2].productId: no product "p-gone"',
      ],
    });
  });

  it('change the negative-stock policy to block or warn, never remove it', () => {
    expect(storeWithSettings(store, { negativeStock: 'block' }, products)).toEqual({ store: { ...store, negativeStock: 'block' } });
    expect(storeWithSettings(store, { negativeStock: null }, products)).toEqual({
      problems: ['negativeStock: "warn" (the till warns and sells) or "block" (the till refuses what it has not got) (is null)'],
    });
  });

  it('name the products a change’s quick keys need looked up, none when the list is refused anyway', () => {
    expect(quickKeyProductIds({ quickKeys: [{ productId: 'p-bread' }, { productId: 7 }, 'p-milk'] })).toEqual(['p-bread']);
    expect(quickKeyProductIds({ quickKeys: Array.from({ length: 49 }, (_, index) => ({ productId: `p-${index}` })) })).toEqual([]);
    expect(quickKeyProductIds([])).toEqual([]);
  });
});

describe('a scale label layout', () => {
  it('is set on the store when it fits the schema and each prefix appears once', () => {
    const layout = { prefixes: [{ prefix: '28', value: 'weight' }], itemDigits: 8 };
    expect(storeWithScaleBarcodes(store, layout)).toEqual({ store: { ...store, scaleBarcodes: layout } });
  });

  it('is refused with the schema’s reasons (a prefix outside 20 to 29, more than 8 item digits) or a prefix twice', () => {
    expect(storeWithScaleBarcodes(store, { prefixes: [{ prefix: '30', value: 'weight' }], itemDigits: 4 })).toEqual({ problems: [expect.stringContaining('scaleBarcodes.prefixes.0.prefix')] });
    expect(storeWithScaleBarcodes(store, { prefixes: [{ prefix: '28', value: 'weight' }, { prefix: '28', value: 'price' }], itemDigits: 4 })).toEqual({ problems: ['scaleBarcodes.prefixes: a prefix appears twice'] });
    expect(storeWithScaleBarcodes(store, { prefixes: [{ prefix: '28', value: 'weight' }], itemDigits: 9 })).toEqual({ problems: [expect.stringContaining('scaleBarcodes.itemDigits')] });
  });
});
