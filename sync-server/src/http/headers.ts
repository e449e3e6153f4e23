import type { FastifyRequest } from 'fastify';
import { WAITING_HEADER } from '../../../shared/src/index.js';

/** A cookie's value as the request carries it. */
export function cookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    // Our own cookie is base64url and dots: nothing to decode, and nothing else is accepted.
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The credential or key of `authorization: Bearer <...>`. */
export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** The till's own count of documents waiting to be sent, when it reported one. */
export function waitingOf(request: FastifyRequest): number | undefined {
  const header = request.headers[WAITING_HEADER];
  return typeof header === 'string' && /^\d{1,9}$/.test(header) ? Number(header) : undefined;
}
