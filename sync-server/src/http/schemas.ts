import type { FastifySchema } from 'fastify';

/*
 * The query strings the routes accept, checked (and numbers converted) by Fastify before a handler
 * runs: a bad one is answered 400. Each call makes a fresh schema, as Fastify compiles each route's own.
 */

/** `?store=<id>`: a list of one store. */
export function storeQuery(): FastifySchema {
  return { querystring: { type: 'object', properties: { store: { type: 'string' } }, required: ['store'] } };
}

/** `?store=<id>&limit=<1 to 1000>`: a list of one store, newest first, as long as asked. */
export function storeQueryWithLimit(): FastifySchema {
  return {
    querystring: { type: 'object', properties: { store: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } }, required: ['store'] },
  };
}

/** `?seq=<n>&id=<id>&limit=<n>`: a pull's checkpoint and page size. */
export function pullQuery(mostPerPage: number): FastifySchema {
  return {
    querystring: {
      type: 'object',
      properties: {
        seq: { type: 'integer', minimum: 0 },
        id: { type: 'string', maxLength: 64 },
        limit: { type: 'integer', minimum: 1, maximum: mostPerPage },
      },
      additionalProperties: false,
    },
  };
}

/** `?receipt=S1-T2-000042`: a sale by its receipt number. */
export function receiptQuery(): FastifySchema {
  return { querystring: { type: 'object', properties: { receipt: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['receipt'], additionalProperties: false } };
}
