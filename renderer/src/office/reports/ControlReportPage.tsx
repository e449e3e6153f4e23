import type { AccountingReport, ControlReport, StoreFormatter } from '../../../../shared/src/index.js';
import { office } from '../api.js';
import { formatterOf } from '../format.js';
import { useLoaded } from '../use-loaded.js';
import { accountingColumns, accountingCsv, accountingCsvName, accountingTotals } from './accounting.js';
import { reportCsv } from './columns.js';
import { PeriodPicker, periodText, StoreFilter, storesText, useReportFilters } from './ReportFilters.js';
import { downloadCsv, ReportActions, ReportAnswer, ReportTable } from './ReportParts.js';
import { CONTROL_COLUMNS } from './tables.js';

/**
 * Control: what each cashier did that head office checks (discounts, overrides, voids, refunds, cash
 * short or over), and the accountant's export: the period day by day per tax rate and per tender.
 */
export function ControlReportPage() {
  const filters = useReportFilters('last-7-days');
  const { period, storesQuery } = filters;
  const format = formatterOf(filters.stores[0]);
  const key = `${storesQuery}:${period.from}:${period.to}:${filters.live}`;
  const control = useLoaded(() => office.get('/api/office/reports/control', { query: { stores: storesQuery, from: period.from, to: period.to } }), key);
  const accounting = useLoaded(() => office.get('/api/office/reports/accounting', { query: { stores: storesQuery, from: period.from, to: period.to } }), key);
  const shown = control.value;
  return (
    <>
      <section aria-labelledby="control-heading" className="report">
        <h2 id="control-heading">Control</h2>
        <p className="report-scope">
          Per cashier · {storesText(filters)} · {periodText(filters)}
        </p>
        <form className="inline-form report-filters no-print" aria-label="What the report shows" onSubmit={(event) => event.preventDefault()}>
          <PeriodPicker filters={filters} />
          <StoreFilter filters={filters} />
          <ReportActions
            csv={shown ? () => ({ text: reportCsv(CONTROL_COLUMNS, shown.rows, shown.currency, { ...shown.totals, cashierId: '', name: 'Total' }), name: `control-${shown.from}-to-${shown.to}.csv` }) : undefined}
          />
        </form>
        <ReportAnswer loaded={control} stores={filters.stores}>
          {(answer) => <Cashiers report={answer} format={format} />}
        </ReportAnswer>
      </section>
      <section aria-labelledby="accounting-heading" className="report">
        <div className="part-heading">
          <h3 id="accounting-heading">Accountant’s export</h3>
          <button type="button" className="no-print" disabled={!accounting.value} onClick={() => accounting.value && downloadCsv({ text: accountingCsv(accounting.value), name: accountingCsvName(accounting.value) })}>
            Download accountant CSV
          </button>
        </div>
        <ReportAnswer loaded={accounting} stores={filters.stores}>
          {(answer) => <Accounting report={answer} format={format} />}
        </ReportAnswer>
      </section>
    </>
  );
}

function Cashiers(props: { report: ControlReport; format: StoreFormatter }) {
  const { report, format } = props;
  if (report.rows.length === 0) return <p className="muted">No cashier sold, refunded or closed a shift in this period.</p>;
  return (
    <ReportTable
      label="Control per cashier"
      testId="control"
      className="wide"
      columns={CONTROL_COLUMNS}
      rows={report.rows}
      rowKey={(row) => row.cashierId}
      rowProps={(row) => ({ 'data-cashier': row.cashierId })}
      totals={{ ...report.totals, cashierId: '', name: 'Total' }}
      format={format}
      caption={`Amounts in ${report.currency}. Overrides: prices and weights keyed over what the shelf or scale said. Voids: lines taken out before payment, at what they would have cost. Without receipt: refunds a manager approved. Cash short or over: shifts closed with less or more cash than expected, and by how much.`}
    />
  );
}

function Accounting(props: { report: AccountingReport; format: StoreFormatter }) {
  const { report, format } = props;
  if (report.days.length === 0) return <p className="muted">No days in this period.</p>;
  return (
    <ReportTable
      label="Accountant’s export per day"
      testId="accounting"
      className="wide"
      columns={accountingColumns(report)}
      rows={report.days}
      rowKey={(day) => day.day}
      rowProps={(day) => ({ 'data-day': day.day })}
      totals={accountingTotals(report)}
      format={format}
      caption={`Amounts in ${report.currency}, returns taken off, on the day they were made. Per tax rate: net, tax and gross; per tender: what it took less what it refunded. The CSV holds exactly this table.`}
    />
  );
}
