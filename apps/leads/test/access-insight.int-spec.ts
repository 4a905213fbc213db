import { GatewayClient, invitePerson, sessionCall, waitFor } from '@leadgate/testing';
import { byName, change, insightWorld, InsightWorld, viaAccount, viaCampaign } from './access-insight-setup';

type Json = Record<string, unknown>;

const partner = { select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' };
const vendorNorth = { select: 'select_partner', op: 'eq', value: 'VENDOR_NORTH' };
const won = { status: 'won', op: 'eq' };

/**
 * Access insight (API.md §14) through the gateway with real tokens: filter previews counted against
 * the store (gains and losses per live token on a filter), who can read a lead, and everything
 * that must be refused: other accounts, other campaigns, missing scopes, campaign tokens, bad or
 * hostile conditions. A preview changes nothing and is not audited.
 */
describe('access insight', () => {
  let world: InsightWorld;
  const preview = (client: GatewayClient, body: unknown, campaignId = world.campaignId) =>
    client('POST', `/v1/admin/campaigns/${campaignId}/filters/preview`, body);
  const access = (client: GatewayClient, leadId: string, campaignId = world.campaignId) =>
    client('GET', `/v1/admin/campaigns/${campaignId}/leads/${leadId}/access`);

  beforeAll(async () => {
    world = await insightWorld();
  }, 180_000);

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('counts what a condition matches, with the first ids in creation order, and no tokens without filter_id', async () => {
    const { leads } = world;
    const answer = await waitFor('every lead counted', async () => {
      const response = await preview(world.admin, { condition: { any: [partner, won] } });
      return response.status === 200 && response.body['matching'] === 3 ? response : undefined;
    });
    expect(answer.body).toEqual({ matching: 3, sample: [leads.pNew, leads.pWon, leads.vWon], tokens: [] });
    const everything = await preview(world.admin, { condition: { status: true, op: 'not_empty' } });
    expect(everything.body).toEqual({
      matching: 6,
      sample: [leads.pNew, leads.pWon, leads.vWon, leads.vNew, leads.sNew, leads.xNew],
      tokens: [],
    });
    const noSelect = await preview(world.admin, { condition: { select: 'select_partner', op: 'empty' } });
    expect(noSelect.body).toEqual({ matching: 1, sample: [leads.xNew], tokens: [] });
  });

  it('tells each live token on filter_id what it would gain and lose; a revoked one is left out', async () => {
    const { tokens, filters, leads } = world;
    const widened = await waitFor('both partner tokens', async () => {
      const response = await preview(world.admin, { condition: { any: [partner, won] }, filter_id: filters.partner });
      return (response.body['tokens'] as unknown[] | undefined)?.length === 2 ? response : undefined;
    });
    expect(widened.body).toEqual({
      matching: 3,
      sample: [leads.pNew, leads.pWon, leads.vWon],
      tokens: [change(tokens.partner, 1, 0), change(tokens.partnerBackup, 1, 0)],
    });
    const switched = await preview(world.admin, { condition: vendorNorth, filter_id: filters.partner });
    expect(switched.body).toEqual({
      matching: 2,
      sample: [leads.vWon, leads.vNew],
      tokens: [change(tokens.partner, 2, 2), change(tokens.partnerBackup, 2, 2)],
    });
    const wonToPartner = await preview(world.admin, { condition: partner, filter_id: filters.won });
    expect(wonToPartner.body).toEqual({
      matching: 2,
      sample: [leads.pNew, leads.pWon],
      tokens: [change(tokens.won, 1, 1)],
    });
    const same = await preview(world.admin, { condition: { all: [won] }, filter_id: filters.won });
    expect(same.body['tokens']).toEqual([change(tokens.won, 0, 0)]);
    // The vendor filter's only token is revoked: nobody would gain or lose anything.
    const vendor = await waitFor('the revocation at leads', async () => {
      const response = await preview(world.admin, { condition: partner, filter_id: filters.vendor });
      return (response.body['tokens'] as unknown[] | undefined)?.length === 0 ? response : undefined;
    });
    expect(vendor.body).toEqual({ matching: 2, sample: [leads.pNew, leads.pWon], tokens: [] });
  });

  it('lists every live token that reads a lead now, and how; webhooks is empty', async () => {
    const { tokens, leads } = world;
    const accountLevel = [viaAccount(tokens.owner), viaAccount(tokens.analytics), viaAccount(tokens.access, 'access')];
    const all = viaCampaign(tokens.all, ['read'], 'campaign');
    const expected: [string, Json[]][] = [
      [
        leads.pNew,
        [
          viaCampaign(tokens.partner, ['read'], 'filter'),
          viaCampaign(tokens.partnerBackup, ['read', 'write'], 'filter'),
          all,
          ...accountLevel,
        ],
      ],
      // The revoked vendor token's filter matches this lead: it is not listed.
      [leads.vWon, [viaCampaign(tokens.won, ['read'], 'filter'), all, ...accountLevel]],
      [leads.xNew, [all, ...accountLevel]],
    ];
    for (const [leadId, readers] of expected) {
      const want = { tokens: [...readers].sort(byName), webhooks: [] };
      // Token state reaches the leads service through Kafka: poll a moment, then compare what came last.
      let answer = await access(world.admin, leadId);
      for (let tries = 0; tries < 100 && JSON.stringify(answer.body) !== JSON.stringify(want); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await access(world.admin, leadId);
      }
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(want);
    }
    // Token auditors see it too; what they see is the same list.
    const audited = await access(tokens.tokensReader.client, leads.xNew);
    expect(audited.status).toBe(200);
    expect(audited.body['tokens']).toHaveLength(4);
  });

  it('answers 404 for other accounts, other campaigns and unknown ids, without naming any lead', async () => {
    const { stranger, leads, filters } = world;
    const refusals = [
      await preview(stranger.admin, { condition: partner }),
      await access(stranger.admin, leads.pNew),
      await preview(world.admin, { condition: partner }, stranger.campaignId),
      await access(world.admin, stranger.leadId, stranger.campaignId),
      await access(world.admin, stranger.leadId),
      await access(world.admin, leads.otherCampaign),
      await access(world.admin, 'lead_unknown'),
      await access(world.admin, leads.pNew, 'cmp_unknown'),
      await preview(world.admin, { condition: partner }, 'cmp_unknown'),
      await preview(world.admin, { condition: partner, filter_id: filters.otherCampaign }),
      await preview(world.admin, { condition: partner, filter_id: stranger.filterId }),
      await preview(world.admin, { condition: partner, filter_id: 'flt_unknown' }),
    ];
    for (const [index, answer] of refusals.entries()) {
      expect({ index, status: answer.status }).toEqual({ index, status: 404 });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      const text = JSON.stringify({ ...answer.body, instance: undefined });
      for (const id of [...Object.values(leads), stranger.leadId]) expect(text).not.toContain(id);
    }
  });

  it('refuses a token without the scope and every campaign token with 403', async () => {
    const { tokens, leads } = world;
    const noCampaignsRead = await preview(tokens.tokensReader.client, { condition: partner });
    expect(noCampaignsRead.status).toBe(403);
    expect(noCampaignsRead.body).toMatchObject({ status: 403 });
    expect(String(noCampaignsRead.body['detail'])).toContain('campaigns:read');
    const noTokensRead = await access(tokens.schemaReader.client, leads.pNew);
    expect(noTokensRead.status).toBe(403);
    expect(String(noTokensRead.body['detail'])).toContain('tokens:read');
    expect((await preview(tokens.schemaReader.client, { condition: partner })).status).toBe(200);
    for (const campaignToken of [tokens.partner, tokens.all]) {
      expect((await preview(campaignToken.client, { condition: partner })).status).toBe(403);
      expect((await access(campaignToken.client, leads.pNew)).status).toBe(403);
      // And on another campaign a campaign token learns nothing: 404.
      expect((await preview(campaignToken.client, { condition: partner }, world.otherCampaignId)).status).toBe(404);
    }
  });

  it('takes a console session like a token (CSRF header for the POST)', async () => {
    const viewer = await invitePerson([world.platform.gateway.url], world.admin, 'viewer');
    const url = world.platform.gateway.url;
    const path = `/v1/admin/campaigns/${world.campaignId}/filters/preview`;
    const answer = await sessionCall(url, 'POST', path, viewer.session, { condition: partner });
    expect(answer).toMatchObject({ status: 200, body: { matching: 2 } });
    const noCsrf = await sessionCall(url, 'POST', path, { cookie: viewer.session.cookie }, { condition: partner });
    expect(noCsrf.status).toBe(403);
    const readers = await sessionCall(
      url,
      'GET',
      `/v1/admin/campaigns/${world.campaignId}/leads/${world.leads.pNew}/access`,
      viewer.session,
    );
    expect(readers.status).toBe(200);
  });

  it('checks the condition like a filter being saved: 422, one error per bad leaf, as campaigns answers', async () => {
    const bad = {
      all: [
        { select: 'select_nope', op: 'eq', value: 'X' },
        { select: 'select_partner', op: 'eq', value: 'NOT_AN_OPTION' },
        { status: 'lost', op: 'eq' },
        { field: 'nope', op: 'eq', value: 'x' },
      ],
    };
    const previewed = await preview(world.admin, { condition: bad, filter_id: world.filters.partner });
    expect(previewed.status).toBe(422);
    expect(previewed.headers.get('content-type')).toContain('application/problem+json');
    const errors = previewed.body['errors'] as { path: string }[];
    expect(errors.map((error) => error.path)).toEqual([
      'condition.all.0.select',
      'condition.all.1.value',
      'condition.all.2.status',
      'condition.all.3.field',
    ]);
    const saved = await world.admin('POST', `/v1/admin/campaigns/${world.campaignId}/filters`, {
      name: 'Bad',
      condition: bad,
    });
    expect(saved.status).toBe(422);
    expect(previewed.body['errors']).toEqual(saved.body['errors']);
    const unknownOption = await preview(world.admin, { condition: { ...partner, value: 'NOT_AN_OPTION' } });
    expect(unknownOption).toMatchObject({ status: 422, body: { errors: [{ path: 'condition.value' }] } });
    for (const body of [{}, { condition: partner, extra: 1 }, { condition: partner, filter_id: 5 }]) {
      expect((await preview(world.admin, body)).status).toBe(422);
    }
  });

  it('treats values as data: an operator object is refused, an operator-looking string matches nothing', async () => {
    for (const condition of [
      { field: 'name', op: 'eq', value: { $gt: '' } },
      { select: 'select_partner', op: 'eq', value: { $ne: null } },
      { field: 'name', op: 'in', value: [{ $gt: '' }] },
      { field: 'name', op: 'eq', value: 'x', $where: 'true' },
      { $or: [partner] },
      { all: [partner], $and: [partner] },
    ]) {
      const answer = await preview(world.admin, { condition });
      expect({ condition, status: answer.status }).toEqual({ condition, status: 422 });
      expect(answer.body).not.toHaveProperty('matching');
    }
    const objectValue = await preview(world.admin, { condition: { field: 'name', op: 'eq', value: { $gt: '' } } });
    expect(objectValue.body['errors']).toEqual([
      { path: 'condition.value', message: expect.stringContaining('never an object') },
    ]);
    const operatorText = await preview(world.admin, { condition: { field: 'name', op: 'eq', value: '$gt' } });
    expect(operatorText).toMatchObject({ status: 200, body: { matching: 0, sample: [] } });
    const notEmpty = await preview(world.admin, { condition: { field: 'name', op: 'neq', value: '{"$gt": ""}' } });
    expect(notEmpty).toMatchObject({ status: 200, body: { matching: 6 } });
  });

  it('holds up against huge conditions: limits are 422, deep JSON 400, big bodies 413, a heavy valid one answers', async () => {
    const leaves = Array.from({ length: 201 }, (_, index) => ({ field: 'name', op: 'eq', value: `n${index}` }));
    const tooMany = await preview(world.admin, { condition: { any: leaves } });
    expect(tooMany).toMatchObject({ status: 422, body: { errors: [{ path: 'condition' }] } });
    let deep: Json = partner;
    for (let depth = 0; depth < 40; depth++) deep = { not: deep };
    expect((await preview(world.admin, { condition: deep })).status).toBe(400);
    let nine: Json = partner;
    for (let depth = 0; depth < 8; depth++) nine = { not: nine };
    expect((await preview(world.admin, { condition: nine })).status).toBe(422);
    const big = { any: [{ field: 'name', op: 'in', value: Array.from({ length: 100 }, () => 'x'.repeat(1000)) }] };
    const tooBig = await preview(world.admin, { condition: { any: Array.from({ length: 12 }, () => big) } });
    expect(tooBig.status).toBe(413);
    // 200 leaves, 4 long values each (~720 kB): within every limit, so it is counted.
    const heavy = Array.from({ length: 200 }, (_, index) => ({
      field: 'name',
      op: 'in',
      value: Array.from({ length: 4 }, (_, item) => `${index}-${item}-${'y'.repeat(900)}`),
    }));
    const started = Date.now();
    const answer = await preview(world.admin, { condition: { any: heavy }, filter_id: world.filters.partner });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      matching: 0,
      sample: [],
      tokens: [
        { gains: 0, loses: 2 },
        { gains: 0, loses: 2 },
      ],
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('changes nothing and writes no audit entry, while a leads admin change is audited', async () => {
    const { admin, campaignId, filters } = world;
    expect((await preview(admin, { condition: vendorNorth, filter_id: filters.partner })).status).toBe(200);
    const filter = await admin('GET', `/v1/admin/campaigns/${campaignId}/filters/${filters.partner}`);
    expect(filter.body).toMatchObject({ version: 1, condition: partner });
    const listed = await admin('GET', `/v1/campaigns/${campaignId}/leads?limit=50`);
    expect(listed.body.data).toHaveLength(6);
    // The control: a change the leads service audits (discarding a quarantined post), made after the previews.
    const other = world.otherCampaignId;
    expect((await admin('PUT', `/v1/admin/campaigns/${other}/receiver`, { require_authentication: true })).status).toBe(
      200,
    );
    await waitFor('a quarantined post', async () => {
      const response = await fetch(`${world.platform.gateway.url}/receiver/v1/campaigns/${other}/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'No token' }),
      });
      return response.status === 401;
    });
    const held = (await admin('GET', '/v1/admin/quarantine')).body.data as Json[];
    expect((await admin('DELETE', `/v1/admin/quarantine/${String(held[0]?.['id'])}`)).status).toBe(204);
    const entries = await waitFor('the discard in the audit log', async () => {
      const page = await admin('GET', '/v1/admin/audit?limit=200');
      const data = (page.body.data ?? []) as Json[];
      return data.some((entry) => entry['action'] === 'quarantine.delete') ? data : undefined;
    });
    const fromLeads = entries.filter((entry) => entry['service'] === 'leads').map((entry) => entry['action']);
    expect(fromLeads).toEqual(['quarantine.delete']);
    expect(JSON.stringify(entries)).not.toContain('preview');
  });
});
