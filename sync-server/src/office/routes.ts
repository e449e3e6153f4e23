import { officeRouteParts, PROTOCOL_VERSION, SyncError } from '../../../shared/src/index.js';
import { tillsWithDevices } from '../devices/tills.js';
import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { officeKeyMatches, officeSessionCookie } from '../http/office-session.js';
import { limit } from '../http/rate-limit.js';
import { storeQuery } from '../http/schemas.js';
import { officePage } from './page.js';

/** Live office pages at once (a head office has a handful); a newer one closes the oldest. */
const OFFICE_STREAMS = 50;

/**
 * Head office's page and what it needs beyond the features' own routes: the login, the figures a
 * dashboard polls, and the live stream that tells the page when to read again.
 */
export const officeRoutes: FeatureRoutes = async (app, context) => {
  const { repository, feed, streams, limits, officeKey } = context;

  app.get('/', async (_request, reply) => reply.redirect('/office'));
  app.get('/office', async (_request, reply) => reply.type('text/html; charset=utf-8').send(officePage()));

  officeRoute(app, 'POST /api/office/login', async (request, reply) => {
    limit(limits.guesses, `office:${request.ip}`);
    const key = (request.body as { key?: unknown } | null | undefined)?.key;
    if (typeof key !== 'string' || !officeKeyMatches(officeKey, key)) throw new SyncError('unauthorized', 'that is not the office key', 401);
    reply.header('set-cookie', officeSessionCookie(officeKey));
    return { ok: true };
  });

  // The few figures a dashboard polls: cheap even with 100,000 products.
  officeRoute(app, 'GET /api/office/summary', storeQuery(), async (request) => ({
    salesCount: await repository.salesCount(request.query.store),
    tills: await tillsWithDevices(context, request.query.store),
  }));

  app.get<{ Querystring: { store: string } }>(officeRouteParts('GET /api/office/events').path, async (request, reply) => {
    const send = streams.start(request, reply, { group: 'office', most: OFFICE_STREAMS, allowOrigin: false });
    send({ type: 'hello', protocol: PROTOCOL_VERSION, serverTime: new Date().toISOString() });
    const unsubscribe = feed.subscribe(request.query.store, (collections) => send({ type: 'changed', collections }));
    reply.raw.on('close', unsubscribe);
  });
};
