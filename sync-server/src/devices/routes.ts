import { syncPaths } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { tillStreams } from '../http/event-stream.js';
import { officeRoute } from '../http/office-route.js';
import { limit } from '../http/rate-limit.js';
import { storeQuery } from '../http/schemas.js';
import { tillsWithDevices } from './tills.js';

/**
 * Devices: head office makes a one-time pairing code for a till, the till trades it for its device
 * credential, and head office may revoke it. Head office lists the tills with their devices.
 */
export const devicesRoutes: FeatureRoutes = async (app, context) => {
  const { trust, streams, limits } = context;

  app.post<{ Body: { code?: unknown } }>(syncPaths.pair, async (request) => {
    limit(limits.guesses, request.ip);
    const paired = await trust.pair(request.body?.code);
    // The device paired before is revoked: its live stream ends too.
    streams.end(tillStreams(paired.till.id));
    return paired;
  });

  officeRoute(app, 'GET /api/office/tills', storeQuery(), async (request) => tillsWithDevices(context, request.query.store));
  officeRoute(app, 'POST /api/office/tills/:till/pairing-code', async (request) => await trust.createPairingCode(request.params.till, request.office?.actor));
  officeRoute(app, 'POST /api/office/tills/:till/revoke', async (request) => {
    const revoked = await trust.revoke(request.params.till, request.office?.actor);
    // Stopped at once: its live stream is closed now, and every further request is refused.
    streams.end(tillStreams(request.params.till));
    return { revoked };
  });
};
