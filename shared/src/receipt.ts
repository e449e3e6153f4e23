import { dec, formatAmount } from './money.js';
import { isReturn, type Sale, type Store } from './schemas/index.js';

/**
 * Printed receipts for sales and returns: one document of the sales collection rendered as a
 * self-contained 80 mm receipt (HTML for the print dialog, or plain text for a line printer).
 * Pure: the same document and context always give the same receipt, so a reprint matches the
 * first print and tests can compare whole receipts.
 */

/** What a receipt needs beyond the document itself. */
export interface ReceiptContext {
  store: Pick<Store, 'name' | 'code'>;
  /** The till that made the document (the document carries only the till's id). */
  till: { code: string };
  /**
   * The IANA time zone the date and time are printed in ("Europe/Berlin"); the runtime's own when
   * absent, which on a till is the shop's.
   */
  timeZone?: string;
}

/** Characters per line of the plain-text receipt: 72 mm printable at 12-dot characters, 203 dpi. */
export const RECEIPT_TEXT_WIDTH = 48;

interface ReceiptLineView {
  name: string;
  sku: string;
  /** "3 × 1.19", "0.375 kg × 2.49". */
  quantity: string;
  unitPrice: string;
  unit: 'piece' | 'kg';
  gross: string;
  /** The letter of its tax rate in the breakdown. */
  taxMark: string;
  /** Returns only. */
  restocked?: boolean;
}

interface ReceiptView {
  returning: boolean;
  title: 'Receipt' | 'Return';
  storeName: string;
  storeCode: string;
  receiptNumber: string;
  returnOf?: string;
  till: string;
  cashier: string;
  dateTime: string;
  currency: string;
  lines: ReceiptLineView[];
  taxes: { mark: string; rate: string; net: string; tax: string; gross: string }[];
  totals: { net: string; tax: string; gross: string };
  payments: { tender: string; amount: string; tendered: string; change: string }[];
}

/**
 * A timestamp as "2024-06-07 12:15:00" in `timeZone` (the runtime's own when absent): the same
 * digits in every locale, so receipts and their tests do not change with the machine's language.
 */
export function receiptDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    numberingSystem: 'latn',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** "A", "B", … "Z", "AA": the marks that tie each line to its row of the tax breakdown. */
function taxMark(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${taxMark(Math.floor(index / 26) - 1)}${letter}`;
}

function view(document: Sale, context: ReceiptContext): ReceiptView {
  const decimals = document.pricing.currencyDecimals;
  const amount = (value: string) => formatAmount(value, decimals);
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
    storeName: context.store.name,
    storeCode: context.store.code,
    receiptNumber: document.receiptNumber,
    returnOf: document.returnOf?.receiptNumber,
    till: context.till.code,
    cashier: document.cashierName,
    dateTime: receiptDateTime(document.completedAt, context.timeZone),
    currency: document.currency,
    lines: document.lines.map((line) => ({
      name: line.name,
      sku: line.sku,
      quantity: dec(line.quantity).toFixed(),
      unit: line.unit,
      // A unit price may carry more places than the currency (0.125 a piece): never round it away.
      unitPrice: formatAmount(line.unitPrice, Math.max(decimals, dec(line.unitPrice).decimalPlaces())),
      gross: amount(line.gross),
      taxMark: taxes.find((tax) => tax.taxClassId === line.taxClassId && tax.rate.eq(dec(line.taxRatePercent)))?.mark ?? '',
      restocked: returning ? line.restock !== false : undefined,
    })),
    taxes: taxes.map((tax) => ({ mark: tax.mark, rate: `${tax.rate.toFixed()}%`, net: tax.net, tax: tax.tax, gross: tax.gross })),
    totals: { net: amount(document.totals.net), tax: amount(document.totals.tax), gross: amount(document.totals.gross) },
    payments: document.payments.map((payment) => ({
      tender: payment.tender === 'cash' ? 'Cash' : payment.tender,
      amount: amount(payment.amount),
      tendered: amount(payment.tendered),
      change: amount(payment.change),
    })),
  };
}

function quantityText(line: ReceiptLineView, times: string): string {
  return `${line.quantity}${line.unit === 'kg' ? ' kg' : ''} ${times} ${line.unitPrice}`;
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
 * The style of every HTML receipt: 80 mm paper with a 72 mm printable area, monospace, black on
 * white; nothing loaded from anywhere (local fonts only).
 */
const RECEIPT_CSS = `
@page { size: 80mm auto; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: 72mm; margin: 0 auto; padding: 3mm 0 8mm; font: 9pt/1.35 'DejaVu Sans Mono', 'Liberation Mono', Consolas, 'Courier New', monospace; }
h1 { font-size: 12pt; text-align: center; margin: 0; }
h2 { font-size: 11pt; text-align: center; margin: 1mm 0; text-transform: uppercase; letter-spacing: 0.2em; }
p { margin: 0; }
.store-code { text-align: center; }
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
`
  .trim()
  .replace(/\n/g, ' ');

/**
 * One sale or return as a whole printable HTML document for an 80 mm receipt printer: store,
 * title, receipt number, till, cashier, date and time, every line, the tax breakdown per rate,
 * totals and payments; for a return the receipt it returns and, per line, whether the goods were
 * restocked or written off. Inline CSS only, no scripts, nothing loaded from elsewhere; every piece
 * of text is escaped.
 */
export function receiptHtml(document: Sale, context: ReceiptContext): string {
  const receipt = view(document, context);
  const t = escapeHtml;
  const row = (label: string, value: string, className = '') =>
    `<tr${className ? ` class="${className}"` : ''}><th scope="row">${t(label)}</th><td class="num">${t(value)}</td></tr>`;
  const facts = [
    row(receipt.returning ? 'Return no.' : 'Receipt no.', receipt.receiptNumber, 'receipt-number'),
    receipt.returnOf ? row('Returns receipt', receipt.returnOf, 'return-of') : '',
    row('Till', receipt.till),
    row('Cashier', receipt.cashier),
    row('Date', receipt.dateTime, 'date'),
  ].join('');
  const lines = receipt.lines
    .map(
      (line) =>
        `<tbody class="line"><tr><td class="line-name" colspan="3">${t(line.name)}</td></tr>` +
        `<tr><td class="line-detail">${t(quantityText(line, '×'))}</td><td class="num">${t(line.gross)}</td><td class="mark">${t(line.taxMark)}</td></tr>` +
        (line.restocked === undefined ? '' : `<tr><td class="note" colspan="3">${t(disposition(line))}</td></tr>`) +
        `</tbody>`,
    )
    .join('');
  const taxes = receipt.taxes
    .map((tax) => `<tr class="tax-rate"><td>${t(`${tax.mark} ${tax.rate}`)}</td><td class="num">${t(tax.net)}</td><td class="num">${t(tax.tax)}</td><td class="num">${t(tax.gross)}</td></tr>`)
    .join('');
  const payments = receipt.payments
    .map((payment) =>
      receipt.returning
        ? row(`Refunded in ${payment.tender.toLowerCase()}`, payment.amount, 'payment')
        : row(payment.tender, payment.amount, 'payment') + row('Tendered', payment.tendered, 'tendered') + row('Change', payment.change, 'change'),
    )
    .join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${t(`${receipt.title} ${receipt.receiptNumber}`)}</title>`,
    `<style>${RECEIPT_CSS}</style>`,
    '</head><body>',
    `<header><h1>${t(receipt.storeName)}</h1><p class="store-code">${t(`Store ${receipt.storeCode}`)}</p></header>`,
    `<h2>${t(receipt.title)}</h2>`,
    `<table class="facts">${facts}</table>`,
    '<hr>',
    `<table class="lines">${lines}</table>`,
    '<hr>',
    `<table class="taxes"><thead><tr><th>Tax</th><th class="num">Net</th><th class="num">Tax</th><th class="num">Gross</th></tr></thead><tbody>${taxes}</tbody></table>`,
    '<hr>',
    '<table class="totals">',
    row('Net', receipt.totals.net),
    row('Tax', receipt.totals.tax),
    row(`${receipt.returning ? 'Total refunded' : 'Total'} ${receipt.currency}`, receipt.totals.gross, 'total'),
    '</table>',
    '<hr>',
    `<table class="payments">${payments}</table>`,
    '</body></html>',
  ].join('\n');
}

function characters(text: string): number {
  return [...text].length;
}

/** `left` and `right` on one line of `width`, the right flush with the edge (at least one space between). */
function spread(left: string, right: string, width: number): string {
  const gap = Math.max(1, width - characters(left) - characters(right));
  return `${left}${' '.repeat(gap)}${right}`;
}

function centre(text: string, width: number): string {
  return `${' '.repeat(Math.max(0, Math.floor((width - characters(text)) / 2)))}${text}`;
}

/** Breaks text into lines of at most `width` characters, at spaces where it can. */
function wrap(text: string, width: number): string[] {
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
 * standard font), for a printer driven as a line printer, or a log. ASCII apart from the names.
 */
export function receiptText(document: Sale, context: ReceiptContext, width = RECEIPT_TEXT_WIDTH): string {
  const receipt = view(document, context);
  const rule = '-'.repeat(width);
  // The line total, a space and its tax mark at the right edge.
  const withMark = (left: string, amount: string, mark: string) => `${spread(left, amount, width - 2)} ${mark}`.trimEnd();
  const out: string[] = [
    ...wrap(receipt.storeName, width).map((line) => centre(line, width)),
    centre(`Store ${receipt.storeCode}`, width),
    rule,
    centre(receipt.title.toUpperCase(), width),
    spread(receipt.returning ? 'Return no.' : 'Receipt no.', receipt.receiptNumber, width),
  ];
  if (receipt.returnOf) out.push(spread('Returns receipt', receipt.returnOf, width));
  out.push(spread('Till', receipt.till, width), spread('Cashier', receipt.cashier, width), spread('Date', receipt.dateTime, width), rule);
  for (const line of receipt.lines) {
    out.push(...wrap(line.name, width));
    out.push(withMark(`  ${quantityText(line, 'x')}`, line.gross, line.taxMark));
    if (line.restocked !== undefined) out.push(`  ${disposition(line)}`);
  }
  out.push(rule);
  const column = Math.floor((width - 8) / 3);
  const taxRow = (label: string, net: string, tax: string, gross: string) => `${label.padEnd(width - 3 * column)}${net.padStart(column)}${tax.padStart(column)}${gross.padStart(column)}`;
  out.push(taxRow('Tax', 'Net', 'Tax', 'Gross'));
  for (const tax of receipt.taxes) out.push(taxRow(`${tax.mark} ${tax.rate}`, tax.net, tax.tax, tax.gross));
  out.push(rule);
  out.push(spread('Net', receipt.totals.net, width), spread('Tax', receipt.totals.tax, width));
  out.push(spread(`${receipt.returning ? 'TOTAL REFUNDED' : 'TOTAL'} ${receipt.currency}`, receipt.totals.gross, width), rule);
  for (const payment of receipt.payments) {
    if (receipt.returning) out.push(spread(`Refunded in ${payment.tender.toLowerCase()}`, payment.amount, width));
    else out.push(spread(payment.tender, payment.amount, width), spread('Tendered', payment.tendered, width), spread('Change', payment.change, width));
  }
  return `${out.join('\n')}\n`;
}
