/**
 * A filter condition while a person builds it (API.md §6). Unlike the API's JSON it may be
 * incomplete (no subject yet, no operator, an empty value) and every node has an id, so the
 * builder can edit a node in place and keep focus and errors on it while its path changes.
 */

export const OPERATORS = [
  'eq',
  'neq',
  'in',
  'nin',
  'empty',
  'not_empty',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const GROUP_KINDS = ['all', 'any', 'not'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const FIELD_TYPES = ['text', 'email', 'phone', 'number', 'date', 'boolean', 'url', 'textarea'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What a leaf tests: one select, the status, one field, or one of the two timestamps. */
export type Subject =
  | { kind: 'select'; key: string }
  | { kind: 'field'; key: string }
  | { kind: 'status' }
  | { kind: 'created_at' }
  | { kind: 'updated_at' };

export interface LeafDraft {
  kind: 'leaf';
  id: string;
  subject: Subject | null;
  op: Operator | null;
  /** As typed or picked: one entry for single-value operators, any number for in/nin, none for empty/not_empty. */
  values: string[];
}

export interface GroupDraft {
  kind: 'group';
  id: string;
  group: GroupKind;
  /** A `not` group holds at most one member (the API's `{ "not": condition }`). */
  members: ConditionDraft[];
}

export type ConditionDraft = LeafDraft | GroupDraft;

/** The part of a campaign a condition can name (structurally, the API's campaign answer). */
export interface CampaignSchema {
  fields: readonly { key: string; label: string; type: FieldType }[];
  selects: readonly { key: string; label: string; options: readonly { value: string; label: string }[] }[];
  statuses: readonly { slug: string; label: string }[];
}

let lastId = 0;

/** Ids only need to be unique within one page's lifetime. */
export function newId(): string {
  lastId += 1;
  return `c${lastId}`;
}

export function newLeaf(subject: Subject | null = null): LeafDraft {
  return { kind: 'leaf', id: newId(), subject, op: null, values: [] };
}

export function newGroup(group: GroupKind = 'all', members: ConditionDraft[] = []): GroupDraft {
  return { kind: 'group', id: newId(), group, members };
}

/** What a new filter starts with: "all of" one empty condition. */
export function emptyCondition(): GroupDraft {
  return newGroup('all', [newLeaf()]);
}

/** A subject as one string, for pickers: `select:select_partner`, `field:postcode`, `status`, `created_at`. */
export function subjectKey(subject: Subject): string {
  return subject.kind === 'select' || subject.kind === 'field' ? `${subject.kind}:${subject.key}` : subject.kind;
}

export function subjectFromKey(key: string): Subject | null {
  const [kind, ...rest] = key.split(':');
  const name = rest.join(':');
  if ((kind === 'select' || kind === 'field') && name) return { kind, key: name };
  if (kind === 'status' || kind === 'created_at' || kind === 'updated_at') return rest.length ? null : { kind };
  return null;
}

/** The type that decides a subject's operators and value control; null when the campaign lacks it. */
export type SubjectType = FieldType | 'select' | 'status' | 'timestamp';

export function subjectType(subject: Subject, schema: CampaignSchema): SubjectType | null {
  switch (subject.kind) {
    case 'select':
      return schema.selects.some((select) => select.key === subject.key) ? 'select' : null;
    case 'field':
      return schema.fields.find((field) => field.key === subject.key)?.type ?? null;
    case 'status':
      return 'status';
    case 'created_at':
    case 'updated_at':
      return 'timestamp';
  }
}
