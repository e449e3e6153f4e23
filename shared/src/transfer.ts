import { dec, isDecimalString, toQuantityString, type DecimalString } from './money.js';
import { quantityProblem, type Unit } from './quantity.js';
import { fieldsOf, unknownFields } from './validate.js';

/**
 * Transfers between stores. Two events, each one immutable document with an id made where it
 * happens (head office's browser), so sending either twice records it once:
 * - the **send** (`TransferSend`): stock leaves the sending store at once and is in transit;
 * - the **receipt** (`TransferReceipt`): what the receiving store counted in, line by line; a line
 *   that differs from what was sent is a discrepancy, kept on the receipt.
 * A transfer is received once: a second receipt for it is refused, the same one again records nothing.
 */

/** The send, as head office's form posts it. */
export interface TransferSend {
  id: string;
  fromStoreId: string;
  toStoreId: string;
  /** A few words: the van, the reason, the other store's request. */
  reference?: string;
  lines: { productId: string; quantity: DecimalString }[];
}

/** The receipt of a transfer, as the receiving store posts it: what arrived of each line sent. */
export interface TransferReceiptInput {
  id: string;
  /** The store receiving: must be the one the transfer was sent to. */
  storeId: string;
  lines: { productId: string; quantity: DecimalString }[];
}

export interface TransferLine {
  productId: string;
  sku: string;
  name: string;
  unit: Unit;
  sent: DecimalString;
}

/** The send as the server keeps it: never changed once written. */
export interface StoredTransfer {
  id: string;
  /** The chain's number for people: "TR-000012". */
  number: string;
  fromStoreId: string;
  toStoreId: string;
  reference: string;
  lines: TransferLine[];
  sentAt: string;
  sentBy: string;
}

/** The receipt as the server keeps it, under its transfer's id (one receipt per transfer): never changed once written. */
export interface StoredTransferReceipt {
  /** The transfer's id. */
  id: string;
  /** The receipt's own id, made by the receiving store's client. */
  receiptId: string;
  storeId: string;
  lines: { productId: string; received: DecimalString }[];
  receivedAt: string;
  receivedBy: string;
}

export type TransferState = 'sent' | 'received';

/** A transfer as head office sees it: the send, with its receipt once there is one. */
export interface TransferView extends Omit<StoredTransfer, 'lines'> {
  state: TransferState;
  fromStoreCode: string;
  toStoreCode: string;
  lines: (TransferLine & { received: DecimalString | null; difference: DecimalString | null })[];
  receiptId: string | null;
  receivedAt: string | null;
  receivedBy: string | null;
}

/**
 * A technical bound, not a store setting: no van carries a billion units of one product, so a larger
 * figure is a typo or a forged request.
 */
export const MAX_TRANSFER_QUANTITY = 1_000_000_000;
const MAX_TRANSFER_LINES = 1000;
const USABLE_ID = /^[\w.:@-]{1,64}$/;

/** What is wrong with a send's shape, field by field; the products' units are judged by `transferLineProblems`. */
export function transferSendProblems(input: unknown): string[] {
  const body = fieldsOf(input);
  const problems = unknownFields(body, ['id', 'fromStoreId', 'toStoreId', 'reference', 'lines']);
  if (typeof body.id !== 'string' || !USABLE_ID.test(body.id)) problems.push('id: 1 to 64 letters, digits and . _ : @ -, made by the sender');
  if (typeof body.fromStoreId !== 'string' || body.fromStoreId.length === 0) problems.push('fromStoreId: the store sending');
  if (typeof body.toStoreId !== 'string' || body.toStoreId.length === 0) problems.push('toStoreId: the store receiving');
  else if (body.toStoreId === body.fromStoreId) problems.push('toStoreId: the same store as the sender; a transfer moves stock between two stores');
  if (body.reference !== undefined && (typeof body.reference !== 'string' || body.reference.length > 200)) problems.push('reference: a text of at most 200 characters');
  problems.push(...linesShapeProblems(body.lines, false));
  return problems;
}

/** What is wrong with a receipt's shape, field by field. */
export function transferReceiptProblems(input: unknown): string[] {
  const body = fieldsOf(input);
  const problems = unknownFields(body, ['id', 'storeId', 'lines']);
  if (typeof body.id !== 'string' || !USABLE_ID.test(body.id)) problems.push('id: 1 to 64 letters, digits and . _ : @ -, made by the receiver');
  if (typeof body.storeId !== 'string' || body.storeId.length === 0) problems.push('storeId: the store receiving');
  problems.push(...linesShapeProblems(body.lines, true));
  return problems;
}

function linesShapeProblems(lines: unknown, zeroAllowed: boolean): string[] {
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_TRANSFER_LINES) return [`lines: 1 to ${MAX_TRANSFER_LINES.toLocaleString('en')} lines`];
  const problems: string[] = [];
  const seen = new Set<string>();
  lines.forEach((line: unknown, index) => {
    const { productId, quantity, ...rest } = fieldsOf(line);
    for (const key of Object.keys(rest)) problems.push(`lines.${index}: unknown field "${key}"`);
    if (typeof productId !== 'string' || productId.length === 0) problems.push(`lines.${index}.productId: missing`);
    else if (seen.has(productId)) problems.push(`lines.${index}.productId: "${productId}" appears twice`);
    else seen.add(productId);
    if (typeof quantity !== 'string' || !isDecimalString(quantity)) problems.push(`lines.${index}.quantity: a decimal string such as "12" or "1.5"`);
    else if (dec(quantity).isNegative() || (!zeroAllowed && dec(quantity).isZero())) problems.push(`lines.${index}.quantity: ${zeroAllowed ? 'zero or more' : 'more than zero'} (is ${quantity})`);
    else if (dec(quantity).gt(MAX_TRANSFER_QUANTITY)) problems.push(`lines.${index}.quantity: at most 1,000,000,000 (is ${quantity})`);
  });
  return problems;
}

/** A line's quantity against its product's unit (whole pieces, grams; kg and l to the gram and millilitre). */
export function transferLineProblems(index: number, quantity: string, unit: Unit): string[] {
  if (dec(quantity).isZero()) return [];
  const problem = quantityProblem(quantity, unit);
  return problem ? [`lines.${index}.quantity: ${problem} (is ${quantity})`] : [];
}

/** The transfer as head office sees it. */
export function transferView(transfer: StoredTransfer, receipt: StoredTransferReceipt | undefined, storeCodes: ReadonlyMap<string, string>): TransferView {
  const received = new Map(receipt?.lines.map((line) => [line.productId, line.received]));
  return {
    ...transfer,
    state: receipt ? 'received' : 'sent',
    fromStoreCode: storeCodes.get(transfer.fromStoreId) ?? transfer.fromStoreId,
    toStoreCode: storeCodes.get(transfer.toStoreId) ?? transfer.toStoreId,
    lines: transfer.lines.map((line) => {
      const got = received.get(line.productId) ?? null;
      return { ...line, received: got, difference: got === null ? null : toQuantityString(dec(got).minus(dec(line.sent))) };
    }),
    receiptId: receipt?.receiptId ?? null,
    receivedAt: receipt?.receivedAt ?? null,
    receivedBy: receipt?.receivedBy ?? null,
  };
}

/**
 * Stock in transit per product for `storeId`: `incoming`, sent to it and not yet received; `outgoing`,
 * sent from it and not yet received at the other end. A projection of the sends and receipts.
 */
export function stockInTransit(transfers: readonly TransferView[], storeId: string): Map<string, { incoming: DecimalString; outgoing: DecimalString }> {
  const totals = new Map<string, { incoming: DecimalString; outgoing: DecimalString }>();
  for (const transfer of transfers) {
    if (transfer.state !== 'sent') continue;
    const side = transfer.toStoreId === storeId ? 'incoming' : transfer.fromStoreId === storeId ? 'outgoing' : undefined;
    if (!side) continue;
    for (const line of transfer.lines) {
      const figures = totals.get(line.productId) ?? { incoming: '0', outgoing: '0' };
      figures[side] = toQuantityString(dec(figures[side]).plus(dec(line.sent)));
      totals.set(line.productId, figures);
    }
  }
  return totals;
}
