import { stockValuationOf, SyncError, type Product, type StockValuation, type Store } from '../../../shared/src/index.js';
import type { Repository } from '../repository.js';

/**
 * A store's stock at the end of a day (`at`, YYYY-MM-DD; today when left out) at its moving average
 * costs then: the database sums each product's ledger up to then and hands over only its receipts
 * with a cost, which the shared arithmetic replays (shared/src/purchasing/valuation.ts).
 */
export async function storeValuation(repository: Repository, storeId: string, at = repository.now().toISOString().slice(0, 10)): Promise<StockValuation> {
  const store = await repository.getDocument<Store>('stores', storeId);
  if (!store) throw new SyncError('not_found', `no store "${storeId}"`, 404);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at) || Number.isNaN(Date.parse(at))) throw new SyncError('bad_request', 'no valuation was made', 400, [{ problems: ['at: a day, such as 2026-12-31'] }]);
  const [products, stock] = await Promise.all([repository.storage.documents.list<Product>('products', store.id), repository.storage.ledger.stockAt(store.id, `${at}T23:59:59.999Z`)]);
  return stockValuationOf(stock, products, at, store.pricing.currencyDecimals);
}
