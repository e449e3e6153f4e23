import { Dec, dec, sum, toFixedString, type DecimalString } from './money.js';
import { isReturn, type Person, type Sale, type ShiftEvent, type Tender } from './schemas/index.js';

/**
 * Shifts (cash sessions) are projections: a shift is its events (open, cash in and out, voided carts,
 * close) and the sales and returns made during it. The X report (mid-shift) and the Z report (at the
 * close) are the same computation over what is known at that moment, so the till, the server and a
 * reprint weeks later all show the same figures.
 */

/** Notes and coins a drawer is counted in, largest first. */
export function denominationsFor(currency: string): DecimalString[] {
  switch (currency) {
    case 'USD':
      return ['100', '50', '20', '10', '5', '2', '1', '0.25', '0.10', '0.05', '0.01'];
    case 'GBP':
      return ['50', '20', '10', '5', '2', '1', '0.50', '0.20', '0.10', '0.05', '0.02', '0.01'];
    case 'CHF':
      return ['1000', '200', '100', '50', '20', '10', '5', '2', '1', '0.50', '0.20', '0.10', '0.05'];
    default:
      return ['500', '200', '100', '50', '20', '10', '5', '2', '1', '0.50', '0.20', '0.10', '0.05', '0.02', '0.01'];
  }
}

export type Count = NonNullable<ShiftEvent['counted']>[number];

/** What a count by denomination adds up to. */
export function countedTotal(counted: readonly Count[]): Dec {
  return counted.reduce((total, row) => total.plus(dec(row.denomination).mul(row.count)), new Dec(0));
}

export interface TenderTotals {
  tender: Tender;
  /** Taken on sales. */
  taken: DecimalString;
  /** Paid back on returns. */
  refunded: DecimalString;
  net: DecimalString;
}

export interface RateTotals {
  taxClassId: string;
  taxRatePercent: DecimalString;
  net: DecimalString;
  tax: DecimalString;
  gross: DecimalString;
}

export interface CashMovement {
  kind: 'cash-in' | 'cash-out';
  amount: DecimalString;
  reason: string;
  at: string;
  by: Person;
}

export interface ShiftReport {
  shiftId: string;
  tillId: string;
  storeId: string;
  currency: string;
  openedAt: string;
  openedBy: Person;
  float: DecimalString;
  /** Absent while the shift is open: an X report. */
  closedAt?: string;
  closedBy?: Person;
  sales: { count: number; gross: DecimalString };
  returns: { count: number; gross: DecimalString; withoutReceipt: number };
  /** Sales less returns, by tender. */
  byTender: TenderTotals[];
  /** Sales less returns, by tax rate. */
  byTaxRate: RateTotals[];
  discounts: { count: number; amount: DecimalString };
  priceOverrides: number;
  /** Lines sold by a weight the cashier typed in, which no scale label confirmed. */
  weightsKeyed: number;
  /** Scale labels' weights changed at the till, each with a manager's approval. */
  weightOverrides: number;
  /** Lines taken out of carts that were paid, and whole carts voided. */
  voids: { lines: number; amount: DecimalString; carts: number; cartsAmount: DecimalString };
  cashMovements: CashMovement[];
  cashIn: DecimalString;
  cashOut: DecimalString;
  cashRounding: DecimalString;
  /** Float + cash taken - cash refunded + cash in - cash out: what the drawer should hold. */
  expectedCash: DecimalString;
  /** At the close: what was counted, and counted - expected (negative: cash missing). */
  counted?: Count[];
  countedCash?: DecimalString;
  difference?: DecimalString;
}

export class ShiftError extends Error {
  override name = 'ShiftError';
}

/** A till's shift that is open now: its last open event with no close after it, or undefined. */
export function openShift(events: readonly ShiftEvent[]): ShiftEvent | undefined {
  const ordered = [...events].sort((a, b) => a.sequence - b.sequence);
  let open: ShiftEvent | undefined;
  for (const event of ordered) {
    if (event.kind === 'open') open = event;
    if (event.kind === 'close' && open?.id === event.shiftId) open = undefined;
  }
  return open;
}

const TENDERS: Tender[] = ['cash', 'card', 'voucher'];

/**
 * The X report of a shift (while it is open) or its Z report (once it holds its close event), from
 * its events and the documents (sales and returns) that name it. Documents of other shifts are
 * ignored, so a caller may pass a till's whole history.
 */
export function shiftReport(events: readonly ShiftEvent[], documents: readonly Sale[], currencyDecimals = 2): ShiftReport {
  const fixed = (value: Dec) => toFixedString(value, currencyDecimals);
  const open = [...events].sort((a, b) => a.sequence - b.sequence).find((event) => event.kind === 'open');
  if (!open) throw new ShiftError('a shift report needs the shift’s open event');
  const own = events.filter((event) => event.shiftId === open.id).sort((a, b) => a.sequence - b.sequence);
  const close = own.find((event) => event.kind === 'close');
  const made = documents.filter((document) => document.shiftId === open.id);
  const sales = made.filter((document) => !isReturn(document));
  const returns = made.filter((document) => isReturn(document));

  const tender = new Map<Tender, { taken: Dec; refunded: Dec }>(TENDERS.map((name) => [name, { taken: new Dec(0), refunded: new Dec(0) }]));
  const rates = new Map<string, { taxClassId: string; rate: DecimalString; net: Dec; tax: Dec; gross: Dec }>();
  for (const document of made) {
    const sign = isReturn(document) ? -1 : 1;
    for (const payment of document.payments) {
      const row = tender.get(payment.tender)!;
      if (sign > 0) row.taken = row.taken.plus(dec(payment.amount));
      else row.refunded = row.refunded.plus(dec(payment.amount));
    }
    for (const tax of document.taxes) {
      const key = `${tax.taxClassId}|${dec(tax.taxRatePercent).toFixed()}`;
      const row = rates.get(key) ?? { taxClassId: tax.taxClassId, rate: dec(tax.taxRatePercent).toFixed(), net: new Dec(0), tax: new Dec(0), gross: new Dec(0) };
      row.net = row.net.plus(dec(tax.net).mul(sign));
      row.tax = row.tax.plus(dec(tax.tax).mul(sign));
      row.gross = row.gross.plus(dec(tax.gross).mul(sign));
      rates.set(key, row);
    }
  }
  // A weight override's amount is a weight, and an override no discount: only discounts count here.
  const discounts = sales.flatMap((sale) => (sale.adjustments ?? []).filter((adjustment) => adjustment.kind === 'line-discount' || adjustment.kind === 'order-discount'));
  const lineVoids = sales.flatMap((sale) => sale.voids ?? []);
  const cartVoids = own.filter((event) => event.kind === 'void');
  const cashMovements: CashMovement[] = own
    .filter((event): event is ShiftEvent & { kind: 'cash-in' | 'cash-out' } => event.kind === 'cash-in' || event.kind === 'cash-out')
    .map((event) => ({ kind: event.kind, amount: fixed(dec(event.amount ?? '0')), reason: event.reason ?? '', at: event.at, by: event.cashier }));
  const cashIn = sum(cashMovements.filter((movement) => movement.kind === 'cash-in').map((movement) => movement.amount));
  const cashOut = sum(cashMovements.filter((movement) => movement.kind === 'cash-out').map((movement) => movement.amount));
  const cash = tender.get('cash')!;
  const float = dec(open.amount ?? '0');
  const expected = float.plus(cash.taken).minus(cash.refunded).plus(cashIn).minus(cashOut);

  const report: ShiftReport = {
    shiftId: open.id,
    tillId: open.tillId,
    storeId: open.storeId,
    currency: open.currency,
    openedAt: open.at,
    openedBy: open.cashier,
    float: fixed(float),
    sales: { count: sales.length, gross: fixed(sum(sales.map((sale) => sale.totals.gross))) },
    returns: { count: returns.length, gross: fixed(sum(returns.map((document) => document.totals.gross))), withoutReceipt: returns.filter((document) => !document.returnOf).length },
    byTender: TENDERS.filter((name) => !tender.get(name)!.taken.isZero() || !tender.get(name)!.refunded.isZero() || name === 'cash').map((name) => {
      const row = tender.get(name)!;
      return { tender: name, taken: fixed(row.taken), refunded: fixed(row.refunded), net: fixed(row.taken.minus(row.refunded)) };
    }),
    byTaxRate: [...rates.values()]
      .sort((a, b) => dec(a.rate).comparedTo(dec(b.rate)))
      .map((row) => ({ taxClassId: row.taxClassId, taxRatePercent: row.rate, net: fixed(row.net), tax: fixed(row.tax), gross: fixed(row.gross) })),
    discounts: { count: discounts.length, amount: fixed(sum(discounts.map((adjustment) => adjustment.amount))) },
    priceOverrides: sales.reduce((count, sale) => count + (sale.adjustments ?? []).filter((adjustment) => adjustment.kind === 'price-override').length, 0),
    weightsKeyed: sales.reduce((count, sale) => count + sale.lines.filter((line) => line.weighing === 'keyed').length, 0),
    weightOverrides: sales.reduce((count, sale) => count + (sale.adjustments ?? []).filter((adjustment) => adjustment.kind === 'weight-override').length, 0),
    voids: {
      lines: lineVoids.length,
      amount: fixed(sum(lineVoids.map((line) => line.gross))),
      carts: cartVoids.length,
      cartsAmount: fixed(sum(cartVoids.flatMap((event) => (event.lines ?? []).map((line) => line.gross)))),
    },
    cashMovements,
    cashIn: fixed(cashIn),
    cashOut: fixed(cashOut),
    cashRounding: fixed(sum(made.map((document) => dec(document.cashRounding ?? '0').mul(isReturn(document) ? -1 : 1)))),
    expectedCash: fixed(expected),
  };
  if (close) {
    const counted = countedTotal(close.counted ?? []);
    Object.assign(report, {
      closedAt: close.at,
      closedBy: close.cashier,
      counted: close.counted ?? [],
      countedCash: fixed(counted),
      difference: fixed(counted.minus(expected)),
    });
  }
  return report;
}

/** What is wrong with a close event against the shift's report: its expected cash, count and difference must add up. */
export function closeProblems(close: ShiftEvent, report: ShiftReport): string[] {
  const problems: string[] = [];
  if (close.kind !== 'close') return ['not a close event'];
  const counted = countedTotal(close.counted ?? []);
  if (!dec(close.countedCash ?? '0').eq(counted)) problems.push(`countedCash is ${close.countedCash}, the count adds up to ${counted.toFixed()}`);
  if (!dec(close.expectedCash ?? '0').eq(dec(report.expectedCash))) problems.push(`expectedCash is ${close.expectedCash}, the shift’s documents and events expect ${report.expectedCash}`);
  if (!dec(close.difference ?? '0').eq(counted.minus(dec(close.expectedCash ?? '0')))) problems.push(`difference is ${close.difference}, counted - expected is ${counted.minus(dec(close.expectedCash ?? '0')).toFixed()}`);
  return problems;
}
