import { dec, stockLevelId, toQuantityString, type Dec, type StockLevel } from '../../../shared/src/index.js';
import type { Writer } from '../repository.js';
import type { DocumentWrite, LedgerSource } from '../storage/port.js';

/**
 * Moves a store's stock by head office's event (a transfer sent or received, a count posted): one
 * ledger row per non-zero movement, named by the event's id, and each touched stock level written
 * once with the sum of its movements, which the store's tills then pull.
 */
export async function moveStock(writer: Writer, storeId: string, source: LedgerSource, documentId: string, at: string, movements: readonly { productId: string; quantity: Dec }[]): Promise<void> {
  const moving = movements.filter((movement) => !movement.quantity.isZero());
  if (moving.length === 0) return;
  await writer.tx.ledger.append(moving.map((movement) => ({ storeId, productId: movement.productId, source, documentId, quantity: toQuantityString(movement.quantity), recordedAt: at })));
  const totals = new Map<string, Dec>();
  for (const movement of moving) totals.set(movement.productId, (totals.get(movement.productId) ?? dec('0')).plus(movement.quantity));
  const levels = await writer.tx.documents.getMany<StockLevel>('stockLevels', [...totals.keys()].map((productId) => stockLevelId(storeId, productId)));
  const writes: DocumentWrite[] = [];
  for (const [productId, quantity] of totals) {
    const id = stockLevelId(storeId, productId);
    const stored = levels.get(id);
    const level = stored && !stored.deleted ? stored.body : { id, storeId, productId, quantity: '0', applied: {} };
    const moved: StockLevel = { ...level, quantity: toQuantityString(dec(level.quantity).plus(quantity)) };
    writes.push({ collection: 'stockLevels', body: moved, storeId, seq: await writer.seq() });
  }
  await writer.tx.documents.putMany(writes);
}
