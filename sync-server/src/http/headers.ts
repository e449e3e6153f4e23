import type { FastifyRequest } from 'fastify';
import { CLOCK_HEADER, WAITING_HEADER } from '../../../shared/src/index.js';

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

/** A till clock further off than this is broken (or lying): its sales are judged by their own time. */
const MAX_CLOCK_OFFSET_MS = 366 * 86_400_000;

/**
 * How far the till's clock is behind the server's (the server's time less the till's, in ms), from
 * the till's clock in CLOCK_HEADER when it sent the request: 0 when it sent none, no time, or one
 * more than a year off. The request's time on the way counts as clock error, a few ms on a shop's
 * network.
 */
export function clockOffsetOf(request: FastifyRequest, now: Date): number {
  const header = request.headers[CLOCK_HEADER];
  const tillTime = typeof header === 'string' && header.length <= 40 ? Date.parse(header) : Number.NaN;
  const offset = now.getTime() - tillTime;
  return Number.isFinite(offset) && Math.abs(offset) <= MAX_CLOCK_OFFSET_MS ? offset : 0;
}
