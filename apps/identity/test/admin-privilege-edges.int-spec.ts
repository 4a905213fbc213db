import {
  adminPrincipal,
  bootstrapAccount,
  bootstrapAdmin,
  gatewayClient,
  Platform,
  signedFetch,
  startPlatform,
  waitFor,
} from '@leadgate/testing';

type Client = ReturnType<typeof gatewayClient>;
type Json = Record<string, unknown>;

/**
 * The edges of the privilege rule that the matrix does not walk: ids of other accounts stay 404
 * whoever asks (existence is checked in the caller's account before the rule), and RFC 7009
 * revocation by an admin Bearer goes through the same rule.
 */
describe('privilege rule edges', () => {
  let platform: Platform;
  let admin: Client;
  let accountId: string;
  let strangerTokenId: string;
  let strangerCredentialId: string;

  async function ready(token: string): Promise<Client> {
    const client = gatewayClient(platform.gateway.url, token);
    await waitFor('token at the gateway', async () =>
      (await client('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    return client;
  }

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity'] });
    const account = await bootstrapAdmin(platform, 'Edges');
    admin = account.admin;
    accountId = account.account_id;
    const stranger = await bootstrapAccount(platform.services.identity!.url, 'Stranger');
    const strangerAdmin = await ready(stranger.admin_token);
    strangerTokenId = String((await strangerAdmin('GET', '/v1/me')).body['id']);
    const credential = await strangerAdmin('POST', '/v1/admin/credentials', { scope_groups: ['lead_receiver'] });
    strangerCredentialId = String(credential.body['id']);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers 404, never 403, for tokens and credentials of another account, to strong and weak callers', async () => {
    const weak = await admin('POST', '/v1/admin/tokens', { name: 'weak', scopes: ['tokens:*', 'credentials:*'] });
    const callers = { owner: admin, weak: await ready(String(weak.body['token'])) };
    for (const [name, client] of Object.entries(callers)) {
      const answers = await Promise.all([
        client('GET', `/v1/admin/tokens/${strangerTokenId}`),
        client('PATCH', `/v1/admin/tokens/${strangerTokenId}`, { name: 'mine now' }),
        client('POST', `/v1/admin/tokens/${strangerTokenId}/rotate`, {}),
        client('POST', `/v1/admin/tokens/${strangerTokenId}/revoke`),
        client('POST', `/v1/admin/credentials/${strangerCredentialId}/disable`),
        client('POST', `/v1/admin/credentials/${strangerCredentialId}/enable`),
      ]);
      expect({ name, statuses: answers.map((answer) => answer.status) }).toEqual({
        name,
        statuses: [404, 404, 404, 404, 404, 404],
      });
      for (const answer of answers) expect(answer.body).not.toHaveProperty('token');
    }
  });

  it('revokes an access token for an admin Bearer only when its scopes cover the token', async () => {
    const credential = await admin('POST', '/v1/admin/credentials', { scope_groups: ['data_api'] });
    const issued = await waitFor('access token', async () => {
      const response = await fetch(`${platform.gateway.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: String(credential.body['client_id']),
          client_secret: String(credential.body['client_secret']),
        }).toString(),
      });
      return response.status === 200 ? ((await response.json()) as Json) : undefined;
    });
    const accessToken = String(issued['access_token']);
    const access = await ready(accessToken);
    const identityUrl = platform.services.identity!.url;
    // The Bearer as the gateway forwards it: a signed, account-level principal.
    const revokeAs = (scopes: string[]) =>
      signedFetch(identityUrl, 'POST', '/oauth/revoke', adminPrincipal(accountId, scopes), { token: accessToken });

    const weak = await revokeAs(['tokens:write']);
    expect(weak.status).toBe(403);
    expect(((await weak.json()) as Json)['detail']).toContain('leads:read');
    const withoutScope = await revokeAs(['leads:*', 'files:*']);
    expect(withoutScope.status).toBe(403);
    expect((await access('GET', '/v1/me')).status).toBe(200);

    const stranger = await signedFetch(identityUrl, 'POST', '/oauth/revoke', adminPrincipal('acc_other', ['admin']), {
      token: accessToken,
    });
    expect(stranger.status).toBe(200);
    expect((await access('GET', '/v1/me')).status).toBe(200);

    const covering = await revokeAs(['tokens:write', 'leads:*', 'files:*']);
    expect(covering.status).toBe(200);
    await waitFor('revoked access token refused', async () =>
      (await access('GET', '/v1/me')).status === 401 ? true : undefined,
    );
  });
});
