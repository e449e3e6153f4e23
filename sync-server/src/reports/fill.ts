import { mergeFacts, saleFacts, shiftEventFacts, type Product, type Store } from '../../../shared/src/index.js';
import type { Repository } from '../repository.js';

/** Sales read and summed at a time. */
const PAGE = 2_000;

/**
 * Gives a database whose sales were applied before reports existed (or before a migration emptied
 * the facts for new ones) its report facts: every applied sale and return summed as applying it would
 * have, and every voided cart and shift close (report_facts is kept from then on as they arrive). Runs at start before the server takes a request, in one write transaction, and only on
 * a database that holds applied sales and no fact at all, so it is done once, by one process.
 * What the past cannot tell is taken as near as it can be: a sale's day is its till's clock
 * uncorrected (no clock offset was kept), the cost of each product is the one its ledger row fixed
 * (goods written off have none), the category is the product's now. Answers how many it summed.
 */
export async function fillReportFacts(repository: Repository): Promise<number> {
  return repository.storage.transaction(async (tx) => {
    if (await tx.reports.any()) return 0;
    const first = await tx.sales.appliedAfter(null, 1);
    if (first.length === 0) return 0;
    const stores = new Map((await tx.documents.all<Store>('stores')).map((store) => [store.id, store]));
    // Carts voided whole and drawers counted short or over, on the day the till's clock said.
    for (const store of stores.values()) {
      const events = await tx.shiftEvents.voidsAndCloses(store.id);
      await tx.reports.add(mergeFacts(events.flatMap((event) => shiftEventFacts(event, { madeAt: event.at, timeZone: store.timeZone }))));
    }
    const products = new Map((await tx.documents.all<Product>('products')).map((product) => [product.id, product]));
    // Each sale's products' unit costs as its ledger rows fixed them, per store as first needed.
    const costs = new Map<string, Map<string, string>>();
    const costsOf = async (storeId: string) => {
      let found = costs.get(storeId);
      if (!found) {
        found = new Map();
        for (const entry of await tx.ledger.entries(storeId)) {
          if ((entry.source === 'sale' || entry.source === 'return') && entry.documentId && entry.unitCost) found.set(`${entry.documentId}\u0000${entry.productId}`, entry.unitCost);
        }
        costs.set(storeId, found);
      }
      return found;
    };
    let filled = 0;
    let after: { tillId: string; number: number } | null = null;
    for (;;) {
      const page = await tx.sales.appliedAfter(after, PAGE);
      if (page.length === 0) break;
      const facts = [];
      for (const { sale } of page) {
        const fixed = await costsOf(sale.storeId);
        const unitCosts = new Map<string, string>();
        for (const { productId } of [...sale.stockMovements, ...sale.lines]) {
          const cost = fixed.get(`${sale.id}\u0000${productId}`);
          if (cost !== undefined) unitCosts.set(productId, cost);
        }
        facts.push(...saleFacts(sale, { madeAt: sale.completedAt, timeZone: stores.get(sale.storeId)?.timeZone, unitCosts, products }));
      }
      await tx.reports.add(mergeFacts(facts));
      filled += page.length;
      const last = page[page.length - 1].sale;
      after = { tillId: last.tillId, number: last.number };
    }
    return filled;
  }, { sequenceBlock: 1 });
}
