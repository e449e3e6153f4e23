import { officeRouteParts, PROTOCOL_VERSION, SyncError } from '../../../shared/src/index.js';
import { tillsWithDevices } from '../devices/tills.js';
import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { storeQuery } from '../http/schemas.js';
import { serveOfficeApp } from './app-files.js';

/** Live office pages at once (a head office has a handful); a newer one closes the oldest. */
const OFFICE_STREAMS = 50;

/**
 * Head office's page and what it needs beyond the features' own routes: the figures a dashboard
 * polls, and the live stream that tells the page when to read again. (Logging in is the accounts
 * feature's.)
 */
export const officeRoutes: FeatureRoutes = async (app, context) => {
  const { repository, feed, streams } = context;

  app.get('/', async (_request, reply) => reply.redirect('/office'));
  serveOfficeApp(app);

  // The few figures a dashboard polls: cheap even with 100,000 products.
  officeRoute(app, 'GET /api/office/summary', storeQuery(), async (request) => ({
    salesCount: await repository.salesCount(request.query.store),
    tills: await tillsWithDevices(context, request.query.store),
  }));

  // One store's changes (a page of a store), or any of several stores' (a report's), on one stream.
  app.get<{ Querystring: { store?: string; stores?: string } }>(officeRouteParts('GET /api/office/events').path, async (request, reply) => {
    const { store, stores } = request.query;
    const storeIds = [...new Set(store ? [store] : (stores ?? '').split(',').map((id) => id.trim()).filter((id) => id !== ''))];
    if (storeIds.length === 0) throw new SyncError('bad_request', 'name the store (store) or the stores (stores, comma-separated) whose changes to stream', 400);
    const send = streams.start(request, reply, { group: 'office', most: OFFICE_STREAMS, allowOrigin: false });
    send({ type: 'hello', protocol: PROTOCOL_VERSION, serverTime: new Date().toISOString() });
    const unsubscribes = storeIds.map((storeId) => feed.subscribe(storeId, (collections) => send({ type: 'changed', collections })));
    reply.raw.on('close', () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    });
  });
};
