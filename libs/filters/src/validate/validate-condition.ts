import { CampaignSchemaStateV1, FilterCondition } from '@leadgate/contracts';
import { checkReferences } from './check-references';
import { checkConditionShape } from './check-shape';
import { FilterError, InvalidFilterError } from './filter-error';
import { normalizeCondition } from './normalize-condition';

export type ValidationResult = { ok: true; condition: FilterCondition } | { ok: false; errors: FilterError[] };

/**
 * Checks a candidate filter condition (API.md §6) against a campaign's schema: shape and limits
 * first, then every select, option, status and field it names, the operator for each type and the
 * type of each value. On success, the condition to store: a normalized copy (see normalize-condition.ts).
 */
export function validateCondition(condition: unknown, schema: CampaignSchemaStateV1): ValidationResult {
  const shapeErrors = checkConditionShape(condition);
  if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors };
  const checked = condition as FilterCondition;
  const referenceErrors = checkReferences(checked, schema);
  if (referenceErrors.length > 0) return { ok: false, errors: referenceErrors };
  return { ok: true, condition: normalizeCondition(checked) };
}

/**
 * The backends re-validate: a filter that was never validated, or that no longer fits a changed
 * schema, throws instead of reaching the database or deciding a lead's scope (fail closed).
 */
export function assertValidCondition(condition: unknown, schema: CampaignSchemaStateV1): FilterCondition {
  const result = validateCondition(condition, schema);
  if (!result.ok) throw new InvalidFilterError(result.errors);
  return result.condition;
}
