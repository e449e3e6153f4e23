import { dec, isDecimalString, toQuantityString, type DecimalString } from './money.js';
import { quantityProblem, type Unit } from './quantity.js';

/**
 * Stock counts. A count sheet covers a whole store, a category, or chosen products, and may be blind
 * (the expected quantity hidden while counting). What is counted is kept as immutable entries: a scan
 * adds what it names, a typed quantity adds that much, a correction takes some off. A product's line
 * on the sheet is the sum of its entries.
 *
 * The count rule. A line is counted at a moment: when its product was first counted on the sheet (by
 * the server's clock). What the ledger expected is the store's stock of the product at that moment,
 * and the difference posted is `counted - expected`. So:
 * - a sale made while counting, after the product was counted, is no difference: it is a movement
 *   after the line's moment, and moves stock after the count as any sale does;
 * - a sale made before the product was counted that reaches the server only after it (a till that was
 *   offline) is *late*: the shelf no longer held it when it was counted, but the expected quantity
 *   still did. It is added to the line as a late movement, so that the expected quantity is what the
 *   shelf should have held then; once the count is posted, it is offset by a count row in the ledger
 *   instead, so stock is not taken down twice.
 * When a sale was made is the till's clock (`completedAt`) corrected by how far that till's clock was
 * off from the server's when it pushed it (see `madeAtByServerClock`).
 */
export const STOCK_COUNT_SCOPES = ['store', 'category', 'products'] as const;
export type StockCountScope = (typeof STOCK_COUNT_SCOPES)[number];
export type StockCountState = 'open' | 'posted' | 'cancelled';
/** At posting, what becomes of products on the sheet nobody counted: left as they are, or counted as none. */
export type UncountedChoice = 'leave' | 'zero';

/** A count as head office keeps it (collection `stockCounts`, no till holds it). Its entries are a table of their own. */
export interface StoredStockCount {
  id: string;
  /** `SC-000001`, the chain's next when it was opened. */
  number: string;
  storeId: string;
  scope: StockCountScope;
  /** The category counted (scope `category`). */
  category?: string;
  /** The products on the sheet (scope `products`). */
  productIds?: string[];
  /** Counters do not see what the ledger expects until the count is posted. */
  blind: boolean;
  reference: string;
  state: StockCountState;
  openedAt: string;
  openedBy: string;
  postedAt?: string;
  postedBy?: string;
  uncounted?: UncountedChoice;
  cancelledAt?: string;
  cancelledBy?: string;
}

/** What head office sends to open a count; `id` is made by the client, so the same request again opens it once. */
export interface StockCountOpen {
  id: string;
  storeId: string;
  scope: StockCountScope;
  category?: string;
  productIds?: string[];
  blind?: boolean;
  reference?: string;
}

/** What a counter sends for one product: `quantity` counted (negative to correct), `entryId` made by the client. */
export interface StockCountEntryInput {
  entryId: string;
  productId: string;
  quantity: string;
}

/** One product's line on a count, summed from its entries. */
export interface StockCountLine {
  productId: string;
  sku: string;
  name: string;
  unit: Unit;
  /** Null until it is counted. */
  counted: DecimalString | null;
  /** The line's moment: when the product was first counted on this sheet. */
  countedAt: string | null;
  /** Stock per the ledger at the line's moment, with late sales; hidden (null) on a blind count until posted. */
  expected: DecimalString | null;
  /** Late movements (sales made before the moment that arrived after it), in the expected quantity above. */
  late: DecimalString;
  /** counted - expected; null while uncounted or hidden. */
  difference: DecimalString | null;
}

export interface StockCountView extends StoredStockCount {
  storeCode: string;
  lines: StockCountLine[];
  /** Lines counted, of all on the sheet. */
  countedLines: number;
}

/** An entry as the count keeps it (mirrors the storage's row). */
export interface CountEntry {
  productId: string;
  kind: 'counted' | 'late';
  quantity: string;
  expected: string | null;
  enteredAt: string;
}

/** What is wrong with a request to open a count, in words for the person opening it; empty when sound. */
export function stockCountOpenProblems(input: unknown): string[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return ['the count must be an object'];
  const open = input as Partial<Record<keyof StockCountOpen, unknown>>;
  const problems: string[] = [];
  if (typeof open.id !== 'string' || open.id.length === 0 || open.id.length > 64) problems.push('id: a text of 1 to 64 characters');
  if (typeof open.storeId !== 'string' || open.storeId.length === 0) problems.push('storeId: the store counted');
  if (!STOCK_COUNT_SCOPES.includes(open.scope as StockCountScope)) problems.push('scope: the whole store, a category, or chosen products');
  if (open.scope === 'category' && (typeof open.category !== 'string' || open.category.trim().length === 0 || open.category.length > 200)) problems.push('category: the category to count');
  if (open.scope !== 'category' && open.category !== undefined) problems.push('category: only a count of a category has one');
  if (open.scope === 'products') {
    const ids = open.productIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 5000 || !ids.every((id) => typeof id === 'string' && id.length > 0)) problems.push('productIds: 1 to 5,000 products to count');
    else if (new Set(ids).size !== ids.length) problems.push('productIds: a product is named twice');
  } else if (open.productIds !== undefined) problems.push('productIds: only a count of chosen products has them');
  if (open.blind !== undefined && typeof open.blind !== 'boolean') problems.push('blind: true or false');
  if (open.reference !== undefined && (typeof open.reference !== 'string' || open.reference.length > 200)) problems.push('reference: a text of at most 200 characters');
  const extra = Object.keys(open).filter((key) => !['id', 'storeId', 'scope', 'category', 'productIds', 'blind', 'reference'].includes(key));
  for (const key of extra) problems.push(`unknown field "${key}"`);
  return problems;
}

/** A technical bound, as for stock documents: no count finds a billion units of one product. */
const MAX_COUNTED = 1_000_000_000;

/** What is wrong with an entry's shape (its quantity against the product's unit is `countedQuantityProblem`). */
export function stockCountEntryProblems(input: unknown): string[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return ['the entry must be an object'];
  const entry = input as Partial<Record<keyof StockCountEntryInput, unknown>>;
  const problems: string[] = [];
  if (typeof entry.entryId !== 'string' || entry.entryId.length === 0 || entry.entryId.length > 64 || entry.entryId.startsWith('late:')) problems.push('entryId: a text of 1 to 64 characters');
  if (typeof entry.productId !== 'string' || entry.productId.length === 0) problems.push('productId: the product counted');
  if (typeof entry.quantity !== 'string' || !isDecimalString(entry.quantity) || dec(entry.quantity).isZero()) problems.push('quantity: what was counted, such as "12", or "-2" to correct a miscount');
  else if (dec(entry.quantity).abs().gt(MAX_COUNTED)) problems.push(`quantity: at most 1,000,000,000 (is ${entry.quantity})`);
  const extra = Object.keys(entry).filter((key) => !['entryId', 'productId', 'quantity'].includes(key));
  for (const key of extra) problems.push(`unknown field "${key}"`);
  return problems;
}

/**
 * Whether `quantity` can be counted of a product in `unit` on a line that holds `countedBefore`: no
 * finer than the unit is sold in, and the line never below zero (a correction takes off at most what
 * was counted).
 */
export function countedQuantityProblem(quantity: string, unit: Unit, countedBefore: string): string | null {
  const magnitude = dec(quantity).abs().toFixed();
  const problem = quantityProblem(magnitude, unit);
  if (problem) return problem;
  if (dec(countedBefore).plus(dec(quantity)).isNegative()) return `a correction takes off at most what was counted (${countedBefore})`;
  return null;
}

/** A product's line summed from its entries: what was counted, its moment, the expected stock then and the late movements. */
export function countLine(entries: readonly CountEntry[]): { counted: string | null; countedAt: string | null; expected: string | null; late: string } {
  const counted = entries.filter((entry) => entry.kind === 'counted').sort((a, b) => a.enteredAt.localeCompare(b.enteredAt));
  const late = entries.filter((entry) => entry.kind === 'late').reduce((sum, entry) => sum.plus(dec(entry.quantity)), dec('0'));
  if (counted.length === 0) return { counted: null, countedAt: null, expected: null, late: toQuantityString(late) };
  const total = counted.reduce((sum, entry) => sum.plus(dec(entry.quantity)), dec('0'));
  return {
    counted: toQuantityString(total),
    countedAt: counted[0]!.enteredAt,
    expected: toQuantityString(dec(counted[0]!.expected ?? '0').plus(late)),
    late: toQuantityString(late),
  };
}

/** The adjustment a counted line posts: counted less what the ledger expected at its moment (late sales included). */
export function countDifference(counted: string, expected: string): DecimalString {
  return toQuantityString(dec(counted).minus(dec(expected)));
}

/**
 * When a sale was made, by the server's clock: the till's `completedAt` moved by how far the till's
 * clock was off when it pushed (`clockOffsetMs`: the server's time less the till's). Undefined when
 * `completedAt` is not a time or the sum is past what a date can hold.
 */
export function madeAtByServerClock(completedAt: string, clockOffsetMs: number): string | undefined {
  const made = new Date(Date.parse(completedAt) + clockOffsetMs);
  return Number.isFinite(made.getTime()) ? made.toISOString() : undefined;
}

/**
 * The count a late sale concerns, among the counts that counted its product: the one counted last at
 * or after the sale was made (`madeAt`), for that count's stock left out the sale and every later
 * count's stock derives from it. Undefined when the product was not counted after the sale was made.
 */
export function countOfLateSale<T extends { countedAt: string }>(madeAt: string, counted: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const line of counted) if (line.countedAt >= madeAt && (!latest || line.countedAt > latest.countedAt)) latest = line;
  return latest;
}
