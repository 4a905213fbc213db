import { bootstrapAdmin, Platform, startPlatform, waitFor } from '@leadgate/testing';

/** An open receiver is rate-limited per client address (API.md §4), with the RateLimit headers. */
describe('open receiver rate limit', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({
      apps: ['identity', 'campaigns', 'leads'],
      env: { gateway: { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3' } },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers 429 with Retry-After once an address has used its budget', async () => {
    const account = await bootstrapAdmin(platform, 'Receiver limit');
    const admin = account.admin;
    const campaign = await admin('POST', '/v1/admin/campaigns', {
      name: 'Forms',
      fields: [{ key: 'name', label: 'Name', type: 'text' }],
    });
    const url = `${platform.gateway.url}/receiver/v1/campaigns/${String(campaign.body['id'])}/leads`;
    const post = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' });
    await waitFor('campaign at the receiver', async () => ((await post()).status === 201 ? true : undefined));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let index = 0; index < 4; index++) {
      last = await post();
      statuses.push(last.status);
    }
    expect(statuses).toContain(429);
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last?.headers.get('ratelimit-limit')).toBe('3');
  });
});
