import { DOWNSTREAM_COLLECTIONS, PROTOCOL_VERSION, SyncError, syncPaths, TWO_WAY_COLLECTIONS } from '../../../shared/src/index.js';
import type { FeatureRoutes } from '../http/context.js';
import { tillStreams } from '../http/event-stream.js';
import { waitingOf } from '../http/headers.js';
import { officeRoute } from '../http/office-route.js';
import { pullQuery, storeQuery } from '../http/schemas.js';
import { acceptRefused } from './accept-refused.js';

/** The most documents one pull page may carry: a first sync of a large catalogue asks for many. */
const MAX_PULL_BATCH = 5000;
/**
 * Live streams one till may hold: its own, and one more while a reconnect overlaps the old one. A
 * newer stream closes the oldest, so one credential cannot hold the server's sockets.
 */
const STREAMS_PER_TILL = 2;

/**
 * Replication: tills pull every collection they hold by the server's change sequence, are told on a
 * live stream when to pull, and report what waits on them. Each pushed collection has its own
 * feature (sales, shifts, customers); master data and stock levels are refused here. Head office
 * lists the documents the server refused.
 */
export const replicationRoutes: FeatureRoutes = async (app, { repository, feed, streams }) => {
  // Customers are pulled like master data (each merged version has a new sequence) and pushed too.
  for (const collection of [...DOWNSTREAM_COLLECTIONS, ...TWO_WAY_COLLECTIONS]) {
    app.get<{ Querystring: { seq?: number; id?: string; limit?: number } }>(syncPaths.pull(collection), { schema: pullQuery(MAX_PULL_BATCH) }, async (request, reply) => {
      const till = request.till!;
      await repository.touchTill(till.id, false, waitingOf(request));
      const { seq, id, limit } = request.query;
      const after = seq === undefined ? null : { seq, id: id ?? '' };
      return reply.type('application/json; charset=utf-8').send(await repository.pullJson(collection, till, after, limit ?? 200));
    });
  }

  // Master data and stock levels belong to head office and the server: a till's write is refused.
  for (const collection of DOWNSTREAM_COLLECTIONS) {
    app.post(`/api/sync/${collection}/push`, async () => {
      throw new SyncError('not_writable', `${collection} are written by head office and the server only; a till cannot change them`, 403);
    });
  }

  app.post(syncPaths.status, async (request) => {
    await repository.touchTill(request.till!.id, false, waitingOf(request));
    return { ok: true };
  });

  app.get(syncPaths.stream, async (request, reply) => {
    const till = request.till!;
    await repository.touchTill(till.id);
    const send = streams.start(request, reply, { group: tillStreams(till.id), most: STREAMS_PER_TILL, allowOrigin: true });
    send({ type: 'hello', protocol: PROTOCOL_VERSION, serverTime: new Date().toISOString() });
    const unsubscribe = feed.subscribe(till.storeId, (collections) => send({ type: 'changed', collections }));
    reply.raw.on('close', unsubscribe);
  });

  officeRoute(app, 'GET /api/office/refusals', storeQuery(), async (request) => await repository.refusals(request.query.store));
  // A refused sale or shift event taken as it is: stored (a sale counted) as if sent again, its till told at once.
  officeRoute(app, 'POST /api/office/refusals/:id/accept', async (request) => {
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as { reason?: unknown };
    const outcome = await acceptRefused(repository, request.params.id, body.reason, request.office?.actor);
    feed.notify(outcome.storeId, outcome.changed);
    return { stored: outcome.stored };
  });
};
