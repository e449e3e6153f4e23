import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { mayUseStore } from '../../../shared/src/index.js';
import { Reports } from './reports.js';

const span = { stores: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } as const;

/** Head office's reports, read from the sums the server keeps as it applies sales (reports.ts). */
export const reportsRoutes: FeatureRoutes = async (app, { repository }) => {
  const reports = new Reports(repository);
  // An account works in its stores only; the office key and an owner in all of them.
  const mayUse = (account: Parameters<typeof mayUseStore>[0] | null | undefined) => (storeId: string) => !account || mayUseStore(account, storeId);
  officeRoute(
    app,
    'GET /api/office/reports/sales',
    { querystring: { type: 'object', properties: { ...span, by: { type: 'string' } }, required: ['from', 'to', 'by'] } },
    async (request) => await reports.sales(await reports.stores(request.query.stores, mayUse(request.office?.account)), request.query.from, request.query.to, request.query.by),
  );
  officeRoute(
    app,
    'GET /api/office/reports/dashboard',
    { querystring: { type: 'object', properties: span, required: ['from', 'to'] } },
    async (request) => await reports.dashboard(await reports.stores(request.query.stores, mayUse(request.office?.account)), request.query.from, request.query.to),
  );
};
