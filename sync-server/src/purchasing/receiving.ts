import {
  dec,
  movingAverageCost,
  outstanding,
  supplierProductId,
  SyncError,
  toQuantityString,
  type Product,
  type PurchaseOrder,
  type StockDocument,
  type SupplierProduct,
} from '../../../shared/src/index.js';
import type { Writer } from '../repository.js';
import type { DocumentReads } from '../storage/port.js';
import { nextUpdatedAt } from '../updated-at.js';

/** A product's moving average cost in a store: head office's alone, moved by each receipt with a cost. */
export interface StockCost {
  /** `<store id>:<product id>`. */
  id: string;
  storeId: string;
  productId: string;
  averageCost: string;
  updatedAt: string;
}

export function stockCostId(storeId: string, productId: string): string {
  return `${storeId}:${productId}`;
}

/**
 * A receipt against a purchase order, inside the transaction that records it: the order must be
 * the store's and sent (or partly received); each line's quantity counts as received on the
 * order's line for its product (a product not on the order is an unordered delivery, kept on the
 * receipt alone); the order becomes received once every line has all it ordered, partly received
 * before (what it still lacks stays on order, a backorder). Answers each line's cost per unit:
 * the receipt's own, else the order line's (its pack cost over its pack size), else the supplier's
 * for an unordered product. A refusal throws, so nothing of the receipt is kept.
 */
export async function receiveAgainstOrder(writer: Writer, document: StockDocument, at: string): Promise<Map<string, string>> {
  const costs = new Map<string, string>();
  for (const line of document.lines) if (line.unitCost !== undefined) costs.set(line.productId, line.unitCost);
  if (!document.purchaseOrderId) return costs;
  const order = await writer.get<PurchaseOrder>('purchaseOrders', document.purchaseOrderId);
  const refuse = (problem: string) => new SyncError('invalid_document', 'the receipt was not recorded', 422, [{ id: document.id, problems: [problem] }]);
  if (!order) throw refuse(`purchaseOrderId: no purchase order "${document.purchaseOrderId}"`);
  if (order.storeId !== document.storeId) throw refuse(`purchaseOrderId: ${order.number} is another store's order`);
  if (order.state === 'draft') throw refuse(`purchaseOrderId: ${order.number} is a draft, not sent: nothing is received against it`);
  if (order.state === 'cancelled') throw refuse(`purchaseOrderId: ${order.number} is cancelled: nothing is received against it`);
  if (order.state === 'received') throw refuse(`purchaseOrderId: ${order.number} is received in full already; record what else came as a receipt of its own`);
  const arrived = new Map(document.lines.map((line) => [line.productId, dec(line.quantity)]));
  const lines = order.lines.map((line) => {
    const quantity = arrived.get(line.productId);
    if (!quantity) return line;
    if (!costs.has(line.productId)) costs.set(line.productId, dec(line.packCost).div(dec(line.packSize)).toDecimalPlaces(4, 4).toFixed(4));
    return { ...line, received: toQuantityString(dec(line.received).plus(quantity)) };
  });
  // An unordered product costs what the supplier charges for it, where it supplies it.
  const unordered = document.lines.filter((line) => !order.lines.some((ordered) => ordered.productId === line.productId) && !costs.has(line.productId));
  const links = await writer.tx.documents.getMany<SupplierProduct>('supplierProducts', unordered.map((line) => supplierProductId(order.supplierId, line.productId)));
  for (const line of unordered) {
    const link = links.get(supplierProductId(order.supplierId, line.productId));
    if (link && !link.deleted) costs.set(line.productId, dec(link.body.packCost).div(dec(link.body.packSize)).toDecimalPlaces(4, 4).toFixed(4));
  }
  const state = lines.every((line) => dec(outstanding(line)).isZero()) ? 'received' : 'partly-received';
  await writer.put('purchaseOrders', { ...order, lines, state, updatedAt: nextUpdatedAt(order.updatedAt, new Date(at)) }, order.storeId);
  return costs;
}

/**
 * Each product's cost per unit in a store now: its moving average where a receipt moved it, head
 * office's product cost until then. What a sale's goods cost is fixed with it as the sale is applied.
 * `known` holds products already read (those a push was judged against), which are not read again.
 */
export async function unitCostsNow(documents: Pick<DocumentReads, 'getMany'>, storeId: string, productIds: readonly string[], known: ReadonlyMap<string, Product> = new Map()): Promise<Map<string, string>> {
  const stored = await documents.getMany<StockCost>('stockCosts', productIds.map((productId) => stockCostId(storeId, productId)));
  const costs = new Map<string, string>();
  const unpriced: string[] = [];
  for (const productId of productIds) {
    const cost = stored.get(stockCostId(storeId, productId));
    if (cost && !cost.deleted) costs.set(productId, cost.body.averageCost);
    else if (known.has(productId)) {
      const fallback = known.get(productId)!.cost;
      if (fallback !== undefined) costs.set(productId, fallback);
    } else unpriced.push(productId);
  }
  if (unpriced.length === 0) return costs;
  const products = await documents.getMany<Product>('products', unpriced);
  for (const productId of unpriced) {
    const product = products.get(productId);
    if (product && product.body.cost !== undefined) costs.set(productId, product.body.cost);
  }
  return costs;
}

/**
 * Moves each product's average cost in the store by what arrived at `costs`: the stock on hand
 * before the receipt (`onHandBefore`) at the average before (head office's product cost where the
 * store has none yet), and the delivery at its own cost.
 */
export async function moveAverageCosts(writer: Writer, document: StockDocument, costs: ReadonlyMap<string, string>, onHandBefore: ReadonlyMap<string, string>, at: string): Promise<void> {
  const lines = document.lines.filter((line) => costs.has(line.productId));
  if (lines.length === 0) return;
  const stored = await writer.tx.documents.getMany<StockCost>('stockCosts', lines.map((line) => stockCostId(document.storeId, line.productId)));
  const products = await writer.tx.documents.getMany<Product>('products', lines.map((line) => line.productId));
  for (const line of lines) {
    const id = stockCostId(document.storeId, line.productId);
    const before = stored.get(id);
    const averageBefore = before && !before.deleted ? before.body.averageCost : (products.get(line.productId)?.body.cost ?? costs.get(line.productId)!);
    const averageCost = movingAverageCost(onHandBefore.get(line.productId) ?? '0', averageBefore, line.quantity, costs.get(line.productId)!);
    await writer.put('stockCosts', { id, storeId: document.storeId, productId: line.productId, averageCost, updatedAt: at }, document.storeId);
  }
}
