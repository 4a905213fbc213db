/**
 * The checks the campaigns API makes on schema pieces (libs/contracts campaign-schema.v1 and ids),
 * made in the form first so a person sees them before sending. The API checks again, and only it
 * knows what already exists (a duplicate key is its answer, shown beside the field).
 * Each check answers the problem's message, or undefined when the value is fine.
 */

export const FIELD_TYPES = ['text', 'email', 'phone', 'number', 'date', 'boolean', 'url', 'textarea'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What each field type means to a person choosing it. */
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  email: 'E-mail address',
  phone: 'Phone number',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes / no',
  url: 'Web address (URL)',
  textarea: 'Long text',
};

export const KEY_HINT = 'lower_snake_case starting with a letter';
export const OPTION_VALUE_HINT = 'UPPER_SNAKE_CASE, e.g. SELECT_PARTNER';
export const SLUG_HINT = 'a lower-case slug, e.g. won';
export const ID_HINT = 'letters, digits, _ or -, e.g. inst_1';

const KEY = /^[a-z][a-z0-9_]*$/;
const OPTION_VALUE = /^[A-Z][A-Z0-9_]*$/;
const SLUG = /^[a-z][a-z0-9_-]*$/;
const ID = /^[A-Za-z0-9_-]+$/;

function patterned(value: string, pattern: RegExp, max: number, message: string): string | undefined {
  if (value.length === 0) return 'Required.';
  if (value.length > max) return `At most ${max} characters.`;
  return pattern.test(value) ? undefined : message;
}

/** Keys of fields, selects and relations. */
export const keyProblem = (value: string) =>
  patterned(value, KEY, 64, 'Must be lower_snake_case starting with a letter.');

/** A select option's value, the data leads and filters hold. */
export const optionValueProblem = (value: string) => patterned(value, OPTION_VALUE, 64, 'Must be UPPER_SNAKE_CASE.');

export const slugProblem = (value: string) => patterned(value, SLUG, 64, 'Must be a lower-case slug.');

/** A relation option's id. */
export const idProblem = (value: string) => patterned(value, ID, 64, 'Must be letters, digits, _ or -.');

export function labelProblem(value: string): string | undefined {
  if (value.length === 0) return 'Required.';
  return value.length > 200 ? 'At most 200 characters.' : undefined;
}

/** The API refuses a list that names one value twice; say so on the second one. */
export function repeatedProblem(values: readonly string[], index: number): string | undefined {
  const value = values[index];
  return value && values.indexOf(value) < index ? `${value} is already in the list.` : undefined;
}
