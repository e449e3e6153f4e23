import type { MarginsReport, SalesReportRow, StoreFormatter } from '../../../../shared/src/index.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useLoaded } from '../use-loaded.js';
import { Chart, CHART_COLOURS } from './Chart.js';
import { reportCsv } from './columns.js';
import { PeriodPicker, periodText, StoreFilter, storesText, useReportFilters } from './ReportFilters.js';
import { downloadCsv, NumberInput, ReportActions, ReportAnswer, ReportTable, wholeNumberOf } from './ReportParts.js';
import { CATEGORY_CELLS, CATEGORY_MARGIN_COLUMNS, WEAK_MARGIN_COLUMNS } from './tables.js';

/** The owner's target margin unless the address says another, in percent of net sales. */
const DEFAULT_TARGET = 30;

/**
 * Margins: each category's margin % against the owner's target (a chart and the table), and the
 * products whose margin is weak: at a loss, below the target, or pushed below it by discounts.
 */
export function MarginsReportPage() {
  const filters = useReportFilters('this-month');
  const { period, storesQuery } = filters;
  const target = wholeNumberOf(filters.parameter('target'), 0, 100, DEFAULT_TARGET);
  const format = formatterOf(filters.stores[0]);
  const report = useLoaded(
    () => office.get('/api/office/reports/margins', { query: { stores: storesQuery, from: period.from, to: period.to, target: String(target) } }),
    `${storesQuery}:${period.from}:${period.to}:${target}:${filters.live}`,
  );
  const shown = report.value;
  return (
    <section aria-labelledby="margins-heading" className="report">
      <h2 id="margins-heading">Margins</h2>
      <p className="report-scope">
        Target {target} % · {storesText(filters)} · {periodText(filters)}
      </p>
      <form className="inline-form report-filters no-print" aria-label="What the report shows" onSubmit={(event) => event.preventDefault()}>
        <PeriodPicker filters={filters} />
        <StoreFilter filters={filters} />
        <NumberInput label="Target margin (%)" value={target} min={0} max={100} unit="%" onCommit={(next) => filters.change({ target: String(next) })} />
        <ReportActions
          csv={shown ? () => ({ text: reportCsv(CATEGORY_MARGIN_COLUMNS, shown.categories, shown.currency, { ...shown.totals, key: '', label: 'Total' }), name: `margins-by-category-${shown.from}-to-${shown.to}.csv` }) : undefined}
        />
      </form>
      <ReportAnswer loaded={report} stores={filters.stores}>
        {(answer) => <Margins report={answer} format={format} />}
      </ReportAnswer>
    </section>
  );
}

function Margins(props: { report: MarginsReport; format: StoreFormatter }) {
  const { report, format } = props;
  if (report.categories.length === 0) return <p className="muted">Nothing sold or returned in this period.</p>;
  const charted = report.categories.filter((row): row is SalesReportRow & { marginPercent: string } => row.marginPercent !== null);
  return (
    <>
      {charted.length > 0 ? (
        <Chart
          testId="margins-chart"
          summary={`Margin % per category against a target of ${format.number(report.targetPercent)} %: ${charted.map((row) => `${row.label} ${format.amount(row.marginPercent, 1)} %`).join(', ')}.`}
          categories={charted.map((row) => row.label)}
          labelEvery
          series={[
            { label: 'Margin %', values: charted.map((row) => row.marginPercent), color: CHART_COLOURS.margin, style: 'bars' },
            { label: 'Target %', values: charted.map(() => report.targetPercent), color: CHART_COLOURS.target, style: 'line' },
          ]}
          xLabel="Category"
          yLabel="Margin (% of net)"
          locale={format.locale}
          formatValue={(value) => `${format.amount(value, 1)} %`}
          height={220}
        />
      ) : null}
      <ReportTable
        label="Margin by category"
        testId="category-margins"
        columns={CATEGORY_MARGIN_COLUMNS}
        rows={report.categories}
        rowKey={(row) => row.key}
        rowProps={(row) => ({ 'data-row': row.key })}
        totals={{ ...report.totals, key: '', label: 'Total' }}
        format={format}
        caption={`Amounts in ${report.currency}. Net is without tax; the margin is net less cost, over the lines whose cost is known (— where none is).`}
      />
      <WeakMargins report={report} format={format} />
    </>
  );
}

function WeakMargins(props: { report: MarginsReport; format: StoreFormatter }) {
  const { report, format } = props;
  const count = report.weak.length === 1 ? '1 product' : `${report.weak.length} products`;
  return (
    <section aria-labelledby="weak-margins-heading" className="report-part">
      <div className="part-heading">
        <h3 id="weak-margins-heading">Weak margins</h3>
        {report.weak.length > 0 ? (
          <button type="button" className="no-print" onClick={() => downloadWeak(report)}>
            Download weak margins CSV
          </button>
        ) : null}
      </div>
      <p className="report-summary" data-testid="weak-margins-summary">
        {report.weak.length === 0
          ? `No product sold at a loss or below the target of ${format.number(report.targetPercent)} %.`
          : `${count} at a loss, below the target of ${format.number(report.targetPercent)} %, or pushed below it by discounts; the weakest first.`}
      </p>
      {report.weak.length > 0 ? (
        <ReportTable
          label="Weak margins"
          testId="weak-margins"
          columns={WEAK_MARGIN_COLUMNS}
          rows={report.weak}
          rowKey={(row) => row.productId}
          rowProps={(row) => ({ 'data-sku': row.sku, className: row.reasons.includes('negative') ? 'loss' : '' })}
          format={format}
          cells={CATEGORY_CELLS}
          caption={`Amounts in ${report.currency}. Why: Loss, a margin below nothing; Below target, under ${format.number(report.targetPercent)} %; Discounts, at or above the target before its discounts and below it after.`}
        />
      ) : null}
    </section>
  );
}

function downloadWeak(report: MarginsReport) {
  downloadCsv({ text: reportCsv(WEAK_MARGIN_COLUMNS, report.weak, report.currency), name: `weak-margins-${report.from}-to-${report.to}.csv` });
}
