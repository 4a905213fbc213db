import { randomBytes } from 'node:crypto';

/** Digits, then upper, then lower case: the usual base62 order, and safe in URLs, headers and logs. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const BASE62_ONLY = /^[0-9A-Za-z]*$/;

// 248 = 4 * 62: bytes at or above it are thrown away so that `byte % 62` stays uniform.
const UNBIASED_LIMIT = 248;

/** True iff `value` is exactly `length` base62 characters. */
export function isBase62(value: unknown, length: number): value is string {
  return typeof value === 'string' && value.length === length && BASE62_ONLY.test(value);
}

/** `length` uniformly random base62 characters from the CSPRNG (about 5.95 bits each). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length - out.length + 8)) {
      if (byte < UNBIASED_LIMIT && out.length < length) out += BASE62_ALPHABET[byte % 62];
    }
  }
  return out;
}

/** A non-negative integer as exactly `width` base62 digits, most significant first, zero-padded. */
export function encodeBase62Fixed(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative integer: ${value}`);
  let rest = value;
  let out = '';
  for (let i = 0; i < width; i += 1) {
    out = BASE62_ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  if (rest !== 0) throw new RangeError(`${value} does not fit in ${width} base62 digits`);
  return out;
}
