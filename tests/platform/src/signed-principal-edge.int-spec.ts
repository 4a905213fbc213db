import {
  bootstrapAdmin,
  gatewayClient,
  gatewaySigned,
  Platform,
  startPlatform,
  TEST_GATEWAY_KEYS,
  TEST_OPERATOR_KEYS,
  waitFor,
} from '@leadgate/testing';
import { bodyDigest, parsePrivateKey, Principal, PrincipalSigner } from '@leadgate/service-kit';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';

type Client = ReturnType<typeof gatewayClient>;
type Json = Record<string, unknown>;

/** Raw bytes to a port; everything answered until the server closes the connection (or 3 s). */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', reject);
  });
}

const nested = (depth: number) => `{"fields":{"name":"Deep","x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

/**
 * Issue 11: the edge frames every body and refuses deep JSON, and the signed principal (Ed25519,
 * ADR 010) cannot be forged, moved to another request or replayed. Attacks are made as an attacker
 * would: over a raw socket, and directly at a service port.
 */
describe('signed principal and edge framing', () => {
  let platform: Platform;
  let admin: Client;
  let account: Awaited<ReturnType<typeof bootstrapAdmin>>;
  let partner: Client;
  let accountId: string;
  let adminTokenId: string;
  let campaignId: string;
  let lockedCampaignId: string;
  let partnerToken: string;
  let leadsUrl: string;

  const createCampaign = async (name: string) =>
    String(
      (
        await admin('POST', '/v1/admin/campaigns', {
          name,
          fields: [{ key: 'name', label: 'Name', type: 'text', required: true }],
        })
      ).body['id'],
    );
  const leadNames = async (campaign: string) =>
    ((await admin('GET', `/v1/campaigns/${campaign}/leads?limit=500`)).body.data as Json[]).map(
      (lead) => (lead['fields'] as Json)['name'],
    );
  const quarantined = async () => ((await admin('GET', '/v1/admin/quarantine')).body.data ?? []) as Json[];
  const partnerPrincipal = (): Principal => ({
    token_id: adminTokenId,
    account_id: accountId,
    kind: 'account',
    scopes: ['admin'],
    campaign_id: null,
    filter_id: null,
  });

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads'] });
    leadsUrl = platform.services.leads!.url;
    account = await bootstrapAdmin(platform, 'Edge test');
    admin = account.admin;
    accountId = account.account_id;
    adminTokenId = String((await admin('GET', '/v1/me')).body['id']);
    campaignId = await createCampaign('Open');
    lockedCampaignId = await createCampaign('Locked');
    await admin('PUT', `/v1/admin/campaigns/${lockedCampaignId}/receiver`, { require_authentication: true });
    const token = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner',
      permissions: ['read', 'write'],
    });
    partnerToken = String(token.body['token']);
    partner = gatewayClient(platform.gateway.url, partnerToken);
    await waitFor('partner can list', async () =>
      (await partner('GET', `/v1/campaigns/${campaignId}/leads`)).status === 200 ? true : undefined,
    );
    await waitFor('receiver of the locked campaign to require authentication', async () => {
      const response = await fetch(`${platform.gateway.url}/receiver/v1/campaigns/${lockedCampaignId}/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Probe' }),
      });
      return response.status === 401 ? true : undefined;
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('framing at the gateway', () => {
    it('refuses a GET whose chunked body is a second request (400); the service never sees the inner one', async () => {
      const marker = `smuggled-${randomBytes(6).toString('hex')}`;
      const innerBody = JSON.stringify({ fields: { name: marker } });
      const inner =
        `POST /v1/campaigns/${campaignId}/leads HTTP/1.1\r\nHost: leads\r\nX-Request-Id: ${marker}\r\n` +
        `Authorization: Bearer ${partnerToken}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${innerBody.length}\r\n\r\n${innerBody}`;
      const answer = await rawExchange(
        platform.gateway.url,
        `GET /v1/campaigns/${campaignId}/leads HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer ${partnerToken}\r\n` +
          `Transfer-Encoding: chunked\r\n\r\n${inner.length.toString(16)}\r\n${inner}\r\n0\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('body_not_allowed');
      expect(answer.match(/HTTP\/1\.1 \d{3}/g)).toHaveLength(1);
      // A later request on the pooled upstream sockets carries nothing of it either.
      expect((await partner('GET', `/v1/campaigns/${campaignId}/leads`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(readFileSync(platform.services.leads!.logFile, 'utf8')).not.toContain(marker);
      expect(await leadNames(campaignId)).not.toContain(marker);
    });

    it('refuses a DELETE with a body, and a POST with both Content-Length and Transfer-Encoding (Node: 400)', async () => {
      const del = await rawExchange(
        platform.gateway.url,
        `DELETE /v1/admin/quarantine/qp_none HTTP/1.1\r\nHost: gateway\r\n` +
          `Authorization: Bearer ${account.admin_token}\r\nContent-Length: 2\r\n\r\n{}`,
      );
      expect(del).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.stringify({ fields: { name: 'Both framings' } });
      const both = await rawExchange(
        platform.gateway.url,
        `POST /v1/campaigns/${campaignId}/leads HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer ${partnerToken}\r\n` +
          `Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n` +
          `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
      );
      expect(both).toMatch(/^HTTP\/1\.1 400 /);
      expect(await leadNames(campaignId)).not.toContain('Both framings');
    });
  });

  describe('JSON depth limit (32)', () => {
    it('refuses a lead create nested 100,000 deep with an Idempotency-Key (400), and stores nothing for the key', async () => {
      const key = `deep-${randomBytes(4).toString('hex')}`;
      const response = await fetch(`${platform.gateway.url}/v1/campaigns/${campaignId}/leads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${partnerToken}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: nested(100_000),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as Json)['type']).toContain('body_too_deep');
      // The key is still free: a good body with it creates the lead.
      const retry = await partner(
        'POST',
        `/v1/campaigns/${campaignId}/leads`,
        { fields: { name: 'After deep' } },
        {
          'idempotency-key': key,
        },
      );
      expect(retry.status).toBe(201);
      expect(await leadNames(campaignId)).not.toContain('Deep');
    });

    it('refuses deep posts to the receiver, open and authentication-required (400), quarantining nothing', async () => {
      const before = (await quarantined()).length;
      for (const campaign of [campaignId, lockedCampaignId]) {
        const response = await fetch(`${platform.gateway.url}/receiver/v1/campaigns/${campaign}/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `r-${campaign}` },
          body: nested(100_000),
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as Json)['type']).toContain('body_too_deep');
      }
      expect((await quarantined()).length).toBe(before);
    });

    it('is enforced by the service itself too, before any handler (a signed deep body: 400, no 5xx)', async () => {
      const before = (await quarantined()).length;
      for (const path of [`/v1/campaigns/${campaignId}/leads`, `/receiver/v1/campaigns/${lockedCampaignId}/leads`]) {
        const body = nested(100_000);
        const anonymous: Principal = {
          ...partnerPrincipal(),
          token_id: 'anonymous',
          account_id: 'anonymous',
          kind: 'anonymous',
          scopes: [],
        };
        const principal = path.startsWith('/receiver') ? anonymous : partnerPrincipal();
        const response = await fetch(`${leadsUrl}${path}`, {
          method: 'POST',
          headers: {
            ...gatewaySigned('POST', path, body, principal),
            'content-type': 'application/json',
            'idempotency-key': 'direct-deep',
          },
          body,
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as Json)['type']).toContain('body_too_deep');
      }
      expect((await quarantined()).length).toBe(before);
      expect(readFileSync(platform.services.leads!.logFile, 'utf8')).not.toMatch(/"status":5\d\d/);
    });
  });

  describe('the signed principal at a service port', () => {
    const listPath = () => `/v1/campaigns/${campaignId}/leads?limit=1`;
    const get = (path: string, headers: Record<string, string>) => fetch(`${leadsUrl}${path}`, { headers });

    it('accepts a gateway signature once: the same headers again are a replay (401)', async () => {
      const headers = gatewaySigned('GET', listPath(), undefined, partnerPrincipal());
      expect((await get(listPath(), headers)).status).toBe(200);
      expect((await get(listPath(), headers)).status).toBe(401);
    });

    it('refuses a signature moved to another query or body', async () => {
      const signed = gatewaySigned('GET', listPath(), undefined, partnerPrincipal());
      expect((await get(`/v1/campaigns/${campaignId}/leads?limit=500`, signed)).status).toBe(401);
      const path = `/v1/campaigns/${campaignId}/leads`;
      const signedBody = JSON.stringify({ fields: { name: 'Signed' } });
      const kept = await fetch(`${leadsUrl}${path}`, {
        method: 'POST',
        headers: { ...gatewaySigned('POST', path, signedBody, partnerPrincipal()), 'content-type': 'application/json' },
        body: signedBody,
      });
      expect(kept.status).toBe(201);
      const headers = gatewaySigned('POST', path, signedBody, partnerPrincipal());
      const moved = await fetch(`${leadsUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { name: 'Swapped' } }),
      });
      expect(moved.status).toBe(401);
      expect(await leadNames(campaignId)).not.toContain('Swapped');
    });

    it('refuses the old HMAC-style signature and a signature by any key but the gateway’s', async () => {
      const encoded = Buffer.from(
        JSON.stringify({ ...partnerPrincipal(), exp: Math.floor(Date.now() / 1000) + 30 }),
      ).toString('base64url');
      const path = `/v1/campaigns/${campaignId}/leads`;
      const mac = createHmac('sha256', 'integration-tests-only-signing-key-000000')
        .update(`GET\n${path}\n${encoded}`)
        .digest('base64url');
      expect((await get(path, { 'x-leadgate-principal': encoded, 'x-leadgate-signature': mac })).status).toBe(401);
      // A key a compromised service could make for itself, and the operator's key for a partner principal.
      for (const key of [generateKeyPairSync('ed25519').privateKey, parsePrivateKey(TEST_OPERATOR_KEYS.private)]) {
        const headers = new PrincipalSigner(key).sign(
          { method: 'GET', pathWithQuery: path, bodyDigest: bodyDigest(undefined) },
          partnerPrincipal(),
        );
        expect((await get(path, headers)).status).toBe(401);
      }
    });

    it("refuses an account bootstrap signed with the gateway's key: 'service' principals are the operator's", async () => {
      const body = JSON.stringify({ name: 'Forged' });
      const service: Principal = {
        token_id: 'operator:forged',
        account_id: 'platform',
        kind: 'service',
        scopes: ['platform:bootstrap'],
        campaign_id: null,
        filter_id: null,
      };
      const response = await fetch(`${platform.services.identity!.url}/internal/accounts`, {
        method: 'POST',
        headers: { ...gatewaySigned('POST', '/internal/accounts', body, service), 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(401);
    });

    it('takes the client address from the signed principal, never from X-Forwarded-For', async () => {
      const path = `/receiver/v1/campaigns/${lockedCampaignId}/leads`;
      const body = JSON.stringify({ name: 'Address check' });
      const principal: Principal = {
        token_id: 'anonymous',
        account_id: 'anonymous',
        kind: 'anonymous',
        scopes: [],
        campaign_id: null,
        filter_id: null,
        client_ip: '198.51.100.7',
      };
      const response = await fetch(`${leadsUrl}${path}`, {
        method: 'POST',
        headers: {
          ...gatewaySigned('POST', path, body, principal),
          'content-type': 'application/json',
          'x-forwarded-for': '203.0.113.99',
        },
        body,
      });
      expect(response.status).toBe(401);
      const held = (await quarantined()).find((post) => (post['body'] as Json)['name'] === 'Address check');
      expect(held?.['client_address']).toBe('198.51.100.7');
    });
  });

  it('never logs a private key', () => {
    for (const file of platform.logFiles()) {
      const log = readFileSync(file, 'utf8');
      expect(log).not.toContain(TEST_GATEWAY_KEYS.private);
      expect(log).not.toContain(TEST_OPERATOR_KEYS.private);
    }
  });
});
