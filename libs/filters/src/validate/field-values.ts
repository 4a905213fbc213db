import { FilterScalar } from '@leadgate/contracts';
import { FieldType } from '@leadgate/filters/model/operator-matrix';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` day that exists on the calendar (JavaScript's Date would roll 2024-02-30 into March). */
export function isCalendarDate(value: string): boolean {
  const parts = DAY.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0..99 as 1900..1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why a value cannot be compared with a field of this type, or null when it can. */
export function fieldValueMessage(type: FieldType, value: FilterScalar): string | null {
  switch (type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    case 'textarea':
      return typeof value === 'string' ? null : `must be text for a ${type} field`;
    case 'number':
      return typeof value === 'number' ? null : 'must be a number for a number field';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false for a boolean field';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'must be a day as YYYY-MM-DD for a date field';
  }
}
