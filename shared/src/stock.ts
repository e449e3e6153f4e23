import { Dec, dec, toQuantityString, type DecimalString } from './money.js';
import type { StockLevel } from './schemas/index.js';

/** One product's change of stock carried by a stock-moving document. Negative leaves the shelf. */
export interface StockMovement {
  productId: string;
  quantity: DecimalString;
}

/** What the projection needs of a stock-moving document (a sale today; returns and receipts later). */
export interface StockMovingDocument {
  tillId: string;
  /** The till's gapless document number. */
  number: number;
  stockMovements: readonly StockMovement[];
}

export function stockLevelId(storeId: string, productId: string): string {
  return `${storeId}:${productId}`;
}

/** Sums a document's lines into one movement per product, in first-seen order. */
export function movementsOf(lines: readonly { productId: string; quantity: DecimalString }[], sign: 1 | -1): StockMovement[] {
  const totals = new Map<string, Dec>();
  for (const line of lines) {
    totals.set(line.productId, (totals.get(line.productId) ?? new Dec(0)).plus(dec(line.quantity).mul(sign)));
  }
  return [...totals].map(([productId, quantity]) => ({ productId, quantity: toQuantityString(quantity) }));
}

/**
 * The server's step: the level after applying one document. The caller applies each document once and
 * in each till's number order; `applied` records that so a till can tell what is already included.
 */
export function applyToLevel(level: StockLevel, document: StockMovingDocument): StockLevel {
  let quantity = dec(level.quantity);
  for (const movement of document.stockMovements) {
    if (movement.productId === level.productId) quantity = quantity.plus(dec(movement.quantity));
  }
  return {
    ...level,
    quantity: toQuantityString(quantity),
    applied: { ...level.applied, [document.tillId]: Math.max(level.applied[document.tillId] ?? 0, document.number) },
  };
}

/**
 * The till's view of one product: the server's level plus this till's own documents that the level
 * does not include yet. Offline, the figure moves with every sale at once; once the server has applied
 * a document, its level includes it and the document stops being added, so nothing is counted twice.
 */
export function projectedQuantity(
  productId: string,
  level: StockLevel | undefined,
  ownDocuments: Iterable<StockMovingDocument>,
  tillId: string,
): Dec {
  let quantity = level ? dec(level.quantity) : new Dec(0);
  const appliedUpTo = level?.applied[tillId] ?? 0;
  for (const document of ownDocuments) {
    if (document.tillId !== tillId || document.number <= appliedUpTo) continue;
    for (const movement of document.stockMovements) {
      if (movement.productId === productId) quantity = quantity.plus(dec(movement.quantity));
    }
  }
  return quantity;
}

/** Pending movements per product of this till's documents the given levels do not include yet. */
export function pendingByProduct(
  levels: ReadonlyMap<string, StockLevel>,
  ownDocuments: Iterable<StockMovingDocument>,
  tillId: string,
): Map<string, Dec> {
  const pending = new Map<string, Dec>();
  for (const document of ownDocuments) {
    if (document.tillId !== tillId) continue;
    for (const movement of document.stockMovements) {
      const appliedUpTo = levels.get(movement.productId)?.applied[tillId] ?? 0;
      if (document.number <= appliedUpTo) continue;
      pending.set(movement.productId, (pending.get(movement.productId) ?? new Dec(0)).plus(dec(movement.quantity)));
    }
  }
  return pending;
}
