import { canEncodeCode128, code128Modules, code128Svg } from './code128.js';
import { storeFormatter, type StoreFormat, type StoreFormatter } from './format.js';
import { dec } from './money.js';
import { isMeasured, type Unit } from './quantity.js';
import { shelfAmount } from './pricing.js';
import { isReturn, type Payment, type Sale, type Store } from './schemas/index.js';

/**
 * Printed receipts for sales and returns: one document of the sales collection rendered as a
 * self-contained 80 mm receipt (HTML for the print dialog, or plain text for a line printer).
 * Pure: the same document and context always give the same receipt, so a reprint matches the
 * first print and tests can compare whole receipts.
 */

/**
 * What of the store a receipt prints: its name, code, address, VAT number and footer, and how it
 * writes dates and amounts (its locale and time zone; see format.ts).
 */
export type ReceiptStore = Pick<Store, 'name' | 'code' | 'address' | 'vatNumber' | 'receiptFooter' | 'locale' | 'timeZone'>;

/** What a receipt needs beyond the document itself. */
export interface ReceiptContext {
  store: ReceiptStore;
  /** The till that made the document (the document carries only the till's id). */
  till: { code: string };
  /**
   * The IANA time zone the date and time are printed in ("Europe/Berlin"); when absent, the store's,
   * and without one the runtime's own, which on a till is the shop's.
   */
  timeZone?: string;
  /**
   * A copy: every print but the first of a just-completed sale (a reprint, the last receipt again).
   * It says COPY at the top and the bottom, so a second paper is never taken for a second sale.
   */
  copy?: boolean;
}

/** Characters per line of the plain-text receipt: 72 mm printable at 12-dot characters, 203 dpi. */
export const RECEIPT_TEXT_WIDTH = 48;

interface ReceiptLineView {
  name: string;
  sku: string;
  /** "3 × 1.19", "0.375 kg × 2.49", "2.5 m × 1.25". */
  quantity: string;
  unitPrice: string;
  unit: Unit;
  /**
   * Quantity x unit price, before the line's discounts, in the store's price basis (the gross where
   * prices include tax): the line's discount is printed under it, the order discount after the lines.
   */
  amount: string;
  /** The shelf price a price override replaced. */
  shelfPrice?: string;
  /** "Discount 10 %" and "-0.36": the line's own discount (on a return, its share of the sale's). */
  discount?: { label: string; amount: string };
  /** The letter of its tax rate in the breakdown. */
  taxMark: string;
  /** Returns only. */
  restocked?: boolean;
  /** Returns only: why the customer brought it back. */
  returnReason?: string;
}

/** One tender of the payment: "Card VISA ****1234", with what was handed over and the change for cash. */
interface PaymentView {
  label: string;
  amount: string;
  cash?: { tendered: string; change: string };
}

/** The top of every paper the till prints: the store's name, its address lines and VAT number. */
export interface StoreHeader {
  name: string;
  /** Empty lines left out. */
  address: string[];
  /** "VAT no. DE123456789", or nothing. */
  vatNumber?: string;
}

/** The store's header as receipts and shift reports print it. */
export function storeHeader(store: Pick<Store, 'name' | 'address' | 'vatNumber'>): StoreHeader {
  const vatNumber = store.vatNumber?.trim();
  return { name: store.name, address: printedLines(store.address), ...(vatNumber ? { vatNumber: `VAT no. ${vatNumber}` } : {}) };
}

/** Text head office typed over several lines ("\n" between them), blank lines and edges dropped. */
function printedLines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The store's header as centred lines of plain text, `width` characters at most. */
export function storeHeaderText(header: StoreHeader, width: number): string[] {
  return [header.name, ...header.address, ...(header.vatNumber ? [header.vatNumber] : [])].flatMap((line) => wrapText(line, width).map((part) => centreText(part, width)));
}

/** The store's header as HTML (escaped; the caller adds what follows it inside the header). */
export function storeHeaderHtml(header: StoreHeader): string {
  const t = escapeHtml;
  return (
    `<h1>${t(header.name)}</h1>` +
    (header.address.length > 0 ? `<p class="store-address">${header.address.map(t).join('<br>')}</p>` : '') +
    (header.vatNumber ? `<p class="store-vat">${t(header.vatNumber)}</p>` : '')
  );
}

interface ReceiptView {
  returning: boolean;
  title: 'Receipt' | 'Return';
  copy: boolean;
  header: StoreHeader;
  storeCode: string;
  receiptNumber: string;
  returnOf?: string;
  /** A return without a receipt: the manager who approved it. */
  approvedBy?: string;
  till: string;
  cashier: string;
  customer?: string;
  dateTime: string;
  currency: string;
  lines: ReceiptLineView[];
  /** "Order discount 10 %" and "-3.00". */
  orderDiscount?: { label: string; amount: string };
  taxes: { mark: string; rate: string; net: string; tax: string; gross: string }[];
  totals: { net: string; tax: string; gross: string };
  /** What cash paid (or paid out) was rounded by, e.g. "0.02" or "-0.02". */
  cashRounding?: string;
  payments: PaymentView[];
  /** The store's receipt footer, line by line. */
  footer: string[];
}

/**
 * A timestamp as "2024-06-07 12:15:00" in `timeZone` (the runtime's own when absent): the same
 * digits in every locale, so receipts and their tests do not change with the machine's language.
 */
export function receiptDateTime(iso: string, timeZone?: string): string {
  return storeFormatter({ timeZone }).dateTime(iso);
}

/** "A", "B", … "Z", "AA": the marks that tie each line to its row of the tax breakdown. */
function taxMark(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${taxMark(Math.floor(index / 26) - 1)}${letter}`;
}

/** "VISA ****1234", "ABC123", or nothing for cash. */
function tenderName(payment: Payment): string {
  if (payment.card) return `${payment.card.brand} ****${payment.card.last4}`;
  if (payment.voucher) return payment.voucher.code;
  return '';
}

function paymentView(payment: Payment, returning: boolean, amount: (value: string) => string): PaymentView {
  const name = tenderName(payment);
  const tender = { cash: 'Cash', card: 'Card', voucher: 'Voucher' }[payment.tender];
  if (returning) return { label: payment.tender === 'cash' ? 'Refunded in cash' : `Refunded to ${tender.toLowerCase()} ${name}`, amount: amount(payment.amount) };
  return {
    label: name ? `${tender} ${name}` : tender,
    amount: amount(payment.amount),
    ...(payment.tender === 'cash' ? { cash: { tendered: amount(payment.tendered), change: amount(payment.change) } } : {}),
  };
}

/** "Discount 10 %" for a percent, "Discount" for an amount. */
function discountLabel(label: string, percent: string | undefined, format: StoreFormatter): string {
  return percent === undefined ? label : `${label} ${format.number(dec(percent).toFixed())} %`;
}

/**
 * The store's formatter for paper (receipts and shift reports): a locale's no-break spaces (fr-FR
 * groups "1 234,50" with one) printed as plain ones, so a line printer gets ASCII and every column
 * keeps its width.
 */
export function paperFormatter(store: StoreFormat): StoreFormatter {
  const format = storeFormatter(store);
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  return {
    ...format,
    amount: (value, decimals) => plain(format.amount(value, decimals)),
    number: (value) => plain(format.number(value)),
    dateTime: (iso, options) => plain(format.dateTime(iso, options)),
    date: (iso) => plain(format.date(iso)),
    time: (iso, options) => plain(format.time(iso, options)),
    recent: (iso, now) => plain(format.recent(iso, now)),
  };
}

function view(document: Sale, context: ReceiptContext): ReceiptView {
  const decimals = document.pricing.currencyDecimals;
  const format = paperFormatter({ locale: context.store.locale, timeZone: context.timeZone ?? context.store.timeZone });
  const amount = (value: string) => format.amount(value, decimals);
  const minus = (value: string) => `-${amount(value)}`;
  const adjustments = document.adjustments ?? [];
  const order = adjustments.find((adjustment) => adjustment.kind === 'order-discount');
  const taxes = document.taxes.map((tax, index) => ({
    taxClassId: tax.taxClassId,
    rate: dec(tax.taxRatePercent),
    mark: taxMark(index),
    net: amount(tax.net),
    tax: amount(tax.tax),
    gross: amount(tax.gross),
  }));
  const returning = isReturn(document);
  return {
    returning,
    title: returning ? 'Return' : 'Receipt',
    copy: context.copy === true,
    header: storeHeader(context.store),
    storeCode: context.store.code,
    receiptNumber: document.receiptNumber,
    returnOf: document.returnOf?.receiptNumber,
    approvedBy: returning && !document.returnOf ? document.approvedBy?.name : undefined,
    till: context.till.code,
    cashier: document.cashierName,
    customer: document.customer?.name,
    dateTime: format.dateTime(document.completedAt),
    currency: document.currency,
    lines: document.lines.map((line, index) => {
      const given = adjustments.find((adjustment) => adjustment.kind === 'line-discount' && adjustment.line === index);
      return {
        name: line.name,
        sku: line.sku,
        quantity: format.number(line.quantity),
        unit: line.unit,
        // A unit price may carry more places than the currency (0.125 a piece): never round it away.
        unitPrice: format.amount(line.unitPrice, Math.max(decimals, dec(line.unitPrice).decimalPlaces())),
        amount: amount(shelfAmount(line.quantity, line.unitPrice, document.pricing).toFixed()),
        ...(line.shelfPrice === undefined ? {} : { shelfPrice: format.amount(line.shelfPrice, Math.max(decimals, dec(line.shelfPrice).decimalPlaces())) }),
        ...(line.discount === undefined || dec(line.discount).isZero() ? {} : { discount: { label: discountLabel('Discount', given?.percent, format), amount: minus(line.discount) } }),
        taxMark: taxes.find((tax) => tax.taxClassId === line.taxClassId && tax.rate.eq(dec(line.taxRatePercent)))?.mark ?? '',
        restocked: returning ? line.restock !== false : undefined,
        ...(returning && line.returnReason ? { returnReason: line.returnReason } : {}),
      };
    }),
    ...(order && !dec(order.amount).isZero() ? { orderDiscount: { label: discountLabel('Order discount', order.percent, format), amount: minus(order.amount) } } : {}),
    taxes: taxes.map((tax) => ({ mark: tax.mark, rate: `${format.number(tax.rate.toFixed())}%`, net: tax.net, tax: tax.tax, gross: tax.gross })),
    totals: { net: amount(document.totals.net), tax: amount(document.totals.tax), gross: amount(document.totals.gross) },
    ...(document.cashRounding === undefined || dec(document.cashRounding).isZero() ? {} : { cashRounding: amount(document.cashRounding) }),
    payments: document.payments.map((payment) => paymentView(payment, returning, amount)),
    footer: printedLines(context.store.receiptFooter),
  };
}

function quantityText(line: ReceiptLineView, times: string): string {
  return `${line.quantity}${isMeasured(line.unit) ? ` ${line.unit}` : ''} ${times} ${line.unitPrice}`;
}

function disposition(line: ReceiptLineView): string {
  return line.restocked ? 'restocked' : 'written off (damaged)';
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values: product and store names come from data. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/**
 * The style of every HTML receipt (and of the shift reports, see shift-receipt.ts): 80 mm paper with a
 * 72 mm printable area, monospace, black on white; nothing loaded from anywhere (local fonts only).
 */
export const RECEIPT_CSS = `
@page { size: 80mm auto; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: 72mm; margin: 0 auto; padding: 3mm 0 8mm; font: 9pt/1.35 'DejaVu Sans Mono', 'Liberation Mono', Consolas, 'Courier New', monospace; }
h1 { font-size: 12pt; text-align: center; margin: 0; }
h2 { font-size: 11pt; text-align: center; margin: 1mm 0; text-transform: uppercase; letter-spacing: 0.2em; }
h3 { font-size: 9pt; font-weight: bold; margin: 1mm 0 0; }
p { margin: 0; }
.store-code, .store-address, .store-vat { text-align: center; }
.copy { text-align: center; font-weight: bold; font-size: 12pt; letter-spacing: 0.3em; border: 2px solid #000; margin: 1mm 0 2mm; }
.receipt-footer { text-align: center; margin-top: 2mm; }
hr { border: 0; border-top: 1px dashed #000; margin: 2mm 0; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 0; vertical-align: top; text-align: left; font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
.line-name { padding-top: 1mm; }
.line-detail { padding-left: 3mm; }
.mark { width: 4ch; text-align: right; }
.note { padding-left: 3mm; font-style: italic; }
.taxes th { border-bottom: 1px solid #000; }
.total th, .total td { font-weight: bold; font-size: 11pt; padding-top: 1mm; }
.receipt-barcode { margin-top: 4mm; text-align: center; }
.receipt-barcode svg { display: block; margin: 0 auto 1mm; }
`
  .trim()
  .replace(/\n/g, ' ');

/**
 * Module width of the receipt barcode: 0.25 mm is two dots of a 203 dpi printer, so every bar and
 * space is a whole number of dots and keeps its width ratio (0.33 mm would alternate 2 and 3 dots).
 */
const BARCODE_MODULE_MM = 0.25;
/** Tall enough to scan with a tilted hand scanner, short enough not to waste paper. */
const BARCODE_HEIGHT_MM = 10;
/** The printable width of the 80 mm paper (see RECEIPT_CSS). */
const PRINTABLE_WIDTH_MM = 72;

/**
 * The receipt number as a Code 128 barcode with the number under it, so a return can start by
 * scanning the receipt; nothing when the number holds a character Code 128 cannot carry or is too
 * long for the paper (the number is printed at the top all the same): a receipt always prints.
 */
function barcodeHtml(receiptNumber: string): string {
  if (!canEncodeCode128(receiptNumber) || code128Modules(receiptNumber).length * BARCODE_MODULE_MM > PRINTABLE_WIDTH_MM) return '';
  const svg = code128Svg(receiptNumber, { moduleWidth: BARCODE_MODULE_MM, height: BARCODE_HEIGHT_MM, unit: 'mm' });
  return `<footer class="receipt-barcode">${svg}<p>${escapeHtml(receiptNumber)}</p></footer>`;
}

/**
 * One sale or return as a whole printable HTML document for an 80 mm receipt printer: the store's
 * name, address and VAT number, title, receipt number, till, cashier, the customer if any, date and
 * time, every line (with the shelf price a price override replaced and the line's discount), the
 * order discount, the tax breakdown per rate, totals, cash rounding and payments per tender; for a
 * return the receipt it returns (or the manager who approved a return without one) and, per line,
 * whether the goods were restocked or written off; then the store's receipt footer, and last the
 * receipt number as a barcode. A copy says COPY at the top and the bottom. Dates and amounts are
 * written as the store writes them (its locale and time zone, see format.ts). Inline CSS and SVG
 * only, no scripts, nothing loaded from elsewhere; every piece of text is escaped.
 */
export function receiptHtml(document: Sale, context: ReceiptContext): string {
  const receipt = view(document, context);
  const t = escapeHtml;
  const row = (label: string, value: string, className = '') =>
    `<tr${className ? ` class="${className}"` : ''}><th scope="row">${t(label)}</th><td class="num">${t(value)}</td></tr>`;
  // A row of the lines table: text, amount and tax mark, or a note across all three.
  const detail = (text: string, amount: string, mark: string, className: string) =>
    `<tr class="${className}"><td class="line-detail">${t(text)}</td><td class="num">${t(amount)}</td><td class="mark">${t(mark)}</td></tr>`;
  const note = (text: string, className: string) => `<tr class="${className}"><td class="note" colspan="3">${t(text)}</td></tr>`;
  const facts = [
    row(receipt.returning ? 'Return no.' : 'Receipt no.', receipt.receiptNumber, 'receipt-number'),
    receipt.returnOf ? row('Returns receipt', receipt.returnOf, 'return-of') : '',
    receipt.approvedBy ? row('Returns receipt', 'none', 'return-of') + row('Approved by', receipt.approvedBy, 'approved-by') : '',
    row('Till', receipt.till),
    row('Cashier', receipt.cashier),
    receipt.customer ? row('Customer', receipt.customer, 'customer') : '',
    row('Date', receipt.dateTime, 'date'),
  ].join('');
  const lines = receipt.lines
    .map(
      (line) =>
        `<tbody class="line"><tr><td class="line-name" colspan="3">${t(line.name)}</td></tr>` +
        `<tr><td class="line-detail">${t(quantityText(line, '×'))}</td><td class="num">${t(line.amount)}</td><td class="mark">${t(line.taxMark)}</td></tr>` +
        (line.shelfPrice === undefined ? '' : note(shelfPriceText(line.shelfPrice), 'shelf-price')) +
        (line.discount === undefined ? '' : detail(line.discount.label, line.discount.amount, '', 'line-discount')) +
        (line.restocked === undefined ? '' : note(disposition(line), 'disposition')) +
        (line.returnReason === undefined ? '' : note(`Reason: ${line.returnReason}`, 'return-reason')) +
        `</tbody>`,
    )
    .join('');
  const orderDiscount = receipt.orderDiscount
    ? `<tbody class="order-discount"><tr><td>${t(receipt.orderDiscount.label)}</td><td class="num">${t(receipt.orderDiscount.amount)}</td><td class="mark"></td></tr></tbody>`
    : '';
  const taxes = receipt.taxes
    .map((tax) => `<tr class="tax-rate"><td>${t(`${tax.mark} ${tax.rate}`)}</td><td class="num">${t(tax.net)}</td><td class="num">${t(tax.tax)}</td><td class="num">${t(tax.gross)}</td></tr>`)
    .join('');
  const payments = receipt.payments
    .map((payment) => row(payment.label, payment.amount, 'payment') + (payment.cash ? row('Tendered', payment.cash.tendered, 'tendered') + row('Change', payment.cash.change, 'change') : ''))
    .join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${t(`${receipt.title} ${receipt.receiptNumber}`)}</title>`,
    `<style>${RECEIPT_CSS}</style>`,
    '</head><body>',
    receipt.copy ? COPY_HTML : '',
    `<header>${storeHeaderHtml(receipt.header)}<p class="store-code">${t(`Store ${receipt.storeCode}`)}</p></header>`,
    `<h2>${t(receipt.title)}</h2>`,
    `<table class="facts">${facts}</table>`,
    '<hr>',
    `<table class="lines">${lines}${orderDiscount}</table>`,
    '<hr>',
    `<table class="taxes"><thead><tr><th>Tax</th><th class="num">Net</th><th class="num">Tax</th><th class="num">Gross</th></tr></thead><tbody>${taxes}</tbody></table>`,
    '<hr>',
    '<table class="totals">',
    row('Net', receipt.totals.net),
    row('Tax', receipt.totals.tax),
    row(`${receipt.returning ? 'Total refunded' : 'Total'} ${receipt.currency}`, receipt.totals.gross, 'total'),
    receipt.cashRounding === undefined ? '' : row('Cash rounding', receipt.cashRounding, 'cash-rounding'),
    '</table>',
    '<hr>',
    `<table class="payments">${payments}</table>`,
    receipt.footer.length > 0 ? `<p class="receipt-footer">${receipt.footer.map(t).join('<br>')}</p>` : '',
    barcodeHtml(receipt.receiptNumber),
    receipt.copy ? COPY_HTML : '',
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The mark of a copy, at the top and the bottom of the paper. */
const COPY_TEXT = 'COPY';
const COPY_HTML = `<p class="copy">${COPY_TEXT}</p>`;

/** Under a line whose price was overridden: what the shelf said. */
function shelfPriceText(shelfPrice: string): string {
  return `Shelf price ${shelfPrice}`;
}

function characters(text: string): number {
  return [...text].length;
}

/** `left` and `right` on one line of `width`, the right flush with the edge (at least one space between). */
function spread(left: string, right: string, width: number): string {
  const gap = Math.max(1, width - characters(left) - characters(right));
  return `${left}${' '.repeat(gap)}${right}`;
}

/**
 * A label and its value on one line of `width`, the value flush right; when both do not fit, the
 * label wraps (keeping its indent) and the value goes flush right on its last line, or on a line of
 * its own (wrapped too if it is that long), so no printed line is ever wider than the paper.
 */
export function textRow(label: string, value: string, width: number): string[] {
  if (value === '') return indented(label, width);
  if (characters(label) + 1 + characters(value) <= width) return [spread(label, value, width)];
  const labelLines = label.trim() ? indented(label, width) : [];
  const last = labelLines.at(-1);
  if (last !== undefined && characters(last) + 1 + characters(value) <= width) return [...labelLines.slice(0, -1), spread(last, value, width)];
  return [...labelLines, ...wrapText(value, width).map((line) => `${' '.repeat(width - characters(line))}${line}`)];
}

/** Wraps text that starts with an indent, keeping the indent on every line. */
function indented(text: string, width: number): string[] {
  const indent = /^ */.exec(text)![0];
  return wrapText(text, Math.max(1, width - indent.length)).map((line) => `${indent}${line}`);
}

/** Text centred in `width` (left-padded only, so lines carry no trailing spaces). */
export function centreText(text: string, width: number): string {
  return `${' '.repeat(Math.max(0, Math.floor((width - characters(text)) / 2)))}${text}`;
}

/** Breaks text into lines of at most `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (characters(rest) > width) {
      if (current) lines.push(current);
      current = '';
      lines.push([...rest].slice(0, width).join(''));
      rest = [...rest].slice(width).join('');
    }
    if (!current) current = rest;
    else if (characters(current) + 1 + characters(rest) <= width) current = `${current} ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [''];
}

/**
 * The same receipt as plain text, `width` characters a line (48 by default, an 80 mm printer's
 * standard font), for a printer driven as a line printer, or a log. ASCII apart from what data
 * says (names, the address and footer; a locale's own digits).
 */
export function receiptText(document: Sale, context: ReceiptContext, width = RECEIPT_TEXT_WIDTH): string {
  const receipt = view(document, context);
  const rule = '-'.repeat(width);
  const pair = (label: string, value: string) => textRow(label, value, width);
  // An amount of the lines' column: a space and the tax mark after it, at the right edge.
  const withMark = (left: string, amount: string, mark: string) =>
    characters(left) + 1 + characters(amount) <= width - 2 ? [`${spread(left, amount, width - 2)} ${mark}`.trimEnd()] : [...wrapText(left, width), `${amount.padStart(width - 2)} ${mark}`.trimEnd()];
  const copy = centreText(`*** ${COPY_TEXT} ***`, width);
  const out: string[] = [
    ...(receipt.copy ? [copy, rule] : []),
    ...storeHeaderText(receipt.header, width),
    centreText(`Store ${receipt.storeCode}`, width),
    rule,
    centreText(receipt.title.toUpperCase(), width),
    ...pair(receipt.returning ? 'Return no.' : 'Receipt no.', receipt.receiptNumber),
  ];
  if (receipt.returnOf) out.push(...pair('Returns receipt', receipt.returnOf));
  if (receipt.approvedBy) out.push(...pair('Returns receipt', 'none'), ...pair('Approved by', receipt.approvedBy));
  out.push(...pair('Till', receipt.till), ...pair('Cashier', receipt.cashier));
  if (receipt.customer) out.push(...pair('Customer', receipt.customer));
  out.push(...pair('Date', receipt.dateTime), rule);
  for (const line of receipt.lines) {
    out.push(...wrapText(line.name, width));
    out.push(...withMark(`  ${quantityText(line, 'x')}`, line.amount, line.taxMark));
    if (line.shelfPrice !== undefined) out.push(...wrapText(shelfPriceText(line.shelfPrice), width - 2).map((text) => `  ${text}`));
    if (line.discount) out.push(...withMark(`  ${line.discount.label}`, line.discount.amount, ''));
    if (line.restocked !== undefined) out.push(`  ${disposition(line)}`);
    if (line.returnReason !== undefined) out.push(...wrapText(`Reason: ${line.returnReason}`, width - 2).map((text) => `  ${text}`));
  }
  if (receipt.orderDiscount) out.push(...withMark(receipt.orderDiscount.label, receipt.orderDiscount.amount, ''));
  out.push(rule);
  const column = Math.floor((width - 8) / 3);
  const taxRow = (label: string, net: string, tax: string, gross: string) => `${label.padEnd(width - 3 * column)}${net.padStart(column)}${tax.padStart(column)}${gross.padStart(column)}`;
  out.push(taxRow('Tax', 'Net', 'Tax', 'Gross'));
  for (const tax of receipt.taxes) out.push(taxRow(`${tax.mark} ${tax.rate}`, tax.net, tax.tax, tax.gross));
  out.push(rule);
  out.push(...pair('Net', receipt.totals.net), ...pair('Tax', receipt.totals.tax));
  out.push(...pair(`${receipt.returning ? 'TOTAL REFUNDED' : 'TOTAL'} ${receipt.currency}`, receipt.totals.gross));
  if (receipt.cashRounding !== undefined) out.push(...pair('Cash rounding', receipt.cashRounding));
  out.push(rule);
  for (const payment of receipt.payments) {
    out.push(...pair(payment.label, payment.amount));
    if (payment.cash) out.push(...pair('Tendered', payment.cash.tendered), ...pair('Change', payment.cash.change));
  }
  if (receipt.footer.length > 0) out.push(rule, ...receipt.footer.flatMap((line) => wrapText(line, width).map((part) => centreText(part, width))));
  if (receipt.copy) out.push(rule, copy);
  return `${out.join('\n')}\n`;
}
