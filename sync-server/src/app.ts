import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import {
  DOWNSTREAM_COLLECTIONS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SyncError,
  TILL_HEADER,
  WAITING_HEADER,
  type DownstreamCollection,
  type PushResponse,
  type Store,
  type StreamMessage,
} from '../../shared/src/index.js';
import { ChangeFeed } from './change-feed.js';
import { officePage } from './office/page.js';
import type { Repository } from './repository.js';

export interface ServerOptions {
  repository: Repository;
  logger?: boolean | { level: string };
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Tells tills and office pages what changed; pass one in to announce changes made outside a request. */
  feed?: ChangeFeed;
}

const MAX_PULL_BATCH = 5000;
const HEARTBEAT_MS = 15_000;

function tillOf(request: FastifyRequest): string | undefined {
  const header = request.headers[TILL_HEADER];
  return typeof header === 'string' ? header : undefined;
}

/** The till's own count of documents waiting to be sent, when it reported one. */
function waitingOf(request: FastifyRequest): number | undefined {
  const header = request.headers[WAITING_HEADER];
  return typeof header === 'string' && /^\d{1,9}$/.test(header) ? Number(header) : undefined;
}

/** Opens a server-sent event stream on a hijacked reply; returns a function that sends one message. */
function openEventStream(request: FastifyRequest, reply: FastifyReply, streams: Set<ServerResponse>): (message: StreamMessage) => void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'access-control-allow-origin': typeof request.headers.origin === 'string' ? request.headers.origin : '*',
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
  const streams = new Set<ServerResponse>();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024,
    // Tills hold keep-alive sockets open; on shutdown close them rather than wait for them to idle out.
    forceCloseConnections: true,
  });

  await app.register(cors, {
    origin: true,
    allowedHeaders: ['content-type', TILL_HEADER, PROTOCOL_HEADER, WAITING_HEADER],
    methods: ['GET', 'POST'],
  });

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (error instanceof SyncError) {
      request.log.info({ reason: error.reason, details: error.details }, error.message);
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

  app.addHook('preClose', async () => {
    feed.close();
    for (const stream of streams) stream.end();
  });

  app.get('/health', async () => ({ status: 'ok', protocol: PROTOCOL_VERSION, time: new Date().toISOString() }));

  // Tills registered with this server, for the till's first-start screen.
  app.get('/api/tills', async () =>
    repository.stores().map((store) => ({ store: { id: store.id, code: store.code, name: store.name }, tills: repository.tills(store.id) })),
  );

  for (const collection of DOWNSTREAM_COLLECTIONS) {
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
        const till = repository.requireTill(tillOf(request));
        repository.touchTill(till.id, false, waitingOf(request));
        const { seq, id, limit } = request.query;
        const after = seq === undefined ? null : { seq, id: id ?? '' };
        return reply.type('application/json; charset=utf-8').send(repository.pullJson(collection as DownstreamCollection, till.storeId, after, limit ?? 200));
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
    const outcome = repository.pushSales(tillOf(request) ?? '', request.body, waitingOf(request));
    feed.notify(outcome.storeId, outcome.changed);
    return { conflicts: outcome.conflicts, refused: outcome.refused } satisfies PushResponse<unknown>;
  });

  app.post('/api/sync/status', async (request) => {
    const till = repository.requireTill(tillOf(request));
    repository.touchTill(till.id, false, waitingOf(request));
    return { ok: true };
  });

  app.get<{ Querystring: { till?: string } }>('/api/sync/stream', async (request, reply) => {
    const till = repository.requireTill(request.query.till);
    repository.touchTill(till.id);
    const send = openEventStream(request, reply, streams);
    send({ type: 'hello', protocol: PROTOCOL_VERSION, serverTime: new Date().toISOString() });
    const unsubscribe = feed.subscribe(till.storeId, (collections) => send({ type: 'changed', collections }));
    reply.raw.on('close', unsubscribe);
  });

  // Head office.
  app.get('/', async (_request, reply) => reply.redirect('/office'));
  app.get('/office', async (_request, reply) => reply.type('text/html; charset=utf-8').send(officePage()));
  app.get('/api/office/stores', async () => repository.stores());
  app.get<{ Querystring: { store: string } }>(
    '/api/office/stock',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => {
      const store = repository.getDocument<Store>('stores', request.query.store);
      if (!store) throw new SyncError('not_found', `no store "${request.query.store}"`, 404);
      return {
        store,
        generatedAt: new Date().toISOString(),
        tills: repository.tills(store.id),
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
  app.get<{ Querystring: { store: string } }>(
    '/api/office/refusals',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => repository.refusals(request.query.store),
  );
  // The few figures a dashboard polls: cheap even with 100,000 products.
  app.get<{ Querystring: { store: string } }>(
    '/api/office/summary',
    { schema: { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } } },
    async (request) => ({ salesCount: repository.salesCount(request.query.store), tills: repository.tills(request.query.store) }),
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
  app.get<{ Querystring: { store: string } }>('/api/office/events', async (request, reply) => {
    const send = openEventStream(request, reply, streams);
    send({ type: 'hello', protocol: PROTOCOL_VERSION, serverTime: new Date().toISOString() });
    const unsubscribe = feed.subscribe(request.query.store, (collections) => send({ type: 'changed', collections }));
    reply.raw.on('close', unsubscribe);
  });

  return app;
}
