import {
  type CampaignSchema,
  type ConditionDraft,
  type GroupDraft,
  type LeafDraft,
  newGroup,
  newId,
  type Operator,
  OPERATORS,
  type Subject,
} from './condition-draft';
import { arityOf } from './operators';
import { inputFromInstant, instantFromInput } from './values';

/** The API's condition (API.md §6), as the services' grammar spells it (libs/filters). */
export type ApiScalar = string | number | boolean;
export interface ApiLeaf {
  select?: string;
  status?: string | true;
  field?: string;
  created_at?: true;
  updated_at?: true;
  op: Operator;
  value?: ApiScalar | ApiScalar[];
}
export type ApiCondition = { all: ApiCondition[] } | { any: ApiCondition[] } | { not: ApiCondition } | ApiLeaf;

function typedValue(subject: Subject, raw: string, schema: CampaignSchema): ApiScalar {
  if (subject.kind === 'created_at' || subject.kind === 'updated_at') return instantFromInput(raw) ?? raw;
  if (subject.kind !== 'field') return raw;
  const type = schema.fields.find((field) => field.key === subject.key)?.type;
  if (type === 'number') return Number(raw.trim());
  if (type === 'boolean') return raw === 'true';
  return raw;
}

function leafToApi(leaf: LeafDraft, schema: CampaignSchema): ApiLeaf {
  const { subject, op } = leaf;
  if (!subject || !op) throw new Error('an incomplete condition has no API form');
  const arity = arityOf(op);
  // A status compared with one slug is written the short way: { "status": "new", "op": "eq" }.
  if (subject.kind === 'status' && (op === 'eq' || op === 'neq')) return { status: leaf.values[0], op };
  const target: Omit<ApiLeaf, 'op'> =
    subject.kind === 'select'
      ? { select: subject.key }
      : subject.kind === 'field'
        ? { field: subject.key }
        : subject.kind === 'status'
          ? { status: true }
          : { [subject.kind]: true };
  if (arity === 'none') return { ...target, op };
  const values = leaf.values.map((raw) => typedValue(subject, raw, schema));
  return { ...target, op, value: arity === 'list' ? values : values[0] };
}

/**
 * The API form of a complete draft (check it first with checkDraft). Its shape mirrors the draft's
 * node for node, so `condition.all.0.value` in an API error names the same leaf as the draft.
 */
export function toApiCondition(node: ConditionDraft, schema: CampaignSchema): ApiCondition {
  if (node.kind === 'leaf') return leafToApi(node, schema);
  const members = node.members.map((member) => toApiCondition(member, schema));
  if (node.group === 'not') {
    if (members.length !== 1) throw new Error('a not group holds exactly one condition');
    return { not: members[0] };
  }
  return node.group === 'all' ? { all: members } : { any: members };
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): value is ApiScalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
const isOperator = (value: unknown): value is Operator => (OPERATORS as readonly unknown[]).includes(value);

function subjectOf(node: Json): Subject | null {
  if (typeof node['select'] === 'string') return { kind: 'select', key: node['select'] };
  if (typeof node['field'] === 'string') return { kind: 'field', key: node['field'] };
  if (node['status'] !== undefined) return { kind: 'status' };
  if (node['created_at'] === true) return { kind: 'created_at' };
  if (node['updated_at'] === true) return { kind: 'updated_at' };
  return null;
}

function leafFromApi(node: Json): LeafDraft | null {
  const subject = subjectOf(node);
  const op = node['op'];
  if (!subject || !isOperator(op)) return null;
  const raw = node['value'];
  if (raw !== undefined && !isScalar(raw) && !(Array.isArray(raw) && raw.every(isScalar))) return null;
  const listed: ApiScalar[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const slug = typeof node['status'] === 'string' ? [node['status']] : [];
  const isInstant = subject.kind === 'created_at' || subject.kind === 'updated_at';
  const values = (raw === undefined ? slug : listed).map((value) =>
    isInstant && typeof value === 'string' ? (inputFromInstant(value) ?? value) : String(value),
  );
  return { kind: 'leaf', id: newId(), subject, op, values: arityOf(op) === 'none' ? [] : values };
}

function nodeFromApi(node: unknown): ConditionDraft | null {
  if (!isRecord(node)) return null;
  if ('not' in node) {
    const member = nodeFromApi(node['not']);
    return member ? newGroup('not', [member]) : null;
  }
  for (const group of ['all', 'any'] as const) {
    const list = node[group];
    if (!(group in node)) continue;
    if (!Array.isArray(list)) return null;
    const members: ConditionDraft[] = [];
    for (const item of list) {
      const member = nodeFromApi(item);
      if (!member) return null;
      members.push(member);
    }
    return newGroup(group, members);
  }
  return leafFromApi(node);
}

/**
 * A stored condition as a draft to edit, or null when it is not one the builder can show. The
 * builder's top is always a group: a bare leaf at the top comes back as "all of" that one leaf.
 */
export function draftFromApi(condition: unknown): GroupDraft | null {
  const node = nodeFromApi(condition);
  if (!node) return null;
  return node.kind === 'group' ? node : newGroup('all', [node]);
}
