import type { ReactNode } from 'react';
import type { SalesFigures, StoreFormatter } from '../../../../shared/src/index.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { Link } from '../router.js';
import { useLoaded } from '../use-loaded.js';
import { Chart, CHART_COLOURS } from './Chart.js';
import { CompletenessBanner } from './Completeness.js';
import { grossSummary, marginPercentText } from './figures.js';
import { PeriodPicker, periodText, StoreFilter, storesText, useReportFilters, type ReportFilters } from './ReportFilters.js';

/**
 * The owner's first page: today's and the period's sales, the period day by day, the stock's value,
 * whether the figures are complete, and the questions to ask next with the pages that answer them.
 */
export function DashboardPage() {
  const filters = useReportFilters('this-month');
  const { period, storesQuery } = filters;
  const format = formatterOf(filters.stores[0]);
  const dashboard = useLoaded(() => office.get('/api/office/reports/dashboard', { query: { stores: storesQuery, from: period.from, to: period.to } }), `${storesQuery}:${period.from}:${period.to}:${filters.live}`);
  // Read apart: it reads every stock level of the stores, the figures above only their sums.
  const stockValue = useLoaded(() => office.get('/api/office/reports/stock-value', { query: { stores: storesQuery } }), `${storesQuery}:${filters.live}`);
  const figures = dashboard.value;
  return (
    <>
      <section aria-labelledby="dashboard-heading" className="report">
        <h2 id="dashboard-heading">Dashboard</h2>
        <p className="report-scope">
          {storesText(filters)} · {periodText(filters)}
        </p>
        <form className="inline-form report-filters no-print" aria-label="What the dashboard shows" onSubmit={(event) => event.preventDefault()}>
          <PeriodPicker filters={filters} />
          <StoreFilter filters={filters} />
          <button type="button" onClick={() => void dashboard.reload()}>
            Refresh
          </button>
        </form>
        {dashboard.problem ? (
          <p className="problem" role="alert">
            {dashboard.problem}
          </p>
        ) : null}
        {!figures ? (
          dashboard.problem ? null : <p className="muted">Loading…</p>
        ) : (
          <>
            <CompletenessBanner completeness={figures.completeness} stores={filters.stores} />
            <div className="tile-groups">
              <Tiles title="Today" testId="today" figures={figures.today} currency={figures.currency} format={format}>
                <Tile label="Stock value" testId="stock-value" detail="at cost, now">
                  {stockValue.value ? <Amount value={stockValue.value.value} currency={stockValue.value.currency} format={format} /> : <span className="muted">{stockValue.problem || 'Loading…'}</span>}
                </Tile>
              </Tiles>
              <Tiles title={periodText(filters)} testId="period" figures={figures.period} currency={figures.currency} format={format} />
            </div>
          </>
        )}
      </section>
      {figures ? (
        <section aria-labelledby="days-heading" className="report">
          <h3 id="days-heading">Sales per day</h3>
          <Chart
            testId="dashboard-chart"
            summary={`${grossSummary(figures.days, 'Sales per day, with tax', figures.currency, format)} A line shows each day’s margin.`}
            categories={figures.days.map((day) => day.label)}
            series={[
              { label: `Sales with tax (${figures.currency})`, values: figures.days.map((day) => day.gross), color: CHART_COLOURS.gross, style: 'bars' },
              { label: `Margin (${figures.currency})`, values: figures.days.map((day) => day.margin), color: CHART_COLOURS.margin, style: 'line' },
            ]}
            xLabel="Day"
            yLabel={`Amount (${figures.currency})`}
            locale={format.locale}
            formatValue={(value) => format.amount(value, 2)}
            height={240}
          />
          <details className="chart-figures">
            <summary>The figures per day</summary>
            <div className="data-table">
              <table aria-label="Sales per day">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" className="num">
                      Sales
                    </th>
                    <th scope="col" className="num">
                      Gross ({figures.currency})
                    </th>
                    <th scope="col" className="num">
                      Margin ({figures.currency})
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {figures.days.map((day) => (
                    <tr key={day.key} data-day={day.key}>
                      <th scope="row">{day.label}</th>
                      <td className="num">{day.sales}</td>
                      <td className="num">{format.amount(day.gross, 2)}</td>
                      <td className="num">{format.amount(day.margin, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      ) : null}
      <Questions filters={filters} />
    </>
  );
}

/** A group of figures: sales with tax, transactions, average basket, margin (and what the caller adds). */
function Tiles(props: { title: string; testId: string; figures: SalesFigures; currency: string; format: StoreFormatter; children?: ReactNode }) {
  const { figures, currency, format } = props;
  const headingId = `${props.testId}-heading`;
  return (
    <div className="tile-group" aria-labelledby={headingId} role="group" data-testid={props.testId}>
      <h3 id={headingId}>{props.title}</h3>
      <dl className="tiles">
        <Tile label="Sales" testId={`${props.testId}-gross`} detail="with tax, less returns">
          <Amount value={figures.gross} currency={currency} format={format} />
        </Tile>
        <Tile label="Transactions" testId={`${props.testId}-sales`} detail={figures.returns === 1 ? 'sales, and 1 return' : `sales, and ${figures.returns} returns`}>
          {figures.sales}
        </Tile>
        <Tile label="Average basket" testId={`${props.testId}-basket`} detail="with tax, per sale">
          <Amount value={figures.averageBasket} currency={currency} format={format} />
        </Tile>
        <Tile label="Margin" testId={`${props.testId}-margin`} detail={marginPercentText(figures, format)}>
          <Amount value={figures.margin} currency={currency} format={format} />
        </Tile>
        {props.children}
      </dl>
    </div>
  );
}

/** An amount in the store's way, its currency smaller beside it. */
function Amount(props: { value: string; currency: string; format: StoreFormatter }) {
  return (
    <>
      {props.format.amount(props.value, 2)} <span className="currency">{props.currency}</span>
    </>
  );
}

function Tile(props: { label: string; testId: string; detail: string; children: ReactNode }) {
  return (
    <div className="tile" data-testid={props.testId}>
      <dt>{props.label}</dt>
      <dd className="tile-figure">{props.children}</dd>
      <dd className="tile-detail">{props.detail}</dd>
    </div>
  );
}

/** The owner's questions, each with the page that answers it and a link that says what it shows. */
function Questions(props: { filters: ReportFilters }) {
  const { filters } = props;
  // A store's page opens on the store chosen here, where one is.
  const storePage = (path: string) => (filters.stores.length === 1 ? `${path}?store=${encodeURIComponent(filters.stores[0].id)}` : path);
  const questions: { question: string; answer: string; link: string; to: string }[] = [
    { question: 'What sells', answer: 'The top sellers by units, revenue or margin, and the stock that does not sell.', link: 'What sells', to: filters.linkTo('/reports/products') },
    { question: 'What runs low', answer: 'Products out of stock, at their reorder point or with few days of cover, and the sales lost.', link: 'Running low', to: filters.linkTo('/reports/running-low') },
    { question: 'Who buys most', answer: 'Customers by what they spent, how often and how lately they bought; new and returning.', link: 'Customer report', to: filters.linkTo('/reports/customers') },
    { question: 'Weak margins', answer: 'Margin % per category against the target, and the products sold at a loss or below it.', link: 'Margins', to: filters.linkTo('/reports/margins') },
    { question: 'What to reorder', answer: 'What each store should order now, from its sales and stock.', link: 'Reorder suggestions', to: storePage('/reorder') },
  ];
  return (
    <section aria-labelledby="questions-heading" className="report no-print">
      <h3 id="questions-heading">Questions to ask next</h3>
      <ul className="questions">
        {questions.map((entry) => (
          <li key={entry.question}>
            <strong>{entry.question}</strong>
            <span className="muted">{entry.answer}</span>
            <Link to={entry.to}>{entry.link}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
