/*
 * A report's table and its CSV from one list of columns: each column says what a row holds in it (the
 * server's decimal string, a count, a word) and how the table writes it, so the file downloaded holds
 * exactly what the page shows, unformatted.
 */
import { formatCsv, type StoreFormatter } from '../../../../shared/src/index.js';

/** How a column's value is written on screen: as it is, a count, an amount with 2 places, a percent with 1, a quantity as exact as sold. */
export type ColumnKind = 'text' | 'count' | 'amount' | 'percent' | 'quantity';

export interface ReportColumn<Row> {
  /** Also the class of its cells (tests and styles find a cell by it). */
  id: string;
  header: string;
  /** Columns under one heading ("Voids": count, amount); the CSV names each "Voids: count". */
  group?: string;
  kind: ColumnKind;
  /** The row's value as the server sent it (or a word for it): what the CSV holds. Null is "none" (— on screen, empty in the CSV). */
  value(row: Row): string | number | null;
  /** The first column, which names the row for a screen reader (a <th scope="row">). */
  rowHeader?: boolean;
}

/** A column's heading in a CSV: an amount's says its currency ("Sales (EUR)", "Voids: amount (EUR)"). */
export function csvHeader(column: Pick<ReportColumn<unknown>, 'header' | 'group' | 'kind'>, currency: string): string {
  const header = column.group ? `${column.group}: ${column.header.toLowerCase()}` : column.header;
  return column.kind === 'amount' ? `${header} (${currency})` : header;
}

/** A value as the CSV holds it: the server's own text, '' for none. */
export function rawValue<Row>(column: ReportColumn<Row>, row: Row): string {
  const value = column.value(row);
  return value === null ? '' : String(value);
}

/** A value as the table shows it, in the store's way of writing numbers; — for none, nothing for ''. */
export function shownValue<Row>(column: ReportColumn<Row>, row: Row, format: StoreFormatter): string {
  const value = column.value(row);
  if (value === null) return '—';
  const text = String(value);
  if (text === '') return '';
  switch (column.kind) {
    case 'text':
    case 'count':
      return text;
    case 'amount':
      return format.amount(text, 2);
    case 'percent':
      return `${format.amount(text, 1)} %`;
    case 'quantity':
      return format.number(text);
  }
}

/**
 * The rows (and a totals row, where there is one) as CSV for a spreadsheet: a byte order mark first,
 * so a spreadsheet reads names' accents as UTF-8; every figure as the server sent it.
 */
export function reportCsv<Row>(columns: readonly ReportColumn<Row>[], rows: readonly Row[], currency: string, totals?: Row): string {
  const lines = [columns.map((column) => csvHeader(column, currency)), ...rows.map((row) => columns.map((column) => rawValue(column, row)))];
  if (totals) lines.push(columns.map((column) => rawValue(column, totals)));
  return `\uFEFF${formatCsv(lines)}`;
}

/** The headings above the columns' own: each group once over its columns, a gap over a column of none. */
export function columnGroups(columns: readonly Pick<ReportColumn<unknown>, 'group'>[]): { group: string | undefined; span: number }[] {
  const groups: { group: string | undefined; span: number }[] = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last && column.group !== undefined && last.group === column.group) last.span++;
    else groups.push({ group: column.group, span: 1 });
  }
  return groups;
}
