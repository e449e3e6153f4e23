import { AMOUNT_PLACES, QUANTITY_PLACES, toUnits, type ReportFact } from '../../../shared/src/index.js';
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

/** A product's last day with a sale in a store, as stock_positions.last_sold keeps it. */
export interface LastSale {
  storeId: string;
  productId: string;
  day: string;
}

/**
 * The last day each product sold in each store (stock_positions.last_sold: the latest day of its
 * report facts with a sale in it), noted from the facts a transaction adds (ReportWrites.add) and
 * written with the product's position: a push applies its sales' facts and then writes the stock
 * levels of the same products, so the day goes into the row the level rewrites anyway, at no cost
 * of its own. What no level write took is written before the transaction commits (`rest`). One per
 * transaction; the days only ever move later (a late sale of an earlier day changes nothing).
 */
export class LastSales {
  private readonly noted = new Map<string, LastSale>();

  /** Notes the products' days with a sale among facts being added. */
  note(facts: readonly ReportFact[]): void {
    for (const fact of facts) {
      if (fact.dimension !== 'product' || fact.sales <= 0n) continue;
      const key = `${fact.storeId}\u0000${fact.key}`;
      const held = this.noted.get(key);
      if (!held || held.day < fact.day) this.noted.set(key, { storeId: fact.storeId, productId: fact.key, day: fact.day });
    }
  }

  /** The day noted for a position being written (null: none), taken off the notes. */
  take(storeId: string, productId: string): string | null {
    const key = `${storeId}\u0000${productId}`;
    const held = this.noted.get(key);
    if (!held) return null;
    this.noted.delete(key);
    return held.day;
  }

  /** Every day noted and not taken, taken off the notes: to be written on their own. */
  rest(): LastSale[] {
    const rest = [...this.noted.values()];
    this.noted.clear();
    return rest;
  }
}
