import { dec, type DecimalString } from './money.js';
import { centreText, escapeHtml, paperFormatter, RECEIPT_CSS, RECEIPT_TEXT_WIDTH, storeHeader, storeHeaderHtml, storeHeaderText, textRow, type StoreHeader } from './receipt.js';
import type { Store, Tender } from './schemas/index.js';
import type { ShiftReport } from './shift.js';

/**
 * A shift's X report (the shift still open) or Z report (closed) printed on the till's 80 mm
 * printer, as HTML for the print dialog or as plain text. Pure, like the receipts: the same report
 * and context always print the same paper, so a reprint weeks later matches the first print.
 */

/** What a printed shift report needs beyond the report itself. */
export interface ShiftReportContext {
  storeName: string;
  /**
   * The rest of the store's header (address, VAT number) and how it writes dates and amounts, as on
   * its receipts; absent: the name alone, in the fixed forms (see format.ts).
   */
  store?: Pick<Store, 'address' | 'vatNumber' | 'locale' | 'timeZone'>;
  tillCode: string;
  /** When it was printed (ISO-8601): an X report is a snapshot, so the paper says of when. */
  printedAt: string;
  /** The IANA time zone times are printed in; the store's when absent, or else the runtime's own. */
  timeZone?: string;
  /** Places of the currency's minor unit: 2 (cents) when absent. */
  currencyDecimals?: number;
}

const TENDER_NAMES: Record<Tender, string> = { cash: 'Cash', card: 'Card', voucher: 'Voucher' };

interface Row {
  label: string;
  value: string;
  className: string;
}

/** A titled group of rows; `columns` rows are tables with a heading (tenders, tax rates). */
type Section =
  | { kind: 'rows'; title?: string; rows: Row[] }
  | { kind: 'columns'; className: string; headings: [string, string, string, string]; rows: [string, string, string, string][] };

interface ShiftView {
  title: 'X report' | 'Z report';
  header: StoreHeader;
  facts: Row[];
  sections: Section[];
}

function view(report: ShiftReport, context: ShiftReportContext): ShiftView {
  const decimals = context.currencyDecimals ?? 2;
  const format = paperFormatter({ locale: context.store?.locale, timeZone: context.timeZone ?? context.store?.timeZone });
  const amount = (value: DecimalString) => format.amount(value, decimals);
  const negated = (value: DecimalString) => amount(dec(value).neg().toFixed());
  const time = (iso: string) => format.dateTime(iso);
  const row = (label: string, value: string, className: string): Row => ({ label, value, className });
  const closed = report.closedAt !== undefined;

  const facts = [
    row('Till', context.tillCode, 'till'),
    row('Printed', time(context.printedAt), 'printed-at'),
    row('Opened', time(report.openedAt), 'opened-at'),
    row('Opened by', report.openedBy.name, 'opened-by'),
    ...(closed ? [row('Closed', time(report.closedAt!), 'closed-at'), row('Closed by', report.closedBy?.name ?? '', 'closed-by')] : []),
    row('Currency', report.currency, 'currency'),
  ];

  const activity: Section = {
    kind: 'rows',
    title: 'Sales',
    rows: [
      row(`Sales (${report.sales.count})`, amount(report.sales.gross), 'sales'),
      row(`Returns (${report.returns.count})`, negated(report.returns.gross), 'returns'),
      ...(report.returns.withoutReceipt > 0 ? [row(`  without receipt (${report.returns.withoutReceipt})`, '', 'returns-without-receipt')] : []),
      row(`Discounts (${report.discounts.count})`, amount(report.discounts.amount), 'discounts'),
      row('Price overrides', String(report.priceOverrides), 'price-overrides'),
      // Shown only when any, as returns without a receipt: a shop that sells nothing loose never sees them.
      ...(report.weightsKeyed > 0 ? [row('Weights keyed', String(report.weightsKeyed), 'weights-keyed')] : []),
      ...(report.weightOverrides > 0 ? [row('Weight overrides', String(report.weightOverrides), 'weight-overrides')] : []),
      row(`Voided lines (${report.voids.lines})`, amount(report.voids.amount), 'voided-lines'),
      row(`Voided carts (${report.voids.carts})`, amount(report.voids.cartsAmount), 'voided-carts'),
    ],
  };
  const tenders: Section = {
    kind: 'columns',
    className: 'tenders',
    headings: ['Tender', 'Taken', 'Refunded', 'Net'],
    rows: report.byTender.map((tender) => [TENDER_NAMES[tender.tender], amount(tender.taken), amount(tender.refunded), amount(tender.net)]),
  };
  const rates: Section = {
    kind: 'columns',
    className: 'taxes',
    headings: ['Tax', 'Net', 'Tax', 'Gross'],
    rows: report.byTaxRate.map((rate) => [`${format.number(dec(rate.taxRatePercent).toFixed())}%`, amount(rate.net), amount(rate.tax), amount(rate.gross)]),
  };
  const movements = (kind: 'cash-in' | 'cash-out') =>
    report.cashMovements
      .filter((movement) => movement.kind === kind)
      .map((movement) => row(`  ${format.time(movement.at, { seconds: false })} ${movement.by.name}: ${movement.reason}`, amount(movement.amount), `${kind}-movement`));
  // The drawer: float + cash taken - cash refunded + cash in - cash out = expected.
  const cashTender = report.byTender.find((tender) => tender.tender === 'cash');
  const drawer: Section = {
    kind: 'rows',
    title: 'Cash',
    rows: [
      row('Float', amount(report.float), 'float'),
      row('Cash taken', amount(cashTender?.taken ?? '0'), 'cash-taken'),
      row('Cash refunded', negated(cashTender?.refunded ?? '0'), 'cash-refunded'),
      row('Cash in', amount(report.cashIn), 'cash-in'),
      ...movements('cash-in'),
      row('Cash out', negated(report.cashOut), 'cash-out'),
      ...movements('cash-out'),
      row('Expected cash', amount(report.expectedCash), 'expected-cash total'),
      row('Cash rounding (in cash taken)', amount(report.cashRounding), 'cash-rounding'),
    ],
  };
  const sections: Section[] = [activity, tenders, rates, drawer];
  if (closed) {
    const difference = dec(report.difference ?? '0');
    sections.push({
      kind: 'rows',
      title: 'Count',
      rows: [
        ...(report.counted ?? [])
          .filter((count) => count.count > 0)
          .map((count) => row(`  ${count.count} x ${amount(count.denomination)}`, amount(dec(count.denomination).mul(count.count).toFixed()), 'counted-denomination')),
        row('Counted cash', amount(report.countedCash ?? '0'), 'counted-cash total'),
        row(difference.isNegative() ? 'Difference (short)' : difference.isZero() ? 'Difference' : 'Difference (over)', amount(report.difference ?? '0'), 'difference total'),
      ],
    });
  }
  return { title: closed ? 'Z report' : 'X report', header: storeHeader({ ...context.store, name: context.storeName }), facts, sections };
}

/**
 * A shift's X or Z report as one printable HTML document for the 80 mm printer: title, store, till,
 * when printed, who opened (and closed) the shift and when; sales, returns, discounts, price
 * overrides and voids; each tender taken and refunded; the tax per rate (sales less returns); the
 * drawer from the float to the expected cash with every cash in and out and its reason; at the close
 * the count by denomination, the counted cash and the difference. Inline CSS only, every text
 * escaped (reasons and names come from the tills).
 */
export function shiftReportHtml(report: ShiftReport, context: ShiftReportContext): string {
  const shift = view(report, context);
  const t = escapeHtml;
  // An indented label (a cash movement, a denomination) is indented by style: HTML collapses spaces.
  const row = ({ label, value, className }: Row) =>
    `<tr class="${className}"><th scope="row"${label.startsWith(' ') ? ' class="line-detail"' : ''}>${t(label.trim())}</th><td class="num">${t(value)}</td></tr>`;
  const section = (part: Section) =>
    part.kind === 'rows'
      ? `${part.title ? `<h3>${t(part.title)}</h3>` : ''}<table class="${t(part.title?.toLowerCase() ?? '')}">${part.rows.map(row).join('')}</table>`
      : `<table class="${part.className}"><thead><tr>${part.headings.map((heading, index) => `<th${index > 0 ? ' class="num"' : ''}>${t(heading)}</th>`).join('')}</tr></thead><tbody>` +
        part.rows.map((cells) => `<tr>${cells.map((cell, index) => `<td${index > 0 ? ' class="num"' : ''}>${t(cell)}</td>`).join('')}</tr>`).join('') +
        '</tbody></table>';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${t(`${shift.title} ${context.tillCode}`)}</title>`,
    `<style>${RECEIPT_CSS}</style>`,
    '</head><body>',
    `<header>${storeHeaderHtml(shift.header)}</header>`,
    `<h2>${t(shift.title)}</h2>`,
    `<table class="facts">${shift.facts.map(row).join('')}</table>`,
    ...shift.sections.flatMap((part) => ['<hr>', section(part)]),
    '</body></html>',
  ].join('\n');
}

/** The same report as plain text, `width` characters a line (48 by default, as the receipts). */
export function shiftReportText(report: ShiftReport, context: ShiftReportContext, width = RECEIPT_TEXT_WIDTH): string {
  const shift = view(report, context);
  const rule = '-'.repeat(width);
  const column = Math.floor((width - 8) / 3);
  const columns = (cells: readonly string[]) => `${cells[0].padEnd(width - 3 * column)}${cells.slice(1).map((cell) => cell.padStart(column)).join('')}`;
  const out: string[] = [...storeHeaderText(shift.header, width), rule, centreText(shift.title.toUpperCase(), width)];
  for (const fact of shift.facts) out.push(...textRow(fact.label, fact.value, width));
  for (const part of shift.sections) {
    out.push(rule);
    if (part.kind === 'columns') {
      out.push(columns(part.headings), ...part.rows.map(columns));
      continue;
    }
    if (part.title) out.push(part.title.toUpperCase());
    for (const line of part.rows) out.push(...textRow(line.label, line.value, width));
  }
  return `${out.join('\n')}\n`;
}
