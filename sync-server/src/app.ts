import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import {
  DOWNSTREAM_COLLECTIONS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  schemaProblems,
  SyncError,
  syncPaths,
  TWO_WAY_COLLECTIONS,
  WAITING_HEADER,
  type PushResponse,
  type Store,
  type StreamMessage,
  type Till,
} from '../../shared/src/index.js';
import { ChangeFeed } from './change-feed.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { CustomerRegistry } from './customers.js';
import { officePage } from './office/page.js';
import { withoutPin, type Repository } from './repository.js';
import { officeKeyMatches, officeSession, officeSessionValid, RateLimiter, Trust } from './trust.js';

export interface ServerOptions {
  repository: Repository;
  logger?: boolean | { level: string };
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Tells tills and office pages what changed; pass one in to announce changes made outside a request. */
  feed?: ChangeFeed;
  /** Head office's key: the office page and API ask for it. */
  officeKey: string;
  /** Requests per second a device may make on average, and at once (default 50 and 500). */
  rateLimit?: { perSecond: number; burst: number };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The till whose device credential the request carried (sync endpoints only). */
    till?: Till;
  }
}

const OFFICE_COOKIE = 'kassa_office';
const OFFICE_SESSION_HOURS = 12;

function cookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    // Our own cookie is base64url and dots: nothing to decode, and nothing else is accepted.
    if (key === name) return value.join('=');
  }
  return undefined;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

const MAX_PULL_BATCH = 5000;
const HEARTBEAT_MS = 15_000;
/**
 * Live streams one till may hold: its own, and one more while a reconnect overlaps the old one. A
 * newer stream closes the oldest, so one credential cannot hold the server's sockets.
 */
const STREAMS_PER_TILL = 2;
/** Live office pages at once (a head office has a handful); a newer one closes the oldest. */
const OFFICE_STREAMS = 50;

/** The till's own count of documents waiting to be sent, when it reported one. */
function waitingOf(request: FastifyRequest): number | undefined {
  const header = request.headers[WAITING_HEADER];
  return typeof header === 'string' && /^\d{1,9}$/.test(header) ? Number(header) : undefined;
}

/** Opens a server-sent event stream on a hijacked reply; returns a function that sends one message. */
function openEventStream(request: FastifyRequest, reply: FastifyReply, streams: Set<ServerResponse>, allowOrigin = true): (message: StreamMessage) => void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    ...(allowOrigin ? { 'access-control-allow-origin': typeof request.headers.origin === 'string' ? request.headers.origin : '*' } : {}),
  });
  // Browsers reconnect after this many milliseconds when the stream drops.
  raw.write('retry: 2000\n\n');
  streams.add(raw);
  const heartbeat = setInterval(() => raw.write(': keepalive\n\n'), HEARTBEAT_MS);
  raw.on('close', () => {
    clearInterval(heartbeat);
    streams.delete(raw);
  });
  return (message) => {
    if (!raw.writableEnded) raw.write(`data: ${JSON.stringify(message)}\n\n`);
  };
}

/** Builds the sync server: replication endpoints, head-office API and page, health. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { repository } = options;
  const feed = options.feed ?? new ChangeFeed();
  const trust = new Trust(repository);
  const customers = new CustomerRegistry(repository);
  const streams = new Set<ServerResponse>();
  const tillStreams = new Map<string, Set<ServerResponse>>();
  const deviceLimit = new RateLimiter(options.rateLimit?.perSecond ?? 50, options.rateLimit?.burst ?? 500);
  // Guessing a pairing code: ten tries a minute per address.
  const pairingLimit = new RateLimiter(10 / 60, 10);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024,
    // Tills hold keep-alive sockets open; on shutdown close them rather than wait for them to idle out.
    forceCloseConnections: true,
  });

  // JSON bodies are parsed as Fastify does (refusing __proto__ and constructor tricks), once they are
  // known to nest no deeper than any till's push could.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) {
      done(new SyncError('bad_request', `the request body nests deeper than ${MAX_JSON_DEPTH} levels; nothing was stored`, 400), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });

  await app.register(cors, {
    origin: true,
    allowedHeaders: ['content-type', 'authorization', PROTOCOL_HEADER, WAITING_HEADER],
    methods: ['GET', 'POST'],
  });

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (error instanceof SyncError) {
      request.log.info({ reason: error.reason, details: error.details }, error.message);
      if (error.reason === 'rate_limited' && error.details?.[0]?.problems[0]) reply.header('retry-after', error.details[0].problems[0]);
      // Nothing changes for such a till until head office has looked: no point in trying every second.
      if (error.reason === 'too_many_refusals') reply.header('retry-after', '300');
      return reply.status(error.status).send(error.toBody());
    }
    if (error.validation) return reply.status(400).send({ error: 'bad_request', message: error.message });
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send({ error: 'bad_request', message: 'request body is not valid JSON' });
    }
    if (error.statusCode === 413) return reply.status(413).send({ error: 'too_large', message: 'request body is too large' });
    if (error.statusCode && error.statusCode < 500) return reply.status(error.statusCode).send({ error: 'bad_request', message: error.message });
    request.log.error(error);
    // Internals stay in the log; the client learns only that the server failed.
    return reply.status(500).send({ error: 'internal', message: 'the server could not complete the request' });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: 'not_found', message: `no endpoint ${request.method} ${request.url.split('?')[0]}` }));

  app.addHook('onRequest', async (request) => {
    const protocol = request.headers[PROTOCOL_HEADER];
    if (typeof protocol === 'string' && protocol !== String(PROTOCOL_VERSION)) {
      throw new SyncError('protocol_mismatch', `this server speaks protocol ${PROTOCOL_VERSION}, the till sent ${protocol}; update the till`, 426);
    }
  });

  const limit = (limiter: RateLimiter, key: string) => {
    const wait = limiter.take(key);
    if (wait > 0) throw new SyncError('rate_limited', `too many requests; try again in ${wait} s`, 429, [{ problems: [String(wait)] }]);
  };

  // Every sync request names its till by the device credential it carries, nothing else.
  // Every sync request names its till by the device credential it carries, nothing else. Checked on
  // the route the router matched (the raw address may be percent-encoded), before any body is read.
  app.addHook('onRequest', async (request) => {
    if (!(request.routeOptions.url ?? '').startsWith('/api/sync/')) return;
    const { till, deviceId } = trust.authenticate(bearer(request));
    limit(deviceLimit, deviceId);
    request.till = till;
  });

  // Head office: a session cookie from the login form, or the office key itself for scripts. A
  // cookie only counts on a request from the office page itself: a page of another port on the same
  // host is "same site" to the browser and would otherwise send it along.
  const officeAuthorized = (request: FastifyRequest) => {
    const key = bearer(request);
    if (key !== undefined) {
      // A wrong key counts against the same budget as the login form's guesses, and once it is spent
      // no key is even compared (not the right one either) until it refills: guessing gains nothing.
      const budget = `office:${request.ip}`;
      const wait = pairingLimit.wait(budget);
      if (wait > 0) throw new SyncError('rate_limited', `too many wrong office keys; try again in ${wait} s`, 429, [{ problems: [String(wait)] }]);
      if (officeKeyMatches(options.officeKey, key)) return true;
      limit(pairingLimit, budget);
      return false;
    }
    if (!officeSessionValid(options.officeKey, cookie(request, OFFICE_COOKIE))) return false;
    if (request.method === 'GET' || request.method === 'HEAD') return true;
    const origin = request.headers.origin;
    return typeof origin === 'string' && origin === `${request.protocol}://${request.host}`;
  };
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (!route.startsWith('/api/office/') || route === '/api/office/login') return;
    if (!officeAuthorized(request)) throw new SyncError('unauthorized', 'head office: log in with the office key', 401);
  });

  app.addHook('preClose', async () => {
    feed.close();
    for (const stream of streams) stream.end();
  });

  app.get('/health', async () => ({ status: 'ok', protocol: PROTOCOL_VERSION, time: new Date().toISOString() }));

  app.post<{ Body: { code?: unknown } }>(syncPaths.pair, async (request) => {
    limit(pairingLimit, request.ip);
    const paired = trust.pair(request.body?.code);
    // The device paired before is revoked: its live stream ends too.
    for (const stream of tillStreams.get(paired.till.id) ?? []) stream.destroy();
    return paired;
  });

  // Customers are pulled like master data (each merged version has a new sequence) and pushed too.
  for (const collection of [...DOWNSTREAM_COLLECTIONS, ...TWO_WAY_COLLECTIONS]) {
    app.get<{ Querystring: { seq?: number; id?: string; limit?: number } }>(
      `/api/sync/${collection}/pull`,
      {
        schema: {
          querystring: {
            type: 'object',
            properties: {
              seq: { type: 'integer', minimum: 0 },
              id: { type: 'string', maxLength: 64 },
              limit: { type: 'integer', minimum: 1, maximum: MAX_PULL_BATCH },
            },
            additionalProperties: false,
          },
        },
      },
      async (request, reply) => {
        const till = request.till!;
        repository.touchTill(till.id, false, waitingOf(request));
        const { seq, id, limit } = request.query;
        const after = seq === undefined ? null : { seq, id: id ?? '' };
        return reply.type('application/json; charset=utf-8').send(repository.pullJson(collection, till, after, limit ?? 200));
      },
    );
  }

  // Master data and stock levels belong to head office and the server: a till's write is refused.
  for (const collection of DOWNSTREAM_COLLECTIONS) {
    app.post(`/api/sync/${collection}/push`, async () => {
      throw new SyncError('not_writable', `${collection} are written by head office and the server only; a till cannot change them`, 403);
    });
  }

  app.post('/api/sync/sales/push', async (request) => {
    const outcome = repository.pushSales(request.till!.id, request.body, waitingOf(request));
    feed.notify(outcome.storeId, outcome.changed);
    return { conflicts: outcome.conflicts, refused: outcome.refused } satisfies PushResponse<unknown>;
  });

  // A till's cash sessions: the same rows and answer as a sales push, judged per event.
  app.post(syncPaths.push('shiftEvents'), async (request) => {
    const outcome = repository.pushShiftEvents(request.till!.id, request.body, waitingOf(request));
    feed.notify(outcome.storeId, outcome.changed);
    return { conflicts: outcome.conflicts, refused: outcome.refused } satisfies PushResponse<unknown>;
  });

  // Customers made or changed at a till: merged field by field with the server's, answered with the
  // merged customer wherever it differs from what the till sent (see CustomerRegistry.push).
  app.post(syncPaths.push('customers'), async (request) => {
    const outcome = customers.push(request.till!.id, request.body, waitingOf(request));
    feed.notify(outcome.storeId, outcome.changed);
    return { conflicts: outcome.conflicts, refused: outcome.refused } satisfies PushResponse<unknown>;
  });

  // A return at a till of a sale made at another till: the sale and the returns held against it.
  app.get<{ Querystring: { receipt: string } }>(
    syncPaths.saleByReceipt,
    { schema: { querystring: { type: 'object', properties: { receipt: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['receipt'], additionalProperties: false } } },
    async (request) => {
      const found = repository.saleByReceipt(request.till!.storeId, request.query.receipt);
      if (!found) throw new SyncError('not_found', `no sale with receipt ${request.query.receipt} in this store`, 404);
      return found;
    },
  );

  app.post('/api/sync/status', async (request) => {
    repository.touchTill(request.till!.id, false, waitingOf(request));
    return { ok: true };
  });

  app.get('/api/sync/stream', async (request, reply) => {
    const till = request.till!;
    repository.touchTill(till.id);
    const send = openEventStream(request, reply, streams);
    const own = tillStreams.get(till.id) ?? new Set<ServerResponse>();
    // A Set iterates in the order streams were opened: the first is the oldest.
    for (const oldest of [...own].slice(0, Math.max(0, own.size - STREAMS_PER_TILL + 1))) {
      own.delete(oldest);
      oldest.destroy();
    }
    own.add(reply.raw);
    tillStreams.set(till.id, own);
    send({ type: 'hello', protocol: PROTOCOL_VERSION, serverTime: new Date().toISOString() });
    const unsubscribe = feed.subscribe(till.storeId, (collections) => send({ type: 'changed', collections }));
    reply.raw.on('close', () => {
      unsubscribe();
      own.delete(reply.raw);
    });
  });

  const tillsWithDevices = (storeId: string) => {
    const devices = trust.deviceStatus();
    return repository.tills(storeId).map((till) => ({ ...till, ...(devices.get(till.id) ?? { paired: false, pairedAt: null, revokedAt: null }) }));
  };

  // Head office.
  app.get('/', async (_request, reply) => reply.redirect('/office'));
  app.get('/office', async (_request, reply) => reply.type('text/html; charset=utf-8').send(officePage()));
  app.post<{ Body: { key?: unknown } }>('/api/office/login', async (request, reply) => {
    limit(pairingLimit, `office:${request.ip}`);
    const key = request.body?.key;
    if (typeof key !== 'string' || !officeKeyMatches(options.officeKey, key)) throw new SyncError('unauthorized', 'that is not the office key', 401);
    const session = officeSession(options.officeKey, OFFICE_SESSION_HOURS);
    reply.header('set-cookie', `${OFFICE_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${OFFICE_SESSION_HOURS * 3600}`);
    return { ok: true };
  });
  app.get('/api/office/stores', async () => repository.stores());
  app.get<{ Querystring: { store: string } }>(
    '/api/office/tills',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => tillsWithDevices(request.query.store),
  );
  app.post<{ Params: { till: string } }>('/api/office/tills/:till/pairing-code', async (request) => trust.createPairingCode(request.params.till));
  app.post<{ Params: { till: string } }>('/api/office/tills/:till/revoke', async (request) => {
    const revoked = trust.revoke(request.params.till);
    // Stopped at once: its live stream is closed now, and every further request is refused.
    for (const stream of tillStreams.get(request.params.till) ?? []) stream.destroy();
    return { revoked };
  });
  app.get<{ Querystring: { store: string } }>(
    '/api/office/stock',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => {
      const store = repository.getDocument<Store>('stores', request.query.store);
      if (!store) throw new SyncError('not_found', `no store "${request.query.store}"`, 404);
      return {
        store,
        generatedAt: new Date().toISOString(),
        tills: tillsWithDevices(store.id),
        salesCount: repository.salesCount(store.id),
        exceptions: repository.exceptions(store.id, 50),
        refusals: repository.refusals(store.id, 50),
        products: repository.stockReport(store.id),
      };
    },
  );
  app.get<{ Querystring: { store: string } }>(
    '/api/office/exceptions',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => repository.exceptions(request.query.store),
  );
  // How the store's scales print labels (prefixes 20 to 29: weight or price, item digits).
  app.put<{ Params: { store: string }; Body: unknown }>('/api/office/stores/:store/scale-barcodes', async (request) => {
    const store = repository.getDocument<Store>('stores', request.params.store);
    if (!store) throw new SyncError('not_found', `no store "${request.params.store}"`, 404);
    const updated = { ...store, scaleBarcodes: request.body } as Store;
    const problems = schemaProblems('stores', updated);
    const layout = updated.scaleBarcodes;
    if (problems.length === 0 && layout && new Set(layout.prefixes.map((entry) => entry.prefix)).size !== layout.prefixes.length) problems.push('scaleBarcodes.prefixes: a prefix appears twice');
    if (problems.length === 0 && layout && layout.prefixes.some((entry) => entry.prefix.length + layout.itemDigits > 10)) problems.push('scaleBarcodes.itemDigits: leaves too few digits for the value');
    if (problems.length > 0) throw new SyncError('invalid_document', 'the scale label layout was not changed', 422, [{ id: store.id, problems }]);
    repository.putDocument('stores', updated, store.id);
    feed.notify(store.id, ['stores']);
    return updated;
  });

  // Discount limits and cash rounding: the store document changes and its tills hear of it at once.
  app.put<{ Params: { store: string }; Body: unknown }>('/api/office/stores/:store/settings', async (request) => {
    const store = repository.changeStoreSettings(request.params.store, request.body);
    feed.notify(store.id, ['stores']);
    return store;
  });

  // Cashiers: master data of head office, replicated to the store's tills; the PIN hash never comes back here.
  app.get<{ Querystring: { store: string } }>(
    '/api/office/cashiers',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => {
      if (!repository.getDocument<Store>('stores', request.query.store)) throw new SyncError('not_found', `no store "${request.query.store}"`, 404);
      return repository.cashiers(request.query.store);
    },
  );
  app.post('/api/office/cashiers', async (request, reply) => {
    const cashier = await repository.createCashier(request.body);
    feed.notify(cashier.storeId, ['cashiers']);
    return reply.status(201).send(withoutPin(cashier));
  });
  app.put<{ Params: { id: string }; Body: unknown }>('/api/office/cashiers/:id', async (request) => {
    const cashier = await repository.changeCashier(request.params.id, request.body);
    feed.notify(cashier.storeId, ['cashiers']);
    return withoutPin(cashier);
  });

  // Customers: head office lists them with their likely duplicates, adds and changes them, and
  // merges a duplicate into another; the store's tills hear of every change.
  app.get<{ Querystring: { store: string } }>(
    '/api/office/customers',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => customers.list(request.query.store),
  );
  app.post('/api/office/customers', async (request, reply) => {
    const { customer, created } = customers.save(request.body);
    feed.notify(customer.storeId, ['customers']);
    return reply.status(created ? 201 : 200).send(customer);
  });
  app.post('/api/office/customers/merge', async (request) => {
    const merged = customers.merge(request.body);
    feed.notify(merged.kept.storeId, ['customers']);
    return merged;
  });

  // Shifts as the tills pushed them: each with its float, expected and counted cash and difference.
  app.get<{ Querystring: { store: string; limit?: number } }>(
    '/api/office/shifts',
    {
      schema: {
        querystring: { type: 'object', properties: { store: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } }, required: ['store'] },
      },
    },
    async (request) => repository.shifts(request.query.store, request.query.limit ?? 200),
  );
  app.get<{ Params: { shiftId: string } }>('/api/office/shifts/:shiftId', async (request) => {
    const found = repository.shift(request.params.shiftId);
    if (!found) throw new SyncError('not_found', `no shift "${request.params.shiftId}"`, 404);
    return found;
  });

  // Goods received and stock adjusted at head office: the levels move and tills hear of it at once.
  app.post('/api/office/stock-documents', async (request, reply) => {
    const { document, recorded } = repository.recordStockDocument(request.body);
    if (recorded) feed.notify(document.storeId, ['stockLevels']);
    return reply.status(recorded ? 201 : 200).send({ document, recorded });
  });
  app.get<{ Querystring: { store: string; limit?: number } }>(
    '/api/office/stock-documents',
    {
      schema: {
        querystring: { type: 'object', properties: { store: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } }, required: ['store'] },
      },
    },
    async (request) => repository.stockDocuments(request.query.store, request.query.limit ?? 100),
  );
  app.get<{ Querystring: { store: string } }>(
    '/api/office/refusals',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => repository.refusals(request.query.store),
  );
  // The few figures a dashboard polls: cheap even with 100,000 products.
  app.get<{ Querystring: { store: string } }>(
    '/api/office/summary',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => ({ salesCount: repository.salesCount(request.query.store), tills: tillsWithDevices(request.query.store) }),
  );
  app.get<{ Querystring: { store: string; limit?: number } }>(
    '/api/office/sales',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { store: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } },
          required: ['store'],
        },
      },
    },
    async (request) => repository.recentSales(request.query.store, request.query.limit ?? 100),
  );
  const officeStreams = new Set<ServerResponse>();
  app.get<{ Querystring: { store: string } }>('/api/office/events', async (request, reply) => {
    for (const oldest of [...officeStreams].slice(0, Math.max(0, officeStreams.size - OFFICE_STREAMS + 1))) {
      officeStreams.delete(oldest);
      oldest.destroy();
    }
    const send = openEventStream(request, reply, streams, false);
    officeStreams.add(reply.raw);
    reply.raw.on('close', () => officeStreams.delete(reply.raw));
    send({ type: 'hello', protocol: PROTOCOL_VERSION, serverTime: new Date().toISOString() });
    const unsubscribe = feed.subscribe(request.query.store, (collections) => send({ type: 'changed', collections }));
    reply.raw.on('close', unsubscribe);
  });

  return app;
}
