import { PRODUCT_ORDERS, type ProductsReport, type SlowMoversReport, type StoreFormatter } from '../../../../shared/src/index.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useLoaded } from '../use-loaded.js';
import { BarList } from './BarList.js';
import { CHART_COLOURS } from './Chart.js';
import { reportCsv } from './columns.js';
import { PRODUCT_ORDER_NAMES } from './labels.js';
import { CATEGORY_CELLS, measureOf, PRODUCT_COLUMNS, productTotals, slowMoverColumns, topSummary } from './tables.js';
import { PeriodPicker, periodText, StoreFilter, storesText, useReportFilters, type ReportFilters } from './ReportFilters.js';
import { Amount, Choice, oneOf, ReportActions, ReportAnswer, ReportTable } from './ReportParts.js';

/** How many products the list holds: the top 50, 100 or 500. */
const LIMITS = ['50', '100', '500'] as const;
/** "No sale in" picks, in days. */
const SLOW_DAYS = ['30', '60', '90', '180'] as const;
/** The chart shows the first few; the table lists them all. */
const CHARTED = 10;

/**
 * What sells: the period's top sellers by units, revenue or margin (a chart of the first ten, the
 * table of every figure with the totals of all products sold), and the slow movers: stock on hand
 * that has not sold for a month or more, the most value tied up first.
 */
export function ProductsReportPage() {
  const filters = useReportFilters('last-7-days');
  const { period, storesQuery } = filters;
  const order = oneOf(filters.parameter('order'), PRODUCT_ORDERS, 'revenue');
  const limit = oneOf(filters.parameter('limit'), LIMITS, '50');
  const format = formatterOf(filters.stores[0]);
  const report = useLoaded(
    () => office.get('/api/office/reports/products', { query: { stores: storesQuery, from: period.from, to: period.to, order, limit } }),
    `${storesQuery}:${period.from}:${period.to}:${order}:${limit}:${filters.live}`,
  );
  const shown = report.value;
  return (
    <>
      <section aria-labelledby="products-heading" className="report">
        <h2 id="products-heading">What sells</h2>
        <p className="report-scope">
          Top {limit} by {PRODUCT_ORDER_NAMES[order].toLowerCase()} · {storesText(filters)} · {periodText(filters)}
        </p>
        <form className="inline-form report-filters no-print" aria-label="What the report shows" onSubmit={(event) => event.preventDefault()}>
          <PeriodPicker filters={filters} />
          <StoreFilter filters={filters} />
          <Choice label="Order by" value={order} options={PRODUCT_ORDERS} names={PRODUCT_ORDER_NAMES} onChange={(next) => filters.change({ order: next })} />
          <Choice label="Show" value={limit} options={LIMITS} names={{ '50': 'Top 50', '100': 'Top 100', '500': 'Top 500' }} onChange={(next) => filters.change({ limit: next })} />
          <ReportActions csv={shown ? () => ({ text: reportCsv(PRODUCT_COLUMNS, shown.rows, shown.currency, productTotals(shown)), name: `what-sells-by-${shown.order}-${shown.from}-to-${shown.to}.csv` }) : undefined} />
        </form>
        <ReportAnswer loaded={report} stores={filters.stores}>
          {(answer) => (answer.rows.length === 0 ? <p className="muted">Nothing sold or returned in this period.</p> : <TopSellers report={answer} format={format} />)}
        </ReportAnswer>
      </section>
      <SlowMovers filters={filters} />
    </>
  );
}

function TopSellers(props: { report: ProductsReport; format: StoreFormatter }) {
  const { report, format } = props;
  const top = report.rows.slice(0, CHARTED);
  const measure = measureOf(report.order, report.currency);
  return (
    <>
      <h3 className="chart-title">
        Top {top.length} by {measure.label}
      </h3>
      <BarList
        testId="products-chart"
        summary={topSummary(top, report.order, report.currency, format)}
        bars={top.map((row) => ({ key: row.productId, label: row.name, value: measure.value(row), shown: report.order === 'quantity' ? format.number(measure.value(row)) : format.amount(measure.value(row), 2) }))}
        color={report.order === 'margin' ? CHART_COLOURS.margin : CHART_COLOURS.gross}
      />
      <ReportTable
        label={`Top sellers by ${PRODUCT_ORDER_NAMES[report.order].toLowerCase()}`}
        testId="top-sellers"
        columns={PRODUCT_COLUMNS}
        rows={report.rows}
        rowKey={(row) => row.productId}
        rowProps={(row) => ({ 'data-sku': row.sku })}
        totals={productTotals(report)}
        format={format}
        cells={CATEGORY_CELLS}
        caption={`${report.rows.length} of ${report.products} products sold; the totals are of all ${report.products}. Amounts in ${report.currency}; net is without tax; the margin is net less cost, over the lines whose cost is known; on hand is now.`}
      />
    </>
  );
}

/** Stock that does not sell: on hand, not sold in the store for the days picked. */
function SlowMovers(props: { filters: ReportFilters }) {
  // The page's filters: its stores, and its one live stream.
  const { filters } = props;
  const { storesQuery } = filters;
  const days = oneOf(filters.parameter('days'), SLOW_DAYS, '60');
  const format = formatterOf(filters.stores[0]);
  const report = useLoaded(() => office.get('/api/office/reports/slow-movers', { query: { stores: storesQuery, days } }), `${storesQuery}:${days}:${filters.live}`);
  const shown = report.value;
  return (
    <section aria-labelledby="slow-movers-heading" className="report">
      <h3 id="slow-movers-heading">Slow movers</h3>
      <form className="inline-form report-filters no-print" aria-label="Which slow movers" onSubmit={(event) => event.preventDefault()}>
        <Choice label="No sale in" value={days} options={SLOW_DAYS} names={{ '30': '30 days', '60': '60 days', '90': '90 days', '180': '180 days' }} onChange={(next) => filters.change({ days: next })} />
        <ReportActions csv={shown ? () => ({ text: reportCsv(slowMoverColumns(shown.stores.length !== 1), shown.rows, shown.currency), name: `slow-movers-${shown.days}-days-since-${shown.since}.csv` }) : undefined} downloadLabel="Download slow movers CSV" print={false} />
      </form>
      <ReportAnswer loaded={report} stores={filters.stores}>
        {(answer) => <SlowMoversTable report={answer} format={format} />}
      </ReportAnswer>
    </section>
  );
}

function SlowMoversTable(props: { report: SlowMoversReport; format: StoreFormatter }) {
  const { report, format } = props;
  const products = report.count === 1 ? '1 product' : `${report.count} products`;
  return (
    <>
      <p className="report-summary" data-testid="slow-movers-summary">
        {report.count === 0 ? (
          `Everything on hand has sold since ${report.since}.`
        ) : (
          <>
            <strong>{products}</strong> on hand without a sale since {report.since} ({report.days} days), tying up <strong><Amount value={report.stockValue} currency={report.currency} format={format} /></strong> at cost
            {report.rows.length < report.count ? `; the ${report.rows.length} with the most value are listed` : ''}.
          </>
        )}
      </p>
      {report.rows.length > 0 ? (
        <ReportTable
          label="Slow movers"
          testId="slow-movers"
          columns={slowMoverColumns(report.stores.length !== 1)}
          rows={report.rows}
          rowKey={(row) => `${row.storeId}:${row.productId}`}
          rowProps={(row) => ({ 'data-sku': row.sku })}
          format={format}
          caption={`Stock value at the moving average cost, in ${report.currency} (— where no cost is known). Last sold: the last day it sold in that store (— not since reports began).`}
        />
      ) : null}
    </>
  );
}
