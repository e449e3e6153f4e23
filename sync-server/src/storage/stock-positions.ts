import { AMOUNT_PLACES, QUANTITY_PLACES, toUnits } from '../../../shared/src/index.js';
import type { DocumentWrite } from './port.js';

/**
 * What a write of a stock level or a stock cost sets in stock_positions: the narrow copy of each
 * store's stock a report over a whole chain reads (DocumentReads.positions). Both adapters keep it in
 * the same statement or transaction as the document, so the two never disagree. Whole units, worked
 * out here exactly (toUnits, half up past the places kept), the way the reports always rounded them.
 */
export interface PositionWrite {
  storeId: string;
  productId: string;
  /** Thousandths of a unit for a level, ten-thousandths of the currency for a cost; null when the document is deleted. */
  value: bigint | null;
}

/** The positions a batch of writes sets: one list for stock levels' quantities, one for stock costs' averages, the last write of each key winning. */
export function positionWrites(writes: readonly DocumentWrite[]): { quantities: PositionWrite[]; costs: PositionWrite[] } {
  const quantities = new Map<string, PositionWrite>();
  const costs = new Map<string, PositionWrite>();
  for (const write of writes) {
    if (write.collection !== 'stockLevels' && write.collection !== 'stockCosts') continue;
    const body = write.body as { id: string; storeId?: unknown; productId?: unknown; quantity?: unknown; averageCost?: unknown };
    const storeId = typeof body.storeId === 'string' ? body.storeId : write.storeId;
    if (storeId === null || typeof body.productId !== 'string') continue;
    const level = write.collection === 'stockLevels';
    const figure = level ? body.quantity : body.averageCost;
    const value = write.deleted || typeof figure !== 'string' ? null : toUnits(figure, level ? QUANTITY_PLACES : AMOUNT_PLACES);
    (level ? quantities : costs).set(`${storeId}\u0000${body.productId}`, { storeId, productId: body.productId, value });
  }
  return { quantities: [...quantities.values()], costs: [...costs.values()] };
}
