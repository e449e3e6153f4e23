import type { Cashier, CashierRole } from './schemas/index.js';

/**
 * Cashier PINs, kept only as salted PBKDF2-SHA256 hashes. Web Crypto does the work, so the same code
 * runs on the till (Chromium, Electron) and on the server (Node 20's global `crypto`).
 *
 * A PIN is a few digits, so no hash makes a stolen copy safe from guessing; the salt stops one
 * table serving every till, the iterations slow each guess, and the till locks sign-in after
 * repeated wrong PINs (see MAX_PIN_ATTEMPTS).
 */
export type PinHash = Cashier['pin'];

/** ~40 ms per check in Chromium on a shop PC: a manager approval tries each manager's hash in turn. */
export const PIN_ITERATIONS = 100_000;
export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 8;
/** Wrong PINs in a row before the till makes the next try wait. */
export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCKOUT_MS = 30_000;

export class PinError extends Error {
  override name = 'PinError';
}

/** What is wrong with a PIN someone wants to set, or null. */
export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'a PIN is digits only';
  if (pin.length < MIN_PIN_LENGTH || pin.length > MAX_PIN_LENGTH) return `a PIN has ${MIN_PIN_LENGTH} to ${MAX_PIN_LENGTH} digits`;
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** Hashes a new PIN with a fresh random salt. */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const problem = pinProblem(pin);
  if (problem) throw new PinError(problem);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)) };
}

/** Whether `pin` is the PIN `stored` was made from; compares in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (pinProblem(pin) !== null) return false;
  const expected = fromBase64(stored.hash);
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < actual.length; index++) difference |= actual[index] ^ expected[index];
  return difference === 0;
}

/** Roles in order of what they may do alone. */
const ROLE_RANK: Record<CashierRole, number> = { cashier: 0, supervisor: 1, manager: 2 };

export function roleAtLeast(role: CashierRole, needed: CashierRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}
