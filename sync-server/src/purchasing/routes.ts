import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { Suppliers } from './suppliers.js';

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
};
