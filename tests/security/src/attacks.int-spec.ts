import {
  bootstrapAdmin,
  gatewayClient,
  Platform,
  RunningService,
  startPlatform,
  startService,
  waitFor,
} from '@leadgate/testing';
import { oneChunk, rawExchange, statusLines } from './raw-http';

type Client = ReturnType<typeof gatewayClient>;
type Json = Record<string, unknown>;

/** Every status a gateway answered in this file: the last test holds them to "no 5xx, ever". */
const seen: { what: string; status: number }[] = [];

function recording(client: Client): Client {
  return async (method, path, body, headers) => {
    const answer = await client(method, path, body, headers);
    seen.push({ what: `${method} ${path}`, status: answer.status });
    return answer;
  };
}

async function rawFetch(what: string, url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  seen.push({ what, status: response.status });
  return response;
}

/** 100,000 levels of JSON arrays: far past the 32 levels API.md §9 allows. */
const DEEP = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

/**
 * The attacks of issue 11, tried from outside through a real gateway (real Kafka, real FerretDB),
 * as an attacker would: every one is refused, nothing answers 5xx and nothing accepted is lost.
 */
describe('attacks on the edge and the admin plane', () => {
  let platform: Platform;
  let admin: Client;
  let adminToken: string;
  let partner: Client;
  let partnerToken: string;
  let campaignId: string;
  let secondCampaignId: string;
  let guardedCampaignId: string;

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads'] });
    const account = await bootstrapAdmin(platform, 'Attack test');
    admin = recording(account.admin);
    adminToken = account.admin_token;
    const campaign = async (name: string) => {
      const created = await admin('POST', '/v1/admin/campaigns', {
        name,
        fields: [{ key: 'name', label: 'Name', type: 'text', required: true }],
      });
      expect(created.status).toBe(201);
      return String(created.body['id']);
    };
    campaignId = await campaign('Attacked');
    secondCampaignId = await campaign('Second');
    guardedCampaignId = await campaign('Guarded receiver');
    expect(
      (await admin('PUT', `/v1/admin/campaigns/${guardedCampaignId}/receiver`, { require_authentication: true }))
        .status,
    ).toBe(200);
    const token = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner',
      permissions: ['read', 'write'],
    });
    partnerToken = String(token.body['token']);
    partner = recording(gatewayClient(platform.gateway.url, partnerToken));
    await waitFor('partner token at the gateway', async () =>
      (await partner('GET', `/v1/campaigns/${campaignId}/leads`)).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function newClient(body: Json): Promise<{ id: string; token: string; client: Client }> {
    const created = await admin('POST', '/v1/admin/tokens', body);
    expect(created.status).toBe(201);
    const client = recording(gatewayClient(platform.gateway.url, String(created.body['token'])));
    await waitFor('token at the gateway', async () =>
      (await client('GET', '/v1/me')).status === 200 ? true : undefined,
    );
    return { id: String(created.body['id']), token: String(created.body['token']), client };
  }

  async function leadNames(campaign: string): Promise<string[]> {
    const list = await admin('GET', `/v1/campaigns/${campaign}/leads?limit=500`);
    expect(list.status).toBe(200);
    return (list.body.data as { fields: { name: string } }[]).map((lead) => lead.fields.name);
  }

  describe('escalation', () => {
    it('a tokens:write token cannot rotate, rename, re-limit or revoke an admin token', async () => {
      const target = await newClient({ name: 'Second admin', scopes: ['admin'] });
      const writer = await newClient({ name: 'Token writer', scopes: ['tokens:write'] });
      const rotated = await writer.client('POST', `/v1/admin/tokens/${target.id}/rotate`, {});
      expect(rotated.status).toBe(403);
      expect(rotated.body['type']).toMatch(/insufficient_scope$/);
      expect(rotated.body).not.toHaveProperty('token');
      for (const [method, path, body] of [
        ['PATCH', `/v1/admin/tokens/${target.id}`, { name: 'Mine now' }],
        ['PATCH', `/v1/admin/tokens/${target.id}`, { rate_limit_per_minute: 1 }],
        ['POST', `/v1/admin/tokens/${target.id}/revoke`, {}],
      ] as const) {
        expect({ method, path, status: (await writer.client(method, path, body)).status }).toEqual({
          method,
          path,
          status: 403,
        });
      }
      expect((await target.client('GET', '/v1/me')).body).toMatchObject({ id: target.id, name: 'Second admin' });
      // Nor can it reach a partner's read+write token, whose scopes it does not hold.
      const partnerId = String((await partner('GET', '/v1/me')).body['id']);
      expect((await writer.client('POST', `/v1/admin/tokens/${partnerId}/rotate`, {})).status).toBe(403);
      expect((await partner('GET', `/v1/campaigns/${campaignId}/leads`)).status).toBe(200);
    });

    it('an access token of an account_api credential cannot rotate an admin token', async () => {
      const target = await newClient({ name: 'Third admin', preset: 'full_admin' });
      const credential = await admin('POST', '/v1/admin/credentials', {
        description: 'Integration',
        scope_groups: ['account_api'],
      });
      expect(credential.status).toBe(201);
      const basic = Buffer.from(
        `${String(credential.body['client_id'])}:${String(credential.body['client_secret'])}`,
      ).toString('base64');
      const accessToken = await waitFor('an access token', async () => {
        const answer = await rawFetch('POST /oauth/token', `${platform.gateway.url}/oauth/token`, {
          method: 'POST',
          headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        });
        return answer.status === 200 ? String(((await answer.json()) as Json)['access_token']) : undefined;
      });
      const integration = recording(gatewayClient(platform.gateway.url, accessToken));
      await waitFor('access token at the gateway', async () =>
        (await integration('GET', '/v1/me')).status === 200 ? true : undefined,
      );
      const rotated = await integration('POST', `/v1/admin/tokens/${target.id}/rotate`, {});
      expect(rotated.status).toBe(403);
      expect(rotated.body).not.toHaveProperty('token');
      expect((await integration('POST', `/v1/admin/tokens/${target.id}/revoke`, {})).status).toBe(403);
      expect((await target.client('GET', '/v1/me')).status).toBe(200);

      // RFC 7009 revocation with a Bearer: a token writer cannot kill an access token stronger than itself.
      const revoke = (bearer: string) =>
        rawFetch('POST /oauth/revoke', `${platform.gateway.url}/oauth/revoke`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: accessToken }).toString(),
        });
      const writer = await newClient({ name: 'Token writer 2', scopes: ['tokens:write'] });
      expect((await revoke(writer.token)).status).toBe(403);
      expect((await integration('GET', '/v1/me')).status).toBe(200);
      expect((await revoke(adminToken)).status).toBe(200);
      await waitFor('the revoked access token refused', async () =>
        (await integration('GET', '/v1/me')).status === 401 ? true : undefined,
      );
    });
  });

  describe('request smuggling', () => {
    it('refuses a GET whose chunked body is a second request, and the inner request never runs', async () => {
      const inner = JSON.stringify({ fields: { name: 'SMUGGLED' } });
      const smuggled =
        `POST /v1/campaigns/${campaignId}/leads HTTP/1.1\r\nHost: leads\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(inner)}\r\n\r\n${inner}`;
      const raw = await rawExchange(
        platform.gateway.url,
        `GET /v1/campaigns/${campaignId}/leads HTTP/1.1\r\nHost: gateway\r\n` +
          `Authorization: Bearer ${partnerToken}\r\nTransfer-Encoding: chunked\r\n\r\n${oneChunk(smuggled)}`,
      );
      const statuses = statusLines(raw);
      seen.push(...statuses.map((status) => ({ what: 'smuggling GET', status })));
      expect(statuses[0]).toBe(400);
      expect(raw).toContain('application/problem+json');
      // The next partners on the gateway's pooled sockets get their own answers.
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => partner('GET', `/v1/campaigns/${campaignId}/leads`)),
      );
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      expect(await leadNames(campaignId)).not.toContain('SMUGGLED');
    });

    it('refuses bodies on GET, HEAD and DELETE with a declared length too, on every path', async () => {
      const leads = `/v1/campaigns/${campaignId}/leads`;
      // A method the path does not have is 405 first (with Allow), whatever it carries; a body on
      // GET, HEAD or DELETE anywhere else is 400. Either way one answer, and the connection closes.
      for (const [method, path, status] of [
        ['GET', leads, 400],
        ['HEAD', leads, 405],
        ['DELETE', leads, 405],
        ['GET', '/v1/me', 400],
        ['GET', '/no/such/path', 400],
      ] as const) {
        const raw = await rawExchange(
          platform.gateway.url,
          `${method} ${path} HTTP/1.1\r\nHost: gateway\r\n` +
            `Authorization: Bearer ${partnerToken}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
        );
        const statuses = statusLines(raw);
        seen.push(...statuses.map((status) => ({ what: `${method} ${path} with a body`, status })));
        // One answer, then the connection closes: the body's bytes never become a request of their own.
        expect({ method, path, statuses }).toEqual({ method, path, statuses: [status] });
      }
    });
  });

  describe('JSON nested 100,000 deep', () => {
    it('is refused with 400 problem+json on a lead create with an Idempotency-Key, and nothing is stored', async () => {
      const before = await leadNames(campaignId);
      const answer = await rawFetch('deep create', `${platform.gateway.url}/v1/campaigns/${campaignId}/leads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${partnerToken}`,
          'content-type': 'application/json',
          'idempotency-key': 'deep-1',
        },
        body: `{"fields":{"name":${DEEP}}}`,
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(await leadNames(campaignId)).toEqual(before);
    });

    it('is refused with 400 on the receiver, open or guarded, so the sender knows (never a silent loss)', async () => {
      const quarantined = await admin('GET', '/v1/admin/quarantine');
      for (const campaign of [campaignId, guardedCampaignId]) {
        const answer = await rawFetch(
          'deep receiver post',
          `${platform.gateway.url}/receiver/v1/campaigns/${campaign}/leads`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: `{"name":${DEEP}}`,
          },
        );
        expect({ campaign, status: answer.status }).toEqual({ campaign, status: 400 });
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      }
      expect((await admin('GET', '/v1/admin/quarantine')).body.data).toHaveLength((quarantined.body.data ?? []).length);
    });
  });

  describe('idempotency keys', () => {
    it('do not cross campaigns or endpoints: the same key elsewhere is a new request', async () => {
      const sync = await newClient({ name: 'CRM sync', preset: 'crm_sync' });
      const key = { 'idempotency-key': 'shared-key-1' };
      const first = await sync.client('POST', `/v1/campaigns/${campaignId}/leads`, { fields: { name: 'First' } }, key);
      const second = await sync.client(
        'POST',
        `/v1/campaigns/${secondCampaignId}/leads`,
        { fields: { name: 'Second' } },
        key,
      );
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ campaign_id: secondCampaignId, fields: { name: 'Second' } });
      expect(second.body['id']).not.toBe(first.body['id']);
      const batch = await sync.client(
        'POST',
        `/v1/campaigns/${campaignId}/leads/batch`,
        { leads: [{ fields: { name: 'Batched' } }] },
        key,
      );
      expect(batch.status).toBe(200);
      expect(batch.body).toMatchObject({ created: 1 });
      const replay = await sync.client('POST', `/v1/campaigns/${campaignId}/leads`, { fields: { name: 'First' } }, key);
      expect(replay.body['id']).toBe(first.body['id']);
      expect(await leadNames(secondCampaignId)).toContain('Second');
      expect(await leadNames(campaignId)).toEqual(expect.arrayContaining(['First', 'Batched']));
    });
  });

  describe('tokens in the query string', () => {
    it('are refused with 400 and never used', async () => {
      for (const path of [`/v1/me?access_token=${adminToken}`, `/v1/admin/campaigns?access_token=${adminToken}`]) {
        const answer = await rawFetch('query token', `${platform.gateway.url}${path}`, { method: 'GET' });
        expect({ path: path.split('?')[0], status: answer.status }).toEqual({ path: path.split('?')[0], status: 400 });
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      }
      const alongside = await admin('GET', `/v1/me?access_token=${adminToken}`);
      expect(alongside.status).toBe(400);
    });
  });

  describe('management endpoints', () => {
    it('the public port serves no /metrics and a readiness without details', async () => {
      const metrics = await rawFetch('public metrics', `${platform.gateway.url}/metrics`, { method: 'GET' });
      expect(metrics.status).toBe(404);
      expect(await metrics.text()).not.toContain('process_cpu');
      const ready = await rawFetch('public readiness', `${platform.gateway.url}/health/ready`, { method: 'GET' });
      expect(ready.status).toBe(200);
      expect(Object.keys((await ready.json()) as Json)).toEqual(['status']);
    });
  });

  describe('a client that lies about its address', () => {
    let edge: RunningService;
    let edgeUrl: string;

    beforeAll(async () => {
      // A gateway of its own with small limits, so this test's budget is not shared with the others.
      edge = await startService('gateway', {
        env: {
          IDENTITY_URL: platform.services.identity!.url,
          CAMPAIGNS_URL: platform.services.campaigns!.url,
          LEADS_URL: platform.services.leads!.url,
          DOCS_URL: 'http://127.0.0.1:9',
          ANONYMOUS_RATE_LIMIT_PER_MINUTE: '5',
          AUTH_FAILURE_LIMIT_PER_MINUTE: '10',
        },
      });
      edgeUrl = edge.url;
    });

    afterAll(async () => {
      await edge?.stop();
    });

    it('cannot escape the anonymous per-address limit with a spoofed X-Forwarded-For', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 9; attempt++) {
        const answer = await rawFetch('spoofed receiver post', `${edgeUrl}/receiver/v1/campaigns/${campaignId}/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${attempt + 1}` },
          body: JSON.stringify({ name: `Spoofed ${attempt}` }),
        });
        statuses.push(answer.status);
        if (answer.status === 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses.filter((status) => status === 201)).toHaveLength(5);
      expect(statuses.slice(5)).toEqual([429, 429, 429, 429]);
      // Every post that was accepted is stored.
      const names = await leadNames(campaignId);
      for (let attempt = 0; attempt < 5; attempt++) expect(names).toContain(`Spoofed ${attempt}`);
    });

    it('is throttled after repeated failed authentications, whatever address it claims', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 14; attempt++) {
        const answer = await rawFetch('guessed token', `${edgeUrl}/v1/me`, {
          method: 'GET',
          headers: { authorization: `Bearer lgt_guess${attempt}`, 'x-forwarded-for': `198.51.100.${attempt + 1}` },
        });
        statuses.push(answer.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 401));
      expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
      const throttled = await rawFetch('valid token while throttled', `${edgeUrl}/v1/me`, {
        method: 'GET',
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  it('answered no request with a 5xx', () => {
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.filter((entry) => entry.status >= 500)).toEqual([]);
  });
});
