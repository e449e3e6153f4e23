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

/** What every report over a period says of itself: its stores, its days, their currency, and whether it is complete. */
export interface PeriodReport {
  stores: string[];
  from: string;
  to: string;
  currency: string;
  completeness: ReportCompleteness;
}

export interface SalesReport extends PeriodReport {
  by: SalesGrouping;
  rows: SalesReportRow[];
  totals: SalesFigures;
}

/** The owner's first page: today, the period, the sales over it, and the questions to ask next. */
export interface Dashboard extends PeriodReport {
  /** Today in each store's time zone. */
  today: SalesFigures;
  period: SalesFigures;
  /** One row per day of the period, oldest first, days without sales included. */
  days: SalesReportRow[];
}

/** What the stores' stock is worth now, at each product's moving average cost (head office's cost where none moved it). */
export interface StockValue {
  stores: string[];
  currency: string;
  value: string;
  /** When it was worked out (server clock). */
  at: string;
}

/** What a product's figures over a period are: its lines' sums (a product on two lines of a sale counts once in `sales`). */
export interface ProductFigures {
  /** Sales and returns it was on. */
  sales: number;
  returns: number;
  /** Units sold less returned, as exact as they were sold. */
  quantity: string;
  gross: string;
  net: string;
  discount: string;
  cost: string;
  /** Net less cost over its lines with a known cost, and that in percent of their net (null without such lines). */
  margin: string;
  marginPercent: string | null;
}

export interface ProductReportRow extends ProductFigures {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  /** The product's category now ('' none). */
  category: string;
  /** Stock on hand now in the report's stores. */
  onHand: string;
}

/** What a top-sellers list is ordered by: units, revenue (sales with tax) or margin. */
export const PRODUCT_ORDERS = ['quantity', 'revenue', 'margin'] as const;
export type ProductOrder = (typeof PRODUCT_ORDERS)[number];

/** What sells: the products sold in a period, the best first by the order asked for. */
export interface ProductsReport extends PeriodReport {
  order: ProductOrder;
  /** The first `limit` products by the order. */
  rows: ProductReportRow[];
  /** How many products sold (or were returned) in the period, listed or not. */
  products: number;
  totals: SalesFigures;
}

/** A product on hand in a store that has not sold there for the report's days. */
export interface SlowMover {
  storeId: string;
  storeName: string;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  category: string;
  onHand: string;
  /** On hand at the moving average cost (null where no cost is known). */
  stockValue: string | null;
  /** The last day it sold in the store, the store's own day the sale was made, even a sale since returned (null: never). */
  lastSoldDay: string | null;
}

export interface SlowMoversReport {
  stores: string[];
  /** No sale in the `days` days ending today: from `since` on. */
  days: number;
  since: string;
  currency: string;
  /** The most stock value tied up first. */
  rows: SlowMover[];
  /** Every slow mover, listed or not: how many and what their stock is worth at cost. */
  count: number;
  stockValue: string;
  completeness: ReportCompleteness;
}

/** Why a product's margin is weak: below nothing (a loss), below the owner's target, or pushed below it by discounts. */
export const WEAK_MARGIN_REASONS = ['negative', 'below-target', 'discounts'] as const;
export type WeakMarginReason = (typeof WEAK_MARGIN_REASONS)[number];

export interface MarginRow extends ProductReportRow {
  reasons: WeakMarginReason[];
  /** The margin percent the product would have made without its discounts (null without a known cost). */
  marginBeforeDiscountsPercent: string | null;
}

export interface MarginsReport extends PeriodReport {
  /** The owner's target margin, in percent of net sales. */
  targetPercent: string;
  /** Every category with its margin, as the sales report by category gives it. */
  categories: SalesReportRow[];
  /** Products whose margin is weak, the weakest (lowest margin percent) first. */
  weak: MarginRow[];
  totals: SalesFigures;
}

/** How low a product runs: out of stock, at or below its reorder point, or with fewer days of cover than asked. */
export const STOCK_STATES = ['out', 'reorder', 'low-cover'] as const;
export type StockState = (typeof STOCK_STATES)[number];

export interface RunningLowRow {
  storeId: string;
  storeName: string;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  state: StockState;
  onHand: string;
  onOrder: string;
  /** Net units sold a day over the window. */
  averageDaily: string;
  /** On hand ÷ average daily sales (null when it does not sell). */
  daysOfCover: string | null;
  /** Where it is reordered: the fixed minimum, or the automatic one (average × lead time + safety stock); null without either. */
  reorderPoint: string | null;
  policy: 'automatic' | 'min/max';
  /** Out of stock: since when (the ledger row that took it to nothing), how many days, and the sales lost meanwhile at the rate it sold before, in units and at its price now. */
  outSince: string | null;
  daysOut: string | null;
  lostQuantity: string | null;
  lostSales: string | null;
}

export interface RunningLowReport {
  stores: string[];
  windowDays: number;
  coverDays: number;
  currency: string;
  /** Out of stock first, then the fewest days of cover: the first `limit` asked for. */
  rows: RunningLowRow[];
  /** Of every product running low, listed or not. */
  counts: Record<StockState, number>;
  /** The estimated sales lost by the products out of stock, at their prices. */
  lostSales: string;
  completeness: ReportCompleteness;
}

/** Recency, frequency and monetary scores, 1 (lowest fifth of the period's customers) to 5 (highest). */
export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
}

export const CUSTOMER_SEGMENTS = ['champion', 'loyal', 'new', 'at-risk', 'occasional'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

export interface CustomerRow {
  customerId: string;
  name: string;
  /** Sales and returns in the period, and what they spent (with tax, returns taken off). */
  sales: number;
  returns: number;
  gross: string;
  averageBasket: string;
  /** Their first and last purchase in the period, and the days from the last to the period's end. */
  firstDay: string;
  lastDay: string;
  daysSinceLast: number;
  /** Whether the period holds their first purchase ever. */
  isNew: boolean;
  scores: RfmScores;
  segment: CustomerSegment;
}

export const CUSTOMER_ORDERS = ['gross', 'sales', 'recent'] as const;
export type CustomerOrder = (typeof CUSTOMER_ORDERS)[number];

export interface CustomersReport extends PeriodReport {
  order: CustomerOrder;
  rows: CustomerRow[];
  totals: {
    customers: number;
    newCustomers: number;
    returningCustomers: number;
    /** Sales with a customer, and what they spent; sales without one. */
    sales: number;
    gross: string;
    anonymousSales: number;
    anonymousGross: string;
  };
}

/** A count of events and what they came to. */
export interface CountedAmount {
  count: number;
  amount: string;
}

/** What a cashier did that head office checks: discounts, overrides, voids, refunds, and the drawer's counts. */
export interface ControlFigures {
  sales: number;
  gross: string;
  lineDiscounts: CountedAmount;
  orderDiscounts: CountedAmount;
  /** Price and weight overrides (counts: what the shelf said is on the sale). */
  priceOverrides: number;
  weightOverrides: number;
  /** Lines taken out before payment, at what they would have cost. */
  voids: CountedAmount;
  /** Returns, and those without a receipt (a manager approved them). */
  refunds: CountedAmount;
  refundsWithoutReceipt: CountedAmount;
  /** Shifts closed with less cash than expected, and with more. */
  cashShort: CountedAmount;
  cashOver: CountedAmount;
}

export interface ControlRow extends ControlFigures {
  cashierId: string;
  name: string;
}

export interface ControlReport extends PeriodReport {
  rows: ControlRow[];
  totals: ControlFigures;
}

/** A day's totals for the accountant: per tax rate, and per tender by what each paid. */
export interface AccountingDay {
  day: string;
  /** Per rate (percent), as `rates` orders them. */
  taxes: { rate: string; net: string; tax: string; gross: string }[];
  /** Per tender, as `tenders` orders them. */
  tenders: { tender: string; amount: string }[];
  gross: string;
  net: string;
  tax: string;
}

export interface AccountingReport extends PeriodReport {
  /** Every tax rate and tender of the period, each day listing all of them (0.00 where none). */
  rates: string[];
  tenders: string[];
  days: AccountingDay[];
  totals: AccountingDay;
}
