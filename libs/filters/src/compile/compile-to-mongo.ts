import { CampaignSchemaStateV1, FilterCondition } from '@leadgate/contracts';
import { resolveLeaf } from '@leadgate/filters/model/leaf-target';
import { assertValidCondition } from '@leadgate/filters/validate/validate-condition';
import { compileLeaf } from './compile-leaf';

function compileNode(node: FilterCondition): Record<string, unknown> {
  // Groups always keep their operator (never merged into one object), so two leaves on one path cannot collide.
  if ('all' in node) return { $and: node.all.map(compileNode) };
  if ('any' in node) return { $or: node.any.map(compileNode) };
  if ('not' in node) return { $nor: [compileNode(node.not)] };
  return compileLeaf(resolveLeaf(node));
}

/**
 * The MongoDB query for the stored leads a condition selects. Only operators FerretDB v1 handles
 * well: $and, $or, $nor, $eq, $ne, $in, $nin, $gt, $gte, $lt, $lte, $regex. The condition is
 * validated against `schema` first; an invalid one throws `InvalidFilterError` (fail closed).
 */
export function compileToMongo(condition: FilterCondition, schema: CampaignSchemaStateV1): Record<string, unknown> {
  return compileNode(assertValidCondition(condition, schema));
}
