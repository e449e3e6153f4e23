import { dec, isDecimalString, toQuantityString, type DecimalString } from './money.js';

/**
 * Stock-moving events head office records: goods received from a supplier, and adjustments (a count
 * that found a difference, damaged or stolen goods, a correction). Like a sale, each is one immutable
 * document with its own id, made where the event is recorded, so sending it twice records it once.
 */
export const STOCK_DOCUMENT_KINDS = ['receipt', 'adjustment'] as const;
export type StockDocumentKind = (typeof STOCK_DOCUMENT_KINDS)[number];

export const ADJUSTMENT_REASONS = ['count', 'damaged', 'theft', 'expired', 'correction'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export interface StockDocument {
  id: string;
  kind: StockDocumentKind;
  storeId: string;
  /** Supplier's delivery note for a receipt; a few words for an adjustment. */
  reference: string;
  /** Adjustments only. */
  reason?: AdjustmentReason;
  /**
   * A receipt's lines; `unitCost` is what one unit of the product cost on this delivery (before tax,
   * in the store's currency), which moves the product's moving average cost in the store.
   */
  lines: { productId: string; quantity: DecimalString; unitCost?: DecimalString }[];
  recordedBy: string;
  /** A receipt against a purchase order: what arrived counts as received on its lines. */
  purchaseOrderId?: string;
}

/**
 * The moving average cost of a product in a store after a receipt: the stock on hand before at its
 * average cost, and what arrived at its own, averaged by quantity. With nothing (or less than
 * nothing) on hand before, the delivery's cost is the average. Kept to 4 decimals, half up.
 */
export function movingAverageCost(onHandBefore: string, averageBefore: string, received: string, unitCost: string): string {
  const before = dec(onHandBefore);
  const quantity = dec(received);
  if (before.lte(0) || quantity.lte(0)) return dec(unitCost).toDecimalPlaces(4, 4).toFixed(4);
  return before.mul(dec(averageBefore)).plus(quantity.mul(dec(unitCost))).div(before.plus(quantity)).toDecimalPlaces(4, 4).toFixed(4);
}

/**
 * A technical bound, not a store setting: no delivery or count moves a billion units of one product,
 * so a larger figure is a typo or a forged request that would swamp the stock figures and their value.
 */
const MAX_STOCK_DOCUMENT_QUANTITY = 1_000_000_000;

/** What is wrong with a stock document, in words for the person entering it; empty when sound. */
export function stockDocumentProblems(document: unknown): string[] {
  if (!document || typeof document !== 'object' || Array.isArray(document)) return ['the document must be an object'];
  const problems: string[] = [];
  const candidate = document as Partial<Record<keyof StockDocument, unknown>>;
  if (typeof candidate.id !== 'string' || candidate.id.length === 0 || candidate.id.length > 64) problems.push('id: a text of 1 to 64 characters');
  if (!STOCK_DOCUMENT_KINDS.includes(candidate.kind as StockDocumentKind)) problems.push(`kind: one of ${STOCK_DOCUMENT_KINDS.join(', ')}`);
  if (typeof candidate.storeId !== 'string' || candidate.storeId.length === 0) problems.push('storeId: the store it happened in');
  if (typeof candidate.reference !== 'string' || candidate.reference.length > 200) problems.push('reference: a text of at most 200 characters');
  if (typeof candidate.recordedBy !== 'string' || candidate.recordedBy.length === 0 || candidate.recordedBy.length > 100) problems.push('recordedBy: who recorded it');
  if (candidate.kind === 'adjustment' && !ADJUSTMENT_REASONS.includes(candidate.reason as AdjustmentReason)) {
    problems.push(`reason: one of ${ADJUSTMENT_REASONS.join(', ')}`);
  }
  if (candidate.kind === 'receipt' && candidate.reason !== undefined) problems.push('reason: only adjustments have one');
  if (candidate.purchaseOrderId !== undefined && (candidate.kind !== 'receipt' || typeof candidate.purchaseOrderId !== 'string' || candidate.purchaseOrderId.length === 0)) {
    problems.push('purchaseOrderId: only a receipt is received against a purchase order');
  }
  if (!Array.isArray(candidate.lines) || candidate.lines.length === 0 || candidate.lines.length > 1000) {
    problems.push('lines: 1 to 1,000 lines');
    return problems;
  }
  const seen = new Set<string>();
  candidate.lines.forEach((line: unknown, index) => {
    const { productId, quantity, unitCost } = (line ?? {}) as { productId?: unknown; quantity?: unknown; unitCost?: unknown };
    if (unitCost !== undefined) {
      if (candidate.kind !== 'receipt') problems.push(`lines.${index}.unitCost: only goods received have a cost`);
      else if (typeof unitCost !== 'string' || !isDecimalString(unitCost) || dec(unitCost).isNegative() || dec(unitCost).decimalPlaces() > 4) {
        problems.push(`lines.${index}.unitCost: what one unit cost before tax, such as "0.70", at most 4 decimals`);
      }
    }
    if (typeof productId !== 'string' || productId.length === 0) problems.push(`lines.${index}.productId: missing`);
    else if (seen.has(productId)) problems.push(`lines.${index}: product "${productId}" appears twice`);
    else seen.add(productId);
    if (typeof quantity !== 'string' || !isDecimalString(quantity) || dec(quantity).isZero()) {
      problems.push(`lines.${index}.quantity: a decimal string other than zero, such as "12" or "-1.5"`);
    } else if (candidate.kind === 'receipt' && dec(quantity).isNegative()) {
      problems.push(`lines.${index}.quantity: goods received are a positive quantity; record a return to the supplier as an adjustment`);
    } else if (dec(quantity).decimalPlaces() > 3) {
      problems.push(`lines.${index}.quantity: at most 3 decimals`);
    } else if (dec(quantity).abs().gt(MAX_STOCK_DOCUMENT_QUANTITY)) {
      problems.push(`lines.${index}.quantity: at most 1,000,000,000 in or out (is ${quantity})`);
    }
  });
  const extra = Object.keys(candidate).filter((key) => !['id', 'kind', 'storeId', 'reference', 'reason', 'lines', 'recordedBy', 'purchaseOrderId'].includes(key));
  for (const key of extra) problems.push(`unknown field "${key}"`);
  return problems;
}

/** The document's movements, normalised (one per product, as decimal strings). */
export function stockDocumentMovements(document: StockDocument): { productId: string; quantity: DecimalString }[] {
  return document.lines.map((line) => ({ productId: line.productId, quantity: toQuantityString(dec(line.quantity)) }));
}
