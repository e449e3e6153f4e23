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

/**
 * The square root of a positive Decimal, exactly as `value.sqrt()` gives it (rounded half up to Dec's
 * 40 significant digits), worked out on whole numbers: a tenth of the time. Decimal's root iterates
 * on 40-digit divisions, and a reorder of a large store takes thousands of roots.
 * The value is C × 10^q (C its digits). C is padded to N = C × 10^a, with at least 84 digits and
 * q − a even, so √value = √N × 10^((q − a) / 2). R = ⌊√N⌋ then has at least 42 digits; its leading 40
 * are H, and H is rounded up when √N ≥ (H + ½) × 10^D, that is when 4N ≥ ((2H + 1) × 10^D)², compared
 * exactly. Zero, negative or not finite: as `value.sqrt()`.
 */
export function squareRoot(value: Decimal): Decimal {
  if (!value.isFinite() || !value.isPositive() || value.isZero()) return value.sqrt();
  const [mantissa, exponent] = value.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const q = Number(exponent) - (digits.length - 1);
  const precision = Dec.precision;
  let a = Math.max(0, 2 * precision + 4 - digits.length);
  if ((q - a) % 2 !== 0) a += 1;
  const n = BigInt(digits + '0'.repeat(a));
  const root = wholeSquareRoot(n, digits.length + a);
  const dropped = root.toString().length - precision;
  const scale = 10n ** BigInt(dropped);
  let kept = root / scale;
  const half = (2n * kept + 1n) * scale;
  if (4n * n >= half * half) kept += 1n;
  return new Dec(`${kept}e${dropped + (q - a) / 2}`);
}

/** ⌊√n⌋ of a positive whole number of `length` digits: Newton's method from just above the root, estimated in floating point. */
function wholeSquareRoot(n: bigint, length: number): bigint {
  const shift = Math.max(0, length - 16) & ~1;
  const top = Number(n / 10n ** BigInt(shift));
  // Above the root: √n < √(top + 1) × 10^(shift / 2), and the 1 added covers top's rounding.
  let x = BigInt(Math.ceil(Math.sqrt(top)) + 1) * 10n ** BigInt(shift / 2);
  for (;;) {
    const next = (x + n / x) / 2n;
    if (next >= x) return x;
    x = next;
  }
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
