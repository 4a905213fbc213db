import { FilterScalar } from '@leadgate/contracts';

/** UTF-16 code units reordered so that comparing them orders strings by code point, like UTF-8 bytes. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000; // surrogates: above every BMP unit
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** MongoDB's string order (binary, UTF-8): by code point, which JavaScript's `<` is not above U+E000. */
export function compareCodePoints(a: string, b: string): number {
  const shared = Math.min(a.length, b.length);
  for (let index = 0; index < shared; index += 1) {
    const difference = codePointRank(a.charCodeAt(index)) - codePointRank(b.charCodeAt(index));
    if (difference !== 0) return Math.sign(difference);
  }
  return Math.sign(a.length - b.length);
}

/**
 * MongoDB's equality of a stored scalar with an operand: same type (number, string or boolean) and
 * same value; numbers by value, so -0 equals 0. Missing, null, arrays and objects equal no operand.
 */
export function bsonEquals(stored: unknown, operand: FilterScalar): boolean {
  return typeof stored === typeof operand && stored === operand;
}

/**
 * MongoDB's type bracketing for $gt/$gte/$lt/$lte: a stored value compares only with an operand of
 * its own type; anything else (missing, null, another type) is not ordered and matches none of them.
 */
export function bsonCompare(stored: unknown, operand: FilterScalar): number | null {
  if (typeof stored === 'number' && typeof operand === 'number')
    return stored < operand ? -1 : stored > operand ? 1 : 0;
  if (typeof stored === 'string' && typeof operand === 'string') return compareCodePoints(stored, operand);
  if (typeof stored === 'boolean' && typeof operand === 'boolean') return Number(stored) - Number(operand);
  return null;
}
