import { parseTokenString, tokenIdFor } from '@leadgate/auth-core';
import { bootstrapAdmin, gatewayClient, MONGO_URL, Platform, startPlatform, waitFor } from '@leadgate/testing';
import mongoose from 'mongoose';

type Client = ReturnType<typeof gatewayClient>;
type Json = Record<string, unknown>;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/**
 * Access-token revocation cannot be lost (issue 11): while other writers keep changing the token
 * documents (version bumps, like any guarded update, and usage stamps), disabling the credential
 * and RFC 7009 revocation must still end with every access token revoked in the database and
 * refused at the gateway, and it must stay refused when the credential is enabled again.
 */
describe('access-token revocation under concurrent updates', () => {
  let platform: Platform;
  let admin: Client;
  let connection: mongoose.Connection;

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity'], env: { gateway: { TOKEN_USAGE_FLUSH_MS: '50' } } });
    admin = (await bootstrapAdmin(platform, 'Revocation race')).admin;
    connection = await mongoose.createConnection(MONGO_URL, { dbName: `${platform.runId}_identity` }).asPromise();
  });

  afterAll(async () => {
    await connection?.close();
    await platform?.stop();
  });

  async function credential() {
    const created = await admin('POST', '/v1/admin/credentials', { description: 'race', scope_groups: ['data_api'] });
    expect(created.status).toBe(201);
    return {
      id: String(created.body['id']),
      clientId: String(created.body['client_id']),
      secret: String(created.body['client_secret']),
    };
  }

  async function accessToken(clientId: string, secret: string): Promise<string> {
    const issued = await waitFor('access token', async () => {
      const response = await fetch(`${platform.gateway.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
      });
      return response.status === 200 ? ((await response.json()) as Json) : undefined;
    });
    const token = String(issued['access_token']);
    const client = gatewayClient(platform.gateway.url, token);
    await waitFor('access token at the gateway', async () =>
      (await client('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    return token;
  }

  const tokenIdOf = (token: string) => {
    const parsed = parseTokenString(token);
    if (!parsed.ok) throw new Error('not a token string');
    return tokenIdFor(parsed.kind, parsed.publicId);
  };

  /**
   * Writers that keep changing the tokens until stopped, as identity's own writers do: read the
   * token, then write it guarded by its version (a usage stamp and a version bump). Beside them,
   * real usage: the tokens are used at the gateway, whose usage reports identity records.
   */
  function hammer(tokens: string[], writers = 6): { writes: () => number; stop: () => Promise<number> } {
    let running = true;
    let writes = 0;
    const collection = connection.collection<{ _id: string; version: number }>('tokens');
    const ids = tokens.map(tokenIdOf);
    const loops = Array.from({ length: writers }, async (_unused, index) => {
      while (running) {
        const id = ids[(writes + index) % ids.length] ?? '';
        const current = await collection.findOne({ _id: { $eq: id } });
        if (!current) continue;
        const now = new Date().toISOString();
        const written = await collection.updateOne(
          { _id: { $eq: id }, version: { $eq: current.version } },
          { $set: { last_used_at: now, updated_at: now, version: current.version + 1 } },
        );
        writes += written.modifiedCount;
      }
    });
    const clients = tokens.map((token) => gatewayClient(platform.gateway.url, token));
    const users = clients.map(async (client) => {
      while (running) await client('GET', '/v1/me');
    });
    return {
      writes: () => writes,
      stop: async () => {
        running = false;
        await Promise.all([...loops, ...users]);
        return writes;
      },
    };
  }

  async function revokedAt(tokenId: string): Promise<unknown> {
    const document = await connection
      .collection<{ _id: string; revoked_at: string | null }>('tokens')
      .findOne({ _id: { $eq: tokenId } });
    return document?.revoked_at;
  }

  async function expectRefused(token: string): Promise<void> {
    const client = gatewayClient(platform.gateway.url, token);
    await waitFor('access token refused', async () =>
      (await client('GET', '/v1/me')).status === 401 ? true : undefined,
    );
  }

  it('disabling a credential revokes all its access tokens, whatever else writes them meanwhile', async () => {
    const { id, clientId, secret } = await credential();
    const tokens = await Promise.all(Array.from({ length: 4 }, () => accessToken(clientId, secret)));
    const writers = hammer(tokens);
    // The writers are under way (a loaded machine may need more than a moment) before the disable.
    await waitFor('the writers under way', async () => (writers.writes() > 10 ? true : undefined));
    const before = writers.writes();
    const disabled = await admin('POST', `/v1/admin/credentials/${id}/disable`);
    const writes = await writers.stop();
    expect(disabled.status).toBe(200);
    expect(writes).toBeGreaterThan(before); // they kept writing while the disable ran
    for (const token of tokens) expect(await revokedAt(tokenIdOf(token))).toEqual(expect.any(String));

    // Enabled again, the credential makes new tokens, and the old ones stay dead.
    expect((await admin('POST', `/v1/admin/credentials/${id}/enable`)).status).toBe(200);
    await accessToken(clientId, secret);
    for (const token of tokens) await expectRefused(token);
  });

  it('RFC 7009 revocation by the client holds under concurrent writes', async () => {
    const { clientId, secret } = await credential();
    const token = await accessToken(clientId, secret);
    const writers = hammer([token]);
    await waitFor('the writers under way', async () => (writers.writes() > 10 ? true : undefined));
    const revoked = await fetch(`${platform.gateway.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ token, client_id: clientId, client_secret: secret }),
    });
    await writers.stop();
    expect(revoked.status).toBe(200);
    expect(await revokedAt(tokenIdOf(token))).toEqual(expect.any(String));
    await expectRefused(token);
  });
});
