import type { FastifyInstance } from 'fastify';
import { SyncError } from '../../../shared/src/index.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

/**
 * JSON bodies are parsed as Fastify does (refusing __proto__ and constructor tricks), once they are
 * known to nest no deeper than any till's push could.
 */
export function parseJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) {
      done(new SyncError('bad_request', `the request body nests deeper than ${MAX_JSON_DEPTH} levels; nothing was stored`, 400), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
}
