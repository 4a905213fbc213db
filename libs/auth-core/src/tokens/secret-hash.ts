import { createHash, timingSafeEqual } from 'node:crypto';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * SHA-256 of a token secret, lower-case hex: the only form in which a secret is stored or published
 * (`secret_hashes` of the token state). A plain fast hash suffices because every secret carries at
 * least 160 random bits; there is nothing to guess, unlike a password.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether `secret` hashes to `storedHex`, compared in constant time so that response timing says
 * nothing about how much of a guess was right. A stored value that is not SHA-256 hex never matches.
 */
export function secretMatches(secret: string, storedHex: string): boolean {
  if (typeof secret !== 'string' || typeof storedHex !== 'string' || !SHA256_HEX.test(storedHex)) return false;
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(actual, Buffer.from(storedHex, 'hex'));
}
