import { hash, timingSafeEqual } from 'node:crypto';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * SHA-256 of a token secret, lower-case hex: the only form in which a secret is stored or published
 * (`secret_hashes` of the token state). A plain fast hash suffices because every secret carries at
 * least 160 random bits; there is nothing to guess, unlike a password.
 */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/**
 * Whether `secret` hashes to `storedHex`, compared in constant time so that response timing says
 * nothing about how much of a guess was right. A stored value that is not SHA-256 hex never matches.
 */
export function secretMatches(secret: string, storedHex: string): boolean {
  if (typeof secret !== 'string' || typeof storedHex !== 'string' || !SHA256_HEX.test(storedHex)) return false;
  // The one-shot hash: no Hash object per call (the gateway checks a secret on every request).
  const actual = hash('sha256', secret, 'buffer');
  return timingSafeEqual(actual, Buffer.from(storedHex, 'hex'));
}
