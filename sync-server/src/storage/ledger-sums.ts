import type { StockAt } from './port.js';

/**
 * A whole number of 10^-places units as a decimal string in its shortest form: (-1500n, 3) is
 * "-1.5". SQLite sums ledger quantities as whole thousandths (exact, where REAL sums are not).
 */
export function scaledDecimal(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A decimal string as PostgreSQL's numeric writes it ("-3.500", "0.000") in its shortest form ("-3.5", "0"). */
export function shortDecimal(text: string): string {
  let value = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  if (value === '-0') value = '0';
  return value;
}

/**
 * How a window of net sales per product and day is read: a short one (the default 28 days) by the
 * day index, its few rows hashed per product; a long one through the store's rows in product order,
 * from the key alone, summed as they come (a year of a large store is two million product-days, too
 * many to hash or sort quickly).
 */
export function salesWindow(fromDay: string, toDay: string): 'short' | 'long' {
  return (Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000 + 1 <= SHORT_WINDOW_DAYS ? 'short' : 'long';
}

/** Windows of sales up to this many days are short (see salesWindow). */
const SHORT_WINDOW_DAYS = 120;

/** One row of a stock-at read: a receipt with a cost, or a product's last row up to then, or both. */
export interface StockAtRow {
  productId: string;
  /** The quantity on hand after the row. */
  after: string;
  before: string;
  quantity: string;
  /** Set on a receipt with a cost. */
  unitCost: string | null;
  last: boolean;
}

/** Rows in ledger order per product, as products with their quantity and costed receipts. */
export function stockAtFromRows(rows: Iterable<StockAtRow>): StockAt[] {
  const byProduct = new Map<string, StockAt>();
  for (const row of rows) {
    let stock = byProduct.get(row.productId);
    if (!stock) byProduct.set(row.productId, (stock = { productId: row.productId, quantity: '0', receipts: [] }));
    if (row.unitCost !== null) stock.receipts.push({ before: row.before, quantity: row.quantity, unitCost: row.unitCost });
    if (row.last) stock.quantity = row.after;
  }
  return [...byProduct.values()];
}

/**
 * The SQL test that a product sold lately surely does not run low (WatchLines in port.ts): its
 * quantity on hand `quantity`, its net sales `total` and their squares `squares` over `@days` days
 * (whole thousandths), against `@cover` days of cover and the automatic reorder point over `@lead`
 * days at `@z2` (the service factor squared), in floating point (`real` makes a figure one) with
 * margins of a hundredth and more. No square root: the spread's term is compared squared.
 */
export function surelyStockedSql(columns: { quantity: string; total: string; squares: string }, real: (expression: string) => string, greatest: string): string {
  const { quantity, total, squares } = columns;
  const average = `abs(${real(total)}) / @days`;
  const variance = `${greatest}(0, (@days * ${real(squares)} - ${real(total)} * ${real(total)}) / (@days * @days))`;
  const scale = `(@days * ${real(squares)} + ${real(total)} * ${real(total)}) / (@days * @days)`;
  const left = `(${real(quantity)} - ${average} * @lead * 1.01 - 1)`;
  return `(${quantity} > 0 AND ${real(quantity)} >= ${average} * @cover * 1.01 + 1
    AND (@lead = 0 OR (${left} >= 0 AND ${left} * ${left} >= @z2 * 1.0201 * (${variance} * 1.01 + 0.000001 * ${scale} + 1) * @lead)))`;
}
