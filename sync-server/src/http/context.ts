import type { FastifyPluginAsync } from 'fastify';
import type { OfficeAccounts } from '../accounts/accounts.js';
import type { Trust } from '../devices/trust.js';
import type { ChangeFeed } from '../feed/change-feed.js';
import type { Repository } from '../repository.js';
import type { EventStreams } from './event-stream.js';
import type { RateLimits } from './rate-limit.js';

/** What every feature's routes are given: one of each per server. */
export interface ServerContext {
  repository: Repository;
  /** Tells tills and office pages which collections of a store changed. */
  feed: ChangeFeed;
  /** Pairing codes and device credentials. */
  trust: Trust;
  streams: EventStreams;
  limits: RateLimits;
  /** Head office's key, for scripts: it acts as the owner. */
  officeKey: string;
  /** Head office's accounts, their sessions and the audit log. */
  accounts: OfficeAccounts;
}

/** A feature's routes, registered as a Fastify plugin with the server's context. */
export type FeatureRoutes = FastifyPluginAsync<ServerContext>;
