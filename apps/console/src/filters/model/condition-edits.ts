import {
  type CampaignSchema,
  type ConditionDraft,
  type GroupDraft,
  type GroupKind,
  type LeafDraft,
  newGroup,
  type Operator,
  type Subject,
  subjectType,
} from './condition-draft';
import { allowsOperator, valuesForOperator } from './operators';
import { FILTER_LIMITS } from './values';

// Pure edits of a draft tree: each returns a new root and leaves the old one untouched (React state).

function mapNode(node: ConditionDraft, id: string, change: (node: ConditionDraft) => ConditionDraft): ConditionDraft {
  if (node.id === id) return change(node);
  if (node.kind === 'leaf') return node;
  const members = node.members.map((member) => mapNode(member, id, change));
  return members.every((member, index) => member === node.members[index]) ? node : { ...node, members };
}

function mapRoot(root: GroupDraft, id: string, change: (node: ConditionDraft) => ConditionDraft): GroupDraft {
  return mapNode(root, id, change) as GroupDraft;
}

function mapLeaf(root: GroupDraft, id: string, change: (leaf: LeafDraft) => LeafDraft): GroupDraft {
  return mapRoot(root, id, (node) => (node.kind === 'leaf' ? change(node) : node));
}

/** A new subject keeps the operator where it still fits (else "is") and starts with no value. */
export function setSubject(root: GroupDraft, id: string, subject: Subject, schema: CampaignSchema): GroupDraft {
  const type = subjectType(subject, schema);
  return mapLeaf(root, id, (leaf) => {
    const op: Operator = leaf.op && type && allowsOperator(type, leaf.op) ? leaf.op : 'eq';
    return { ...leaf, subject, op, values: valuesForOperator([], op) };
  });
}

/** A new operator keeps as much of the value as it takes: one of a list, a single value as a list. */
export function setOperator(root: GroupDraft, id: string, op: Operator): GroupDraft {
  return mapLeaf(root, id, (leaf) => ({ ...leaf, op, values: valuesForOperator(leaf.values, op) }));
}

export function setValues(root: GroupDraft, id: string, values: string[]): GroupDraft {
  return mapLeaf(root, id, (leaf) => ({ ...leaf, values }));
}

/** "Not" holds one condition: several members become "not (all of them)", which keeps them together. */
export function setGroupKind(root: GroupDraft, id: string, group: GroupKind): GroupDraft {
  return mapRoot(root, id, (node) => {
    if (node.kind !== 'group' || node.group === group) return node;
    const members = group === 'not' && node.members.length > 1 ? [newGroup('all', node.members)] : node.members;
    return { ...node, group, members };
  });
}

export function addMember(root: GroupDraft, groupId: string, member: ConditionDraft): GroupDraft {
  return mapRoot(root, groupId, (node) =>
    node.kind === 'group' && canAddTo(root, node, member.kind) ? { ...node, members: [...node.members, member] } : node,
  );
}

export function removeNode(root: GroupDraft, id: string): GroupDraft {
  const without = (node: ConditionDraft): ConditionDraft => {
    if (node.kind === 'leaf') return node;
    if (!node.members.some((member) => member.id === id)) return { ...node, members: node.members.map(without) };
    return { ...node, members: node.members.filter((member) => member.id !== id) };
  };
  return without(root) as GroupDraft;
}

/** How deep a node sits: the top group is 1 (the services' count, where a lone leaf is 1). */
export function depthOf(root: ConditionDraft, id: string, depth = 1): number | null {
  if (root.id === id) return depth;
  if (root.kind === 'leaf') return null;
  for (const member of root.members) {
    const found = depthOf(member, id, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function countLeaves(node: ConditionDraft): number {
  return node.kind === 'leaf' ? 1 : node.members.reduce((sum, member) => sum + countLeaves(member), 0);
}

/** Whether a group takes another condition or group: "not" takes one, and the limits hold. */
export function canAddTo(root: GroupDraft, group: GroupDraft, kind: ConditionDraft['kind']): boolean {
  if (group.group === 'not' && group.members.length > 0) return false;
  if (group.members.length >= FILTER_LIMITS.maxLeaves || countLeaves(root) >= FILTER_LIMITS.maxLeaves) return false;
  const depth = depthOf(root, group.id) ?? FILTER_LIMITS.maxDepth;
  // A new group needs room for itself and the condition it will hold.
  return depth + (kind === 'group' ? 2 : 1) <= FILTER_LIMITS.maxDepth;
}

/** Every node's place in words for people and screen readers: "1", "2", "2.1"; the top group is "". */
export function nodeNumbers(root: GroupDraft): Map<string, string> {
  const numbers = new Map<string, string>([[root.id, '']]);
  const walk = (group: GroupDraft, prefix: string) =>
    group.members.forEach((member, index) => {
      const number = `${prefix}${index + 1}`;
      numbers.set(member.id, number);
      if (member.kind === 'group') walk(member, `${number}.`);
    });
  walk(root, '');
  return numbers;
}
