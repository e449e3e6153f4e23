import {
  AMOUNT_PLACES,
  addMeasures,
  dec,
  emptyMeasures,
  fromUnits,
  CHAIN_STORE,
  hasChainSums,
  isMonthly,
  localDayHour,
  QUANTITY_PLACES,
  SALES_GROUPINGS,
  SyncError,
  toQuantityString,
  toUnits,
  type Cashier,
  type Dashboard,
  type ReportCompleteness,
  type ReportDimension,
  type ReportMeasures,
  type SalesFigures,
  type SalesGrouping,
  type SalesReport,
  type SalesReportRow,
  type StockValue,
  type Store,
  type Till,
  type TillBehind,
} from '../../../shared/src/index.js';
import type { Repository } from '../repository.js';
import type { ReportGroup, ReportSum } from '../storage/port.js';

/** A period still running counts a till as up to date when it said nothing was waiting this recently. */
export const RECENT_SYNC_MS = 5 * 60_000;

/** The longest span a report covers: ten years of days. */
const MAX_DAYS = 3_660;

const DAY_MS = 86_400_000;

/** Where a grouping's rows come from: the facts' dimension, and how they are summed. */
const SOURCES: Record<SalesGrouping, { dimension: ReportDimension; group: ReportGroup }> = {
  day: { dimension: 'all', group: 'day' },
  week: { dimension: 'all', group: 'day' },
  month: { dimension: 'all', group: 'day' },
  hour: { dimension: 'hour', group: 'key' },
  store: { dimension: 'all', group: 'store' },
  till: { dimension: 'till', group: 'key' },
  cashier: { dimension: 'cashier', group: 'key' },
  category: { dimension: 'category', group: 'key' },
  tender: { dimension: 'tender', group: 'key' },
  tax: { dimension: 'tax', group: 'key' },
};

const TENDERS: Record<string, string> = { cash: 'Cash', card: 'Card', voucher: 'Voucher' };

/** A report's figures from summed facts: amounts to the cent, the margin over the lines with a known cost. */
export function salesFigures(measures: ReportMeasures): SalesFigures {
  const amount = (value: bigint) => fromUnits(value, AMOUNT_PLACES, 2);
  const margin = measures.costedNet - measures.cost;
  const sales = Number(measures.sales);
  return {
    sales,
    returns: Number(measures.returns),
    gross: amount(measures.gross),
    net: amount(measures.net),
    tax: amount(measures.tax),
    discount: amount(measures.discount),
    averageBasket: sales > 0 ? dec(fromUnits(measures.gross, AMOUNT_PLACES)).div(sales).toFixed(2) : '0.00',
    cost: amount(measures.cost),
    margin: amount(margin),
    marginPercent: measures.costedNet === 0n ? null : dec(margin.toString()).mul(100).div(dec(measures.costedNet.toString())).toFixed(1),
    quantity: toQuantityString(dec(fromUnits(measures.quantity, QUANTITY_PLACES))),
  };
}

/** Whether a text is a real calendar day, YYYY-MM-DD. */
function isDay(text: unknown): text is string {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00.000Z`).toISOString().slice(0, 10) === text;
}

export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;
}

export function dayOf(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday that starts a day's ISO week. */
function weekOf(day: string): string {
  const number = dayNumber(day);
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  return dayOf(number - ((number + 3) % 7));
}

/**
 * The whole months within the days from–to (YYYY-MM), with the last day before them and the first
 * day after them that the span still holds; null when it holds no whole month.
 */
export function wholeMonths(from: string, to: string): { from: string; to: string; daysBefore: string | null; daysAfter: string | null } | null {
  const firstWhole = from.endsWith('-01') ? from : dayOf(dayNumber(`${nextMonth(from.slice(0, 7))}-01`));
  const afterTo = dayOf(dayNumber(to) + 1);
  const lastWholeEnd = afterTo.endsWith('-01') ? to : dayOf(dayNumber(`${to.slice(0, 7)}-01`) - 1);
  if (firstWhole > lastWholeEnd) return null;
  return {
    from: firstWhole.slice(0, 7),
    to: lastWholeEnd.slice(0, 7),
    daysBefore: firstWhole > from ? dayOf(dayNumber(firstWhole) - 1) : null,
    daysAfter: lastWholeEnd < to ? dayOf(dayNumber(lastWholeEnd) + 1) : null,
  };
}

/**
 * The days outside a span in the months it starts and ends in: from the first of its first month to
 * the day before it, and from the day after it to the end of its last month; null where there are none.
 */
export function monthRests(from: string, to: string): { before: { from: string; to: string } | null; after: { from: string; to: string } | null } {
  const monthStart = `${from.slice(0, 7)}-01`;
  const monthEnd = dayOf(dayNumber(`${nextMonth(to.slice(0, 7))}-01`) - 1);
  return {
    before: from > monthStart ? { from: monthStart, to: dayOf(dayNumber(from) - 1) } : null,
    after: to < monthEnd ? { from: dayOf(dayNumber(to) + 1), to: monthEnd } : null,
  };
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

const zoneClocks = new Map<string, Intl.DateTimeFormat>();

/** How far a time zone's clocks are ahead of UTC at a moment, in milliseconds. */
function zoneOffsetMs(at: number, timeZone: string | undefined): number {
  const zone = timeZone ?? '';
  let clock = zoneClocks.get(zone);
  if (!clock) {
    const fields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    clock = new Intl.DateTimeFormat('en-US', { ...(timeZone ? { timeZone } : {}), ...fields, hourCycle: 'h23' });
    zoneClocks.set(zone, clock);
  }
  const parts: Record<string, number> = {};
  for (const part of clock.formatToParts(new Date(at))) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(at / 1000) * 1000;
}

/** The moment a store's day ends: the next day's midnight in its zone (the server's when it names none). */
export function endOfDay(day: string, timeZone: string | undefined): number {
  const midnight = Date.parse(`${dayOf(dayNumber(day) + 1)}T00:00:00.000Z`);
  // The zone's offset at midnight there; asked again at the first answer, for a day whose offset changes.
  const first = midnight - zoneOffsetMs(midnight, timeZone);
  return midnight - zoneOffsetMs(first, timeZone);
}

/** Head office's reports: sums of the report facts the server keeps as it applies sales (never the sales themselves). */
export class Reports {
  constructor(readonly repository: Repository) {}

  /** A store's today, in its time zone. */
  today(store: Store): string {
    return localDayHour(this.repository.now(), store.timeZone).day;
  }

  /**
   * The stores a report covers: those named (comma-separated ids), each one that exists, or every
   * store the caller works in (an owner or the office key: all of them).
   */
  async stores(named: string | undefined, mayUse: (storeId: string) => boolean): Promise<Store[]> {
    const all = await this.repository.storage.documents.all<Store>('stores');
    const byId = new Map(all.map((store) => [store.id, store]));
    if (named === undefined || named.trim() === '') {
      const stores = all.filter((store) => mayUse(store.id)).sort((a, b) => a.name.localeCompare(b.name));
      if (stores.length === 0) throw new SyncError('bad_request', 'this account works in no store: there is nothing to report', 400);
      return stores;
    }
    const ids = [...new Set(named.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
    if (ids.length === 0) throw new SyncError('bad_request', `no store named in "${named}": name one or more, separated by commas`, 400);
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length > 0) throw new SyncError('not_found', `no store ${unknown.map((id) => `"${id}"`).join(', ')}`, 404);
    return ids.map((id) => byId.get(id)!);
  }

  /** Checks a report's span: real days, in order, at most MAX_DAYS long. */
  span(from: unknown, to: unknown): { from: string; to: string } {
    const problems: string[] = [];
    if (!isDay(from)) problems.push('from: a day, YYYY-MM-DD');
    if (!isDay(to)) problems.push('to: a day, YYYY-MM-DD');
    if (isDay(from) && isDay(to)) {
      if (to < from) problems.push('to: on or after from');
      else if (dayNumber(to) - dayNumber(from) + 1 > MAX_DAYS) problems.push(`to: at most ${MAX_DAYS} days after from`);
    }
    if (problems.length > 0) throw new SyncError('bad_request', 'the report was not made', 400, [{ problems }]);
    return { from: from as string, to: to as string };
  }

  async sales(stores: readonly Store[], from: unknown, to: unknown, by: unknown): Promise<SalesReport> {
    const span = this.span(from, to);
    if (typeof by !== 'string' || !(SALES_GROUPINGS as readonly string[]).includes(by)) {
      throw new SyncError('bad_request', 'the report was not made', 400, [{ problems: [`by: one of ${SALES_GROUPINGS.join(', ')}`] }]);
    }
    const grouping = by as SalesGrouping;
    const currency = currencyOf(stores);
    const storeIds = stores.map((store) => store.id);
    const { dimension, group } = SOURCES[grouping];
    const [sums, completeness, labels] = await Promise.all([
      this.sums(storeIds, dimension, span.from, span.to, group),
      this.completeness(stores, span.to),
      this.labels(grouping, stores),
    ]);
    const grouped = new Map<string, ReportMeasures>();
    const add = (key: string, measures: ReportMeasures) => {
      const found = grouped.get(key) ?? emptyMeasures();
      addMeasures(found, measures);
      grouped.set(key, found);
    };
    // Every day, week or month of the span and every hour has a row, sold in or not: a chart shows the gaps.
    const periodKey = (day: string) => (grouping === 'week' ? weekOf(day) : grouping === 'month' ? day.slice(0, 7) : day);
    if (grouping === 'day' || grouping === 'week' || grouping === 'month') {
      for (let number = dayNumber(span.from); number <= dayNumber(span.to); number++) add(periodKey(dayOf(number)), emptyMeasures());
    }
    for (const sum of sums) add(grouping === 'day' || grouping === 'week' || grouping === 'month' ? periodKey(sum.group) : sum.group, sum);
    const totals = emptyMeasures();
    for (const sum of sums) addMeasures(totals, sum);
    // A document counts once in the totals: tenders, tax rates and categories count a sale under each of theirs.
    if (grouping === 'tender' || grouping === 'tax' || grouping === 'category') {
      const documents = emptyMeasures();
      for (const sum of await this.repository.storage.reports.sums(storeIds, 'all', span.from, span.to, 'store')) addMeasures(documents, sum);
      totals.sales = documents.sales;
      totals.returns = documents.returns;
    }
    // Rows of one label (two stores' "Till 1") in the order of their keys, whatever order the sums came in.
    const ordered = [...grouped.entries()].sort(([a], [b]) => (grouping === 'store' || grouping === 'till' || grouping === 'cashier' || grouping === 'category' ? (labels(a) ?? a).localeCompare(labels(b) ?? b) || a.localeCompare(b) : a.localeCompare(b)));
    const rows: SalesReportRow[] = ordered.map(([key, measures]) => ({ key, label: labels(key) ?? key, ...salesFigures(measures) }));
    return { stores: storeIds, from: span.from, to: span.to, by: grouping, currency, rows, totals: salesFigures(totals), completeness };
  }

  /**
   * A dimension's sums over the days from–to: a monthly dimension's whole months from its month
   * sums and the days at either end from its day sums. A month at either end that the span holds
   * only part of, but whose other days hold no fact (the month still running, the month the history
   * starts in), is read from its month sums too: they hold the span's days alone.
   */
  async sums(storeIds: readonly string[], dimension: ReportDimension, from: string, to: string, group: ReportGroup): Promise<ReportSum[]> {
    const reports = this.repository.storage.reports;
    if (group !== 'key' || !isMonthly(dimension)) return reports.sums(storeIds, dimension, from, to, group);
    const { before, after } = monthRests(from, to);
    const holds = (rest: { from: string; to: string } | null) => (rest === null ? Promise.resolve(false) : reports.held(storeIds, dimension, rest.from, rest.to));
    const [heldBefore, heldAfter] = await Promise.all([holds(before), holds(after)]);
    // Each side is read from its month sums when the rest of its month holds nothing; a span within
    // one month, only when both sides of it hold nothing.
    const sameMonth = from.slice(0, 7) === to.slice(0, 7);
    const emptyBefore = before !== null && !heldBefore && !(sameMonth && heldAfter);
    const emptyAfter = after !== null && !heldAfter && !(sameMonth && heldBefore);
    const read = async (wideBefore: boolean, wideAfter: boolean): Promise<ReportSum[]> => {
      const months = wholeMonths(wideBefore ? before!.from : from, wideAfter ? after!.to : to);
      if (!months) return reports.sums(storeIds, dimension, from, to, group);
      // Asked for every store, the whole months of a dimension with chain sums are the chain's alone.
      const monthStores = hasChainSums(dimension) && (await this.coversChain(storeIds)) ? [CHAIN_STORE] : storeIds;
      const parts = await Promise.all([
        reports.sums(monthStores, `${dimension}/month`, months.from, months.to, group),
        ...(months.daysBefore ? [reports.sums(storeIds, dimension, from, months.daysBefore, group)] : []),
        ...(months.daysAfter ? [reports.sums(storeIds, dimension, months.daysAfter, to, group)] : []),
      ]);
      return parts.flat();
    };
    const sums = await read(emptyBefore, emptyAfter);
    // Facts are only ever added: days outside the span that hold none now held none when the month
    // sums were read. A fact that came to them meanwhile (an offline till's, late) has the span read by its days.
    const [cameBefore, cameAfter] = await Promise.all([holds(emptyBefore ? before : null), holds(emptyAfter ? after : null)]);
    return cameBefore || cameAfter ? read(false, false) : sums;
  }

  /** Whether the stores are every store of the chain (none is ever removed, so their sums are the chain's). */
  private async coversChain(storeIds: readonly string[]): Promise<boolean> {
    const named = new Set(storeIds);
    return (await this.repository.storage.documents.all<Store>('stores')).every((store) => named.has(store.id));
  }

  async dashboard(stores: readonly Store[], from: unknown, to: unknown): Promise<Dashboard> {
    const report = await this.sales(stores, from, to, 'day');
    const storage = this.repository.storage;
    // Today in each store's own zone: stores sharing a day are summed together.
    const now = this.repository.now();
    const byToday = new Map<string, string[]>();
    for (const store of stores) {
      const today = localDayHour(now, store.timeZone).day;
      byToday.set(today, [...(byToday.get(today) ?? []), store.id]);
    }
    const today = emptyMeasures();
    for (const [day, storeIds] of byToday) for (const sum of await storage.reports.sums(storeIds, 'all', day, day, 'store')) addMeasures(today, sum);
    return {
      stores: report.stores,
      from: report.from,
      to: report.to,
      currency: report.currency,
      today: salesFigures(today),
      period: report.totals,
      days: report.rows,
      completeness: report.completeness,
    };
  }

  /**
   * What the stores' stock is worth now at each product's moving average cost in its store (head
   * office's cost where no delivery set one), stock below nothing counting nothing. Summed in the
   * database over the narrow stock positions (500,000 for 50 stores of 10,000 products), exactly.
   */
  async stockValue(stores: readonly Store[]): Promise<StockValue> {
    const storage = this.repository.storage;
    const currency = currencyOf(stores);
    const [{ valued, unvalued }, products] = await Promise.all([
      storage.documents.stockValueSums(stores.map((store) => store.id)),
      this.repository.chainFields.products(),
    ]);
    // Thousandths of a unit × ten-thousandths of the currency: whole ten-millionths, summed exactly.
    let value = valued;
    for (const product of products) {
      const quantity = unvalued.get(product.id);
      if (quantity !== undefined && product.cost !== undefined) value += quantity * toUnits(product.cost, AMOUNT_PLACES);
    }
    return { stores: stores.map((store) => store.id), currency, value: fromUnits(value, QUANTITY_PLACES + AMOUNT_PLACES, 2), at: this.repository.now().toISOString() };
  }

  /** How a grouping's keys read: the names of tills, cashiers and stores; hours; tenders; rates. */
  private async labels(grouping: SalesGrouping, stores: readonly Store[]): Promise<(key: string) => string | undefined> {
    const storage = this.repository.storage;
    switch (grouping) {
      case 'store': {
        const names = new Map(stores.map((store) => [store.id, store.name]));
        return (key) => names.get(key);
      }
      case 'till': {
        const tills = (await Promise.all(stores.map((store) => storage.documents.list<Till>('tills', store.id)))).flat();
        const names = new Map(tills.map((till) => [till.id, `${till.name} (${till.code})`]));
        return (key) => names.get(key);
      }
      case 'cashier': {
        const cashiers = (await Promise.all(stores.map((store) => storage.documents.list<Cashier>('cashiers', store.id)))).flat();
        const names = new Map(cashiers.map((cashier) => [cashier.id, cashier.name]));
        return (key) => names.get(key);
      }
      case 'category':
        return (key) => (key === '' ? 'No category' : key);
      case 'hour':
        return (key) => `${key}:00–${String((Number(key) + 1) % 24).padStart(2, '0')}:00`;
      case 'tender':
        return (key) => TENDERS[key];
      case 'tax':
        return (key) => `${key} %`;
      case 'week':
        return (key) => `Week of ${key}`;
      default:
        return () => undefined;
    }
  }

  /**
   * Whether every till of the stores has sent what it made up to the end of the period: a till is up
   * to date when it last said nothing was waiting at or after the period's end (for a period still
   * running, in the last RECENT_SYNC_MS). A till never heard from has made nothing and is left out.
   */
  async completeness(stores: readonly Store[], to: string): Promise<ReportCompleteness> {
    const storage = this.repository.storage;
    const now = this.repository.now().getTime();
    const [tills, contacts] = await Promise.all([Promise.all(stores.map((store) => storage.documents.list<Till>('tills', store.id))).then((lists) => lists.flat()), storage.tillContacts.all()]);
    const contactOf = new Map(contacts.map((contact) => [contact.tillId, contact]));
    const zones = new Map(stores.map((store) => [store.id, store.timeZone]));
    const behind: TillBehind[] = [];
    let periodEnd = 0;
    let completeUpTo: number | null = null;
    for (const till of tills) {
      const contact = contactOf.get(till.id);
      if (!contact) continue;
      const end = endOfDay(to, zones.get(till.storeId));
      const running = end > now;
      periodEnd = Math.max(periodEnd, Math.min(end, now));
      const syncedUpTo = contact.waiting === 0 && contact.waitingReportedAt ? contact.waitingReportedAt : null;
      const synced = syncedUpTo === null ? null : Date.parse(syncedUpTo);
      completeUpTo = completeUpTo === null ? (synced ?? 0) : Math.min(completeUpTo, synced ?? 0);
      const upToDate = synced !== null && (running ? synced >= now - RECENT_SYNC_MS : synced >= end);
      if (!upToDate) behind.push({ tillId: till.id, tillName: `${till.name} (${till.code})`, storeId: till.storeId, syncedUpTo, lastContactAt: contact.lastContactAt, waiting: contact.waiting });
    }
    if (periodEnd === 0) periodEnd = Math.min(...stores.map((store) => endOfDay(to, store.timeZone)), now);
    return {
      completeUpTo: completeUpTo === null ? new Date(now).toISOString() : completeUpTo === 0 ? null : new Date(completeUpTo).toISOString(),
      periodEnd: new Date(periodEnd).toISOString(),
      complete: behind.length === 0,
      behind: behind.sort((a, b) => a.tillName.localeCompare(b.tillName)),
    };
  }
}

/** The stores' one currency: amounts in two currencies are not summed, so such a report is refused. */
export function currencyOf(stores: readonly Store[]): string {
  const currencies = [...new Set(stores.map((store) => store.currency))];
  if (currencies.length > 1) throw new SyncError('bad_request', `the stores named sell in ${currencies.join(' and ')}: report them one currency at a time`, 400);
  return currencies[0];
}

/** A whole-number parameter of a report from its query text: `fallback` when not given; the problem said when out of range. */
export function wholeParameter(given: unknown, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  if (given === undefined || given === '') return fallback;
  const value = Number(given);
  if (typeof given !== 'string' || !/^\d+$/.test(given) || value < min || value > max) {
    problems.push(`${name}: a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

/** One of a list of choices from a report's query: `fallback` when not given. */
export function choiceParameter<T extends string>(given: unknown, name: string, choices: readonly T[], fallback: T, problems: string[]): T {
  if (given === undefined || given === '') return fallback;
  if (typeof given !== 'string' || !(choices as readonly string[]).includes(given)) {
    problems.push(`${name}: one of ${choices.join(', ')}`);
    return fallback;
  }
  return given as T;
}

/** Refuses a report whose parameters had problems. */
export function refuseProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new SyncError('bad_request', 'the report was not made', 400, [{ problems: [...problems] }]);
}

/** The day before a day. */
export function dayBefore(day: string): string {
  return dayOf(dayNumber(day) - 1);
}
