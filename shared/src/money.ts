import Decimal from 'decimal.js';

/**
 * Amounts and quantities travel and are stored as decimal strings ("12.50", "-3", "0.125").
 * A JS number never carries money: 0.1 + 0.2 is not 0.3.
 */
export type DecimalString = string;

/** How an amount is rounded to the currency's minor unit. */
export type RoundingMode = 'half-up' | 'half-even';

/** A private Decimal constructor so no global configuration elsewhere can change our rounding. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

export class MoneyError extends Error {
  override name = 'MoneyError';
}

/** True when `value` is a plain decimal string such as "12", "-3.50" (no exponent, no spaces). */
export function isDecimalString(value: unknown): value is DecimalString {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

/**
 * Strings parsed lately and what they parsed to. The same few prices, quantities and rates come again
 * and again (every line of a push is checked by several rules), and a Decimal never changes, so one
 * parse serves them all; the map is emptied when it is full, so it stays small.
 */
const parsed = new Map<string, Decimal>();
const PARSED_KEPT = 20_000;

/** Parses a decimal string; throws on numbers, NaN, exponents or anything else unsafe. */
export function dec(value: DecimalString | Decimal): Decimal {
  if (value instanceof Decimal) return value;
  const known = parsed.get(value);
  if (known) return known;
  if (!isDecimalString(value)) {
    throw new MoneyError(`not a decimal string: ${JSON.stringify(value)}`);
  }
  const made = new Dec(value);
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  parsed.set(value, made);
  return made;
}

function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  return mode === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
}

/** Rounds to `decimals` places (2 for cents) with an explicit rule. */
export function round(value: Decimal, decimals: number, mode: RoundingMode): Decimal {
  return value.toDecimalPlaces(decimals, decimalRounding(mode));
}

/** Formats for storage: fixed places, "-0.00" normalised to "0.00". */
export function toFixedString(value: Decimal, decimals: number): DecimalString {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** A quantity in its shortest exact form: "3", "0.125", "-2". */
export function toQuantityString(value: Decimal): DecimalString {
  const text = value.toFixed();
  return text === '-0' ? '0' : text;
}

export function sum(values: Iterable<DecimalString | Decimal>): Decimal {
  let total = new Dec(0);
  for (const value of values) total = total.plus(dec(value));
  return total;
}

/** For display only: "1,234.50" style grouping with the currency's places. */
export function formatAmount(value: DecimalString, decimals = 2): string {
  const fixed = toFixedString(dec(value), decimals);
  const [whole, fraction] = fixed.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
