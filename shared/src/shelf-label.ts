/*
 * Shelf labels: what the edge of a shelf shows of a product (its name and brand, the price in force
 * in a store, the unit price per kg or l, and its barcode), and a printable sheet of them.
 */
import { effectivePrice } from './catalogue.js';
import { code128Svg } from './code128.js';
import { dec, formatAmount } from './money.js';
import { isMeasured } from './quantity.js';
import type { Product, Store } from './schemas/index.js';

export interface ShelfLabel {
  name: string;
  brand?: string;
  /** "1.29 EUR" */
  price: string;
  /** "1.29 EUR / l" for a product with its content, or sold by weight; none otherwise. */
  unitPrice?: string;
  /** The product's first barcode, printed as bars and digits. */
  barcode?: string;
}

/** A product's label in a store at a time: its price is the one in force there and then. */
export function shelfLabel(product: Product, store: Pick<Store, 'id' | 'currency' | 'pricing'>, at: Date | string | number): ShelfLabel {
  const decimals = store.pricing.currencyDecimals;
  const price = effectivePrice(product, store.id, at);
  const money = (amount: string) => `${formatAmount(amount, decimals)} ${store.currency}`;
  let unitPrice: string | undefined;
  // The unit price a shelf shows: per kg for goods sold by the gram, per unit for the other measured goods.
  if (product.unit === 'g') unitPrice = `${money(dec(price).mul(1000).toFixed(decimals))} / kg`;
  else if (isMeasured(product.unit)) unitPrice = `${money(price)} / ${product.unit}`;
  else if (product.content) unitPrice = `${money(dec(price).div(dec(product.content.quantity)).toDecimalPlaces(decimals, 4).toFixed(decimals))} / ${product.content.unit}`;
  return { name: product.name, ...(product.brand ? { brand: product.brand } : {}), price: money(price), ...(unitPrice ? { unitPrice } : {}), ...(product.barcodes[0] ? { barcode: product.barcodes[0] } : {}) };
}

const LEFT_ODD = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const LEFT_EVEN = ['0100111', '0110011', '0011011', '0100001', '0011101', '0111001', '0000101', '0010001', '0001001', '0010111'];
const RIGHT = ['1110010', '1100110', '1101100', '1000010', '1011100', '1001110', '1010000', '1000100', '1001000', '1110100'];
/** Which of the left six digits are written with even parity, by the first digit (which has no bars of its own). */
const PARITY = ['OOOOOO', 'OOEOEE', 'OOEEOE', 'OOEEEO', 'OEOOEE', 'OEEOOE', 'OEEEOO', 'OEOEOE', 'OEOEEO', 'OEEOEO'];

/** The 95 modules of an EAN-13 (true: a bar), from its 13 digits. */
export function ean13Modules(code: string): boolean[] {
  if (!/^\d{13}$/.test(code)) throw new Error(`an EAN-13 has 13 digits, not "${code}"`);
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0]];
  let bits = '101';
  for (let index = 1; index <= 6; index++) bits += (parity[index - 1] === 'O' ? LEFT_ODD : LEFT_EVEN)[digits[index]];
  bits += '01010';
  for (let index = 7; index <= 12; index++) bits += RIGHT[digits[index]];
  bits += '101';
  return [...bits].map((bit) => bit === '1');
}

/** A barcode as SVG: an EAN-13 as one (what shop scanners read from a shelf), any other code as Code 128. */
export function barcodeSvg(code: string, heightMm = 12): string {
  if (!/^\d{13}$/.test(code)) return code128Svg(code, { moduleWidth: 0.3, height: heightMm, unit: 'mm' });
  const modules = ean13Modules(code);
  const width = 0.3;
  const bars = modules.map((bar, index) => (bar ? `<rect x="${(index * width).toFixed(2)}" y="0" width="${width}" height="${heightMm}"/>` : '')).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${(modules.length * width).toFixed(2)}mm" height="${heightMm}mm" viewBox="0 0 ${(modules.length * width).toFixed(2)} ${heightMm}" role="img" aria-label="barcode ${code}">${bars}</svg>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
}

/** A printable sheet of shelf labels, 60 × 35 mm each, as a whole HTML page. */
export function shelfLabelsHtml(labels: readonly ShelfLabel[]): string {
  const items = labels
    .map(
      (label) => `<article class="label">
  <p class="name">${escapeHtml(label.name)}</p>${label.brand ? `\n  <p class="brand">${escapeHtml(label.brand)}</p>` : ''}
  <p class="price">${escapeHtml(label.price)}</p>${label.unitPrice ? `\n  <p class="unit-price">${escapeHtml(label.unitPrice)}</p>` : ''}${
    label.barcode ? `\n  <figure class="barcode">${barcodeSvg(label.barcode, 8)}<figcaption>${escapeHtml(label.barcode)}</figcaption></figure>` : ''
  }
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shelf labels</title>
<style>
  @page { margin: 8mm; }
  body { font-family: system-ui, sans-serif; margin: 0; display: flex; flex-wrap: wrap; gap: 3mm; }
  .label { width: 60mm; height: 35mm; box-sizing: border-box; border: 0.3mm solid #000; padding: 2mm; break-inside: avoid; display: grid; grid-template-rows: auto auto 1fr auto; }
  .label p { margin: 0; }
  .name { font-weight: 700; font-size: 10pt; }
  .brand { font-size: 8pt; }
  .price { font-size: 20pt; font-weight: 800; text-align: right; }
  .unit-price { font-size: 8pt; text-align: right; }
  .barcode { margin: 0; display: flex; align-items: end; gap: 2mm; font-size: 7pt; }
</style></head>
<body>
${items}
</body></html>`;
}
