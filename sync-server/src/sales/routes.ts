import { SyncError, syncPaths } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { clockOffsetOf, waitingOf } from '../http/headers.js';
import { officeRoute } from '../http/office-route.js';
import { receiptQuery, storeQueryWithLimit } from '../http/schemas.js';
import { answerPush } from '../replication/push.js';
import { Sales } from './sales.js';

/**
 * Sales and returns: tills push them (each judged as if the till were hostile, see
 * Sales.push), a till finds another till's sale by its receipt number for a return, and
 * head office lists the latest.
 */
export const salesRoutes: FeatureRoutes = async (app, { repository, feed }) => {
  const sales = new Sales(repository);
  app.post(syncPaths.push('sales'), async (request) => answerPush(feed, await sales.push(request.till!.id, request.body, waitingOf(request), { clockOffsetMs: clockOffsetOf(request, repository.now()) })));

  // A return at a till of a sale made at another till: the sale and the returns held against it.
  app.get<{ Querystring: { receipt: string } }>(syncPaths.saleByReceipt, { schema: receiptQuery() }, async (request) => {
    const found = await sales.byReceipt(request.till!.storeId, request.query.receipt);
    if (!found) throw new SyncError('not_found', `no sale with receipt ${request.query.receipt} in this store`, 404);
    return found;
  });

  officeRoute(app, 'GET /api/office/sales', storeQueryWithLimit(), async (request) => await repository.recentSales(request.query.store, request.query.limit ?? 100));
};
