import { bootstrapAdmin, waitFor } from '@leadgate/testing';
import { Client, leadsWorld, LeadsWorld } from './lead-test-setup';

type Json = Record<string, unknown>;

const QUOTA = 3;

/** `depth` arrays inside each other, as JSON text: the parser takes it, anything recursive on it overflows. */
function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

async function campaignOf(admin: Client, name: string): Promise<string> {
  const campaign = await admin('POST', '/v1/admin/campaigns', {
    name,
    fields: [{ key: 'name', label: 'Name', type: 'text' }],
  });
  return String(campaign.body['id']);
}

/**
 * Issue 11 findings in the lead service, through the gateway: idempotency keys scoped to token,
 * endpoint and campaign; deep bodies never a 500 or a lost post; uploaded files served so a browser
 * cannot run them; a per-account quarantine quota the sender is told about.
 */
describe('lead service hardening', () => {
  let world: LeadsWorld;
  let gateway: string;
  let otherCampaignId: string;

  beforeAll(async () => {
    world = await leadsWorld([], { leads: { QUARANTINE_MAX_PER_ACCOUNT: String(QUOTA) } });
    gateway = world.platform.gateway.url;
    otherCampaignId = await campaignOf(world.admin, 'Second campaign');
    await waitFor('second campaign at the leads service', async () =>
      (await world.admin('GET', `/v1/campaigns/${otherCampaignId}/leads`)).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  const leadName = async (campaignId: string, id: unknown) =>
    ((await world.admin('GET', `/v1/campaigns/${campaignId}/leads/${String(id)}`)).body['fields'] as Json)['name'];

  describe('Idempotency-Key scope (token, endpoint, campaign)', () => {
    it('the same key on another campaign is a new request: two leads, both bodies stored', async () => {
      const key = { 'idempotency-key': 'scope-campaigns' };
      const first = await world.admin(
        'POST',
        `/v1/campaigns/${world.campaignId}/leads`,
        { fields: { name: 'A' } },
        key,
      );
      const second = await world.admin(
        'POST',
        `/v1/campaigns/${otherCampaignId}/leads`,
        { fields: { name: 'B' } },
        key,
      );
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.headers.get('idempotent-replayed')).toBeNull();
      expect(second.body['id']).not.toBe(first.body['id']);
      expect(second.body['campaign_id']).toBe(otherCampaignId);
      expect(await leadName(world.campaignId, first.body['id'])).toBe('A');
      expect(await leadName(otherCampaignId, second.body['id'])).toBe('B');
    });

    it('the same key on single create, batch and receiver are independent requests', async () => {
      const key = { 'idempotency-key': 'scope-endpoints' };
      const leads = `/v1/campaigns/${world.campaignId}/leads`;
      const single = await world.admin('POST', leads, { fields: { name: 'Single' } }, key);
      const batch = await world.admin('POST', `${leads}/batch`, { leads: [{ fields: { name: 'Batch' } }] }, key);
      const received = await world.admin(
        'POST',
        `/receiver/v1/campaigns/${world.campaignId}/leads`,
        { name: 'Form' },
        key,
      );
      expect([single.status, batch.status, received.status]).toEqual([201, 200, 201]);
      const batchId = ((batch.body['results'] as Json[])[0]?.['lead'] as Json)['id'];
      const ids = [single.body['id'], batchId, received.body['id']];
      expect(new Set(ids).size).toBe(3);
      expect(await leadName(world.campaignId, single.body['id'])).toBe('Single');
      expect(await leadName(world.campaignId, batchId)).toBe('Batch');
      expect(await leadName(world.campaignId, received.body['id'])).toBe('Form');
    });

    it('the same key, campaign and token replays, on the receiver too; another body is 422', async () => {
      const key = { 'idempotency-key': 'scope-replay' };
      const receiver = `/receiver/v1/campaigns/${world.campaignId}/leads`;
      const first = await world.admin('POST', receiver, { name: 'Once' }, key);
      const again = await world.admin('POST', receiver, { name: 'Once' }, key);
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body['id']).toBe(first.body['id']);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await world.admin('POST', receiver, { name: 'Twice' }, key)).status).toBe(422);
    });

    it('an empty key is refused (400 bad_idempotency_key) on create and batch, and nothing is stored', async () => {
      const leads = `/v1/campaigns/${world.campaignId}/leads`;
      const empty = { 'idempotency-key': '' };
      const single = await world.admin('POST', leads, { fields: { name: 'Empty key' } }, empty);
      const batch = await world.admin('POST', `${leads}/batch`, { leads: [{ fields: { name: 'Empty key' } }] }, empty);
      expect([single.status, batch.status]).toEqual([400, 400]);
      expect(single.body['type']).toBe('https://leadgate.dev/problems/bad_idempotency_key');
      expect(batch.body['type']).toBe('https://leadgate.dev/problems/bad_idempotency_key');
      const listed = await world.admin('GET', `${leads}?field.name=${encodeURIComponent('Empty key')}`);
      expect(listed.body.data).toEqual([]);
    });

    it('two tokens with the same key are independent', async () => {
      const key = { 'idempotency-key': 'scope-tokens' };
      const leads = `/v1/campaigns/${world.campaignId}/leads`;
      const byAdmin = await world.admin('POST', leads, { fields: { name: 'By admin' } }, key);
      const byPartner = await world.partner('POST', leads, { fields: { name: 'By partner' } }, key);
      expect([byAdmin.status, byPartner.status]).toEqual([201, 201]);
      expect(byPartner.body['id']).not.toBe(byAdmin.body['id']);
      expect(await leadName(world.campaignId, byPartner.body['id'])).toBe('By partner');
    });

    it('a body nested 100,000 deep with a key is answered without a 5xx', async () => {
      const response = await fetch(`${gateway}/v1/campaigns/${world.campaignId}/leads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${world.partnerToken}`,
          'content-type': 'application/json',
          'idempotency-key': 'deep-body',
        },
        body: `{"fields":{"name":${nested(100_000)}}}`,
      });
      expect([400, 422]).toContain(response.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('uploaded files', () => {
    let filesPath: string;

    beforeAll(async () => {
      const created = await world.partner('POST', `/v1/campaigns/${world.campaignId}/leads`, {
        fields: { name: 'With files' },
      });
      filesPath = `/v1/campaigns/${world.campaignId}/leads/${String(created.body['id'])}/files`;
    });

    const upload = async (content: string, type: string, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(content)], { type }), name);
      const response = await fetch(`${gateway}${filesPath}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.partnerToken}` },
        body: form,
      });
      expect(response.status).toBe(201);
      const created = (await response.json()) as { id: string; content_type: string };
      // The upload's answer names the type the download will carry, not the uploader's claim.
      expect(created.content_type).toBe(type === 'image/png' ? 'image/png' : 'application/octet-stream');
      return created.id;
    };
    const download = (id: string) =>
      fetch(`${gateway}${filesPath}/${id}`, { headers: { authorization: `Bearer ${world.partnerToken}` } });

    it.each([
      ['text/html', 'page.html', '<script>alert(document.cookie)</script>'],
      ['image/svg+xml', 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ['application/xhtml+xml', 'page.xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><script>1</script></html>'],
    ])('serves an uploaded %s as an inert attachment', async (type, name, content) => {
      const id = await upload(content, type, name);
      const response = await download(id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-security-policy')).toMatch(/(^|;\s*)sandbox(;|$)/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
      expect(await response.text()).toBe(content);
      const listed = (await world.partner('GET', filesPath)).body.data as Json[];
      expect(listed.find((file) => file['id'] === id)?.['content_type']).toBe('application/octet-stream');
    });

    it('keeps a type on the safe list, still sandboxed', async () => {
      const id = await upload('\x89PNG\r\n\x1a\n', 'image/png', 'photo.png');
      const response = await download(id);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-security-policy')).toMatch(/(^|;\s*)sandbox(;|$)/);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="photo.png"');
    });
  });

  describe('quarantine', () => {
    it('a post nested 100,000 deep is refused with 400 and not half-stored; a normal post is still held', async () => {
      const campaignId = await campaignOf(world.admin, 'Deep posts');
      await world.admin('PUT', `/v1/admin/campaigns/${campaignId}/receiver`, { require_authentication: true });
      const receiver = `${gateway}/receiver/v1/campaigns/${campaignId}/leads`;
      const post = (body: string) =>
        fetch(receiver, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await waitFor('receiver to require authentication', async () =>
        (await post('{"name":"held"}')).status === 401 ? true : undefined,
      );
      const deep = await post(`{"name":${nested(100_000)}}`);
      expect(deep.status).toBe(400);
      expect(deep.headers.get('content-type')).toContain('application/problem+json');
      const held = ((await world.admin('GET', '/v1/admin/quarantine')).body.data ?? []) as Json[];
      const ofCampaign = held.filter((item) => item['campaign_id'] === campaignId);
      expect(ofCampaign.map((item) => item['body'])).toEqual([{ name: 'held' }]);
    });

    it('over the per-account quota answers 429 quarantine_full, keeps what is held, and shows the count', async () => {
      const account = await bootstrapAdmin(world.platform, 'Quarantine quota');
      const campaignId = await campaignOf(account.admin, 'Quota forms');
      await account.admin('PUT', `/v1/admin/campaigns/${campaignId}/receiver`, { require_authentication: true });
      const post = (name: string) =>
        fetch(`${gateway}/receiver/v1/campaigns/${campaignId}/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name }),
        });
      await waitFor('receiver to require authentication', async () =>
        (await post('held 1')).status === 401 ? true : undefined,
      );
      for (let index = 2; index <= QUOTA; index++) expect((await post(`held ${index}`)).status).toBe(401);

      const refused = await post('one too many');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as Json)['type']).toMatch(/quarantine_full$/);

      const listed = await account.admin('GET', '/v1/admin/quarantine');
      expect(listed.body).toMatchObject({ total: QUOTA, quota: QUOTA });
      const data = listed.body.data as Json[];
      expect(data.map((item) => (item['body'] as Json)['name']).sort()).toEqual(['held 1', 'held 2', 'held 3']);

      // Deciding one frees a place for the next post.
      expect((await account.admin('DELETE', `/v1/admin/quarantine/${String(data[0]?.['id'])}`)).status).toBe(204);
      expect((await post('after a discard')).status).toBe(401);
      expect((await post('full again')).status).toBe(429);
      expect((await account.admin('GET', '/v1/admin/quarantine')).body).toMatchObject({ total: QUOTA, quota: QUOTA });
    });
  });
});
