/** How audit entries read on screen. */

const ACTOR_KINDS: Record<string, string> = {
  user: 'Person',
  account: 'Account token',
  campaign: 'Campaign token',
  access: 'Access token',
  service: 'Platform',
};

export function actorKindText(kind: string): string {
  return ACTOR_KINDS[kind] ?? kind;
}

/** `tokens.rotate` → "tokens: rotate"; an action the console does not know stays as the API says it. */
export function actionText(action: string): string {
  const dot = action.lastIndexOf('.');
  return dot > 0 ? `${action.slice(0, dot).replace(/_/g, ' ')}: ${action.slice(dot + 1).replace(/_/g, ' ')}` : action;
}

export function targetText(target: { type: string; id: string | null }): string {
  return target.id ? `${target.type} ${target.id}` : target.type;
}

export const AUDIT_PAGE_SIZE = 50;

/** The path of one page. `cursor` and `limit` are not in the admin OpenAPI (the route reads them all the same). */
export function auditPagePath(cursor: string | null): string {
  const search = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (cursor) search.set('cursor', cursor);
  return `/v1/admin/audit?${search.toString()}`;
}
