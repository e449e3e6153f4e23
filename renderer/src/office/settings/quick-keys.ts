import type { Store, StockRow } from '../../../../shared/src/index.js';

type QuickKeys = NonNullable<Store['quickKeys']>;

/** The store's quick keys as they are typed: one SKU a line, "SKU=Label" for a button text of its own. */
export function quickKeysText(store: Store, products: readonly Pick<StockRow, 'productId' | 'sku'>[]): string {
  const skuOf = new Map(products.map((product) => [product.productId, product.sku]));
  // A product the stock list lacks is shown by its id, and kept as it is (see typedQuickKeys).
  return (store.quickKeys ?? []).map((key) => `${skuOf.get(key.productId) ?? key.productId}${key.label ? `=${key.label}` : ''}`).join('\n');
}

/** The quick keys typed as SKUs (commas or new lines between them), as the store keeps them; or the SKUs no product has. */
export function typedQuickKeys(text: string, store: Store, products: readonly Pick<StockRow, 'productId' | 'sku'>[]): { keys: QuickKeys; unknown: string[] } {
  const bySku = new Map(products.map((product) => [product.sku.toLowerCase(), product.productId]));
  const kept = new Set((store.quickKeys ?? []).map((key) => key.productId));
  const keys: QuickKeys = [];
  const unknown: string[] = [];
  for (const entry of text.split(/[\n,]/).map((part) => part.trim()).filter(Boolean)) {
    const equals = entry.indexOf('=');
    const sku = (equals < 0 ? entry : entry.slice(0, equals)).trim();
    const label = equals < 0 ? '' : entry.slice(equals + 1).trim();
    const productId = bySku.get(sku.toLowerCase()) ?? (kept.has(sku) ? sku : undefined);
    if (!productId) unknown.push(sku);
    else keys.push(label ? { productId, label } : { productId });
  }
  return { keys, unknown };
}
