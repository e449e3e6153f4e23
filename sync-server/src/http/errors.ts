import type { FastifyInstance } from 'fastify';
import { SyncError } from '../../../shared/src/index.js';
import { StorageUnavailableError } from '../storage/errors.js';

/** How long a till waits before sending again when the database is out of reach. */
const STORAGE_RETRY_SECONDS = '5';

/**
 * Every error as a SyncErrorBody with its status: a SyncError as it says (with retry-after where
 * waiting helps), a database out of reach as 503 with retry-after (nothing of the request was
 * committed, and the till keeps its documents and sends them again), Fastify's own refusals (a bad
 * query, bad JSON, too large) as 4xx, and anything else as a 500 that reveals nothing of the
 * server's internals.
 */
export function answerErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (error instanceof SyncError) {
      request.log.info({ reason: error.reason, details: error.details }, error.message);
      if (error.reason === 'rate_limited' && error.details?.[0]?.problems[0]) reply.header('retry-after', error.details[0].problems[0]);
      // Nothing changes for such a till until head office has looked: no point in trying every second.
      if (error.reason === 'too_many_refusals') reply.header('retry-after', '300');
      return reply.status(error.status).send(error.toBody());
    }
    if (error instanceof StorageUnavailableError) {
      request.log.warn(error.message);
      reply.header('retry-after', STORAGE_RETRY_SECONDS);
      return reply.status(503).send({ error: 'unavailable', message: 'the server cannot reach its database just now; nothing of this request was stored, send it again shortly' });
    }
    if (error.validation) return reply.status(400).send({ error: 'bad_request', message: error.message });
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send({ error: 'bad_request', message: 'request body is not valid JSON' });
    }
    if (error.statusCode === 413) return reply.status(413).send({ error: 'too_large', message: 'request body is too large' });
    if (error.statusCode && error.statusCode < 500) return reply.status(error.statusCode).send({ error: 'bad_request', message: error.message });
    request.log.error(error);
    // Internals stay in the log; the client learns only that the server failed.
    return reply.status(500).send({ error: 'internal', message: 'the server could not complete the request' });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: 'not_found', message: `no endpoint ${request.method} ${request.url.split('?')[0]}` }));
}
