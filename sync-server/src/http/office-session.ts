import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie the office page's session travels in. */
export const OFFICE_COOKIE = 'kassa_office';
/** A working day and then some: head office logs in once a morning. */
export const OFFICE_SESSION_HOURS = 12;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Head office's key, compared in constant time. */
export function officeKeyMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(sha256(expected));
  const b = Buffer.from(sha256(given));
  return timingSafeEqual(a, b);
}

/**
 * Head office's login session: the expiry and a nonce, signed with the office key. Nothing is kept on
 * the server, so a restart keeps everyone logged in; changing the office key ends every session.
 */
export function officeSession(officeKey: string, hours: number, now = Date.now()): string {
  const payload = `${now + hours * 3_600_000}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${createHmac('sha256', officeKey).update(payload).digest('base64url')}`;
}

export function officeSessionValid(officeKey: string, session: string | undefined, now = Date.now()): boolean {
  const parts = session?.split('.');
  if (!parts || parts.length !== 3) return false;
  const [expires, nonce, signature] = parts;
  const expected = Buffer.from(createHmac('sha256', officeKey).update(`${expires}.${nonce}`).digest('base64url'));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) && Number(expires) > now;
}

/**
 * The Set-Cookie header of a new session: script cannot read it, and the browser sends it only on
 * requests from the office page's own site.
 */
export function officeSessionCookie(officeKey: string): string {
  const session = officeSession(officeKey, OFFICE_SESSION_HOURS);
  return `${OFFICE_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${OFFICE_SESSION_HOURS * 3600}`;
}
