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

/** A product's stock at the end of a day: its quantity, and each receipt with a cost in order, with the quantity on hand just before it. */
export interface ProductStockAt {
  productId: string;
  quantity: string;
  receipts: readonly { before: string; quantity: string; unitCost: string }[];
}

/** Head office's products as the valuation reads them (`cost` is the average before any receipt with a cost). */
type ValuationProduct = { id: string; sku: string; name: string; category?: string; cost: string };

/**
 * The valuation at the end of `at` (UTC) from the store's ledger in the order it was written, for the
 * products given (with head office's cost, the average before any receipt with a cost). A product
 * with nothing on hand is worth nothing; one below zero is valued below zero, as it stands.
 */
export function stockValuation(entries: readonly ValuationEntry[], products: readonly ValuationProduct[], at: string, currencyDecimals = 2): StockValuation {
  const end = `${at}T23:59:59.999Z`;
  const known = new Set(products.map((product) => product.id));
  const state = new Map<string, { quantity: Dec; receipts: ProductStockAt['receipts'][number][] }>();
  for (const entry of entries) {
    if (entry.recordedAt > end || !known.has(entry.productId)) continue;
    const current = state.get(entry.productId) ?? { quantity: dec('0'), receipts: [] };
    if (entry.source === 'receipt' && entry.unitCost) current.receipts.push({ before: current.quantity.toFixed(), quantity: entry.quantity, unitCost: entry.unitCost });
    current.quantity = current.quantity.plus(dec(entry.quantity));
    state.set(entry.productId, current);
  }
  return stockValuationOf(
    [...state].map(([productId, { quantity, receipts }]) => ({ productId, quantity: quantity.toFixed(), receipts })),
    products,
    at,
    currencyDecimals,
  );
}

/**
 * The valuation at the end of `at` from each product's stock then (a server sums the ledger in its
 * database): receipts with a cost move the average from head office's cost as they did when they
 * were recorded (movingAverageCost); the quantity is valued at the average after the last.
 */
export function stockValuationOf(stock: readonly ProductStockAt[], products: readonly ValuationProduct[], at: string, currencyDecimals = 2): StockValuation {
  const known = new Map(products.map((product) => [product.id, product]));
  const state = new Map<string, { quantity: Dec; average: string }>();
  for (const { productId, quantity, receipts } of stock) {
    const product = known.get(productId);
    if (!product) continue;
    let average = product.cost;
    for (const receipt of receipts) average = nextAverageCost(receipt.before, average, receipt.quantity, receipt.unitCost);
    state.set(productId, { quantity: dec(quantity), average });
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
  // One collator for the whole sort: the same order as localeCompare, without its set-up per call.
  const order = new Intl.Collator();
  valued.sort((a, b) => order.compare(a.category, b.category) || order.compare(a.sku, b.sku));
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

/** A plain decimal string as a whole number of 10^-places, or null when it has more decimals (or is no plain decimal). */
function scaled(value: string, places: number): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[3] ?? '').length > places) return null;
  const whole = BigInt(match[2] + (match[3] ?? '').padEnd(places, '0'));
  return match[1] ? -whole : whole;
}

/**
 * movingAverageCost in whole numbers, where its figures allow (quantities to 3 decimals, costs to
 * 4, a positive stock before and received, no negative cost): the same answer, as a year's receipts
 * of a large store are hundreds of thousands. (B × A + Q × C) / (B + Q) is a fraction whose
 * denominator is far below 10^36, so it is never within decimal.js's 40 digits of a half at the 4th
 * decimal: rounding it exactly, half up, is what movingAverageCost's two roundings give.
 */
export function nextAverageCost(onHandBefore: string, averageBefore: string, received: string, unitCost: string): string {
  const before = scaled(onHandBefore, 3);
  const quantity = scaled(received, 3);
  const average = scaled(averageBefore, 4);
  const cost = scaled(unitCost, 4);
  if (before === null || quantity === null || average === null || cost === null || average < 0n || cost < 0n) {
    return movingAverageCost(onHandBefore, averageBefore, received, unitCost);
  }
  // Nothing (or less) on hand before, or nothing received: the delivery's cost.
  if (before <= 0n || quantity <= 0n) return tenThousandths(cost);
  const numerator = before * average + quantity * cost;
  const denominator = before + quantity;
  // Half up: floor((2n + d) / 2d), in ten-thousandths.
  return tenThousandths((2n * numerator + denominator) / (2n * denominator));
}

/** A whole number of ten-thousandths, 0 or more, with its 4 decimals: 6783n is "0.6783". */
function tenThousandths(value: bigint): string {
  const digits = value.toString().padStart(5, '0');
  return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
}
