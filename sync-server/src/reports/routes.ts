import type { FeatureRoutes } from '../http/context.js';
import { officeRoute } from '../http/office-route.js';
import { mayUseStore } from '../../../shared/src/index.js';
import { accountingReport, controlReport } from './control.js';
import { customersReport } from './customers.js';
import { marginsReport, productsReport, slowMoversReport } from './products.js';
import { Reports } from './reports.js';
import { runningLowReport } from './running-low.js';

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
  const text = { type: 'string' } as const;
  officeRoute(app, 'GET /api/office/reports/stock-value', { querystring: { type: 'object', properties: { stores: text } } }, async (request) => await reports.stockValue(await stores(request)));
  const stores = (request: { query: { stores?: string }; office?: { account?: Parameters<typeof mayUseStore>[0] | null } }) => reports.stores(request.query.stores, mayUse(request.office?.account));
  officeRoute(
    app,
    'GET /api/office/reports/products',
    { querystring: { type: 'object', properties: { ...span, order: text, limit: text }, required: ['from', 'to'] } },
    async (request) => await productsReport(reports, await stores(request), request.query),
  );
  officeRoute(
    app,
    'GET /api/office/reports/slow-movers',
    { querystring: { type: 'object', properties: { stores: text, days: text, limit: text } } },
    async (request) => await slowMoversReport(reports, await stores(request), request.query),
  );
  officeRoute(
    app,
    'GET /api/office/reports/margins',
    { querystring: { type: 'object', properties: { ...span, target: text }, required: ['from', 'to'] } },
    async (request) => await marginsReport(reports, await stores(request), request.query),
  );
  officeRoute(
    app,
    'GET /api/office/reports/running-low',
    { querystring: { type: 'object', properties: { stores: text, windowDays: text, coverDays: text, limit: text } } },
    async (request) => await runningLowReport(reports, await stores(request), request.query),
  );
  officeRoute(
    app,
    'GET /api/office/reports/customers',
    { querystring: { type: 'object', properties: { ...span, order: text, limit: text }, required: ['from', 'to'] } },
    async (request) => await customersReport(reports, await stores(request), request.query),
  );
  officeRoute(
    app,
    'GET /api/office/reports/control',
    { querystring: { type: 'object', properties: span, required: ['from', 'to'] } },
    async (request) => await controlReport(reports, await stores(request), request.query),
  );
  officeRoute(
    app,
    'GET /api/office/reports/accounting',
    { querystring: { type: 'object', properties: span, required: ['from', 'to'] } },
    async (request) => await accountingReport(reports, await stores(request), request.query),
  );
};
