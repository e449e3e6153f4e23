import { Dec, dec, isDecimalString, sum, toFixedString, toQuantityString, type DecimalString } from './money.js';
import {
  percentOf,
  priceCart,
  PricingError,
  roundToCashStep,
  shelfAmount,
  spreadOrderDiscount,
  type CartLineInput,
  type PricedCart,
  type PricedLine,
  type PricingRules,
} from './pricing.js';
import { isReturn, type CashierRole, type Payment, type Person, type Product, type Sale, type SaleAdjustment, type SaleLine, type Store, type VoidedLine } from './schemas/index.js';
import { quantityProblem, soldBy } from './quantity.js';
import { movementsOf } from './stock.js';

/** A discount the cashier gives: a percent of what it applies to, or an amount. */
export interface DiscountInput {
  percent?: DecimalString;
  amount?: DecimalString;
  reason: string;
  by: Person;
  /** The manager who entered their PIN because the discount was above the giver's limit. */
  approvedBy?: Person;
}

/** A unit price other than the shelf's, always approved by a manager (or given by one). */
export interface PriceOverrideInput {
  unitPrice: DecimalString;
  reason: string;
  by: Person;
  approvedBy?: Person;
}

/** How a weighed line's weight was taken: read from a scale label, or typed in by the cashier. */
export type Weighing = NonNullable<SaleLine['weighing']>;

/**
 * A scale label's weight changed at the till (the label was wrong, part of the goods stayed behind):
 * always approved by a manager (or changed by one). The weight charged is the line's quantity.
 */
export interface WeightOverrideInput {
  /** The weight the scale label said. */
  was: DecimalString;
  reason: string;
  by: Person;
  approvedBy?: Person;
}

/** A product in the cart with the quantity being sold and the rate of its tax class at this store. */
export interface CartItem {
  product: Pick<Product, 'id' | 'sku' | 'name' | 'unit' | 'price' | 'taxClass'>;
  quantity: DecimalString;
  taxRatePercent: DecimalString;
  priceOverride?: PriceOverrideInput;
  discount?: DiscountInput;
  /** Goods sold by the kg only: how the quantity was weighed. */
  weighing?: Weighing;
  /** A scale label's weight the cashier changed, with a manager's approval. */
  weightOverride?: WeightOverrideInput;
}

/** How the customer pays: cash handed over, or an amount by card or voucher. */
export type TenderInput =
  | { tender: 'cash'; tendered: DecimalString }
  | { tender: 'card'; amount: DecimalString; card: { brand: string; last4: string } }
  | { tender: 'voucher'; amount: DecimalString; voucher: { code: string } };

export interface SaleContext {
  id: string;
  number: number;
  store: Pick<Store, 'id' | 'code' | 'currency' | 'pricing' | 'cashRounding'>;
  till: { id: string; code: string };
  cashier: { id: string; name: string };
  completedAt: string;
  /** The open shift the document belongs to. */
  shiftId?: string;
  customer?: Person;
}

/** Without a store setting, a cashier may give up to 10 % and a supervisor up to 25 % alone. */
export const DEFAULT_DISCOUNT_LIMITS = { cashier: '10', supervisor: '25' } as const;

/** "S1-T2-000042": unique across the chain without asking the server, so tills can number offline. */
export function receiptNumber(storeCode: string, tillCode: string, number: number): string {
  return `${storeCode}-${tillCode}-${String(number).padStart(6, '0')}`;
}

/** What pricing needs of a document's lines: the quantities, prices, discounts and tax they carry. */
function lineInputs(lines: readonly Pick<SaleLine, 'productId' | 'quantity' | 'unitPrice' | 'taxClassId' | 'taxRatePercent' | 'discount' | 'orderDiscount'>[]): CartLineInput[] {
  return lines.map(({ productId, quantity, unitPrice, taxClassId, taxRatePercent, discount, orderDiscount }) => ({
    productId,
    quantity,
    unitPrice,
    taxClassId,
    taxRatePercent,
    ...(discount === undefined ? {} : { discount }),
    ...(orderDiscount === undefined ? {} : { orderDiscount }),
  }));
}

/** The cart's lines as pricing inputs, before any discount: the shelf price or the override. */
export function cartLineInputs(items: readonly CartItem[]): CartLineInput[] {
  return items.map((item) => ({
    productId: item.product.id,
    quantity: item.quantity,
    unitPrice: item.priceOverride?.unitPrice ?? item.product.price,
    taxClassId: item.product.taxClass,
    taxRatePercent: item.taxRatePercent,
  }));
}

function positiveOrZero(value: Dec): DecimalString | undefined {
  return value.isZero() ? undefined : value.toFixed();
}

/** The amount a discount takes off `base`: its percent of it, or its amount, never more than `base`. */
function discountAmount(discount: DiscountInput | undefined, base: Dec, rules: PricingRules, what: string): Dec {
  if (!discount) return new Dec(0);
  if ((discount.percent === undefined) === (discount.amount === undefined)) throw new PricingError(`${what}: a discount is a percent or an amount`);
  const amount = discount.percent !== undefined ? percentOf(base, discount.percent, rules) : dec(discount.amount!);
  if (discount.percent !== undefined && (dec(discount.percent).isNegative() || dec(discount.percent).gt(100))) throw new PricingError(`${what}: a discount is 0 to 100 %`);
  if (amount.isNegative()) throw new PricingError(`${what}: a discount cannot be negative`);
  if (!amount.eq(round2(amount, rules))) throw new PricingError(`${what}: a discount is a whole number of ${rules.currencyDecimals === 0 ? 'units' : 'cents'}`);
  if (amount.gt(base)) throw new PricingError(`${what}: the discount ${amount.toFixed()} is more than ${base.toFixed(rules.currencyDecimals)}`);
  return amount;
}

function round2(value: Dec, rules: PricingRules): Dec {
  return value.toDecimalPlaces(rules.currencyDecimals);
}

export interface PricedSale extends PricedCart {
  /** Per line: the shelf price when it was overridden. */
  shelfPrices: (DecimalString | undefined)[];
  adjustments: SaleAdjustment[];
}

/**
 * Prices a cart with its price overrides, line discounts and order discount. A line discount comes
 * off its line; the order discount is then spread over the lines in proportion to what is left of
 * each (see spreadOrderDiscount), so every tax rate carries its share and the tax breakdown says what
 * was really charged at each rate.
 */
export function priceSale(items: readonly CartItem[], orderDiscount: DiscountInput | undefined, rules: PricingRules): PricedSale {
  // Said while the cart is priced, so the till shows it before anyone pays.
  for (const item of items) {
    const problem = weighingProblem(item);
    if (problem) throw new PricingError(problem);
  }
  const inputs = cartLineInputs(items);
  const lineDiscounts = items.map((item, index) => {
    const shelf = shelfAmount(inputs[index].quantity, inputs[index].unitPrice, rules);
    return discountAmount(item.discount, shelf, rules, item.product.name);
  });
  const afterLines = inputs.map((input, index) => shelfAmount(input.quantity, input.unitPrice, rules).minus(lineDiscounts[index]));
  const orderBase = afterLines.reduce((acc, amount) => acc.plus(amount), new Dec(0));
  const orderAmount = discountAmount(orderDiscount, orderBase, rules, 'order');
  const shares = spreadOrderDiscount(afterLines, orderAmount, rules.currencyDecimals);
  const priced = priceCart(
    inputs.map((input, index) => {
      const discount = positiveOrZero(lineDiscounts[index]);
      const share = positiveOrZero(shares[index]);
      return { ...input, ...(discount ? { discount: toFixedString(lineDiscounts[index], rules.currencyDecimals) } : {}), ...(share ? { orderDiscount: toFixedString(shares[index], rules.currencyDecimals) } : {}) };
    }),
    rules,
  );
  const adjustments: SaleAdjustment[] = [];
  const approval = (approvedBy: Person | undefined) => (approvedBy ? { approvedBy: { ...approvedBy } } : {});
  items.forEach((item, line) => {
    if (item.weightOverride) {
      const { was, reason, by, approvedBy } = item.weightOverride;
      adjustments.push({ kind: 'weight-override', line, was, amount: item.quantity, reason, by: { ...by }, ...approval(approvedBy) });
    }
    if (item.priceOverride) {
      adjustments.push({ kind: 'price-override', line, amount: item.priceOverride.unitPrice, reason: item.priceOverride.reason, by: { ...item.priceOverride.by }, ...approval(item.priceOverride.approvedBy) });
    }
    if (item.discount) {
      adjustments.push({
        kind: 'line-discount',
        line,
        ...(item.discount.percent !== undefined ? { percent: item.discount.percent } : {}),
        amount: toFixedString(lineDiscounts[line], rules.currencyDecimals),
        reason: item.discount.reason,
        by: { ...item.discount.by },
        ...approval(item.discount.approvedBy),
      });
    }
  });
  if (orderDiscount) {
    adjustments.push({
      kind: 'order-discount',
      ...(orderDiscount.percent !== undefined ? { percent: orderDiscount.percent } : {}),
      amount: toFixedString(orderAmount, rules.currencyDecimals),
      reason: orderDiscount.reason,
      by: { ...orderDiscount.by },
      ...approval(orderDiscount.approvedBy),
    });
  }
  return { ...priced, shelfPrices: items.map((item) => (item.priceOverride ? item.product.price : undefined)), adjustments };
}

export function priceItems(items: readonly CartItem[], rules: PricingRules, orderDiscount?: DiscountInput): PricedSale {
  return priceSale(items, orderDiscount, rules);
}

/** Where a customer's payment stands: what is left to pay, and what that is in cash after rounding. */
export interface PaymentProgress {
  paid: Dec;
  remaining: Dec;
  /** What is left, rounded to the store's smallest coin: what to ask for in cash. */
  cashDue: Dec;
}

export function paymentProgress(total: DecimalString, payments: readonly Payment[], cashStep: DecimalString | undefined): PaymentProgress {
  const paid = sum(payments.map((payment) => payment.amount));
  const remaining = Dec.max(dec(total).minus(paid), 0);
  return { paid, remaining, cashDue: roundToCashStep(remaining, cashStep) };
}

/**
 * Turns what the customer handed over into the sale's payments, in the order given. Cards and
 * vouchers pay an amount up to what is left; cash pays what is left (rounded to the store's smallest
 * coin when cash closes the sale) and gives change, or pays in part when it does not cover it. The
 * sale completes only when fully paid; one with nothing to pay takes no tender and records a cash
 * payment of zero. Answers the payments and the cash rounding taken.
 */
export function settlePayments(total: DecimalString, tenders: readonly TenderInput[], rules: Pick<PricingRules, 'currencyDecimals'>, cashStep?: DecimalString): { payments: Payment[]; cashRounding: Dec } {
  const places = rules.currencyDecimals;
  const fixed = (value: Dec) => toFixedString(value, places);
  let remaining = dec(total);
  let cashRounding = new Dec(0);
  const payments: Payment[] = [];
  tenders.forEach((tender, index) => {
    if (remaining.lte(0)) throw new PricingError('the sale is already paid: no further payment is taken');
    if (tender.tender === 'cash') {
      const tendered = dec(tender.tendered);
      if (tendered.lte(0)) throw new PricingError('cash handed over must be more than zero');
      const due = roundToCashStep(remaining, cashStep);
      if (tendered.gte(due)) {
        payments.push({ tender: 'cash', amount: fixed(due), tendered: fixed(tendered), change: fixed(tendered.minus(due)) });
        cashRounding = due.minus(remaining);
        remaining = new Dec(0);
      } else if (tendered.gte(remaining)) {
        // Enough for the exact amount but short of the amount rounded up to whole coins.
        throw new PricingError(`${fixed(due)} is due in cash (rounded to ${cashStep}): ${fixed(tendered)} is not enough`);
      } else {
        payments.push({ tender: 'cash', amount: fixed(tendered), tendered: fixed(tendered), change: fixed(new Dec(0)) });
        remaining = remaining.minus(tendered);
      }
      return;
    }
    const amount = dec(tender.amount);
    if (amount.lte(0)) throw new PricingError(`payment ${index + 1}: the amount must be more than zero`);
    if (amount.gt(remaining)) throw new PricingError(`payment ${index + 1}: ${fixed(amount)} by ${tender.tender} is more than the ${fixed(remaining)} left to pay`);
    if (tender.tender === 'card') {
      if (!/^\d{4}$/.test(tender.card.last4)) throw new PricingError('a card is recorded by its last four digits only');
      if (tender.card.brand.trim() === '') throw new PricingError('a card payment names the card brand');
      payments.push({ tender: 'card', amount: fixed(amount), tendered: fixed(amount), change: fixed(new Dec(0)), card: { brand: tender.card.brand.trim(), last4: tender.card.last4 } });
    } else {
      if (tender.voucher.code.trim() === '') throw new PricingError('a voucher payment names the voucher code');
      payments.push({ tender: 'voucher', amount: fixed(amount), tendered: fixed(amount), change: fixed(new Dec(0)), voucher: { code: tender.voucher.code.trim() } });
    }
    remaining = remaining.minus(amount);
  });
  if (remaining.gt(0)) throw new PricingError(`${fixed(remaining)} is still to pay`);
  // A sale its discounts made free is settled with nothing handed over; a sale names how it was paid.
  if (payments.length === 0) payments.push({ tender: 'cash', amount: fixed(new Dec(0)), tendered: fixed(new Dec(0)), change: fixed(new Dec(0)) });
  return { payments, cashRounding };
}

/** Where, when, by whom and in which shift a document was made, and its number: shared by sales and returns. */
function madeAt(context: Omit<SaleContext, 'store'> & { store: Pick<Store, 'id' | 'code'> }) {
  return {
    storeId: context.store.id,
    tillId: context.till.id,
    number: context.number,
    receiptNumber: receiptNumber(context.store.code, context.till.code, context.number),
    cashierId: context.cashier.id,
    cashierName: context.cashier.name,
    ...(context.shiftId ? { shiftId: context.shiftId } : {}),
    ...(context.customer ? { customer: { ...context.customer } } : {}),
    completedAt: context.completedAt,
  };
}

/** A document's cash rounding with the coin step it rounded to; nothing when it rounded nothing. */
function roundingFields(cashRounding: Dec, currencyDecimals: number, step: DecimalString | undefined): Pick<Sale, 'cashRounding' | 'cashRoundingStep'> {
  return cashRounding.isZero() ? {} : { cashRounding: toFixedString(cashRounding, currencyDecimals), cashRoundingStep: step };
}

/** A document's lines from priced lines, with what the receipt says of each product. */
function documentLines(priced: readonly PricedLine[], describe: (index: number) => Pick<SaleLine, 'sku' | 'name' | 'unit'>): SaleLine[] {
  return priced.map((line, index) => {
    const { sku, name, unit } = describe(index);
    return {
      productId: line.productId,
      sku,
      name,
      unit,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      ...(line.discount === undefined ? {} : { discount: line.discount }),
      ...(line.orderDiscount === undefined ? {} : { orderDiscount: line.orderDiscount }),
      taxClassId: line.taxClassId,
      taxRatePercent: line.taxRatePercent,
      net: line.net,
      tax: line.tax,
      gross: line.gross,
    };
  });
}

export interface SaleInput {
  items: readonly CartItem[];
  orderDiscount?: DiscountInput;
  payments: readonly TenderInput[];
  /** Lines taken out of the cart before it was paid. */
  voids?: readonly VoidedLine[];
}

/**
 * Builds the one document that records a sale: lines with their discounts and overrides, taxes,
 * payments, what was voided, and the stock effect. Throws a PricingError when the cart cannot be sold
 * as it is (empty, a discount above its line, not fully paid).
 */
export function buildSale(input: SaleInput, context: SaleContext): Sale {
  const { items } = input;
  if (items.length === 0) throw new PricingError('a sale needs at least one line');
  for (const item of items) {
    // A sale only takes goods out; a return is its own document.
    if (dec(item.quantity).lte(0)) throw new PricingError(`quantity of ${item.product.name} must be more than zero`);
    if (item.priceOverride && dec(item.priceOverride.unitPrice).isNegative()) throw new PricingError(`the price of ${item.product.name} cannot be negative`);
  }
  const rules = context.store.pricing;
  const priced = priceSale(items, input.orderDiscount, rules);
  const { payments, cashRounding } = settlePayments(priced.totals.gross, input.payments, rules, context.store.cashRounding);
  const lines = documentLines(priced.lines, (index) => items[index].product).map((line, index) => ({
    ...line,
    ...(priced.shelfPrices[index] === undefined ? {} : { shelfPrice: priced.shelfPrices[index] }),
    ...(items[index].weighing === undefined ? {} : { weighing: items[index].weighing }),
  }));
  return {
    id: context.id,
    kind: 'sale',
    ...madeAt(context),
    currency: context.store.currency,
    pricing: { ...rules },
    lines,
    taxes: priced.taxes,
    totals: priced.totals,
    ...(priced.adjustments.length > 0 ? { adjustments: priced.adjustments } : {}),
    ...(input.voids && input.voids.length > 0 ? { voids: input.voids.map((line) => ({ ...line, by: { ...line.by } })) } : {}),
    ...roundingFields(cashRounding, rules.currencyDecimals, context.store.cashRounding),
    payments,
    stockMovements: movementsOf(lines, -1),
  };
}

/**
 * Why a cart item's weighing cannot be sold as it is: a weighing on goods sold by the piece, or a
 * weight override of a weight no scale label gave, or one that changes nothing.
 */
function weighingProblem(item: CartItem): string | null {
  const name = item.product.name;
  if (item.weighing !== undefined && item.product.unit !== 'kg') return `${name} is sold ${soldBy(item.product.unit)}: only goods sold by the kg are weighed`;
  const override = item.weightOverride;
  if (!override) return null;
  if (item.weighing !== 'scale') return `${name}: only a scale label's weight is overridden; a weight keyed in is changed in the cart`;
  if (!isDecimalString(override.was) || dec(override.was).lte(0)) return `${name}: the label's weight ${override.was} is not a weight`;
  if (dec(override.was).eq(dec(item.quantity))) return `${name}: ${item.quantity} kg is the label's weight; there is nothing to override`;
  return null;
}

/** A sale paid in cash alone, with no discounts: the simplest counter sale. */
export function buildCashSale(items: readonly CartItem[], tendered: DecimalString, context: SaleContext): Sale {
  return buildSale({ items, payments: [{ tender: 'cash', tendered }] }, context);
}

const AMOUNT_FIELDS = ['net', 'tax', 'gross'] as const;

/** A sale's discounts and overrides recomputed from its lines: what its adjustments must say. */
function adjustmentProblems(sale: Sale): string[] {
  const problems: string[] = [];
  const rules = sale.pricing;
  const adjustments = sale.adjustments ?? [];
  if (isReturn(sale)) {
    if (adjustments.length > 0) problems.push('adjustments: a return refunds what was charged and gives no discounts of its own');
    if (sale.lines.some((line) => line.orderDiscount !== undefined || line.shelfPrice !== undefined)) problems.push('a return’s lines carry their share of the sale’s discounts as discount only');
    return problems;
  }
  if (sale.lines.some((line) => line.originalLine !== undefined)) problems.push('originalLine: only a return’s lines refer to a sale');
  if (sale.lines.some((line) => dec(line.discount ?? '0').isNegative() || dec(line.orderDiscount ?? '0').isNegative())) problems.push('a sale’s discounts cannot be negative');
  const perLine = (kind: SaleAdjustment['kind']) => {
    const found = new Map<number, SaleAdjustment>();
    for (const adjustment of adjustments.filter((candidate) => candidate.kind === kind)) {
      if (adjustment.line === undefined || adjustment.line >= sale.lines.length) problems.push(`${kind}: names no line of this sale`);
      else if (found.has(adjustment.line)) problems.push(`${kind}: line ${adjustment.line + 1} has more than one`);
      else found.set(adjustment.line, adjustment);
    }
    return found;
  };
  const overrides = perLine('price-override');
  const discounts = perLine('line-discount');
  const weights = perLine('weight-override');
  if (adjustments.some((adjustment) => adjustment.was !== undefined && adjustment.kind !== 'weight-override')) problems.push('was: only a weight override says what the scale label weighed');
  sale.lines.forEach((line, index) => {
    if (line.weighing !== undefined && line.unit !== 'kg') problems.push(`line ${index + 1}: sold ${soldBy(line.unit)}, so it is not weighed (only goods sold by the kg are)`);
    const weight = weights.get(index);
    if (weight) {
      // The label's weight is what the customer is charged unless a manager says otherwise, so the
      // override names it, and the weight charged is the line's.
      if (line.weighing !== 'scale') problems.push(`line ${index + 1}: a weight override changes a scale label's weight, and the line says it was ${line.weighing === 'keyed' ? 'keyed in' : 'not weighed'}`);
      if (!dec(weight.amount).eq(dec(line.quantity))) problems.push(`line ${index + 1}: weight overridden to ${weight.amount} kg, charged for ${line.quantity} kg`);
      const labelProblem = weight.was === undefined ? 'is missing' : quantityProblem(weight.was, 'kg');
      if (labelProblem) problems.push(`line ${index + 1}: the scale label's weight (was) ${labelProblem}`);
      else if (dec(weight.was!).eq(dec(weight.amount))) problems.push(`line ${index + 1}: a weight override of ${weight.amount} kg changes nothing on a label of ${weight.was} kg`);
      if (weight.percent !== undefined) problems.push(`line ${index + 1}: a weight override has no percent`);
    }
    const override = overrides.get(index);
    if ((override === undefined) !== (line.shelfPrice === undefined)) problems.push(`line ${index + 1}: a price override and the shelf price it replaced go together`);
    if (override && !dec(override.amount).eq(dec(line.unitPrice))) problems.push(`line ${index + 1}: overridden to ${override.amount}, charged at ${line.unitPrice}`);
    const discount = discounts.get(index);
    const given = dec(line.discount ?? '0');
    if (!given.eq(dec(discount?.amount ?? '0'))) problems.push(`line ${index + 1}: discount is ${line.discount ?? '0'}, its adjustment says ${discount?.amount ?? 'none'}`);
    if (discount?.percent !== undefined && !given.eq(percentOf(shelfAmount(line.quantity, line.unitPrice, rules), discount.percent, rules))) {
      problems.push(`line ${index + 1}: ${discount.percent} % is not ${line.discount}`);
    }
  });
  const orders = adjustments.filter((adjustment) => adjustment.kind === 'order-discount');
  if (orders.length > 1) problems.push('order-discount: a sale has one');
  const order = orders[0];
  const afterLines = sale.lines.map((line) => shelfAmount(line.quantity, line.unitPrice, rules).minus(dec(line.discount ?? '0')));
  const orderAmount = dec(order?.amount ?? '0');
  if (order?.percent !== undefined && !orderAmount.eq(percentOf(sum(afterLines), order.percent, rules))) problems.push(`order-discount: ${order.percent} % is not ${order.amount}`);
  try {
    const shares = spreadOrderDiscount(afterLines, orderAmount, rules.currencyDecimals);
    sale.lines.forEach((line, index) => {
      if (!dec(line.orderDiscount ?? '0').eq(shares[index])) problems.push(`line ${index + 1}: its share of the order discount is ${line.orderDiscount ?? '0'}, expected ${shares[index].toFixed(rules.currencyDecimals)}`);
    });
  } catch (error) {
    problems.push(`order-discount: ${(error as Error).message}`);
  }
  return problems;
}

function paymentProblems(sale: Sale): string[] {
  const problems: string[] = [];
  const rounding = dec(sale.cashRounding ?? '0');
  const paid = sum(sale.payments.map((payment) => payment.amount));
  const due = dec(sale.totals.gross).plus(rounding);
  if (!paid.eq(due)) problems.push(`payments add up to ${paid.toFixed()}, total is ${sale.totals.gross}${rounding.isZero() ? '' : ` with cash rounding ${sale.cashRounding}`}`);
  if (!rounding.isZero() && !sale.payments.some((payment) => payment.tender === 'cash')) problems.push('cashRounding: only a cash payment is rounded');
  problems.push(...cashRoundingProblems(sale));
  for (const payment of sale.payments) {
    if (dec(payment.amount).isNegative()) problems.push(`a payment of ${payment.amount} is negative`);
    if (dec(payment.tendered).lt(dec(payment.amount))) problems.push(`tendered ${payment.tendered} does not cover ${payment.amount}`);
    if (!dec(payment.tendered).minus(dec(payment.amount)).eq(dec(payment.change))) {
      problems.push(`change ${payment.change} does not match tendered ${payment.tendered} for ${payment.amount}`);
    }
    if (payment.tender !== 'cash' && !dec(payment.change).isZero()) problems.push(`${payment.tender} gives no change`);
    if ((payment.tender === 'card') !== (payment.card !== undefined)) problems.push('a card payment, and only a card payment, records the card’s brand and last four digits');
    if ((payment.tender === 'voucher') !== (payment.voucher !== undefined)) problems.push('a voucher payment, and only a voucher payment, records the voucher code');
  }
  return problems;
}

/**
 * Cash rounding names the coin step it rounded to, and rounds by at most half of it: the cash part
 * is a whole number of steps. A step above 100 minor units (1.00 EUR) is no coin a shop rounds to,
 * so a till cannot hide a discount in its rounding. The step is the one on the sale, not the store's
 * today: a till offline when head office changed it rounded by the step it knew.
 */
function cashRoundingProblems(sale: Sale): string[] {
  if (sale.cashRounding === undefined && sale.cashRoundingStep === undefined) return [];
  if (sale.cashRounding === undefined || sale.cashRoundingStep === undefined) return ['cashRounding and cashRoundingStep go together'];
  const step = dec(sale.cashRoundingStep);
  const largest = new Dec(100).div(new Dec(10).pow(sale.pricing.currencyDecimals));
  if (step.lte(0) || step.gt(largest)) return [`cashRoundingStep ${sale.cashRoundingStep} is no coin a shop rounds to`];
  const problems: string[] = [];
  // A return's refunds are rounded cumulatively (see refundPayments): one of them may move by up to
  // a step less a minor unit, their sum by half a step (see returnProblems).
  if (isReturn(sale) ? dec(sale.cashRounding).abs().gte(step) : dec(sale.cashRounding).abs().gt(step.div(2))) {
    problems.push(`cash rounding ${sale.cashRounding} is more than ${isReturn(sale) ? 'a step' : 'half'} of ${sale.cashRoundingStep}`);
  }
  const cash = sale.payments.filter((payment) => payment.tender === 'cash').at(-1);
  if (cash && !dec(cash.amount).mod(step).isZero()) problems.push(`the rounded cash ${cash.amount} is not a whole number of ${sale.cashRoundingStep} steps`);
  return problems;
}

/**
 * Whether a figure a document carries is the amount expected. A till's figures are mostly written as
 * the server computes them ("12.50" for "12.50"), and the same text is the same amount without
 * parsing either; "12.5" for "12.50" is compared as decimals.
 */
function sameAmount(given: DecimalString, expected: DecimalString): boolean {
  return given === expected || dec(given).eq(dec(expected));
}

/**
 * The arithmetic a sale must satisfy whoever made it: lines, discounts, taxes and totals recomputed
 * from its own quantities, prices and rules; payments cover the total; the stock effect matches the
 * lines. Returns the problems found, empty when the sale adds up.
 */
export function checkSaleArithmetic(sale: Sale): string[] {
  const problems: string[] = [];
  const nonPositive = sale.lines.findIndex((line) => isDecimalString(line.quantity) && dec(line.quantity).lte(0));
  if (nonPositive >= 0) return [`line ${nonPositive + 1}: quantity must be positive`];
  let priced;
  try {
    priced = priceCart(lineInputs(sale.lines), sale.pricing);
  } catch (error) {
    return [`lines cannot be priced: ${(error as Error).message}`];
  }
  sale.lines.forEach((line, index) => {
    const expected = priced.lines[index];
    for (const field of AMOUNT_FIELDS) {
      if (!sameAmount(line[field], expected[field])) {
        problems.push(`line ${index + 1}: ${field} is ${line[field]}, expected ${expected[field]}`);
      }
    }
  });
  for (const field of AMOUNT_FIELDS) {
    if (!sameAmount(sale.totals[field], priced.totals[field])) {
      problems.push(`totals.${field} is ${sale.totals[field]}, expected ${priced.totals[field]}`);
    }
  }
  const expectedTaxes = new Map(priced.taxes.map((tax) => [`${tax.taxClassId}|${dec(tax.taxRatePercent).toFixed()}`, tax]));
  if (sale.taxes.length !== expectedTaxes.size) problems.push(`taxes has ${sale.taxes.length} rows, expected ${expectedTaxes.size}`);
  for (const tax of sale.taxes) {
    const expected = expectedTaxes.get(`${tax.taxClassId}|${dec(tax.taxRatePercent).toFixed()}`);
    if (!expected) {
      problems.push(`taxes: no line is taxed as ${tax.taxClassId} at ${tax.taxRatePercent}%`);
      continue;
    }
    for (const field of AMOUNT_FIELDS) {
      if (!sameAmount(tax[field], expected[field])) {
        problems.push(`taxes ${tax.taxClassId} ${tax.taxRatePercent}%: ${field} is ${tax[field]}, expected ${expected[field]}`);
      }
    }
  }
  problems.push(...adjustmentProblems(sale), ...paymentProblems(sale));
  const returning = isReturn(sale);
  if (!returning && (sale.returnOf || sale.approvedBy)) problems.push('returnOf and approvedBy: only a return refers to a sale or carries a manager’s approval of itself');
  if (returning && !sale.returnOf && !sale.approvedBy) problems.push('a return names the sale it returns, or carries the approval of the manager who allowed it without a receipt');
  if (returning && !sale.returnOf && sale.lines.some((line) => line.originalLine !== undefined || line.discount !== undefined)) problems.push('a return without a receipt refunds at the shelf price, line by line');
  if (returning && sale.voids) problems.push('voids: a return voids nothing');
  if (!returning && sale.lines.some((line) => line.restock !== undefined)) problems.push('restock: only a return’s lines say where the goods go');
  if (returning && sale.lines.some((line) => line.restock === undefined)) problems.push('restock: each line of a return says whether its goods go back on the shelf');
  if (!returning && sale.lines.some((line) => line.returnReason !== undefined)) problems.push('returnReason: only a return’s lines say why they came back');
  // A sale takes its goods off the shelf; a return puts back what it restocks, and writes off the rest.
  const expectedMovements = returning ? movementsOf(sale.lines.filter((line) => line.restock), 1) : movementsOf(sale.lines, -1);
  const given = new Map(sale.stockMovements.map((movement) => [movement.productId, dec(movement.quantity)]));
  const matches =
    given.size === sale.stockMovements.length &&
    expectedMovements.length === given.size &&
    expectedMovements.every((movement) => given.get(movement.productId)?.eq(dec(movement.quantity)));
  if (!matches) problems.push('stockMovements do not match the lines');
  return problems;
}

/**
 * The percent of its base a discount adjustment took off (a line's shelf amount, or the order's): the
 * percent given when the amount is that percent rounded to the cent (10 % of 3.57 is 0.36, which is
 * 10.08 % of it, and is still the 10 % the cashier gave), else what the amount is of the base.
 */
export function discountPercent(sale: Pick<Sale, 'lines' | 'pricing'>, adjustment: SaleAdjustment): Dec {
  const rules = sale.pricing;
  const base =
    adjustment.kind === 'line-discount'
      ? shelfAmount(sale.lines[adjustment.line ?? 0].quantity, sale.lines[adjustment.line ?? 0].unitPrice, rules)
      : sum(sale.lines.map((line) => shelfAmount(line.quantity, line.unitPrice, rules).minus(dec(line.discount ?? '0'))));
  if (adjustment.percent !== undefined && percentOf(base, adjustment.percent, rules).eq(dec(adjustment.amount))) return dec(adjustment.percent);
  return base.isZero() ? new Dec(0) : dec(adjustment.amount).div(base).mul(100);
}

/** The largest discount in percent a role may give alone; null: no limit. */
export function discountLimit(role: CashierRole, store: Pick<Store, 'discountLimits'>): Dec | null {
  if (role === 'manager') return null;
  return dec((store.discountLimits ?? DEFAULT_DISCOUNT_LIMITS)[role]);
}

/** Whether a discount of `percent` given by `role` needs a manager's PIN. */
export function discountNeedsManager(role: CashierRole, percent: Dec, store: Pick<Store, 'discountLimits'>): boolean {
  const limit = discountLimit(role, store);
  return limit !== null && percent.gt(limit);
}

/**
 * Who may do what: a discount above its giver's limit, every price or weight override and every
 * return without a receipt carry a manager's approval. `roleOf` answers the role of a cashier of the store (undefined
 * for someone who is not one). The server checks this on every sale; the till asks for the PIN.
 */
export function approvalProblems(sale: Sale, store: Pick<Store, 'discountLimits'>, roleOf: (cashierId: string) => CashierRole | undefined): string[] {
  const problems: string[] = [];
  const isManager = (person: Person | undefined) => person !== undefined && roleOf(person.id) === 'manager';
  for (const adjustment of sale.adjustments ?? []) {
    const role = roleOf(adjustment.by.id);
    const what = adjustment.kind === 'order-discount' ? 'order discount' : `${adjustment.kind.replace('-', ' ')} on line ${(adjustment.line ?? 0) + 1}`;
    if (role === undefined) {
      problems.push(`${what}: ${adjustment.by.name} is not a cashier of this store`);
      continue;
    }
    if (adjustment.approvedBy && !isManager(adjustment.approvedBy)) problems.push(`${what}: approved by ${adjustment.approvedBy.name}, who is not a manager of this store`);
    // Given by the cashier who made the sale; anyone else's name needs a manager's approval as well.
    if (adjustment.by.id !== sale.cashierId && !isManager(adjustment.approvedBy)) problems.push(`${what}: given by ${adjustment.by.name}, but ${sale.cashierName} made the sale`);
    if (adjustment.kind === 'price-override' || adjustment.kind === 'weight-override') {
      if (role !== 'manager' && !isManager(adjustment.approvedBy)) problems.push(`${what}: a ${adjustment.kind.replace('-', ' ')} needs a manager`);
    } else if (discountNeedsManager(role, discountPercent(sale, adjustment), store) && !isManager(adjustment.approvedBy)) {
      problems.push(`${what}: ${discountPercent(sale, adjustment).toDecimalPlaces(2).toFixed()} % is above a ${role}’s limit and needs a manager`);
    }
  }
  if (isReturn(sale) && !sale.returnOf && !isManager(sale.approvedBy)) problems.push('a return without a receipt needs a manager’s approval');
  if (isReturn(sale) && sale.returnOf && sale.approvedBy && !isManager(sale.approvedBy)) problems.push(`a return is approved by a manager, and ${sale.approvedBy.name} is not one of this store`);
  return problems;
}

/** One line of a return: how much of a product comes back, and whether it goes back on the shelf. */
export interface ReturnLine {
  productId: string;
  quantity: DecimalString;
  restock: boolean;
  /** Why the customer brought it back (see RETURN_REASONS); recorded on each document line it becomes. */
  reason?: string;
}

/**
 * The reasons a cashier chooses from for each returned line, so head office can count them; "Other"
 * asks for a few words of its own.
 */
export const RETURN_REASONS = ['Damaged', 'Faulty', 'Wrong item', 'Not wanted', 'Other'] as const;
export type ReturnReasonChoice = (typeof RETURN_REASONS)[number];

/** The schema's bound on a line's returnReason. */
const RETURN_REASON_MAX = 200;

/**
 * The reason recorded for a returned line: the choice itself, or "Other: " and the words typed for
 * Other. Undefined while nothing is chosen, or Other has no words yet.
 */
export function returnReasonText(choice: ReturnReasonChoice | '', otherWords = ''): string | undefined {
  if (choice === '') return undefined;
  if (choice !== 'Other') return choice;
  const words = otherWords.trim();
  return words === '' ? undefined : `Other: ${words}`.slice(0, RETURN_REASON_MAX);
}

/** A returned line's reason as the document records it; throws when it is blank or too long to keep. */
function returnReasonField(reason: string | undefined, name: string): Pick<SaleLine, 'returnReason'> {
  if (reason === undefined) return {};
  const text = reason.trim();
  if (text === '' || text.length > RETURN_REASON_MAX) throw new PricingError(`${name}: a return reason is 1 to ${RETURN_REASON_MAX} characters (is ${text.length})`);
  return { returnReason: text };
}

/**
 * Takes `quantity` of a product off the sale's lines that sold it, first line first, within what each
 * has left to return. Answers the pieces, and how much could not be placed (more than was sold).
 */
function allocate(original: Pick<Sale, 'lines'>, returned: Dec[], productId: string, quantity: Dec): { pieces: { line: number; quantity: Dec }[]; unplaced: Dec } {
  const pieces: { line: number; quantity: Dec }[] = [];
  let left = quantity;
  original.lines.forEach((line, index) => {
    if (left.lte(0) || line.productId !== productId) return;
    const room = dec(line.quantity).minus(returned[index]);
    if (room.lte(0)) return;
    const take = Dec.min(room, left);
    pieces.push({ line: index, quantity: take });
    left = left.minus(take);
  });
  return { pieces, unplaced: left };
}

/**
 * Per line of a sale, what returns against it took back. Returns made before lines named their sale
 * line are placed on the product's lines first line first, as they were then counted.
 */
export function returnedPerLine(original: Pick<Sale, 'lines'>, earlierReturns: readonly Pick<Sale, 'lines'>[]): Dec[] {
  const returned = original.lines.map(() => new Dec(0));
  for (const earlier of earlierReturns) {
    for (const line of earlier.lines) {
      if (line.originalLine !== undefined && line.originalLine < returned.length) {
        returned[line.originalLine] = returned[line.originalLine].plus(dec(line.quantity));
        continue;
      }
      const { pieces, unplaced } = allocate(original, returned, line.productId, dec(line.quantity));
      for (const piece of pieces) returned[piece.line] = returned[piece.line].plus(piece.quantity);
      const last = original.lines.map((sold) => sold.productId).lastIndexOf(line.productId);
      if (unplaced.gt(0) && last >= 0) returned[last] = returned[last].plus(unplaced);
    }
  }
  return returned;
}

/** Per product, what a sale sold less what earlier returns against it took back. */
export function returnableQuantities(original: Pick<Sale, 'lines'>, earlierReturns: readonly Pick<Sale, 'lines'>[]): Map<string, Dec> {
  const returned = returnedPerLine(original, earlierReturns);
  const left = new Map<string, Dec>();
  original.lines.forEach((line, index) => left.set(line.productId, (left.get(line.productId) ?? new Dec(0)).plus(dec(line.quantity)).minus(returned[index])));
  return left;
}

/**
 * Per product of a sale, the price per unit a return refunds: the unit price charged, or where the
 * line was discounted, what was paid for it (after its own discount and its share of the order
 * discount) over its quantity, to the currency's places. One price per sale line that still has
 * something left to return, in the order a return takes them (first line first), without repeats;
 * the sale's lines of the product when nothing is left. The refund itself is rounded once per return
 * over the whole quantity (see returnDiscount), so it may differ from price x quantity by a cent.
 */
export function returnUnitPrices(original: Pick<Sale, 'lines' | 'pricing'>, earlierReturns: readonly Pick<Sale, 'lines'>[]): Map<string, DecimalString[]> {
  const rules = original.pricing;
  const returned = returnedPerLine(original, earlierReturns);
  const unitPrice = (line: SaleLine): DecimalString => {
    const discounts = dec(line.discount ?? '0').plus(dec(line.orderDiscount ?? '0'));
    if (discounts.isZero()) return line.unitPrice;
    const paid = shelfAmount(line.quantity, line.unitPrice, rules).minus(discounts);
    return toFixedString(round2Half(paid.div(dec(line.quantity)), rules), rules.currencyDecimals);
  };
  const prices = new Map<string, DecimalString[]>();
  for (const productId of new Set(original.lines.map((line) => line.productId))) {
    const lines = original.lines.map((line, index) => ({ line, index })).filter(({ line }) => line.productId === productId);
    const open = lines.filter(({ line, index }) => dec(line.quantity).gt(returned[index]));
    const shown = (open.length > 0 ? open : lines).map(({ line }) => unitPrice(line));
    prices.set(productId, shown.filter((price, at) => shown.findIndex((other) => dec(other).eq(dec(price))) === at));
  }
  return prices;
}

/**
 * What a returned piece takes off its shelf amount so the refund is exactly what the customer paid
 * for it: the line's paid amount (after its own and its share of the order discount) is refunded
 * cumulatively, rounded once per return, so the returns that take a whole line back refund exactly
 * what the line cost, never a cent more, whatever the split (0.2 kg then 0.175 kg of 0.375 kg sold
 * for 0.93 refund 0.50 and 0.43). The answer may be a cent below zero when a piece's own shelf
 * amount rounds down further than its share of what was paid.
 */
function returnDiscount(sold: SaleLine, alreadyReturned: Dec, quantity: Dec, rules: PricingRules): Dec {
  const paid = shelfAmount(sold.quantity, sold.unitPrice, rules).minus(dec(sold.discount ?? '0')).minus(dec(sold.orderDiscount ?? '0'));
  const whole = dec(sold.quantity);
  const upTo = (returned: Dec) => round2Half(paid.mul(returned).div(whole), rules);
  const refund = upTo(alreadyReturned.plus(quantity)).minus(upTo(alreadyReturned));
  return shelfAmount(toQuantityString(quantity), sold.unitPrice, rules).minus(refund);
}

/** The rules a document was priced by, in a fixed order, to compare two documents' rules. */
function pricingKey(rules: PricingRules): [boolean, string, string, number] {
  return [rules.pricesIncludeTax, rules.taxRounding, rules.roundingMode, rules.currencyDecimals];
}

function round2Half(value: Dec, rules: PricingRules): Dec {
  return value.toDecimalPlaces(rules.currencyDecimals, rules.roundingMode === 'half-even' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP);
}

/** Identifies the tender a payment went to, so a refund goes back to the same card or voucher. */
function tenderKey(payment: Payment): string {
  if (payment.card) return `card|${payment.card.brand}|${payment.card.last4}`;
  if (payment.voucher) return `voucher|${payment.voucher.code}`;
  return payment.tender;
}

/** Per tender of a sale, what it paid less what earlier returns refunded to it. */
function refundableByTender(original: Pick<Sale, 'payments'>, earlierReturns: readonly Pick<Sale, 'payments'>[]): Map<string, Dec> {
  const left = new Map<string, Dec>();
  for (const payment of original.payments) left.set(tenderKey(payment), (left.get(tenderKey(payment)) ?? new Dec(0)).plus(dec(payment.amount)));
  for (const earlier of earlierReturns) {
    for (const payment of earlier.payments) left.set(tenderKey(payment), (left.get(tenderKey(payment)) ?? new Dec(0)).minus(dec(payment.amount)));
  }
  return left;
}

/** Where a refund goes: back to the tenders the sale was paid with (cards and vouchers first), or all in cash. */
export type RefundTo = 'original' | 'cash';

/**
 * The payments of a refund. To the original tender: each card and voucher of the sale takes back
 * up to what it paid (less earlier refunds to it), the rest goes out in cash. Cash paid out is
 * rounded to the store's smallest coin.
 */
export function refundPayments(
  original: Pick<Sale, 'payments'> | undefined,
  earlierReturns: readonly Pick<Sale, 'payments' | 'cashRounding'>[],
  refund: Dec,
  to: RefundTo,
  rules: Pick<PricingRules, 'currencyDecimals'>,
  cashStep?: DecimalString,
): { payments: Payment[]; cashRounding: Dec } {
  const fixed = (value: Dec) => toFixedString(value, rules.currencyDecimals);
  const payments: Payment[] = [];
  let left = refund;
  if (to === 'original' && original) {
    const refundable = refundableByTender(original, earlierReturns);
    const seen = new Set<string>();
    for (const payment of original.payments) {
      const key = tenderKey(payment);
      if (payment.tender === 'cash' || seen.has(key) || left.lte(0)) continue;
      seen.add(key);
      const amount = Dec.min(left, Dec.max(refundable.get(key) ?? new Dec(0), 0));
      if (amount.lte(0)) continue;
      payments.push({ ...payment, amount: fixed(amount), tendered: fixed(amount), change: fixed(new Dec(0)) });
      left = left.minus(amount);
    }
  }
  let cashRounding = new Dec(0);
  if (left.gt(0) || payments.length === 0) {
    // Rounded cumulatively over the sale's returns, so ten returns of 1.03 pay out 10.30 rounded once
    // (10.30), not ten times 1.05: what earlier returns paid in cash and what they rounded by.
    const paidBefore = sum(earlierReturns.flatMap((earlier) => earlier.payments.filter((payment) => payment.tender === 'cash').map((payment) => payment.amount)));
    const exactBefore = paidBefore.minus(sum(earlierReturns.map((earlier) => earlier.cashRounding ?? '0')));
    const cash = Dec.max(roundToCashStep(exactBefore.plus(left), cashStep).minus(paidBefore), 0);
    cashRounding = cash.minus(left);
    payments.push({ tender: 'cash', amount: fixed(cash), tendered: fixed(cash), change: fixed(new Dec(0)) });
  }
  return { payments, cashRounding };
}

/**
 * What is wrong with a return against its sale and the returns made against it before: products or
 * lines it did not sell, more than is left to return, other prices, tax or discounts than were
 * charged, another store, refunds to a card or voucher beyond what it paid.
 */
export function returnProblems(document: Sale, original: Sale, earlierReturns: readonly Sale[]): string[] {
  const problems: string[] = [];
  if (isReturn(original)) return [`${original.receiptNumber} is itself a return`];
  if (document.returnOf?.receiptNumber !== original.receiptNumber) problems.push(`returnOf.receiptNumber is ${document.returnOf?.receiptNumber}, the sale's is ${original.receiptNumber}`);
  if (document.storeId !== original.storeId) problems.push(`the sale ${original.receiptNumber} was made in another store`);
  const rules = original.pricing;
  if (document.currency !== original.currency || JSON.stringify(pricingKey(document.pricing)) !== JSON.stringify(pricingKey(rules))) {
    problems.push(`a return is priced by its sale's rules and currency (${original.currency}, ${JSON.stringify(pricingKey(rules))})`);
  }
  const roundings = sum([...earlierReturns, document].map((earlier) => earlier.cashRounding ?? '0'));
  if (document.cashRoundingStep !== undefined && roundings.abs().gt(dec(document.cashRoundingStep).div(2))) {
    problems.push(`the returns against ${original.receiptNumber} round their cash refunds by ${roundings.toFixed()} together, more than half of ${document.cashRoundingStep}`);
  }
  const returned = returnedPerLine(original, earlierReturns);
  for (const line of document.lines) {
    const quantity = dec(line.quantity);
    if (line.originalLine === undefined) {
      // A return made before lines named their sale line: checked per product, at the first line's price.
      const sold = original.lines.find((candidate) => candidate.productId === line.productId);
      if (!sold) {
        problems.push(`${line.name}: not on receipt ${original.receiptNumber}`);
        continue;
      }
      if (!dec(sold.unitPrice).eq(dec(line.unitPrice)) || !dec(sold.taxRatePercent).eq(dec(line.taxRatePercent)) || sold.taxClassId !== line.taxClassId) {
        problems.push(`${line.name}: refunded at ${line.unitPrice} (${line.taxRatePercent}%), sold at ${sold.unitPrice} (${sold.taxRatePercent}%)`);
      }
      if (line.discount !== undefined) problems.push(`${line.name}: a discounted refund names the sale line it returns`);
      const discounted = original.lines.some((candidate) => candidate.productId === line.productId && (candidate.discount !== undefined || candidate.orderDiscount !== undefined || candidate.shelfPrice !== undefined));
      if (discounted) problems.push(`${line.name}: sold with a discount or another price, so the return names the sale line it takes back`);
      const { pieces, unplaced } = allocate(original, returned, line.productId, quantity);
      for (const piece of pieces) returned[piece.line] = returned[piece.line].plus(piece.quantity);
      if (unplaced.gt(0)) problems.push(`${line.name}: ${toQuantityString(quantity)} returned, but only ${toQuantityString(quantity.minus(unplaced))} of what ${original.receiptNumber} sold is left to return`);
      continue;
    }
    const sold = original.lines[line.originalLine];
    if (!sold || sold.productId !== line.productId) {
      problems.push(`${line.name}: line ${line.originalLine + 1} of receipt ${original.receiptNumber} did not sell it`);
      continue;
    }
    if (!dec(sold.unitPrice).eq(dec(line.unitPrice)) || !dec(sold.taxRatePercent).eq(dec(line.taxRatePercent)) || sold.taxClassId !== line.taxClassId) {
      problems.push(`${line.name}: refunded at ${line.unitPrice} (${line.taxRatePercent}%), sold at ${sold.unitPrice} (${sold.taxRatePercent}%)`);
    }
    const before = returned[line.originalLine];
    const remaining = dec(sold.quantity).minus(before);
    if (quantity.gt(remaining)) {
      problems.push(`${line.name}: ${toQuantityString(quantity)} returned, but only ${toQuantityString(Dec.max(remaining, 0))} of what ${original.receiptNumber} sold is left to return`);
    } else {
      const share = returnDiscount(sold, before, quantity, rules);
      if (!dec(line.discount ?? '0').eq(share)) problems.push(`${line.name}: refunds a discount of ${line.discount ?? '0'}, its share of what the sale charged makes it ${share.toFixed(rules.currencyDecimals)}`);
    }
    returned[line.originalLine] = before.plus(quantity);
  }
  const refundable = refundableByTender(original, earlierReturns);
  const asked = new Map<string, Dec>();
  for (const payment of document.payments.filter((candidate) => candidate.tender !== 'cash')) {
    asked.set(tenderKey(payment), (asked.get(tenderKey(payment)) ?? new Dec(0)).plus(dec(payment.amount)));
  }
  for (const [key, amount] of asked) {
    const left = refundable.get(key) ?? new Dec(0);
    if (amount.gt(left)) problems.push(`refunds ${amount.toFixed(rules.currencyDecimals)} to ${key.replaceAll('|', ' ')}, which paid only ${Dec.max(left, 0).toFixed(rules.currencyDecimals)} of ${original.receiptNumber} still unrefunded`);
  }
  if (!document.approvedBy && exactCash(document).gt(0) && cashRefundBeyondCashPaid(original, [...earlierReturns, document])) {
    problems.push(`refunds more in cash than ${original.receiptNumber} took in cash: a manager approves turning a card or voucher payment into cash`);
  }
  return problems;
}

/** The cash a sale took, before its own rounding; a return's cash refunds, before theirs. */
function exactCash(document: Pick<Sale, 'payments' | 'cashRounding'>): Dec {
  return sum(document.payments.filter((payment) => payment.tender === 'cash').map((payment) => payment.amount)).minus(dec(document.cashRounding ?? '0'));
}

/**
 * Whether the returns against a sale pay out more cash than the sale took in cash: a card or voucher
 * payment turned into cash, which needs a manager (see buildReturn's approvedBy).
 */
export function cashRefundBeyondCashPaid(original: Pick<Sale, 'payments' | 'cashRounding'>, returns: readonly Pick<Sale, 'payments' | 'cashRounding'>[]): boolean {
  return sum(returns.map((document) => exactCash(document))).gt(exactCash(original));
}

export interface ReturnContext extends Omit<SaleContext, 'store'> {
  store: Pick<Store, 'id' | 'code'> & Partial<Pick<Store, 'cashRounding' | 'currency' | 'pricing'>>;
}

export interface ReturnOptions {
  /** Back to the sale's tenders (the default) or all in cash. */
  refundTo?: RefundTo;
  /** The manager who approved a cash refund of what was paid by card or voucher. */
  approvedBy?: Person;
}

function returnDocument(context: ReturnContext, base: Pick<Sale, 'currency' | 'pricing'>, priced: PricedCart, lines: SaleLine[], refund: { payments: Payment[]; cashRounding: Dec }, extra: Partial<Sale>): Sale {
  return {
    id: context.id,
    kind: 'return',
    ...extra,
    ...madeAt(context),
    currency: base.currency,
    pricing: { ...base.pricing },
    lines,
    taxes: priced.taxes,
    totals: priced.totals,
    ...roundingFields(refund.cashRounding, base.pricing.currencyDecimals, context.store.cashRounding),
    payments: refund.payments,
    stockMovements: movementsOf(lines.filter((line) => line.restock), 1),
  };
}

/**
 * Builds the one document that records a refund against a sale: the returned lines at the prices,
 * tax and discounts the sale charged (priced by the sale's own rules), the refund paid back to the
 * sale's tenders or in cash, and the stock that goes back on the shelf. Throws when it asks for more
 * than is left to return.
 */
export function buildReturn(original: Sale, returned: readonly ReturnLine[], earlierReturns: readonly Sale[], context: ReturnContext, options: ReturnOptions = {}): Sale {
  const chosen = returned.filter((line) => dec(line.quantity).gt(0));
  if (chosen.length === 0) throw new PricingError('a return needs at least one line with a quantity');
  const rules = original.pricing;
  const already = returnedPerLine(original, earlierReturns);
  const pieces: { sold: SaleLine; line: number; quantity: Dec; discount: Dec; restock: boolean; reason: Pick<SaleLine, 'returnReason'> }[] = [];
  for (const wanted of chosen) {
    const name = original.lines.find((candidate) => candidate.productId === wanted.productId)?.name;
    if (!name) throw new PricingError(`product ${wanted.productId} is not on receipt ${original.receiptNumber}`);
    const reason = returnReasonField(wanted.reason, name);
    const { pieces: placed, unplaced } = allocate(original, already, wanted.productId, dec(wanted.quantity));
    if (unplaced.gt(0)) throw new PricingError(`${name}: ${toQuantityString(dec(wanted.quantity))} returned, but only ${toQuantityString(dec(wanted.quantity).minus(unplaced))} of what ${original.receiptNumber} sold is left to return`);
    for (const piece of placed) {
      const sold = original.lines[piece.line];
      pieces.push({ sold, line: piece.line, quantity: piece.quantity, discount: returnDiscount(sold, already[piece.line], piece.quantity, rules), restock: wanted.restock, reason });
      already[piece.line] = already[piece.line].plus(piece.quantity);
    }
  }
  const priced = priceCart(
    pieces.map(({ sold, quantity, discount }) => ({
      ...lineInputs([sold])[0],
      quantity: toQuantityString(quantity),
      discount: discount.isZero() ? undefined : toFixedString(discount, rules.currencyDecimals),
      orderDiscount: undefined,
    })),
    rules,
  );
  const lines = documentLines(priced.lines, (index) => pieces[index].sold).map((line, index) => ({ ...line, originalLine: pieces[index].line, restock: pieces[index].restock, ...pieces[index].reason }));
  const refund = refundPayments(original, earlierReturns, dec(priced.totals.gross), options.refundTo ?? 'original', rules, context.store.cashRounding);
  const document = returnDocument(context, original, priced, lines, refund, {
    returnOf: { saleId: original.id, receiptNumber: original.receiptNumber },
    ...(options.approvedBy ? { approvedBy: { ...options.approvedBy } } : {}),
  });
  const problems = returnProblems(document, original, earlierReturns);
  if (problems.length > 0) throw new PricingError(problems.join('; '));
  return document;
}

/** A returned item without its receipt: the product at its shelf price today, and where it goes. */
export interface UnreceiptedReturnItem extends Pick<CartItem, 'product' | 'quantity' | 'taxRatePercent'> {
  restock: boolean;
  /** Why the customer brought it back (see RETURN_REASONS). */
  reason?: string;
}

/**
 * A return without a receipt: refunded in cash at today's shelf price, and only with a manager's
 * approval (the till asks for the PIN; the server checks the approver is a manager).
 */
export function buildReturnWithoutReceipt(items: readonly UnreceiptedReturnItem[], approvedBy: Person, context: SaleContext): Sale {
  const chosen = items.filter((item) => dec(item.quantity).gt(0));
  if (chosen.length === 0) throw new PricingError('a return needs at least one line with a quantity');
  const rules = context.store.pricing;
  const priced = priceCart(cartLineInputs(chosen), rules);
  const lines = documentLines(priced.lines, (index) => chosen[index].product).map((line, index) => ({ ...line, restock: chosen[index].restock, ...returnReasonField(chosen[index].reason, chosen[index].product.name) }));
  const refund = refundPayments(undefined, [], dec(priced.totals.gross), 'cash', rules, context.store.cashRounding);
  return returnDocument(context, { currency: context.store.currency, pricing: rules }, priced, lines, refund, { approvedBy: { ...approvedBy } });
}
