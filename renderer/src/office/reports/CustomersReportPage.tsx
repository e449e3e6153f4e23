import { CUSTOMER_ORDERS, type CustomersReport, type StoreFormatter } from '../../../../shared/src/index.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useLoaded } from '../use-loaded.js';
import { BarList } from './BarList.js';
import { CHART_COLOURS } from './Chart.js';
import { reportCsv } from './columns.js';
import { CUSTOMER_ORDER_NAMES, rfmLabel, rfmText } from './labels.js';
import { PeriodPicker, periodText, StoreFilter, storesText, useReportFilters } from './ReportFilters.js';
import { Amount, Choice, oneOf, ReportActions, ReportAnswer, ReportTable, Tile } from './ReportParts.js';
import { CUSTOMER_COLUMNS } from './tables.js';

/** The chart shows the first few; the table lists them all. */
const CHARTED = 10;

/**
 * Who buys: the period's customers by what they spent, how often or how lately they bought, each with
 * their recency, frequency and monetary scores and segment; how many are new, and the sales made
 * without a customer.
 */
export function CustomersReportPage() {
  const filters = useReportFilters('this-month');
  const { period, storesQuery } = filters;
  const order = oneOf(filters.parameter('order'), CUSTOMER_ORDERS, 'gross');
  const format = formatterOf(filters.stores[0]);
  const report = useLoaded(
    () => office.get('/api/office/reports/customers', { query: { stores: storesQuery, from: period.from, to: period.to, order } }),
    `${storesQuery}:${period.from}:${period.to}:${order}:${filters.live}`,
  );
  const shown = report.value;
  return (
    <section aria-labelledby="customers-report-heading" className="report">
      <h2 id="customers-report-heading">Customer report</h2>
      <p className="report-scope">
        {CUSTOMER_ORDER_NAMES[order]} first · {storesText(filters)} · {periodText(filters)}
      </p>
      <form className="inline-form report-filters no-print" aria-label="What the report shows" onSubmit={(event) => event.preventDefault()}>
        <PeriodPicker filters={filters} />
        <StoreFilter filters={filters} />
        <Choice label="Order by" value={order} options={CUSTOMER_ORDERS} names={CUSTOMER_ORDER_NAMES} onChange={(next) => filters.change({ order: next })} />
        <ReportActions csv={shown ? () => ({ text: reportCsv(CUSTOMER_COLUMNS, shown.rows, shown.currency), name: `customers-by-${shown.order}-${shown.from}-to-${shown.to}.csv` }) : undefined} />
      </form>
      <ReportAnswer loaded={report} stores={filters.stores}>
        {(answer) => <Customers report={answer} format={format} />}
      </ReportAnswer>
    </section>
  );
}

function Customers(props: { report: CustomersReport; format: StoreFormatter }) {
  const { report, format } = props;
  const { totals } = report;
  const sales = (count: number) => (count === 1 ? '1 sale' : `${count} sales`);
  const top = report.rows.slice(0, CHARTED);
  return (
    <>
      <div role="group" aria-label="Customers in the period" className="tile-group">
        <dl className="tiles">
          <Tile label="Customers" testId="customers" detail="who bought in the period">
            {totals.customers}
          </Tile>
          <Tile label="New" testId="new-customers" detail="first purchase ever">
            {totals.newCustomers}
          </Tile>
          <Tile label="Returning" testId="returning-customers" detail="bought before the period">
            {totals.returningCustomers}
          </Tile>
          <Tile label="With a customer" testId="customer-sales" detail={sales(totals.sales)}>
            <Amount value={totals.gross} currency={report.currency} format={format} />
          </Tile>
          <Tile label="Without a customer" testId="anonymous-sales" detail={sales(totals.anonymousSales)}>
            <Amount value={totals.anonymousGross} currency={report.currency} format={format} />
          </Tile>
        </dl>
      </div>
      {report.rows.length === 0 ? (
        <p className="muted">No sale in this period had a customer.</p>
      ) : (
        <>
          <h3 className="chart-title">
            What the first {top.length === 1 ? 'customer' : `${top.length} customers`} spent ({report.currency}, with tax)
          </h3>
          <BarList
            testId="customers-chart"
            summary={`What the first ${top.length} customers spent, with tax: ${top.map((row) => `${row.name} ${format.amount(row.gross, 2)} ${report.currency}`).join(', ')}.`}
            bars={top.map((row) => ({ key: row.customerId, label: row.name, value: row.gross, shown: format.amount(row.gross, 2) }))}
            color={CHART_COLOURS.gross}
          />
          <ReportTable
            label="Customers"
            testId="customers-table"
            columns={CUSTOMER_COLUMNS}
            rows={report.rows}
            rowKey={(row) => row.customerId}
            rowProps={(row) => ({ 'data-customer-id': row.customerId })}
            format={format}
            cells={{
              rfm: (row) => (
                <span className="rfm" aria-label={rfmLabel(row.scores)} role="img">
                  {rfmText(row.scores)}
                </span>
              ),
            }}
            caption={`Spent: with tax, returns taken off, in ${report.currency}. R F M: recency, frequency and monetary scores, 1 (the lowest fifth of the period's customers) to 5 (the highest).`}
          />
        </>
      )}
    </>
  );
}
