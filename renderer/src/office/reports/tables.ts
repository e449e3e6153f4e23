/*
 * The columns of the head-office reports' tables, each list both the table's and its CSV's, in the
 * order shown; and the few figures a page picks from a report (a chart's measure, a totals row).
 */
import {
  STOCK_STATES,
  type ControlRow,
  type CustomerRow,
  type MarginRow,
  type ProductOrder,
  type ProductReportRow,
  type ProductsReport,
  type RunningLowReport,
  type RunningLowRow,
  type SalesReportRow,
  type SlowMover,
  type StoreFormatter,
} from '../../../../shared/src/index.js';
import type { ReportColumn } from './columns.js';
import { PRODUCT_ORDER_NAMES, reasonsText, rfmText, SEGMENT_NAMES, stockStateName } from './labels.js';

export const PRODUCT_COLUMNS: readonly ReportColumn<ProductReportRow>[] = [
  { id: 'sku', header: 'SKU', kind: 'text', value: (row) => row.sku },
  { id: 'product', header: 'Product', kind: 'text', value: (row) => row.name, rowHeader: true },
  { id: 'category', header: 'Category', kind: 'text', value: (row) => row.category },
  { id: 'quantity', header: 'Units', kind: 'quantity', value: (row) => row.quantity },
  { id: 'gross', header: 'Sales with tax', kind: 'amount', value: (row) => row.gross },
  { id: 'net', header: 'Net', kind: 'amount', value: (row) => row.net },
  { id: 'margin', header: 'Margin', kind: 'amount', value: (row) => row.margin },
  { id: 'margin-percent', header: 'Margin %', kind: 'percent', value: (row) => row.marginPercent },
  { id: 'on-hand', header: 'On hand', kind: 'quantity', value: (row) => row.onHand },
];

/** A product without a category shows a dash on screen (its CSV cell stays empty); the totals row's stays blank. */
export const CATEGORY_CELLS = { category: (row: { category: string }): string => row.category || '—' };

/** The top sellers' totals row: the figures of every product sold in the period, listed or not. */
export function productTotals(report: ProductsReport): ProductReportRow {
  return { ...report.totals, productId: '', sku: '', name: `Total, all ${report.products}`, unit: '', category: '', onHand: '' };
}

/** What a top sellers' chart draws for the order asked (units, sales with tax, or margin), and what it is in. */
export function measureOf(order: ProductOrder, currency: string): { label: string; value(row: ProductReportRow): string } {
  switch (order) {
    case 'quantity':
      return { label: 'units sold', value: (row) => row.quantity };
    case 'revenue':
      return { label: `revenue (${currency}, with tax)`, value: (row) => row.gross };
    case 'margin':
      return { label: `margin (${currency})`, value: (row) => row.margin };
  }
}

/** The top sellers' chart in one sentence for a screen reader: the first and the last bar, in order. */
export function topSummary(top: readonly ProductReportRow[], order: ProductOrder, currency: string, format: StoreFormatter): string {
  const what = `Top ${top.length} products by ${PRODUCT_ORDER_NAMES[order].toLowerCase()}`;
  if (top.length === 0) return `${what}: nothing sold.`;
  const measure = measureOf(order, currency);
  const figure = (row: ProductReportRow) => (order === 'quantity' ? `${format.number(measure.value(row))} units` : `${format.amount(measure.value(row), 2)} ${currency}`);
  const first = top[0];
  const last = top[top.length - 1];
  return `${what}: first ${first.name}, ${figure(first)}${top.length > 1 ? `; last ${last.name}, ${figure(last)}` : ''}. The table below lists every figure.`;
}

/** The store's column only where the report covers more than one. */
function withStore<Row extends { storeName: string }>(shown: boolean, columns: ReportColumn<Row>[]): ReportColumn<Row>[] {
  return shown ? [{ id: 'store', header: 'Store', kind: 'text', value: (row) => row.storeName }, ...columns] : columns;
}

export function slowMoverColumns(stores: boolean): ReportColumn<SlowMover>[] {
  return withStore(stores, [
    { id: 'sku', header: 'SKU', kind: 'text', value: (row) => row.sku },
    { id: 'product', header: 'Product', kind: 'text', value: (row) => row.name, rowHeader: true },
    { id: 'on-hand', header: 'On hand', kind: 'quantity', value: (row) => row.onHand },
    { id: 'stock-value', header: 'Stock value at cost', kind: 'amount', value: (row) => row.stockValue },
    { id: 'last-sold', header: 'Last sold', kind: 'text', value: (row) => row.lastSoldDay },
  ]);
}

export const CATEGORY_MARGIN_COLUMNS: readonly ReportColumn<SalesReportRow>[] = [
  { id: 'category', header: 'Category', kind: 'text', value: (row) => row.label, rowHeader: true },
  { id: 'gross', header: 'Sales with tax', kind: 'amount', value: (row) => row.gross },
  { id: 'net', header: 'Net', kind: 'amount', value: (row) => row.net },
  { id: 'discount', header: 'Discount', kind: 'amount', value: (row) => row.discount },
  { id: 'cost', header: 'Cost', kind: 'amount', value: (row) => row.cost },
  { id: 'margin', header: 'Margin', kind: 'amount', value: (row) => row.margin },
  { id: 'margin-percent', header: 'Margin %', kind: 'percent', value: (row) => row.marginPercent },
];

export const WEAK_MARGIN_COLUMNS: readonly ReportColumn<MarginRow>[] = [
  { id: 'sku', header: 'SKU', kind: 'text', value: (row) => row.sku },
  { id: 'product', header: 'Product', kind: 'text', value: (row) => row.name, rowHeader: true },
  { id: 'category', header: 'Category', kind: 'text', value: (row) => row.category },
  { id: 'reasons', header: 'Why', kind: 'text', value: (row) => reasonsText(row.reasons) },
  { id: 'quantity', header: 'Units', kind: 'quantity', value: (row) => row.quantity },
  { id: 'net', header: 'Net', kind: 'amount', value: (row) => row.net },
  { id: 'discount', header: 'Discount', kind: 'amount', value: (row) => row.discount },
  { id: 'margin', header: 'Margin', kind: 'amount', value: (row) => row.margin },
  { id: 'margin-percent', header: 'Margin %', kind: 'percent', value: (row) => row.marginPercent },
  { id: 'margin-before-discounts', header: 'Margin % before discounts', kind: 'percent', value: (row) => row.marginBeforeDiscountsPercent },
];

/** What a running low list leaves out, said above it: null when every product running low is listed. */
export function runningLowListed(report: Pick<RunningLowReport, 'rows' | 'counts'>, format: StoreFormatter): string | null {
  const total = STOCK_STATES.reduce((all, state) => all + report.counts[state], 0);
  if (report.rows.length >= total) return null;
  return `The first ${format.number(String(report.rows.length))} of ${format.number(String(total))} products running low are listed, out of stock first; the counts are of all of them.`;
}

export function runningLowColumns(coverDays: number, stores: boolean): ReportColumn<RunningLowRow>[] {
  return withStore(stores, [
    { id: 'sku', header: 'SKU', kind: 'text', value: (row) => row.sku },
    { id: 'product', header: 'Product', kind: 'text', value: (row) => row.name, rowHeader: true },
    { id: 'state', header: 'State', kind: 'text', value: (row) => stockStateName(row.state, coverDays) },
    { id: 'on-hand', header: 'On hand', kind: 'quantity', value: (row) => row.onHand },
    { id: 'on-order', header: 'On order', kind: 'quantity', value: (row) => row.onOrder },
    { id: 'average-daily', header: 'Average a day', kind: 'quantity', value: (row) => row.averageDaily },
    { id: 'days-of-cover', header: 'Days of cover', kind: 'quantity', value: (row) => row.daysOfCover },
    { id: 'reorder-point', header: 'Reorder point', kind: 'quantity', value: (row) => row.reorderPoint },
    { id: 'out-since', header: 'Out since', kind: 'text', value: (row) => row.outSince },
    { id: 'lost-quantity', header: 'Lost units', kind: 'quantity', value: (row) => row.lostQuantity },
    { id: 'lost-sales', header: 'Lost sales', kind: 'amount', value: (row) => row.lostSales },
  ]);
}

export const CUSTOMER_COLUMNS: readonly ReportColumn<CustomerRow>[] = [
  { id: 'customer', header: 'Customer', kind: 'text', value: (row) => row.name, rowHeader: true },
  { id: 'segment', header: 'Segment', kind: 'text', value: (row) => SEGMENT_NAMES[row.segment] },
  { id: 'sales', header: 'Sales', kind: 'count', value: (row) => row.sales },
  { id: 'gross', header: 'Spent', kind: 'amount', value: (row) => row.gross },
  { id: 'average-basket', header: 'Average basket', kind: 'amount', value: (row) => row.averageBasket },
  { id: 'first-day', header: 'First purchase', kind: 'text', value: (row) => row.firstDay },
  { id: 'last-day', header: 'Last purchase', kind: 'text', value: (row) => row.lastDay },
  { id: 'days-since-last', header: 'Days since last', kind: 'count', value: (row) => row.daysSinceLast },
  { id: 'new', header: 'New', kind: 'text', value: (row) => (row.isNew ? 'yes' : 'no') },
  { id: 'rfm', header: 'Scores R F M', kind: 'text', value: (row) => rfmText(row.scores) },
];

/** A count and an amount under one heading. */
function counted(id: string, group: string, figure: (row: ControlRow) => { count: number; amount: string }): ReportColumn<ControlRow>[] {
  return [
    { id: `${id}-count`, header: 'Count', group, kind: 'count', value: (row) => figure(row).count },
    { id: `${id}-amount`, header: 'Amount', group, kind: 'amount', value: (row) => figure(row).amount },
  ];
}

export const CONTROL_COLUMNS: readonly ReportColumn<ControlRow>[] = [
  { id: 'cashier', header: 'Cashier', kind: 'text', value: (row) => row.name, rowHeader: true },
  { id: 'sales', header: 'Sales', kind: 'count', value: (row) => row.sales },
  ...counted('line-discounts', 'Line discounts', (row) => row.lineDiscounts),
  ...counted('order-discounts', 'Order discounts', (row) => row.orderDiscounts),
  { id: 'price-overrides', header: 'Price', group: 'Overrides', kind: 'count', value: (row) => row.priceOverrides },
  { id: 'weight-overrides', header: 'Weight', group: 'Overrides', kind: 'count', value: (row) => row.weightOverrides },
  ...counted('voids', 'Voids', (row) => row.voids),
  ...counted('refunds', 'Refunds', (row) => row.refunds),
  ...counted('refunds-without-receipt', 'Without receipt', (row) => row.refundsWithoutReceipt),
  ...counted('cash-short', 'Cash short', (row) => row.cashShort),
  ...counted('cash-over', 'Cash over', (row) => row.cashOver),
];

