import {
  AMOUNT_PLACES,
  addMeasures,
  dec,
  emptyMeasures,
  fromUnits,
  PRODUCT_ORDERS,
  QUANTITY_PLACES,
  toQuantityString,
  toUnits,
  type Dec,
  type MarginRow,
  type MarginsReport,
  type Product,
  type ProductFigures,
  type ProductOrder,
  type ProductReportRow,
  type ProductsReport,
  type ReportMeasures,
  type SlowMover,
  type SlowMoversReport,
  type Store,
  type WeakMarginReason,
} from '../../../shared/src/index.js';
import { scaledDecimal } from '../storage/ledger-sums.js';
import type { ReportSum } from '../storage/port.js';
import { FirstOf } from './first-of.js';
import { choiceParameter, currencyOf, dayNumber, dayOf, refuseProblems, salesFigures, wholeParameter, type Reports } from './reports.js';

/** Sums of one dimension read from month and day rows, per key: the month and day rows added together. */
export function sumsByKey(sums: readonly ReportSum[]): Map<string, { measures: ReportMeasures }> {
  const byKey = new Map<string, { measures: ReportMeasures }>();
  for (const sum of sums) {
    let found = byKey.get(sum.group);
    if (!found) byKey.set(sum.group, (found = { measures: emptyMeasures() }));
    addMeasures(found.measures, sum);
  }
  return byKey;
}

/** A product's figures from its summed facts. */
export function productFigures(measures: ReportMeasures): ProductFigures {
  const { sales, returns, gross, net, discount, cost, margin, marginPercent } = salesFigures(measures);
  return { sales, returns, quantity: toQuantityString(dec(fromUnits(measures.quantity, QUANTITY_PLACES))), gross, net, discount, cost, margin, marginPercent };
}

/** What a top-sellers order ranks by. */
function rank(measures: ReportMeasures, order: ProductOrder): bigint {
  return order === 'quantity' ? measures.quantity : order === 'revenue' ? measures.gross : measures.costedNet - measures.cost;
}

/**
 * The products named, and their stock on hand summed over the stores, for the rows of a report: from
 * the chain's catalogue as held and the stock positions (a thousand rows over 50 stores were 50,000
 * stock level documents to read).
 */
async function productRows(reports: Reports, stores: readonly Store[], entries: readonly [string, ReportMeasures][]): Promise<ProductReportRow[]> {
  const ids = entries.map(([productId]) => productId);
  const [catalogue, onHand] = await Promise.all([
    reports.repository.chainFields.products(),
    reports.repository.storage.documents.onHand(
      stores.map((store) => store.id),
      ids,
    ),
  ]);
  const named = new Set(ids);
  const products = new Map(catalogue.filter((product) => named.has(product.id)).map((product) => [product.id, product]));
  return entries.map(([productId, measures]) => {
    const product = products.get(productId);
    return {
      productId,
      sku: product?.sku ?? '',
      name: product?.name ?? `(product ${productId} no longer in the catalogue)`,
      unit: product?.unit ?? '',
      category: product?.category ?? '',
      onHand: scaledDecimal(onHand.get(productId) ?? 0n, QUANTITY_PLACES),
      ...productFigures(measures),
    };
  });
}

/** What sells: the period's products, the first `limit` by units, revenue or margin (ties by id). */
export async function productsReport(reports: Reports, stores: readonly Store[], query: { from?: unknown; to?: unknown; order?: unknown; limit?: unknown }): Promise<ProductsReport> {
  const span = reports.span(query.from, query.to);
  const problems: string[] = [];
  const order = choiceParameter(query.order, 'order', PRODUCT_ORDERS, 'quantity', problems);
  const limit = wholeParameter(query.limit, 'limit', 50, 1, 1_000, problems);
  refuseProblems(problems);
  const currency = currencyOf(stores);
  const storeIds = stores.map((store) => store.id);
  const [sums, totals, completeness] = await Promise.all([
    reports.sums(storeIds, 'product', span.from, span.to, 'key'),
    reports.sales(stores, span.from, span.to, 'store'),
    reports.completeness(stores, span.to),
  ]);
  const byKey = sumsByKey(sums);
  const ranked = [...byKey.entries()]
    .map(([productId, { measures }]) => ({ productId, measures, by: rank(measures, order) }))
    .sort((a, b) => (a.by === b.by ? a.productId.localeCompare(b.productId) : a.by > b.by ? -1 : 1))
    .slice(0, limit);
  const rows = await productRows(reports, stores, ranked.map(({ productId, measures }) => [productId, measures]));
  return { stores: storeIds, from: span.from, to: span.to, currency, order, rows, products: byKey.size, totals: totals.totals, completeness };
}

/** The places of a value worked out in whole units: quantity's and amount's. */
const VALUE_PLACES = QUANTITY_PLACES + AMOUNT_PLACES;

/** What a slow mover's row shows of its product. */
type ShownProduct = Pick<Product, 'id' | 'sku' | 'name' | 'unit' | 'category' | 'cost'>;

/**
 * Slow movers: products on hand in a store that have not sold there in the `days` days ending today
 * (its own today), the most stock value at cost first, with the last day they sold.
 */
export async function slowMoversReport(reports: Reports, stores: readonly Store[], query: { days?: unknown; limit?: unknown }): Promise<SlowMoversReport> {
  const problems: string[] = [];
  const days = wholeParameter(query.days, 'days', 60, 1, 3_650, problems);
  const limit = wholeParameter(query.limit, 'limit', 200, 1, 5_000, problems);
  refuseProblems(problems);
  const currency = currencyOf(stores);
  const storage = reports.repository.storage;
  // Each store's own today; the report says the first store's.
  const sinceOn = (today: string) => dayOf(dayNumber(today) - days + 1);
  const sinceIn = (store: Store) => sinceOn(reports.today(store));
  // The catalogue is the chain's: read once, only the fields shown.
  const catalogue = new Map((await reports.repository.chainFields.products()).map((product) => [product.id, product]));
  // The most stock value first (none known last), then by store name and SKU.
  const collator = new Intl.Collator();
  const byName = [...stores].sort((a, b) => collator.compare(a.name, b.name));
  const storeRank = new Map(byName.map((store) => [store.id, byName.findIndex((other) => collator.compare(other.name, store.name) === 0)]));
  // Worked out in the database over the stores' positions and the last day each product sold there:
  // a chain's stores hold hundreds of thousands, most of them slow. Values in whole ten-millionths
  // (thousandths of a unit × ten-thousandths of the currency), each compared and summed exactly; a
  // position with no average cost of its own is valued at head office's cost.
  const slow = await storage.reports.slowStock({
    stores: stores.map((store) => ({ storeId: store.id, since: sinceIn(store), rank: storeRank.get(store.id)! })),
    products: new Map([...catalogue.values()].map((product) => [product.id, product.cost === undefined ? null : toUnits(product.cost, AMOUNT_PLACES)])),
    limit,
  });
  // The database ordered them as far as it can; the ties on value and store it sent along are ordered by SKU here.
  const storesById = new Map(stores.map((store) => [store.id, store]));
  type Slow = { store: Store; product: ShownProduct; quantity: bigint; value: bigint | null; rank: number; lastSold: string | null };
  // The one before the other: known worth first, the most first; then the store's name and the SKU;
  // then, for stores of one name, by ids, so a listing cut short is the same every time.
  const listed = new FirstOf<Slow>(limit, (a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return b.value === null;
    } else if (a.value !== b.value) return a.value > b.value;
    if (a.rank !== b.rank) return a.rank < b.rank;
    const bySku = collator.compare(a.product.sku, b.product.sku);
    if (bySku !== 0) return bySku < 0;
    return a.store.id !== b.store.id ? a.store.id < b.store.id : a.product.id < b.product.id;
  });
  for (const { storeId, productId, quantity, value, lastSold } of slow.top) {
    const store = storesById.get(storeId)!;
    listed.offer({ store, product: catalogue.get(productId)!, quantity, value, rank: storeRank.get(storeId)!, lastSold });
  }
  const rows: SlowMover[] = listed.rows.map(({ store, product, quantity, value, lastSold }) => ({
    storeId: store.id,
    storeName: store.name,
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unit: product.unit,
    category: product.category ?? '',
    onHand: scaledDecimal(quantity, QUANTITY_PLACES),
    stockValue: value === null ? null : fromUnits(value, VALUE_PLACES, 2),
    lastSoldDay: lastSold,
  }));
  return {
    stores: stores.map((store) => store.id),
    days,
    since: sinceIn(stores[0]),
    currency,
    rows,
    count: slow.count,
    stockValue: fromUnits(slow.value, VALUE_PLACES, 2),
    completeness: await reports.completeness(stores, reports.today(stores[0])),
  };
}

/** Why a product's margin is weak, its margin in percent, and what it would have been without its discounts. */
export interface WeakMargin {
  reasons: WeakMarginReason[];
  percent: Dec;
  before: Dec;
}

/**
 * Judges products' margins against a target in percent (at most two places): weak when a loss, below
 * the target, or below it only because of the discounts given (without them it would have met it);
 * undefined when not weak, or with no margin to judge (no cost known, or returned more than sold).
 */
export function marginJudge(targetText: string): (measures: ReportMeasures) => WeakMargin | undefined {
  const target = dec(targetText);
  // The target in hundredths of a percent, so most products are told to meet it in whole numbers.
  const targetUnits = toUnits(targetText, 2);
  return (measures) => {
    if (measures.costedNet <= 0n) return undefined;
    // At or above the target (so not a loss either, the target being at least nothing): not weak.
    // Exactly margin × 100 / costed net ≥ target, multiplied out: margin × 10,000 ≥ target in
    // hundredths × costed net.
    if ((measures.costedNet - measures.cost) * 10_000n >= targetUnits * measures.costedNet) return undefined;
    const margin = dec((measures.costedNet - measures.cost).toString());
    const percent = margin.mul(100).div(dec(measures.costedNet.toString()));
    // Discounts are in the store's price basis: taken to net as the product's net is to its gross.
    const discountNet = measures.gross === 0n ? dec('0') : dec(measures.discount.toString()).mul(dec(measures.net.toString())).div(dec(measures.gross.toString()));
    const costedDiscount = measures.net === 0n ? dec('0') : discountNet.mul(dec(measures.costedNet.toString())).div(dec(measures.net.toString()));
    const before = margin.plus(costedDiscount).mul(100).div(dec(measures.costedNet.toString()).plus(costedDiscount));
    const reasons: WeakMarginReason[] = [];
    if (margin.isNegative()) reasons.push('negative');
    if (percent.lt(target)) reasons.push('below-target');
    if (percent.lt(target) && costedDiscount.gt(0) && before.gte(target)) reasons.push('discounts');
    return reasons.length > 0 ? { reasons, percent, before } : undefined;
  };
}

/**
 * Margins: per category, and the products whose margin is weak: a loss, below the owner's target,
 * or below it only because of their discounts (without them the margin would have met it).
 */
export async function marginsReport(reports: Reports, stores: readonly Store[], query: { from?: unknown; to?: unknown; target?: unknown }): Promise<MarginsReport> {
  const span = reports.span(query.from, query.to);
  const problems: string[] = [];
  const targetText = query.target === undefined || query.target === '' ? '30' : String(query.target);
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(targetText)) problems.push('target: a margin in percent, 0 to 99.99');
  refuseProblems(problems);
  const judge = marginJudge(targetText);
  const storeIds = stores.map((store) => store.id);
  const [categories, sums] = await Promise.all([reports.sales(stores, span.from, span.to, 'category'), reports.sums(storeIds, 'product', span.from, span.to, 'key')]);
  const weak: ({ productId: string; measures: ReportMeasures } & WeakMargin)[] = [];
  for (const [productId, { measures }] of sumsByKey(sums)) {
    const judged = judge(measures);
    if (judged) weak.push({ productId, measures, ...judged });
  }
  weak.sort((a, b) => a.percent.comparedTo(b.percent) || a.productId.localeCompare(b.productId));
  const listed = weak.slice(0, 1_000);
  const rows = await productRows(reports, stores, listed.map(({ productId, measures }) => [productId, measures]));
  const marginRows: MarginRow[] = rows.map((row, index) => ({ ...row, reasons: listed[index].reasons, marginBeforeDiscountsPercent: listed[index].before.toFixed(1) }));
  return {
    stores: storeIds,
    from: span.from,
    to: span.to,
    currency: categories.currency,
    targetPercent: dec(targetText).toFixed(),
    categories: categories.rows,
    weak: marginRows,
    totals: categories.totals,
    completeness: categories.completeness,
  };
}

