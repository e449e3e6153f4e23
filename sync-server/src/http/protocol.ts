import type { FastifyInstance } from 'fastify';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, SyncError } from '../../../shared/src/index.js';

/** A till that names another protocol version is told to update (426) before anything else is looked at. */
export function checkProtocol(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const protocol = request.headers[PROTOCOL_HEADER];
    if (typeof protocol === 'string' && protocol !== String(PROTOCOL_VERSION)) {
      throw new SyncError('protocol_mismatch', `this server speaks protocol ${PROTOCOL_VERSION}, the till sent ${protocol}; update the till`, 426);
    }
  });
}
