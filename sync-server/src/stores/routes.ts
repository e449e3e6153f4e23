import { mayUseStore, storeWithScaleBarcodes, SyncError, type Store } from '../../../shared/src/index.js';
import { recordAudit } from '../accounts/audit.js';
import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { storeQuery } from '../http/schemas.js';
import { ChainStructure } from './chain.js';
import { TaxClasses } from './tax-classes.js';
import { changeStoreSettings } from './settings.js';

/** Stores: head office sets how each store's scales print labels and the settings its tills go by. */
export const storesRoutes: FeatureRoutes = async (app, { repository, feed }) => {
  // The stores the caller works in: every store for the owner and the office key.
  officeRoute(app, 'GET /api/office/stores', async (request) => {
    const account = request.office?.account;
    const stores = await repository.stores();
    return account ? stores.filter((store) => mayUseStore(account, store.id)) : stores;
  });

  // The chain's stores and tills: opened, added and renamed here; tills are paired as ever.
  const chain = new ChainStructure(repository);
  officeRoute(app, 'POST /api/office/stores', async (request, reply) => {
    const store = await chain.createStore(request.body, request.office?.actor);
    feed.notify(store.id, ['stores', 'taxClasses']);
    reply.status(201);
    return store;
  });
  officeRoute(app, 'PUT /api/office/stores/:store', async (request) => {
    const store = await chain.changeStore(request.params.store, request.body, request.office?.actor);
    feed.notify(store.id, ['stores']);
    return store;
  });
  officeRoute(app, 'POST /api/office/tills', async (request, reply) => {
    const till = await chain.createTill(request.body, request.office?.actor);
    feed.notify(till.storeId, ['tills']);
    reply.status(201);
    return till;
  });
  officeRoute(app, 'PUT /api/office/tills/:till', async (request) => {
    const till = await chain.renameTill(request.params.till, request.body, request.office?.actor);
    feed.notify(till.storeId, ['tills']);
    return till;
  });

  // The store's tax classes and their dated rates.
  const taxes = new TaxClasses(repository);
  officeRoute(app, 'GET /api/office/tax-classes', storeQuery(), async (request) => await taxes.list(request.query.store));
  officeRoute(app, 'POST /api/office/tax-classes', async (request, reply) => {
    const taxClass = await taxes.create(request.body, request.office?.actor);
    feed.notify(taxClass.storeId, ['taxClasses']);
    reply.status(201);
    return taxClass;
  });
  officeRoute(app, 'PUT /api/office/tax-classes/:id', async (request) => {
    const taxClass = await taxes.rename(request.params.id, request.body, request.office?.actor);
    feed.notify(taxClass.storeId, ['taxClasses']);
    return taxClass;
  });
  officeRoute(app, 'POST /api/office/tax-classes/:id/rates', async (request) => {
    const taxClass = await taxes.changeRate(request.params.id, request.body, request.office?.actor);
    feed.notify(taxClass.storeId, ['taxClasses']);
    return taxClass;
  });

  // How the store's scales print labels (prefixes 20 to 29: weight or price, item digits).
  officeRoute(app, 'PUT /api/office/stores/:store/scale-barcodes', async (request) => {
    const changed = await repository.write(async (writer) => {
      const store = await writer.get<Store>('stores', request.params.store);
      if (!store) throw new SyncError('not_found', `no store "${request.params.store}"`, 404);
      const checked = storeWithScaleBarcodes(store, request.body);
      if ('problems' in checked) throw new SyncError('invalid_document', 'the scale label layout was not changed', 422, [{ id: store.id, problems: checked.problems }]);
      await writer.put('stores', checked.store, store.id);
      const change = { action: 'store.scaleBarcodes', kind: 'store', subjectId: store.id, storeId: store.id, before: store, after: checked.store };
      await recordAudit(writer.tx, request.office?.actor, repository.now().toISOString(), change);
      return checked.store;
    }, 1);
    feed.notify(changed.id, ['stores']);
    return changed;
  });

  // Discount limits, cash rounding, receipts and the counter: the store document changes and its tills hear of it at once.
  officeRoute(app, 'PUT /api/office/stores/:store/settings', async (request) => {
    const store = await changeStoreSettings(repository, request.params.store, request.body, request.office?.actor);
    feed.notify(store.id, ['stores']);
    return store;
  });
};
