import { Dec, dec, round, toFixedString, type DecimalString, type RoundingMode } from './money.js';

/** A store's pricing rules. Every sale records the rules it was priced with. */
export interface PricingRules {
  /** Shelf prices include tax (usual for shops selling to consumers) or exclude it. */
  pricesIncludeTax: boolean;
  /** Round tax per line, or once per tax rate over the whole document. */
  taxRounding: 'line' | 'document';
  roundingMode: RoundingMode;
  /** Places of the currency's minor unit: 2 for cents. */
  currencyDecimals: number;
}

export const DEFAULT_PRICING_RULES: PricingRules = {
  pricesIncludeTax: true,
  taxRounding: 'line',
  roundingMode: 'half-up',
  currencyDecimals: 2,
};

export interface CartLineInput {
  productId: string;
  quantity: DecimalString;
  unitPrice: DecimalString;
  taxClassId: string;
  /** Percent, e.g. "20" or "5.5". */
  taxRatePercent: DecimalString;
  /** The line's own discount, in minor units of the price basis, taken off quantity x unitPrice. */
  discount?: DecimalString;
  /** The line's share of an order discount (see spreadOrderDiscount). */
  orderDiscount?: DecimalString;
}

export interface PricedLine extends CartLineInput {
  net: DecimalString;
  tax: DecimalString;
  gross: DecimalString;
}

export interface TaxBreakdown {
  taxClassId: string;
  taxRatePercent: DecimalString;
  net: DecimalString;
  tax: DecimalString;
  gross: DecimalString;
}

export interface Totals {
  net: DecimalString;
  tax: DecimalString;
  gross: DecimalString;
}

export interface PricedCart {
  lines: PricedLine[];
  taxes: TaxBreakdown[];
  totals: Totals;
}

export class PricingError extends Error {
  override name = 'PricingError';
}

interface Split {
  net: Dec;
  tax: Dec;
  gross: Dec;
}

/** Splits an unrounded amount at one tax rate into rounded net, tax and gross that add up. */
function splitAmount(amount: Dec, ratePercent: Dec, rules: PricingRules): Split {
  const places = rules.currencyDecimals;
  if (rules.pricesIncludeTax) {
    const gross = round(amount, places, rules.roundingMode);
    // The tax inside a gross amount at p %: gross x p / (100 + p).
    const tax = round(gross.mul(ratePercent).div(ratePercent.plus(100)), places, rules.roundingMode);
    return { gross, tax, net: gross.minus(tax) };
  }
  const net = round(amount, places, rules.roundingMode);
  const tax = round(net.mul(ratePercent).div(100), places, rules.roundingMode);
  return { net, tax, gross: net.plus(tax) };
}

function fixed(split: Split, places: number): Totals {
  return {
    net: toFixedString(split.net, places),
    tax: toFixedString(split.tax, places),
    gross: toFixedString(split.gross, places),
  };
}

/**
 * Prices a cart. Every line's shelf amount (quantity x price) is rounded to the minor unit, and the
 * total to pay is always the sum of the lines as printed. With `taxRounding: 'line'` the tax of every
 * line is rounded and the breakdown is the sum of its lines; with `'document'` the tax is computed
 * once per rate on the sum of that rate's lines, so only the split between net and tax can differ
 * from the sum of the lines' own splits, by a minor unit or so.
 */
export function priceCart(inputs: readonly CartLineInput[], rules: PricingRules): PricedCart {
  const places = rules.currencyDecimals;
  // Per tax rate: the sum of the lines' rounded shelf amounts (what the receipt lines show) and the
  // sum of each line's own split.
  const groups = new Map<string, { taxClassId: string; rate: Dec; amount: Dec; line: Split }>();

  const lines = inputs.map((input): PricedLine => {
    const quantity = dec(input.quantity);
    const unitPrice = dec(input.unitPrice);
    const rate = dec(input.taxRatePercent);
    if (rate.isNegative()) throw new PricingError(`negative tax rate on ${input.productId}`);
    const discounts = dec(input.discount ?? '0').plus(dec(input.orderDiscount ?? '0'));
    // A sale's discounts are never negative (see adjustmentProblems); a returned piece's may be a
    // cent below zero, so what the returns of a line refund adds up to what it cost (see buildReturn).
    // Discounts are whole minor units, so taking them off before rounding is the same as after.
    const amount = quantity.mul(unitPrice).minus(discounts);
    if (quantity.gt(0) && amount.isNegative()) throw new PricingError(`the discount on ${input.productId} is more than the line`);
    const split = splitAmount(amount, rate, rules);

    const key = `${input.taxClassId}|${rate.toFixed()}`;
    const group = groups.get(key) ?? {
      taxClassId: input.taxClassId,
      rate,
      amount: new Dec(0),
      line: { net: new Dec(0), tax: new Dec(0), gross: new Dec(0) },
    };
    group.amount = group.amount.plus(rules.pricesIncludeTax ? split.gross : split.net);
    group.line = {
      net: group.line.net.plus(split.net),
      tax: group.line.tax.plus(split.tax),
      gross: group.line.gross.plus(split.gross),
    };
    groups.set(key, group);
    return { ...input, ...fixed(split, places) };
  });

  const taxes: TaxBreakdown[] = [];
  let totals: Split = { net: new Dec(0), tax: new Dec(0), gross: new Dec(0) };
  for (const group of groups.values()) {
    const split = rules.taxRounding === 'document' ? splitAmount(group.amount, group.rate, rules) : group.line;
    taxes.push({ taxClassId: group.taxClassId, taxRatePercent: group.rate.toFixed(), ...fixed(split, places) });
    totals = {
      net: totals.net.plus(split.net),
      tax: totals.tax.plus(split.tax),
      gross: totals.gross.plus(split.gross),
    };
  }
  taxes.sort((a, b) => dec(a.taxRatePercent).comparedTo(dec(b.taxRatePercent)));
  return { lines, taxes, totals: fixed(totals, places) };
}

/** The line's amount before any discount, rounded as a receipt prints it: quantity x unit price. */
export function shelfAmount(quantity: DecimalString, unitPrice: DecimalString, rules: Pick<PricingRules, 'currencyDecimals' | 'roundingMode'>): Dec {
  return round(dec(quantity).mul(dec(unitPrice)), rules.currencyDecimals, rules.roundingMode);
}

/** A percent of an amount, rounded to the minor unit: what a "10 %" discount takes off. */
export function percentOf(amount: Dec, percent: DecimalString, rules: Pick<PricingRules, 'currencyDecimals' | 'roundingMode'>): Dec {
  return round(amount.mul(dec(percent)).div(100), rules.currencyDecimals, rules.roundingMode);
}

/**
 * Spreads an order discount over the lines in proportion to their amounts, to the minor unit, so
 * each line's tax is computed on what was really charged and the shares add up to the discount
 * exactly. Each share is first rounded down; the minor units left over go one each to the lines with
 * the largest remainders (ties: the larger line, then the earlier one). Deterministic, so the server
 * recomputes the same shares.
 */
export function spreadOrderDiscount(amounts: readonly Dec[], discount: Dec, currencyDecimals: number): Dec[] {
  const total = amounts.reduce((acc, amount) => acc.plus(amount), new Dec(0));
  if (discount.isNegative()) throw new PricingError('an order discount cannot be negative');
  if (discount.isZero()) return amounts.map(() => new Dec(0));
  if (discount.gt(total)) throw new PricingError(`the order discount ${discount.toFixed()} is more than the order ${total.toFixed()}`);
  const unit = new Dec(1).div(new Dec(10).pow(currencyDecimals));
  const exact = amounts.map((amount) => discount.mul(amount).div(total));
  const shares = exact.map((share) => share.toDecimalPlaces(currencyDecimals, Dec.ROUND_DOWN));
  let left = discount.minus(shares.reduce((acc, share) => acc.plus(share), new Dec(0))).div(unit).toNumber();
  const order = exact
    .map((share, index) => ({ index, remainder: share.minus(shares[index]) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || amounts[b.index].comparedTo(amounts[a.index]) || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    shares[index] = shares[index].plus(unit);
    left--;
  }
  return shares;
}

/**
 * Cash rounding: an amount paid in cash rounded to the smallest coin in use (step "0.05"), half up.
 * Card and voucher payments are never rounded.
 */
export function roundToCashStep(amount: Dec, step: DecimalString | undefined): Dec {
  if (step === undefined) return amount;
  const size = dec(step);
  if (size.lte(0)) throw new PricingError(`cash rounding step ${step} must be more than zero`);
  return amount.div(size).toDecimalPlaces(0, Dec.ROUND_HALF_UP).mul(size);
}
