/*
 * Reorder suggestions: how much of a product a store should order now, each with the figures it
 * comes from. Pure arithmetic on decimals, so the server computes it and a test can check it by hand.
 *
 * Automatic: the average daily net sales over a window (sales less returns, per calendar day, days
 * without sales counting as 0) cover the lead time and the review period, plus safety stock for the
 * days the supplier takes:
 *   target = average daily × (lead time + review period) + z(service level) × spread of daily sales × √lead time
 * Fixed: the product's own minimum and maximum: at or below the minimum, order up to the maximum.
 * Either way what is wanted is target − on hand − on order + reserved, rounded up to whole packs.
 */
import { dec, squareRoot, type Dec } from '../money.js';

/** The service levels offered, with the z-value of the normal distribution each stands for. */
export const SERVICE_LEVELS: Readonly<Record<string, string>> = { '90': '1.2816', '95': '1.6449', '97.5': '1.9600', '99': '2.3263', '99.9': '3.0902' };
/** The service levels in order, lowest first (an object's keys that look like numbers are not kept in order). */
export const SERVICE_LEVEL_CHOICES = ['90', '95', '97.5', '99', '99.9'] as const;

export interface ReorderParameters {
  /** Days of sales the averages are taken over, ending today. */
  windowDays: number;
  /** Days until the store orders again. */
  reviewDays: number;
  /** A key of SERVICE_LEVELS: how often, in percent, the stock should last until the delivery. */
  serviceLevel: string;
}

export const DEFAULT_REORDER_PARAMETERS: ReorderParameters = { windowDays: 28, reviewDays: 7, serviceLevel: '95' };

/** A product's own fixed policy in a store, instead of the automatic one. */
export interface ReorderRule {
  /** `<store id>:<product id>`. */
  id: string;
  storeId: string;
  productId: string;
  min: string;
  max: string;
  updatedAt: string;
}

export interface ReorderInput {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  onHand: string;
  /** Whether stock of it ever moved in the store (it has a stock level): only such a product is out of stock at nothing on hand. */
  stocked?: boolean;
  onOrder: string;
  /** Held for open customer orders (none exist yet: 0). */
  reserved: string;
  /**
   * Net sold per day over the window, oldest first, one entry per day; or, as a server sums them in
   * its database, the number of days with the sum of the day figures and the sum of their squares.
   */
  dailySales: readonly string[] | DailySalesSums;
  rule?: Pick<ReorderRule, 'min' | 'max'>;
  /** The preferred supplier, where the product has one. */
  supplier?: { id: string; name: string; leadTimeDays: number; packSize: string; packCost: string; currency: string; minimumOrder?: string };
}

export interface ReorderSuggestion {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  policy: 'automatic' | 'min/max';
  averageDaily: string;
  spread: string;
  leadTimeDays: number;
  reviewDays: number;
  safetyStock: string;
  /** The stock the order should bring the product up to. */
  target: string;
  /** For min/max: the minimum at or below which it is ordered. */
  min?: string;
  onHand: string;
  onOrder: string;
  reserved: string;
  /** target − on hand − on order + reserved, before packs. */
  wanted: string;
  packSize: string;
  packs: number;
  /** packs × pack size. */
  quantity: string;
  /** Days the stock on hand, on order less reserved lasts at the average daily sales; null when nothing sells. */
  daysOfCover: string | null;
  supplierId: string | null;
  supplierName: string | null;
  packCost: string | null;
  currency: string | null;
  /** The arithmetic in words, for the person who accepts it. */
  explanation: string;
}

/** A window's daily net sales as sums: what the average and the spread need, whatever the window's length. */
export interface DailySalesSums {
  days: number;
  /** The sum of the day figures. */
  total: string;
  /** The sum of the squares of the day figures. */
  squares: string;
}

/** The sums of a window's day figures. */
export function dailySalesSums(dailySales: readonly string[]): DailySalesSums {
  const daily = dailySales.map((value) => dec(value));
  return {
    days: daily.length,
    total: daily.reduce((total, value) => total.plus(value), dec('0')).toFixed(),
    squares: daily.reduce((total, value) => total.plus(value.pow(2)), dec('0')).toFixed(),
  };
}

/**
 * The mean of daily sales and their population standard deviation, from the sums:
 * spread² = (days × Σ squares − total²) / days², exact until the one division and the root.
 */
export function averageAndSpread(sums: DailySalesSums): { average: Dec; spread: Dec } {
  if (sums.days === 0) return { average: dec('0'), spread: dec('0') };
  const total = dec(sums.total);
  const variance = dec(sums.squares).mul(sums.days).minus(total.pow(2)).div(sums.days * sums.days);
  return { average: total.div(sums.days), spread: variance.lte(0) ? dec('0') : squareRoot(variance) };
}

/** A window's sales as their sums, whether given as the sums or day by day. */
export function salesSumsOf(dailySales: ReorderInput['dailySales']): DailySalesSums {
  return Array.isArray(dailySales) ? dailySalesSums(dailySales) : (dailySales as DailySalesSums);
}

const show = (value: Dec, places = 2) => value.toDecimalPlaces(places, 4).toFixed(places);

/** Far wider than the rounding error of the few floating point steps below (about 1e-15 of each figure). */
const FLOAT_MARGIN = 1e-9;

/**
 * Whether the stock on hand and on order (`position`, less what is reserved) surely covers the
 * automatic target over the lead and review days, worked out in floating point with a margin far
 * wider than its rounding error: most of a large store's products need nothing, and this spares them
 * the exact decimal arithmetic (and its square roots). A product near the line, or short, is left to
 * that arithmetic, so the answer is the same either way.
 */
export function surelyCovered(position: number, sums: DailySalesSums, leadTimeDays: number, reviewDays: number, z: number): boolean {
  if (sums.days === 0) return false;
  const total = Number(sums.total);
  const squares = Number(sums.squares);
  const scale = (sums.days * squares + total * total) / (sums.days * sums.days);
  // spread² = (days × squares − total²) / days², bounded from above by the margin on its terms.
  const spread = Math.sqrt(Math.max(0, (sums.days * squares - total * total) / (sums.days * sums.days)) + FLOAT_MARGIN * scale);
  const average = total / sums.days;
  const target = Math.abs(average) * (1 + FLOAT_MARGIN) * (leadTimeDays + reviewDays) + z * spread * Math.sqrt(leadTimeDays) * (1 + FLOAT_MARGIN) + FLOAT_MARGIN;
  // False for NaN (a figure Number cannot read): the exact arithmetic decides.
  return position - FLOAT_MARGIN * Math.abs(position) > target;
}

/** √ of a lead time in days, worked out once per lead time: a store's products share a few suppliers' lead times, and a decimal root is dear. */
const roots = new Map<number, Dec>();
export function rootOfDays(days: number): Dec {
  let root = roots.get(days);
  if (!root) roots.set(days, (root = dec(String(days)).sqrt()));
  return root;
}

/**
 * The suggestion for one product, or null when nothing should be ordered (the stock and what is on
 * order cover the target, or a fixed minimum is not reached).
 */
export function reorderSuggestion(input: ReorderInput, parameters: ReorderParameters): ReorderSuggestion | null {
  const sums = salesSumsOf(input.dailySales);
  const leadTimeDays = input.supplier?.leadTimeDays ?? 0;
  const zText = SERVICE_LEVELS[parameters.serviceLevel] ?? SERVICE_LEVELS['95'];
  const onHandAndOrdered = Number(input.onHand) + Number(input.onOrder) - Number(input.reserved);
  if (!input.rule && surelyCovered(onHandAndOrdered, sums, leadTimeDays, parameters.reviewDays, Number(zText))) return null;
  const { average, spread } = averageAndSpread(sums);
  const z = dec(zText);
  const position = dec(input.onHand).plus(dec(input.onOrder)).minus(dec(input.reserved));
  const packSize = dec(input.supplier?.packSize ?? '1');
  let target: Dec;
  let safety = dec('0');
  if (input.rule) {
    if (position.gt(dec(input.rule.min))) return null;
    target = dec(input.rule.max);
  } else {
    safety = z.mul(spread).mul(rootOfDays(leadTimeDays));
    target = average.mul(leadTimeDays + parameters.reviewDays).plus(safety);
  }
  const wanted = target.minus(position);
  if (wanted.lte(0)) return null;
  const why = input.rule
    ? `fixed: at or below the minimum ${input.rule.min}, order up to the maximum ${input.rule.max}`
    : `${show(average)} a day × (${leadTimeDays} d lead time + ${parameters.reviewDays} d review) + safety ${show(safety)} (z ${z.toFixed()} × spread ${show(spread)} × √${leadTimeDays}) = ${show(target)}`;
  const packs = wanted.div(packSize).ceil().toNumber();
  const quantity = packSize.mul(packs);
  const daysOfCover = average.gt(0) ? position.div(average) : null;
  return {
    productId: input.productId,
    sku: input.sku,
    name: input.name,
    unit: input.unit,
    policy: input.rule ? 'min/max' : 'automatic',
    averageDaily: show(average, 3),
    spread: show(spread, 3),
    leadTimeDays,
    reviewDays: parameters.reviewDays,
    safetyStock: show(safety, 3),
    target: show(target, 3),
    ...(input.rule ? { min: input.rule.min } : {}),
    onHand: input.onHand,
    onOrder: input.onOrder,
    reserved: input.reserved,
    wanted: show(wanted, 3),
    packSize: packSize.toFixed(),
    packs,
    quantity: quantity.toFixed(),
    daysOfCover: daysOfCover === null ? null : show(daysOfCover, 1),
    supplierId: input.supplier?.id ?? null,
    supplierName: input.supplier?.name ?? null,
    packCost: input.supplier?.packCost ?? null,
    currency: input.supplier?.currency ?? null,
    explanation: `${why}; less on hand ${input.onHand} and on order ${input.onOrder}, plus reserved ${input.reserved}: ${wanted.toDecimalPlaces(3, 4).toFixed()} wanted, ${packs} pack${packs === 1 ? '' : 's'} of ${packSize.toFixed()}`,
  };
}

/**
 * Every suggestion of a store, the products that run out soonest first (fewest days of cover;
 * those that sell nothing last), and each supplier's minimum order value met by adding packs to its
 * most urgent lines, one at a time.
 */
export function reorderSuggestions(inputs: readonly ReorderInput[], parameters: ReorderParameters): ReorderSuggestion[] {
  // Each suggestion's days of cover read once, not at every comparison of the sort.
  const keyed = inputs
    .map((input) => reorderSuggestion(input, parameters))
    .filter((suggestion): suggestion is ReorderSuggestion => suggestion !== null)
    .map((suggestion) => ({ suggestion, cover: suggestion.daysOfCover === null ? null : dec(suggestion.daysOfCover) }));
  keyed.sort((a, b) => {
    if (a.cover === null || b.cover === null) return a.cover === null ? (b.cover === null ? a.suggestion.sku.localeCompare(b.suggestion.sku) : 1) : -1;
    return a.cover.comparedTo(b.cover) || a.suggestion.sku.localeCompare(b.suggestion.sku);
  });
  const suggestions = keyed.map(({ suggestion }) => suggestion);
  const minimums = new Map(inputs.filter((input) => input.supplier?.minimumOrder).map((input) => [input.supplier!.id, dec(input.supplier!.minimumOrder!)]));
  for (const [supplierId, minimum] of minimums) {
    const lines = suggestions.filter((suggestion) => suggestion.supplierId === supplierId);
    if (lines.length === 0) continue;
    // The most urgent line with a cost takes every added pack: the total grows by its pack cost each time.
    const line = lines.find((candidate) => !dec(candidate.packCost ?? '0').isZero());
    if (!line) continue;
    const packCost = dec(line.packCost ?? '0');
    let total = lines.reduce((sum, each) => sum.plus(dec(each.packCost ?? '0').mul(each.packs)), dec('0'));
    let added = 0;
    while (total.lt(minimum) && added < 10_000) {
      line.packs += 1;
      total = total.plus(packCost);
      added++;
    }
    if (added > 0) line.quantity = dec(line.packSize).mul(line.packs).toFixed();
    if (added > 0) {
      for (const line of lines) line.explanation += `; with ${lines[0].supplierName}'s minimum order of ${minimum.toFixed(2)}, packs were added to its most urgent line`;
    }
  }
  return suggestions;
}

/** Calendar days (UTC) of the window ending on `today`, oldest first, as YYYY-MM-DD. */
export function windowDays(today: Date, days: number): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, index) => new Date(end - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10));
}
