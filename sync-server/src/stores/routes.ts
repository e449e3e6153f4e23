import { storeWithScaleBarcodes, SyncError, type Store } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';

/** Stores: head office sets how each store's scales print labels and the settings its tills go by. */
export const storesRoutes: FeatureRoutes = async (app, { repository, feed }) => {
  officeRoute(app, 'GET /api/office/stores', async () => await repository.stores());

  // How the store's scales print labels (prefixes 20 to 29: weight or price, item digits).
  officeRoute(app, 'PUT /api/office/stores/:store/scale-barcodes', async (request) => {
    const store = await repository.getDocument<Store>('stores', request.params.store);
    if (!store) throw new SyncError('not_found', `no store "${request.params.store}"`, 404);
    const checked = storeWithScaleBarcodes(store, request.body);
    if ('problems' in checked) throw new SyncError('invalid_document', 'the scale label layout was not changed', 422, [{ id: store.id, problems: checked.problems }]);
    await repository.putDocument('stores', checked.store, store.id);
    feed.notify(store.id, ['stores']);
    return checked.store;
  });

  // Discount limits, cash rounding, receipts and the counter: the store document changes and its tills hear of it at once.
  officeRoute(app, 'PUT /api/office/stores/:store/settings', async (request) => {
    const store = await repository.changeStoreSettings(request.params.store, request.body);
    feed.notify(store.id, ['stores']);
    return store;
  });
};
