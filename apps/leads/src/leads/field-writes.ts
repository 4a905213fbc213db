import { HttpStatus } from '@nestjs/common';
import { CampaignSchemaStateV1, FieldAccess } from '@leadgate/contracts';
import { maskValue, unwritableKeys } from '@leadgate/field-access';
import { ProblemException } from '@leadgate/service-kit';
import { InputProblem } from './lead-input';

/**
 * The fields of a create or update body this token may not write (API.md §13: hidden and
 * read-only ones), one entry each. Checked before the schema, so a hidden field is refused as not
 * writable, whatever its value; a null (clearing it on update) counts as a write too.
 */
export function unwritableFieldErrors(access: FieldAccess | null, body: unknown): InputProblem[] {
  if (!access || !isPlainObject(body) || !isPlainObject(body['fields'])) return [];
  return unwritableKeys(access, Object.keys(body['fields'])).map((key) => ({
    path: `fields.${key}`,
    message: 'this token may not write this field',
  }));
}

export function fieldNotWritable(errors: InputProblem[]): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'field_not_writable',
    'Field not writable',
    'This token may not write some of these fields; see errors. Nothing was stored.',
    errors,
  );
}

/**
 * An update's fields without the masked values the token sent back as it reads them: a partner
 * that reads a lead and sends its fields back unchanged must not overwrite `jane@example.com`
 * with `j***@example.com`. Any other value of a masked field is written (masked fields are writable).
 */
export function withoutEchoedMasks<T>(
  access: FieldAccess | null,
  campaignFields: CampaignSchemaStateV1['fields'],
  current: Readonly<Record<string, unknown>>,
  fields: Record<string, T>,
): Record<string, T> {
  if (!access || access.masked.length === 0) return fields;
  const kept: Record<string, T> = {};
  for (const [key, value] of Object.entries(fields)) {
    const field = campaignFields.find((candidate) => candidate.key === key);
    const echoed =
      field !== undefined &&
      access.masked.includes(key) &&
      typeof current[key] === 'string' &&
      current[key] !== '' &&
      value === maskValue(field.type, current[key]);
    if (!echoed) kept[key] = value;
  }
  return kept;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
