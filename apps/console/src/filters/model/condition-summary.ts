import { type CampaignSchema, type ConditionDraft, type LeafDraft, type Subject, subjectType } from './condition-draft';
import { draftFromApi } from './condition-json';
import { arityOf, operatorLabel } from './operators';

/** A subject in the campaign's words ("Source", "Postcode", "Status", "Created"); its key when it is gone. */
export function subjectLabel(subject: Subject, schema: CampaignSchema): string {
  switch (subject.kind) {
    case 'select':
      return schema.selects.find((select) => select.key === subject.key)?.label ?? subject.key;
    case 'field':
      return schema.fields.find((field) => field.key === subject.key)?.label ?? subject.key;
    case 'status':
      return 'Status';
    case 'created_at':
      return 'Created';
    case 'updated_at':
      return 'Updated';
  }
}

/** One value in the campaign's words: an option's or status's label, yes/no, an instant marked UTC. */
export function valueLabel(subject: Subject, value: string, schema: CampaignSchema): string {
  switch (subject.kind) {
    case 'select': {
      const options = schema.selects.find((select) => select.key === subject.key)?.options ?? [];
      return options.find((option) => option.value === value)?.label ?? value;
    }
    case 'status':
      return schema.statuses.find((status) => status.slug === value)?.label ?? value;
    case 'created_at':
    case 'updated_at':
      return `${value.replace('T', ' ')} UTC`;
    case 'field': {
      const type = subjectType(subject, schema);
      if (type === 'boolean') return value === 'true' ? 'yes' : 'no';
      return type === 'number' || type === 'date' ? value : `"${value}"`;
    }
  }
}

function describeLeaf(leaf: LeafDraft, schema: CampaignSchema): string {
  if (!leaf.subject || !leaf.op) return '…';
  const type = subjectType(leaf.subject, schema) ?? 'text';
  const words = `${subjectLabel(leaf.subject, schema)} ${operatorLabel(leaf.op, type)}`;
  if (arityOf(leaf.op) === 'none') return words;
  const values = leaf.values.map((value) => valueLabel(leaf.subject!, value, schema));
  return `${words} ${values.join(', ')}`;
}

function describeNode(node: ConditionDraft, schema: CampaignSchema, nested: boolean): string {
  if (node.kind === 'leaf') return describeLeaf(node, schema);
  const members = node.members.map((member) => describeNode(member, schema, true));
  if (node.group === 'not') return `not (${members.join('')})`;
  const text = members.join(node.group === 'all' ? ' and ' : ' or ');
  return nested && members.length > 1 ? `(${text})` : text;
}

/** A stored condition in words, for the list of filters: `Source is Partner ABC and (Status is Won or …)`. */
export function describeCondition(condition: unknown, schema: CampaignSchema): string {
  const draft = draftFromApi(condition);
  if (!draft) return 'A condition this console cannot show.';
  return describeNode(draft, schema, false) || 'Everything';
}
