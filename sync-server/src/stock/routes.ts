import { SyncError, type Store } from '../../../shared/src/index.js';
import { tillsWithDevices } from '../devices/tills.js';
import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { storeQuery, storeQueryWithLimit } from '../http/schemas.js';
import { PurchaseOrders } from '../purchasing/purchase-orders.js';
import { StockCounts } from './counts.js';
import { Transfers } from './transfers.js';
import { StockBook } from './stock-book.js';

/**
 * Stock: head office's stock report (the projection beside the ledger, with the store's tills and
 * latest exceptions and refusals), the exceptions raised beside stored sales, and goods receipts and
 * adjustments, transfers between stores and stock counts, which move the levels at once and are heard of by the store's tills.
 */
export const stockRoutes: FeatureRoutes = async (app, context) => {
  const { repository, feed } = context;
  const orders = new PurchaseOrders(repository);
  const transfers = new Transfers(repository);
  const counts = new StockCounts(repository);
  const book = new StockBook(repository);

  officeRoute(app, 'GET /api/office/stock', storeQuery(), async (request) => {
    const store = await repository.getDocument<Store>('stores', request.query.store);
    if (!store) throw new SyncError('not_found', `no store "${request.query.store}"`, 404);
    return {
      store,
      generatedAt: new Date().toISOString(),
      tills: await tillsWithDevices(context, store.id),
      salesCount: await repository.salesCount(store.id),
      exceptions: await repository.exceptions(store.id, 50),
      refusals: await repository.refusals(store.id, 50),
      products: await (async () => {
        const onOrder = await orders.onOrder(store.id);
        const inTransit = await transfers.inTransit(store.id);
        return (await book.report(store.id)).map((row) => ({
          ...row,
          onOrder: onOrder.get(row.productId) ?? '0',
          inTransit: inTransit.get(row.productId)?.incoming ?? '0',
          sentInTransit: inTransit.get(row.productId)?.outgoing ?? '0',
        }));
      })(),
    };
  });

  officeRoute(app, 'GET /api/office/exceptions', storeQuery(), async (request) => await repository.exceptions(request.query.store));

  officeRoute(app, 'POST /api/office/stock-documents', async (request, reply) => {
    const { document, recorded } = await book.record(request.body, request.office?.actor);
    if (recorded) feed.notify(document.storeId, ['stockLevels']);
    reply.status(recorded ? 201 : 200);
    return { document, recorded };
  });
  // Transfers between stores: the send moves the sender's stock, the receipt the receiver's; each store's tills hear of their own.
  officeRoute(app, 'GET /api/office/transfers', storeQuery(), async (request) => await transfers.list(request.query.store));
  officeRoute(app, 'POST /api/office/transfers', async (request, reply) => {
    const { transfer, recorded } = await transfers.send(request.body, request.office?.actor);
    if (recorded) feed.notify(transfer.fromStoreId, ['stockLevels']);
    reply.status(recorded ? 201 : 200);
    return { transfer, recorded };
  });
  officeRoute(app, 'POST /api/office/transfers/:id/receive', async (request, reply) => {
    const { transfer, recorded } = await transfers.receive(request.params.id, request.body, request.office?.actor);
    if (recorded) feed.notify(transfer.toStoreId, ['stockLevels']);
    reply.status(recorded ? 201 : 200);
    return { transfer, recorded };
  });
  // Stock counts: entries move nothing; posting moves the store's stock by each line's difference.
  officeRoute(app, 'GET /api/office/counts', storeQuery(), async (request) => await counts.list(request.query.store));
  officeRoute(app, 'POST /api/office/counts', async (request, reply) => {
    const { count, opened } = await counts.open(request.body, request.office?.actor);
    reply.status(opened ? 201 : 200);
    return count;
  });
  officeRoute(app, 'GET /api/office/counts/:id', async (request) => await counts.view(request.params.id));
  officeRoute(app, 'POST /api/office/counts/:id/entries', async (request) => await counts.enter(request.params.id, request.body, request.office?.actor));
  officeRoute(app, 'POST /api/office/counts/:id/post', async (request) => {
    const count = await counts.post(request.params.id, request.body, request.office?.actor);
    feed.notify(count.storeId, ['stockLevels']);
    return count;
  });
  officeRoute(app, 'POST /api/office/counts/:id/cancel', async (request) => {
    const count = await counts.cancel(request.params.id, request.office?.actor);
    feed.notify(count.storeId, ['stockLevels']);
    return count;
  });
  officeRoute(app, 'GET /api/office/stock-documents', storeQueryWithLimit(), async (request) => await book.documents(request.query.store, request.query.limit ?? 100));
};
