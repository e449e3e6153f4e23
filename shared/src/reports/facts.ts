/*
 * Report facts: what a sale or return adds to the reports, summed per store, dimension, day and key.
 * The server adds a document's facts in the transaction that applies it to stock (so a report counts
 * exactly what stock counts, once), on the day the document was made in the store's time zone, so an
 * offline till's sales appear on their own day when they arrive. Reports then read these sums, never
 * the documents.
 *
 * Quantities are whole thousandths and amounts whole ten-thousandths (exact integers in both
 * databases): a sale's amounts have at most 2 places, a line's cost (quantity × the moving average
 * cost, which has up to 4) is rounded to 4.
 */
import { dec, Dec, type Dec as Decimal } from '../money.js';
import { isReturn, type Product, type Sale, type ShiftEvent } from '../schemas/index.js';

/**
 * What a fact is keyed by besides store and day:
 * - all: the store's totals (key '');
 * - hour: the hour of day the document was made, '00' to '23';
 * - till, cashier: their ids;
 * - product: a line's product; category: the product's category when the sale was applied ('' none);
 * - tender: cash, card or voucher, each with what it paid, so a split payment counts by its amounts;
 * - tax: the tax rate in percent ('19', '7.5');
 * - customer: the customer a sale was made for (sales without one have no such fact);
 * - control: what head office checks per cashier, keyed `<event>:<cashier id>` (CONTROL_EVENTS), each
 *   fact counting the events in `sales` and their amount in `gross`.
 */
export const REPORT_DIMENSIONS = ['all', 'hour', 'till', 'cashier', 'product', 'category', 'tender', 'tax', 'customer', 'control'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/**
 * Dimensions with many keys a day are also summed per month (their `/month` dimension, the day
 * being the month, YYYY-MM), so a report over months reads a row per month and key, not per day.
 */
export const MONTHLY_DIMENSIONS = ['hour', 'till', 'cashier', 'product', 'category', 'tender', 'tax', 'control'] as const satisfies readonly ReportDimension[];
export type MonthlyDimension = (typeof MONTHLY_DIMENSIONS)[number];
/** A dimension as stored: per day, or a monthly one's month sums. */
export type StoredDimension = ReportDimension | `${MonthlyDimension}/month`;

/**
 * The control events a cashier's facts count: discounts given on lines and on the order (their
 * amounts off), price and weight overrides (counted), lines voided from a cart before payment (what
 * they would have cost: on a sale, or a whole cart voided), refunds (returns, and those without a
 * receipt), and shifts closed with cash short or over (by how much).
 */
export const CONTROL_EVENTS = ['line-discount', 'order-discount', 'price-override', 'weight-override', 'void', 'refund', 'refund-without-receipt', 'cash-short', 'cash-over'] as const;
export type ControlEvent = (typeof CONTROL_EVENTS)[number];

/** A control fact's key: the event and the cashier. */
export function controlKey(event: ControlEvent, cashierId: string): string {
  return `${event}:${cashierId}`;
}

/** A control fact's key read back (undefined for a key that is not one). */
export function readControlKey(key: string): { event: ControlEvent; cashierId: string } | undefined {
  const colon = key.indexOf(':');
  const event = key.slice(0, colon) as ControlEvent;
  return colon > 0 && (CONTROL_EVENTS as readonly string[]).includes(event) ? { event, cashierId: key.slice(colon + 1) } : undefined;
}

/**
 * The store of the chain's month sums: for the dimensions in CHAIN_DIMENSIONS, every store's month
 * sums are also kept added together under this store, so a report over every store and many months
 * (what sells over two years of 50 stores) reads a row per month and key, not one per store as well.
 * No store has this id (a store's is `store-<uuid>`).
 */
export const CHAIN_STORE = '*';
/** The monthly dimensions with chain month sums: those with many keys (10,000 products a month). */
export const CHAIN_DIMENSIONS = ['product'] as const satisfies readonly MonthlyDimension[];

/** Whether a dimension also has chain month sums. */
export function hasChainSums(dimension: StoredDimension): boolean {
  return (CHAIN_DIMENSIONS as readonly string[]).includes(dimension);
}

export function isMonthly(dimension: StoredDimension): dimension is MonthlyDimension {
  return (MONTHLY_DIMENSIONS as readonly string[]).includes(dimension);
}

export const QUANTITY_PLACES = 3;
export const AMOUNT_PLACES = 4;

/** The figures a fact sums. Returns count negative in every amount and quantity. */
export interface ReportMeasures {
  /** Sales (documents) that make up the fact. */
  sales: bigint;
  /** Returns (documents). */
  returns: bigint;
  /** Units, kilograms, … net of returns, in thousandths. */
  quantity: bigint;
  /** Amounts in ten-thousandths: with tax, without, the tax. */
  gross: bigint;
  net: bigint;
  tax: bigint;
  /** Line and order discounts given (in the store's price basis), net of those a return gave back. */
  discount: bigint;
  /** The cost of goods sold, fixed when the document was applied: returns put back on the shelf bring theirs back. */
  cost: bigint;
  /** The net of the lines whose cost is known: a margin is net − cost over these only. */
  costedNet: bigint;
}

export interface ReportFact extends ReportMeasures {
  storeId: string;
  dimension: StoredDimension;
  /** The day (YYYY-MM-DD) in the store's time zone; for a month's sums, the month (YYYY-MM). */
  day: string;
  key: string;
}

export const MEASURES = ['sales', 'returns', 'quantity', 'gross', 'net', 'tax', 'discount', 'cost', 'costedNet'] as const satisfies readonly (keyof ReportMeasures)[];

export function emptyMeasures(): ReportMeasures {
  return { sales: 0n, returns: 0n, quantity: 0n, gross: 0n, net: 0n, tax: 0n, discount: 0n, cost: 0n, costedNet: 0n };
}

/** Adds `more` into `into` (written out: a push adds up thousands). */
export function addMeasures(into: ReportMeasures, more: ReportMeasures): void {
  into.sales += more.sales;
  into.returns += more.returns;
  into.quantity += more.quantity;
  into.gross += more.gross;
  into.net += more.net;
  into.tax += more.tax;
  into.discount += more.discount;
  into.cost += more.cost;
  into.costedNet += more.costedNet;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** A plain decimal string as its digits and how many of them are decimals: "-1.50" is -150 and 2. */
function digitsOf(value: string): { digits: bigint; places: number } | undefined {
  if (!PLAIN_DECIMAL.test(value)) return undefined;
  const point = value.indexOf('.');
  if (point < 0) return { digits: BigInt(value), places: 0 };
  return { digits: BigInt(value.slice(0, point) + value.slice(point + 1)), places: value.length - point - 1 };
}

/** Whole units with `drop` fewer decimal places, rounded half away from zero (as Dec's ROUND_HALF_UP). */
function dropPlaces(value: bigint, drop: number): bigint {
  if (drop <= 0) return value * 10n ** BigInt(-drop);
  const divisor = 10n ** BigInt(drop);
  const whole = value / divisor;
  const rest = value % divisor;
  return (rest < 0n ? -rest : rest) * 2n >= divisor ? whole + (value < 0n ? -1n : 1n) : whole;
}

/**
 * A decimal as whole 10^-places units, rounded half up past them. Integer arithmetic on the digits
 * (a push adds up thousands of amounts); anything but a plain decimal string goes through Dec.
 */
export function toUnits(value: string | Decimal, places: number): bigint {
  const parsed = typeof value === 'string' ? digitsOf(value) : undefined;
  if (parsed) return dropPlaces(parsed.digits, parsed.places - places);
  return BigInt(dec(value).mul(Dec.pow(10, places)).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0));
}

/** The product of two decimal strings as whole 10^-places units, rounded half up once, at the end. */
function productUnits(a: string, b: string, places: number): bigint {
  const x = digitsOf(a);
  const y = digitsOf(b);
  if (!x || !y) return toUnits(dec(a).mul(dec(b)), places);
  return dropPlaces(x.digits * y.digits, x.places + y.places - places);
}

/** Whole 10^-places units as a decimal string with exactly `shown` places (amounts: 2). */
export function fromUnits(value: bigint, places: number, shown = places): string {
  return new Dec(value.toString()).div(Dec.pow(10, places)).toFixed(shown);
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** The days and hours of recent minutes per zone: a push's sales were mostly made in a few. */
const recentMinutes = new Map<string, { day: string; hour: string }>();

/** The day (YYYY-MM-DD) and hour ('00'–'23') of a moment in a time zone (the server's own when none is given). */
export function localDayHour(at: string | Date, timeZone?: string): { day: string; hour: string } {
  const zone = timeZone ?? '';
  // A minute is in one day and hour in every zone (offsets are whole minutes).
  const minute = typeof at === 'string' && at.length >= 16 && at.endsWith('Z') ? `${zone} ${at.slice(0, 16)}` : undefined;
  const known = minute === undefined ? undefined : recentMinutes.get(minute);
  if (known) return known;
  const found = zonedDayHour(at, zone, timeZone);
  if (minute !== undefined) {
    if (recentMinutes.size >= 10_000) recentMinutes.clear();
    recentMinutes.set(minute, found);
  }
  return found;
}

function zonedDayHour(at: string | Date, zone: string, timeZone: string | undefined): { day: string; hour: string } {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', { ...(timeZone ? { timeZone } : {}), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
    clocks.set(zone, clock);
  }
  const parts: Record<string, string> = {};
  for (const part of clock.formatToParts(typeof at === 'string' ? new Date(at) : at)) parts[part.type] = part.value;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: parts.hour };
}

/** What a document brings to the reports, and the context the server applies it in. */
export interface FactContext {
  /** When the document was made, by the server's clock (the till's corrected by its offset). */
  madeAt: string;
  timeZone?: string;
  /** The cost per unit of each product it moves, fixed as it is applied; absent where unknown. */
  unitCosts: ReadonlyMap<string, string>;
  /** The products it names, for their category; a product not given has none. */
  products: ReadonlyMap<string, Pick<Product, 'category'>>;
}

/**
 * A sale's or return's facts, one per dimension and key (a product on two lines is one fact). Amounts
 * and quantities are negative for a return; the cost follows the stock: a sale's goods leave at their
 * cost, a return's restocked goods come back at it, and goods written off bring nothing back.
 */
export function saleFacts(sale: Sale, context: FactContext): ReportFact[] {
  const sign = isReturn(sale) ? -1n : 1n;
  const { day, hour } = localDayHour(context.madeAt, context.timeZone);
  const facts = new Map<string, ReportFact>();
  const fact = (dimension: ReportDimension, key: string): ReportFact => {
    const id = `${dimension}\u0000${key}`;
    let found = facts.get(id);
    if (!found) facts.set(id, (found = { storeId: sale.storeId, dimension, day, key, ...emptyMeasures() }));
    return found;
  };
  // The cost of each product as its stock moved.
  const costs = new Map<string, bigint>();
  for (const movement of sale.stockMovements) {
    const unitCost = context.unitCosts.get(movement.productId);
    if (unitCost === undefined) continue;
    costs.set(movement.productId, (costs.get(movement.productId) ?? 0n) - productUnits(movement.quantity, unitCost, AMOUNT_PLACES));
  }
  const document: ReportMeasures = { ...emptyMeasures(), sales: sign > 0n ? 1n : 0n, returns: sign < 0n ? 1n : 0n };
  const products = new Map<string, ReportMeasures>();
  for (const line of sale.lines) {
    const measures = products.get(line.productId) ?? { ...emptyMeasures(), sales: document.sales, returns: document.returns };
    measures.quantity += sign * toUnits(line.quantity, QUANTITY_PLACES);
    measures.gross += sign * toUnits(line.gross, AMOUNT_PLACES);
    measures.net += sign * toUnits(line.net, AMOUNT_PLACES);
    measures.tax += sign * toUnits(line.tax, AMOUNT_PLACES);
    measures.discount += sign * (toUnits(line.discount ?? '0', AMOUNT_PLACES) + toUnits(line.orderDiscount ?? '0', AMOUNT_PLACES));
    if (context.unitCosts.has(line.productId)) measures.costedNet += sign * toUnits(line.net, AMOUNT_PLACES);
    products.set(line.productId, measures);
  }
  for (const [productId, cost] of costs) {
    if (!products.has(productId)) products.set(productId, { ...emptyMeasures(), sales: document.sales, returns: document.returns });
    products.get(productId)!.cost += cost;
  }
  for (const [productId, measures] of products) {
    addMeasures(fact('product', productId), measures);
    const category = fact('category', context.products.get(productId)?.category ?? '');
    // A document counts once per category, however many of its products are in it.
    const counted = category.sales + category.returns > 0n;
    addMeasures(category, { ...measures, sales: counted ? 0n : measures.sales, returns: counted ? 0n : measures.returns });
    document.quantity += measures.quantity;
    document.discount += measures.discount;
    document.cost += measures.cost;
    document.costedNet += measures.costedNet;
  }
  // The document's own totals, as its receipt and the Z report show them (its taxes are worked out per
  // rate, which may differ by a cent from the sum of its lines').
  document.gross = sign * toUnits(sale.totals.gross, AMOUNT_PLACES);
  document.net = sign * toUnits(sale.totals.net, AMOUNT_PLACES);
  document.tax = sign * toUnits(sale.totals.tax, AMOUNT_PLACES);
  for (const [dimension, key] of [['all', ''], ['hour', hour], ['till', sale.tillId], ['cashier', sale.cashierId]] as const) addMeasures(fact(dimension, key), document);
  for (const payment of sale.payments) {
    const tender = fact('tender', payment.tender);
    if (tender.sales + tender.returns === 0n) {
      tender.sales = document.sales;
      tender.returns = document.returns;
    }
    tender.gross += sign * toUnits(payment.amount, AMOUNT_PLACES);
  }
  for (const tax of sale.taxes) {
    const rate = fact('tax', dec(tax.taxRatePercent).toFixed());
    if (rate.sales + rate.returns === 0n) {
      rate.sales = document.sales;
      rate.returns = document.returns;
    }
    rate.gross += sign * toUnits(tax.gross, AMOUNT_PLACES);
    rate.net += sign * toUnits(tax.net, AMOUNT_PLACES);
    rate.tax += sign * toUnits(tax.tax, AMOUNT_PLACES);
  }
  if (sale.customer) addMeasures(fact('customer', sale.customer.id), document);
  // What head office checks of the cashier: counts in `sales`, amounts in `gross`.
  const control = (event: ControlEvent, count: number, amount: bigint) => {
    if (count === 0) return;
    const found = fact('control', controlKey(event, sale.cashierId));
    found.sales += BigInt(count);
    found.gross += amount;
  };
  if (sign < 0n) {
    const refunded = toUnits(sale.totals.gross, AMOUNT_PLACES);
    control('refund', 1, refunded);
    if (!sale.returnOf) control('refund-without-receipt', 1, refunded);
  } else {
    const adjustments = sale.adjustments ?? [];
    const counted = (kind: NonNullable<Sale['adjustments']>[number]['kind']) => adjustments.filter((adjustment) => adjustment.kind === kind).length;
    let lineDiscounts = 0n;
    let orderDiscounts = 0n;
    for (const line of sale.lines) {
      lineDiscounts += toUnits(line.discount ?? '0', AMOUNT_PLACES);
      orderDiscounts += toUnits(line.orderDiscount ?? '0', AMOUNT_PLACES);
    }
    control('line-discount', counted('line-discount'), lineDiscounts);
    control('order-discount', counted('order-discount'), orderDiscounts);
    control('price-override', counted('price-override'), 0n);
    control('weight-override', counted('weight-override'), 0n);
  }
  const voids = sale.voids ?? [];
  control('void', voids.length, voids.reduce((total, line) => total + toUnits(line.gross, AMOUNT_PLACES), 0n));
  return [...facts.values()];
}

/**
 * A shift event's facts: a cart voided whole (its lines, at what they would have cost) and a close
 * whose count differed from the expected cash, under the cashier who did it, on the day it happened.
 */
export function shiftEventFacts(event: ShiftEvent, context: Pick<FactContext, 'madeAt' | 'timeZone'>): ReportFact[] {
  const { day } = localDayHour(context.madeAt, context.timeZone);
  const one = (controlEvent: ControlEvent, count: number, amount: bigint): ReportFact[] =>
    count === 0 ? [] : [{ storeId: event.storeId, dimension: 'control', day, key: controlKey(controlEvent, event.cashier.id), ...emptyMeasures(), sales: BigInt(count), gross: amount }];
  if (event.kind === 'void') {
    const lines = event.lines ?? [];
    return one('void', lines.length, lines.reduce((total, line) => total + toUnits(line.gross, AMOUNT_PLACES), 0n));
  }
  if (event.kind === 'close' && event.difference !== undefined) {
    const difference = toUnits(event.difference, AMOUNT_PLACES);
    if (difference < 0n) return one('cash-short', 1, -difference);
    if (difference > 0n) return one('cash-over', 1, difference);
  }
  return [];
}

/** Adds a fact to those summed so far under its store, dimension, day and key. */
function addFact(merged: Map<string, ReportFact>, fact: ReportFact): void {
  const id = `${fact.storeId}\u0000${fact.dimension}\u0000${fact.day}\u0000${fact.key}`;
  const found = merged.get(id);
  if (found) addMeasures(found, fact);
  else merged.set(id, { ...fact });
}

/** Facts with the same store, dimension, day and key summed into one, as the database adds them. */
export function mergeFacts(facts: Iterable<ReportFact>): ReportFact[] {
  const merged = new Map<string, ReportFact>();
  for (const fact of facts) addFact(merged, fact);
  return [...merged.values()];
}

/**
 * Refuses facts that are not a store's facts of a day (a month's sums, the chain's): what a storage
 * takes to add, making their month and chain sums itself. Added again, such a fact would be counted
 * twice in its month.
 */
export function checkDayFacts(facts: Iterable<ReportFact>): void {
  for (const fact of facts) {
    if (!(REPORT_DIMENSIONS as readonly string[]).includes(fact.dimension) || fact.storeId === CHAIN_STORE) {
      throw new RangeError(`report facts are added as a store's facts of a day; the month and chain sums are the storage's own, not ${fact.storeId} ${fact.dimension} ${fact.day}`);
    }
  }
}

/** Facts summed per key, with the month sums of the monthly dimensions added, and the chain's (CHAIN_STORE) where kept, in one pass. */
export function withMonthSums(facts: Iterable<ReportFact>): ReportFact[] {
  const merged = new Map<string, ReportFact>();
  for (const fact of facts) {
    addFact(merged, fact);
    if (!isMonthly(fact.dimension)) continue;
    const month: ReportFact = { ...fact, dimension: `${fact.dimension}/month`, day: fact.day.slice(0, 7) };
    addFact(merged, month);
    if (hasChainSums(fact.dimension)) addFact(merged, { ...month, storeId: CHAIN_STORE });
  }
  return [...merged.values()];
}
