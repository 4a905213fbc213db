/**
 * The public surface (API.md) mapped to the service that owns each route and what a caller needs.
 * Pure data; route-matcher.ts matches requests against it, unit-tested without a server.
 */
export type Upstream = 'identity' | 'campaigns' | 'leads' | 'docs' | 'webhooks';

export type RouteAuth =
  /** A valid Bearer token holding `scope` (or any valid token when scope is null). */
  | { kind: 'bearer'; scope: string | null; accountLevel: boolean }
  /** No token: OAuth client authentication, public documentation. */
  | { kind: 'public' }
  /** The lead receiver: a token if given (must hold `scope`), else anonymous; the campaign decides. */
  | { kind: 'optional'; scope: string }
  /**
   * OAuth revocation (API.md §5): a client authenticates itself (Basic or form, checked by identity),
   * or an account-level Bearer holding `scope` acts for its account (the privilege rule applies there).
   */
  | { kind: 'client_or_bearer'; scope: string }
  /** Only a person's console session (sign-out). */
  | { kind: 'session' };

export interface Route {
  method: string;
  pattern: string;
  upstream: Upstream;
  auth: RouteAuth;
  /** Multipart uploads get the larger file limit. */
  upload?: boolean;
  /** OAuth client authentication (HTTP Basic) is forwarded; a Bearer token never is. */
  forwardAuthorization?: boolean;
  /** Sign-in sets the session cookie from identity's answer; sign-out clears it (API.md §11). */
  session?: 'issue' | 'end';
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

const bearer = (scope: string | null, accountLevel = false): RouteAuth => ({ kind: 'bearer', scope, accountLevel });
const admin = (scope: string | null): RouteAuth => bearer(scope, true);

const CAMPAIGN = '/v1/campaigns/:campaignId';
const ADMIN_CAMPAIGN = '/v1/admin/campaigns/:campaignId';
const WEBHOOKS = '/v1/webhooks';
const WEBHOOK = `${WEBHOOKS}/:webhookId`;

function crud(
  upstream: Upstream,
  base: string,
  resource: string,
  item: string | null,
  itemMethods: readonly string[] = ['GET', 'PATCH', 'DELETE'],
): Route[] {
  const routes: Route[] = [
    { method: 'GET', pattern: base, upstream, auth: admin(`${resource}:read`) },
    { method: 'POST', pattern: base, upstream, auth: admin(`${resource}:write`) },
  ];
  if (item) {
    const itemPath = `${base}/:${item}`;
    for (const method of itemMethods) {
      routes.push({
        method,
        pattern: itemPath,
        upstream,
        auth: admin(method === 'GET' ? `${resource}:read` : `${resource}:write`),
      });
    }
  }
  return routes;
}

const PIECE_METHODS = ['PATCH', 'DELETE'] as const;

export const ROUTES: readonly Route[] = [
  // Partner data API (API.md §3)
  { method: 'GET', pattern: `${CAMPAIGN}/schema`, upstream: 'campaigns', auth: bearer('campaigns:read') },
  { method: 'GET', pattern: `${CAMPAIGN}/leads`, upstream: 'leads', auth: bearer('leads:read') },
  { method: 'POST', pattern: `${CAMPAIGN}/leads`, upstream: 'leads', auth: bearer('leads:write') },
  { method: 'POST', pattern: `${CAMPAIGN}/leads/batch`, upstream: 'leads', auth: bearer('leads:write') },
  { method: 'GET', pattern: `${CAMPAIGN}/leads/:leadId`, upstream: 'leads', auth: bearer('leads:read') },
  { method: 'PATCH', pattern: `${CAMPAIGN}/leads/:leadId`, upstream: 'leads', auth: bearer('leads:write') },
  { method: 'GET', pattern: `${CAMPAIGN}/leads/:leadId/files`, upstream: 'leads', auth: bearer('files:read') },
  {
    method: 'POST',
    pattern: `${CAMPAIGN}/leads/:leadId/files`,
    upstream: 'leads',
    auth: bearer('files:write'),
    upload: true,
  },
  { method: 'GET', pattern: `${CAMPAIGN}/leads/:leadId/files/:fileId`, upstream: 'leads', auth: bearer('files:read') },

  // Webhooks (API.md §12): a token's own subscriptions; campaign tokens with the `webhooks` permission too.
  { method: 'GET', pattern: WEBHOOKS, upstream: 'webhooks', auth: bearer('webhooks:read') },
  { method: 'POST', pattern: WEBHOOKS, upstream: 'webhooks', auth: bearer('webhooks:write') },
  { method: 'GET', pattern: WEBHOOK, upstream: 'webhooks', auth: bearer('webhooks:read') },
  { method: 'PATCH', pattern: WEBHOOK, upstream: 'webhooks', auth: bearer('webhooks:write') },
  { method: 'DELETE', pattern: WEBHOOK, upstream: 'webhooks', auth: bearer('webhooks:write') },
  { method: 'POST', pattern: `${WEBHOOK}/rotate-secret`, upstream: 'webhooks', auth: bearer('webhooks:write') },
  { method: 'POST', pattern: `${WEBHOOK}/test`, upstream: 'webhooks', auth: bearer('webhooks:write') },
  { method: 'GET', pattern: `${WEBHOOK}/deliveries`, upstream: 'webhooks', auth: bearer('webhooks:read') },
  {
    method: 'POST',
    pattern: `${WEBHOOK}/deliveries/:deliveryId/retry`,
    upstream: 'webhooks',
    auth: bearer('webhooks:write'),
  },

  // Admin API (API.md §6). Campaign tokens lives in identity, under the campaign's path.
  ...crud('identity', `${ADMIN_CAMPAIGN}/tokens`, 'tokens', null),
  ...crud('campaigns', '/v1/admin/campaigns', 'campaigns', 'campaignId'),
  // Schema pieces are read in their lists (or the campaign); one piece is changed or removed, never read alone.
  ...crud('campaigns', `${ADMIN_CAMPAIGN}/fields`, 'campaigns', 'key', PIECE_METHODS),
  ...crud('campaigns', `${ADMIN_CAMPAIGN}/selects`, 'campaigns', 'key', PIECE_METHODS),
  ...crud('campaigns', `${ADMIN_CAMPAIGN}/selects/:key/options`, 'campaigns', 'value', PIECE_METHODS),
  ...crud('campaigns', `${ADMIN_CAMPAIGN}/statuses`, 'campaigns', 'slug', PIECE_METHODS),
  ...crud('campaigns', `${ADMIN_CAMPAIGN}/relations`, 'campaigns', 'key', PIECE_METHODS),
  ...crud('campaigns', `${ADMIN_CAMPAIGN}/filters`, 'campaigns', 'filterId'),
  // Access insight (API.md §14) lives with the leads. The literal `preview` outranks `:filterId`.
  { method: 'POST', pattern: `${ADMIN_CAMPAIGN}/filters/preview`, upstream: 'leads', auth: admin('campaigns:read') },
  {
    method: 'GET',
    pattern: `${ADMIN_CAMPAIGN}/leads/:leadId/access`,
    upstream: 'leads',
    auth: admin('tokens:read'),
  },
  { method: 'GET', pattern: `${ADMIN_CAMPAIGN}/receiver`, upstream: 'campaigns', auth: admin('campaigns:read') },
  { method: 'PUT', pattern: `${ADMIN_CAMPAIGN}/receiver`, upstream: 'campaigns', auth: admin('campaigns:write') },
  // Tokens are revoked, never deleted: their history stays readable.
  ...crud('identity', '/v1/admin/tokens', 'tokens', 'tokenId', ['GET', 'PATCH']),
  { method: 'POST', pattern: '/v1/admin/tokens/:tokenId/revoke', upstream: 'identity', auth: admin('tokens:write') },
  { method: 'POST', pattern: '/v1/admin/tokens/:tokenId/rotate', upstream: 'identity', auth: admin('tokens:write') },
  ...crud('identity', '/v1/admin/credentials', 'credentials', null),
  {
    method: 'POST',
    pattern: '/v1/admin/credentials/:credentialId/enable',
    upstream: 'identity',
    auth: admin('credentials:write'),
  },
  {
    method: 'POST',
    pattern: '/v1/admin/credentials/:credentialId/disable',
    upstream: 'identity',
    auth: admin('credentials:write'),
  },
  { method: 'GET', pattern: '/v1/admin/scopes', upstream: 'identity', auth: admin(null) },
  { method: 'GET', pattern: '/v1/admin/account', upstream: 'identity', auth: admin('admin') },
  { method: 'PATCH', pattern: '/v1/admin/account', upstream: 'identity', auth: admin('admin') },
  ...crud('identity', '/v1/admin/users', 'users', 'userId'),
  { method: 'GET', pattern: '/v1/admin/audit', upstream: 'identity', auth: admin('audit:read') },
  { method: 'GET', pattern: '/v1/admin/quarantine', upstream: 'leads', auth: admin('leads:read') },
  { method: 'POST', pattern: '/v1/admin/quarantine/:entryId/release', upstream: 'leads', auth: admin('leads:write') },
  { method: 'DELETE', pattern: '/v1/admin/quarantine/:entryId', upstream: 'leads', auth: admin('leads:write') },
  // Webhook subscriptions of any token of the account, and one made for a token (API.md §12).
  { method: 'GET', pattern: '/v1/admin/webhooks', upstream: 'webhooks', auth: admin('webhooks:read') },
  ...crud('webhooks', '/v1/admin/tokens/:tokenId/webhooks', 'webhooks', null),

  // Console sign-in (API.md §11). GET /v1/auth/session is answered by the gateway itself.
  { method: 'POST', pattern: '/v1/auth/login', upstream: 'identity', auth: { kind: 'public' }, session: 'issue' },
  { method: 'POST', pattern: '/v1/auth/logout', upstream: 'identity', auth: { kind: 'session' }, session: 'end' },
  { method: 'POST', pattern: '/v1/auth/accept-invite', upstream: 'identity', auth: { kind: 'public' } },

  // OAuth2 (API.md §5): client authentication is the credential itself.
  {
    method: 'POST',
    pattern: '/oauth/token',
    upstream: 'identity',
    auth: { kind: 'public' },
    forwardAuthorization: true,
  },
  {
    method: 'POST',
    pattern: '/oauth/revoke',
    upstream: 'identity',
    auth: { kind: 'client_or_bearer', scope: 'tokens:write' },
    forwardAuthorization: true,
  },
  {
    method: 'POST',
    pattern: '/oauth/introspect',
    upstream: 'identity',
    auth: { kind: 'client_or_bearer', scope: 'admin' },
    forwardAuthorization: true,
  },
  // RFC 8414 discovery, for OAuth2 client libraries.
  { method: 'GET', pattern: '/.well-known/oauth-authorization-server', upstream: 'identity', auth: { kind: 'public' } },

  // Lead receiver (API.md §4)
  {
    method: 'POST',
    pattern: '/receiver/v1/campaigns/:campaignId/leads',
    upstream: 'leads',
    auth: { kind: 'optional', scope: 'receiver:post' },
  },

  // Public documentation (API.md §7)
  { method: 'GET', pattern: '/docs/p/:docsKey', upstream: 'docs', auth: { kind: 'public' } },
  { method: 'GET', pattern: '/docs/p/:docsKey/:document', upstream: 'docs', auth: { kind: 'public' } },
  { method: 'GET', pattern: '/docs/admin', upstream: 'docs', auth: { kind: 'public' } },
  { method: 'GET', pattern: '/docs/admin/:document', upstream: 'docs', auth: { kind: 'public' } },
  { method: 'GET', pattern: '/docs/events/:document', upstream: 'docs', auth: { kind: 'public' } },
];

/**
 * Paths the gateway answers itself (MeRoute, SessionController), with every method it answers there
 * (Fastify answers HEAD for its GET routes). Other methods reach the route table: 405, not 404.
 */
export const ANSWERED_HERE: readonly { pattern: string; methods: readonly string[] }[] = [
  { pattern: '/v1/me', methods: ['GET', 'HEAD'] },
  { pattern: '/v1/auth/session', methods: ['GET', 'HEAD'] },
];
