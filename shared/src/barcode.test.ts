import { describe, expect, it } from 'vitest';
import { ean13, isValidEan13, parseScaleBarcode, weightForPrice, type ScaleBarcodeLayout } from './barcode.js';

describe('EAN-13', () => {
  it('adds and checks the check digit', () => {
    expect(ean13('400638133393')).toBe('4006381333931');
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
  });
});

describe('scale labels (prefixes 20 to 29)', () => {
  // Loose bananas, item 00101: a 1.234 kg label on prefix 21, a 3.99 label on prefix 23.
  const weightLabel = ean13('210010101234');
  const priceLabel = ean13('230010100399');

  it('read a weight in grams into kilograms, and name the item barcode the product is registered under', () => {
    expect(parseScaleBarcode(weightLabel)).toEqual({ itemBarcode: ean13('210010100000'), value: 'weight', amount: '1.234' });
  });

  it('read a price in cents', () => {
    expect(parseScaleBarcode(priceLabel)).toEqual({ itemBarcode: ean13('230010100000'), value: 'price', amount: '3.99' });
    expect(parseScaleBarcode(priceLabel, undefined, 0)).toMatchObject({ amount: '399' });
  });

  it('leave ordinary barcodes, other prefixes and wrong check digits alone', () => {
    expect(parseScaleBarcode('4006381333931')).toBeUndefined();
    expect(parseScaleBarcode(ean13('290010101234'))).toBeUndefined();
    expect(parseScaleBarcode(weightLabel.slice(0, 12) + String((Number(weightLabel[12]) + 1) % 10))).toBeUndefined();
  });

  it('follow the store’s own layout', () => {
    const layout: ScaleBarcodeLayout = { prefixes: [{ prefix: '28', value: 'weight' }], itemDigits: 4 };
    expect(parseScaleBarcode(ean13('280123012345'), layout)).toEqual({ itemBarcode: ean13('280123000000'), value: 'weight', amount: '12.345' });
    expect(parseScaleBarcode(weightLabel, layout)).toBeUndefined();
  });
});

describe('the weight a price label stands for', () => {
  it('is a weight, to the gram, that costs exactly the label’s amount', () => {
    // 1.249 kg at 2.49/kg = 3.11001 -> 3.11 (so does 1.248 kg = 3.10752 -> 3.11: within a gram).
    const weight = weightForPrice('3.11', '2.49', 2, 'half-up')!;
    expect(['1.248', '1.249']).toContain(weight);
    // At 24.90/kg every gram costs more than a cent: 0.417 kg = 10.3833 -> 10.38, and only that.
    expect(weightForPrice('10.38', '24.90', 2, 'half-up')).toBe('0.417');
  });

  it('is none when no weight costs that amount (the label was printed at another price)', () => {
    expect(weightForPrice('0.01', '25.00', 2, 'half-up')).toBeUndefined();
    expect(weightForPrice('10.39', '24.90', 2, 'half-up')).toBeUndefined();
  });
});
