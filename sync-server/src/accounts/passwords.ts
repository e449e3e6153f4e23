import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The shortest password an account may have: guesses are rate-limited, and ten characters keep the rest out of reach. */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest: scrypt's cost does not grow with it, but there is no reason to hash a megabyte. */
export const MAX_PASSWORD_LENGTH = 200;

/**
 * scrypt's cost: N = 2^15, r = 8, p = 1 takes 32 MiB and about 50 ms on a back-office PC, OWASP's
 * minimum for scrypt. Stored with each hash, so a later release can raise it and still read older ones.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128 · N · r bytes, above Node's 32 MiB default at N = 2^15.
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: 256 * (options.N ?? COST.N) * (options.r ?? COST.r) }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url: a random salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, KEY_LENGTH);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` is the one `stored` was made from, compared in constant time. A malformed hash matches nothing. */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const given = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) }, expected.length);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A hash of no one's password, compared against when the e-mail is unknown: a login then takes as long
 * as one with a wrong password, so the time taken does not tell which e-mails have accounts.
 */
export const NOBODYS_PASSWORD = hashPassword(randomBytes(18).toString('base64url'));
