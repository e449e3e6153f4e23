/*
 * The figures of a sales report as head office reads them: the columns of its table and its CSV, one
 * list for both, and the sentence that sums up its chart. Amounts stay decimal strings throughout.
 */
import { dec, formatCsv, type SalesFigures, type SalesGrouping, type SalesReport, type SalesReportRow, type StoreFormatter } from '../../../../shared/src/index.js';

/** What a sales report's rows are, as the "by" picker and the first column name it. */
export const GROUPING_NAMES: Record<SalesGrouping, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  hour: 'Hour of day',
  store: 'Store',
  till: 'Till',
  cashier: 'Cashier',
  category: 'Category',
  tender: 'Tender',
  tax: 'Tax rate',
};

/** A spreadsheet's column for a row's key, which the label does not carry (a day's date, an id). */
const KEY_HEADERS: Record<SalesGrouping, string> = {
  day: 'Date',
  week: 'Week from',
  month: 'Month from',
  hour: 'Hour',
  store: 'Store id',
  till: 'Till id',
  cashier: 'Cashier id',
  category: 'Category path',
  tender: 'Tender id',
  tax: 'Rate (%)',
};

/** A figure of a row: its heading, and how it is written. */
export interface FigureColumn {
  id: keyof SalesFigures;
  header: string;
  kind: 'count' | 'amount' | 'percent' | 'quantity';
}

/** The table's and the CSV's figures, in their order. */
const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { id: 'sales', header: 'Sales', kind: 'count' },
  { id: 'returns', header: 'Returns', kind: 'count' },
  { id: 'gross', header: 'Gross', kind: 'amount' },
  { id: 'net', header: 'Net', kind: 'amount' },
  { id: 'tax', header: 'Tax', kind: 'amount' },
  { id: 'discount', header: 'Discount', kind: 'amount' },
  { id: 'averageBasket', header: 'Average basket', kind: 'amount' },
  { id: 'cost', header: 'Cost', kind: 'amount' },
  { id: 'margin', header: 'Margin', kind: 'amount' },
  { id: 'marginPercent', header: 'Margin %', kind: 'percent' },
  { id: 'quantity', header: 'Quantity', kind: 'quantity' },
];

/**
 * The figures a grouping counts. A tender knows only what it took (a split payment counts by its
 * amounts), a tax rate its gross, net and tax; every other grouping has them all. A figure a grouping
 * does not count is left out rather than shown as 0.00.
 */
const COUNTED: Partial<Record<SalesGrouping, readonly (keyof SalesFigures)[]>> = {
  tender: ['sales', 'returns', 'gross'],
  tax: ['sales', 'returns', 'gross', 'net', 'tax'],
};

/** The columns of a report by `by`, in their order. */
export function figureColumnsOf(by: SalesGrouping): readonly FigureColumn[] {
  const counted = COUNTED[by];
  return counted ? FIGURE_COLUMNS.filter((column) => counted.includes(column.id)) : FIGURE_COLUMNS;
}

/** A figure as the server sent it: for the CSV ('' for a margin % without costed lines). */
export function rawFigure(figures: SalesFigures, column: FigureColumn): string {
  const value = figures[column.id];
  return value === null ? '' : String(value);
}

/** A figure as the table shows it, in the store's way of writing numbers. */
export function shownFigure(figures: SalesFigures, column: FigureColumn, format: StoreFormatter): string {
  const value = figures[column.id];
  if (value === null) return '—';
  switch (column.kind) {
    case 'count':
      return String(value);
    case 'amount':
      return format.amount(String(value), 2);
    case 'percent':
      return `${format.amount(String(value), 1)} %`;
    case 'quantity':
      return format.number(String(value));
  }
}

/** A margin in percent, or "no costs known" where no line's cost is known. */
export function marginPercentText(figures: SalesFigures, format: StoreFormatter): string {
  return figures.marginPercent === null ? 'no costs known' : `${format.amount(figures.marginPercent, 1)} %`;
}

/**
 * The report as CSV for a spreadsheet: the rows' label and key, every figure as the decimal string the
 * server sent, and the totals last. A byte order mark first, so a spreadsheet reads the labels'
 * dashes and accents as UTF-8.
 */
export function salesCsv(report: SalesReport): string {
  const columns = figureColumnsOf(report.by);
  const header = [GROUPING_NAMES[report.by], KEY_HEADERS[report.by], ...columns.map((column) => (column.kind === 'amount' ? `${column.header} (${report.currency})` : column.header))];
  const rows = report.rows.map((row) => [row.label, row.key, ...columns.map((column) => rawFigure(row, column))]);
  const totals = ['Total', '', ...columns.map((column) => rawFigure(report.totals, column))];
  return `\uFEFF${formatCsv([header, ...rows, totals])}`;
}

/** The CSV's file name: what it is and its days. */
export function salesCsvName(report: SalesReport): string {
  return `sales-by-${report.by}-${report.from}-to-${report.to}.csv`;
}

/**
 * What a chart of the rows' gross shows, in one sentence for a screen reader: how many rows, the
 * highest and the lowest with their labels. The table beneath holds every figure.
 */
export function grossSummary(rows: readonly SalesReportRow[], what: string, currency: string, format: StoreFormatter): string {
  if (rows.length === 0) return `${what}: nothing sold.`;
  let highest = rows[0];
  let lowest = rows[0];
  for (const row of rows) {
    if (dec(row.gross).gt(highest.gross)) highest = row;
    if (dec(row.gross).lt(lowest.gross)) lowest = row;
  }
  const amount = (row: SalesReportRow) => `${format.amount(row.gross, 2)} ${currency} (${row.label})`;
  const count = rows.length === 1 ? '1 bar' : `${rows.length} bars`;
  return `${what}: ${count}, highest ${amount(highest)}, lowest ${amount(lowest)}. The table below lists every figure.`;
}
