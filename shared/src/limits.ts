import { dec, isDecimalString, type Dec } from './money.js';
import { quantityWithUnit } from './quantity.js';
import type { Sale, ShiftEvent, Store } from './schemas/index.js';

/**
 * Without a store setting: at most 10,000 pieces (or kg, g, l or m) on one line and 1,000,000 in the store's
 * currency on one receipt. A counter sale far beyond that is a typo or a forged document, and stock
 * stays exact at any size while reports and valuation do not; a wholesaler raises them per store.
 */
export const DEFAULT_STORE_LIMITS = { lineQuantity: '10000', documentAmount: '1000000' } as const;

/**
 * Without a store setting, the largest note a till expects: cash received more than this above what
 * is due asks for a confirmation, and change above it raises an exception at head office.
 */
export const DEFAULT_LARGEST_NOTE = '200';

/** The largest note the store takes, or the default. */
export function largestNote(store: Pick<Store, 'largestNote'> | null | undefined): string {
  return store?.largestNote ?? DEFAULT_LARGEST_NOTE;
}

/** The store's plausibility limits, or the defaults where head office set none. */
export function storeLimits(store: Pick<Store, 'limits'>): { lineQuantity: string; documentAmount: string } {
  const { lineQuantity, documentAmount } = store.limits ?? DEFAULT_STORE_LIMITS;
  return { lineQuantity, documentAmount };
}

/**
 * Why one line may not hold `quantity` at this store (its size above the store's line limit), or
 * null. The till asks as the cashier types or scans; the server refuses a pushed line with it.
 */
export function lineQuantityProblem(quantity: Dec, store: Pick<Store, 'limits' | 'code'>): string | null {
  const { lineQuantity } = storeLimits(store);
  return quantity.abs().gt(dec(lineQuantity)) ? `more than the ${lineQuantity} store ${store.code} allows on one line` : null;
}

/** A figure a document carries, named as the receipt or the shift report names it. */
type Figure = [what: string, value: string | undefined];

/**
 * The first figure whose size is above `limit`. Figures that are not decimal strings are left to the
 * schema check, which names them better; one problem per place keeps a refusal readable.
 */
function firstAbove(figures: readonly Figure[], limit: Dec): Figure | undefined {
  // A figure with fewer whole digits than the limit is below it (a limit of 5 whole digits is at
  // least 10000), which decides most figures from their text; the rest are compared as decimals.
  // A limit below 1 (or a negative one) decides nothing this way.
  const limitDigits = limit.gte(1) ? limit.e + 1 : 0;
  return figures.find(([, value]) => isDecimalString(value) && wholeDigits(value) >= limitDigits && dec(value).abs().gt(limit));
}

/** The whole digits a decimal string writes: 3 for "-123.45", 1 for "0.5". */
function wholeDigits(value: string): number {
  const point = value.indexOf('.');
  return (point === -1 ? value.length : point) - (value.startsWith('-') ? 1 : 0);
}

/**
 * A drawer collects many receipts' cash: a shift's close, and the count of the drawer, may come to a
 * thousand times what one receipt may, so a shop with a tight receipt limit still closes a busy day.
 */
const RECEIPTS_PER_DRAWER = 1000;

/**
 * Checks a document's figures against the store's limits, in the words of `where` ("on one
 * receipt"); amounts may reach `receipts` times the receipt limit.
 */
function limitChecker(store: Pick<Store, 'limits' | 'code'>, where: string, receipts = 1) {
  const documentAmount = dec(storeLimits(store).documentAmount).mul(receipts);
  const problems: string[] = [];
  return {
    problems,
    /** `unit` as the line says it; a voided line records none. */
    quantity(place: string, quantity: string, unit?: Sale['lines'][number]['unit']) {
      const problem = isDecimalString(quantity) ? lineQuantityProblem(dec(quantity), store) : null;
      if (problem) problems.push(`${place}: ${unit === undefined ? `quantity ${quantity}` : quantityWithUnit(quantity, unit)}, ${problem}`);
    },
    amounts(place: string, figures: readonly Figure[]) {
      const above = firstAbove(figures, documentAmount);
      if (above) problems.push(`${place}${above[0] ? `: ${above[0]}` : ''} ${above[1]}, more than the ${documentAmount.toFixed()} store ${store.code} allows ${where}`);
    },
  };
}

/**
 * What a sale or a return carries beyond the store's limits: each line's quantity above
 * `lineQuantity`; any amount (a line's prices, discounts and totals, the tax rows, the document's
 * totals, each payment with what was handed over and the change, the cash rounding, discounts and
 * overrides, voided lines) whose size is above `documentAmount`. Empty when every figure is within.
 */
export function saleLimitProblems(sale: Sale, store: Pick<Store, 'limits' | 'code'>): string[] {
  const check = limitChecker(store, 'on one receipt');
  sale.lines.forEach((line, index) => {
    const place = `line ${index + 1} (${line.name})`;
    check.quantity(place, line.quantity, line.unit);
    check.amounts(place, [
      ['unit price', line.unitPrice],
      ['shelf price', line.shelfPrice],
      ['total', line.gross],
      ['net', line.net],
      ['tax', line.tax],
      ['discount', line.discount],
      ['share of the order discount', line.orderDiscount],
    ]);
  });
  check.amounts('the receipt', [['total', sale.totals.gross], ['net', sale.totals.net], ['tax', sale.totals.tax]]);
  for (const tax of sale.taxes) {
    check.amounts(`tax at ${tax.taxRatePercent} %`, [['total', tax.gross], ['net', tax.net], ['tax', tax.tax]]);
  }
  // A customer may hand over a big note for a small sale: what was handed over and the change are
  // bounded by what a drawer may hold, not by one receipt (a shop with a receipt limit of 100 still
  // takes a 200 note for 90).
  const drawer = limitChecker(store, 'in one drawer', RECEIPTS_PER_DRAWER);
  sale.payments.forEach((payment, index) => {
    check.amounts(`payment ${index + 1} (${payment.tender})`, [['amount', payment.amount]]);
    drawer.amounts(`payment ${index + 1} (${payment.tender})`, [['handed over', payment.tendered], ['change', payment.change]]);
  });
  check.amounts('cash rounding', [['', sale.cashRounding], ['step', sale.cashRoundingStep]]);
  for (const adjustment of sale.adjustments ?? []) {
    const what = adjustment.kind === 'order-discount' ? 'order discount' : `${adjustment.kind.replace('-', ' ')} on line ${(adjustment.line ?? 0) + 1}`;
    if (adjustment.kind !== 'weight-override') check.amounts(what, [['', adjustment.amount]]);
    // Weights, not money: the label's and the one charged are held to a line's quantity limit.
    else for (const weight of [adjustment.amount, adjustment.was ?? '0']) check.quantity(what, weight, 'kg');
  }
  (sale.voids ?? []).forEach((line, index) => {
    const place = `voided line ${index + 1} (${line.name})`;
    check.quantity(place, line.quantity);
    check.amounts(place, [['total', line.gross]]);
  });
  return [...check.problems, ...drawer.problems];
}

const SHIFT_AMOUNT_WORDS: Record<ShiftEvent['kind'], string> = {
  open: 'the float',
  'cash-in': 'cash in',
  'cash-out': 'cash out',
  void: 'the voided cart',
  close: 'the close',
};

/**
 * What a shift event carries beyond the store's limits, as saleLimitProblems does for sales: the
 * float or the cash moved and a voided cart's lines, each within one receipt's limit; the close's
 * expected and counted cash and their difference, each counted denomination and what its count of
 * notes or coins comes to, within a drawer's (RECEIPTS_PER_DRAWER receipts).
 */
export function shiftEventLimitProblems(event: ShiftEvent, store: Pick<Store, 'limits' | 'code'>): string[] {
  const check = limitChecker(store, 'at once');
  const drawer = limitChecker(store, 'in one drawer', RECEIPTS_PER_DRAWER);
  check.amounts(SHIFT_AMOUNT_WORDS[event.kind], [['', event.amount]]);
  drawer.amounts(SHIFT_AMOUNT_WORDS[event.kind], [
    ['expected cash', event.expectedCash],
    ['counted cash', event.countedCash],
    ['difference', event.difference],
  ]);
  for (const { denomination, count } of event.counted ?? []) {
    // A count is bounded by what it comes to: a drawer holds many small coins.
    const comesTo = isDecimalString(denomination) && Number.isSafeInteger(count) ? dec(denomination).mul(count).toFixed() : undefined;
    drawer.amounts(`counted ${count} x ${denomination}`, [['denomination', denomination], ['comes to', comesTo]]);
  }
  (event.lines ?? []).forEach((line, index) => {
    const place = `voided line ${index + 1} (${line.name})`;
    check.quantity(place, line.quantity);
    check.amounts(place, [['total', line.gross]]);
  });
  return [...check.problems, ...drawer.problems];
}

/**
 * Why an amount typed as cash received (or a card or voucher amount) is no amount of money at this
 * store, or null: more decimals than the currency has, or more than a drawer may hold. A scanned
 * barcode typed into the field is one such amount.
 */
export function tenderAmountProblem(amount: string, store: Pick<Store, 'limits' | 'code' | 'currency' | 'pricing'>): string | null {
  if (!isDecimalString(amount) || !dec(amount).gt(0)) return `${amount} is not an amount of money`;
  const places = store.pricing.currencyDecimals;
  if (dec(amount).decimalPlaces() > places) return `${amount} has more than the ${places} decimals ${store.currency} has`;
  const most = dec(storeLimits(store).documentAmount).times(RECEIPTS_PER_DRAWER);
  return dec(amount).gt(most) ? `${amount} is more than the ${most.toFixed(places)} ${store.currency} a drawer may hold at store ${store.code}` : null;
}

/**
 * Whether cash received is far above what is due: more than the store's largest note above it. No
 * customer hands over that much; the cashier confirms before the change is counted out.
 */
export function farAboveDue(tendered: string, due: string, store: Pick<Store, 'largestNote'> | null | undefined): boolean {
  return dec(tendered).minus(dec(due)).gt(dec(largestNote(store)));
}
