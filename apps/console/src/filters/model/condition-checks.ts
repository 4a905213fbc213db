import { type CampaignSchema, type ConditionDraft, type LeafDraft, subjectType } from './condition-draft';
import { allowsOperator, arityOf, operatorLabel } from './operators';
import { FILTER_LIMITS, textProblem, valueProblem } from './values';

/** Where in a node a problem shows: the leaf's three controls, or the group itself. */
export type Slot = 'subject' | 'op' | 'value' | 'node';

export interface DraftProblem {
  nodeId: string;
  slot: Slot;
  message: string;
}

function leafProblems(leaf: LeafDraft, schema: CampaignSchema): DraftProblem[] {
  const problem = (slot: Slot, message: string): DraftProblem[] => [{ nodeId: leaf.id, slot, message }];
  const { subject, op, values } = leaf;
  if (!subject) return problem('subject', 'Choose what this condition tests.');
  const type = subjectType(subject, schema);
  if (!type) return problem('subject', `The campaign has no ${subject.kind} "${'key' in subject ? subject.key : ''}".`);
  if (!op) return problem('op', 'Choose an operator.');
  if (!allowsOperator(type, op)) return problem('op', `"${operatorLabel(op, type)}" does not apply here.`);
  const arity = arityOf(op);
  if (arity === 'none') return [];
  // Stricter than the API on one point: an empty text value is "not filled in yet", never `eq ""`
  // (a person who means "no value" picks "is empty").
  const picked = values.filter((value) => value !== '');
  const picks = type === 'select' || type === 'status' || type === 'boolean';
  if (arity === 'one' && picked.length === 0) return problem('value', picks ? 'Choose a value.' : 'Enter a value.');
  if (arity === 'list' && picked.length === 0) return problem('value', 'Add at least one value.');
  if (arity === 'list' && picked.length > FILTER_LIMITS.maxListValues) {
    return problem('value', `List at most ${FILTER_LIMITS.maxListValues} values.`);
  }
  if (arity === 'list' && picked.length !== values.length)
    return problem('value', 'Fill in or remove the empty value.');
  for (const value of picked) {
    const message = valueProblem(subject, value, schema) ?? (op === 'contains' ? textProblem(value) : null);
    if (message) return problem('value', message);
  }
  return [];
}

/** How deep the tree nests (a lone leaf is 1) and how many leaves and members it holds, as the services count. */
function exceedsLimits(node: ConditionDraft, depth = 1, count = { leaves: 0 }): boolean {
  if (depth > FILTER_LIMITS.maxDepth) return true;
  if (node.kind === 'leaf') return ++count.leaves > FILTER_LIMITS.maxLeaves;
  if (node.members.length > FILTER_LIMITS.maxLeaves) return true;
  return node.members.some((member) => exceedsLimits(member, depth + 1, count));
}

function nodeProblems(node: ConditionDraft, schema: CampaignSchema): DraftProblem[] {
  if (node.kind === 'leaf') return leafProblems(node, schema);
  const own: DraftProblem[] =
    node.members.length === 0
      ? [
          {
            nodeId: node.id,
            slot: 'node',
            message: node.group === 'not' ? 'Add the condition to negate.' : 'Add a condition.',
          },
        ]
      : [];
  return [...own, ...node.members.flatMap((member) => nodeProblems(member, schema))];
}

/**
 * What keeps a draft from being a condition the API accepts, checked as the services check it
 * (libs/filters validateCondition): every leaf complete, operators that fit the type, values the
 * campaign has and of the right type, no empty group, and the nesting and size limits.
 */
export function checkDraft(root: ConditionDraft, schema: CampaignSchema): DraftProblem[] {
  const problems = nodeProblems(root, schema);
  if (exceedsLimits(root)) {
    const { maxDepth, maxLeaves } = FILTER_LIMITS;
    problems.push({
      nodeId: root.id,
      slot: 'node',
      message: `A condition nests at most ${maxDepth} levels and holds at most ${maxLeaves} conditions.`,
    });
  }
  return problems;
}
