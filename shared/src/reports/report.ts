/*
 * The reports head office reads, as the server answers them: figures as decimal strings (amounts
 * with 2 places, quantities as exact as they were sold), summed from the report facts (facts.ts).
 */

/** A sales report's rows: per period (day, ISO week from its Monday, month), hour of day, or what sold. */
export const SALES_GROUPINGS = ['day', 'week', 'month', 'hour', 'store', 'till', 'cashier', 'category', 'tender', 'tax'] as const;
export type SalesGrouping = (typeof SALES_GROUPINGS)[number];

/** The figures of a report row, or of its total. */
export interface SalesFigures {
  /** Sales and returns (documents). */
  sales: number;
  returns: number;
  /** Sales with tax, returns taken off, in the period the sale or return was made. */
  gross: string;
  net: string;
  tax: string;
  discount: string;
  /** Sales with tax per sale, returns taken off (0.00 without sales). */
  averageBasket: string;
  /** The cost of goods sold, fixed when each sale was applied. */
  cost: string;
  /** Net less cost, over the lines whose cost is known; and that in percent of their net (null without such lines). */
  margin: string;
  marginPercent: string | null;
  /** Units sold less returned (kilograms and pieces together: a rough count). */
  quantity: string;
}

export interface SalesReportRow extends SalesFigures {
  /** The period's first day, the hour ('09'), or the id of the store, till, cashier, category, tender or tax rate. */
  key: string;
  /** What a person reads: the day or month itself, "Week of 2026-12-07", "09:00–10:00", the till's or cashier's name, "Cash", "19 %". */
  label: string;
}

/** A till that has not sent everything it made up to the end of a report's period. */
export interface TillBehind {
  tillId: string;
  tillName: string;
  storeId: string;
  /** When it last said nothing was waiting (server clock), if that is its latest report; null when its latest report had documents waiting, or it never said. */
  syncedUpTo: string | null;
  /** Its last contact, and how many documents it said were waiting then (null if it did not say). */
  lastContactAt: string | null;
  waiting: number | null;
}

/**
 * Whether a report holds everything made in its period: every till of its stores has reported nothing
 * waiting after the period ended (or, for a period still running, lately). Sales that arrive later
 * are added to the day they were made.
 */
export interface ReportCompleteness {
  /** The moment the report is complete up to: the earliest of its tills' syncedUpTo, or now. */
  completeUpTo: string | null;
  /** The end of the period (server clock), or now for a period still running. */
  periodEnd: string;
  complete: boolean;
  behind: TillBehind[];
}

export interface SalesReport {
  stores: string[];
  from: string;
  to: string;
  by: SalesGrouping;
  currency: string;
  rows: SalesReportRow[];
  totals: SalesFigures;
  completeness: ReportCompleteness;
}

/** The owner's first page: today, the period, the sales over it, and the questions to ask next. */
export interface Dashboard {
  stores: string[];
  from: string;
  to: string;
  currency: string;
  /** Today in each store's time zone. */
  today: SalesFigures;
  period: SalesFigures;
  /** One row per day of the period, oldest first, days without sales included. */
  days: SalesReportRow[];
  /** The stock's value at the moving average cost, now. */
  stockValue: string;
  completeness: ReportCompleteness;
}
