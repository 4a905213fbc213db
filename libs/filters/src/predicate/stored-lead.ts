import { LeafTarget } from '@leadgate/filters/model/leaf-target';

/** A lead as stored (and as the predicate sees it); only the parts a filter can test are typed. */
export interface StoredLead {
  _id?: unknown;
  campaign_id?: unknown;
  fields?: Record<string, unknown>;
  select_field_values?: Record<string, unknown>;
  status?: unknown;
  relations?: Record<string, unknown>;
  created_at?: unknown;
  updated_at?: unknown;
  version?: unknown;
}

function ownValue(container: unknown, key: string): unknown {
  // Own properties only: a field named `constructor` must not find Object.prototype.constructor.
  if (typeof container !== 'object' || container === null || !Object.hasOwn(container, key)) return undefined;
  return (container as Record<string, unknown>)[key];
}

/** The value a target names in a lead, or undefined when it is missing. */
export function readTarget(lead: StoredLead, target: LeafTarget): unknown {
  switch (target.kind) {
    case 'select':
      return ownValue(ownValue(lead, 'select_field_values'), target.key);
    case 'field':
      return ownValue(ownValue(lead, 'fields'), target.key);
    case 'status':
    case 'created_at':
    case 'updated_at':
      return ownValue(lead, target.kind);
  }
}
