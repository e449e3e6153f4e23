import { barcodeKey, dec, isDecimalString, skuKey, type Product } from '../../../shared/src/index.js';

/** What one scan (or a typed code) counts: a product, one piece of it or a case barcode's pack of pieces. */
export interface ScannedCode {
  product: Product;
  quantity: string;
}

/** Finds what a scanned or typed code stands for: a barcode first (a UPC-A finds its EAN-13 too), then a SKU in any case; undefined for a code of no product. */
export type ScanCodeLookup = (typed: string) => ScannedCode | undefined;

/**
 * The office's scanner over a loaded catalogue, made once per load: every barcode in its GTIN form
 * and every SKU count one piece, every pack barcode its pack's pieces. Receiving a delivery, sending
 * a transfer and counting stock scan through it.
 */
export function scanCodeLookup(products: readonly Product[]): ScanCodeLookup {
  const codes = new Map<string, ScannedCode>();
  for (const product of products) {
    codes.set(`sku:${skuKey(product.sku)}`, { product, quantity: '1' });
    for (const code of product.barcodes) codes.set(barcodeKey(code), { product, quantity: '1' });
    for (const pack of product.packs ?? []) codes.set(barcodeKey(pack.barcode), { product, quantity: pack.quantity });
  }
  return (typed) => {
    const code = typed.trim();
    return codes.get(barcodeKey(code)) ?? codes.get(`sku:${skuKey(code)}`);
  };
}

/**
 * The lines with a scan added: to its product's line (a quantity typed there that is not a number
 * counts as 0, a decimal comma as a point), or as a new line at the end made by `newLine`.
 */
export function addScanned<Line extends { productId: string; quantity: string }>(lines: readonly Line[], scanned: ScannedCode, newLine: () => Line): Line[] {
  const at = lines.findIndex((line) => line.productId === scanned.product.id);
  if (at < 0) return [...lines, newLine()];
  const before = lines[at].quantity.trim().replace(',', '.');
  const next = [...lines];
  next[at] = { ...lines[at], quantity: dec(isDecimalString(before) ? before : '0').plus(dec(scanned.quantity)).toFixed() };
  return next;
}
