import { SyncError, withoutPin, type Store } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { storeQuery } from '../http/schemas.js';
import { Cashiers } from './cashiers.js';

/**
 * Cashiers: master data of head office, replicated to the store's tills so a cashier signs in
 * offline too. The PIN's hash never comes back to head office.
 */
export const cashiersRoutes: FeatureRoutes = async (app, { repository, feed }) => {
  const cashiers = new Cashiers(repository);
  officeRoute(app, 'GET /api/office/cashiers', storeQuery(), async (request) => {
    if (!(await repository.getDocument<Store>('stores', request.query.store))) throw new SyncError('not_found', `no store "${request.query.store}"`, 404);
    return await cashiers.list(request.query.store);
  });
  officeRoute(app, 'POST /api/office/cashiers', async (request, reply) => {
    const cashier = await cashiers.create(request.body, request.office?.actor);
    feed.notify(cashier.storeId, ['cashiers']);
    reply.status(201);
    return withoutPin(cashier);
  });
  officeRoute(app, 'PUT /api/office/cashiers/:id', async (request) => {
    const cashier = await cashiers.change(request.params.id, request.body, request.office?.actor);
    feed.notify(cashier.storeId, ['cashiers']);
    return withoutPin(cashier);
  });
};
