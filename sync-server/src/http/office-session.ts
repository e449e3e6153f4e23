import { createHash, timingSafeEqual } from 'node:crypto';

/** The cookie an account's office session travels in. */
export const OFFICE_COOKIE = 'kassa_office';
/** A working day and then some: head office logs in once a morning. */
export const OFFICE_SESSION_HOURS = 12;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Head office's key (scripts and tests), compared in constant time. */
export function officeKeyMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(sha256(expected));
  const b = Buffer.from(sha256(given));
  return timingSafeEqual(a, b);
}

/**
 * The Set-Cookie header of a new session (its token; the server keeps only a hash of it): script
 * cannot read it, and the browser sends it only on requests from the office page's own site.
 */
export function officeSessionCookie(token: string): string {
  return `${OFFICE_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${OFFICE_SESSION_HOURS * 3600}`;
}

/** The Set-Cookie header that makes the browser forget the session (logout). */
export function endedSessionCookie(): string {
  return `${OFFICE_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}
