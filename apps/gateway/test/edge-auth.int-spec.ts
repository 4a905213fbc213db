import {
  bootstrapAdmin,
  gatewayClient,
  Platform,
  RunningService,
  startPlatform,
  startService,
  waitFor,
} from '@leadgate/testing';

import { connect } from 'node:net';

type Client = ReturnType<typeof gatewayClient>;

/** Writes `bytes` to the gateway's socket as they are, and answers all it sends back until it closes. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const PROBLEM = 'application/problem+json';
const WELL_FORMED_UNKNOWN = 'lgt_AbCdEfGh01234567_0123456789abcdefghijABCDEFGHIJkl0GRY7Z';

/**
 * The edge's authentication, tried as an attacker would: tokens outside the Authorization header,
 * a client-chosen X-Forwarded-For, and token guessing. `platform.gateway` trusts no proxy; `proxied`
 * is a second gateway that trusts loopback as its proxy, so each test there can speak from an
 * address of its own through X-Forwarded-For.
 */
describe('authentication at the edge', () => {
  let platform: Platform;
  let proxied: RunningService;
  let adminToken: string;
  let admin: Client;
  let campaignId: string;

  /** A client of the proxied gateway, as seen from `address`. */
  const from = (address: string, token?: string): Client => {
    const client = gatewayClient(proxied.url, token);
    return (method, path, body, headers = {}) => client(method, path, body, { 'x-forwarded-for': address, ...headers });
  };

  beforeAll(async () => {
    platform = await startPlatform({
      apps: ['identity', 'campaigns', 'leads'],
      env: { gateway: { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3' } },
    });
    const services = platform.services;
    proxied = await startService('gateway', {
      env: {
        IDENTITY_URL: services.identity!.url,
        CAMPAIGNS_URL: services.campaigns!.url,
        LEADS_URL: services.leads!.url,
        DOCS_URL: 'http://127.0.0.1:9',
        WEBHOOKS_URL: 'http://127.0.0.1:9',
        TRUSTED_PROXIES: '127.0.0.1',
        ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3',
        AUTH_FAILURE_LIMIT_PER_MINUTE: '3',
      },
    });
    const account = await bootstrapAdmin(platform, 'Edge auth');
    adminToken = account.admin_token;
    admin = account.admin;
    const campaign = await admin('POST', '/v1/admin/campaigns', {
      name: 'Forms',
      fields: [{ key: 'name', label: 'Name', type: 'text' }],
    });
    campaignId = String(campaign.body['id']);
    const known = from('198.51.100.1', adminToken);
    await waitFor('token at the proxied gateway', async () =>
      (await known('GET', '/v1/me')).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await proxied?.stop();
    await platform?.stop();
  });

  async function leadCount(): Promise<number> {
    const listed = await admin('GET', `/v1/campaigns/${campaignId}/leads?limit=100`);
    expect(listed.status).toBe(200);
    return (listed.body.data ?? []).length;
  }

  describe('a token outside the Authorization header', () => {
    it('is refused with 400 in the query string, never used, on bearer, public and receiver routes', async () => {
      const anonymous = from('198.51.100.10');
      const query = `access_token=${adminToken}`;
      for (const [method, path] of [
        ['GET', `/v1/me?${query}`],
        ['GET', `/v1/admin/campaigns?${query}`],
        ['GET', `/v1/admin/campaigns?limit=5&${query}`],
        ['POST', `/oauth/token?${query}`],
        ['GET', `/docs/admin?${query}`],
      ] as const) {
        const answer = await anonymous(method, path);
        expect({ path, status: answer.status }).toEqual({ path, status: 400 });
        expect(answer.headers.get('content-type')).toContain(PROBLEM);
        expect(answer.body['type']).toContain('token_in_query');
      }
      // With a valid header too: still refused, the query token is never looked at.
      expect((await from('198.51.100.10', adminToken)('GET', `/v1/me?${query}`)).status).toBe(400);
      // Percent-encoded name, empty value: the same parameter.
      expect((await anonymous('GET', '/v1/me?access%5Ftoken=')).status).toBe(400);
      expect((await anonymous('GET', `/v1/me?access_token[]=${adminToken}`)).status).toBe(400);
      expect((await anonymous('GET', `/v1/me?access_token[0]=${adminToken}`)).status).toBe(400);
    });

    it('is refused at the receiver, in the query or as a form field, and nothing is stored', async () => {
      let attempt = 0;
      // Each attempt from an address of its own: anonymous posts are limited to 3 per address.
      await waitFor('campaign at the receiver', async () => {
        const post = from(`198.51.101.${++attempt}`);
        return (await post('POST', `/receiver/v1/campaigns/${campaignId}/leads`, { name: 'ready' })).status === 201
          ? true
          : undefined;
      });
      const before = await leadCount();
      const inQuery = await from('198.51.100.12')(
        'POST',
        `/receiver/v1/campaigns/${campaignId}/leads?access_token=${adminToken}`,
        { name: 'query' },
      );
      expect(inQuery.status).toBe(400);
      expect(inQuery.body['type']).toContain('token_in_query');

      const inForm = await fetch(`${proxied.url}/receiver/v1/campaigns/${campaignId}/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.13' },
        body: new URLSearchParams({ name: 'form', access_token: adminToken }).toString(),
      });
      expect(inForm.status).toBe(400);
      expect(inForm.headers.get('content-type')).toContain(PROBLEM);
      expect(((await inForm.json()) as { type: string }).type).toContain('token_in_body');
      expect(await leadCount()).toBe(before);
    });
  });

  describe('the client address', () => {
    const postToken = (gatewayUrl: string, forwardedFor: string) =>
      fetch(`${gatewayUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
        body: 'grant_type=client_credentials&client_id=nobody&client_secret=nothing',
      });

    it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index++)
        statuses.push((await postToken(platform.gateway.url, `203.0.113.${index}`)).status);
      // One address (the TCP peer) whatever the header says: its budget of 3 is spent.
      expect(statuses.slice(0, 3)).not.toContain(429);
      expect(statuses[3]).toBe(429);
    });

    it('takes the client address from X-Forwarded-For when the peer is a trusted proxy', async () => {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index++) statuses.push((await postToken(proxied.url, `192.0.2.${index}`)).status);
      expect(statuses).not.toContain(429);
      const same: number[] = [];
      for (let index = 0; index < 4; index++) same.push((await postToken(proxied.url, '192.0.2.100')).status);
      expect(same[3]).toBe(429);
    });
  });

  describe('failed authentications', () => {
    it('throttles an address after 3 refused tokens: 429 with Retry-After, no token checked', async () => {
      const address = '198.51.100.20';
      const good = from(address, adminToken);
      const bad = from(address, WELL_FORMED_UNKNOWN);
      expect((await bad('GET', '/v1/me')).status).toBe(401);
      expect((await from(address, 'not-a-token')('GET', '/v1/me')).status).toBe(401);
      // Successes do not count.
      for (let index = 0; index < 10; index++) expect((await good('GET', '/v1/me')).status).toBe(200);
      expect((await bad('GET', '/v1/admin/campaigns')).status).toBe(401);

      const throttled = await bad('GET', '/v1/me');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('content-type')).toContain(PROBLEM);
      expect(throttled.body['type']).toContain('too_many_failed_authentications');
      const retryAfter = Number(throttled.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Until the window ends, even a valid token from that address is not checked.
      expect((await good('GET', '/v1/me')).status).toBe(429);
      const receiver = await from(address, WELL_FORMED_UNKNOWN)('POST', `/receiver/v1/campaigns/${campaignId}/leads`, {
        name: 'x',
      });
      expect(receiver.status).toBe(429);
      expect(receiver.body['type']).toContain('too_many_failed_authentications');
      // Another address is not affected.
      expect((await from('198.51.100.21', adminToken)('GET', '/v1/me')).status).toBe(200);
    });

    it('counts refused tokens at the receiver too', async () => {
      const address = '198.51.100.22';
      const bad = from(address, WELL_FORMED_UNKNOWN);
      const post = () => bad('POST', `/receiver/v1/campaigns/${campaignId}/leads`, { name: 'x' });
      for (let index = 0; index < 3; index++) expect((await post()).status).not.toBe(429);
      const throttled = await post();
      expect(throttled.status).toBe(429);
      expect(throttled.body['type']).toContain('too_many_failed_authentications');
    });
  });

  describe('bytes that are not HTTP', () => {
    it('answers a malformed request line with 400 problem+json and closes the connection', async () => {
      const answer = await rawExchange(platform.gateway.url, 'NOT HTTP AT ALL\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(answer).toMatch(/\r\nContent-Type: application\/problem\+json/i);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
      expect(body).toMatchObject({ status: 400, title: 'Bad Request' });
      expect(String(body['type'])).toContain('bad_request');
    });

    it('answers headers beyond the limit with 431 problem+json', async () => {
      const huge = `GET /v1/me HTTP/1.1\r\nHost: x\r\nX-Junk: ${'a'.repeat(64 * 1024)}\r\n\r\n`;
      const answer = await rawExchange(platform.gateway.url, huge);
      expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
      expect(String(body['type'])).toContain('headers_too_large');
    });
  });
});
