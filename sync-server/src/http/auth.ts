import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SyncError, type Till } from '../../../shared/src/index.js';
import type { ServerContext } from './context.js';
import { bearer, cookie } from './headers.js';
import { OFFICE_COOKIE, officeKeyMatches, officeSessionValid } from './office-session.js';
import { limit } from './rate-limit.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The till whose device credential the request carried (sync endpoints only). */
    till?: Till;
  }
}

/** The office API's login: the one /api/office route open to anyone (and rate-limited per address). */
const OFFICE_LOGIN = '/api/office/login';

/**
 * Who may call what, checked on the route the router matched (the raw address may be
 * percent-encoded), before any body is read:
 * - /api/sync/...: a paired till, named by the device credential it carries and nothing else, within
 *   its device's rate limit;
 * - /api/office/... (but the login): head office, by its session cookie or the office key.
 */
export function checkAccess(app: FastifyInstance, context: Pick<ServerContext, 'trust' | 'limits' | 'officeKey'>): void {
  const { trust, limits, officeKey } = context;

  app.addHook('onRequest', async (request) => {
    if (!(request.routeOptions.url ?? '').startsWith('/api/sync/')) return;
    const { till, deviceId } = await trust.authenticate(bearer(request));
    limit(limits.device, deviceId);
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
      const wait = limits.guesses.wait(budget);
      if (wait > 0) throw new SyncError('rate_limited', `too many wrong office keys; try again in ${wait} s`, 429, [{ problems: [String(wait)] }]);
      if (officeKeyMatches(officeKey, key)) return true;
      limit(limits.guesses, budget);
      return false;
    }
    if (!officeSessionValid(officeKey, cookie(request, OFFICE_COOKIE))) return false;
    if (request.method === 'GET' || request.method === 'HEAD') return true;
    const origin = request.headers.origin;
    return typeof origin === 'string' && origin === `${request.protocol}://${request.host}`;
  };
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (!route.startsWith('/api/office/') || route === OFFICE_LOGIN) return;
    if (!officeAuthorized(request)) throw new SyncError('unauthorized', 'head office: log in with the office key', 401);
  });
}
