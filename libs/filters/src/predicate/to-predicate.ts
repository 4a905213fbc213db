import { CampaignSchemaStateV1, FilterCondition } from '@leadgate/contracts';
import { resolveLeaf } from '@leadgate/filters/model/leaf-target';
import { assertValidCondition } from '@leadgate/filters/validate/validate-condition';
import { LeadPredicate, leafPredicate } from './leaf-predicate';

function predicateOf(node: FilterCondition): LeadPredicate {
  if ('all' in node) {
    const members = node.all.map(predicateOf);
    return (lead) => members.every((member) => member(lead));
  }
  if ('any' in node) {
    const members = node.any.map(predicateOf);
    return (lead) => members.some((member) => member(lead));
  }
  if ('not' in node) {
    const inner = predicateOf(node.not);
    return (lead) => !inner(lead);
  }
  return leafPredicate(resolveLeaf(node));
}

/**
 * An in-memory test that selects exactly the stored leads `compileToMongo` selects (held together by
 * tests/platform/src/filter-differential.int-spec.ts against the real database). Built once, cheap
 * to call per lead. Validates like `compileToMongo`: an invalid condition throws `InvalidFilterError`.
 */
export function toPredicate(condition: FilterCondition, schema: CampaignSchemaStateV1): LeadPredicate {
  return predicateOf(assertValidCondition(condition, schema));
}
