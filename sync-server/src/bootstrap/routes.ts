import { syncPaths } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { waitingOf } from '../http/headers.js';
import { snapshotJson } from './snapshot.js';

/**
 * A new till's first sync: its store's catalogue and stock levels in one answer, with the checkpoint
 * its replication resumes from (see snapshot.ts for why nothing is missed or doubled). Paired tills
 * only, by the same device credential as a pull (checked for every /api/sync/ route in http/auth.ts).
 */
export const bootstrapRoutes: FeatureRoutes = async (app, { repository }) => {
  app.get(syncPaths.snapshot, async (request, reply) => {
    const till = request.till!;
    await repository.touchTill(till.id, false, waitingOf(request));
    return reply.type('application/json; charset=utf-8').send(await snapshotJson(repository.storage, till.storeId));
  });
};
