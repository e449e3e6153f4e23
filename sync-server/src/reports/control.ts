import {
  AMOUNT_PLACES,
  dec,
  fromUnits,
  readControlKey,
  type AccountingDay,
  type AccountingReport,
  type Cashier,
  type ControlEvent,
  type ControlFigures,
  type ControlReport,
  type ControlRow,
  type CountedAmount,
  type ReportMeasures,
  type Store,
} from '../../../shared/src/index.js';
import { currencyOf, dayNumber, dayOf, type Reports } from './reports.js';

/** Counts and amounts (ten-thousandths) per control event. */
type EventSums = Record<ControlEvent, { count: bigint; amount: bigint }>;

function emptyEvents(): EventSums {
  const zero = () => ({ count: 0n, amount: 0n });
  return {
    'line-discount': zero(),
    'order-discount': zero(),
    'price-override': zero(),
    'weight-override': zero(),
    void: zero(),
    refund: zero(),
    'refund-without-receipt': zero(),
    'cash-short': zero(),
    'cash-over': zero(),
  };
}

/** Sales (documents) and what they took with tax, returns taken off, in ten-thousandths. */
type SalesSums = Pick<ReportMeasures, 'sales' | 'gross'>;

/** A cashier's (or the totals') control figures from their sales and event sums. */
export function controlFigures(sales: SalesSums | undefined, events: EventSums): ControlFigures {
  const counted = (event: ControlEvent): CountedAmount => ({ count: Number(events[event].count), amount: fromUnits(events[event].amount, AMOUNT_PLACES, 2) });
  return {
    sales: Number(sales?.sales ?? 0n),
    gross: fromUnits(sales?.gross ?? 0n, AMOUNT_PLACES, 2),
    lineDiscounts: counted('line-discount'),
    orderDiscounts: counted('order-discount'),
    priceOverrides: Number(events['price-override'].count),
    weightOverrides: Number(events['weight-override'].count),
    voids: counted('void'),
    refunds: counted('refund'),
    refundsWithoutReceipt: counted('refund-without-receipt'),
    cashShort: counted('cash-short'),
    cashOver: counted('cash-over'),
  };
}

/**
 * What head office checks per cashier over a period: discounts given, price and weight overrides,
 * lines voided (on a sale or a whole cart), refunds (those without a receipt apart) and the shifts
 * they closed short or over, beside their sales.
 */
export async function controlReport(reports: Reports, stores: readonly Store[], query: { from?: unknown; to?: unknown }): Promise<ControlReport> {
  const span = reports.span(query.from, query.to);
  const currency = currencyOf(stores);
  const storeIds = stores.map((store) => store.id);
  const storage = reports.repository.storage;
  const [events, sales, cashiers, completeness] = await Promise.all([
    reports.sums(storeIds, 'control', span.from, span.to, 'key'),
    reports.sums(storeIds, 'cashier', span.from, span.to, 'key'),
    Promise.all(stores.map((store) => storage.documents.list<Cashier>('cashiers', store.id))).then((lists) => lists.flat()),
    reports.completeness(stores, span.to),
  ]);
  const perCashier = new Map<string, { sales?: SalesSums; events: EventSums }>();
  const of = (cashierId: string) => {
    let found = perCashier.get(cashierId);
    if (!found) perCashier.set(cashierId, (found = { events: emptyEvents() }));
    return found;
  };
  const totals = emptyEvents();
  for (const sum of events) {
    const key = readControlKey(sum.group);
    if (!key) continue;
    for (const into of [of(key.cashierId).events[key.event], totals[key.event]]) {
      into.count += sum.sales;
      into.amount += sum.gross;
    }
  }
  // A cashier's month and day rows are summed into one.
  const totalSales: SalesSums = { sales: 0n, gross: 0n };
  for (const sum of sales) {
    const cashier = of(sum.group);
    cashier.sales = { sales: (cashier.sales?.sales ?? 0n) + sum.sales, gross: (cashier.sales?.gross ?? 0n) + sum.gross };
    totalSales.sales += sum.sales;
    totalSales.gross += sum.gross;
  }
  const names = new Map(cashiers.map((cashier) => [cashier.id, cashier.name]));
  const rows: ControlRow[] = [...perCashier.entries()]
    .map(([cashierId, { sales: cashierSales, events: cashierEvents }]) => ({ cashierId, name: names.get(cashierId) ?? `(cashier ${cashierId})`, ...controlFigures(cashierSales, cashierEvents) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.cashierId.localeCompare(b.cashierId));
  return { stores: storeIds, from: span.from, to: span.to, currency, rows, totals: controlFigures(totalSales, totals), completeness };
}

/** Tenders in the order a till offers them; others after, by name. */
const TENDER_ORDER = ['cash', 'card', 'voucher'];

/**
 * The accountant's daily totals: per tax rate its net, tax and gross, and per tender what it took
 * (a split payment under each of its tenders by its amount), every day of the period listed.
 */
export async function accountingReport(reports: Reports, stores: readonly Store[], query: { from?: unknown; to?: unknown }): Promise<AccountingReport> {
  const span = reports.span(query.from, query.to);
  const currency = currencyOf(stores);
  const storeIds = stores.map((store) => store.id);
  const storage = reports.repository.storage;
  const [taxes, tenders, days, completeness] = await Promise.all([
    storage.reports.sums(storeIds, 'tax', span.from, span.to, 'day-key'),
    storage.reports.sums(storeIds, 'tender', span.from, span.to, 'day-key'),
    storage.reports.sums(storeIds, 'all', span.from, span.to, 'day'),
    reports.completeness(stores, span.to),
  ]);
  const rates = [...new Set(taxes.map((sum) => sum.key!))].sort((a, b) => dec(a).comparedTo(dec(b)));
  const tenderNames = [...new Set(tenders.map((sum) => sum.key!))].sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));
  const amount = (value: bigint) => fromUnits(value, AMOUNT_PLACES, 2);
  const byDay = new Map<string, { taxes: Map<string, ReportMeasures>; tenders: Map<string, bigint>; all?: ReportMeasures }>();
  const dayOfSums = (day: string) => {
    let found = byDay.get(day);
    if (!found) byDay.set(day, (found = { taxes: new Map(), tenders: new Map() }));
    return found;
  };
  for (const sum of taxes) dayOfSums(sum.group).taxes.set(sum.key!, sum);
  for (const sum of tenders) dayOfSums(sum.group).tenders.set(sum.key!, sum.gross);
  for (const sum of days) dayOfSums(sum.group).all = sum;
  const totalTaxes = new Map(rates.map((rate) => [rate, { net: 0n, tax: 0n, gross: 0n }]));
  const totalTenders = new Map(tenderNames.map((tender) => [tender, 0n]));
  const total = { gross: 0n, net: 0n, tax: 0n };
  const rows: AccountingDay[] = [];
  for (let number = dayNumber(span.from); number <= dayNumber(span.to); number++) {
    const day = dayOf(number);
    const found = byDay.get(day);
    for (const rate of rates) {
      const sum = found?.taxes.get(rate);
      const into = totalTaxes.get(rate)!;
      into.net += sum?.net ?? 0n;
      into.tax += sum?.tax ?? 0n;
      into.gross += sum?.gross ?? 0n;
    }
    for (const tender of tenderNames) totalTenders.set(tender, totalTenders.get(tender)! + (found?.tenders.get(tender) ?? 0n));
    total.gross += found?.all?.gross ?? 0n;
    total.net += found?.all?.net ?? 0n;
    total.tax += found?.all?.tax ?? 0n;
    rows.push({
      day,
      taxes: rates.map((rate) => {
        const sum = found?.taxes.get(rate);
        return { rate, net: amount(sum?.net ?? 0n), tax: amount(sum?.tax ?? 0n), gross: amount(sum?.gross ?? 0n) };
      }),
      tenders: tenderNames.map((tender) => ({ tender, amount: amount(found?.tenders.get(tender) ?? 0n) })),
      gross: amount(found?.all?.gross ?? 0n),
      net: amount(found?.all?.net ?? 0n),
      tax: amount(found?.all?.tax ?? 0n),
    });
  }
  return {
    stores: storeIds,
    from: span.from,
    to: span.to,
    currency,
    rates,
    tenders: tenderNames,
    days: rows,
    totals: {
      day: 'total',
      taxes: rates.map((rate) => {
        const sum = totalTaxes.get(rate)!;
        return { rate, net: amount(sum.net), tax: amount(sum.tax), gross: amount(sum.gross) };
      }),
      tenders: tenderNames.map((tender) => ({ tender, amount: amount(totalTenders.get(tender)!) })),
      gross: amount(total.gross),
      net: amount(total.net),
      tax: amount(total.tax),
    },
    completeness,
  };
}

function rankOf(tender: string): number {
  const index = TENDER_ORDER.indexOf(tender);
  return index < 0 ? TENDER_ORDER.length : index;
}
