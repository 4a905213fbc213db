import { CampaignSchemaStateV1, FilterCondition, FilterLeaf } from '@leadgate/contracts';
import { resolveLeaf } from '@leadgate/filters/model/leaf-target';
import { topLevelConjuncts } from './top-level-conjuncts';

type Status = CampaignSchemaStateV1['statuses'][number];

/** The values a binding leaf allows (eq or in), or null when it does not narrow. */
function allowedBy(leaf: FilterLeaf): Set<string> | null {
  const { op, values } = resolveLeaf(leaf);
  return op === 'eq' || op === 'in' ? new Set(values.map(String)) : null;
}

function intersect(current: Set<string> | undefined, next: Set<string>): Set<string> {
  return current ? new Set([...current].filter((value) => next.has(value))) : next;
}

/**
 * The default among the statuses left: the campaign's own if it is still there, else the first by
 * `order`. When the filter pins one status, that one is the only status left, hence the default.
 */
function withDefault(statuses: Status[]): Status[] {
  if (statuses.length === 0 || statuses.some((status) => status.is_default)) return statuses;
  const first = [...statuses].sort((a, b) => a.order - b.order)[0];
  return statuses.map((status) => ({ ...status, is_default: status === first }));
}

/**
 * The schema as a filtered token may use it (API.md §3 `GET .../schema`): each select and the
 * statuses keep only the values the top-level eq/in conjuncts allow (several intersect); all else is
 * unchanged. A contradictory filter can leave a select or the statuses empty: then nothing fits it.
 */
export function narrowSchema(schema: CampaignSchemaStateV1, condition: FilterCondition | null): CampaignSchemaStateV1 {
  const selects = new Map<string, Set<string>>();
  let statuses: Set<string> | undefined;
  for (const leaf of condition ? topLevelConjuncts(condition) : []) {
    const allowed = allowedBy(leaf);
    if (!allowed) continue;
    if (leaf.select !== undefined) selects.set(leaf.select, intersect(selects.get(leaf.select), allowed));
    if (leaf.status !== undefined) statuses = intersect(statuses, allowed);
  }
  const allowedStatuses = statuses;
  return {
    ...schema,
    selects: schema.selects.map((select) => {
      const allowed = selects.get(select.key);
      return allowed ? { ...select, options: select.options.filter((option) => allowed.has(option.value)) } : select;
    }),
    statuses: allowedStatuses
      ? withDefault(schema.statuses.filter((status) => allowedStatuses.has(status.slug)))
      : schema.statuses,
  };
}
