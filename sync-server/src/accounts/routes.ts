import { SyncError } from '../../../shared/src/index.js';
import type { OfficeCaller } from '../http/auth.js';
import type { FeatureRoutes } from '../http/context.js';
import { cookie } from '../http/headers.js';
import { officeRoute } from '../http/office-route.js';
import { endedSessionCookie, OFFICE_COOKIE, officeSessionCookie } from '../http/office-session.js';
import type { RateLimiter } from '../http/rate-limit.js';
import { MOST_AUDIT_ENTRIES, normalEmail } from './accounts.js';

/** The caller checkAccess named; every route but the open ones has one. */
function callerOf(request: { office?: OfficeCaller }): OfficeCaller {
  if (!request.office) throw new SyncError('unauthorized', 'head office: log in first', 401);
  return request.office;
}

/**
 * Refuses with 429 while any of `budgets` is spent. Only failures take from a budget (see `spend`),
 * so a person who types their password right is never kept out by the guesses of others.
 */
function refuseWhileSpent(limiter: RateLimiter, budgets: readonly string[], what: string): void {
  const wait = Math.max(...budgets.map((budget) => limiter.wait(budget)));
  if (wait > 0) throw new SyncError('rate_limited', `too many wrong ${what}; try again in ${wait} s`, 429, [{ problems: [String(wait)] }]);
}

function spend(limiter: RateLimiter, budgets: readonly string[]): void {
  for (const budget of budgets) limiter.take(budget);
}

/**
 * Head office's people: the owner's first-start setup, logging in and out, who is calling, the
 * owner's list of accounts, and the audit log. Who may call each route is checked before it runs
 * (http/auth.ts, from OFFICE_ROUTE_PERMISSIONS).
 */
export const accountsRoutes: FeatureRoutes = async (app, { accounts, limits }) => {
  // Ten wrong passwords a minute per address, and per e-mail whatever the address: the same answer
  // for an unknown e-mail, a wrong password and a deactivated account.
  officeRoute(app, 'POST /api/office/login', async (request, reply) => {
    const given = request.body as { email?: unknown } | null | undefined;
    const email = typeof given?.email === 'string' ? normalEmail(given.email) : '';
    const budgets = [`office:${request.ip}`, `office-email:${email}`];
    refuseWhileSpent(limits.guesses, budgets, 'passwords');
    const login = await accounts.login(request.body);
    if (!login) {
      spend(limits.guesses, budgets);
      throw new SyncError('unauthorized', 'that e-mail and password do not match an active account', 401);
    }
    reply.header('set-cookie', officeSessionCookie(login.session));
    return { account: login.account };
  });

  officeRoute(app, 'POST /api/office/logout', async (request, reply) => {
    await accounts.logout(cookie(request, OFFICE_COOKIE));
    reply.header('set-cookie', endedSessionCookie());
    return { ok: true };
  });

  officeRoute(app, 'GET /api/office/me', async (request) => callerOf(request).me);

  officeRoute(app, 'GET /api/office/setup', async () => ({ needed: await accounts.setupNeeded() }));

  // The token is a secret guessed like a password: the same budget per address.
  officeRoute(app, 'POST /api/office/setup', async (request, reply) => {
    const budgets = [`office:${request.ip}`];
    refuseWhileSpent(limits.guesses, budgets, 'setup links');
    try {
      const { account, session } = await accounts.setUpOwner(request.body);
      reply.header('set-cookie', officeSessionCookie(session));
      return { account };
    } catch (error) {
      if (error instanceof SyncError && error.status === 401) spend(limits.guesses, budgets);
      throw error;
    }
  });

  officeRoute(app, 'GET /api/office/accounts', async () => await accounts.list());
  officeRoute(app, 'POST /api/office/accounts', async (request, reply) => {
    const account = await accounts.create(request.body, callerOf(request).actor);
    reply.status(201);
    return account;
  });
  officeRoute(app, 'PUT /api/office/accounts/:id', async (request) => await accounts.change(request.params.id, request.body, callerOf(request).actor));

  // The owner reads every entry; a manager those of their stores.
  officeRoute(
    app,
    'GET /api/office/audit',
    {
      querystring: {
        type: 'object',
        properties: {
          actor: { type: 'string', maxLength: 100 },
          kind: { type: 'string', maxLength: 100 },
          from: { type: 'string', maxLength: 40 },
          to: { type: 'string', maxLength: 40 },
          limit: { type: 'integer', minimum: 1, maximum: MOST_AUDIT_ENTRIES },
        },
        additionalProperties: false,
      },
    },
    async (request) => {
      const { account, me } = callerOf(request);
      return await accounts.auditLog(request.query, me.role === 'owner' ? undefined : (account?.storeIds ?? []));
    },
  );
};
