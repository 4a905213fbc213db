import { FIELD_TYPES } from '@leadgate/contracts';

export type FieldType = (typeof FIELD_TYPES)[number];

/** Types whose values are text, so a masked value still says something (API.md §13). */
export const MASKABLE_TYPES: readonly FieldType[] = ['text', 'email', 'phone', 'url', 'textarea'];

export const MASK = '***';

/**
 * A value as a token with the field masked reads it: an e-mail keeps its domain
 * (`j***@example.com`), a phone number its country prefix and last two digits (`+45******78`),
 * other text its first character (`J***`). Masking a masked value gives the same value, so an
 * answer that is masked twice (a replay) reads the same. Empty and absent values stay as they are.
 */
export function maskValue(type: FieldType, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (typeof value !== 'string') return MASK;
  if (type === 'email') return maskEmail(value);
  if (type === 'phone') return maskPhone(value);
  return maskText(value);
}

function maskText(value: string): string {
  const first = String.fromCodePoint(value.codePointAt(0) ?? 0x2a);
  return `${first}${MASK}`;
}

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskText(value);
  return `${maskText(value.slice(0, at))}${value.slice(at)}`;
}

function maskPhone(value: string): string {
  const keepStart = value.startsWith('+') && value.length >= 8 ? 3 : 0;
  const keepEnd = value.length >= 6 ? 2 : 0;
  const hidden = value.length - keepStart - keepEnd;
  return `${value.slice(0, keepStart)}${'*'.repeat(hidden)}${value.slice(value.length - keepEnd)}`;
}
