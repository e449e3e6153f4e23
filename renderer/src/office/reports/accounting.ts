/*
 * The accountant's export: one row per day with net, tax and gross per tax rate, what each tender
 * took, and the day's net, tax and gross; the period's totals last. The page's table and the CSV
 * are made from the same columns, so the file is exactly the table.
 */
import { formatCsv, type AccountingDay, type AccountingReport } from '../../../../shared/src/index.js';
import { rawValue, type ReportColumn } from './columns.js';
import { tenderName } from './labels.js';

/** The export's columns for the report's rates and tenders, in their order. */
export function accountingColumns(report: AccountingReport): ReportColumn<AccountingDay>[] {
  const rateColumns = report.rates.flatMap((rate, index): ReportColumn<AccountingDay>[] => [
    { id: `net-${rate}`, header: `Net ${rate} %`, kind: 'amount', value: (day) => day.taxes[index]?.net ?? null },
    { id: `tax-${rate}`, header: `Tax ${rate} %`, kind: 'amount', value: (day) => day.taxes[index]?.tax ?? null },
    { id: `gross-${rate}`, header: `Gross ${rate} %`, kind: 'amount', value: (day) => day.taxes[index]?.gross ?? null },
  ]);
  const tenderColumns = report.tenders.map((tender, index): ReportColumn<AccountingDay> => ({ id: `tender-${tender}`, header: tenderName(tender), kind: 'amount', value: (day) => day.tenders[index]?.amount ?? null }));
  return [
    { id: 'day', header: 'Day', kind: 'text', value: (day) => day.day, rowHeader: true },
    ...rateColumns,
    ...tenderColumns,
    { id: 'net', header: 'Net', kind: 'amount', value: (day) => day.net },
    { id: 'tax', header: 'Tax', kind: 'amount', value: (day) => day.tax },
    { id: 'gross', header: 'Gross', kind: 'amount', value: (day) => day.gross },
  ];
}

/** The totals row: the day column says "Total". */
export function accountingTotals(report: AccountingReport): AccountingDay {
  return { ...report.totals, day: 'Total' };
}

/**
 * The export as CSV: the table's headers as they are (an accountant's sheet names its columns "Net 19 %",
 * "Cash"; the currency is the file's name), one row per day, the totals last, every amount as the server
 * sent it.
 */
export function accountingCsv(report: AccountingReport): string {
  const columns = accountingColumns(report);
  const rows = [...report.days, accountingTotals(report)].map((day) => columns.map((column) => rawValue(column, day)));
  return `\uFEFF${formatCsv([columns.map((column) => column.header), ...rows])}`;
}

export function accountingCsvName(report: AccountingReport): string {
  return `accounting-${report.currency}-${report.from}-to-${report.to}.csv`;
}
