import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { CLOCK_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION, WAITING_HEADER } from '../../shared/src/index.js';
import { OfficeAccounts } from './accounts/accounts.js';
import { accountsRoutes } from './accounts/routes.js';
import { bootstrapRoutes } from './bootstrap/routes.js';
import { cashiersRoutes } from './cashiers/routes.js';
import { catalogueRoutes } from './catalogue/routes.js';
import { purchasingRoutes } from './purchasing/routes.js';
import { reportsRoutes } from './reports/routes.js';
import { customersRoutes } from './customers/routes.js';
import { devicesRoutes } from './devices/routes.js';
import { Trust } from './devices/trust.js';
import { MemoryChangeFeed, type ChangeFeed } from './feed/change-feed.js';
import { checkAccess } from './http/auth.js';
import type { ServerContext } from './http/context.js';
import { answerErrors } from './http/errors.js';
import { EventStreams } from './http/event-stream.js';
import { parseJsonBodies } from './http/json-body.js';
import { checkProtocol } from './http/protocol.js';
import { RateLimiter } from './http/rate-limit.js';
import { officeRoutes } from './office/routes.js';
import { replicationRoutes } from './replication/routes.js';
import type { Repository } from './repository.js';
import { salesRoutes } from './sales/routes.js';
import { shiftsRoutes } from './shifts/routes.js';
import { stockRoutes } from './stock/routes.js';
import { storesRoutes } from './stores/routes.js';

export interface ServerOptions {
  repository: Repository;
  logger?: boolean | { level: string };
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /**
   * Tells tills and office pages what changed: by default in memory, for this process alone. Pass one
   * in to announce changes made outside a request, or to share changes between server processes
   * (`PostgresChangeFeed`). The server closes it when it closes.
   */
  feed?: ChangeFeed;
  /** Head office's key, for scripts and tests: `authorization: Bearer <key>` acts as the owner. */
  officeKey: string;
  /** Requests per second a device may make on average, and at once (default 50 and 500). */
  rateLimit?: { perSecond: number; burst: number };
}

/** Every feature's routes, each a Fastify plugin in its own folder. */
const FEATURES = [accountsRoutes, devicesRoutes, replicationRoutes, bootstrapRoutes, salesRoutes, shiftsRoutes, cashiersRoutes, catalogueRoutes, purchasingRoutes, reportsRoutes, storesRoutes, customersRoutes, stockRoutes, officeRoutes];

/** Builds the sync server: replication endpoints, head-office API and page, health. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { repository } = options;
  const context: ServerContext = {
    repository,
    feed: options.feed ?? new MemoryChangeFeed(),
    trust: new Trust(repository),
    streams: new EventStreams(),
    limits: {
      device: new RateLimiter(options.rateLimit?.perSecond ?? 50, options.rateLimit?.burst ?? 500),
      // Guessing a pairing code, a password or the office key: ten tries a minute per address (and,
      // for a password, per e-mail too).
      guesses: new RateLimiter(10 / 60, 10),
    },
    officeKey: options.officeKey,
    accounts: new OfficeAccounts(repository),
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024,
    // Tills hold keep-alive sockets open; on shutdown close them rather than wait for them to idle out.
    forceCloseConnections: true,
  });

  // What every route shares, set up before the features so each of them inherits it.
  parseJsonBodies(app);
  await app.register(cors, {
    origin: true,
    allowedHeaders: ['content-type', 'authorization', PROTOCOL_HEADER, WAITING_HEADER, CLOCK_HEADER],
    methods: ['GET', 'POST'],
  });
  answerErrors(app);
  checkProtocol(app);
  checkAccess(app, context);
  app.addHook('preClose', async () => {
    await context.feed.close();
    context.streams.endAll();
  });

  app.get('/health', async () => ({ status: 'ok', protocol: PROTOCOL_VERSION, time: new Date().toISOString() }));
  for (const routes of FEATURES) await app.register(routes, context);
  return app;
}
