import { SALES_GROUPINGS, type SalesGrouping, type SalesReport, type StoreFormatter } from '../../../../shared/src/index.js';
import { FormField } from '../../ui-kit/index.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useLoaded } from '../use-loaded.js';
import { Chart, CHART_COLOURS } from './Chart.js';
import { CompletenessBanner } from './Completeness.js';
import { figureColumnsOf, grossSummary, GROUPING_NAMES, salesCsv, salesCsvName, shownFigure } from './figures.js';
import { PeriodPicker, periodText, StoreFilter, storesText, useReportFilters } from './ReportFilters.js';
import { downloadCsv } from './ReportParts.js';

/** Groupings in an order of their own (time): a label every few bars will do. */
const ORDERED: readonly SalesGrouping[] = ['day', 'week', 'month', 'hour'];

function isGrouping(value: string | null): value is SalesGrouping {
  return SALES_GROUPINGS.includes(value as SalesGrouping);
}

/**
 * Sales over a period, by day, week, month, hour of day, store, till, cashier, category, tender or
 * tax rate: a chart of the gross, the table of every figure with its totals, and the same as CSV or
 * on paper. The filters live in the address.
 */
export function SalesReportPage() {
  const filters = useReportFilters('last-7-days');
  const { period, storesQuery } = filters;
  const asked = filters.parameter('by');
  const by: SalesGrouping = isGrouping(asked) ? asked : 'day';
  const format = formatterOf(filters.stores[0]);
  const report = useLoaded(
    () => office.get('/api/office/reports/sales', { query: { stores: storesQuery, from: period.from, to: period.to, by } }),
    `${storesQuery}:${period.from}:${period.to}:${by}:${filters.live}`,
  );
  // The last answer stays while the next loads: what is shown is what the answer says it is.
  const shown = report.value;
  return (
    <section aria-labelledby="sales-report-heading" className="report">
      <h2 id="sales-report-heading">Sales report</h2>
      <p className="report-scope">
        By {GROUPING_NAMES[by].toLowerCase()} · {storesText(filters)} · {periodText(filters)}
      </p>
      <form className="inline-form report-filters no-print" aria-label="What the report shows" onSubmit={(event) => event.preventDefault()}>
        <PeriodPicker filters={filters} />
        <StoreFilter filters={filters} />
        <FormField label="By">
          {(control) => (
            <select {...control} value={by} onChange={(event) => filters.change({ by: event.target.value })}>
              {SALES_GROUPINGS.map((grouping) => (
                <option key={grouping} value={grouping}>
                  {GROUPING_NAMES[grouping]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <span className="report-actions">
          <button type="button" disabled={!shown} onClick={() => shown && downloadCsv({ text: salesCsv(shown), name: salesCsvName(shown) })}>
            Download CSV
          </button>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </span>
      </form>
      {report.problem ? (
        <p className="problem" role="alert">
          {report.problem}
        </p>
      ) : null}
      {!shown ? (
        report.problem ? null : <p className="muted">Loading…</p>
      ) : (
        <>
          <CompletenessBanner completeness={shown.completeness} stores={filters.stores} />
          {shown.rows.length === 0 ? (
            <p className="muted">Nothing sold or returned in this period.</p>
          ) : (
            <Chart
              testId="sales-chart"
              summary={grossSummary(shown.rows, `Sales with tax by ${GROUPING_NAMES[shown.by].toLowerCase()}`, shown.currency, format)}
              categories={shown.rows.map((row) => row.label)}
              labelEvery={!ORDERED.includes(shown.by)}
              series={[{ label: `Sales with tax (${shown.currency})`, values: shown.rows.map((row) => row.gross), color: CHART_COLOURS.gross, style: 'bars' }]}
              xLabel={GROUPING_NAMES[shown.by]}
              yLabel={`Sales (${shown.currency}, with tax)`}
              locale={format.locale}
              formatValue={(value) => format.amount(value, 2)}
              height={240}
            />
          )}
          <SalesTable report={shown} format={format} />
        </>
      )}
    </section>
  );
}

/** Every figure of every row, the totals beneath; amounts in the report's currency. */
function SalesTable(props: { report: SalesReport; format: StoreFormatter }) {
  const { report, format } = props;
  const columns = figureColumnsOf(report.by);
  return (
    <div className={`data-table sales-table${columns.length < 6 ? ' few-figures' : ''}`}>
      <table aria-label={`Sales by ${GROUPING_NAMES[report.by].toLowerCase()}`}>
        <caption>{captionOf(report)}</caption>
        <thead>
          <tr>
            <th scope="col">{GROUPING_NAMES[report.by]}</th>
            {columns.map((column) => (
              <th key={column.id} scope="col" className="num">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => (
                <td key={column.id} className={`num ${column.id}`}>
                  {shownFigure(row, column, format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-row="totals">
            <th scope="row">Total</th>
            {columns.map((column) => (
              <td key={column.id} className={`num ${column.id}`}>
                {shownFigure(report.totals, column, format)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** What the table's figures mean, for the grouping it has. */
function captionOf(report: SalesReport): string {
  switch (report.by) {
    case 'tender':
      return `Amounts in ${report.currency}, with tax. A tender counts what it took: a sale paid by two tenders counts under each, once in the total.`;
    case 'tax':
      return `Amounts in ${report.currency}. Gross is with tax, net without. A sale with goods at two rates counts under each rate, once in the total.`;
    default:
      return `Amounts in ${report.currency}. Gross is with tax, net without; the average basket is gross per sale; the margin is net less cost, over the lines whose cost is known.`;
  }
}

