import { SyncError, syncPaths } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { clockOffsetOf, waitingOf } from '../http/headers.js';
import { officeRoute } from '../http/office-route.js';
import { storeQueryWithLimit } from '../http/schemas.js';
import { answerPush } from '../replication/push.js';
import { Shifts } from './shifts.js';

/**
 * Shifts (cash sessions): a till pushes its shift events, judged one by one like sales; head office
 * lists the shifts with their float, expected and counted cash and difference, and opens one.
 */
export const shiftsRoutes: FeatureRoutes = async (app, { repository, feed }) => {
  const shifts = new Shifts(repository);
  app.post(syncPaths.push('shiftEvents'), async (request) => answerPush(feed, await shifts.push(request.till!.id, request.body, waitingOf(request), { clockOffsetMs: clockOffsetOf(request, repository.now()) })));

  officeRoute(app, 'GET /api/office/shifts', storeQueryWithLimit(), async (request) => await shifts.list(request.query.store, request.query.limit ?? 200));
  officeRoute(app, 'GET /api/office/shifts/:shiftId', async (request) => {
    const found = await shifts.detail(request.params.shiftId);
    if (!found) throw new SyncError('not_found', `no shift "${request.params.shiftId}"`, 404);
    return found;
  });
};
