import { CampaignSchemaStateV1, FilterCondition, FilterLeaf } from '@leadgate/contracts';
import { resolveLeaf } from '@leadgate/filters/model/leaf-target';
import { allowsOperator } from '@leadgate/filters/model/operator-matrix';
import { fieldValueMessage } from './field-values';
import { FilterError } from './filter-error';

function valuePath(path: string, leaf: FilterLeaf, index: number): string {
  if (typeof leaf.status === 'string') return `${path}.status`;
  return Array.isArray(leaf.value) ? `${path}.value.${index}` : `${path}.value`;
}

function checkSelectLeaf(leaf: FilterLeaf, key: string, schema: CampaignSchemaStateV1, path: string): FilterError[] {
  const select = schema.selects.find((candidate) => candidate.key === key);
  if (!select) return [{ path: `${path}.select`, message: `names select "${key}", which this campaign does not have` }];
  const options = new Set(select.options.map((option) => option.value));
  return resolveLeaf(leaf).values.flatMap((value, index) =>
    options.has(value as string)
      ? []
      : [{ path: valuePath(path, leaf, index), message: `"${String(value)}" is not an option of select "${key}"` }],
  );
}

function checkStatusLeaf(leaf: FilterLeaf, schema: CampaignSchemaStateV1, path: string): FilterError[] {
  const slugs = new Set(schema.statuses.map((status) => status.slug));
  return resolveLeaf(leaf).values.flatMap((value, index) =>
    slugs.has(value as string)
      ? []
      : [{ path: valuePath(path, leaf, index), message: `"${String(value)}" is not a status of this campaign` }],
  );
}

function checkFieldLeaf(leaf: FilterLeaf, key: string, schema: CampaignSchemaStateV1, path: string): FilterError[] {
  const field = schema.fields.find((candidate) => candidate.key === key);
  if (!field) return [{ path: `${path}.field`, message: `names field "${key}", which this campaign does not have` }];
  if (!allowsOperator(field.type, leaf.op)) {
    return [{ path: `${path}.op`, message: `"${leaf.op}" does not apply to a ${field.type} field` }];
  }
  const { values } = resolveLeaf(leaf);
  if (leaf.op === 'contains' && values[0] === '') return [{ path: `${path}.value`, message: 'must not be empty' }];
  return values.flatMap((value, index) => {
    const message = fieldValueMessage(field.type, value);
    return message ? [{ path: valuePath(path, leaf, index), message }] : [];
  });
}

function checkLeaf(leaf: FilterLeaf, schema: CampaignSchemaStateV1, path: string): FilterError[] {
  if (leaf.select !== undefined) return checkSelectLeaf(leaf, leaf.select, schema, path);
  if (leaf.field !== undefined) return checkFieldLeaf(leaf, leaf.field, schema, path);
  if (leaf.status !== undefined) return checkStatusLeaf(leaf, schema, path);
  return []; // timestamps: fully checked by shape
}

/**
 * Problems of a well-shaped condition against one campaign's schema: unknown selects, options,
 * statuses and fields, operators that do not fit a field's type, and values of the wrong type.
 */
export function checkReferences(
  node: FilterCondition,
  schema: CampaignSchemaStateV1,
  path = 'condition',
): FilterError[] {
  if ('all' in node)
    return node.all.flatMap((member, index) => checkReferences(member, schema, `${path}.all.${index}`));
  if ('any' in node)
    return node.any.flatMap((member, index) => checkReferences(member, schema, `${path}.any.${index}`));
  if ('not' in node) return checkReferences(node.not, schema, `${path}.not`);
  return checkLeaf(node, schema, path);
}
