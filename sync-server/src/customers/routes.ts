import { syncPaths } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { waitingOf } from '../http/headers.js';
import { officeRoute } from '../http/office-route.js';
import { storeQuery } from '../http/schemas.js';
import { answerPush } from '../replication/push.js';
import { CustomerRegistry } from './registry.js';

/**
 * Customers, written at the tills and at head office: a till's push is merged field by field with
 * the server's, answered with the merged customer wherever it differs from what the till sent (see
 * CustomerRegistry.push). Head office lists them with their likely duplicates, adds and changes
 * them, and merges a duplicate into another; the store's tills hear of every change.
 */
export const customersRoutes: FeatureRoutes = async (app, { repository, feed }) => {
  const customers = new CustomerRegistry(repository);

  app.post(syncPaths.push('customers'), async (request) => answerPush(feed, await customers.push(request.till!.id, request.body, waitingOf(request))));

  officeRoute(app, 'GET /api/office/customers', storeQuery(), async (request) => await customers.list(request.query.store));
  officeRoute(app, 'POST /api/office/customers', async (request, reply) => {
    const { customer, created } = await customers.save(request.body, request.office?.actor);
    feed.notify(customer.storeId, ['customers']);
    reply.status(created ? 201 : 200);
    return customer;
  });
  officeRoute(app, 'POST /api/office/customers/merge', async (request) => {
    const merged = await customers.merge(request.body, request.office?.actor);
    feed.notify(merged.kept.storeId, ['customers']);
    return merged;
  });
};
