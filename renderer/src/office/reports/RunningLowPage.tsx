import { STOCK_STATES, type RunningLowReport, type StoreFormatter } from '../../../../shared/src/index.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { Link } from '../router.js';
import { useLoaded } from '../use-loaded.js';
import { reportCsv } from './columns.js';
import { stockStateName } from './labels.js';
import { StoreFilter, storesText, useReportFilters } from './ReportFilters.js';
import { Amount, Choice, NumberInput, oneOf, ReportActions, ReportAnswer, ReportTable, Tile, wholeNumberOf } from './ReportParts.js';
import { runningLowColumns, runningLowListed } from './tables.js';

/** The sales a product's daily average is taken over, and the days of cover below which it runs low, unless the address says otherwise. */
const DEFAULT_WINDOW_DAYS = 28;
const DEFAULT_COVER_DAYS = 7;
/** How many products are listed (all are counted): a chain's stores may have tens of thousands running low. */
const LIMITS = ['100', '500', '5000'] as const;

/**
 * Running low: products out of stock (with the sales they lose), at or below their reorder point, or
 * with fewer days of cover than asked, now; and the way to the reorder suggestions that fix them.
 */
export function RunningLowPage() {
  const filters = useReportFilters('last-7-days');
  const { storesQuery } = filters;
  const windowDays = wholeNumberOf(filters.parameter('windowDays'), 1, 365, DEFAULT_WINDOW_DAYS);
  const coverDays = wholeNumberOf(filters.parameter('coverDays'), 1, 365, DEFAULT_COVER_DAYS);
  const limit = oneOf(filters.parameter('limit'), LIMITS, '500');
  const format = formatterOf(filters.stores[0]);
  const report = useLoaded(
    () => office.get('/api/office/reports/running-low', { query: { stores: storesQuery, windowDays: String(windowDays), coverDays: String(coverDays), limit } }),
    `${storesQuery}:${windowDays}:${coverDays}:${limit}:${filters.live}`,
  );
  const shown = report.value;
  // The reorder page is a store's: it opens on the store chosen here, where one is.
  const reorder = filters.stores.length === 1 ? `/reorder?store=${encodeURIComponent(filters.stores[0].id)}` : '/reorder';
  return (
    <section aria-labelledby="running-low-heading" className="report">
      <h2 id="running-low-heading">Running low</h2>
      <p className="report-scope">
        Now · {storesText(filters)} · sales of the last {windowDays} days, under {coverDays} days of cover
      </p>
      <form className="inline-form report-filters no-print" aria-label="What the report shows" onSubmit={(event) => event.preventDefault()}>
        <StoreFilter filters={filters} />
        <NumberInput label="Average over (days)" value={windowDays} min={1} max={365} onCommit={(next) => filters.change({ windowDays: String(next) })} />
        <NumberInput label="Cover under (days)" value={coverDays} min={1} max={365} onCommit={(next) => filters.change({ coverDays: String(next) })} />
        <Choice label="Show" value={limit} options={LIMITS} names={{ '100': 'First 100', '500': 'First 500', '5000': 'First 5,000' }} onChange={(next) => filters.change({ limit: next })} />
        <ReportActions
          csv={
            shown
              ? () => ({
                  text: reportCsv(runningLowColumns(shown.coverDays, shown.stores.length !== 1), shown.rows, shown.currency),
                  // A list cut short says so in its name: the first so many of the products running low.
                  name: `running-low-${shown.windowDays}-days-cover-${shown.coverDays}${runningLowListed(shown, format) ? `-first-${shown.rows.length}` : ''}.csv`,
                })
              : undefined
          }
        />
      </form>
      <p className="no-print">
        <Link to={reorder}>Make orders from the reorder suggestions</Link>
      </p>
      <ReportAnswer loaded={report} stores={filters.stores}>
        {(answer) => <RunningLow report={answer} format={format} />}
      </ReportAnswer>
    </section>
  );
}

function RunningLow(props: { report: RunningLowReport; format: StoreFormatter }) {
  const { report, format } = props;
  const cut = runningLowListed(report, format);
  const products = (count: number) => (count === 1 ? 'product' : 'products');
  return (
    <>
      <div role="group" aria-label="How many products run low" className="tile-group">
        <dl className="tiles">
          {STOCK_STATES.map((state) => (
            <Tile key={state} label={stockStateName(state, report.coverDays)} testId={`count-${state}`} detail={products(report.counts[state])}>
              {report.counts[state]}
            </Tile>
          ))}
          <Tile label="Lost sales" testId="lost-sales" detail="estimated, while out of stock">
            <Amount value={report.lostSales} currency={report.currency} format={format} />
          </Tile>
        </dl>
      </div>
      {cut ? (
        <p className="report-summary" data-testid="running-low-summary">
          {cut}
        </p>
      ) : null}
      {report.rows.length === 0 ? (
        <p className="muted">Nothing runs low: every product has stock above its reorder point and more than {report.coverDays} days of cover.</p>
      ) : (
        <ReportTable
          label="Products running low"
          testId="running-low"
          columns={runningLowColumns(report.coverDays, report.stores.length !== 1)}
          className="wide"
          rows={report.rows}
          rowKey={(row) => `${row.storeId}:${row.productId}`}
          rowProps={(row) => ({ 'data-sku': row.sku, 'data-state': row.state, className: `stock-${row.state}` })}
          format={format}
          cells={{ 'out-since': (row) => (row.outSince ? format.dateTime(row.outSince, { seconds: false }) : '—') }}
          caption={`Out of stock first, then the fewest days of cover. Average a day: net units sold a day over the last ${report.windowDays} days. Lost: the sales missed since it ran out, at the rate it sold before and its price now, in ${report.currency}.`}
        />
      )}
    </>
  );
}
