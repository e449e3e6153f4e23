/*
 * A store's stock valuation at a date, replayed from its ledger: each product's stock on hand at the
 * end of that day at its moving average cost then. Receipts with a cost move the average as they did
 * when they were recorded (movingAverageCost); every other movement changes the quantity only.
 */
import { dec, type Dec } from '../money.js';
import { movingAverageCost } from '../stock-document.js';

export interface ValuationEntry {
  productId: string;
  source: string;
  quantity: string;
  recordedAt: string;
  unitCost?: string | null;
}

export interface ValuedProduct {
  productId: string;
  sku: string;
  name: string;
  category: string;
  quantity: string;
  averageCost: string;
  value: string;
}

export interface StockValuation {
  /** The end of this day (UTC), YYYY-MM-DD. */
  at: string;
  total: string;
  categories: { category: string; products: number; value: string }[];
  products: ValuedProduct[];
}

/**
 * The valuation at the end of `at` (UTC) from the store's ledger in the order it was written, for the
 * products given (with head office's cost, the average before any receipt with a cost). A product
 * with nothing on hand is worth nothing; one below zero is valued below zero, as it stands.
 */
export function stockValuation(
  entries: readonly ValuationEntry[],
  products: readonly { id: string; sku: string; name: string; category?: string; cost: string }[],
  at: string,
  currencyDecimals = 2,
): StockValuation {
  const end = `${at}T23:59:59.999Z`;
  const state = new Map<string, { quantity: Dec; average: string }>();
  const known = new Map(products.map((product) => [product.id, product]));
  for (const entry of entries) {
    if (entry.recordedAt > end || !known.has(entry.productId)) continue;
    const current = state.get(entry.productId) ?? { quantity: dec('0'), average: known.get(entry.productId)!.cost };
    if (entry.source === 'receipt' && entry.unitCost) current.average = movingAverageCost(current.quantity.toFixed(), current.average, entry.quantity, entry.unitCost);
    current.quantity = current.quantity.plus(dec(entry.quantity));
    state.set(entry.productId, current);
  }
  const valued: ValuedProduct[] = [];
  for (const [productId, { quantity, average }] of state) {
    if (quantity.isZero()) continue;
    const product = known.get(productId)!;
    valued.push({
      productId,
      sku: product.sku,
      name: product.name,
      category: product.category?.split('/')[0] ?? '',
      quantity: quantity.toFixed(),
      averageCost: average,
      value: quantity.mul(dec(average)).toDecimalPlaces(currencyDecimals, 4).toFixed(currencyDecimals),
    });
  }
  valued.sort((a, b) => a.category.localeCompare(b.category) || a.sku.localeCompare(b.sku));
  const byCategory = new Map<string, { products: number; value: Dec }>();
  for (const product of valued) {
    const group = byCategory.get(product.category) ?? { products: 0, value: dec('0') };
    group.products += 1;
    group.value = group.value.plus(dec(product.value));
    byCategory.set(product.category, group);
  }
  const total = valued.reduce((sum, product) => sum.plus(dec(product.value)), dec('0'));
  return {
    at,
    total: total.toFixed(currencyDecimals),
    categories: [...byCategory].map(([category, group]) => ({ category, products: group.products, value: group.value.toFixed(currencyDecimals) })),
    products: valued,
  };
}
