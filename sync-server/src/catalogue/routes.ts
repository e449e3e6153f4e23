import { formatCsv, mayUseStore, officeRouteParts, stockLevelId, SyncError, type CatalogueImportReport, type StockLevel, type Store } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { officeRoute, type OfficeRequestOf } from '../http/office-route.js';
import { PurchaseOrders } from '../purchasing/purchase-orders.js';
import { Catalogue, MAX_IMPORT_BYTES } from './catalogue.js';

const APPLY: readonly CatalogueImportReport['apply'][] = ['none', 'valid', 'all'];

/**
 * The catalogue: head office adds, changes, withdraws and restores products; every store's tills
 * hear of a change at once (products are the chain's), and offline tills when they return.
 */
export const catalogueRoutes: FeatureRoutes = async (app, { repository, feed }) => {
  const catalogue = new Catalogue(repository);
  officeRoute(app, 'GET /api/office/products', async () => await catalogue.products());
  officeRoute(app, 'GET /api/office/products/:id', async (request) => await catalogue.product(request.params.id));
  // Chain-wide: the product's stock in each store the caller may see (none yet in a store: 0).
  officeRoute(app, 'GET /api/office/products/:id/stock', async (request) => {
    const product = await catalogue.product(request.params.id);
    const account = request.office?.account;
    const stores = (await repository.stores()).filter((store: Store) => !account || mayUseStore(account, store.id));
    const levels = await repository.storage.documents.getMany<StockLevel>('stockLevels', stores.map((store) => stockLevelId(store.id, product.id)));
    const orders = new PurchaseOrders(repository);
    const onOrder = await Promise.all(stores.map(async (store) => (await orders.onOrder(store.id)).get(product.id) ?? '0'));
    return stores.map((store, index) => ({ storeId: store.id, storeCode: store.code, storeName: store.name, quantity: levels.get(stockLevelId(store.id, product.id))?.body.quantity ?? '0', onOrder: onOrder[index] }));
  });
  officeRoute(app, 'POST /api/office/products', async (request, reply) => {
    const product = await catalogue.create(request.body, request.office?.actor);
    feed.notify(null, ['products']);
    reply.status(201);
    return product;
  });
  officeRoute(app, 'PUT /api/office/products/:id', async (request) => {
    const product = await catalogue.update(request.params.id, request.body, request.office?.actor);
    feed.notify(null, ['products']);
    return product;
  });
  officeRoute(app, 'POST /api/office/products/:id/prices', async (request) => {
    const product = await catalogue.changePrice(request.params.id, request.body, request.office?.actor);
    feed.notify(null, ['products']);
    return product;
  });
  // A catalogue file may be larger than any other request (100,000 products are about 8 MB).
  const importRoute = officeRouteParts('POST /api/office/products/import');
  app.route({
    method: importRoute.method,
    url: importRoute.path,
    bodyLimit: MAX_IMPORT_BYTES,
    handler: async (request: OfficeRequestOf<'POST /api/office/products/import'>): Promise<CatalogueImportReport> => {
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as { csv?: unknown; apply?: unknown };
      if (typeof body.csv !== 'string') throw new SyncError('bad_request', 'the file was not imported: send {"csv": the file\'s text, "apply": "none" | "valid" | "all"}', 400);
      const apply = body.apply ?? 'none';
      if (!APPLY.includes(apply as CatalogueImportReport['apply'])) throw new SyncError('bad_request', `the file was not imported: apply is one of ${APPLY.join(', ')}`, 400);
      const report = await catalogue.importCsv(body.csv, apply as CatalogueImportReport['apply'], request.office?.actor);
      if (report.applied) feed.notify(null, ['products']);
      return report;
    },
  });
  app.get(officeRouteParts('GET /api/office/catalogue.csv').path, async (_request, reply) => {
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="catalogue.csv"');
    return formatCsv(await catalogue.exportRows());
  });
  officeRoute(app, 'POST /api/office/products/:id/withdraw', async (request) => {
    const product = await catalogue.setActive(request.params.id, false, request.office?.actor);
    feed.notify(null, ['products']);
    return product;
  });
  officeRoute(app, 'POST /api/office/products/:id/restore', async (request) => {
    const product = await catalogue.setActive(request.params.id, true, request.office?.actor);
    feed.notify(null, ['products']);
    return product;
  });
};
