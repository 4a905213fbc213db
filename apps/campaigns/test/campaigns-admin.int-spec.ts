import { adminPrincipal, RunningService, signedFetch, startService, uniqueRunId } from '@leadgate/testing';

/** The first campaigns endpoints, called as the gateway calls them (signed principal). */
describe('campaigns admin endpoints', () => {
  const runId = uniqueRunId();
  const admin = adminPrincipal(`acc_${runId}`);
  let campaigns: RunningService;

  beforeAll(async () => {
    campaigns = await startService('campaigns', { env: { MONGO_DATABASE: `${runId}_campaigns` } });
  });

  afterAll(async () => {
    await campaigns.stop();
  });

  it('creates a campaign with the default status and reads it back', async () => {
    const created = await signedFetch(campaigns.url, 'POST', '/v1/admin/campaigns', admin, {
      name: '  Heat pumps DK ',
    });
    expect(created.status).toBe(201);
    const campaign = (await created.json()) as Record<string, unknown>;
    expect(campaign).toMatchObject({
      name: 'Heat pumps DK',
      account_id: admin.account_id,
      statuses: [{ slug: 'new', is_default: true }],
      version: 1,
    });
    expect(campaign).not.toHaveProperty('publish_pending');

    const read = await signedFetch(campaigns.url, 'GET', `/v1/admin/campaigns/${String(campaign['id'])}`, admin);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(campaign);

    const list = await signedFetch(campaigns.url, 'GET', '/v1/admin/campaigns', admin);
    expect(((await list.json()) as { data: { id: string }[] }).data.map((item) => item.id)).toContain(campaign['id']);
  });

  it('answers 404 for a campaign of another account', async () => {
    const created = await signedFetch(campaigns.url, 'POST', '/v1/admin/campaigns', admin, { name: 'Mine' });
    const { id } = (await created.json()) as { id: string };
    const stranger = adminPrincipal(`acc_other_${runId}`);
    const read = await signedFetch(campaigns.url, 'GET', `/v1/admin/campaigns/${id}`, stranger);
    expect(read.status).toBe(404);
  });

  it('refuses bad bodies with one error per problem, storing nothing', async () => {
    const before = (
      (await (await signedFetch(campaigns.url, 'GET', '/v1/admin/campaigns', admin)).json()) as { data: unknown[] }
    ).data.length;
    const response = await signedFetch(campaigns.url, 'POST', '/v1/admin/campaigns', admin, {
      name: '',
      $where: 'x',
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors.map((error) => error.path).sort()).toEqual(['(body)', 'name']);
    const after = (
      (await (await signedFetch(campaigns.url, 'GET', '/v1/admin/campaigns', admin)).json()) as { data: unknown[] }
    ).data.length;
    expect(after).toBe(before);
  });

  it('needs the campaigns scopes: 403 naming the scope', async () => {
    const reader = adminPrincipal(admin.account_id, ['campaigns:read']);
    const response = await signedFetch(campaigns.url, 'POST', '/v1/admin/campaigns', reader, { name: 'x' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { detail: string }).detail).toContain('campaigns:write');
    const wildcard = adminPrincipal(admin.account_id, ['campaigns:*']);
    expect((await signedFetch(campaigns.url, 'POST', '/v1/admin/campaigns', wildcard, { name: 'x' })).status).toBe(201);
  });

  it('refuses calls that did not come through the gateway', async () => {
    const response = await fetch(`${campaigns.url}/v1/admin/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-leadgate-principal': 'e30', 'x-leadgate-signature': 'forged' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(response.status).toBe(401);
  });
});
