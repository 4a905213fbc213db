import { CampaignSchemaStateV1, FilterCondition } from '@leadgate/contracts';
import { compileToMongo } from '@leadgate/filters/compile/compile-to-mongo';
import { LeadPredicate } from '@leadgate/filters/predicate/leaf-predicate';
import { toPredicate } from '@leadgate/filters/predicate/to-predicate';

/** The leads one condition selects and another does not, for both backends. */
export interface ConditionDifference {
  /** What `compileToMongo` makes of `{ all: [included, { not: excluded }] }`. */
  query: Record<string, unknown>;
  /** What `toPredicate` makes of the same group. */
  matches: LeadPredicate;
}

/**
 * The group `{ all: [included, { not: excluded }] }` (e.g. the leads a token would gain if its
 * filter became `included`), compiled exactly as the library compiles groups: `all` is `$and`,
 * `not` is `$nor`, so the query and the predicate agree as they do for any condition
 * (condition-difference.spec.ts holds this to the group's own compilation). Each side is validated
 * against `schema` and held to FILTER_LIMITS on its own: two conditions at the limits are each
 * valid, while their composite would nest two levels deeper and hold both sets of leaves.
 */
export function conditionDifference(
  included: FilterCondition,
  excluded: FilterCondition,
  schema: CampaignSchemaStateV1,
): ConditionDifference {
  const includedMatches = toPredicate(included, schema);
  const excludedMatches = toPredicate(excluded, schema);
  return {
    query: { $and: [compileToMongo(included, schema), { $nor: [compileToMongo(excluded, schema)] }] },
    matches: (lead) => includedMatches(lead) && !excludedMatches(lead),
  };
}
