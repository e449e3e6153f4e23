import { dec, type ShiftReport, type Tender } from '../../../../shared/src/index.js';
import { money, time } from '../format.js';

const TENDER_NAMES: Record<Tender, string> = { cash: 'Cash', card: 'Card', voucher: 'Voucher' };

/** counted - expected in words a cashier reads at a glance: short (cash missing), over, or exact. */
export function Difference({ difference, currency, testId }: { difference: string; currency: string; testId?: string }) {
  const value = dec(difference);
  const kind = value.isNegative() ? 'short' : value.isZero() ? 'exact' : 'over';
  const text = kind === 'exact' ? `Exact: ${money('0', currency)}` : `${kind === 'short' ? 'Short' : 'Over'} by ${money(value.abs().toFixed(), currency)}`;
  return (
    <strong className={`difference difference--${kind}`} data-testid={testId} data-difference={difference} data-kind={kind}>
      {text}
    </strong>
  );
}

/**
 * A shift's X report (while open) or Z report (closed), as computed from its events and its sales:
 * who and when, sales and returns, each tender and tax rate, discounts and voids, cash movements,
 * and the cash the drawer should hold, with what was counted and the difference once closed.
 */
export function ShiftReportView({
  report,
  tillCode,
  hideExpectedCash = false,
}: {
  report: ShiftReport;
  tillCode: string;
  /** A blind close's open shift: what the drawer should hold is kept back until it is counted at the close. */
  hideExpectedCash?: boolean;
}) {
  const closed = report.closedAt !== undefined;
  const title = closed ? 'Z report' : 'X report';
  const currency = report.currency;
  const amount = (value: string) => money(value, currency);
  const cash = report.byTender.find((row) => row.tender === 'cash');
  return (
    <section className="shift-report" aria-labelledby="shift-report-title" data-testid="shift-report" data-kind={closed ? 'z' : 'x'}>
      <h3 id="shift-report-title">{title}</h3>
      <p className="shift-report__note">{closed ? 'The shift is closed: these are its final figures.' : 'The shift is still open: figures so far.'}</p>
      <dl className="shift-report__facts">
        <dt>Till</dt>
        <dd>{tillCode}</dd>
        <dt>Opened</dt>
        <dd>
          {time(report.openedAt)} by {report.openedBy.name}
        </dd>
        {closed ? (
          <>
            <dt>Closed</dt>
            <dd>
              {time(report.closedAt ?? null)} by {report.closedBy?.name}
            </dd>
          </>
        ) : null}
      </dl>

      <table className="shift-report__table">
        <caption>Sales</caption>
        <tbody>
          <tr>
            <th scope="row">Sales</th>
            <td className="num" data-testid="report-sales-count">
              {report.sales.count}
            </td>
            <td className="num" data-testid="report-sales-gross">
              {amount(report.sales.gross)}
            </td>
          </tr>
          <tr>
            <th scope="row">Returns{report.returns.withoutReceipt > 0 ? ` (${report.returns.withoutReceipt} without receipt)` : ''}</th>
            <td className="num" data-testid="report-returns-count">
              {report.returns.count}
            </td>
            <td className="num">{amount(report.returns.gross)}</td>
          </tr>
          <tr>
            <th scope="row">Discounts</th>
            <td className="num">{report.discounts.count}</td>
            <td className="num">{amount(report.discounts.amount)}</td>
          </tr>
          {dec(report.cashRounding).isZero() ? null : (
            <tr>
              <th scope="row">Cash rounding</th>
              <td />
              <td className="num">{amount(report.cashRounding)}</td>
            </tr>
          )}
          <tr>
            <th scope="row">Price overrides</th>
            <td className="num">{report.priceOverrides}</td>
            <td />
          </tr>
          {report.weightsKeyed > 0 ? (
            <tr>
              <th scope="row">Weights keyed</th>
              <td className="num">{report.weightsKeyed}</td>
              <td />
            </tr>
          ) : null}
          {report.weightOverrides > 0 ? (
            <tr>
              <th scope="row">Weight overrides</th>
              <td className="num">{report.weightOverrides}</td>
              <td />
            </tr>
          ) : null}
          <tr>
            <th scope="row">Lines voided</th>
            <td className="num">{report.voids.lines}</td>
            <td className="num">{amount(report.voids.amount)}</td>
          </tr>
          <tr>
            <th scope="row">Carts voided</th>
            <td className="num" data-testid="report-carts-voided">
              {report.voids.carts}
            </td>
            <td className="num" data-testid="report-carts-voided-amount">
              {amount(report.voids.cartsAmount)}
            </td>
          </tr>
        </tbody>
      </table>

      <table className="shift-report__table">
        <caption>By tender (sales less returns)</caption>
        <thead>
          <tr>
            <th scope="col">Tender</th>
            <th scope="col" className="num">
              Taken
            </th>
            <th scope="col" className="num">
              Refunded
            </th>
            <th scope="col" className="num">
              Net
            </th>
          </tr>
        </thead>
        <tbody>
          {report.byTender.map((row) => (
            <tr key={row.tender} data-testid="report-tender" data-tender={row.tender}>
              <th scope="row">{TENDER_NAMES[row.tender]}</th>
              <td className="num">{amount(row.taken)}</td>
              <td className="num">{amount(row.refunded)}</td>
              <td className="num" data-testid="report-tender-net">
                {amount(row.net)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {report.byTaxRate.length > 0 ? (
        <table className="shift-report__table">
          <caption>By tax rate (sales less returns)</caption>
          <thead>
            <tr>
              <th scope="col">Rate</th>
              <th scope="col" className="num">
                Net
              </th>
              <th scope="col" className="num">
                Tax
              </th>
              <th scope="col" className="num">
                Gross
              </th>
            </tr>
          </thead>
          <tbody>
            {report.byTaxRate.map((row) => (
              <tr key={`${row.taxClassId}|${row.taxRatePercent}`}>
                <th scope="row">{dec(row.taxRatePercent).toFixed()} %</th>
                <td className="num">{amount(row.net)}</td>
                <td className="num">{amount(row.tax)}</td>
                <td className="num">{amount(row.gross)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {report.cashMovements.length > 0 ? (
        <table className="shift-report__table">
          <caption>Cash in and out</caption>
          <tbody>
            {report.cashMovements.map((movement, index) => (
              <tr key={index} data-testid="report-cash-movement">
                <th scope="row">{movement.kind === 'cash-in' ? 'Cash in' : 'Cash out'}</th>
                <td>
                  {movement.reason} · {time(movement.at)} · {movement.by.name}
                </td>
                <td className="num">{amount(movement.kind === 'cash-in' ? movement.amount : `-${movement.amount}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {hideExpectedCash ? (
        <p className="shift-report__note" data-testid="report-expected-hidden">
          Cash in the drawer: shown once the drawer has been counted at the close (this store closes blind).
        </p>
      ) : (
      <table className="shift-report__table shift-report__cash">
        <caption>Cash in the drawer</caption>
        <tbody>
          <tr>
            <th scope="row">Float</th>
            <td className="num" data-testid="report-float">
              {amount(report.float)}
            </td>
          </tr>
          <tr>
            <th scope="row">Cash taken less refunded</th>
            <td className="num">{amount(cash?.net ?? '0')}</td>
          </tr>
          <tr>
            <th scope="row">Cash in</th>
            <td className="num">{amount(report.cashIn)}</td>
          </tr>
          <tr>
            <th scope="row">Cash out</th>
            <td className="num" data-testid="report-cash-out">
              {amount(dec(report.cashOut).isZero() ? report.cashOut : `-${report.cashOut}`)}
            </td>
          </tr>
          <tr className="shift-report__expected">
            <th scope="row">Expected in the drawer</th>
            <td className="num" data-testid="report-expected">
              {amount(report.expectedCash)}
            </td>
          </tr>
          {report.countedCash !== undefined && report.difference !== undefined ? (
            <>
              <tr>
                <th scope="row">Counted</th>
                <td className="num" data-testid="report-counted">
                  {amount(report.countedCash)}
                </td>
              </tr>
              <tr>
                <th scope="row">Difference (counted − expected)</th>
                <td className="num">
                  <Difference difference={report.difference} currency={currency} testId="report-difference" />
                </td>
              </tr>
            </>
          ) : null}
        </tbody>
      </table>
      )}
    </section>
  );
}
