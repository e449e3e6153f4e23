import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  officeClient,
  officeRouteParts,
  SyncError,
  type CashierView,
  type OfficeClient,
  type OfficeRoute,
  type StockReport,
  type Store,
} from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeRoute } from '../http/office-route.js';
import { startServer, TEST_OFFICE_KEY, type RunningServer } from '../testing.js';

/**
 * Head office's API is declared once, in shared/src/api/office-routes.ts: the server's routes are
 * declared against it and the office client calls them through it, so both sides are checked by
 * TypeScript against one map. Here the client talks to a real server (HTTP on 127.0.0.1, SQLite).
 */
let server: RunningServer;
let client: OfficeClient;
beforeEach(async () => {
  server = await startServer({ products: 12 });
  client = officeClient({ fetch, baseUrl: server.url, officeKey: TEST_OFFICE_KEY });
});
afterEach(async () => {
  await server.stop();
});

/** Every route of the shared map, once: TypeScript refuses a route missing here or one the map does not have. */
const EVERY_ROUTE: Record<OfficeRoute, true> = {
  'POST /api/office/login': true,
  'POST /api/office/logout': true,
  'GET /api/office/me': true,
  'GET /api/office/setup': true,
  'POST /api/office/setup': true,
  'GET /api/office/accounts': true,
  'POST /api/office/accounts': true,
  'PUT /api/office/accounts/:id': true,
  'GET /api/office/audit': true,
  'GET /api/office/products': true,
  'GET /api/office/products/:id': true,
  'GET /api/office/products/:id/stock': true,
  'POST /api/office/products': true,
  'PUT /api/office/products/:id': true,
  'POST /api/office/products/:id/prices': true,
  'POST /api/office/products/import': true,
  'GET /api/office/catalogue.csv': true,
  'POST /api/office/products/:id/withdraw': true,
  'POST /api/office/products/:id/restore': true,
  'GET /api/office/stores': true,
  'POST /api/office/stores': true,
  'PUT /api/office/stores/:store': true,
  'POST /api/office/tills': true,
  'PUT /api/office/tills/:till': true,
  'PUT /api/office/stores/:store/scale-barcodes': true,
  'PUT /api/office/stores/:store/settings': true,
  'GET /api/office/suppliers': true,
  'POST /api/office/suppliers': true,
  'PUT /api/office/suppliers/:id': true,
  'GET /api/office/suppliers/:id/products': true,
  'PUT /api/office/suppliers/:id/products/:productId': true,
  'POST /api/office/suppliers/:id/products/:productId/remove': true,
  'GET /api/office/products/:id/suppliers': true,
  'GET /api/office/purchase-orders': true,
  'GET /api/office/purchase-orders/:id': true,
  'GET /api/office/purchase-orders/:id/csv': true,
  'POST /api/office/purchase-orders': true,
  'PUT /api/office/purchase-orders/:id': true,
  'POST /api/office/purchase-orders/:id/send': true,
  'POST /api/office/purchase-orders/:id/cancel': true,
  'POST /api/office/purchase-orders/:id/close': true,
  'GET /api/office/valuation': true,
  'GET /api/office/reports/sales': true,
  'GET /api/office/reports/dashboard': true,
  'GET /api/office/reports/stock-value': true,
  'GET /api/office/reports/products': true,
  'GET /api/office/reports/slow-movers': true,
  'GET /api/office/reports/margins': true,
  'GET /api/office/reports/running-low': true,
  'GET /api/office/reports/customers': true,
  'GET /api/office/reports/control': true,
  'GET /api/office/reports/accounting': true,
  'GET /api/office/reorder': true,
  'PUT /api/office/reorder/rules/:store/:productId': true,
  'POST /api/office/reorder/orders': true,
  'GET /api/office/tax-classes': true,
  'POST /api/office/tax-classes': true,
  'PUT /api/office/tax-classes/:id': true,
  'POST /api/office/tax-classes/:id/rates': true,
  'GET /api/office/tills': true,
  'POST /api/office/tills/:till/pairing-code': true,
  'POST /api/office/tills/:till/revoke': true,
  'GET /api/office/stock': true,
  'GET /api/office/exceptions': true,
  'GET /api/office/stock-documents': true,
  'POST /api/office/stock-documents': true,
  'GET /api/office/transfers': true,
  'POST /api/office/transfers': true,
  'POST /api/office/transfers/:id/receive': true,
  'GET /api/office/counts': true,
  'POST /api/office/counts': true,
  'GET /api/office/counts/:id': true,
  'POST /api/office/counts/:id/entries': true,
  'POST /api/office/counts/:id/post': true,
  'POST /api/office/counts/:id/cancel': true,
  'GET /api/office/refusals': true,
  'POST /api/office/refusals/:id/accept': true,
  'GET /api/office/summary': true,
  'GET /api/office/sales': true,
  'GET /api/office/cashiers': true,
  'POST /api/office/cashiers': true,
  'PUT /api/office/cashiers/:id': true,
  'GET /api/office/customers': true,
  'POST /api/office/customers': true,
  'POST /api/office/customers/merge': true,
  'GET /api/office/shifts': true,
  'GET /api/office/shifts/:shiftId': true,
  'GET /api/office/events': true,
};

describe('the office client', () => {
  it('lists the stores as Store documents', async () => {
    const stores = await client.get('/api/office/stores');
    expectTypeOf(stores).toEqualTypeOf<Store[]>();
    expect(stores.map((store) => store.id)).toEqual([DEMO_STORE_ID]);
    expect(stores[0]).toMatchObject({ code: 'S1', currency: 'EUR' });
  });

  it('reads a store’s stock report, and a store that is not there as the server’s refusal', async () => {
    const report = await client.get('/api/office/stock', { query: { store: DEMO_STORE_ID } });
    expectTypeOf(report).toEqualTypeOf<StockReport>();
    expect(report.store.id).toBe(DEMO_STORE_ID);
    expect(report.products).toHaveLength(12);
    expect(report.products.find((row) => row.productId === 'p-000001')).toMatchObject({ sold: '0', received: '0', returned: '0' });
    expect(report.tills.map((till) => [till.code, till.paired])).toEqual([
      ['T1', false],
      ['T2', false],
    ]);

    const missing = await client.get('/api/office/stock', { query: { store: 'store-9' } }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(SyncError);
    expect(missing).toMatchObject({ reason: 'not_found', status: 404, message: 'no store "store-9"' });
  });

  it('adds, changes and lists cashiers, never with their PIN', async () => {
    const added = await client.post('/api/office/cashiers', { body: { storeId: DEMO_STORE_ID, name: 'Robin Till', role: 'supervisor', pin: '48213' } });
    expectTypeOf(added).toEqualTypeOf<CashierView>();
    expect(added).toMatchObject({ storeId: DEMO_STORE_ID, name: 'Robin Till', role: 'supervisor', active: true });
    expect(added).not.toHaveProperty('pin');

    const changed = await client.put('/api/office/cashiers/:id', { params: { id: added.id }, body: { role: 'manager' } });
    expect(changed).toMatchObject({ id: added.id, role: 'manager' });

    const cashiers = await client.get('/api/office/cashiers', { query: { store: DEMO_STORE_ID } });
    expectTypeOf(cashiers).toEqualTypeOf<CashierView[]>();
    expect(cashiers.find((cashier) => cashier.id === added.id)).toEqual(changed);
    expect(cashiers.every((cashier) => !('pin' in cashier))).toBe(true);

    const refused = await client.post('/api/office/cashiers', { body: { storeId: DEMO_STORE_ID, name: '', role: 'supervisor', pin: '12' } }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ reason: 'bad_request', status: 400, details: [{ problems: ['name: 1 to 100 characters', 'pin: a PIN has 4 to 8 digits'] }] });
  });

  it('fills a route’s params into its path and leaves out a body it has none of', async () => {
    const code = await client.post('/api/office/tills/:till/pairing-code', { params: { till: 'till-1' } });
    expect(code).toMatchObject({ tillId: 'till-1', code: expect.stringMatching(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/) });
  });

  it('is checked by TypeScript: a route not in the map, or a call without what the route needs, does not compile', () => {
    const calls = () => {
      // @ts-expect-error: no such route
      void client.get('/api/office/nowhere');
      // @ts-expect-error: the stock report is of one store
      void client.get('/api/office/stock');
      // @ts-expect-error: a cashier is added with a PIN
      void client.post('/api/office/cashiers', { body: { storeId: DEMO_STORE_ID, name: 'Robin', role: 'cashier' } });
      // @ts-expect-error: the event stream is no JSON answer
      void client.get('/api/office/events', { query: { store: DEMO_STORE_ID } });
    };
    expect(calls).toBeTypeOf('function');
  });
});

describe('the server’s office routes', () => {
  it('answer every route of the shared map', () => {
    const routes = Object.keys(EVERY_ROUTE) as OfficeRoute[];
    const missing = routes.filter((route) => {
      const { method, path } = officeRouteParts(route);
      return !server.app.hasRoute({ method, url: path });
    });
    expect(missing).toEqual([]);
  });

  it('are checked by TypeScript: a handler that answers otherwise than the map says does not compile', async () => {
    const app = Fastify();
    // @ts-expect-error: the stores route answers Store[]
    officeRoute(app, 'GET /api/office/stores', async () => ({ stores: [] }));
    // @ts-expect-error: not a route of the map
    officeRoute(app, 'GET /api/office/nowhere', async () => []);
    await app.close();
  });
});
