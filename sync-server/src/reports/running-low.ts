import {
  averageAndSpread,
  dec,
  rootOfDays,
  salesSumsOf,
  SERVICE_LEVELS,
  surelyCovered,
  toQuantityString,
  type Dec,
  type RunningLowReport,
  type RunningLowRow,
  type StockState,
  type Store,
} from '../../../shared/src/index.js';
import { inTurns } from '../../../shared/src/in-turns.js';
import { Reorder } from '../purchasing/reorder.js';
import type { LedgerEntry } from '../storage/port.js';
import { currencyOf, refuseProblems, wholeParameter, type Reports } from './reports.js';

const DAY_MS = 86_400_000;
/** The service level the automatic reorder point is worked out at, as the reorder suggestions' default. */
const SERVICE_LEVEL = '95';
/** Out-of-stock products whose ledgers are read for when they ran out and what was lost, per store. */
const OUT_READ = 500;
/**
 * Stores whose figures are read and worked out at once: two, so PostgreSQL answers one store's
 * reads while the server works out the other's, and a store's three reads at a time each leave most
 * of the pool's ten connections to the tills' pushes.
 */
const STORES_AT_ONCE = 2;

/**
 * When a product ran out, from its ledger in order: the row after which its stock stayed at or below
 * nothing, having been above it just before; undefined when it never had stock or has it now.
 */
export function ranOutAt(entries: readonly Pick<LedgerEntry, 'quantity' | 'recordedAt'>[]): string | undefined {
  let balance = dec('0');
  let out: string | undefined;
  for (const entry of entries) {
    const before = balance;
    balance = balance.plus(dec(entry.quantity));
    if (before.gt(0) && balance.lte(0)) out = entry.recordedAt;
    else if (balance.gt(0)) out = undefined;
  }
  return balance.lte(0) ? out : undefined;
}

/**
 * The sales lost while a product is out of stock, estimated: the units it sold a day over the
 * `windowDays` before it ran out (its ledger's sales less returns), times the days it has been out.
 */
export function lostSales(entries: readonly Pick<LedgerEntry, 'quantity' | 'recordedAt' | 'source'>[], outSince: string, now: Date, windowDays: number): { daysOut: Dec; perDay: Dec; quantity: Dec } {
  const out = Date.parse(outSince);
  const windowStart = out - windowDays * DAY_MS;
  let sold = dec('0');
  for (const entry of entries) {
    const at = Date.parse(entry.recordedAt);
    if ((entry.source === 'sale' || entry.source === 'return') && at >= windowStart && at <= out) sold = sold.minus(dec(entry.quantity));
  }
  const perDay = sold.gt(0) ? sold.div(windowDays) : dec('0');
  const daysOut = dec(String(Math.max(0, now.getTime() - out))).div(DAY_MS);
  return { daysOut, perDay, quantity: perDay.mul(daysOut) };
}

/**
 * What runs low in each store: products out of stock (with when they ran out and the sales lost
 * since), at or below their reorder point (a fixed minimum, or the automatic one: average daily sales
 * over the lead time plus safety stock), or with fewer than `coverDays` days of cover at the sales of
 * the last `windowDays`. Out of stock first, then the fewest days of cover; the first `limit` of them
 * listed (500 unless asked), all of them counted.
 */
export async function runningLowReport(reports: Reports, stores: readonly Store[], query: { windowDays?: unknown; coverDays?: unknown; limit?: unknown }): Promise<RunningLowReport> {
  const problems: string[] = [];
  const windowDays = wholeParameter(query.windowDays, 'windowDays', 28, 1, 366, problems);
  const coverDays = wholeParameter(query.coverDays, 'coverDays', 7, 1, 365, problems);
  const limit = wholeParameter(query.limit, 'limit', 500, 1, 20_000, problems);
  refuseProblems(problems);
  const currency = currencyOf(stores);
  const repository = reports.repository;
  const storage = repository.storage;
  const now = repository.now();
  const reorder = new Reorder(repository);
  const z = dec(SERVICE_LEVELS[SERVICE_LEVEL]);
  const rows: (RunningLowRow & { cover: Dec | null; lost: Dec })[] = [];
  // The chain's catalogue and suppliers, read once for all the stores.
  const chain = reorder.chainReads();
  // Shelf prices, for the sales lost while out of stock: the catalogue's, taken once, when a product is out.
  let prices: Promise<Map<string, string>> | undefined;
  const priceOf = async (productId: string) => {
    prices ??= chain.then(({ products }) => new Map(products.map((product) => [product.id, product.price])));
    return (await prices).get(productId);
  };
  const zNumber = Number(z);
  const perStore = await inTurns(stores, STORES_AT_ONCE, async (store) => {
    // Out of stock is said of what has had stock moved (`stocked`: a level), not of a product never stocked.
    const figures = await reorder.figures(store.id, { windowDays, reviewDays: 0, serviceLevel: SERVICE_LEVEL }, chain, { watch: { coverDays } });
    const found: (RunningLowRow & { cover: Dec | null; lost: Dec })[] = [];
    for (const product of figures.products) {
      // Most of a large store's products are well stocked: told apart in floating point first, the
      // same tests as below with a wide margin, so the exact arithmetic (and the product's input)
      // is made for the few near a line only.
      const quick = figures.quick(product.id);
      const averageNumber = quick.sums.days > 0 ? Number(quick.sums.total) / quick.sums.days : 0;
      const out = quick.onHand <= 0 && quick.stocked;
      const lowCover = averageNumber > 0 && quick.onHand / averageNumber < coverDays * 1.001 + 1e-9;
      const nearReorderPoint = quick.leadTimeDays !== undefined && !surelyCovered(quick.onHand + quick.onOrder, quick.sums, quick.leadTimeDays, 0, zNumber);
      if (!out && !quick.rule && !lowCover && !nearReorderPoint) continue;
      const input = figures.input(product);
      const sums = salesSumsOf(input.dailySales);
      const { average, spread } = averageAndSpread(sums);
      const onHand = dec(input.onHand);
      const position = onHand.plus(dec(input.onOrder));
      const reorderPoint = input.rule ? dec(input.rule.min) : input.supplier ? average.mul(input.supplier.leadTimeDays).plus(z.mul(spread).mul(rootOfDays(input.supplier.leadTimeDays))) : null;
      const cover = average.gt(0) ? onHand.div(average) : null;
      const state: StockState | null = onHand.lte(0) && input.stocked === true ? 'out' : reorderPoint !== null && position.lte(reorderPoint) && (input.rule || average.gt(0)) ? 'reorder' : cover !== null && cover.lt(coverDays) ? 'low-cover' : null;
      if (state === null) continue;
      found.push({
        storeId: store.id,
        storeName: store.name,
        productId: input.productId,
        sku: input.sku,
        name: input.name,
        unit: input.unit,
        state,
        onHand: input.onHand,
        onOrder: input.onOrder,
        averageDaily: average.toDecimalPlaces(3).toFixed(3),
        daysOfCover: cover === null ? null : cover.toDecimalPlaces(1).toFixed(1),
        reorderPoint: reorderPoint === null ? null : toQuantityString(reorderPoint.toDecimalPlaces(3)),
        policy: input.rule ? 'min/max' : 'automatic',
        outSince: null,
        daysOut: null,
        lostQuantity: null,
        lostSales: null,
        cover,
        lost: dec('0'),
      });
    }
    // When each product out of stock ran out, and what it has lost since, from its own ledger rows.
    const outs = found.filter((row) => row.state === 'out').slice(0, OUT_READ);
    const ids = outs.map((row) => row.productId);
    const entries = await storage.ledger.entriesOf(store.id, ids);
    const entriesOf = new Map(ids.map((productId) => [productId, [] as LedgerEntry[]]));
    for (const entry of entries) entriesOf.get(entry.productId)?.push(entry);
    for (const row of outs) {
      const own = entriesOf.get(row.productId) ?? [];
      const since = ranOutAt(own);
      if (since === undefined) continue;
      const lost = lostSales(own, since, now, windowDays);
      const price = await priceOf(row.productId);
      row.outSince = since;
      row.daysOut = lost.daysOut.toDecimalPlaces(1).toFixed(1);
      row.lostQuantity = toQuantityString(lost.quantity.toDecimalPlaces(3));
      row.lost = price === undefined ? dec('0') : lost.quantity.mul(dec(price));
      row.lostSales = price === undefined ? null : row.lost.toFixed(2);
    }
    return found;
  });
  for (const found of perStore) rows.push(...found);
  const order: Record<StockState, number> = { out: 0, reorder: 1, 'low-cover': 2 };
  rows.sort((a, b) => order[a.state] - order[b.state] || (a.state === 'out' ? b.lost.comparedTo(a.lost) : 0) || compareCover(a.cover, b.cover) || a.storeName.localeCompare(b.storeName) || a.sku.localeCompare(b.sku));
  const counts: Record<StockState, number> = { out: 0, reorder: 0, 'low-cover': 0 };
  for (const row of rows) counts[row.state]++;
  const today = reports.today(stores[0]);
  return {
    stores: stores.map((store) => store.id),
    windowDays,
    coverDays,
    currency,
    // The first `limit` (a chain's stores may have tens of thousands); the counts are of all.
    rows: rows.slice(0, limit).map(({ cover: _cover, lost: _lost, ...row }) => row),
    counts,
    lostSales: rows.reduce((total, row) => total.plus(row.lost), dec('0')).toFixed(2),
    completeness: await reports.completeness(stores, today),
  };
}

/** Fewest days of cover first; what does not sell (no cover figure) last. */
function compareCover(a: Dec | null, b: Dec | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.comparedTo(b);
}
