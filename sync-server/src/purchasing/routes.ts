import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { storeQuery } from '../http/schemas.js';
import { formatCsv, officeRouteParts } from '../../../shared/src/index.js';
import { purchaseOrderCsvRows } from '../../../shared/src/purchasing/purchase-order.js';
import { PurchaseOrders } from './purchase-orders.js';
import { Reorder } from './reorder.js';
import { Suppliers } from './suppliers.js';
import { storeValuation } from './valuation.js';

/**
 * Purchasing at head office: the chain's suppliers and what each supplies. Server-side only: no till
 * holds them, so no till is told of a change.
 */
export const purchasingRoutes: FeatureRoutes = async (app, { repository }) => {
  const suppliers = new Suppliers(repository);
  officeRoute(app, 'GET /api/office/suppliers', async () => await suppliers.list());
  officeRoute(app, 'POST /api/office/suppliers', async (request, reply) => {
    const supplier = await suppliers.create(request.body, request.office?.actor);
    reply.status(201);
    return supplier;
  });
  officeRoute(app, 'PUT /api/office/suppliers/:id', async (request) => await suppliers.update(request.params.id, request.body, request.office?.actor));
  officeRoute(app, 'GET /api/office/suppliers/:id/products', async (request) => await suppliers.products(request.params.id));
  officeRoute(app, 'PUT /api/office/suppliers/:id/products/:productId', async (request) => await suppliers.setProduct(request.params.id, request.params.productId, request.body, request.office?.actor));
  officeRoute(app, 'POST /api/office/suppliers/:id/products/:productId/remove', async (request) => {
    await suppliers.removeProduct(request.params.id, request.params.productId, request.office?.actor);
    return { removed: true as const };
  });
  officeRoute(app, 'GET /api/office/products/:id/suppliers', async (request) => await suppliers.suppliersOf(request.params.id));

  const orders = new PurchaseOrders(repository);
  officeRoute(app, 'GET /api/office/purchase-orders', storeQuery(), async (request) => await orders.list(request.query.store));
  officeRoute(app, 'GET /api/office/purchase-orders/:id', async (request) => await orders.get(request.params.id));
  app.get<{ Params: { id: string } }>(officeRouteParts('GET /api/office/purchase-orders/:id/csv').path, async (request, reply) => {
    const order = await orders.get(request.params.id);
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${order.number}.csv"`);
    return formatCsv(purchaseOrderCsvRows(order));
  });
  officeRoute(app, 'POST /api/office/purchase-orders', async (request, reply) => {
    const order = await orders.create(request.body, request.office?.actor);
    reply.status(201);
    return order;
  });
  officeRoute(app, 'PUT /api/office/purchase-orders/:id', async (request) => await orders.update(request.params.id, request.body, request.office?.actor));
  officeRoute(app, 'POST /api/office/purchase-orders/:id/send', async (request) => await orders.send(request.params.id, request.body, request.office?.actor));
  officeRoute(app, 'POST /api/office/purchase-orders/:id/cancel', async (request) => await orders.cancel(request.params.id, request.body, request.office?.actor));
  // The store's stock at the end of a day at its moving average costs then, replayed from the ledger.
  officeRoute(
    app,
    'GET /api/office/valuation',
    { querystring: { type: 'object', properties: { store: { type: 'string' }, at: { type: 'string' } }, required: ['store'] } },
    async (request) => await storeValuation(repository, request.query.store, request.query.at),
  );

  const reorder = new Reorder(repository);
  officeRoute(
    app,
    'GET /api/office/reorder',
    { querystring: { type: 'object', properties: { store: { type: 'string' }, windowDays: { type: 'string' }, reviewDays: { type: 'string' }, serviceLevel: { type: 'string' } }, required: ['store'] } },
    async (request) => await reorder.suggestions(request.query.store, Reorder.parameters(request.query as unknown as Record<string, unknown>)),
  );
  officeRoute(app, 'PUT /api/office/reorder/rules/:store/:productId', async (request) => await reorder.setRule(request.params.store, request.params.productId, request.body, request.office?.actor));
  officeRoute(app, 'POST /api/office/reorder/orders', async (request, reply) => {
    const made = await reorder.makeOrders(request.body, request.office?.actor);
    reply.status(201);
    return made;
  });
  officeRoute(app, 'POST /api/office/purchase-orders/:id/close', async (request) => await orders.close(request.params.id, request.body, request.office?.actor));
};
