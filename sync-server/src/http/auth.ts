import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  mayUseStore,
  OFFICE_ROUTE_PERMISSIONS,
  roleMay,
  SyncError,
  type Cashier,
  type OfficeAccount,
  type OfficeMe,
  type OfficePermission,
  type OfficeRoute,
  type PurchaseOrder,
  type TaxClass,
  type Till,
} from '../../../shared/src/index.js';
import { accountActor } from '../accounts/accounts.js';
import { OFFICE_KEY_ACTOR, type AuditActor } from '../accounts/audit.js';
import type { ServerContext } from './context.js';
import { bearer, cookie } from './headers.js';
import { OFFICE_COOKIE, officeKeyMatches } from './office-session.js';
import { limit } from './rate-limit.js';

/** Who is calling an office route: their account (none for the office key), the role that applies, and how the audit log names them. */
export interface OfficeCaller {
  me: OfficeMe;
  account: OfficeAccount | null;
  actor: AuditActor;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The till whose device credential the request carried (sync endpoints only). */
    till?: Till;
    /** Head office's caller (office routes but the open ones). */
    office?: OfficeCaller;
  }
}

/** What each permission is called in a refusal. */
const NEEDED: Record<OfficePermission, string> = {
  open: 'nothing',
  read: 'an account',
  stock: 'a clerk, manager or owner',
  manage: 'a manager or owner',
  accounts: 'the owner',
};

/** The office route a request matched, by its name in OFFICE_ROUTE_PERMISSIONS (a HEAD asks what its GET does). */
function officeRouteOf(request: FastifyRequest): OfficeRoute | undefined {
  const url = request.routeOptions.url ?? '';
  if (!url.startsWith('/api/office/')) return undefined;
  return `${request.method === 'HEAD' ? 'GET' : request.method} ${url}` as OfficeRoute;
}

/**
 * Who may call what, checked on the route the router matched (the raw address may be
 * percent-encoded):
 * - /api/sync/...: a paired till, named by the device credential it carries and nothing else, within
 *   its device's rate limit;
 * - /api/office/...: what OFFICE_ROUTE_PERMISSIONS asks of the route. Before any body is read, the
 *   caller is named (an account's session cookie, read from storage on every request, or the office
 *   key, which acts as the owner) and their role must grant the permission: 401 without a caller, 403
 *   naming what is needed. Once the body is parsed, every store the request names (query `store`,
 *   path `:store`, a body's `storeId`, or the store of the till, cashier, shift or customer it
 *   names) must be one the account works in: 403 otherwise. A route missing from the map asks for
 *   the owner.
 */
export function checkAccess(app: FastifyInstance, context: Pick<ServerContext, 'trust' | 'limits' | 'officeKey' | 'accounts' | 'repository'>): void {
  const { trust, limits, officeKey, accounts, repository } = context;

  app.addHook('onRequest', async (request) => {
    if (!(request.routeOptions.url ?? '').startsWith('/api/sync/')) return;
    const { till, deviceId } = await trust.authenticate(bearer(request));
    limit(limits.device, deviceId);
    request.till = till;
  });

  // The office key for scripts, or an account's session cookie. A cookie only counts for a write
  // from the office page itself: a page of another port on the same host is "same site" to the
  // browser and would otherwise send it along.
  const officeCaller = async (request: FastifyRequest): Promise<OfficeCaller | undefined> => {
    const key = bearer(request);
    if (key !== undefined) {
      // A wrong key counts against the same budget as the login form's guesses, and once it is spent
      // no key is even compared (not the right one either) until it refills: guessing gains nothing.
      const budget = `office:${request.ip}`;
      const wait = limits.guesses.wait(budget);
      if (wait > 0) throw new SyncError('rate_limited', `too many wrong office keys; try again in ${wait} s`, 429, [{ problems: [String(wait)] }]);
      if (officeKeyMatches(officeKey, key)) return { me: { account: null, via: 'office key', role: 'owner' }, account: null, actor: OFFICE_KEY_ACTOR };
      limit(limits.guesses, budget);
      return undefined;
    }
    const session = cookie(request, OFFICE_COOKIE);
    if (session === undefined) return undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const origin = request.headers.origin;
      if (typeof origin !== 'string' || origin !== `${request.protocol}://${request.host}`) return undefined;
    }
    const account = await accounts.sessionAccount(session);
    return account && { me: { account, via: 'session', role: account.role }, account, actor: accountActor(account) };
  };

  app.addHook('onRequest', async (request) => {
    const route = officeRouteOf(request);
    if (!route) return;
    const permission: OfficePermission = OFFICE_ROUTE_PERMISSIONS[route] ?? 'accounts';
    if (permission === 'open') return;
    const caller = await officeCaller(request);
    if (!caller) throw new SyncError('unauthorized', 'head office: log in first', 401);
    if (!roleMay(caller.me.role, permission)) {
      throw new SyncError('forbidden', `${route} needs ${NEEDED[permission]}; this account is a ${caller.me.role}`, 403);
    }
    request.office = caller;
  });

  // The stores a request names, checked once its body is parsed (only a caller let in above gets here).
  app.addHook('preHandler', async (request) => {
    const account = request.office?.account;
    if (!account || account.role === 'owner') return;
    for (const storeId of await storesNamed(request, repository)) {
      if (storeId !== undefined && !mayUseStore(account, storeId)) throw new SyncError('forbidden', `this account does not work in store "${storeId}"`, 403);
    }
  });
}

/**
 * Every store an office request names: directly (query `store`, path `:store`, a body's `storeId`)
 * or through what it names (a till, a cashier, a shift, a customer). A thing that does not exist
 * names none: its route answers 404.
 */
async function storesNamed(request: FastifyRequest, repository: ServerContext['repository']): Promise<(string | undefined)[]> {
  const named: (string | undefined)[] = [];
  const query = request.query as Record<string, unknown> | undefined;
  const params = request.params as Record<string, unknown> | undefined;
  const body = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  named.push(text(query?.store), text(params?.store), text(body.storeId));
  // A report's stores, comma-separated.
  named.push(...(text(query?.stores)?.split(',').map((id) => id.trim()).filter((id) => id !== '') ?? []));
  const till = text(params?.till);
  if (till) named.push((await repository.till(till))?.storeId);
  const shift = text(params?.shiftId);
  if (shift) named.push(await repository.storage.shiftEvents.storeOf(shift));
  const route = officeRouteOf(request);
  if (route === 'PUT /api/office/cashiers/:id') named.push((await repository.getDocument<Cashier>('cashiers', text(params?.id) ?? ''))?.storeId);
  if (route === 'POST /api/office/tax-classes/:id/rates' || route === 'PUT /api/office/tax-classes/:id') named.push((await repository.storage.documents.get<TaxClass>('taxClasses', text(params?.id) ?? ''))?.storeId ?? undefined);
  // A purchase order: its store.
  if (route?.includes('/api/office/purchase-orders/:id')) named.push((await repository.storage.documents.get<PurchaseOrder>('purchaseOrders', text(params?.id) ?? ''))?.storeId ?? undefined);
  // A transfer: both stores for the send, the store it was sent to for the receipt (also the body's storeId).
  if (route === 'POST /api/office/transfers') named.push(text(body.fromStoreId), text(body.toStoreId));
  if (route === 'POST /api/office/transfers/:id/receive') named.push((await repository.storage.documents.get<{ toStoreId: string }>('transfers', text(params?.id) ?? ''))?.body.toStoreId);
  // A stock count: its store.
  if (route?.startsWith('GET /api/office/counts/:id') || route?.startsWith('POST /api/office/counts/:id')) named.push((await repository.storage.documents.get<{ storeId: string }>('stockCounts', text(params?.id) ?? ''))?.body.storeId);
  if (route === 'POST /api/office/refusals/:id/accept') named.push((await repository.storage.refusals.get(text(params?.id) ?? ''))?.storeId);
  // A customer changed or merged: its store, merged-away customers too.
  const customerIds = route === 'POST /api/office/customers' ? [body.id] : route === 'POST /api/office/customers/merge' ? [body.keep, body.merge] : [];
  for (const id of customerIds) if (typeof id === 'string') named.push((await repository.storage.documents.get('customers', id))?.storeId ?? undefined);
  return named;
}
