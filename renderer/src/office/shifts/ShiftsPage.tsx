import { useState } from 'react';
import type { ShiftDetail, ShiftSummary, StoreFormatter } from '../../../../shared/src/index.js';
import { DataTable, Dialog, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { formatterOf, who } from '../format.js';
import { useLoaded } from '../use-loaded.js';

/** The store's cash sessions, newest first, each with its X report (open) or Z report (closed). */
export function ShiftsPage({ store, version }: StorePageProps) {
  const format = formatterOf(store);
  const key = `${store.id}:${version}`;
  const shifts = useLoaded(() => office.get('/api/office/shifts', { query: { store: store.id } }), key);
  const tills = useLoaded(() => office.get('/api/office/tills', { query: { store: store.id } }), key);
  const tillCode = new Map((tills.value ?? []).map((till) => [till.id, till.code]));
  const [detail, setDetail] = useState<ShiftDetail | null>(null);
  const open = useSubmit(async (shiftId: string) => setDetail(await office.get('/api/office/shifts/:shiftId', { params: { shiftId } })));
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : '');

  const columns: Column<ShiftSummary>[] = [
    { id: 'till', header: 'Till', cell: (row) => tillCode.get(row.tillId) ?? row.tillId },
    { id: 'opened', header: 'Opened', cell: (row) => when(row.openedAt) },
    { id: 'openedBy', header: 'By', cell: (row) => who(row.openedBy) },
    { id: 'closed', header: 'Closed', cell: (row) => (row.status === 'closed' ? when(row.closedAt) : <span className="muted">open</span>) },
    { id: 'closedBy', header: 'By', cell: (row) => who(row.closedBy) },
    { id: 'float', header: 'Float', numeric: true, cell: (row) => row.float ?? '' },
    { id: 'expected', header: 'Expected', numeric: true, cell: (row) => row.expectedCash ?? '' },
    { id: 'counted', header: 'Counted', numeric: true, cell: (row) => row.countedCash ?? '' },
    {
      id: 'difference',
      header: 'Difference',
      numeric: true, className: 'difference',
      cell: (row) => <span className={row.difference?.startsWith('-') ? 'negative' : undefined}>{row.difference ?? ''}</span>,
    },
    {
      id: 'report',
      header: <span className="visually-hidden">Report</span>,
      cell: (row) => (
        <button type="button" onClick={() => void open.run(row.shiftId)} aria-label={`${row.status === 'closed' ? 'Z report' : 'X report'} of till ${tillCode.get(row.tillId) ?? row.tillId}, opened ${when(row.openedAt)}`}>
          {row.status === 'closed' ? 'Z report' : 'X report'}
        </button>
      ),
    },
  ];
  return (
    <section aria-labelledby="shifts-heading">
      <h2 id="shifts-heading">Shifts</h2>
      {shifts.problem ? <p className="problem" role="alert">{shifts.problem}</p> : null}
      {open.problem ? <p className="problem" role="alert">{open.problem}</p> : null}
      <DataTable label="Shifts" columns={columns} rows={shifts.value} rowId={(shift) => shift.shiftId} rowProps={(shift) => ({ 'data-shift': shift.shiftId })} empty={<p className="muted">No shift has reached the server yet.</p>} />
      {detail ? <ShiftReportDialog detail={detail} till={tillCode.get(detail.shift.tillId) ?? detail.shift.tillId} format={format} onClose={() => setDetail(null)} /> : null}
    </section>
  );
}

function Figures(props: { rows: [string, string][] }) {
  return (
    <dl className="figures">
      {props.rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ShiftReportDialog(props: { detail: ShiftDetail; till: string; format: StoreFormatter; onClose(): void }) {
  const { detail, format } = props;
  const report = detail.report;
  const title = `${detail.shift.status === 'closed' ? 'Z report' : 'X report'}, till ${props.till}, opened ${detail.shift.openedAt ? format.dateTime(detail.shift.openedAt) : ''}`;
  return (
    <Dialog
      title={title}
      open
      onClose={props.onClose}
      className="report"
      footer={
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      }
    >
      {!report ? (
        <p className="muted">The shift’s opening has not reached the server yet.</p>
      ) : (
        <>
          <Figures
            rows={[
              ['Float', report.float],
              ['Sales', `${report.sales.count} for ${report.sales.gross}`],
              ['Returns', `${report.returns.count} for ${report.returns.gross}${report.returns.withoutReceipt ? ` (${report.returns.withoutReceipt} without receipt)` : ''}`],
              ...report.byTender.map((tender): [string, string] => [`${tender.tender} (taken − refunded)`, `${tender.taken} − ${tender.refunded} = ${tender.net}`]),
              ...report.byTaxRate.map((rate): [string, string] => [`tax ${rate.taxRatePercent} % (net / tax / gross)`, `${rate.net} / ${rate.tax} / ${rate.gross}`]),
              ['Discounts', `${report.discounts.count} for ${report.discounts.amount}`],
              ['Price overrides', String(report.priceOverrides)],
              ['Weights keyed', String(report.weightsKeyed)],
              ['Weight overrides', String(report.weightOverrides)],
              ['Voided lines', `${report.voids.lines} for ${report.voids.amount}`],
              ['Voided carts', `${report.voids.carts} for ${report.voids.cartsAmount}`],
              ['Cash in', report.cashIn],
              ['Cash out', report.cashOut],
              ['Cash rounding', report.cashRounding],
              ['Expected in the drawer', report.expectedCash],
              ...(report.countedCash !== undefined
                ? ([
                    ['Counted', report.countedCash],
                    ['Difference', report.difference ?? ''],
                  ] as [string, string][])
                : []),
            ]}
          />
          {report.cashMovements.length > 0 ? (
            <table>
              <caption className="muted">Cash put in and taken out</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">By</th>
                  <th scope="col">Reason</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.cashMovements.map((movement, index) => (
                  <tr key={index}>
                    <td>{format.dateTime(movement.at)}</td>
                    <td>{movement.kind}</td>
                    <td>{who(movement.by)}</td>
                    <td>{movement.reason}</td>
                    <td className="num">{movement.amount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
      {detail.discrepancies.length > 0 ? (
        <>
          <p className="refused">The till’s close disagrees with what the server holds:</p>
          <ul className="problems">
            {detail.discrepancies.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">
        {detail.events.length} shift events and {detail.sales.length} sales and returns on the server.
      </p>
    </Dialog>
  );
}
