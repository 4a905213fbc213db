import { covers } from '@leadgate/auth-core/scopes';

export interface ScopeGroupEntry {
  id: string;
  scopes: string[];
}

const GROUP_LABELS: Record<string, string> = {
  account_api: 'Account API',
  data_api: 'Data API',
  lead_receiver: 'Lead receiver',
};

/** A scope group's name for people: the catalogue's key made readable (an unknown key shows as it is). */
export function scopeGroupLabel(id: string): string {
  return GROUP_LABELS[id] ?? id;
}

/**
 * The catalogue's scope groups the signed-in person may give a credential: those whose every scope
 * their own scopes cover (the API refuses the rest: no escalation, ADR 011).
 */
export function offeredScopeGroups(
  groups: Readonly<Record<string, string[]>>,
  held: readonly string[],
): ScopeGroupEntry[] {
  return Object.entries(groups)
    .filter(([, scopes]) => covers(held, scopes))
    .map(([id, scopes]) => ({ id, scopes }));
}
