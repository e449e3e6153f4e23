import { Dec, dec, round, toQuantityString, type DecimalString, type RoundingMode } from './money.js';

/** The check digit an EAN-13 ends with, from its first twelve digits. */
export function ean13CheckDigit(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error(`EAN-13 needs 12 digits, got "${twelveDigits}"`);
  const total = [...twelveDigits].reduce((sum, digit, index) => sum + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return String((10 - (total % 10)) % 10);
}

/** A full EAN-13 from its first twelve digits. */
export function ean13(twelveDigits: string): string {
  return twelveDigits + ean13CheckDigit(twelveDigits);
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === code[12];
}

/**
 * How the store's scales print labels (EAN-13 with a prefix from 20 to 29): which prefixes carry a
 * weight in grams and which a price in the currency's smallest unit, and how many digits after the
 * prefix name the item; the value fills the rest up to the check digit.
 */
export interface ScaleBarcodeLayout {
  prefixes: { prefix: string; value: 'weight' | 'price' }[];
  itemDigits: number;
}

/** Weight on 21 and 22 (and 20), price on 23 to 25; item code of five digits, value of five. */
export const DEFAULT_SCALE_LAYOUT: ScaleBarcodeLayout = {
  prefixes: [
    { prefix: '20', value: 'weight' },
    { prefix: '21', value: 'weight' },
    { prefix: '22', value: 'weight' },
    { prefix: '23', value: 'price' },
    { prefix: '24', value: 'price' },
    { prefix: '25', value: 'price' },
  ],
  itemDigits: 5,
};

export interface ScaleLabel {
  /** The product's own barcode for this item: the label with its value zeroed (and its check digit). */
  itemBarcode: string;
  value: 'weight' | 'price';
  /** Kilograms (3 decimals) for a weight; the amount to pay for a price. */
  amount: DecimalString;
}

/**
 * Reads a scale label: undefined when the code is not an EAN-13 of the layout's prefixes. A weighed
 * product is registered under its item barcode, e.g. "2100123000004" for item 00123 on prefix 21.
 */
export function parseScaleBarcode(code: string, layout: ScaleBarcodeLayout = DEFAULT_SCALE_LAYOUT, currencyDecimals = 2): ScaleLabel | undefined {
  if (!isValidEan13(code)) return undefined;
  const entry = layout.prefixes.find((candidate) => code.startsWith(candidate.prefix));
  if (!entry) return undefined;
  const itemEnd = entry.prefix.length + layout.itemDigits;
  if (itemEnd >= 12) return undefined;
  const digits = code.slice(itemEnd, 12);
  const itemBarcode = ean13(code.slice(0, itemEnd) + '0'.repeat(12 - itemEnd));
  const amount = entry.value === 'weight' ? new Dec(digits).div(1000).toFixed(3) : new Dec(digits).div(new Dec(10).pow(currencyDecimals)).toFixed(currencyDecimals);
  return { itemBarcode, value: entry.value, amount };
}

/**
 * The quantity in kilograms a price label stands for: the weight (to the gram) that the scale
 * priced at exactly the label's amount, found near label / price per kg. Undefined when no weight
 * gives that amount (the label was printed at another price).
 */
export function weightForPrice(labelAmount: DecimalString, pricePerKg: DecimalString, currencyDecimals: number, mode: RoundingMode): DecimalString | undefined {
  const label = dec(labelAmount);
  const price = dec(pricePerKg);
  if (price.lte(0) || label.lte(0)) return undefined;
  const estimate = label.div(price).toDecimalPlaces(3, Dec.ROUND_DOWN);
  for (const grams of [0, 1, -1, 2, -2, 3, -3]) {
    const weight = estimate.plus(new Dec(grams).div(1000));
    if (weight.lte(0)) continue;
    if (round(weight.mul(price), currencyDecimals, mode).eq(label)) return toQuantityString(weight);
  }
  return undefined;
}
