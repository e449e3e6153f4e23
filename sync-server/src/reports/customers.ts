import {
  AMOUNT_PLACES,
  addMeasures,
  CUSTOMER_ORDERS,
  dec,
  emptyMeasures,
  fromUnits,
  type Customer,
  type CustomerRow,
  type CustomerSegment,
  type CustomersReport,
  type ReportMeasures,
  type RfmScores,
  type Store,
} from '../../../shared/src/index.js';
import { liveBodies } from '../repository.js';
import { FirstOf } from './first-of.js';
import { choiceParameter, dayBefore, dayNumber, refuseProblems, salesFigures, wholeParameter, type Reports } from './reports.js';

/** The first day reports can hold. */
const EARLIEST = '2000-01-01';

/**
 * Scores 1 to 5 by fifths of the customers: where a customer's value falls among everyone's, counting
 * those below it and half of those equal to it (so equal values score alike, from the middle of the
 * places they share: a lone customer, or customers all alike, score 3). Higher values score higher.
 */
export function quintileScores(values: readonly bigint[]): number[] {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Each value's score, worked out once for the run of places it holds.
  const scores = new Map<bigint, number>();
  for (let below = 0; below < sorted.length; ) {
    let end = below + 1;
    while (end < sorted.length && sorted[end] === sorted[below]) end++;
    const equal = end - below;
    // 1 + ⌊5 × (below + equal / 2) / n⌋, in whole numbers.
    scores.set(sorted[below], Math.min(5, 1 + Math.floor((5 * (2 * below + equal)) / (2 * values.length))));
    below = end;
  }
  return values.map((value) => scores.get(value)!);
}

/** A customer's segment from their scores: new first, then champions, loyal, at risk, occasional. */
export function segmentOf(scores: RfmScores, isNew: boolean): CustomerSegment {
  if (isNew) return 'new';
  if (scores.recency >= 4 && scores.frequency >= 4 && scores.monetary >= 4) return 'champion';
  if (scores.frequency >= 4) return 'loyal';
  if (scores.recency <= 2 && scores.frequency >= 3) return 'at-risk';
  return 'occasional';
}

/** A customer's period as summed: what they bought and their first and last day in it. */
export interface CustomerSums {
  customerId: string;
  measures: ReportMeasures;
  firstDay: string;
  lastDay: string;
}

/**
 * Recency, frequency and monetary scores of the period's customers: recency by the days from their
 * last purchase to the period's end (fewer scores higher), frequency by their sales less returns,
 * monetary by what they spent with tax, returns taken off.
 */
export function rfm(customers: readonly CustomerSums[], periodEnd: string): RfmScores[] {
  // Days since the last purchase, worked out once a day: thousands of customers share a few hundred.
  const end = dayNumber(periodEnd);
  const since = new Map<string, bigint>();
  const daysSince = (day: string) => {
    let found = since.get(day);
    if (found === undefined) since.set(day, (found = BigInt(end - dayNumber(day))));
    return found;
  };
  const recency = quintileScores(customers.map((customer) => -daysSince(customer.lastDay)));
  const frequency = quintileScores(customers.map((customer) => customer.measures.sales - customer.measures.returns));
  const monetary = quintileScores(customers.map((customer) => customer.measures.gross));
  return customers.map((_, index) => ({ recency: recency[index], frequency: frequency[index], monetary: monetary[index] }));
}

/**
 * The period's customers: who spends most, buys most often or bought last, with recency, frequency
 * and monetary scores among them, whether the period holds their first purchase (new) or not
 * (returning), and how much was sold without a customer named.
 */
export async function customersReport(reports: Reports, stores: readonly Store[], query: { from?: unknown; to?: unknown; order?: unknown; limit?: unknown }): Promise<CustomersReport> {
  const span = reports.span(query.from, query.to);
  const problems: string[] = [];
  const order = choiceParameter(query.order, 'order', CUSTOMER_ORDERS, 'gross', problems);
  const limit = wholeParameter(query.limit, 'limit', 100, 1, 5_000, problems);
  refuseProblems(problems);
  const storeIds = stores.map((store) => store.id);
  const storage = reports.repository.storage;
  const [sums, totals] = await Promise.all([storage.reports.sums(storeIds, 'customer', span.from, span.to, 'key'), reports.sales(stores, span.from, span.to, 'store')]);
  // Whether the period's customers bought before it, asked of them alone: summing every customer's
  // years before a day took a third of a second over a chain.
  const boughtBefore =
    span.from > EARLIEST ? await storage.reports.customersWhoBought(storeIds, sums.map((sum) => sum.group), EARLIEST, dayBefore(span.from)) : new Set<string>();
  const customers: CustomerSums[] = sums.map((sum) => ({ customerId: sum.group, measures: sum, firstDay: sum.firstDay, lastDay: sum.lastDay }));
  const scores = rfm(customers, span.to);
  const named = customers.map((customer, index) => ({ customer, scores: scores[index], isNew: !boughtBefore.has(customer.customerId) }));
  // The first `limit` in order, kept as they come: tens of thousands of customers are never all sorted.
  const first = new FirstOf<(typeof named)[number]>(limit, (a, b) => {
    const [x, y] = [a.customer, b.customer];
    const by =
      order === 'gross' ? compare(y.measures.gross, x.measures.gross) : order === 'sales' ? compare(y.measures.sales - y.measures.returns, x.measures.sales - x.measures.returns) : y.lastDay.localeCompare(x.lastDay);
    return (by || compare(y.measures.gross, x.measures.gross) || x.customerId.localeCompare(y.customerId)) < 0;
  });
  for (const one of named) first.offer(one);
  const listed = first.rows;
  const people = liveBodies(await storage.documents.getMany<Customer>('customers', listed.map(({ customer }) => customer.customerId)));
  const rows: CustomerRow[] = listed.map(({ customer, scores: customerScores, isNew }) => {
    const figures = salesFigures(customer.measures);
    return {
      customerId: customer.customerId,
      name: people.get(customer.customerId)?.name ?? `(customer ${customer.customerId})`,
      sales: figures.sales,
      returns: figures.returns,
      gross: figures.gross,
      averageBasket: figures.averageBasket,
      firstDay: customer.firstDay,
      lastDay: customer.lastDay,
      daysSinceLast: dayNumber(span.to) - dayNumber(customer.lastDay),
      isNew,
      scores: customerScores,
      segment: segmentOf(customerScores, isNew),
    };
  });
  const known = emptyMeasures();
  for (const customer of customers) addMeasures(known, customer.measures);
  const all = totals.totals;
  const newCustomers = named.filter(({ isNew }) => isNew).length;
  return {
    stores: storeIds,
    from: span.from,
    to: span.to,
    currency: totals.currency,
    order,
    rows,
    totals: {
      customers: customers.length,
      newCustomers,
      returningCustomers: customers.length - newCustomers,
      sales: Number(known.sales),
      gross: fromUnits(known.gross, AMOUNT_PLACES, 2),
      anonymousSales: all.sales - Number(known.sales),
      anonymousGross: dec(all.gross).minus(dec(fromUnits(known.gross, AMOUNT_PLACES))).toFixed(2),
    },
    completeness: totals.completeness,
  };
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
