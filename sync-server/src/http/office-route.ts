import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { officeRouteParts, type OfficeJsonRoute, type OfficeParams, type OfficeQuery, type OfficeResponse, type OfficeRoute } from '../../../shared/src/index.js';

/**
 * A request to an office route: its params and query as the shared map declares them (the query as
 * the route's schema checked it). The body is unknown: whatever a client declares, the server
 * checks what arrives.
 */
export type OfficeRequestOf<Route extends OfficeRoute> = FastifyRequest<{
  Params: OfficeParams<Route>;
  Querystring: [OfficeQuery<Route>] extends [never] ? unknown : OfficeQuery<Route>;
  Body: unknown;
}>;

/** An office route's handler: it must answer what the shared map says the route answers. */
export type OfficeHandler<Route extends OfficeJsonRoute> = (request: OfficeRequestOf<Route>, reply: FastifyReply) => Promise<OfficeResponse<Route>>;

/**
 * Declares one route of head office's API (see shared OfficeApi) by its name in the shared map, so
 * TypeScript holds the server's answer to the type the office client reads.
 */
export function officeRoute<Route extends OfficeJsonRoute>(app: FastifyInstance, route: Route, handler: OfficeHandler<Route>): void;
export function officeRoute<Route extends OfficeJsonRoute>(app: FastifyInstance, route: Route, schema: FastifySchema, handler: OfficeHandler<Route>): void;
export function officeRoute<Route extends OfficeJsonRoute>(app: FastifyInstance, route: Route, ...rest: [OfficeHandler<Route>] | [FastifySchema, OfficeHandler<Route>]): void {
  const [schema, handler] = rest.length === 1 ? [undefined, rest[0]] : rest;
  const { method, path } = officeRouteParts(route);
  app.route({ method, url: path, ...(schema ? { schema } : {}), handler: (request, reply) => handler(request as OfficeRequestOf<Route>, reply) });
}
