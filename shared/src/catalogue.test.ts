import { describe, expect, it } from 'vitest';
import { barcodeKey, barcodeProblem, checkPriceChange, checkProductFields, clashProblems, effectivePrice, effectiveTaxRate, gtinCheckDigit, nextPriceChangeAt, taxRateProblem } from './catalogue.js';
import { ean13 } from './barcode.js';
import type { Product } from './schemas/index.js';

const TAX = new Set(['standard', 'reduced']);
const fields = (overrides: Record<string, unknown> = {}) => ({ sku: 'MILK-1', name: 'Milk 1 l', barcodes: ['4006381333931'], unit: 'piece', taxClass: 'reduced', price: '1.29', cost: '0.71', ...overrides });
const product = (id: string, sku: string, barcodes: string[]): Product => ({ id, sku, name: `Product ${id}`, barcodes, unit: 'piece', taxClass: 'standard', price: '1.00', cost: '0.50', active: true, updatedAt: '2026-12-01T00:00:00.000Z' });

describe('barcodes', () => {
  it('verifies the check digit of EAN-13, EAN-8, UPC-A and GTIN-14, and says which digit it should be', () => {
    expect(barcodeProblem('4006381333931')).toBeNull(); // EAN-13
    expect(barcodeProblem('96385074')).toBeNull(); // EAN-8
    expect(barcodeProblem('036000291452')).toBeNull(); // UPC-A
    expect(barcodeProblem('10012345678902')).toBeNull(); // GTIN-14 (a case)
    expect(barcodeProblem('4006381333932')).toBe('barcode 4006381333932 is not a valid EAN-13: its check digit should be 1');
    expect(barcodeProblem('96385075')).toBe('barcode 96385075 is not a valid EAN-8: its check digit should be 4');
    expect(barcodeProblem('036000291453')).toBe('barcode 036000291453 is not a valid UPC-A: its check digit should be 2');
    // Agrees with the EAN-13 the demo catalogue and the scales' labels are made with.
    for (const twelve of ['400638133393', '200012300000', '590123412345']) expect(gtinCheckDigit(twelve)).toBe(ean13(twelve).at(-1));
  });

  it("takes the shop's own codes of other lengths, and refuses what no scanner sends", () => {
    expect(barcodeProblem('SHELF-0042')).toBeNull();
    expect(barcodeProblem('12345')).toBeNull();
    expect(barcodeProblem('has space')).toMatch(/characters a scanner does not send/);
    expect(barcodeProblem('x'.repeat(33))).toMatch(/longer than 32/);
  });

  it('counts a UPC-A and the EAN-13 with a leading zero as one code', () => {
    expect(barcodeKey('036000291452')).toBe(barcodeKey('0036000291452'));
    expect(barcodeKey('96385074')).not.toBe(barcodeKey('4006381333931'));
  });
});

describe('a product’s fields', () => {
  it('are trimmed and kept when right', () => {
    const checked = checkProductFields(fields({ sku: ' MILK-1 ', name: ' Milk 1 l ', barcodes: [' 4006381333931', '4006381333931', ''] }), TAX);
    expect(checked.problems).toEqual([]);
    expect(checked.fields).toEqual({ sku: 'MILK-1', name: 'Milk 1 l', barcodes: ['4006381333931'], unit: 'piece', taxClass: 'reduced', price: '1.29', cost: '0.71' });
  });

  it('name each problem by its field', () => {
    const checked = checkProductFields(
      { sku: 'A B', name: '', barcodes: ['4006381333932', '036000291452', '0036000291452'], unit: 'litre', taxClass: 'luxury', price: '1.299', cost: '-1', colour: 'red' },
      TAX,
    );
    expect(checked.problems).toEqual([
      'colour: not a field of a product',
      'sku: no spaces',
      'name: required',
      'taxClass: no store has a tax class "luxury" (there are: reduced, standard)',
      'unit: one of piece, kg, g, l, m',
      'barcodes: barcode 4006381333932 is not a valid EAN-13: its check digit should be 1',
      "barcodes: 0036000291452 is the same code as another of this product's",
      'price: at most 2 decimal places',
      'cost: must not be negative',
    ]);
    expect(checkProductFields(fields({ price: 4.99, barcodes: 'x' }), TAX).problems).toEqual(['barcodes: a list of codes', 'price: not an amount like "4.99"']);
  });
});

describe('units', () => {
  it('sell by the piece, by weight in kg or g, by volume in l or by length in m; a measured product has no content of a piece', () => {
    for (const unit of ['piece', 'kg', 'g', 'l', 'm']) expect(checkProductFields(fields({ unit }), TAX).problems).toEqual([]);
    expect(checkProductFields(fields({ unit: 'dozen' }), TAX).problems).toEqual(['unit: one of piece, kg, g, l, m']);
    expect(checkProductFields(fields({ unit: 'l', content: { quantity: '1', unit: 'l' } }), TAX).problems).toEqual(['content: a product sold by the litre is priced per l already']);
    expect(checkProductFields(fields({ unit: 'piece', content: { quantity: '1', unit: 'l' } }), TAX).fields.content).toEqual({ quantity: '1', unit: 'l' });
  });
});

describe('packs', () => {
  it('are kept with a name, a whole quantity and a barcode of their own, none of them the product’s other codes', () => {
    const checked = checkProductFields(fields({ packs: [{ name: ' case ', quantity: '012', barcode: '10012345678902' }] }), TAX);
    expect(checked.problems).toEqual([]);
    expect(checked.fields.packs).toEqual([{ name: 'case', quantity: '12', barcode: '10012345678902' }]);
    expect(checkProductFields(fields({ packs: [{ name: 'case', quantity: '12', barcode: '4006381333931' }] }), TAX).problems).toEqual(["packs: 4006381333931 is the same code as another of this product's"]);
    expect(checkProductFields(fields({ unit: 'kg', packs: [{ name: 'crate', quantity: '10', barcode: '10012345678902' }] }), TAX).problems).toEqual(['packs[0]: a product sold by the kg comes in no packs']);
    expect(checkProductFields(fields({ unit: 'm', packs: [{ name: 'roll', quantity: '50', barcode: '10012345678902' }] }), TAX).problems).toEqual(['packs[0]: a product sold by the metre comes in no packs']);
    expect(checkProductFields(fields({ packs: 'case' }), TAX).problems).toEqual(['packs: a list of packs, each with a name, a barcode and a quantity']);
  });

  it('clash with another product’s codes, a pack’s barcode like any', () => {
    const other = { ...product('p-1', 'BREAD', ['036000291452']), packs: [{ name: 'tray', quantity: '6', barcode: '10012345678902' }] };
    expect(clashProblems(undefined, { sku: 'MILK-1', barcodes: ['10012345678902'], packs: [{ name: 'case', quantity: '12', barcode: '0036000291452' }] }, [other])).toEqual([
      'barcodes: 10012345678902 is already on Product p-1 (SKU BREAD)',
      'packs[0].barcode: 0036000291452 is already on Product p-1 (SKU BREAD)',
    ]);
  });
});

describe('clashes with other products', () => {
  it('name the product that already has the SKU (in any case) or a barcode (in any GTIN form)', () => {
    const others = [product('p-1', 'milk-1', ['96385074']), product('p-2', 'BREAD', ['036000291452'])];
    expect(clashProblems(undefined, { sku: 'MILK-1', barcodes: ['0036000291452', '4006381333931'] }, others)).toEqual([
      'sku: MILK-1 is already the SKU of Product p-1 (SKU milk-1)',
      'barcodes: 0036000291452 is already on Product p-2 (SKU BREAD)',
    ]);
    // A product keeps its own SKU and barcodes when it is changed.
    expect(clashProblems('p-1', { sku: 'MILK-1', barcodes: ['96385074'] }, others)).toEqual([]);
  });
});

describe('prices over time', () => {
  const base = { price: '2.00', priceChanges: [] as NonNullable<Product['priceChanges']> };
  const change = (from: string, price: string | null, storeId: string | null = null, at = '2026-12-01T00:00:00.000Z') => ({ from, price, storeId, at });

  it('is the product’s price without changes, then each chain change from its time on, the later made of two at one time', () => {
    expect(effectivePrice(base, 'store-1', '2026-12-10T00:00:00Z')).toBe('2.00');
    const product = { ...base, priceChanges: [change('2026-12-10T06:00:00.000Z', '2.20'), change('2026-12-10T06:00:00.000Z', '2.10', null, '2026-12-02T00:00:00.000Z'), change('2026-12-24T00:00:00.000Z', '1.50')] };
    expect(effectivePrice(product, 'store-1', '2026-12-10T05:59:59.999Z')).toBe('2.00');
    expect(effectivePrice(product, 'store-1', '2026-12-10T06:00:00.000Z')).toBe('2.10');
    expect(effectivePrice(product, 'store-1', '2026-12-24T00:00:00.000Z')).toBe('1.50');
    expect(nextPriceChangeAt(product, '2026-12-10T06:00:00.000Z')).toBe(Date.parse('2026-12-24T00:00:00.000Z'));
    expect(nextPriceChangeAt(product, '2026-12-24T00:00:00.000Z')).toBeUndefined();
  });

  it('lets a store’s own price override the chain’s until the store’s override is ended', () => {
    const product = { ...base, priceChanges: [change('2026-12-01T00:00:00.000Z', '1.80', 'store-2'), change('2026-12-05T00:00:00.000Z', '2.40'), change('2026-12-08T00:00:00.000Z', null, 'store-2')] };
    expect(effectivePrice(product, 'store-2', '2026-12-06T00:00:00Z')).toBe('1.80');
    expect(effectivePrice(product, 'store-1', '2026-12-06T00:00:00Z')).toBe('2.40');
    expect(effectivePrice(product, 'store-2', '2026-12-09T00:00:00Z')).toBe('2.40');
  });

  it('checks a change: a time, a store of the chain, and a price (or, for a store only, none)', () => {
    const stores = new Set(['store-1']);
    expect(checkPriceChange({ from: '2026-12-24T06:00:00+01:00', storeId: 'store-1', price: '1.99' }, stores, 'now').change).toEqual({ from: '2026-12-24T05:00:00.000Z', storeId: 'store-1', price: '1.99', at: 'now' });
    expect(checkPriceChange({ from: '2026-12-24T06:00:00Z', storeId: 'store-1', price: null }, stores, 'now').problems).toEqual([]);
    expect(checkPriceChange({ from: 'soon', storeId: 'store-9', price: '1.999', colour: 'red' }, stores, 'now').problems).toEqual([
      'colour: not a field of a price change',
      'from: a date and time, such as 2026-12-24T06:00:00Z',
      'storeId: no store "store-9"',
      'price: at most 2 decimal places',
    ]);
    expect(checkPriceChange({ from: '2026-12-24T06:00:00Z', storeId: null, price: null }, stores, 'now').problems).toEqual(['price: required for the chain’s price (only a store’s change may end its own price)']);
  });
});

describe('tax rates over time', () => {
  it('are the first rate until a dated one takes effect, then the latest in force', () => {
    const taxClass = { ratePercent: '19', rates: [{ from: '2027-01-01T00:00:00.000Z', ratePercent: '21' }, { from: '2026-07-01T00:00:00.000Z', ratePercent: '16' }] };
    expect(effectiveTaxRate(taxClass, '2026-06-30T23:59:59Z')).toBe('19');
    expect(effectiveTaxRate(taxClass, '2026-07-01T00:00:00Z')).toBe('16');
    expect(effectiveTaxRate(taxClass, '2027-03-01T00:00:00Z')).toBe('21');
    expect(effectiveTaxRate({ ratePercent: '7' }, 0)).toBe('7');
    expect(taxRateProblem('7.75')).toBeNull();
    expect(taxRateProblem('101')).toBe('ratePercent: a percentage from 0 to 100, such as "19" or "7.7"');
    expect(taxRateProblem('7.1234')).toBe('ratePercent: at most 3 decimal places');
  });
});
