import type { ConditionDraft, GroupDraft } from './condition-draft';
import type { DraftProblem, Slot } from './condition-checks';

/** One entry of a problem+json `errors` list. */
export interface ApiFieldError {
  path: string;
  message: string;
}

/**
 * Every node's path in the API's JSON, as the API names it in errors: the top is `condition`, the
 * members of a group `condition.all.0`, `condition.any.1.all.0`, the member of "not" `condition.not`.
 */
export function nodePaths(root: GroupDraft, base = 'condition'): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (node: ConditionDraft, path: string) => {
    paths.set(node.id, path);
    if (node.kind === 'leaf') return;
    node.members.forEach((member, index) =>
      walk(member, node.group === 'not' ? `${path}.not` : `${path}.${node.group}.${index}`),
    );
  };
  walk(root, base);
  return paths;
}

/** Which control of a leaf an error under the leaf's path belongs to (`.value.1` → value, `.select` → subject). */
function leafSlot(rest: string, testsStatus: boolean): Slot {
  const [key] = rest.split('.');
  if (key === 'op') return 'op';
  if (key === 'value') return 'value';
  // A status named by slug is the leaf's value in the builder: `{ "status": "gone", "op": "eq" }`.
  if (key === 'status') return testsStatus ? 'value' : 'subject';
  if (key === 'select' || key === 'field' || key === 'created_at' || key === 'updated_at') return 'subject';
  return 'node';
}

function slotOf(node: ConditionDraft, nodePath: string, errorPath: string): Slot | null {
  if (errorPath === nodePath) return 'node';
  if (node.kind === 'group') {
    // A group's own list (`condition.all`: "must be a non-empty list"); deeper paths are its members'.
    return errorPath === `${nodePath}.${node.group}` ? 'node' : null;
  }
  if (!errorPath.startsWith(`${nodePath}.`)) return null;
  return leafSlot(errorPath.slice(nodePath.length + 1), node.subject?.kind === 'status');
}

/**
 * The API's errors placed beside the nodes they name, and the paths so placed (for the alert that
 * lists what no control shows). An error on a node that is no longer there is left out of both.
 */
export function placeApiErrors(
  root: GroupDraft,
  errors: readonly ApiFieldError[],
): { problems: DraftProblem[]; placedPaths: string[] } {
  const paths = nodePaths(root);
  const nodes: ConditionDraft[] = [];
  const collect = (node: ConditionDraft) => {
    nodes.push(node);
    if (node.kind === 'group') node.members.forEach(collect);
  };
  collect(root);
  const problems: DraftProblem[] = [];
  const placedPaths: string[] = [];
  for (const error of errors) {
    for (const node of nodes) {
      const slot = slotOf(node, paths.get(node.id)!, error.path);
      if (!slot) continue;
      problems.push({ nodeId: node.id, slot, message: error.message });
      placedPaths.push(error.path);
      break;
    }
  }
  return { problems, placedPaths };
}

/** Problems by node and slot, several messages for one control joined into one sentence list. */
export function problemsByNode(problems: readonly DraftProblem[]): Map<string, Partial<Record<Slot, string>>> {
  const lists = new Map<string, Partial<Record<Slot, string[]>>>();
  for (const { nodeId, slot, message } of problems) {
    const slots = lists.get(nodeId) ?? {};
    const messages = (slots[slot] ??= []);
    if (!messages.includes(message)) messages.push(message);
    lists.set(nodeId, slots);
  }
  const byNode = new Map<string, Partial<Record<Slot, string>>>();
  for (const [nodeId, slots] of lists) {
    const joined: Partial<Record<Slot, string>> = {};
    for (const [slot, messages] of Object.entries(slots) as [Slot, string[]][]) joined[slot] = messages.join(' ');
    byNode.set(nodeId, joined);
  }
  return byNode;
}
