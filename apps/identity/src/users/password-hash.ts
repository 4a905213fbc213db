import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords (API.md §11): scrypt from node:crypto, a salt of 16 random bytes per password, stored as
 * `scrypt$<N>$<r>$<p>$<salt>$<hash>` so that the cost can be raised later and old hashes still check.
 * N = 2^15, r = 8 (32 MiB, ≈ 50–100 ms here): OWASP's floor for scrypt is N = 2^17 with p = 1 or
 * an equivalent; we take p = 4 at N = 2^15 for the same work in a quarter of the memory per sign-in.
 */
const COST = { N: 2 ** 15, r: 8, p: 4 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 12;
/** Longer is refused before hashing: scrypt's work grows with nothing an attacker should control. */
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` is the one `stored` was made from, compared in constant time. */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger)) return false;
  const key = await derive(password, Buffer.from(salt, 'base64url'), cost);
  const want = Buffer.from(expected, 'base64url');
  return key.length === want.length && timingSafeEqual(key, want);
}

/** A hash no password matches, checked when the e-mail is unknown so both answers take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(32).toString('base64url'));
  return decoy;
}
