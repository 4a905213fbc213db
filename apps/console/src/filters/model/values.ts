import type { CampaignSchema, FieldType, Subject } from './condition-draft';

/** The services' bounds on a condition (libs/contracts FILTER_LIMITS). */
export const FILTER_LIMITS = { maxDepth: 8, maxLeaves: 200, maxListValues: 100, maxStringLength: 1000 } as const;

const LOCAL_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A date-and-time input's text (`2024-05-01T10:00`, seconds and milliseconds optional), read as
 * UTC, in the one spelling the services store (`2024-05-01T10:00:00.000Z`); null when not a real instant.
 */
export function instantFromInput(text: string): string | null {
  const parts = LOCAL_INSTANT.exec(text.trim());
  if (!parts) return null;
  const [year, month, day, hour, minute] = parts.slice(1, 6).map(Number);
  const second = Number(parts[6] ?? 0);
  const millis = Number((parts[7] ?? '0').padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString();
}

/** A stored instant as a date-and-time input's text, in UTC (milliseconds only when there are some). */
export function inputFromInstant(instant: string): string | null {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  if (!/^\d{4}-/.test(iso)) return null;
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** A `YYYY-MM-DD` day that exists on the calendar. */
export function isCalendarDate(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim()) && Number.isFinite(Number(text.trim()));
}

/** Text a lead can hold (no lone surrogate, no U+0000), within the services' length bound. */
export function textProblem(text: string): string | null {
  if (text.length > FILTER_LIMITS.maxStringLength) return `must be at most ${FILTER_LIMITS.maxStringLength} characters`;
  if (/[\p{Cs}\u0000]/u.test(text)) return 'holds a character a lead cannot store';
  return null;
}

function fieldValueProblem(type: FieldType, text: string): string | null {
  switch (type) {
    case 'number':
      return isNumberText(text) ? null : 'Enter a number, e.g. 42 or 3.5.';
    case 'date':
      return isCalendarDate(text) ? null : 'Enter a day as YYYY-MM-DD.';
    case 'boolean':
      return text === 'true' || text === 'false' ? null : 'Choose yes or no.';
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    case 'textarea':
      return textProblem(text);
  }
}

/** Why one value cannot be compared with this subject, or null when it can. */
export function valueProblem(subject: Subject, text: string, schema: CampaignSchema): string | null {
  switch (subject.kind) {
    case 'select': {
      const select = schema.selects.find((candidate) => candidate.key === subject.key);
      if (select?.options.some((option) => option.value === text)) return null;
      return `"${text}" is not an option of ${select?.label ?? subject.key}.`;
    }
    case 'status':
      return schema.statuses.some((status) => status.slug === text)
        ? null
        : `"${text}" is not a status of this campaign.`;
    case 'created_at':
    case 'updated_at':
      return instantFromInput(text) ? null : 'Enter a date and time (UTC).';
    case 'field': {
      const field = schema.fields.find((candidate) => candidate.key === subject.key);
      return field ? fieldValueProblem(field.type, text) : null;
    }
  }
}
