import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_RULES } from './pricing.js';
import type { Product } from './schemas/index.js';
import { ean13Modules, shelfLabel, shelfLabelsHtml } from './shelf-label.js';

const store = { id: 'store-1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES };
const product = (overrides: Partial<Product> = {}): Product => ({
  id: 'p-1',
  sku: 'YOG-1',
  name: 'Greek yoghurt 500 g',
  barcodes: ['4006381333931'],
  unit: 'piece',
  taxClass: 'reduced',
  price: '1.29',
  cost: '0.70',
  active: true,
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

/** Reads the 13 digits back from the modules, as a scanner does: the first from the left half's parities. */
function decode(modules: boolean[]): string {
  const bits = modules.map((bar) => (bar ? '1' : '0')).join('');
  const odd = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
  const even = odd.map((pattern) => [...pattern].reverse().map((bit) => (bit === '1' ? '0' : '1')).join(''));
  const right = odd.map((pattern) => [...pattern].map((bit) => (bit === '1' ? '0' : '1')).join(''));
  expect(bits.slice(0, 3)).toBe('101');
  expect(bits.slice(45, 50)).toBe('01010');
  expect(bits.slice(92)).toBe('101');
  let parity = '';
  let digits = '';
  for (let index = 0; index < 6; index++) {
    const symbol = bits.slice(3 + index * 7, 10 + index * 7);
    const found = odd.indexOf(symbol);
    parity += found >= 0 ? 'O' : 'E';
    digits += String(found >= 0 ? found : even.indexOf(symbol));
  }
  for (let index = 0; index < 6; index++) digits += String(right.indexOf(bits.slice(50 + index * 7, 57 + index * 7)));
  const first = ['OOOOOO', 'OOEOEE', 'OOEEOE', 'OOEEEO', 'OEOOEE', 'OEEOOE', 'OEEEOO', 'OEOEOE', 'OEOEEO', 'OEEOEO'].indexOf(parity);
  return `${first}${digits}`;
}

describe('shelf labels', () => {
  it('draw an EAN-13 as its 95 modules, which read back as the same 13 digits', () => {
    for (const code of ['4006381333931', '0036000291452', '9780201379624', '2000123000009']) {
      const modules = ean13Modules(code);
      expect(modules).toHaveLength(95);
      expect(decode(modules)).toBe(code);
    }
    expect(() => ean13Modules('12345')).toThrow('an EAN-13 has 13 digits');
  });

  it('show the price in force in the store, and the unit price per kg or l from what a piece holds', () => {
    expect(shelfLabel(product({ content: { quantity: '0.5', unit: 'kg' } }), store, '2026-12-06T00:00:00Z')).toEqual({
      name: 'Greek yoghurt 500 g',
      price: '1.29 EUR',
      unitPrice: '2.58 EUR / kg',
      barcode: '4006381333931',
    });
    // 0.99 for 0.33 l is 3.00 per l (2.999… rounded half up).
    expect(shelfLabel(product({ price: '0.99', content: { quantity: '0.33', unit: 'l' }, brand: 'Kassa' }), store, 0)).toMatchObject({ brand: 'Kassa', unitPrice: '3.00 EUR / l' });
    expect(shelfLabel(product({ unit: 'kg', price: '2.49', barcodes: [] }), store, 0)).toEqual({ name: 'Greek yoghurt 500 g', price: '2.49 EUR', unitPrice: '2.49 EUR / kg' });
    // Goods by the litre or metre show their price per unit; by the gram, per kg as a shelf must.
    expect(shelfLabel(product({ unit: 'l', price: '3.20' }), store, 0).unitPrice).toBe('3.20 EUR / l');
    expect(shelfLabel(product({ unit: 'm', price: '1.25' }), store, 0).unitPrice).toBe('1.25 EUR / m');
    expect(shelfLabel(product({ unit: 'g', price: '0.09' }), store, 0)).toMatchObject({ price: '0.09 EUR', unitPrice: '90.00 EUR / kg' });
    const scheduled = product({ priceChanges: [{ from: '2026-12-24T00:00:00.000Z', storeId: 'store-1', price: '0.99', at: '2026-12-01T00:00:00.000Z' }] });
    expect(shelfLabel(scheduled, store, '2026-12-24T08:00:00Z').price).toBe('0.99 EUR');
  });

  it('print as a page whose texts are escaped', () => {
    const html = shelfLabelsHtml([shelfLabel(product({ name: 'Fish & <Chips>' }), store, 0)]);
    expect(html).toContain('Fish &amp; &lt;Chips&gt;');
    expect(html).toContain('aria-label="barcode 4006381333931"');
    expect(html).not.toContain('<Chips>');
  });
});
