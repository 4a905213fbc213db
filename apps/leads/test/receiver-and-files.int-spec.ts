import { waitFor } from '@leadgate/testing';
import { leadsWorld, LeadsWorld } from './lead-test-setup';

type Json = Record<string, unknown>;

/** The lead receiver with quarantine (API.md §4) and lead files, through the gateway. */
describe('lead receiver and files', () => {
  let world: LeadsWorld;
  let receiver: string;

  beforeAll(async () => {
    world = await leadsWorld();
    receiver = `${world.platform.gateway.url}/receiver/v1/campaigns/${world.campaignId}/leads`;
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  const postForm = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(receiver, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });

  it('accepts an open web form post (form-encoded) as a lead with source receiver', async () => {
    const response = await postForm({ name: 'Form Person', rooms: '5', select_partner: 'SELECT_PARTNER' });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const lead = await world.admin('GET', `/v1/campaigns/${world.campaignId}/leads/${id}`);
    expect(lead.body).toMatchObject({
      fields: { name: 'Form Person', rooms: 5 },
      source: { kind: 'receiver', id: 'anonymous' },
    });
    const invalid = await postForm({ rooms: 'many' });
    expect(invalid.status).toBe(422);
  });

  it('with authentication required: 401 and quarantine for missing or bad tokens, admins release or discard', async () => {
    expect(
      (await world.admin('PUT', `/v1/admin/campaigns/${world.campaignId}/receiver`, { require_authentication: true }))
        .status,
    ).toBe(200);
    const missing = await waitFor('receiver to require authentication', async () => {
      const response = await postForm({ name: 'No token' });
      return response.status === 401 ? response : undefined;
    });
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    const badToken = await postForm({ name: 'Bad token' }, { authorization: 'Bearer lgt_garbage' });
    expect(badToken.status).toBe(401);

    const held = await world.admin('GET', '/v1/admin/quarantine');
    const posts = (held.body.data ?? []) as Json[];
    const byName = (name: string) => posts.find((post) => (post['body'] as Json)['name'] === name);
    expect(byName('No token')).toMatchObject({ reason: 'missing_token', state: 'held' });
    expect(byName('Bad token')).toMatchObject({ reason: 'invalid_token' });
    // Quarantined posts are never in lead lists.
    const listed = (await world.admin('GET', `/v1/campaigns/${world.campaignId}/leads?limit=500`)).body.data as Json[];
    expect(listed.some((lead) => (lead['fields'] as Json)['name'] === 'No token')).toBe(false);

    const released = await world.admin('POST', `/v1/admin/quarantine/${String(byName('No token')?.['id'])}/release`);
    expect(released.status).toBe(201);
    expect(released.body['lead']).toMatchObject({ fields: { name: 'No token' }, source: { kind: 'receiver' } });
    expect((await world.admin('DELETE', `/v1/admin/quarantine/${String(byName('Bad token')?.['id'])}`)).status).toBe(
      204,
    );
    expect(((await world.admin('GET', '/v1/admin/quarantine')).body.data ?? []).length).toBe(0);

    // A lead seller with an access token (receiver:post) gets through.
    const credential = await world.admin('POST', '/v1/admin/credentials', { scope_groups: ['lead_receiver'] });
    const basic = Buffer.from(
      `${String(credential.body['client_id'])}:${String(credential.body['client_secret'])}`,
    ).toString('base64');
    const issued = await waitFor('access token', async () => {
      const response = await fetch(`${world.platform.gateway.url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      return response.status === 200 ? ((await response.json()) as { access_token: string }) : undefined;
    });
    const accepted = await waitFor('authenticated post', async () => {
      const response = await postForm({ name: 'Seller lead' }, { authorization: `Bearer ${issued.access_token}` });
      return response.status === 201 ? response : undefined;
    });
    expect(accepted.status).toBe(201);
  });

  it('uploads, lists and downloads lead files within the token scope', async () => {
    const created = await world.partner('POST', `/v1/campaigns/${world.campaignId}/leads`, {
      fields: { name: 'With file' },
    });
    const filesPath = `/v1/campaigns/${world.campaignId}/leads/${String(created.body['id'])}/files`;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('hello, leadgate')], { type: 'text/plain' }), '../../etc/quote.txt');
    const upload = await fetch(`${world.platform.gateway.url}${filesPath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.partnerToken}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string; filename: string; size: number };
    expect(file).toMatchObject({ filename: 'quote.txt', size: 15 });

    const list = await world.partner('GET', filesPath);
    expect((list.body.data as Json[]).map((item) => item['id'])).toEqual([file.id]);
    const download = await fetch(`${world.platform.gateway.url}${filesPath}/${file.id}`, {
      headers: { authorization: `Bearer ${world.partnerToken}` },
    });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('hello, leadgate');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="quote.txt"');

    // A lead outside the partner's filter has no files for it.
    const vendor = await world.admin('POST', `/v1/campaigns/${world.campaignId}/leads`, {
      fields: { name: 'Vendor' },
      select_field_values: { select_partner: 'VENDOR_NORTH' },
    });
    expect(
      (await world.partner('GET', `/v1/campaigns/${world.campaignId}/leads/${String(vendor.body['id'])}/files`)).status,
    ).toBe(404);
  });
});
