import { bootstrapAdmin, gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';

type Json = Record<string, unknown>;

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Client credentials and OAuth2 (API.md §5) through the gateway. */
describe('client credentials and OAuth2', () => {
  let platform: Platform;
  let admin: ReturnType<typeof gatewayClient>;
  let gatewayUrl: string;
  /** A second admin token, used for introspection. */
  let adminHeader = '';

  beforeAll(async () => {
    platform = await startPlatform();
    gatewayUrl = platform.gateway.url;
    const account = await bootstrapAdmin(platform, 'OAuth test');
    admin = account.admin;
    const introspector = await admin('POST', '/v1/admin/tokens', { name: 'Introspector', preset: 'full_admin' });
    adminHeader = `Bearer ${String(introspector.body['token'])}`;
    const asIntrospector = gatewayClient(gatewayUrl, String(introspector.body['token']));
    await waitFor('introspector token', async () =>
      (await asIntrospector('GET', '/v1/me')).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await platform.stop();
  });

  async function token(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${gatewayUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
  }

  async function credential(scopeGroups: string[]) {
    const created = await admin('POST', '/v1/admin/credentials', { description: 'CRM', scope_groups: scopeGroups });
    expect(created.status).toBe(201);
    return {
      id: String(created.body['id']),
      clientId: String(created.body['client_id']),
      secret: String(created.body['client_secret']),
    };
  }

  const basic = (clientId: string, secret: string) => ({
    authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
  });

  it('creates a credential whose secret is shown once and never listed', async () => {
    const created = await admin('POST', '/v1/admin/credentials', {
      description: 'Data sync',
      scope_groups: ['data_api'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ scope_groups: ['data_api'], enabled: true });
    expect(String(created.body['client_id'])).toMatch(/^lgc_[A-Za-z0-9]{16}$/);
    expect(String(created.body['client_secret'])).toMatch(/^lgs_[A-Za-z0-9]{16}_[A-Za-z0-9]{38}$/);
    const list = await admin('GET', '/v1/admin/credentials');
    expect(JSON.stringify(list.body)).not.toContain(String(created.body['client_secret']).slice(21));
    const unknown = await admin('POST', '/v1/admin/credentials', { scope_groups: ['everything'] });
    expect(unknown.status).toBe(422);
  });

  it('issues access tokens for HTTP Basic and form-body client authentication', async () => {
    const { clientId, secret } = await credential(['data_api']);
    await waitFor('credential at the gateway', async () => {
      const viaBasic = await token(form({ grant_type: 'client_credentials' }), basic(clientId, secret));
      return viaBasic.status === 200 ? viaBasic : undefined;
    });
    const viaBasic = await token(form({ grant_type: 'client_credentials' }), basic(clientId, secret));
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'leads:read leads:write files:read files:write',
    });
    expect(viaBasic.headers.get('cache-control')).toBe('no-store');
    expect(String(viaBasic.body['access_token'])).toMatch(/^lga_/);

    const viaForm = await token(
      form({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'leads:read' }),
    );
    expect(viaForm.status).toBe(200);
    expect(viaForm.body['scope']).toBe('leads:read');

    const access = gatewayClient(gatewayUrl, String(viaForm.body['access_token']));
    const me = await waitFor('access token at the gateway', async () => {
      const response = await access('GET', '/v1/me');
      return response.status === 200 ? response : undefined;
    });
    expect(me.body).toMatchObject({ kind: 'access', scopes: ['leads:read'] });
    // Its scopes are all it has: no admin API.
    expect((await access('GET', '/v1/admin/tokens')).status).toBe(403);
  });

  it('refuses a wrong secret (401 invalid_client), a foreign scope (400 invalid_scope) and other grants', async () => {
    const { clientId, secret } = await credential(['lead_receiver']);
    const wrong = await token(form({ grant_type: 'client_credentials' }), basic(clientId, `${secret.slice(0, -1)}x`));
    expect(wrong.status).toBe(401);
    expect(wrong.body['error']).toBe('invalid_client');
    expect(wrong.headers.get('www-authenticate')).toContain('Basic');
    const foreign = await token(
      form({ grant_type: 'client_credentials', scope: 'leads:read' }),
      basic(clientId, secret),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body['error']).toBe('invalid_scope');
    const password = await token(form({ grant_type: 'password' }), basic(clientId, secret));
    expect(password.status).toBe(400);
    expect(password.body['error']).toBe('unsupported_grant_type');
  });

  it('introspects for admins, and disabling a credential ends its access tokens everywhere at once', async () => {
    const { id, clientId, secret } = await credential(['data_api']);
    const issued = await waitFor('token', async () => {
      const response = await token(form({ grant_type: 'client_credentials' }), basic(clientId, secret));
      return response.status === 200 ? response : undefined;
    });
    const accessToken = String(issued.body['access_token']);
    const access = gatewayClient(gatewayUrl, accessToken);
    await waitFor('access token', async () => ((await access('GET', '/v1/me')).status === 200 ? true : undefined));

    const introspected = await fetch(`${gatewayUrl}/oauth/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: adminHeader },
      body: form({ token: accessToken }),
    });
    expect(introspected.status).toBe(200);
    expect(await introspected.json()).toMatchObject({
      active: true,
      client_id: clientId,
      kind: 'access',
      scope: 'leads:read leads:write files:read files:write',
    });

    const disabled = await admin('POST', `/v1/admin/credentials/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body['enabled']).toBe(false);
    const disabledAt = Date.now();
    await waitFor(
      'access token refused',
      async () => ((await access('GET', '/v1/me')).status === 401 ? true : undefined),
      1000,
      5,
    );
    process.stdout.write(`[oauth] access token refused ${Date.now() - disabledAt} ms after disabling its credential\n`);
    expect((await token(form({ grant_type: 'client_credentials' }), basic(clientId, secret))).body['error']).toBe(
      'invalid_client',
    );

    // Enabling the credential again does not bring old access tokens back.
    await admin('POST', `/v1/admin/credentials/${id}/enable`);
    const fresh = await waitFor('new token after enable', async () => {
      const response = await token(form({ grant_type: 'client_credentials' }), basic(clientId, secret));
      return response.status === 200 ? response : undefined;
    });
    expect(fresh.status).toBe(200);
    expect((await access('GET', '/v1/me')).status).toBe(401);
    const inactive = await fetch(`${gatewayUrl}/oauth/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: adminHeader },
      body: form({ token: accessToken }),
    });
    expect(await inactive.json()).toEqual({ active: false });
  });

  async function introspect(body: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await fetch(`${gatewayUrl}/oauth/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: form(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
  }

  it('lets a client introspect the access tokens issued to itself, and nothing else (RFC 7662)', async () => {
    const own = await credential(['data_api']);
    const other = await credential(['data_api']);
    const issue = async (client: { clientId: string; secret: string }) =>
      waitFor('token', async () => {
        const response = await token(form({ grant_type: 'client_credentials' }), basic(client.clientId, client.secret));
        return response.status === 200 ? String(response.body['access_token']) : undefined;
      });
    const ownToken = await issue(own);
    const otherToken = await issue(other);

    const byBasic = await introspect({ token: ownToken }, basic(own.clientId, own.secret));
    expect(byBasic.status).toBe(200);
    expect(byBasic.headers.get('cache-control')).toBe('no-store');
    expect(byBasic.body).toMatchObject({ active: true, client_id: own.clientId, kind: 'access', token_type: 'Bearer' });
    const byForm = await introspect({ token: ownToken, client_id: own.clientId, client_secret: own.secret });
    expect(byForm.body).toMatchObject({ active: true, client_id: own.clientId });

    // Another client's token, an API token of the account, a made-up token: inactive, nothing said.
    expect((await introspect({ token: otherToken }, basic(own.clientId, own.secret))).body).toEqual({ active: false });
    expect(
      (await introspect({ token: adminHeader.slice('Bearer '.length) }, basic(own.clientId, own.secret))).body,
    ).toEqual({
      active: false,
    });
    expect((await introspect({ token: 'lgt_nothing_here' }, basic(own.clientId, own.secret))).body).toEqual({
      active: false,
    });

    // A wrong secret, or no client at all: invalid_client, as at the token endpoint.
    const wrong = await introspect({ token: ownToken }, basic(own.clientId, `${own.secret}x`));
    expect(wrong.status).toBe(401);
    expect(wrong.body['error']).toBe('invalid_client');
    expect((await introspect({ token: ownToken })).status).toBe(401);
  });

  it('publishes RFC 8414 metadata that names the endpoints and how clients authenticate', async () => {
    const response = await fetch(`${gatewayUrl}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Json;
    const issuer = String(metadata['issuer']);
    expect(metadata).toMatchObject({
      token_endpoint: `${issuer}/oauth/token`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
    expect(metadata['scopes_supported']).toEqual(expect.arrayContaining(['leads:read', 'leads:write']));
    expect(metadata['scopes_supported']).not.toContain('admin');
  });

  it('lets a client revoke its own access token (RFC 7009)', async () => {
    const { clientId, secret } = await credential(['data_api']);
    const issued = await waitFor('token', async () => {
      const response = await token(form({ grant_type: 'client_credentials' }), basic(clientId, secret));
      return response.status === 200 ? response : undefined;
    });
    const access = gatewayClient(gatewayUrl, String(issued.body['access_token']));
    await waitFor('access token', async () => ((await access('GET', '/v1/me')).status === 200 ? true : undefined));
    const revoked = await fetch(`${gatewayUrl}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...basic(clientId, secret) },
      body: form({ token: String(issued.body['access_token']) }),
    });
    expect(revoked.status).toBe(200);
    await waitFor(
      'revoked access token refused',
      async () => ((await access('GET', '/v1/me')).status === 401 ? true : undefined),
      2000,
      5,
    );
  });
});
