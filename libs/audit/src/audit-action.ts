/**
 * What an admin call did, read from its route template and method, so that every mutation of the
 * admin API is named the same way without a hand-kept list: `POST /v1/admin/tokens` is
 * `tokens.create`, `POST /v1/admin/tokens/:id/rotate` `tokens.rotate`, `PUT .../receiver`
 * `receiver.update`, `DELETE .../filters/:filterId` `filters.delete`.
 */
export interface AuditAction {
  action: string;
  targetType: string;
  /** The route parameter that names the target, when the path has one for it. */
  targetParam: string | null;
}

const ADMIN_PREFIX = '/v1/admin/';
const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/** Null for anything that is not a mutation of the admin API. */
export function auditActionOf(method: string, routeTemplate: string): AuditAction | null {
  const verb = VERBS[method.toUpperCase()];
  // Runs on every request of a service (reads and partner writes too): those leave before any split.
  if (!verb || !routeTemplate.startsWith(ADMIN_PREFIX)) return null;
  const rest = routeTemplate.slice(ADMIN_PREFIX.length).split('/').filter(Boolean);
  if (rest.length === 0) return null;
  const last = rest[rest.length - 1];
  const isParam = (segment: string | undefined) => segment?.startsWith(':') ?? false;
  // A literal after a parameter: an item of a sub-collection (`.../:campaignId/filters`), a
  // resource of its own (`.../:campaignId/receiver`), or an action on the item (`.../:id/rotate`).
  if (!isParam(last) && rest.length >= 3 && isParam(rest[rest.length - 2])) {
    const parent = rest[rest.length - 3];
    const param = rest[rest.length - 2].slice(1);
    if (SINGLETONS.has(last)) return { action: `${last}.${verb}`, targetType: last, targetParam: param };
    if (COLLECTIONS.has(last)) return { action: `${last}.${verb}`, targetType: last, targetParam: null };
    return { action: `${parent}.${last}`, targetType: parent, targetParam: param };
  }
  if (isParam(last)) {
    const collection = rest[rest.length - 2];
    return { action: `${collection}.${verb}`, targetType: collection, targetParam: last.slice(1) };
  }
  return { action: `${last}.${verb}`, targetType: last, targetParam: null };
}

/** Sub-resources that are collections: a POST adds an item to them. */
const COLLECTIONS = new Set(['tokens', 'fields', 'selects', 'options', 'statuses', 'relations', 'filters', 'webhooks']);

/** Sub-resources of which an item has exactly one: named by the item's id. */
const SINGLETONS = new Set(['receiver']);
